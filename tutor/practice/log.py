"""Recording an answer that shows a skill: log it, rate it, reschedule the skill.

Callers (the quiz, checkpoints, the review and practice screens, an exercise's
first pass) call `record`; it is the one place the rating rule and the
scheduler meet the store.
"""

from __future__ import annotations

from tutor.practice import clock
from tutor.practice.rating import rate
from tutor.store import SkillAnswer, Store


def record(
    store: Store,
    lesson_id: str,
    skill_id: str,
    item_id: str,
    source: str,
    correct: bool,
    *,
    hinted: bool = False,
    seconds: float | None = None,
    typical: float | None = None,
) -> SkillAnswer | None:
    """Log the answer and move the skill's review card on; None when it names no skill."""
    if not skill_id:
        return None
    from tutor.practice import schedule  # fsrs: only when an answer is recorded

    moment = clock.now()
    rating = rate(correct, hinted=hinted, seconds=seconds, typical=typical)
    answer = SkillAnswer(
        lesson_id, skill_id, item_id, source, correct, hinted, seconds, rating, moment.timestamp()
    )
    card, due = schedule.review(store.skill_card(lesson_id, skill_id), rating, moment)
    store.record_skill_answer(answer, card, due)
    return answer
