"""`tutor skills [--lesson ID] [--json]`, and the parsing of `tutor review` and `tutor practice SKILL`.

`skills` prints every skill of the installed lessons with its mastery level
and when it is next due for review. `review` and `practice` open the tutor on
the review screen; here they are only parsed and their skill is found.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from tutor.lesson.registry import Catalogue

USAGE_ERROR = 2


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Register `skills`, `review` and `practice` on `commands`."""
    skills = commands.add_parser(
        "skills", help="list every skill with its mastery and next review",
        description="List the skills of the installed lessons: mastery level (not started, attempted, "
        "familiar, proficient, mastered) and when each is next due for review.",
    )
    skills.add_argument("--lesson", metavar="ID", dest="skills_lesson", help="only this lesson's skills")
    skills.add_argument("--json", action="store_true", help="print JSON instead of a table")
    commands.add_parser(
        "review", help="review the skills that are due (spaced repetition)",
        description="Open the review: every skill due, across all lessons, as fresh questions.",
    )
    practice = commands.add_parser(
        "practice", help="practise one skill until it is proficient",
        description="Fresh questions on one skill until the last two are right. "
        "SKILL is an id from `tutor skills` (LESSON:SKILL when two lessons share it).",
    )
    practice.add_argument("skill_id", metavar="SKILL", help="the skill's id, as `tutor skills` lists it")


def find_skill(catalogue: Catalogue, name: str) -> tuple[str, str] | str:
    """(lesson id, skill id) for `name` (`skill` or `lesson:skill`), or a message saying what is wrong."""
    lesson_id, _, skill_id = name.rpartition(":")
    found = [
        (lesson.id, skill.id)
        for lesson in catalogue.lessons
        for skill in lesson.skills
        if skill.id == skill_id and lesson_id in ("", lesson.id)
    ]
    if len(found) == 1:
        return found[0]
    if found:
        return f"{name!r} is a skill of several lessons; write it as " + " or ".join(f"{l}:{s}" for l, s in found)
    known = [skill.id for lesson in catalogue.lessons for skill in lesson.skills]
    hint = "; `tutor skills` lists them" if known else "; no installed lesson lists any skills"
    return f"unknown skill {name!r}{hint}"


def skills(catalogue: Catalogue, lesson_id: str | None, as_json: bool, out: TextIO = sys.stdout) -> int:
    from tutor.cli.progress_commands import open_store
    from tutor.practice import clock
    from tutor.practice.skills import skill_states

    if lesson_id is not None and catalogue.get(lesson_id) is None:
        available = ", ".join(catalogue.ids()) or "none installed"
        print(f"tutor: unknown lesson {lesson_id!r}; available: {available}", file=sys.stderr)
        return USAGE_ERROR
    lessons = [lesson for lesson in catalogue.lessons if lesson_id in (None, lesson.id)]
    store = open_store()
    try:
        states = skill_states(lessons, store)
    finally:
        store.close()
    now = clock.timestamp()
    if as_json:
        import json  # only here: `tutor` itself starts without it

        rows = [{**state.as_dict(), "due_now": state.is_due(now)} for state in states]
        json.dump({"now": now, "skills": rows}, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    if not states:
        print("No installed lesson lists any skills.", file=out)
        return 0
    lines = [("lesson", "skill", "level", "next review", "title")]
    for state in states:
        review = "not met yet" if state.due is None else clock.describe(state.due, now)
        lines.append((state.lesson_id, state.skill.id, state.level.label, review, state.skill.title))
    widths = [max(len(line[column]) for line in lines) for column in range(len(lines[0]))]
    for line in lines:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip(), file=out)
    return 0
