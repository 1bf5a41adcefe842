"""Plain-Python parts of the REPL pane: continuation lines and plot descriptions.

(The history walk and the setup's names are tutor.repl's: see tests/repl.)
"""

from __future__ import annotations

import numpy as np

from tutor.kernel.results import Plotted, PlotSeries
from tutor.lesson.plots import problems
from tutor.widgets.repl._input import next_indent
from tutor.widgets.repl._plot import plot_description


def test_continuation_lines_are_indented_like_python_code() -> None:
    assert next_indent("def f(x):") == "    "
    assert next_indent("    if x:") == "        "
    assert next_indent("    y = [1,") == "    "
    assert next_indent("z = (1,") == ""


def test_what_a_cell_drew_becomes_a_drawable_plot() -> None:
    plotted = Plotted(
        (
            PlotSeries("line", np.array([0.0, 1.0]), np.array([1.0, 2.0]), "fit"),
            PlotSeries("histogram", np.array([0.0, 1.0, 2.0]), np.array([3, 5])),
            PlotSeries("bar", ("a", "b"), np.array([1.0, 2.0])),
        ),
        title="mine",
        dropped=2,
    )
    plot = plot_description(plotted)
    assert plot.title == "mine" and problems(plot) == []
    line, histogram, bars = plot.series
    assert (line.kind, line.x, line.y, line.label) == ("line", [0.0, 1.0], [1.0, 2.0], "fit")
    assert (histogram.kind, histogram.x, histogram.y, histogram.width) == ("bar", [0.5, 1.5], [3.0, 5.0], 1.0)
    assert (bars.kind, bars.x, bars.y) == ("bar", ["a", "b"], [1.0, 2.0])
    assert len({series.style for series in plot.series}) == 3  # told apart by colour too
    assert "2 earlier series" in plot.caption[0]
