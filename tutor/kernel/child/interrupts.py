"""SIGINT handling inside the kernel child.

The client interrupts a cell by sending SIGINT to the child. SIGINT is ignored
(``SIG_IGN``) except while learner code runs inside :meth:`InterruptGate.run`, where
Python's own C-level ``signal.default_int_handler`` turns it into KeyboardInterrupt.
So an interrupt can never land in the middle of protocol work between cells: outside a
cell the signal is discarded by the OS and no handler runs at all. The child runs in its
own session, so the terminal's Ctrl+C never reaches it.

Opening the gate: with SIGINT blocked, the handler is installed and the request is
announced (``started``); then SIGINT is unblocked. The client signals only after it has
read ``started``, so every SIGINT it sends reaches the request it was meant for: a
signal sent before the unblock waits for it, none can be discarded. Other threads of
the engine keep SIGINT blocked for good (see :func:`block_interrupts_in_this_thread`).

A CPython 3.11 quirk worth knowing when reading interrupt results: a KeyboardInterrupt
raised inside a one-line ``while True: pass`` is reported at an instruction outside any
``try`` of that frame, so ``try: while True: pass`` / ``except KeyboardInterrupt`` does
not catch it (plain Python behaves the same). Such a cell simply ends with
KeyboardInterrupt; a loop that really swallows the interrupt is killed after the grace.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class InterruptGate:
    """Turns SIGINT into KeyboardInterrupt only inside :meth:`run`."""

    def install(self) -> None:
        """Ignore SIGINT until a cell runs."""
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    def run(
        self,
        action: Callable[[], T],
        on_late_interrupt: Callable[[], T],
        announce: Callable[[], None] | None = None,
    ) -> T:
        """Run ``action`` interruptibly, calling ``announce`` once SIGINT can no longer be lost.

        ``action`` is expected to catch KeyboardInterrupt itself; ``on_late_interrupt``
        builds the answer when the signal lands outside it (just before it started, or
        just after it stopped catching). An interrupt arriving after ``action`` returned
        is dropped: the work is done.
        """
        try:
            self._open(announce)
            outcome = action()
        except KeyboardInterrupt:
            outcome = on_late_interrupt()
        finally:
            self._close()
        return outcome

    @staticmethod
    def _open(announce: Callable[[], None] | None) -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            if announce is not None:
                announce()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

    @staticmethod
    def _close() -> None:
        while True:
            try:
                # signal.signal() first runs pending handlers, so a just-arrived SIGINT
                # may surface here as KeyboardInterrupt; it is too late to matter.
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                return
            except KeyboardInterrupt:
                continue


def block_interrupts_in_this_thread() -> None:
    """Keep SIGINT away from a helper thread, so the OS delivers it to the main thread."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
