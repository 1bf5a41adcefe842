"""The REPL pane on the lesson screen: opening, layout at 80x24 and 120 columns, focus, keys,
examples sent with ``e``, and "REPL: restart" in the command palette."""

from __future__ import annotations

from dataclasses import replace

from tests.helpers import bottom_line, type_keys
from tests.widgets.conftest import ready, run, transcript, wait_until
from tutor.app import TutorApp
from tutor.lesson.format import Example
from tutor.lesson.registry import discover
from tutor.screens.lesson import LessonScreen
from tutor.store import Store
from tutor.widgets.repl._dock import ReplDock
from tutor.widgets.repl._pane import ReplPane
from tutor.widgets.section._code_listing import CodeListing
from tutor.widgets.section._section_view import SectionView

LESSON = "maths_foundations"


def lesson_app(section: int = 2) -> TutorApp:
    return TutorApp(catalogue=discover(), store=Store.open(), start=(LESSON, section))


footer = bottom_line
"""The key footer: the screen's last row."""


async def open_repl(pilot, app: TutorApp) -> ReplPane:
    await pilot.press("r")
    pane = app.screen.query_one(ReplPane)
    await ready(pilot, pane)
    return pane


async def test_r_opens_the_pane_below_the_content_at_80x24() -> None:
    app = lesson_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LessonScreen)
        assert not app.screen.query(ReplPane)  # nothing of the REPL until it is opened
        pane = await open_repl(pilot, app)
        content = app.screen.query_one(SectionView)
        assert pane.prompt_input.has_focus
        assert pane.region.y >= content.region.bottom and pane.region.x == content.region.x
        assert content.region.height >= 8 and pane.region.height >= 8
        lines = await run(pilot, pane, "A @ B")
        assert lines[-1] == "       [ 95, 106, 117]])"
        assert "^r Hide REPL" in footer(app)


async def test_the_pane_stands_beside_the_content_from_120_columns() -> None:
    app = lesson_app()
    async with app.run_test(size=(120, 30)) as pilot:
        pane = await open_repl(pilot, app)
        content = app.screen.query_one(SectionView)
        assert pane.region.x >= content.region.right and pane.region.y == content.region.y
        assert pane.region.height == content.region.height and pane.region.width >= 40
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert pane.region.y >= content.region.bottom


async def test_printable_keys_type_in_the_prompt_and_ctrl_q_still_quits() -> None:
    app = lesson_app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_repl(pilot, app)
        screen = app.screen
        await type_keys(pilot, *"qnpsr?123", "e")
        assert pane.prompt_input.value == "qnpsr?123e"
        assert app.screen is screen and screen.index == 2 and app.is_running  # no key navigated or quit
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_escape_returns_to_the_lesson_and_r_comes_back() -> None:
    app = lesson_app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_repl(pilot, app)
        await type_keys(pilot, *"kept")
        await pilot.press("escape")
        assert app.screen.query_one(SectionView).has_focus and pane.display
        await pilot.press("n")  # single keys navigate again
        assert app.screen.index == 3
        await pilot.press("r")
        assert pane.prompt_input.has_focus and pane.prompt_input.value == "kept"


async def test_the_footer_key_hides_the_pane() -> None:
    app = lesson_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Hide REPL" not in footer(app)
        pane = await open_repl(pilot, app)
        await run(pilot, pane, "kept = 41")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not pane.display and app.screen.query_one(SectionView).has_focus
        assert not app.screen.query_one(ReplDock).shown and "Hide REPL" not in footer(app)
        content = app.screen.query_one(SectionView)
        assert content.region.height == 22  # the content has the screen back
        await pilot.press("r")
        assert pane.display and pane.prompt_input.has_focus
        assert (await run(pilot, pane, "kept + 1"))[-1] == "42"  # same namespace


SETUP = "import numpy as np\nheights = np.array([1.62, 1.75, 1.80])\n"
SHOWN = "# uses heights from above\nprint(round(float(heights.mean()), 2))"


def app_with_a_listing_that_has_a_setup() -> tuple[TutorApp, Example]:
    """The first lesson with one more listing in section 7, whose code needs a hidden setup.

    The lesson's own listings all run alone (nothing is hidden from the learner), but the
    format allows a setup, and `e` must run it first.
    """
    catalogue = discover()
    entry = catalogue.get(LESSON)
    listing = Example(code=SHOWN, output="1.72\n", setup=SETUP, title="Uses a setup")
    sections = list(entry.lesson.sections)
    sections[6] = replace(sections[6], blocks=(listing, *sections[6].blocks))
    lesson = replace(entry.lesson, sections=tuple(sections))
    entries = tuple(replace(item, lesson=lesson) if item.id == LESSON else item for item in catalogue.entries)
    return TutorApp(catalogue=replace(catalogue, entries=entries), store=Store.open(), start=(LESSON, 6)), listing


async def test_e_on_a_listing_runs_the_example_with_its_setup() -> None:
    app, example = app_with_a_listing_that_has_a_setup()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(SectionView)
        # The blocks below the fold are mounted a moment after the section's first frame.
        await wait_until(pilot, lambda: view.current is not None and view.current.complete, what="whole section")
        target = next(listing for listing in view.current.query(CodeListing) if listing.example == example)
        for _ in range(10):  # tab on, past any block in between
            await pilot.press("tab")
            if target.has_focus:
                break
        assert target.has_focus and "e Run in REPL" in footer(app), f"focused: {app.focused}"
        await pilot.press("e")
        pane = app.screen.query_one(ReplPane)
        await wait_until(pilot, lambda: len(pane.results) == 2 and not pane.busy, what="the example to run")
        text = "\n".join(transcript(pane))
        assert "(the example's setup ran first: 2 lines)" in text
        assert pane.results[-1].stdout == example.output
        assert ">>> # uses heights from above" in text
        assert target.has_focus  # the learner keeps reading
        await pilot.press("escape")
        assert app.screen.query_one(SectionView).has_focus
        await pilot.press("r", "up")
        assert pane.prompt_input.pending[0] == "# uses heights from above"


async def test_the_command_palette_restarts_the_repl() -> None:
    app = lesson_app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_repl(pilot, app)
        await run(pilot, pane, "mine = 1")
        old_pid = app.services.repl.kernel.pid
        await pilot.press("ctrl+p")
        await type_keys(pilot, *"REPL: restart")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_until(pilot, lambda: "variables are back" in " ".join(transcript(pane)) and not pane.busy)
        assert app.services.repl.kernel.pid != old_pid
        await run(pilot, pane, "mine")
        assert pane.results[-1].error_message == "name 'mine' is not defined"  # (Python adds: did you mean 'min'?)


async def test_the_kernel_outlives_the_lesson_screen_and_stops_with_the_app() -> None:
    app = lesson_app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_repl(pilot, app)
        await run(pilot, pane, "kept = 'yes'")
        pid = app.services.repl.kernel.pid
        await pilot.press("escape", "escape")  # to the content, then home
        await pilot.pause()
        app.open_lesson(LESSON, 3)
        await pilot.pause()
        pane = await open_repl(pilot, app)
        assert "Your variables from before are still here." in transcript(pane)
        assert (await run(pilot, pane, "kept"))[-1] == "'yes'"
        assert app.services.repl.kernel.pid == pid
    assert app.services.repl.kernel.pid is None


async def test_on_the_smallest_terminal_the_prompt_stays_visible() -> None:
    app = lesson_app()
    async with app.run_test(size=(50, 12)) as pilot:
        pane = await open_repl(pilot, app)
        screen = app.screen.region
        assert screen.contains_region(pane.prompt_input.region)
        assert app.screen.query_one(SectionView).region.height >= 3
        assert (await run(pilot, pane, "1+1"))[-1] == "2"


async def test_the_transcript_outlives_the_lesson_screen_and_ctrl_l_clears_it() -> None:
    app = lesson_app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_repl(pilot, app)
        assert (await run(pilot, pane, "kept = 41"))[-1] == ">>> kept = 41"
        assert (await run(pilot, pane, "kept + 1"))[-1] == "42"
        await pilot.press("escape", "escape")  # to the text, then home: the screen closes
        await pilot.pause()
        assert not isinstance(app.screen, LessonScreen)
        app.open_lesson(LESSON, 3)
        await pilot.pause()
        pane = await open_repl(pilot, app)  # a new screen, a new pane
        await wait_until(pilot, lambda: "42" in transcript(pane), what="the earlier cells shown again")
        lines = transcript(pane)
        assert lines.index(">>> kept + 1") < lines.index("42")
        assert any("still here" in line for line in lines[lines.index("42"):])  # then today's notes
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "42" not in transcript(pane) and not app.services.repl.transcript
