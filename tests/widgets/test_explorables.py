"""Pilot tests of the explorables: the keys move the parameters and the drawing follows.

Each lesson explorable runs in a small host app. After each key the test
checks two things: the parameter moved as the key says, and the description
now drawn is exactly what `build` gives for the new values (so the picture
changed with it), which is different from the one before.
"""

from __future__ import annotations

import time

import pytest

from lessons.maths_foundations import figures
from tests.helpers import type_keys
from tests.widgets.descriptions import fingerprint
from tests.widgets.figure_host import FigureHost, built, screen_text, wait_until
from tutor.lesson.format import Explorable, Param
from tutor.lesson.plots import Plot, Series
from tutor.widgets.figures._explorable import ExplorableBlock, parameter_line
from tutor.widgets.section._section_view import SectionView

EXPLORABLES = {block.name: block for block in figures.EXPLORABLES}


async def drawn(pilot, block: ExplorableBlock, explorable: Explorable) -> object:
    """Wait until the block draws what `build` gives for its current values; return that."""
    expected = fingerprint(explorable.make_plot(**block.current_values))
    await wait_until(
        pilot, lambda: fingerprint(block.description) == expected, what=f"{explorable.name} to redraw"
    )
    return block.description


@pytest.mark.parametrize("name", sorted(EXPLORABLES))
async def test_every_parameter_moves_with_the_keys_and_the_drawing_follows(name):
    explorable = EXPLORABLES[name]
    app = FigureHost(explorable)
    async with app.run_test(size=(100, 30)) as pilot:
        block = app.query_one(ExplorableBlock)
        await built(pilot, block)
        assert block.error is None, block.error
        block.focus()
        await pilot.pause()
        used = [index for index, param in enumerate(explorable.params) if param.name not in block.inactive]
        for index in used:
            param = explorable.params[index]
            assert block.selected == index
            before_value = block.current_values[param.name]
            before = fingerprint(block.description)
            at_top = not param.is_choice and before_value == param.clamp(param.high)
            await type_keys(pilot, "left" if at_top else "right")
            after_value = block.current_values[param.name]
            assert after_value == param.stepped(before_value, -1 if at_top else 1) != before_value
            description = await drawn(pilot, block, explorable)
            assert fingerprint(description) != before, f"{param.name} changed but the drawing did not"
            assert block.error is None, block.error
            if [i for i, p in enumerate(explorable.params) if p.name not in block.inactive] != used:
                await type_keys(pilot, "right" if at_top else "left")  # a shape with other parameters: go back
                await drawn(pilot, block, explorable)
            await type_keys(pilot, "down")
        assert block.selected == used[0]  # down wraps round to the first parameter
        await type_keys(pilot, "up")
        assert block.selected == used[-1]
        await type_keys(pilot, "0")
        assert block.current_values == explorable.defaults()
        await drawn(pilot, block, explorable)


async def test_shift_steps_ten_times_and_stops_at_the_ends():
    app = FigureHost(figures.TANGENT)
    async with app.run_test(size=(100, 30)) as pilot:
        block = app.query_one(ExplorableBlock)
        await built(pilot, block)
        block.focus()
        await type_keys(pilot, "shift+right")
        assert block.current_values["x0"] == pytest.approx(2.0)
        await type_keys(pilot, "shift+right", "shift+right")
        assert block.current_values["x0"] == pytest.approx(3.0)  # the top of the range
        description = await drawn(pilot, block, figures.TANGENT)
        assert "x₀ = 3.00" in description.caption[0]
        await type_keys(pilot, "shift+left")
        assert block.current_values["x0"] == pytest.approx(2.0)
        await type_keys(pilot, "down", "left")
        assert block.current_values["function"] == "eˣ"  # choices wrap round
        description = await drawn(pilot, block, figures.TANGENT)
        assert description.series[1].label == "f(x) = eˣ"


async def test_sweeping_every_parameter_to_its_bounds_never_fails():
    """Every explorable, every parameter pushed to both ends with the keys, under every first choice."""
    for explorable in figures.EXPLORABLES:
        app = FigureHost(explorable)
        async with app.run_test(size=(100, 30)) as pilot:
            block = app.query_one(ExplorableBlock)
            await built(pilot, block)
            block.focus()
            choice = next((p for p in explorable.params if p.is_choice), None)
            for _ in choice.choices if choice else [None]:
                for index, param in enumerate(explorable.params):
                    if param.is_choice or param.name in block.inactive:
                        continue
                    block.selected = index
                    for end, key, direction in ((param.high, "shift+right", 1), (param.low, "shift+left", -1)):
                        # start two big steps short of the end, then let the keys carry it there and past
                        block.set_values(**{param.name: param.stepped(end, -direction * 20)})
                        await type_keys(pilot, key, key, key)
                        assert block.current_values[param.name] == param.clamp(end), (explorable.name, param.name)
                        await drawn(pilot, block, explorable)
                        assert block.error is None, (explorable.name, block.current_values, block.error)
                    await type_keys(pilot, "0")
                    await drawn(pilot, block, explorable)
                if choice:
                    block.selected = explorable.params.index(choice)
                    await type_keys(pilot, "right")


async def test_parameter_line_marks_the_chosen_one_with_brackets():
    app = FigureHost(figures.DESCENT)
    async with app.run_test(size=(100, 30)) as pilot:
        block = app.query_one(ExplorableBlock)
        await built(pilot, block)
        block.focus()
        await pilot.pause()
        text = screen_text(app)
        assert "[learning rate 0.100]" in text and " steps 100 " in text and " standardized yes" in text
        await type_keys(pilot, "down")
        text = screen_text(app)
        assert "[steps 100]" in text and " learning rate 0.100 " in text


def test_parameter_line_breaks_between_parameters_only():
    params = (Param("a", "alpha", 1.0, 0.0, 2.0, 0.5), Param("b", "beta", 2, 0, 9, 1), Param("c", "gamma", "x", choices=("x", "y")))
    line = parameter_line(params, {"a": 1.0, "b": 2, "c": "x"}, 1, width=22)
    assert line.plain.split("\n") == [" alpha 1.0  [beta 2]", " gamma x "]
    assert parameter_line(params, {"a": 1.0, "b": 2, "c": "x"}, 0).plain == "[alpha 1.0]  beta 2   gamma x "


async def test_the_distribution_explorable_greys_out_what_its_shape_ignores():
    app = FigureHost(figures.DISTRIBUTIONS)
    async with app.run_test(size=(100, 30)) as pilot:
        block = app.query_one(ExplorableBlock)
        description = await built(pilot, block)
        assert set(description.inactive) == {"n", "p", "a", "b"}
        block.focus()
        await type_keys(pilot, "right")  # Normal -> Binomial
        description = await drawn(pilot, block, figures.DISTRIBUTIONS)
        assert set(description.inactive) == {"mu", "sigma", "a", "b"}
        assert description.title.startswith("Binomial(n = 20")


async def test_escape_gives_focus_back_to_the_text():
    app = FigureHost(figures.NORMS)
    async with app.run_test(size=(100, 30)) as pilot:
        block = app.query_one(ExplorableBlock)
        await built(pilot, block)
        block.focus()
        await pilot.pause()
        assert block.has_focus
        await type_keys(pilot, "escape")
        await pilot.pause()
        assert app.focused is app.query_one(SectionView)


async def test_the_footer_shows_the_explorable_keys_while_it_has_focus():
    app = FigureHost(figures.PCA)
    async with app.run_test(size=(100, 30)) as pilot:
        block = app.query_one(ExplorableBlock)
        await built(pilot, block)
        assert "Parameter" not in screen_text(app).splitlines()[-1]
        block.focus()
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        for shown in ("↑↓ Parameter", "←→ Change", "0 Reset", "w Save", "esc Text"):
            assert shown in footer, footer


def _fragile(x: float = 0.0) -> Plot:
    if x > 0.5:
        raise ValueError("x is too large for this test")
    return Plot(series=(Series("line", (0.0, 1.0), (0.0, x)),))


async def test_a_build_that_raises_shows_its_error_and_the_keys_still_work():
    fragile = Explorable("Fragile", (Param("x", "x", 0.0, 0.0, 1.0, 1.0),), _fragile, name="fragile")
    app = FigureHost(fragile)
    async with app.run_test(size=(100, 30)) as pilot:
        block = app.query_one(ExplorableBlock)
        await built(pilot, block)
        block.focus()
        await type_keys(pilot, "right")
        await wait_until(pilot, lambda: block.error is not None)
        await pilot.pause()
        assert "ValueError: x is too large for this test" in screen_text(app)
        await type_keys(pilot, "left")
        await wait_until(pilot, lambda: block.error is None and block.description is not None)
        assert block.description.series[0].y == (0.0, 0.0)


def _slow(delay: float = 0.3) -> Plot:
    time.sleep(delay)
    return Plot(series=(Series("line", (0.0, 1.0), (delay, delay)),))


async def test_a_slow_build_runs_in_a_worker_behind_a_placeholder():
    slow = Explorable("Slow", (Param("delay", "delay", 0.5, 0.5, 0.6, 0.1),), _slow, name="slow")
    app = FigureHost(slow)
    async with app.run_test(size=(100, 30)) as pilot:
        block = app.query_one(ExplorableBlock)
        await pilot.pause(0.05)
        assert block.description is None and "drawing…" in screen_text(app)
        await built(pilot, block)
        block.focus()
        await type_keys(pilot, "right")
        # the key has been handled while the slow build still runs: the old drawing stays, marked
        assert block.current_values["delay"] == 0.6
        assert block.description.series[0].y == (0.5, 0.5)
        assert block.border_subtitle == "computing…"
        await wait_until(pilot, lambda: block.description.series[0].y == (0.6, 0.6))
        assert block.border_subtitle == ""
