"""A plot description (`Plot` or `Panels`) put on a plotext figure, axes by axes.

`populate` sizes the figure and calls plotext's public methods (`plot`,
`scatter`, `xticks`, ...) for every series; what plotext cannot draw well is
left to `plot_build` afterwards, and each axes' `Frame` says where it goes.
plotext picks its own ticks and limits from the data; here the limits are
widened so every tick lands on the cell that holds its value (`plot_axes`).
Markers differ between series, so they are told apart without colour; the
first line, the figure's subject, gets the heaviest. No Textual here: the
same drawing is exported as text and read back by the tests.

    message, frames = populate(Figure(), description, 80, 20, side_by_side=True, panel=0)
"""

from __future__ import annotations

from typing import Any

from tutor.lesson.plots import Panels, Plot, Series
from tutor.widgets.figures import _plot_axes as plot_axes
from tutor.widgets.figures import _plot_data as plot_data
from tutor.widgets.adapters import plotext_internals as internals
from tutor.widgets.figures._plot_data import Points

LINE_MARKERS = ("hd", "braille", "•", "+")
"""Line markers in the order series take them: the first line (the subject) gets the heaviest."""
SCATTER_MARKERS = ("•", "x", "+", "o")
BAR_LEGEND = "█"

MARK_WEIGHT = {"sd": 4, "█": 4, "●": 3, "hd": 3, "fhd": 3, "•": 2, "+": 2, "x": 2, "o": 2, "braille": 1, "dot": 1}
"""How heavy a marker looks, for telling a figure's subject from its helpers (tests use it)."""

Colours = dict[str, tuple[int, int, int]]
"""An RGB colour for each role a series can take ("primary", "accent", ...): `palette.palette`."""


class Frame:
    """Where one axes' canvas is, its grid axes, and what is drawn after plotext (bars, labels).

    Rows count from the bottom, as in plotext's matrix.
    """

    def __init__(self, x: plot_axes.GridAxis, y: plot_axes.GridAxis, left: int, bottom: int, title: str, ylabel: str):
        self.x, self.y = x, y
        self.left, self.bottom = left, bottom
        self.title, self.ylabel = title, ylabel
        self.bars: list[tuple[list[float], list[float], float, Any]] = []
        self.legend: tuple[int, int] = (0, 0)
        """(rows, columns) at the top left of the canvas that plotext's legend takes."""
        self.outside: str | None = None
        """Where the legend is when it is out of the data: "right" of the axes, "below" them, or None."""
        self.full: tuple[int, int] = (0, 0)
        """The size of the whole drawing, legend included (the axes may take less)."""
        self.entries: list[tuple[str, str, Any]] = []
        """The legend beside the axes: (sample, label, colour), one a row from the canvas top."""
        self.below: list[list[tuple[str, str, Any]]] = []
        """The legend under the axes, line by line."""

    @property
    def columns(self) -> int:
        return self.x.cells

    @property
    def rows(self) -> int:
        return self.y.cells


def populate(
    figure: Any,
    description: Plot | Panels,
    width: int,
    height: int,
    *,
    side_by_side: bool,
    panel: int,
    colours: Colours | None = None,
) -> tuple[str | None, list[tuple[Any, Frame]]]:
    """Put `description` on the plotext `figure`: (a message to show instead, or None; the axes drawn).

    A `Panels` becomes subplots side by side when `side_by_side`, else only panel `panel` is drawn.
    Without `colours` every series takes the theme's colour (plain text export).
    """
    internals.set_size(figure, width, height)
    if isinstance(description, Plot):
        if description.message is not None:
            return description.message, []
        return None, [(figure, draw_axes(figure, description, width, height, colours, single=True))]
    plots = description.plots
    if not side_by_side:
        plot = plots[panel % len(plots)]
        if plot.message is not None:
            return plot.message, []
        return None, [(figure, draw_axes(figure, plot, width, height, colours, single=True))]
    figure.subplots(1, len(plots))
    internals.lay_out(figure)  # so each subplot knows its size before its axes are laid out
    frames = []
    for index, plot in enumerate(plots, start=1):
        axes = figure.subplot(1, index)
        if plot.message is not None:
            axes.title(plot.message)
            continue
        axes_width, axes_height = internals.subplot_size(axes)
        frames.append((axes, draw_axes(axes, plot, axes_width or width // len(plots), axes_height or height, colours)))
    figure.main()
    return None, frames


def paint(figure: Any, canvas: tuple[int, int, int], ticks: tuple[int, int, int]) -> None:
    """Colour `figure`'s canvas and the frame around it `canvas`, and its ticks and labels `ticks`.

    Call it after `populate`: plotext colours each subplot, and they exist only then.
    """
    figure.canvas_color(canvas)
    figure.axes_color(canvas)
    figure.ticks_color(ticks)


def canvas_size(width: int, height: int, plot: Plot, y_label_width: int) -> tuple[int, int]:
    """The cells plotext leaves for data in a `width` x `height` axes: (columns, rows).

    The frame takes a column each side and a row above and below; the y tick labels take
    `y_label_width` columns, the x tick labels a row, the x label a row, and the row above
    the frame holds the title and the y label.
    """
    columns = width - 2 - y_label_width
    rows = height - 2 - 1 - (1 if plot.xlabel else 0) - (1 if plot.title or plot.ylabel else 0)
    return max(columns, 2), max(rows, 2)


LEGEND_SAMPLES = {"hd": "▀▄", "fhd": "▀▄", "sd": "██", "braille": "⠤⠤", "dot": "··"}
"""What an outside legend shows for a line drawn with each of plotext's named markers."""

LEGEND_GAP = 3
"""Columns between two entries of a legend line, and between the axes and a legend beside them."""


def legend_sample(kind: str, marker: str) -> str:
    """The mark an outside legend puts before a series' label: two cells for a line, one for a point."""
    if marker in LEGEND_SAMPLES:
        return LEGEND_SAMPLES[marker]
    if kind in ("bar", "histogram"):
        return BAR_LEGEND
    return marker if kind == "scatter" else marker * 2


def legend_lines(entries: list[tuple[str, str, Any]], width: int) -> list[list[tuple[str, str, Any]]]:
    """The entries of a legend packed into lines at most `width` cells wide, in order."""
    lines: list[list[tuple[str, str, Any]]] = [[]]
    used = 0
    for entry in entries:
        size = len(entry[0]) + 1 + len(entry[1])
        if lines[-1] and used + LEGEND_GAP + size > width:
            lines.append([])
            used = 0
        used += size + (LEGEND_GAP if lines[-1] else 0)
        lines[-1].append(entry)
    return lines if lines[-1] else []


def _marker_of(series: Series, lines: int, scatters: int) -> str:
    if series.kind == "line":
        return series.marker or LINE_MARKERS[lines % len(LINE_MARKERS)]
    if series.kind == "scatter":
        return series.marker or SCATTER_MARKERS[scatters % len(SCATTER_MARKERS)]
    if series.kind in ("hline", "vline"):
        return series.marker or "hd"
    return BAR_LEGEND


def _legend_entries(plot: Plot, colours: Colours | None) -> list[tuple[str, str, Any]]:
    """(sample, label, colour) of every labelled series, with the markers `draw_axes` gives them."""
    entries = []
    lines = scatters = 0
    for series in plot.series:
        marker = _marker_of(series, lines, scatters)
        lines += series.kind == "line"
        scatters += series.kind == "scatter"
        if series.label:
            colour = colours.get(series.style, colours.get("primary")) if colours else None
            entries.append((legend_sample(series.kind, marker), series.label, colour))
    return entries


def draw_axes(
    axes: Any,
    plot: Plot,
    width: int,
    height: int,
    colours: Colours | None,
    single: bool = False,
) -> Frame:
    """Draw one `Plot` on a plotext figure or subplot `width` x `height` cells in size.

    The limits are widened so every tick sits on the cell that holds its value, the ticks
    evenly spaced (see `plot_axes.grid_axis`); bars are drawn afterwards by `plot_build.finish`.
    When the axes are the whole figure (`single`) and the legend goes outside the data
    (`Plot.legend`), it is drawn beside the axes (equal-scale geometry, which rarely needs
    the whole width) or on lines under them, and the axes take the rest of the room.
    """
    log = plot.yscale == "log"
    prepared = [plot_data.points(series, log) for series in plot.series]
    xlim, ylim = plot_data.limits(plot, prepared, log)
    entries = _legend_entries(plot, colours)
    outside = None
    if single and entries:
        _, rows = canvas_size(width, height, plot, 0)
        if plot.legend == "outside" or (
            plot.legend == "auto" and plot.ylim is not None and _legend_covers(plot, prepared, xlim, ylim, max(width - 8, 4), rows)
        ):
            outside = "right" if plot.equal_aspect else "below"
    plot_width, plot_height = width, height
    below: list = []
    if outside == "below":
        below = legend_lines(entries, width - 2)
        plot_height = height - len(below)
    x_axis, y_axis, categorical, bars_from_zero = _grid(plot, prepared, xlim, ylim, plot_width, plot_height, log, clear=outside is None)
    if outside == "right":
        tight = plot_axes.tight_axis(x_axis, xlim)
        y_width = max(map(len, y_axis.labels), default=0)
        needed = tight.cells + 2 + y_width
        room = width - needed - LEGEND_GAP
        if room >= max(len(sample) + 1 + len(label) for sample, label, _ in entries):
            x_axis, plot_width = tight, needed
        else:
            outside = "below"
            below = legend_lines(entries, width - 2)
            plot_height = height - len(below)
            x_axis, y_axis, categorical, bars_from_zero = _grid(plot, prepared, xlim, ylim, plot_width, plot_height, log, clear=False)
    if (plot_width, plot_height) != (width, height):
        internals.set_size(axes, plot_width, plot_height)
    y_width = max(map(len, y_axis.labels), default=0)
    frame = Frame(x_axis, y_axis, y_width + 1, 2 + (1 if plot.xlabel else 0), plot.title, plot.ylabel)
    frame.outside, frame.full = outside, (width, height)
    frame.entries = entries if outside == "right" else []
    frame.below = below
    xlim, ylim = x_axis.limits, y_axis.limits

    lines = scatters = 0
    names: list[str] = []
    for series, (xs, ys) in zip(plot.series, prepared):
        colour = colours.get(series.style, colours.get("primary")) if colours else None
        label = (series.label or None) if outside is None else None
        marker = _marker_of(series, lines, scatters)
        if series.kind in ("line", "scatter"):
            if not xs:
                continue
            if series.kind == "line":
                lines += 1
                axes.plot(xs, ys, marker=marker, color=colour, label=label)
            else:
                scatters += 1
                axes.scatter(xs, ys, marker=marker, color=colour, label=label)
        elif series.kind in ("bar", "histogram"):
            if not xs:
                continue
            positions = list(range(1, len(xs) + 1)) if categorical else xs
            share = 1.0 if series.kind == "histogram" else (series.width if series.width is not None else 0.7)
            frame.bars.append((positions, ys, share, colour))
            if label:  # a point where the legend goes (it draws over it) gives the bars their line in the legend
                axes.scatter([xlim[0]], [ylim[1]], marker=BAR_LEGEND, color=colour, label=label)
        elif series.kind == "hline":
            for value in ys[:1]:
                if series.label:  # a labelled line is drawn with its marker, so the legend's sample matches it
                    axes.plot([xlim[0], xlim[1]], [value, value], marker=marker, color=colour, label=label)
                else:
                    axes.hline(value, color=colour)
        elif series.kind == "vline":
            for value in xs[:1]:
                if series.label:
                    axes.plot([value, value], [ylim[0], ylim[1]], marker=marker, color=colour, label=label)
                else:
                    axes.vline(value, color=colour)
        if label:
            names.append(label)
    # a point outside the axes: plotext draws the axes' ticks only when something is plotted on them
    axes.scatter([xlim[1] + (xlim[1] - xlim[0])], [ylim[1]], marker=" ")
    if names:
        frame.legend = (len(names), max(map(len, names)) + 8)
    axes.xlim(*xlim)
    axes.ylim(*ylim)
    if categorical:
        labels = next(xs for s, (xs, _) in zip(plot.series, prepared) if s.kind == "bar")
        axes.xticks(list(range(1, len(labels) + 1)), [str(text) for text in labels])
    else:
        axes.xticks(x_axis.ticks, x_axis.labels)
    axes.yticks(y_axis.ticks, y_axis.labels)
    if plot.title or plot.ylabel:
        axes.title("·")  # keeps the row above the frame; `plot_build.finish` writes the title and the y label there
    if plot.xlabel:
        axes.xlabel(plot.xlabel)
    return frame



def _grid(
    plot: Plot,
    prepared: list[Points],
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    width: int,
    height: int,
    log: bool,
    clear: bool,
) -> tuple[plot_axes.GridAxis, plot_axes.GridAxis, bool, bool]:
    """(x axis, y axis, categorical x, bars from zero) for `plot` drawn `width` x `height`."""
    _, rows = canvas_size(width, height, plot, 0)
    if plot.ylim is None and clear:
        ylim = _clear_legend(plot, prepared, xlim, ylim, max(width - 8, 4), rows)
    categorical = any(isinstance(x, str) for s, (xs, _) in zip(plot.series, prepared) if s.kind == "bar" for x in xs)
    data_low = min((y for s, (_, ys) in zip(plot.series, prepared) if s.kind != "vline" for y in ys), default=0.0)
    bars_from_zero = not log and ylim[0] >= 0 and (
        any(s.kind in ("bar", "histogram") for s in plot.series) or (plot.ylim is None and data_low == 0)
    )
    if bars_from_zero and plot.ylim is None:
        ylim = (0.0, ylim[1])
    if plot.equal_aspect and not categorical:
        y_guess = plot_axes.labelled_ticks(*ylim, 3)[1]
        columns, _ = canvas_size(width, height, plot, max(map(len, y_guess), default=1))
        x_axis, y_axis = plot_axes.equal_grid(xlim, ylim, columns, rows)
        y_width = max(map(len, y_axis.labels), default=0)
        if canvas_size(width, height, plot, y_width)[0] != columns:  # the labels came out wider or narrower
            columns, _ = canvas_size(width, height, plot, y_width)
            x_axis, y_axis = plot_axes.equal_grid(xlim, ylim, columns, rows)
        return x_axis, y_axis, categorical, bars_from_zero
    y_count = max(3, rows // 4)
    if log:
        y_axis = plot_axes.grid_axis(
            *ylim, rows, y_count, label=lambda tick, step: plot_axes._power_label(tick), steps=[1.0, 2.0, 3.0, 5.0, 10.0]
        )
        if len(y_axis.ticks) < 2:
            y_axis = plot_axes.grid_axis(*ylim, rows, y_count, label=lambda tick, step: plot_axes._power_label(tick))
    else:
        y_axis = plot_axes.grid_axis(*ylim, rows, y_count, keep_low=bars_from_zero)
    y_width = max(map(len, y_axis.labels), default=0)
    columns, _ = canvas_size(width, height, plot, y_width)
    if categorical:
        count = max(len(xs) for s, (xs, _) in zip(plot.series, prepared) if s.kind == "bar")
        x_axis = plot_axes.grid_axis(0.5, count + 0.5, columns, count, min_gap=1, steps=[1.0])
    else:
        x_axis = plot_axes.grid_axis(*xlim, columns, max(3, columns // 8), across=True, unit=_bar_spacing(plot, prepared))
    return x_axis, y_axis, categorical, bars_from_zero


def _bar_spacing(plot: Plot, prepared: list[Points]) -> float | None:
    """The spacing of separate bars (one per value of a discrete variable), or None when there are none."""
    spacings = []
    for series, (xs, _) in zip(plot.series, prepared):
        if series.kind == "bar" and (series.width is None or series.width < 1) and len(xs) > 1:
            ordered = sorted(xs)
            spacings.append(min(b - a for a, b in zip(ordered, ordered[1:])))
    return min(spacings) if spacings else None



def _legend_covers(
    plot: Plot,
    prepared: list[Points],
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    columns: int,
    rows: int,
) -> bool:
    """Whether data lies where plotext draws the legend (the top left of the canvas)."""
    labels = [series.label for series in plot.series if series.label]
    if not labels:
        return False
    x_span, y_span = xlim[1] - xlim[0], ylim[1] - ylim[0]
    right = xlim[0] + x_span * (max(len(label) for label in labels) + 5) / columns
    bottom = ylim[1] - y_span * (len(labels) + 0.5) / rows
    for series, (xs, ys) in zip(plot.series, prepared):
        if series.kind in ("hline", "vline") or any(isinstance(x, str) for x in xs):
            continue
        if any(xlim[0] <= x <= right and bottom <= y <= ylim[1] for x, y in zip(xs, ys)):
            return True
    return False


def _clear_legend(
    plot: Plot,
    prepared: list[Points],
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    columns: int,
    rows: int,
) -> tuple[float, float]:
    """y limits raised so no data hides under the legend plotext draws at the top left."""
    labels = [series.label for series in plot.series if series.label]
    if not labels or rows <= len(labels) + 2:
        return ylim
    x_span, y_span = xlim[1] - xlim[0], ylim[1] - ylim[0]
    right = xlim[0] + x_span * (max(len(label) for label in labels) + 5) / columns
    bottom = ylim[1] - y_span * (len(labels) + 0.5) / rows
    for series, (xs, ys) in zip(plot.series, prepared):
        if series.kind in ("hline", "vline") or any(isinstance(x, str) for x in xs):
            continue
        if any(x <= right and y >= bottom for x, y in zip(xs, ys)):
            return ylim[0], ylim[1] + y_span * len(labels) / (rows - len(labels))
    return ylim

