"""The practice tables: a real schema-2 progress file migrates with nothing lost; the log and schedule."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tutor.practice import log
from tutor.store import FILENAME, SCHEMA_VERSION, NewerSchemaError, Store

FIXTURE = Path(__file__).parent.parent / "fixtures" / "progress-schema2.sqlite3"


@pytest.fixture
def old_file(data_dir) -> Path:
    """A copy of a progress file written by the tutor of schema 2, with a learner's progress in it."""
    data_dir.mkdir(parents=True)
    target = data_dir / FILENAME
    shutil.copy(FIXTURE, target)
    return target


def test_the_fixture_is_a_real_schema_2_file():
    with sqlite3.connect(FIXTURE) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 2
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "skill_answers" not in tables and "quiz_scores" in tables


def test_a_schema_2_file_opens_with_nothing_lost(old_file):
    store = Store.open(old_file)
    try:
        assert store.notice is None
        lesson = "maths_foundations"
        assert store.position(lesson) == "eigen" and store.seen(lesson) == {"eigen"}
        assert store.setting("theme") == "textual-dark"
        assert store.history()[-2:] == ["a @ b", "np.linalg.eig(A)"]
        assert "return A @ B" in store.exercise_code(lesson, "matmul")
        assert store.hints_shown(lesson, "matmul") == 1
        assert [passed for passed, _, _ in store.attempts(lesson, "matmul")] == [False, True]
        assert [(qid, correct) for qid, _, correct, _ in store.answers(lesson)] == [
            ("dot_by_hand", True), ("matmul_shape", False),
        ]
        assert store.best_score(lesson) == (17, 22)
        assert store.skill_answers() == [] and store.due_dates() == {}
        log.record(store, lesson, "dot_product", "dot_by_hand", "quiz", True, seconds=5, typical=45)
        assert [a.skill_id for a in store.skill_answers()] == ["dot_product"]
    finally:
        store.close()
    with sqlite3.connect(old_file) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3


def test_an_older_tutor_refuses_the_newer_file(old_file, monkeypatch):
    Store.open(old_file).close()  # migrated to 3
    import tutor.store._schema as schema

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    with sqlite3.connect(old_file) as raw:
        with pytest.raises(NewerSchemaError, match="schema 3, this tutor knows up to 2"):
            schema.refuse_newer(raw)
    store = Store.open(old_file)
    try:
        assert store.path is None and "newer" in (store.notice or "").lower()
    finally:
        store.close()
    with sqlite3.connect(old_file) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 3, "left untouched"


def test_the_log_and_schedule_follow_each_answer_and_reset_forgets_them(store, monkeypatch):
    monkeypatch.setenv("TUTOR_NOW", "2026-12-06T09:00:00+00:00")
    log.record(store, "practised", "parity", "cp_parity", "checkpoint", False, seconds=3, typical=45)
    log.record(store, "practised", "parity", "pick", "quiz", True, seconds=100, typical=45)
    log.record(store, "other", "x", "q", "quiz", True)
    answers = store.skill_answers("practised")
    assert [(a.item_id, a.correct, a.rating) for a in answers] == [("cp_parity", False, "again"), ("pick", True, "hard")]
    assert set(store.due_dates()) == {("practised", "parity"), ("other", "x")}
    assert log.record(store, "practised", "", "unskilled", "quiz", True) is None, "no skill: nothing logged"
    store.reset("practised")
    assert store.skill_answers("practised") == [] and set(store.due_dates()) == {("other", "x")}


def test_an_exercises_first_pass_goes_to_the_log_and_failures_do_not(store):
    from tests.grading.test_units import MATMUL, failed, passed
    from dataclasses import replace

    from tutor.grading import status

    exercise = replace(MATMUL, skill="matmul_entry")
    status.record(store, "maths_foundations", exercise, failed())
    assert store.skill_answers() == []
    store.set_hints_shown("maths_foundations", exercise.id, 1)
    status.record(store, "maths_foundations", exercise, passed())
    status.record(store, "maths_foundations", exercise, passed())
    logged = store.skill_answers()
    assert [(a.item_id, a.source, a.correct, a.hinted, a.rating) for a in logged] == [
        ("matmul", "exercise", True, True, "hard")
    ]
