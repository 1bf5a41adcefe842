"""The REPL pane has room to be read at 80x24 and 120x40: an example sent with ``e`` to a
hidden pane is wrapped at the pane's width, the transcript is wrapped again when the width
changes, the sidebar makes way while the pane is open on a narrow terminal, a plot can be
dismissed, the pane beside the content is wide enough for a traceback, the completion list
stands apart from the transcript and Python's "Did you mean" hints are shown."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot

from tests.helpers import screen_lines, type_keys
from tests.widgets.conftest import PaneApp, ready, run, transcript, wait_until
from tests.widgets.test_repl_lesson import footer, lesson_app, open_repl
from tutor.app import TutorApp
from tutor.widgets.repl._dock import BESIDE_MIN_COLUMNS
from tutor.widgets.repl._pane import ReplPane
from tutor.widgets.section._code_listing import CodeListing
from tutor.widgets.section._section_view import SectionView
from tutor.widgets.section_list import SectionList


async def tab_to_listing(pilot: Pilot, app: TutorApp) -> CodeListing:
    view = app.screen.query_one(SectionView)
    await wait_until(pilot, lambda: view.current is not None and view.current.complete, what="whole section")
    for _ in range(12):  # past any figure or explorable in between
        await pilot.press("tab")
        if isinstance(app.focused, CodeListing):
            return app.focused
    raise AssertionError(f"no listing reached: {app.focused}")


async def test_e_to_a_hidden_pane_echoes_the_example_at_the_panes_width() -> None:
    app = lesson_app(section=2)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_repl(pilot, app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not pane.display
        listing = await tab_to_listing(pilot, app)
        await pilot.press("e")
        await wait_until(pilot, lambda: len(pane.results) == 1 and not pane.busy and not pane.log_view.writing)
        await pilot.pause()
        lines = transcript(pane)
        code = listing.example.code.strip("\n").split("\n")
        first = lines.index(f">>> {code[0]}")  # whole, not cut ten columns wide
        assert lines[first + 1 : first + 4] == [f"... {line}".rstrip() for line in code[1:4]]
        assert any(line.startswith("... [") and line.endswith(" more lines]") for line in lines[first:])
        assert pane.log_view.text_width > 60  # the sidebar made way, too


async def test_what_arrived_while_the_pane_was_hidden_shows_when_it_opens_again() -> None:
    """Even when Textual sends the transcript no Resize or Show as the pane comes back
    (textual#5024: it can lay a widget out without them), the lines it kept are written."""
    app = lesson_app(section=2)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_repl(pilot, app)
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: not pane.display, what="the pane hidden")
        log = pane.log_view
        log.disable_messages(events.Resize, events.Show)
        log.note("printed while the pane was hidden")
        await pilot.press("r")
        await wait_until(pilot, lambda: "printed while the pane was hidden" in transcript(pane),
                         what="the line written once the pane is back")


async def test_the_transcript_is_wrapped_again_when_the_pane_narrows() -> None:
    app = PaneApp()
    async with app.run_test(size=(120, 24)) as pilot:
        pane = app.query_one(ReplPane)
        await ready(pilot, pane)
        await run(pilot, pane, "print('x' * 100)")
        assert "x" * 100 in transcript(pane)
        await pilot.resize_terminal(60, 24)
        await wait_until(pilot, lambda: not pane.log_view.writing)
        await pilot.pause()
        width = pane.log_view.text_width
        lines = transcript(pane)
        assert all(len(line) <= width for line in lines)
        start = lines.index(">>> print('x' * 100)") + 1
        assert "".join(lines[start : start + 2]) == "x" * 100  # on two lines, none of it cut off
        await pilot.resize_terminal(120, 24)
        await wait_until(pilot, lambda: "x" * 100 in transcript(pane), what="one line again")


async def test_the_sidebar_makes_way_for_the_pane_at_80_columns_and_comes_back() -> None:
    app = lesson_app()
    async with app.run_test(size=(80, 24)) as pilot:
        sidebar = app.screen.query_one(SectionList)
        assert sidebar.display
        pane = await open_repl(pilot, app)
        await pilot.pause()
        assert not sidebar.display
        assert pane.region.x == 0 and pane.region.width == 80
        await pilot.press("escape", "s")  # the learner can still show it
        await pilot.pause()
        assert sidebar.display
        await pilot.press("s", "ctrl+r")
        await pilot.pause()
        assert sidebar.display and not pane.display  # as it was before the pane opened
        await pilot.press("s")  # hidden by the learner: it stays hidden when the pane closes
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not sidebar.display


async def test_the_pane_beside_the_content_is_wide_enough_for_a_traceback() -> None:
    app = lesson_app()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_repl(pilot, app)
        await pilot.pause()
        content = app.screen.query_one(SectionView)
        assert pane.region.x >= content.region.right  # beside it
        assert pane.region.width >= BESIDE_MIN_COLUMNS
        lines = await run(pilot, pane, "1 / 0")
        assert lines[-1] == "ZeroDivisionError: division by zero"
        assert '  File "<cell 2>", line 1, in <module>' in lines


async def test_a_plot_can_be_dismissed_with_a_key_in_the_footer() -> None:
    app = lesson_app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_repl(pilot, app)
        assert "Hide plot" not in footer(app)
        await run(pilot, pane, "plot([1, 4, 9, 16])")
        await pilot.pause()
        assert pane.has_class("-plotted")
        rows_beside_a_plot = pane.log_view.region.height
        assert "^g Hide plot" in footer(app)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert not pane.has_class("-plotted") and not pane.query_one("#repl-plot-area").display
        assert pane.log_view.region.height > rows_beside_a_plot + 4
        assert "Hide plot" not in footer(app) and pane.prompt_input.has_focus
        assert transcript(pane)[-1] == ">>> plot([1, 4, 9, 16])"  # the transcript is kept
        await run(pilot, pane, "plot([1, 2])")
        await pilot.pause()
        assert pane.has_class("-plotted")  # the next plot shows again


async def test_the_completion_list_stands_apart_from_the_transcript() -> None:
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(ReplPane)
        await ready(pilot, pane)
        await type_keys(pilot, *"np.lin", "tab")
        await wait_until(pilot, lambda: pane.completions.display, what="the choices")
        await pilot.pause()
        box = pane.completions.region
        prompt = pane.prompt_input.region
        assert box.bottom == prompt.y  # just above the prompt
        lines = screen_lines(app)
        top, names, bottom = lines[box.y], lines[box.y + 1 : box.bottom - 1], lines[box.bottom - 1]
        assert top[box.x] == "╭" and bottom[box.x] == "╰"
        assert [line[box.x + 1 : box.right - 1].rstrip() for line in names] == ["np.linalg", "np.linspace"]
        assert all(line[box.x] == "│" for line in names)
        assert pane.completions.styles.background != pane.log_view.styles.background


async def test_a_misspelt_name_gets_pythons_hint_in_the_pane() -> None:
    app = PaneApp(lesson=None)  # (the lesson's setup defines `price`, which Python would offer)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(ReplPane)
        await ready(pilot, pane)
        lines = await run(pilot, pane, "pritn(1)")
        assert lines[-1] == "NameError: name 'pritn' is not defined. Did you mean: 'print'?"
