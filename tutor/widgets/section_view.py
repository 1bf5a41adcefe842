"""The scrolling body of a lesson: one section's heading and blocks at a time.

Each section is built once, the first time it is shown, and kept: going back
to it only swaps which page is displayed.
"""

from __future__ import annotations

from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tutor.lesson.format import Lesson
from tutor.widgets.blocks import block_widget


class SectionPage(Vertical):
    """The widgets of one section, built once."""

    DEFAULT_CSS = """
    SectionPage { height: auto; }
    SectionPage.-hidden { display: none; }
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
    SectionView Markdown { margin: 0; padding: 0; }
    SectionView SectionPage > * { max-width: 96; }  /* a readable measure on wide terminals */
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: dict[int, SectionPage] = {}
        self.current: SectionPage | None = None

    async def show(self, lesson: Lesson, index: int) -> None:
        """Show section `index` of `lesson`, building it the first time."""
        page = self._pages.get(index)
        with self.app.batch_update():
            if page is None:
                page = self._pages[index] = SectionPage(lesson, index)
                page.add_class("-hidden")
                await self.mount(page)
            if self.current is not None and self.current is not page:
                self.current.add_class("-hidden")
            page.remove_class("-hidden")
            self.current = page
        self.scroll_home(animate=False)

    def is_built(self, index: int) -> bool:
        return index in self._pages
