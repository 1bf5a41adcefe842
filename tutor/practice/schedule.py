"""The review schedule: one FSRS card per skill, moved on by each rated answer.

This is the only module that imports `fsrs` (about 40 ms): it is imported when
an answer is recorded, never before the first frame. Fuzzing is off, so the
same answers at the same times always give the same due dates (tests rely on
it, and a learner comparing two machines would too).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

import fsrs

from tutor.practice.rating import AGAIN, GOOD, HARD

RATINGS = {AGAIN: fsrs.Rating.Again, HARD: fsrs.Rating.Hard, GOOD: fsrs.Rating.Good}


@lru_cache(maxsize=1)
def scheduler() -> fsrs.Scheduler:
    """FSRS with its default parameters and 90 % desired retention, without fuzz."""
    return fsrs.Scheduler(enable_fuzzing=False)


def review(card_json: str | None, rating: str, at: datetime) -> tuple[str, float]:
    """The skill's card after an answer rated `rating` at `at`: (card as JSON, due timestamp)."""
    # A new card's id would be the wall clock's milliseconds; the store keys cards by skill, so a
    # fixed id keeps the same answers giving the same JSON, byte for byte.
    card = fsrs.Card.from_json(card_json) if card_json else fsrs.Card(card_id=1)
    card, _ = scheduler().review_card(card, RATINGS[rating], at)
    return card.to_json(), card.due.timestamp()
