"""What a REPL cell drew, as the plot description the plot widget draws.

The kernel hands over :class:`~tutor.kernel.results.Plotted` (arrays already reduced in
the child); this turns it into a :class:`~tutor.lesson.plots.Plot` for
:class:`~tutor.widgets.figures._plot_view.PlotView`, the same widget the lesson's figures use.
A histogram arrives counted (bin edges and counts), so it is drawn as touching bars at
the bin centres. Plain Python, no Textual: it is tested on its own.
"""

from __future__ import annotations

from tutor.kernel.results import Plotted, PlotSeries
from tutor.lesson.plots import Plot, Series

STYLES = ("primary", "secondary", "accent", "warning", "success")


def plot_description(plotted: Plotted) -> Plot:
    """The Plot for one cell's figure: its series on shared axes, with a legend when labelled."""
    series = tuple(_series(item, STYLES[index % len(STYLES)]) for index, item in enumerate(plotted.series))
    caption = ()
    if plotted.dropped:
        caption = (f"{plotted.dropped} earlier series of this cell not shown (at most {len(series)})",)
    return Plot(series=series, title=plotted.title, caption=caption)


def _series(item: PlotSeries, style: str) -> Series:
    if item.kind == "histogram":
        edges = [float(edge) for edge in item.x]
        centres = [(low + high) / 2 for low, high in zip(edges, edges[1:])]
        return Series("bar", centres, [float(count) for count in item.y], label=item.label, style=style, width=1.0)
    if item.kind == "bar":
        return Series("bar", list(item.x), [float(value) for value in item.y], label=item.label, style=style)
    return Series(item.kind, item.x.tolist(), item.y.tolist(), label=item.label, style=style)
