"""Shown instead of everything else while the terminal is below the minimum size."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class TooSmallScreen(Screen):
    """Says how big the terminal must be; the app removes it when it is big enough."""

    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen Static { width: 100%; height: auto; text-align: center; padding: 0 1; }
    """

    def __init__(self, needed: tuple[int, int], have: tuple[int, int]) -> None:
        super().__init__()
        self.needed = needed
        self.have = have

    def compose(self) -> ComposeResult:
        yield Static(self._message(), id="too-small")

    def _message(self) -> str:
        (need_w, need_h), (have_w, have_h) = self.needed, self.have
        return f"Terminal too small: needs {need_w}x{need_h}, have {have_w}x{have_h}\nctrl+q quits"

    def update_size(self, have: tuple[int, int]) -> None:
        self.have = have
        self.query_one("#too-small", Static).update(self._message())
