"""SVG snapshots at 80x24, sidebar shown: the derivative figure and the matrix-multiplication stepper."""

from __future__ import annotations

from lessons.maths_foundations import LESSON, figures
from tests.helpers import type_keys
from tests.widgets.figure_host import built, wait_until
from tutor.app import TutorApp
from tutor.lesson.registry import discover
from tutor.store import Store
from tutor.widgets.figures._figure_block import FigureBlock
from tutor.widgets.section._section_view import SectionView


def lesson_app(section_id: str) -> TutorApp:
    return TutorApp(catalogue=discover(), store=Store.open(), start=("maths_foundations", LESSON.section_index(section_id)))


async def focus(pilot, block) -> FigureBlock:
    """Tab until the block showing `block` has focus, and wait for its drawing.

    As a learner would, it first lets the section finish: every block mounted and every
    figure drawn, so that the focused figure's height (and so the scroll) is final."""
    view = pilot.app.screen.query_one(SectionView)
    await wait_until(pilot, lambda: view.current is not None and view.current.complete, what="whole section")
    for figure in view.current.query(FigureBlock):
        await built(pilot, figure)
    for _ in range(10):
        await pilot.press("tab")
        await pilot.pause()
        if isinstance(pilot.app.focused, FigureBlock) and pilot.app.focused.block is block:
            break
    focused = pilot.app.focused
    assert isinstance(focused, FigureBlock) and focused.block is block
    await built(pilot, focused)
    return focused


def test_snapshot_derivative_figure(snap_compare, data_dir):
    async def run_before(pilot) -> None:
        await focus(pilot, figures.DERIVATIVE_FIGURE)
        await pilot.pause(0.1)

    assert snap_compare(lesson_app("derivatives"), terminal_size=(80, 24), run_before=run_before)


def test_snapshot_matmul_stepper(snap_compare, data_dir):
    async def run_before(pilot) -> None:
        block = await focus(pilot, figures.MATMUL)
        await type_keys(pilot, *["right"] * 6)
        await wait_until(pilot, lambda: block.description.i == 1 and block.description.j == 2)
        await pilot.pause(0.1)

    assert snap_compare(lesson_app("matrices"), terminal_size=(80, 24), run_before=run_before)
