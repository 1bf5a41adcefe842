"""A skill's mastery level, from its answer history, by one written-down rule.

The levels are Khan Academy's: not started, attempted, familiar, proficient,
mastered. Only the trailing run of right answers (the *streak*) counts; a
wrong answer starts it again.

* **not started**: no answer yet;
* **attempted**: answered, but the last answer was wrong;
* **familiar**: the last answer was right (a streak of one);
* **proficient**: the last two answers were right (a streak of two or more);
* **mastered**: proficient, and the streak holds a right answer in a review
  given at least a day after the streak began: it was remembered, not just
  repeated.
"""

from __future__ import annotations

import math
from enum import IntEnum
from typing import Iterable

from tutor.store import SkillAnswer

DAY = 24 * 60 * 60.0


class Level(IntEnum):
    NOT_STARTED = 0
    ATTEMPTED = 1
    FAMILIAR = 2
    PROFICIENT = 3
    MASTERED = 4

    @property
    def label(self) -> str:
        return self.name.replace("_", " ").lower()



SECTION_MARKS = ("·", "○", "◔", "◑", "◕", "●")
"""A section's mark, from nothing met to every skill mastered (see `section_mark`)."""


def streak(answers: Iterable[SkillAnswer]) -> list[SkillAnswer]:
    """The trailing run of right answers, oldest first."""
    run: list[SkillAnswer] = []
    for answer in answers:
        run = run + [answer] if answer.correct else []
    return run


def level(answers: list[SkillAnswer]) -> Level:
    """The level that `answers` (one skill's, oldest first) show."""
    if not answers:
        return Level.NOT_STARTED
    run = streak(answers)
    if not run:
        return Level.ATTEMPTED
    if len(run) == 1:
        return Level.FAMILIAR
    began = run[0].at
    if any(answer.source == "review" and answer.at - began >= DAY for answer in run[1:]):
        return Level.MASTERED
    return Level.PROFICIENT


def section_share(levels: Iterable[Level]) -> float | None:
    """How far a section's skills have come: the mean of their levels over mastered (0 to 1).

    None when the section teaches no skill.
    """
    found = list(levels)
    if not found:
        return None
    return sum(found) / (Level.MASTERED * len(found))


def section_mark(share: float | None) -> str:
    """One cell for the sidebar: `·` nothing met, then ○ ◔ ◑ ◕ for up to a quarter, a half,
    three quarters and less than all of the way, `●` all mastered."""
    if share is None:
        return ""
    if share <= 0:
        return SECTION_MARKS[0]
    if share >= 1:
        return SECTION_MARKS[-1]
    return SECTION_MARKS[min(4, math.ceil(share * 4))]
