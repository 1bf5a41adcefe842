"""Plain-Python parts of the REPL pane: the history walk, setup names, plot descriptions."""

from __future__ import annotations

import numpy as np

from lessons.maths_foundations import LESSON
from tutor.kernel.results import Plotted, PlotSeries
from tutor.lesson.plots import problems
from tutor.widgets.repl_history import MAX_ENTRY_CHARS, History
from tutor.widgets.repl_input import next_indent
from tutor.widgets.repl_plot import plot_description
from tutor.widgets.repl_session import assigned_names


def test_history_walks_back_and_returns_to_the_draft() -> None:
    history = History(["a = 1", "b = 2"])
    assert history.previous("typing") == "b = 2"
    assert history.previous("ignored") == "a = 1"
    assert history.previous("ignored") is None  # the oldest stays
    assert history.next() == "b = 2"
    assert history.next() == "typing"
    assert history.next() is None and not history.walking


def test_history_skips_blanks_repeats_and_huge_cells_and_keeps_the_newest() -> None:
    history = History(limit=3)
    assert history.add("x = 1") and not history.add("x = 1") and not history.add("   ")
    assert not history.add("y" * (MAX_ENTRY_CHARS + 1))
    for code in ("a", "b", "c"):
        history.add(code)
    assert history.entries == ["a", "b", "c"]


def test_continuation_lines_are_indented_like_python_code() -> None:
    assert next_indent("def f(x):") == "    "
    assert next_indent("    if x:") == "        "
    assert next_indent("    y = [1,") == "    "
    assert next_indent("z = (1,") == ""


def test_the_setup_names_are_what_the_lesson_promises() -> None:
    names = assigned_names(LESSON.repl_setup)
    for name in ("a", "b", "A", "B", "M", "area", "price", "X", "w", "n"):
        assert name in names
    assert assigned_names("x, (y, z) = 1, (2, 3)\nfor i in range(2): pass\nimport os") == ["x", "y", "z"]


def test_the_lesson_setup_defines_the_sections_values() -> None:
    namespace: dict = {}
    exec(LESSON.repl_setup, namespace)
    assert namespace["a"] @ namespace["b"] == 32.0
    assert (namespace["A"] @ namespace["B"]).tolist() == [[27, 30, 33], [61, 68, 75], [95, 106, 117]]
    assert sorted(np.linalg.eigvalsh(namespace["M"]).tolist()) == [2.0, 4.0]
    assert namespace["X"].shape == (100, 2) and np.round(namespace["w"], 3).tolist() == [9.897, 3.515]


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
