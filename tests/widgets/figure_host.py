"""A small host app for figure and explorable tests, and helpers to wait for their builds."""

from __future__ import annotations


from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer, Static

from tests.helpers import screen_text, wait_until  # noqa: F401  (re-exported for the figure tests)
from tutor.lesson.format import Explorable, Figure
from tutor.widgets.figures._explorable import ExplorableBlock
from tutor.widgets.figures._figure_block import FigureBlock
from tutor.widgets.section._section_view import SectionView


class FigureHost(App[None]):
    """Blocks inside a real SectionView (escape from a block focuses it), with a footer."""

    def __init__(self, *blocks: Figure | Explorable, section_id: str = "test") -> None:
        super().__init__()
        self.blocks = blocks
        self.section_id = section_id

    def compose(self) -> ComposeResult:
        with SectionView(id="content"):
            yield Static("Some prose above the figures.")
            for block in self.blocks:
                if isinstance(block, Explorable):
                    yield ExplorableBlock(block, self.section_id)
                else:
                    yield FigureBlock(block, self.section_id)
        yield Footer()


async def built(pilot: Pilot, block: FigureBlock) -> object:
    """Wait for `block`'s first build to be drawn (or to fail); return its description."""
    await wait_until(
        pilot, lambda: block.description is not None or block.error is not None, what=f"{block.block.title} to build"
    )
    await pilot.pause()
    return block.description

