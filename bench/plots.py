"""How long does an explorable take to redraw after a key press, against a bare plotext plot?

For each of the lesson's explorables, in a headless app at 100x30, one key
press is replayed 50 times (right, then left, so the value stays in range):
the time runs from the key's action (`action_change`) through the new
`build(**values)`, the description handed to the view, and the view
rendering its lines, as the next frame would. The baseline, measured in the
same run, is a bare plotext plot of the same size drawing 300 points the
usual way (`BarePlot`: plotext writes ANSI text, `Text.from_ansi` reads it
back): `plt.clear_data()`, `plt.plot(...)`, `refresh()` and the same rendering.
The target is 16 ms (one frame at 60 fps) for each explorable.

Run it from anywhere:  python bench/plots.py
"""

from __future__ import annotations

import asyncio
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import record  # noqa: E402

from rich.text import Text  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import VerticalScroll  # noqa: E402
from textual.geometry import Region  # noqa: E402
from textual.widget import Widget  # noqa: E402

from lessons.maths_foundations import figures  # noqa: E402
from tutor.widgets.adapters import plotext_internals  # noqa: E402
from tutor.widgets.figures._explorable import ExplorableBlock  # noqa: E402
from tutor.widgets.figures._figure_view import FigureView  # noqa: E402

SIZE = (100, 30)
REPEATS = 50
TARGET_MS = 16.0
POINTS = 300


class BarePlot(Widget):
    """One plotext figure rendered as plotext prints it: ANSI text, parsed back by Rich."""

    def __init__(self) -> None:
        super().__init__()
        self.plt = plotext_internals.Figure()

    def render(self) -> Text:
        plotext_internals.set_size(self.plt, self.size.width, self.size.height)
        return Text.from_ansi(self.plt.build())


class Bench(App[None]):
    """One explorable (or one bare plot) filling a 100x30 screen."""

    def __init__(self, explorable=None) -> None:
        super().__init__()
        self.explorable = explorable

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            if self.explorable is None:
                yield BarePlot()
            else:
                yield ExplorableBlock(self.explorable, "bench")


def lines_of(widget) -> None:
    """Render every line of `widget` as the compositor would for the next frame."""
    widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))


async def bare_plot() -> tuple[float, tuple[int, int]]:
    """Median seconds to redraw 300 points on a bare plotext plot, and its size."""
    app = Bench()
    async with app.run_test(size=SIZE) as pilot:
        plot = app.query_one(BarePlot)
        plot.styles.height = 16
        await pilot.pause()
        xs = [index / (POINTS - 1) * 2 * math.pi for index in range(POINTS)]
        times = []
        for repeat in range(REPEATS):
            start = time.perf_counter()
            plot.plt.clear_data()
            plot.plt.plot(xs, [math.sin(x + repeat / 10) for x in xs])
            plot.refresh()
            lines_of(plot)
            times.append(time.perf_counter() - start)
        return statistics.median(times), (plot.size.width, plot.size.height)


def parameter_to_move(explorable) -> int:
    """The first number parameter (a choice changes what is drawn, not how much)."""
    return next(index for index, param in enumerate(explorable.params) if not param.is_choice)


async def explorable_redraw(explorable) -> tuple[float, tuple[int, int]]:
    """Median seconds from a key's action to the explorable's view rendered again."""
    app = Bench(explorable)
    async with app.run_test(size=SIZE) as pilot:
        block = app.query_one(ExplorableBlock)
        while block.description is None and block.error is None:
            await pilot.pause(0.02)
        assert block.error is None, block.error
        block.focus()
        block.selected = parameter_to_move(explorable)
        await pilot.pause()
        view = block.query_one(FigureView)
        times = []
        for repeat in range(REPEATS + 2):
            start = time.perf_counter()
            block.action_change(1 if repeat % 2 == 0 else -1)
            lines_of(view.current)
            elapsed = time.perf_counter() - start
            if repeat >= 2:  # the first two warm the quick path up
                times.append(elapsed)
            await pilot.pause()  # let the frame go out before the next key
        assert block.error is None, block.error
        return statistics.median(times), (view.current.size.width, view.current.size.height)


async def main() -> int:
    baseline, size = await bare_plot()
    print(f"bare plotext plot, {POINTS} points at {size[0]}x{size[1]}: {baseline * 1e3:.2f} ms (median of {REPEATS})")
    print(f"{'explorable':<18}{'view':>9}{'redraw':>11}{'ratio':>8}   <= {TARGET_MS:g} ms")
    failures = 0
    slowest = 0.0
    for explorable in figures.EXPLORABLES:
        seconds, view_size = await explorable_redraw(explorable)
        slowest = max(slowest, seconds)
        ok = seconds * 1e3 <= TARGET_MS
        failures += not ok
        print(
            f"{explorable.name:<18}{view_size[0]:>5}x{view_size[1]:<3}{seconds * 1e3:>9.2f} ms"
            f"{seconds / baseline:>7.2f}x   {'yes' if ok else 'NO'}"
        )
    record(f"explorable redraw, slowest of {len(figures.EXPLORABLES)}", slowest * 1e3, "ms", TARGET_MS,
           kind="absolute")
    verdict = "PASS" if not failures else "MISS"
    print(f"{len(figures.EXPLORABLES) - failures} of {len(figures.EXPLORABLES)} within {TARGET_MS:g} ms: {verdict}")
    return 0  # a miss is reported, as the other benchmarks do; it does not stop `make bench`


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
