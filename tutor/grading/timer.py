"""A time limit for learner code inside the checking child: SIGALRM raises CheckTimeout.

CheckTimeout derives from BaseException, so the usual ``except Exception`` in
learner code cannot swallow it. A loop that swallows everything, or a long C
call that never returns to the interpreter, outlives the alarm: the client then
interrupts and, if need be, kills the whole checking process.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


class CheckTimeout(BaseException):
    """The learner's code ran past its time limit."""


def _raise_timeout(signum: int, frame: object) -> None:
    raise CheckTimeout()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise CheckTimeout inside the block once `seconds` have passed (main thread only)."""
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
