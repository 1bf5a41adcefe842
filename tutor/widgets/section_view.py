"""The scrolling body of a lesson: one section's heading and blocks."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Markdown, Static

from tutor.lesson.format import Example, Prose, Section
from tutor.widgets.code_listing import CodeListing


class SectionView(VerticalScroll):
    """Shows one section; focused, so the scroll keys scroll it."""

    DEFAULT_CSS = """
    SectionView { width: 1fr; height: 1fr; padding: 0 1 0 2; }
    SectionView .heading { text-style: bold; color: $accent; margin: 1 0 0 0; }
    SectionView .position { color: $text-muted; margin: 0 0 1 0; }
    SectionView Markdown { margin: 0; padding: 0; }
    SectionView > * { max-width: 96; }  /* a readable measure on wide terminals */
    """

    async def show(self, section: Section, index: int, total: int) -> None:
        """Replace what is shown with `section` (the `index`-th of `total`)."""
        widgets: list[Widget] = [
            Static(f"{index + 1}. {section.title}", classes="heading", markup=False),
            Static(f"Section {index + 1} of {total}", classes="position"),
        ]
        for block in section.blocks:
            if isinstance(block, Prose):
                widgets.append(Markdown(block.markdown))
            elif isinstance(block, Example):
                widgets.append(CodeListing(block))
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(widgets)
        self.scroll_home(animate=False)
