"""Plot descriptions: the plain data a figure's `build()` returns.

A description says what to draw, not how: the plot widget draws it with
plotext, the tests read it instead of pixels, and `tutor lessons --check`
builds it without a screen. Values may be lists or numpy arrays; nothing
here imports numpy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Sequence, Union

SERIES_KINDS = ("line", "scatter", "bar", "histogram", "hline", "vline")


@dataclass(frozen=True)
class Series:
    """One thing drawn on a plot.

    `kind` is one of SERIES_KINDS. For "bar", `x` holds the labels or
    positions; for "histogram", `y` holds the samples and `bins` the bin
    count; for "hline"/"vline", `y`/`x` holds the one value. `marker` is a
    plotext marker (so series stay apart without colour) and `style` a role
    the widget maps to a theme colour ("primary", "secondary", "accent",
    "warning", "error", "success", "muted"). `width` is a bar's width as a
    share of the spacing between bars (1: they touch); None lets plotext
    choose.
    """

    kind: str
    x: Sequence[Any] = ()
    y: Sequence[Any] = ()
    label: str = ""
    marker: str | None = None
    style: str = "primary"
    bins: int = 20
    width: float | None = None


@dataclass(frozen=True)
class Plot:
    """Axes with series on them, and a caption of readouts under the figure.

    `message` replaces the drawing when there is nothing sound to draw
    (a learning rate that diverged, say); the caption still shows.
    `equal_aspect` makes a unit as long across as up (circles look round).
    `yscale` is "linear" or "log" (the widget plots log₁₀ y and labels the
    ticks with the values). `inactive` names the explorable parameters this
    view does not use, so the widget can grey them out. `legend` says where the
    labels of the series go: "auto" inside the top left of the axes unless data
    lies under it, "outside" always out of the data (beside the axes when there
    is room, else on a line under them): explorables, whose data moves, use it.
    """

    series: tuple[Series, ...] = ()
    title: str = ""
    xlabel: str = ""
    ylabel: str = ""
    xlim: tuple[float, float] | None = None
    ylim: tuple[float, float] | None = None
    caption: tuple[str, ...] = ()
    message: str | None = None
    equal_aspect: bool = False
    yscale: str = "linear"
    inactive: tuple[str, ...] = ()
    legend: str = "auto"


@dataclass(frozen=True)
class Panels:
    """Several plots shown side by side when there is room, one at a time when not."""

    plots: tuple[Plot, ...]
    caption: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shades:
    """Greyscale pictures (2-D grids of values in [0, 1]) drawn as shaded blocks, side by side."""

    pictures: tuple[tuple[str, Sequence[Sequence[float]]], ...]
    caption: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatrixStep:
    """One step of a matrix product C = A @ B: row `i` of A times column `j` of B fills C[i, j].

    `C` holds the entries filled so far (None where not yet computed);
    `terms` are the products summed for C[i, j]. `names` are what the figure calls
    A, B and C, so the drawing uses the names of the prose beside it.
    """

    A: Sequence[Sequence[float]]
    B: Sequence[Sequence[float]]
    C: Sequence[Sequence[float | None]]
    i: int | None
    j: int | None
    terms: tuple[tuple[float, float], ...] = ()
    caption: tuple[str, ...] = ()
    names: tuple[str, str, str] = ("A", "B", "C")


Description = Union[Plot, Panels, Shades, MatrixStep]
DESCRIPTION_TYPES: tuple[type, ...] = (Plot, Panels, Shades, MatrixStep)


def _finite_count(values: Any) -> int:
    count = 0
    for value in values:
        try:
            if math.isfinite(float(value)):
                count += 1
        except (TypeError, ValueError):
            count += 1  # a label counts as data
    return count


def _any_positive(values: Any) -> bool:
    for value in values:
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if math.isfinite(number) and number > 0:
            return True
    return False


def problems(description: object) -> list[str]:
    """Why `description` cannot be drawn (empty list: it can)."""
    if not isinstance(description, DESCRIPTION_TYPES):
        return [f"build returned {type(description).__name__}, not a plot description"]
    if isinstance(description, Panels):
        if not description.plots:
            return ["no panels"]
        return [problem for plot in description.plots for problem in problems(plot)]
    if isinstance(description, Plot):
        if description.message is not None:
            return []
        if not description.series:
            return ["no series"]
        found = []
        for series in description.series:
            if series.kind not in SERIES_KINDS:
                found.append(f"unknown series kind {series.kind!r}")
            elif series.kind != "vline" and _finite_count(series.y) == 0:
                found.append(f"series {series.label or series.kind!r} has no finite data")
            elif description.yscale == "log" and series.kind in ("line", "scatter") and not _any_positive(series.y):
                found.append(f"series {series.label or series.kind!r} has no positive data for a log scale")
        return found
    if isinstance(description, Shades):
        if not description.pictures:
            return ["no pictures"]
        return [f"picture {title!r} has no finite data" for title, grid in description.pictures
                if sum(_finite_count(row) for row in grid) == 0]
    if not description.A or not description.B:
        return ["empty matrices"]
    return []
