"""`tutor progress [--json]` and `tutor reset [--lesson ID] [--yes]`, run as a learner runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from lessons.maths_foundations import LESSON
from tutor.store import FILENAME, Store


def tutor(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tutor", *args],
        capture_output=True, text=True, timeout=60, env=os.environ.copy(),
        input=stdin, stdin=subprocess.DEVNULL if stdin is None else None,
    )


@pytest.fixture
def progress(data_dir):
    """Progress in the built-in lesson (two sections, one exercise, a quiz) and in another one."""
    store = Store.open()
    store.set_position(LESSON.id, LESSON.sections[1].id)
    store.set_position(LESSON.id, LESSON.sections[2].id)
    store.set_position(LESSON.id, "a_section_the_lesson_no_longer_has")
    exercises = LESSON.exercises()
    if exercises:
        store.record_attempt(LESSON.id, exercises[0].id, True, "all checks pass")
        store.record_attempt(LESSON.id, exercises[-1].id, False, "2 checks fail")
    store.record_answer(LESSON.id, "dot_by_hand", "23", True)
    store.record_score(LESSON.id, 12, 22)
    store.record_score(LESSON.id, 19, 22)
    store.record_score(LESSON.id, 15, 22)
    store.set_position("other_lesson", "intro")
    store.add_history("1 + 1")
    store.close()
    return data_dir / FILENAME


def _counts(path) -> dict[str, int]:
    store = Store.open(path)
    try:
        return {
            "seen": len(store.seen(LESSON.id)),
            "answers": len(store.answers(LESSON.id)),
            "scored": store.best_score(LESSON.id) is not None,
            "other": len(store.seen("other_lesson")),
            "history": len(store.history()),
        }
    finally:
        store.close()


def test_progress_json_reports_what_the_home_screen_shows(progress):
    result = tutor("progress", "--json")
    assert result.returncode == 0, result.stderr
    lessons = {row["id"]: row for row in json.loads(result.stdout)["lessons"]}
    row = lessons[LESSON.id]
    assert row["title"] == LESSON.title and row["number"] == LESSON.number
    assert row["sections_seen"] == 2, "a section the lesson no longer has is not counted"
    assert row["sections_total"] == len(LESSON.sections)
    assert row["exercises_total"] == len(LESSON.exercises())
    assert row["exercises_passed"] == (1 if LESSON.exercises() else 0)
    assert row["quiz_questions"] == len(LESSON.quiz().questions)
    assert row["quiz_best"] == {"score": 19, "total": 22}
    assert row["error"] is None


def test_progress_prints_a_table(progress):
    result = tutor("progress")
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["lesson", "sections", "exercises", "best", "quiz", "skills"]
    row = next(line for line in rows if line.startswith(LESSON.id)).split()
    assert row[1] == f"2/{len(LESSON.sections)}"
    assert row[3:5] == ["19/22", "(86%)"]
    assert row[5:] == ([f"0/{len(LESSON.skills)}", "proficient"] if LESSON.skills else ["none"])


def test_progress_without_a_progress_file_shows_nothing_done_and_creates_nothing(data_dir):
    result = tutor("progress", "--json")
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)["lessons"][0]
    assert row["sections_seen"] == 0 and row["exercises_passed"] == 0 and row["quiz_best"] is None
    assert not (data_dir / FILENAME).exists()
    assert "not taken" in tutor("progress").stdout


def test_reset_asks_first_and_n_changes_nothing(progress):
    before = _counts(progress)
    result = tutor("reset", stdin="n\n")
    assert result.returncode == 1
    assert "[y/N]" in result.stdout and "Nothing was changed." in result.stdout
    assert _counts(progress) == before


def test_reset_end_of_input_is_a_no(progress):
    before = _counts(progress)
    result = tutor("reset")  # stdin is /dev/null
    assert result.returncode == 1 and "Nothing was changed." in result.stdout
    assert _counts(progress) == before


def test_reset_y_forgets_everything(progress):
    result = tutor("reset", stdin="y\n")
    assert result.returncode == 0, result.stderr
    assert "[y/N]" in result.stdout and "Forgot all progress in every lesson" in result.stdout
    assert _counts(progress) == {"seen": 0, "answers": 0, "scored": False, "other": 0, "history": 0}
    after = json.loads(tutor("progress", "--json").stdout)["lessons"][0]
    assert after["sections_seen"] == 0 and after["quiz_best"] is None and after["exercises_passed"] == 0


def test_reset_yes_skips_the_question(progress):
    result = tutor("reset", "--yes")
    assert result.returncode == 0, result.stderr
    assert "[y/N]" not in result.stdout
    assert _counts(progress)["seen"] == 0


def test_reset_one_lesson_leaves_the_others(progress):
    result = tutor("reset", "--lesson", LESSON.id, stdin="yes\n")
    assert result.returncode == 0, result.stderr
    assert f"lesson '{LESSON.id}'" in result.stdout
    assert _counts(progress) == {"seen": 0, "answers": 0, "scored": False, "other": 1, "history": 1}


def test_reset_an_unknown_lesson_exits_2_and_changes_nothing(progress):
    before = _counts(progress)
    result = tutor("reset", "--lesson", "astrology", "--yes")
    assert result.returncode == 2
    assert f"unknown lesson 'astrology'; available: {LESSON.id}" in result.stderr
    assert _counts(progress) == before


def test_help_lists_progress_and_reset():
    assert all(word in tutor("--help").stdout for word in ("progress", "reset"))
    assert "--json" in tutor("progress", "--help").stdout
    reset_help = tutor("reset", "--help").stdout
    assert "--lesson" in reset_help and "--yes" in reset_help


def test_reset_enter_alone_is_a_no(progress):
    before = _counts(progress)
    result = tutor("reset", stdin="\n")
    assert result.returncode == 1 and "Nothing was changed." in result.stdout
    assert _counts(progress) == before


def test_reset_keeps_a_copy_that_undoes_it(progress):
    before = _counts(progress)
    result = tutor("reset", "--yes")
    assert result.returncode == 0, result.stderr
    backup = progress.with_name("progress-before-reset.sqlite3")
    assert str(backup) in result.stdout
    assert _counts(progress)["seen"] == 0
    backup.replace(progress)  # what the message tells the learner to do
    assert _counts(progress) == before
