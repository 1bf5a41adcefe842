"""Painting a quick REPL answer in the same frame as the Enter that asked for it.

A cell like ``1+1`` answers in about a millisecond, but Textual paints at most 60 frames
a second: if the cleared prompt and the echo were painted first, the answer would wait a
whole frame for the next one. :class:`FrameHold` holds the app's repaints from the Enter
key until the answer is written, for :data:`HOLD_SECONDS` at most, so a long cell still
shows its echo at once. It holds the app's public ``batch_update`` context open across
the wait (an :class:`~contextlib.ExitStack` keeps it, as the Enter and the answer are two
different calls) and ends by prompting the screen, which paints as soon as it is idle.
"""

from __future__ import annotations

from contextlib import ExitStack

from textual.widget import Widget

HOLD_SECONDS = 0.03


class FrameHold:
    """Repaints held until :meth:`release` (or :data:`HOLD_SECONDS`, whichever comes first)."""

    def __init__(self, widget: Widget, seconds: float = HOLD_SECONDS) -> None:
        self._app = widget.app
        self._batch = ExitStack()
        self._batch.enter_context(self._app.batch_update())
        self._held = True
        self._app.set_timer(seconds, self.release)  # the app outlives any widget: never held for good

    @property
    def held(self) -> bool:
        return self._held

    def release(self) -> None:
        """Let the app paint again, now (safe to call more than once)."""
        if not self._held:
            return
        self._held = False
        self._batch.close()
        try:
            self._app.screen.check_idle()
        except Exception:  # no screen any more: nothing to paint
            pass
