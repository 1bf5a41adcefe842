"""`tutor skills`, `tutor practice` and `TUTOR_NOW` from the command line, as a learner runs them."""

from __future__ import annotations

import json
import os

from lessons.maths_foundations import LESSON
from tests.test_progress_cli import tutor
from tutor.practice import log
from tutor.store import Store

SKILL = LESSON.skills[0]


def _answered(monkeypatch, when: str = "2026-12-06T09:00:00+00:00") -> None:
    monkeypatch.setenv("TUTOR_NOW", when)
    store = Store.open()
    try:
        log.record(store, LESSON.id, SKILL.id, "q", "quiz", True, seconds=5, typical=45)
    finally:
        store.close()


def test_skills_lists_every_skill_with_its_level_and_next_review(data_dir, monkeypatch):
    _answered(monkeypatch)
    result = tutor("skills", "--lesson", LESSON.id)
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split()[:4] == ["lesson", "skill", "level", "next"]
    assert len(rows) == len(LESSON.skills)
    mine = next(row for row in rows if row.split()[1] == SKILL.id)
    assert "familiar" in mine and "in 10 minutes" in mine
    assert sum("not started" in row for row in rows) == len(LESSON.skills) - 1


def test_skills_json_and_progress_json_agree_two_days_later(data_dir, monkeypatch):
    _answered(monkeypatch)
    monkeypatch.setenv("TUTOR_NOW", "2026-12-08T09:00:00+00:00")
    skills = json.loads(tutor("skills", "--json").stdout)["skills"]
    mine = next(row for row in skills if row["id"] == SKILL.id)
    assert mine["level"] == "familiar" and mine["due_now"] is True and mine["answers"] == 1
    lessons = json.loads(tutor("progress", "--json").stdout)["lessons"]
    row = next(row for row in lessons if row["id"] == LESSON.id)
    assert row["skills_due"] == 1 and row["skills_proficient"] == 0
    assert {skill["id"] for skill in row["skills"]} == {skill.id for skill in LESSON.skills}


def test_practice_and_skills_refuse_what_does_not_exist_and_a_bad_clock(data_dir, monkeypatch):
    result = tutor("practice", "no_such_skill")
    assert result.returncode == 2 and "unknown skill 'no_such_skill'" in result.stderr
    result = tutor("skills", "--lesson", "nope")
    assert result.returncode == 2 and "unknown lesson 'nope'" in result.stderr
    monkeypatch.setenv("TUTOR_NOW", "tomorrow")
    result = tutor("skills")
    assert result.returncode == 2 and "TUTOR_NOW='tomorrow' is not an ISO date-time" in result.stderr
    assert os.environ["TUTOR_NOW"] == "tomorrow"
