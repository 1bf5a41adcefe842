"""The REPL's input history: whole cells, walked with up and down like a shell's.

Plain Python, so it is tested on its own. Walking up from the prompt first
keeps what was being typed (the draft) and gives it back when the walk comes down past
the newest entry.
"""

from __future__ import annotations

MAX_ENTRY_CHARS = 100_000
"""Cells longer than this (a huge paste) are run but not remembered."""


class History:
    """Cells the learner ran, oldest first, and a position for walking them."""

    def __init__(self, entries: list[str] | None = None, limit: int = 1000) -> None:
        self.limit = limit
        self.entries: list[str] = list(entries or [])[-limit:]
        self._position = len(self.entries)
        self._draft = ""

    @property
    def walking(self) -> bool:
        """An older entry is on the prompt (not the draft)."""
        return self._position < len(self.entries)

    def add(self, source: str) -> bool:
        """Remember a cell; ``False`` when it is blank, too long, or repeats the newest one."""
        self.reset()
        if not source.strip() or len(source) > MAX_ENTRY_CHARS:
            return False
        if self.entries and self.entries[-1] == source:
            return False
        self.entries.append(source)
        del self.entries[: -self.limit]
        self._position = len(self.entries)
        return True

    def previous(self, current: str) -> str | None:
        """The entry before the one shown (``current`` is kept as the draft); None at the oldest."""
        if self._position == 0:
            return None
        if not self.walking:
            self._draft = current
        self._position -= 1
        return self.entries[self._position]

    def next(self) -> str | None:
        """The entry after the one shown, then the draft; None when not walking."""
        if not self.walking:
            return None
        self._position += 1
        return self.entries[self._position] if self.walking else self._draft

    def reset(self) -> None:
        """Stop walking: the next ``previous`` starts from the newest entry."""
        self._position = len(self.entries)
        self._draft = ""
