"""The help screen lists the keys of where the learner is: one line each, with its own label, none cut off."""

from __future__ import annotations

from tests.conftest import entry_point
from tests.helpers import screen_text as _plain
from tutor.app import TutorApp
from tutor.lesson.registry import discover
from tutor.screens.help import EDITING_ROW, HelpScreen
from tutor.store import Store
from tutor.widgets.figures._explorable import ExplorableBlock


def _help_rows(app: TutorApp) -> dict[str, str]:
    assert isinstance(app.screen, HelpScreen)
    return dict(app.screen.keys)


async def test_help_on_an_explorable_gives_each_key_its_own_line_and_label():
    app = TutorApp(catalogue=discover(), store=Store.open(), start=("maths_foundations", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(15):
            await pilot.press("tab")
            await pilot.pause()
            if isinstance(app.focused, ExplorableBlock):
                break
        assert isinstance(app.focused, ExplorableBlock)
        await pilot.press("question_mark")
        await pilot.pause()
        rows = _help_rows(app)
        assert rows["←"] == "Step down" and rows["→"] == "Step up"
        assert rows["↑"] == "Previous parameter" and rows["↓"] == "Next parameter"
        assert rows["shift+→"] == "Ten steps up"
        assert rows["1–9"] == "Jump to section"
        assert not any("–shift" in key for key in rows), "two different keys merged into a range"


async def test_f1_in_a_typed_quiz_answer_shows_the_quiz_keys_not_fifteen_editing_keys():
    catalogue = discover([entry_point("quizzy", "tests.fixtures.quiz_lesson")])
    app = TutorApp(catalogue=catalogue, store=Store.open(), start=("quizzy", 2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "enter")
        await pilot.pause()
        await pilot.press("b", "enter")  # the first question is multiple choice; the second is typed
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        rows = _help_rows(app)
        assert rows[EDITING_ROW[0]] == EDITING_ROW[1]
        assert len(rows) <= 10, rows
        assert "Leave quiz" in rows.values()
        assert rows.get("⏎") == "Submit", "how to answer is not folded into the editing keys"
        # the longest label wraps inside the panel instead of running off its edge
        assert "Command palette: go to a section, open a lesson," in _plain(app)
        assert "theme" in _plain(app).split("open a lesson,")[1].split("escape closes")[0]
