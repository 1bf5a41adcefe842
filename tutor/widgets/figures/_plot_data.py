"""A plot description's series as the points plotext is given, and the limits around them.

Plain Python on the description (`tutor.lesson.plots`): no plotext, no Textual.
Points of a line or scatter that cannot be drawn (NaN, infinities, zero or
less on a log axis) are left out here, so plotext never sees them; a bar keeps
its place and is drawn empty. A histogram arrives as samples and leaves as bin
centres and counts. The limits are the plot's own where it gives them, else the
data's extent with a margin, from zero when there are bars.
"""

from __future__ import annotations

import math

from tutor.lesson.plots import Plot, Series
from tutor.widgets.figures import _plot_axes as plot_axes

Points = tuple[list, list[float]]
"""(xs, ys) of one series, ready for plotext: xs may be category names for bars."""


def points(series: Series, log: bool) -> Points:
    """The series' points ready for plotext: finite, and in log₁₀ units on a log axis."""
    if series.kind == "bar":
        xs = series.x.tolist() if hasattr(series.x, "tolist") else list(series.x)
        ys = [value if math.isfinite(value) else 0.0 for value in plot_axes.as_floats(series.y)]
        if log:
            ys = [math.log10(value) if value > 0 else math.nan for value in ys]
        return xs, ys
    if series.kind == "histogram":
        centres, counts = histogram(plot_axes.as_floats(series.y), series.bins)
        if log:
            counts = [math.log10(count) if count > 0 else math.nan for count in counts]
        return centres, counts
    if series.kind in ("hline", "vline"):
        values = plot_axes.as_floats(series.y if series.kind == "hline" else series.x)
        values = [value for value in values if math.isfinite(value)]
        if log and series.kind == "hline":
            values = [math.log10(value) for value in values if value > 0]
        return (values, []) if series.kind == "vline" else ([], values)
    xs, ys = plot_axes.as_floats(series.x), plot_axes.as_floats(series.y)
    if log:
        ys = [math.log10(value) if value > 0 else math.nan for value in ys]
    return plot_axes.finite_pairs(xs, ys)


def histogram(samples: list[float], bins: int) -> tuple[list[float], list[float]]:
    """Bin centres and counts of the finite `samples` in `bins` equal bins."""
    finite = [value for value in samples if math.isfinite(value)]
    extent = plot_axes.span(finite)
    if extent is None:
        return [], []
    low, high = plot_axes.widen(extent) if extent[0] == extent[1] else extent
    bins = max(1, int(bins))
    width = (high - low) / bins
    counts = [0.0] * bins
    for value in finite:
        counts[min(int((value - low) / width), bins - 1)] += 1
    return [low + (index + 0.5) * width for index in range(bins)], counts


def limits(plot: Plot, prepared: list[Points], log: bool) -> tuple[tuple[float, float], tuple[float, float]]:
    """The axes' limits: the plot's own where given, else the data's extent (y with a margin)."""
    xs: list[float] = []
    ys: list[float] = []
    has_bars = False
    for series, (sx, sy) in zip(plot.series, prepared):
        if series.kind in ("bar", "histogram"):
            has_bars = True
            if not any(isinstance(x, str) for x in sx):
                spacing = (max(sx) - min(sx)) / (len(sx) - 1) if len(sx) > 1 else 1.0
                xs.extend([min(sx) - spacing / 2, max(sx) + spacing / 2] if sx else [])
            else:
                xs.extend([0.5, len(sx) + 0.5])
            ys.extend(value for value in sy if math.isfinite(value))
        elif series.kind == "hline":
            ys.extend(sy)
        elif series.kind == "vline":
            xs.extend(sx)
        else:
            xs.extend(sx)
            ys.extend(sy)
    if plot.xlim is not None:
        xlim = (float(plot.xlim[0]), float(plot.xlim[1]))
    else:
        xlim = plot_axes.widen(plot_axes.span(xs) or (0.0, 1.0))
    if plot.ylim is not None:
        low, high = float(plot.ylim[0]), float(plot.ylim[1])
        ylim = (math.log10(low), math.log10(high)) if log and low > 0 else (low, high)
    else:
        extent = plot_axes.span(ys) or (0.0, 1.0)
        if has_bars and not log:
            extent = (min(extent[0], 0.0), max(extent[1], 0.0))
        ylim = plot_axes.widen(extent, 0.05)
        if has_bars and not log and extent[0] >= 0:
            ylim = (0.0, ylim[1])
    return xlim, ylim
