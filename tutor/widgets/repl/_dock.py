"""Where the REPL pane sits on the lesson screen: below the content, or beside it when wide.

:class:`ReplDock` holds the section content and, from the first time the learner opens
it, the :class:`~tutor.widgets.repl._pane.ReplPane` (imported and mounted then, so a
lesson screen costs nothing for the REPL until it is used). Below :data:`BESIDE` terminal columns the
pane goes under the content and each keeps at least :data:`MIN_ROWS` rows (on a terminal
too short for that, 3); from :data:`BESIDE` columns on it stands to the right, at least
:data:`BESIDE_MIN_COLUMNS` wide, so a traceback's lines fit.

When the pane is shown or hidden the dock says so (:class:`ReplDock.Toggled`): below
:data:`ROOM_FOR_SIDEBAR` columns the lesson screen hides its sidebar while the pane is open,
as the pane is the narrower for it.

Messages that bubble up to it: a listing's "run this example" (the pane opens and runs
it) and the pane's "back to the lesson" (focus returns to the content).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.containers import Container
from textual.message import Message
from textual.widget import Widget

from tutor.lesson.format import Lesson
from tutor.services import services

if TYPE_CHECKING:
    from tutor.widgets.section._code_listing import CodeListing
    from tutor.widgets.repl._pane import ReplPane

BESIDE = 120
"""Terminal columns from which the pane stands beside the content."""

BESIDE_MIN_COLUMNS = 60
"""The narrowest the pane is beside the content."""

ROOM_FOR_SIDEBAR = 160
"""Terminal columns from which the sidebar, the content and the pane all fit side by side."""

MIN_ROWS = 8

SHORT = 2 * MIN_ROWS + 4
"""Terminal rows below which the two cannot both have :data:`MIN_ROWS` (then 3 each at least)."""


class ReplDock(Container):
    """The lesson content and, once opened, the REPL pane."""

    DEFAULT_CSS = f"""
    ReplDock {{
        layout: vertical;
        width: 1fr;
        height: 1fr;
        & > * {{ min-height: {MIN_ROWS}; }}
        &.-short > * {{ min-height: 3; }}
        & > ReplPane {{ height: 50%; }}
        & > ReplPane.-plotted {{ height: 65%; }}
        & > ReplPane.-hidden {{ display: none; }}
        &.-beside {{ layout: horizontal; }}
        &.-beside > ReplPane, &.-beside > ReplPane.-plotted {{
            height: 1fr;
            width: 45%;
            min-width: {BESIDE_MIN_COLUMNS};
            border-top: none;
            border-left: tall $primary 60%;
            padding: 0 0 0 1;
        }}
        &.-beside > ReplPane:focus-within {{ border-left: tall $accent; }}
    }}
    """

    @dataclass
    class Toggled(Message):
        """The pane was shown (``shown``) or hidden; ``crowded``: the terminal is narrower
        than :data:`ROOM_FOR_SIDEBAR` columns."""

        dock: ReplDock
        shown: bool
        crowded: bool

    def __init__(self, lesson: Lesson, *children: Widget, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self.lesson = lesson
        self._pane: ReplPane | None = None

    @property
    def pane(self) -> ReplPane | None:
        """The REPL pane, once it has been opened."""
        return self._pane

    @property
    def shown(self) -> bool:
        return self._pane is not None and not self._pane.has_class("-hidden")

    async def open(self, *, focus: bool = True) -> ReplPane:
        """Show the pane (mounting it the first time) and, with ``focus``, put the cursor in it."""
        was_shown = self.shown
        if self._pane is None:
            from tutor.widgets.repl._pane import ReplPane

            self._pane = ReplPane(services(self).repl, self.lesson, id="repl")
            await self.mount(self._pane)
        self._pane.remove_class("-hidden")
        if not was_shown:
            # What the transcript kept while hidden is written once the layout gives it a
            # width again, without waiting for a Resize that may not come (see ReplLog).
            self.call_after_refresh(self._pane.write_kept)
            self._say_toggled(True)
        if focus:
            self._pane.focus_input()
        self.screen.refresh_bindings()
        return self._pane

    def hide(self) -> None:
        """Hide the pane (it keeps its transcript) and give focus back to the content."""
        if self._pane is None or not self.shown:
            return
        had_focus = self._pane.has_focus_within
        self._pane.add_class("-hidden")
        self._say_toggled(False)
        if had_focus or self.screen.focused is None:
            self.focus_content()
        self.screen.refresh_bindings()

    def _say_toggled(self, shown: bool) -> None:
        self.post_message(self.Toggled(self, shown, crowded=self.app.size.width < ROOM_FOR_SIDEBAR))

    def focus_content(self) -> None:
        """Focus the section content (the first child)."""
        content = self.children[0] if self.children else None
        if content is not None and content.focusable:
            content.focus(scroll_visible=False)

    async def restart(self) -> None:
        """Open the pane and give it a fresh kernel."""
        pane = await self.open(focus=True)
        pane.restart()

    # -- messages from below -------------------------------------------------------------

    async def on_code_listing_run_requested(self, message: CodeListing.RunRequested) -> None:
        message.stop()
        pane = await self.open(focus=False)
        pane.run_example(message.example)

    def on_repl_pane_left(self, message: ReplPane.Left) -> None:
        message.stop()
        self.focus_content()

    def on_resize(self) -> None:
        width, height = self.app.size
        self.set_class(width >= BESIDE, "-beside")
        self.set_class(height < SHORT, "-short")
