"""The exercise screen at 80x24 as a newcomer meets it: an editor that indents as Python
does, a task that is read whole before the first check (and says when there is more),
a key that scrolls it from the editor, and cards that say how to open them."""

from __future__ import annotations

from textual.widgets import TextArea

from lessons.maths_foundations import LESSON
from lessons.maths_foundations.exercises import MATMUL
from tests.grading.test_exercise_screen import new_app, open_matmul
from tests.helpers import screen_text as shown
from tests.helpers import type_keys
from tutor.screens.exercise import TaskPane
from tutor.screens.help import HelpScreen
from tutor.widgets.check_results import CheckResults
from tutor.widgets.code_editor import dedent_column, line_break
from tutor.widgets.key_footer import KeyFooter
from tutor.widgets.section._exercise_card import ExerciseCard
from tutor.widgets.section._quiz_card import QuizCard

SIZE = (80, 24)
MATMUL_SECTION = next(i for i, s in enumerate(LESSON.sections) if MATMUL in s.blocks)
QUIZ_SECTION = next(i for i, s in enumerate(LESSON.sections) if LESSON.quiz() in s.blocks)


async def type_text(pilot, text: str) -> None:
    """Type `text` key by key, a line break as enter."""
    await type_keys(pilot, *("enter" if character == "\n" else character for character in text))


# -- indentation --------------------------------------------------------------------------


def test_enter_keeps_the_indent_and_adds_a_level_after_a_colon():
    assert line_break("def f(x):") == "\n    "
    assert line_break("    for i in range(m):  ") == "\n        "
    assert line_break("        total += 1") == "\n        "
    assert line_break("x = 1") == "\n"
    assert line_break("") == "\n"


def test_backspace_in_an_indent_goes_back_to_the_previous_level():
    assert dedent_column("        ") == 4
    assert dedent_column("      ") == 4
    assert dedent_column("    ") == 0
    assert dedent_column("  ") == 0
    assert dedent_column("") is None
    assert dedent_column("    x") is None


async def test_a_nested_loop_typed_key_by_key_is_indented_as_python_wants():
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_matmul(app, pilot)
        area = screen.query_one("#editor", TextArea)
        area.load_text("def matmul(A, B):")
        area.move_cursor((0, len("def matmul(A, B):")))
        # only the code is typed: every indent comes from enter and backspace
        await type_text(pilot, "\nC = []\nfor i in range(len(A)):\nrow = []\nfor j in range(len(B[0])):\n")
        await type_text(pilot, "row.append(0)\n")
        await pilot.press("backspace")  # out of the inner loop
        await type_text(pilot, "C.append(row)\n")
        await pilot.press("backspace")  # out of the outer loop
        await type_text(pilot, "return C")
        assert area.text == (
            "def matmul(A, B):\n"
            "    C = []\n"
            "    for i in range(len(A)):\n"
            "        row = []\n"
            "        for j in range(len(B[0])):\n"
            "            row.append(0)\n"
            "        C.append(row)\n"
            "    return C"
        )
        # backspace after code still deletes one character; in a ragged indent, to the level
        await pilot.press("backspace")
        assert area.text.endswith("    return ")
        area.load_text("      x")
        area.move_cursor((0, 6))
        await pilot.press("backspace")
        assert area.text == "    x" and area.cursor_location == (0, 4)


# -- the task, the results and the scroll key ---------------------------------------------------


async def test_before_the_first_check_the_whole_task_is_on_screen_and_the_results_take_little():
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_matmul(app, pilot)
        text = " ".join(shown(app).split())
        assert "raise ValueError with a message naming both shapes" in text  # the third requirement
        assert "(1, k) and (k, 1)" in text  # and the last line of the task
        assert screen.query_one(CheckResults).region.height <= 3
        task = screen.query_one(TaskPane)
        assert task.max_scroll_y == 0 and not task.has_class("-more")
        assert "more ↓" not in text


async def test_when_the_task_overflows_it_says_more_and_ctrl_down_scrolls_it_from_the_editor():
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_matmul(app, pilot)
        area = screen.query_one("#editor", TextArea)
        await pilot.press("ctrl+s")  # after a check the results take their share of the room
        for worker in [worker for worker in app.workers if worker.group == "check"]:
            await worker.wait()
        await pilot.pause()
        assert screen.has_class("-checked")
        assert screen.query_one(CheckResults).region.height >= 6
        task = screen.query_one(TaskPane)
        assert task.max_scroll_y > 0
        assert task.has_class("-more") and "more ↓  ctrl+↓ scrolls" in shown(app)
        assert "^↓ Task ↓" in str(screen.query_one(KeyFooter).render())
        assert area.has_focus
        for _ in range(10):
            before = task.scroll_y
            await pilot.press("ctrl+down")
            await pilot.pause()
            assert area.has_focus  # the editor keeps the focus, and the cursor did not move
            assert area.cursor_location == (0, 0)
            if task.scroll_y == before:
                break
        assert task.scroll_y == task.max_scroll_y
        assert not task.has_class("-more") and "more ↓" not in shown(app)
        assert "(1, k) and (k, 1)" in " ".join(shown(app).split())
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert task.scroll_y < task.max_scroll_y and task.has_class("-more")


async def test_f1_opens_help_from_the_editor_where_question_mark_types():
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_matmul(app, pilot)
        assert isinstance(app.focused, TextArea)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = dict(app.screen.keys)
        assert "Scroll the exercise's task down" in keys["^↓"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


# -- the cards in the lesson ------------------------------------------------------------------


async def test_the_cards_say_tab_then_enter_until_they_have_focus():
    app = new_app(start=("maths_foundations", MATMUL_SECTION))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        card = next(card for card in app.screen.query(ExerciseCard) if card.exercise is MATMUL)
        assert not card.has_focus
        assert "tab, then enter: open the exercise" in str(card.render())
        card.focus()
        await pilot.pause()
        assert "tab, then" not in str(card.render()) and "enter: open the exercise" in str(card.render())
        app.screen.query_one("SectionView").focus()
        await pilot.pause()
        assert "tab, then enter: open the exercise" in str(card.render())


async def test_the_quiz_card_says_tab_then_enter_until_it_has_focus():
    app = new_app(start=("maths_foundations", QUIZ_SECTION))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        card = app.screen.query_one(QuizCard)
        assert "tab, then enter: start the quiz" in str(card.render())
        card.focus()
        await pilot.pause()
        assert "tab, then" not in str(card.render()) and "enter: start the quiz" in str(card.render())
