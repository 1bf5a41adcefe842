"""Plotting from the prompt: the child reduces data to the plot's size and sends raw arrays."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.kernel import protocol
from tutor.kernel.child.plotting import FigureBuilder, _reduce_line, _reduce_scatter
from tutor.kernel.client import Kernel, Plotted, PlotSeries, Result, plotted_from_wire

SHARED_LOOP = pytest.mark.asyncio(loop_scope="session")
"""The loop the kernel fixtures run on (see conftest.py)."""


def test_line_reduction_keeps_each_buckets_extremes_in_order() -> None:
    xs = np.arange(10_000, dtype=float)
    ys = np.sin(xs / 300)
    ys[5_123] = 9.0  # a spike the reduction must keep
    rx, ry = _reduce_line(xs, ys, 200)
    assert len(rx) <= 200 and np.all(np.diff(rx) > 0)
    assert ry.max() == 9.0 and rx[ry.argmax()] == 5_123
    assert ry.min() == ys.min()
    small = np.arange(5.0)
    assert _reduce_line(small, small, 200)[0] is small


def test_scatter_reduction_keeps_one_point_per_dot() -> None:
    rng = np.random.default_rng(0)
    xs, ys = rng.random(100_000), rng.random(100_000)
    rx, ry = _reduce_scatter(xs, ys, 40, 20)
    assert len(rx) <= 40 * 20 and set(zip(rx, ry)) <= set(zip(xs, ys))


def test_the_figure_travels_as_raw_arrays_and_comes_back() -> None:
    figure = FigureBuilder(size=(50, 10))
    functions = figure.functions()
    functions["plot"](np.linspace(0, 1, 5), np.arange(5) ** 2, label="squares", title="t")
    functions["hist"]([1.0, 2.0, 2.0, np.nan], bins=2)
    functions["bar"](["x", "y"], [3, 4])
    message, buffers = figure.take()
    assert message["type"] == protocol.PLOT and "pickle" not in repr(message)
    plotted = plotted_from_wire(message, b"".join(bytes(buffer) for buffer in buffers))
    line, histogram, bars = plotted.series
    assert plotted.title == "t"
    assert line == PlotSeries("line", line.x, line.y, "squares") and line.y.tolist() == [0, 1, 4, 9, 16]
    assert histogram.x.tolist() == [1.0, 1.5, 2.0] and histogram.y.tolist() == [1, 2]  # NaN left out
    assert bars.x == ("x", "y") and bars.y.tolist() == [3.0, 4.0]
    assert figure.take() is None  # the next cell starts empty


def test_plot_arguments_are_checked_like_a_library_would() -> None:
    plot = FigureBuilder().functions()["plot"]
    with pytest.raises(ValueError, match="same length"):
        plot([1, 2], [1])
    with pytest.raises(TypeError, match="needs numbers"):
        plot(["a", "b"], [1, 2])
    with pytest.raises(ValueError, match="finite"):
        plot([np.nan], [1.0])


@SHARED_LOOP
async def test_a_cell_that_draws_sends_one_figure_before_its_result(kernel: Kernel) -> None:
    await kernel.config(plot_size=(60, 15))
    events = [event async for event in kernel.execute("x = np.linspace(-3, 3, 10**6)\nplot(x, x**2)\nprint('done')")]
    kinds = [type(event).__name__ for event in events]
    assert kinds == ["Stream", "Plotted", "Result"]
    plotted = events[1]
    assert isinstance(plotted, Plotted)
    (series,) = plotted.series
    assert series.kind == "line" and len(series.x) <= 4 * 60 and series.y.max() == 9.0
    assert isinstance(events[-1], Result) and events[-1].ok
    assert not [event async for event in kernel.execute("1 + 1") if isinstance(event, Plotted)]


@SHARED_LOOP
async def test_numpy_defaults_print_as_a_script_would(kernel: Kernel) -> None:
    await kernel.config(width=40)
    code = "print(np.arange(300))"
    pane = (await kernel.run(code)).stdout
    script = (await kernel.run(code, numpy_defaults=True)).stdout
    assert "..." in pane and max(len(line) for line in pane.splitlines()) <= 40
    assert "..." not in script and 40 < max(len(line) for line in script.splitlines()) <= 75
    assert (await kernel.run(code)).stdout == pane  # the pane's options are back
