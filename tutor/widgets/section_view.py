"""The scrolling body of a lesson: one section's heading and blocks at a time.

Each section is built once and kept: going back to it only swaps which page
is displayed. After the first section is on screen, the others are built in
the background, one per idle moment, nearest first, so that a first visit
is as quick as a return.
"""

from __future__ import annotations

from textual.containers import Vertical, VerticalScroll
from textual.widget import MountError
from textual.widgets import Static

from tutor.lesson.format import Lesson
from tutor.widgets.blocks import block_widget


class SectionPage(Vertical):
    """The widgets of one section, built once."""

    DEFAULT_CSS = """
    SectionPage { height: auto; }
    """

    def __init__(self, lesson: Lesson, index: int) -> None:
        super().__init__(id=f"section-{index + 1}")
        self.lesson = lesson
        self.index = index

    def compose(self):
        section = self.lesson.sections[self.index]
        yield Static(f"{self.index + 1}. {section.title}", classes="heading", markup=False)
        yield Static(f"Section {self.index + 1} of {len(self.lesson.sections)}", classes="position")
        for block in section.blocks:
            yield block_widget(block, self.lesson)


class SectionView(VerticalScroll):
    """Shows one section; focused, so the scroll keys scroll it."""

    DEFAULT_CSS = """
    SectionView { width: 1fr; height: 1fr; padding: 0 1 0 2; }
    SectionView .heading { text-style: bold; color: $accent; margin: 1 0 0 0; }
    SectionView .position { color: $text-muted; margin: 0 0 1 0; }
    SectionView SectionPage > * { max-width: 96; }  /* a readable measure on wide terminals */
    """

    BACKGROUND_DELAY = 0.3
    """Seconds after a section shows before the next unbuilt one is built."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: dict[int, SectionPage] = {}
        self.current: SectionPage | None = None
        self._lesson: Lesson | None = None
        self._building = False

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
            if page is None:
                page = await self._build(lesson, index)
            page.display = True
            self.current = page
        self.scroll_home(animate=False)
        self._lesson = lesson
        if not self._building:
            self._building = True
            self.set_timer(self.BACKGROUND_DELAY, self._build_next)

    async def _build(self, lesson: Lesson, index: int) -> SectionPage:
        page = self._pages[index] = SectionPage(lesson, index)
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
            return
        nearest = min(missing, key=lambda index: (abs(index - current.index), index < current.index))
        try:
            await self._build(lesson, nearest)
        except MountError:  # the screen closed (or the app quit) while this was queued
            self._pages.pop(nearest, None)
            self._building = False
            return
        self.set_timer(0.02, self._build_next)

    def is_built(self, index: int) -> bool:
        return index in self._pages
