"""The scrolling body of a lesson: one section's heading and blocks at a time.

Each section is built once and kept: going back to it only swaps which page
is displayed. After the first section is on screen, the others are built in
the background, one per idle moment, nearest first, and their text wrapped
and measured, so that a first visit is almost as quick as a return. The page
shown on demand composes only the blocks that fill the screen and mounts the
rest a moment later.
"""

from __future__ import annotations

import asyncio
import time

from textual import events
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widget import MountError, Widget
from textual.widgets import Static

from tutor.lesson.format import Example, Lesson
from tutor.lesson.format import Prose as ProseBlock
from tutor.widgets.section._block_messages import LeaveRequested
from tutor.widgets.section._blocks import block_widget


def estimated_rows(block: object) -> int:
    """A rough count of the rows `block` takes at a reading width (prose at about 72 columns)."""
    if isinstance(block, ProseBlock):
        return len(block.markdown) // 72 + block.markdown.count("\n\n") + 2
    if isinstance(block, Example):
        return block.code.count("\n") + block.output.count("\n") + 4
    return 16


class SectionPage(Vertical):
    """The widgets of one section, built once.

    With `rows`, the page composes only the blocks that fill about that many
    rows and mounts the rest a moment later: the first frame of a
    section (the one a returning learner waits for) then lays out, styles and
    draws only what is on screen.
    """

    DEFAULT_CSS = """
    SectionPage { height: auto; }
    """

    LATER_DELAY = 0.05
    """Seconds after mounting before the blocks below the fold are mounted. (Not "after
    the next refresh": at start-up that refresh is drawn inside the app's opening batch
    and never reaches the terminal, so the rest would delay the first frame.)"""

    def __init__(self, lesson: Lesson, index: int, *, rows: int | None = None) -> None:
        super().__init__(id=f"section-{index + 1}")
        self.lesson = lesson
        self.index = index
        self._rows = rows
        self._later: list[object] = []
        self._mounting = asyncio.Lock()

    def compose(self):
        section = self.lesson.sections[self.index]
        yield Static(f"{self.index + 1}. {section.title}", classes="heading", markup=False)
        yield Static(f"Section {self.index + 1} of {len(self.lesson.sections)}", classes="position")
        blocks = list(section.blocks)
        now = len(blocks)
        if self._rows is not None:
            filled = 0
            for now, block in enumerate(blocks, start=1):
                filled += estimated_rows(block)
                if filled >= self._rows:
                    break
        self._later = blocks[now:]
        for block in blocks[:now]:
            yield block_widget(block, self.lesson)

    def on_mount(self) -> None:
        if self._later:
            self.set_timer(self.LATER_DELAY, self.mount_later)

    async def mount_later(self) -> None:
        """Mount the blocks below the fold now, unless they are (safe to call again)."""
        async with self._mounting:
            if not self._later or not self.is_attached or self._closing:
                return
            try:
                await self.mount_all([block_widget(block, self.lesson) for block in self._later])
            except MountError:  # the screen closed while this was queued
                return
            self._later = []

    @property
    def complete(self) -> bool:
        """Whether every block of the section is mounted."""
        return not self._later


class SectionView(VerticalScroll):
    """Shows one section; focused, so the scroll keys scroll it."""

    DEFAULT_CSS = """
    SectionView { width: 1fr; height: 1fr; padding: 0 1 0 2; scrollbar-gutter: stable; }
    /* The gutter is kept for sections too short to scroll: every page then wraps its text
       at one width, so what was measured for one showing holds for the next. */
    SectionView .heading { text-style: bold; color: $accent; margin: 1 0 0 0; }
    SectionView .position { color: $text-muted; margin: 0 0 1 0; }
    SectionView SectionPage > * { max-width: 96; }  /* a readable measure on wide terminals */
    """

    class AllBuilt(Message):
        """Every section of the lesson is built (the widgets now live as long as the view)."""

    class ReadingMoved(Message):
        """The learner scrolled and has stopped for a moment: a place worth remembering."""

    READING_SETTLE = 0.8
    """Seconds without scrolling before `ReadingMoved` is posted (one store write per pause)."""

    BUILD_AHEAD = True
    """Build the other sections in idle time once one shows (False: each on its first visit).
    The test suite turns it off for the tests that never leave their section: building the
    lesson's other sections was most of what a short lesson test spent (see tests/conftest.py)."""
    BACKGROUND_DELAY = 0.3
    """Seconds after a section shows before the next unbuilt one is built."""
    REVEAL_RETRY = 0.05
    """Seconds to wait for a running scroll to end before checking the focused block is in view."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: dict[int, SectionPage] = {}
        self.current: SectionPage | None = None
        self._lesson: Lesson | None = None
        self._building = False
        self._reading_timer: Timer | None = None

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._reading_timer is None:
            self._reading_timer = self.set_timer(self.READING_SETTLE, self._reading_settled)
        else:
            self._reading_timer.reset()

    def _reading_settled(self) -> None:
        self._reading_timer = None
        self.post_message(self.ReadingMoved())

    def swap(self, index: int) -> bool:
        """Show an already built section at once (no await: the switch lands in the
        next frame); False if section `index` is not built yet."""
        page = self._pages.get(index)
        if page is None:
            return False
        if self.current is not None and self.current is not page:
            self.current.display = False
        page.display = True
        self.current = page
        self.scroll_home(animate=False, immediate=True)
        return True

    async def show(self, lesson: Lesson, index: int) -> None:
        """Show section `index` of `lesson`, building it the first time."""
        page = self._pages.get(index)
        with self.app.batch_update():
            # `display` is an inline style: toggling it restyles nothing below the page.
            if self.current is not None and self.current is not page:
                self.current.display = False
            if page is None:  # on screen at once: the blocks below the fold follow a moment later
                page = await self._build(lesson, index, rows=self.app.size.height)
            page.display = True
            self.current = page
        self.scroll_home(animate=False)
        self._lesson = lesson
        if self.BUILD_AHEAD and not self._building:
            self._building = True
            self.set_timer(self.BACKGROUND_DELAY, self._build_next)

    async def _build(self, lesson: Lesson, index: int, rows: int | None = None) -> SectionPage:
        page = self._pages[index] = SectionPage(lesson, index, rows=rows)
        page.display = False
        await self.mount(page)
        return page

    async def _build_next(self) -> None:
        """Build the unbuilt section nearest the current one, then schedule the next."""
        lesson, current = self._lesson, self.current
        if lesson is None or current is None or not self.is_attached or self._closing:
            self._building = False
            return
        missing = [index for index in range(len(lesson.sections)) if index not in self._pages]
        if not missing:
            self._building = False
            self.post_message(self.AllBuilt())
            return
        nearest = min(missing, key=lambda index: (abs(index - current.index), index < current.index))
        try:
            page = await self._build(lesson, nearest)
        except MountError:  # the screen closed (or the app quit) while this was queued
            self._pages.pop(nearest, None)
            self._building = False
            return
        self._measure(page)
        self.set_timer(0.02, self._build_next)

    def _measure(self, page: SectionPage) -> None:
        """Wrap the hidden page's text and work out its heights now, in idle time: a page
        shown for the first time then lays out as quickly as one shown before."""
        region = self.scrollable_content_region
        if region.width > 0:
            page.get_content_height(region.size, self.app.size, region.width)

    def on_leave_requested(self, event: LeaveRequested) -> None:
        """escape on a block: the keys come back to the section's text."""
        event.stop()
        self.focus(scroll_visible=False)

    def watch_has_focus(self, has_focus: bool) -> None:
        """Restyle the view alone when it gains or loses focus.

        Textual restyles a widget and every descendant on a focus change, in case
        a descendant's rule depends on it (`SectionView:focus Prose { … }`). No rule
        here does, and the descendants are every built section's widgets, hundreds
        of them: the restyle was most of the cost of tab, escape and every change
        of section (each gives the text the focus).
        """
        self.app.stylesheet.update_nodes([self], animate=True)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Textual scrolls a newly focused widget into view at once; a block focused in the
        # moment it is mounted (keys typed fast after a section opens) has no place yet then.
        self.call_after_refresh(self._reveal, event.widget)

    def _reveal(self, widget: Widget) -> None:
        if not widget.has_focus:
            return
        if self.app.animator.is_being_animated(self, "scroll_y"):
            # Textual is already scrolling to it. Interrupting that scroll would leave the view
            # between two rows (the offset stopped part-way, plus a whole-row move): look again after.
            self.set_timer(self.REVEAL_RETRY, lambda: self._reveal(widget))
        elif not self.region.contains_region(widget.region):
            self.scroll_to_center(widget, animate=False, origin_visible=True)

    # -- the reading place ----------------------------------------------------------------

    def reading_anchor(self) -> tuple[int, int] | None:
        """Where the learner is reading: (the first block at least partly in view, how many of
        its rows are scrolled above the top). Rows alone would not do: when the width changes
        the text above rewraps, and the same row number lands somewhere else."""
        page = self.current
        if page is None or not page.children:
            return None
        top = round(self.scroll_y)
        for number, child in enumerate(page.children):
            y = self._content_y(child)
            if y + child.virtual_region.height > top:
                return number, max(0, top - y)
        return len(page.children) - 1, 0

    def _content_y(self, child: Widget) -> int:
        """The row of a block of the current page in the view's scrolled content."""
        assert self.current is not None
        return self.current.virtual_region.y + child.virtual_region.y

    ANCHOR_HOLD = 1.0
    """Seconds a restored reading place is held while the blocks rewrap to a new width."""

    async def go_to_anchor(self, anchor: tuple[int, int] | None) -> None:
        """Scroll so the block of `anchor` (from `reading_anchor`) is where it was.

        After a change of width the blocks rewrap over a few frames (each prose block
        measures its new height in its own layout), so the place is held for a moment,
        scrolled to again whenever the blocks above it change height, unless the learner
        scrolls meanwhile.
        """
        if anchor is None or self.current is None:
            return
        await self.complete()
        self._hold_anchor(self.current, anchor, time.monotonic() + self.ANCHOR_HOLD, None)

    def _hold_anchor(
        self, page: SectionPage | None, anchor: tuple[int, int], until: float, placed: float | None
    ) -> None:
        number, rows = anchor
        if page is None or page is not self.current or number >= len(page.children) or not self.is_attached:
            return  # another section is shown now (or none): the place belonged to this one
        if placed is not None and self.scroll_y != placed:
            return  # the learner scrolled: their place now
        child = page.children[number]
        y = self._content_y(child) + min(rows, max(0, child.virtual_region.height - 1))
        if y != self.scroll_y:
            self.scroll_to(y=y, animate=False, immediate=True)
        if time.monotonic() < until:
            self.set_timer(0.05, lambda: self._hold_anchor(page, anchor, until, self.scroll_y))

    async def complete(self) -> None:
        """Mount the rest of the section shown, if it is still to come."""
        if self.current is not None:
            await self.current.mount_later()

    def is_built(self, index: int) -> bool:
        return index in self._pages
