"""The tutor's clock: the real time, or `TUTOR_NOW` when it is set.

`TUTOR_NOW` takes an ISO 8601 date-time (`2026-12-08T09:00`, `2026-12-08 09:00+01:00`).
Without a zone it is read as local time. Tests and demonstrations set it to
step days ahead and see reviews fall due; the learner never needs it.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

VARIABLE = "TUTOR_NOW"


class BadClock(ValueError):
    """`TUTOR_NOW` is set to something that is not an ISO date-time."""


def parse(text: str) -> datetime:
    """`text` as an aware UTC date-time (no zone: local time)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise BadClock(
            f"{VARIABLE}={text!r} is not an ISO date-time; write it like 2026-12-08T09:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # local time
    return moment.astimezone(timezone.utc)


def now() -> datetime:
    """The tutor's present moment, aware, in UTC."""
    text = os.environ.get(VARIABLE, "").strip()
    return parse(text) if text else datetime.now(timezone.utc)


def timestamp() -> float:
    """`now()` in seconds since the epoch, as the store keeps times."""
    return now().timestamp()


def describe(moment: float, now: float) -> str:
    """A due time as a person says it: `now`, `in 10 minutes`, `in 3 days (Tue 8 Dec)`."""
    seconds = moment - now
    if seconds <= 0:
        return "now"
    if seconds < 3600:
        return f"in {max(1, round(seconds / 60))} minutes"
    if seconds < 86400:
        hours = round(seconds / 3600)
        return f"in {hours} hour{'s' if hours != 1 else ''}"
    days = round(seconds / 86400)
    date = datetime.fromtimestamp(moment).strftime("%a %-d %b")
    return f"in {days} day{'s' if days != 1 else ''} ({date})"


def check() -> str | None:
    """A message if `TUTOR_NOW` is set but unreadable, else None (the command line says it first)."""
    try:
        now()
    except BadClock as error:
        return str(error)
    return None
