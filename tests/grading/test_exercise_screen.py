"""The exercise screen driven by keys in Pilot: type, check, hint, reset, unlock, restart.

The checks run in real checking children, as in the app.
"""

from __future__ import annotations

import asyncio
import os

from textual.widgets import Markdown, TextArea

from lessons.maths_foundations import LESSON
from lessons.maths_foundations.exercises import MATMUL
from tests.helpers import screen_text, type_keys
from tutor.app import TutorApp
from tutor.grading import status as exercise_status
from tutor.lesson.registry import discover
from tutor.screens.confirm import ConfirmScreen
from tutor.screens.exercise import SAVE_DELAY, ExerciseScreen
from tutor.screens.help import HelpScreen
from tutor.screens.solution import SolutionScreen
from tutor.store import Store
from tutor.widgets.check_results import CheckResults
from tutor.widgets.key_footer import KeyFooter
from tutor.widgets.section._exercise_card import ExerciseCard

SIZE = (80, 24)
MATMUL_SECTION = next(i for i, s in enumerate(LESSON.sections) if MATMUL in s.blocks)

TYPED_SOLUTION = (
    "def matmul(A, B):\n"
    "    if len(A[0]) != len(B):\n"
    "        raise ValueError(f'({len(A)}, {len(A[0])}) and ({len(B)}, {len(B[0])})')\n"
    "    return [[sum(a * b for a, b in zip(r, c)) for c in zip(*B)] for r in A]\n"
)


def new_app(start=None) -> TutorApp:
    return TutorApp(catalogue=discover(), store=Store.open(), start=start)


async def open_matmul(app: TutorApp, pilot) -> ExerciseScreen:
    screen = ExerciseScreen(LESSON, MATMUL, app.store)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def run_checks(pilot, key: str = "ctrl+s") -> None:
    await pilot.press(key)
    await pilot.pause()
    for worker in [worker for worker in pilot.app.workers if worker.group == "check"]:
        await worker.wait()
    await pilot.pause()


def results_text(screen: ExerciseScreen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query_one(CheckResults).query("Static"))


def editor(screen: ExerciseScreen) -> TextArea:
    return screen.query_one("#editor", TextArea)


async def test_the_card_shows_the_status_and_opens_the_exercise():
    app = new_app(start=("maths_foundations", MATMUL_SECTION))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        card = next(card for card in app.screen.query(ExerciseCard) if card.exercise is MATMUL)
        assert card.status == exercise_status.NOT_STARTED
        assert "Status: not started" in str(card.render())
        card.focus()
        await pilot.pause()
        await pilot.press("escape")  # on the card, escape goes back to the text
        assert app.focused is app.screen.query_one("SectionView")
        card.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen) and app.screen.exercise is MATMUL
        assert isinstance(app.focused, TextArea)
        await pilot.press("x")
        await pilot.press("escape")  # leaves the editor, for the results
        assert isinstance(app.focused, CheckResults)
        await pilot.press("escape")  # and back to the lesson
        await pilot.pause()
        assert card.status == exercise_status.IN_PROGRESS


async def test_every_printable_key_types_in_the_editor_even_q_and_question_mark():
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_matmul(app, pilot)
        editor(screen).move_cursor((3, 0))
        await pilot.press("q", "question_mark", "h", "n", "p", "s")
        assert app.screen is screen and app.is_running
        assert editor(screen).text.endswith("q?hnps")
        assert screen.store.hints_shown("maths_foundations", "matmul") == 0


async def test_checking_the_starter_shows_each_failure():
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_matmul(app, pilot)
        await run_checks(pilot)
        text = results_text(screen)
        assert "✗ 0 of 15 checks passed" in text
        assert "(3, 2) @ (2, 3): NotImplementedError: the function is not written yet" in text
        assert "expected" in text and "list [[1, 2], [3, 4], [5, 6]]" in text
        assert app.store.attempts("maths_foundations", "matmul")[-1][:2] == (False, "0 of 15 checks passed")
        assert not screen.unlocked


async def test_typing_a_correct_matmul_passes_and_unlocks_the_solution():
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_matmul(app, pilot)
        await pilot.press("f3")
        assert app.screen is screen  # locked: f3 does nothing yet
        first_lines, last_line = TYPED_SOLUTION.rstrip("\n").rsplit("\n", 1)
        editor(screen).load_text(first_lines + "\n")
        editor(screen).move_cursor((3, 0))
        # the heart of it, typed key by key
        await type_keys(pilot, *("enter" if character == "\n" else character for character in last_line + "\n"))
        assert editor(screen).text == TYPED_SOLUTION + "    "  # the last enter keeps the line's indent
        await run_checks(pilot, "f5")
        assert "✓ all 15 checks passed" in results_text(screen)
        assert screen.unlocked
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, SolutionScreen)
        assert "def matmul(A, B):" in str(app.screen.query_one("#solution-code").render())
        await pilot.press("escape")
        assert app.screen is screen
        assert exercise_status.status(app.store, "maths_foundations", MATMUL) == exercise_status.PASSED


async def test_three_hints_then_one_more_failed_check_unlock_the_solution():
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_matmul(app, pilot)
        await pilot.press("f2")
        await pilot.press("escape")  # out of the editor, `h` asks for the next hint
        await pilot.press("h", "h")
        await pilot.pause()
        hints = screen.query_one("#hints").query(Markdown)
        assert len(hints) == 3
        assert app.store.hints_shown("maths_foundations", "matmul") == 3
        await pilot.press("h")  # there is no fourth
        await pilot.pause()
        assert len(screen.query_one("#hints").query(Markdown)) == 3
        assert not screen.unlocked
        await run_checks(pilot)
        assert screen.unlocked
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, SolutionScreen)


async def test_reset_asks_first_and_then_restores_the_starter():
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_matmul(app, pilot)
        editor(screen).move_cursor((3, 0))
        await pilot.press("x")
        changed = editor(screen).text
        await asyncio.sleep(SAVE_DELAY + 0.2)
        assert app.store.exercise_code("maths_foundations", "matmul") == changed
        for keep in ("n", "enter", "escape"):
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press(keep)
            await pilot.pause()
            assert app.screen is screen and editor(screen).text == changed, keep
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert editor(screen).text == MATMUL.starter
        assert app.store.exercise_code("maths_foundations", "matmul") == MATMUL.starter
        assert app.store.replaced_code("maths_foundations", "matmul") == changed
        assert "ctrl+z" in results_text(screen)
        # the reset is one edit of the editor's: undo brings the learner's code back, and it is saved
        assert editor(screen).has_focus
        await pilot.press("ctrl+z")
        await asyncio.sleep(SAVE_DELAY + 0.2)
        await pilot.pause()
        assert editor(screen).text == changed
        assert app.store.exercise_code("maths_foundations", "matmul") == changed


async def test_the_reset_question_and_its_keys_are_on_screen_at_the_smallest_size():
    app = new_app()
    async with app.run_test(size=(50, 12)) as pilot:
        await open_matmul(app, pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        panel = dialog.query_one("#confirm-panel")
        assert panel.region.width >= 40 and panel.region.height >= 6
        shown = screen_text(app)
        assert "Replace your code with the starter code?" in " ".join(shown.split())
        assert "ctrl+z" in shown
        assert "y  reset to the starter code" in shown and "n  keep my code" in shown
        footer = str(dialog.query_one(KeyFooter).render())
        assert "Yes" in footer and "keep it" in footer and "Check" not in footer


async def test_typing_is_saved_within_a_second_and_survives_a_restart(data_dir):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_matmul(app, pilot)
        editor(screen).move_cursor((3, 0))
        await pilot.press("#", " ", "m", "i", "n", "e")
        await pilot.press("f2")
        await run_checks(pilot)
        await asyncio.sleep(SAVE_DELAY + 0.3)
        await pilot.pause()
        # another connection, as after a crash: the typing is already on disk
        other = Store.open()
        assert other.exercise_code("maths_foundations", "matmul").endswith("# mine")
        other.close()
    again = new_app()
    async with again.run_test(size=SIZE) as pilot:
        screen = await open_matmul(again, pilot)
        assert editor(screen).text.endswith("# mine")
        assert len(screen.query_one("#hints").query(Markdown)) == 1
        assert "Last check:" in results_text(screen) and "0 of 15 checks passed" in results_text(screen)


async def test_steady_typing_is_saved_as_it_goes_not_only_when_it_stops():
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_matmul(app, pilot)
        editor(screen).move_cursor((3, 0))
        for key in "abcdefgh":  # a key every 0.2 s: the typing never pauses for SAVE_DELAY
            await pilot.press(key)
            await asyncio.sleep(0.2)
        saved = app.store.exercise_code("maths_foundations", "matmul") or ""
        assert saved.startswith(MATMUL.starter)
        assert len(saved) - len(MATMUL.starter) >= 4  # at most the last few keys are not on disk yet


async def test_the_external_editor_fails_gently_without_a_terminal(monkeypatch):
    monkeypatch.setenv("EDITOR", "true")
    app = new_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_matmul(app, pilot)
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen is screen and editor(screen).text == MATMUL.starter
        assert any("cannot be opened here" in note.message for note in app._notifications)


async def test_ctrl_e_is_the_editors_end_of_line_and_f4_opens_the_external_editor(monkeypatch):
    monkeypatch.setenv("EDITOR", "true")
    app = new_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_matmul(app, pilot)
        editor(screen).move_cursor((0, 0))
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert editor(screen).cursor_location == (0, len("def matmul(A, B):"))
        assert not app._notifications  # no editor was tried
        assert "f4 $EDITOR" in str(screen.query_one(KeyFooter).render())


async def test_with_neither_visual_nor_editor_set_f4_says_how_to_set_one_and_opens_nothing(
    monkeypatch, tmp_path
):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    # a vi and a nano on the PATH, as on most machines: neither may be started
    for name in ("vi", "nano"):
        fake = tmp_path / name
        fake.write_text("#!/bin/sh\nexit 0\n")
        fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    app = new_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_matmul(app, pilot)
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen is screen and editor(screen).text == MATMUL.starter
        messages = [note.message for note in app._notifications]
        assert len(messages) == 1 and "export EDITOR=nano" in messages[0], messages
        assert "cannot be opened here" not in messages[0]  # no editor was even tried


async def test_help_lists_the_exercise_keys():
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_matmul(app, pilot)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = dict((description, key) for key, description in app.screen.keys)
        assert keys["Check"] == "^s f5"
        assert keys["Hint"] == "f2 h"
        assert {"Reset", "Back"} <= set(keys)
        assert keys["Edit in your $VISUAL / $EDITOR; the checks run when you return"] == "f4"
        assert keys["Scroll the exercise's task down (from the editor too)"] == "^↓"
        assert keys["Scroll the exercise's task up"] == "^↑"
