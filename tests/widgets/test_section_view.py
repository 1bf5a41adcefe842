"""The section view: a section opens with the blocks that fill the screen and gets the rest a
moment later; a block focused before it was laid out is still brought into view."""

from __future__ import annotations

import gc

import pytest

from lessons.maths_foundations import LESSON
from tests.widgets.conftest import wait_until
from tutor.app import TutorApp
from tutor.lesson.format import Prose
from tutor.lesson.registry import discover
from tutor.store import Store
from tutor.widgets.section._blocks import block_widget
from tutor.widgets.figures._explorable import ExplorableBlock
from tutor.widgets.section._section_view import SectionPage, SectionView, estimated_rows

MATRICES = LESSON.section_index("matrices")


def lesson_app(index: int) -> TutorApp:
    return TutorApp(catalogue=discover(), store=Store.open(), start=(LESSON.id, index))


async def test_a_section_opens_with_what_fills_the_screen_and_the_rest_follows(data_dir, monkeypatch) -> None:
    monkeypatch.setattr(SectionPage, "LATER_DELAY", 3.0)  # time to look at the page before the rest comes, even on a busy machine
    app = lesson_app(MATRICES)
    blocks = LESSON.sections[MATRICES].blocks
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(SectionView)
        await wait_until(pilot, lambda: view.current is not None, what="section shown")
        page = view.current
        first = len(page.children) - 2  # the heading and the "Section k of n" line
        assert 1 <= first < len(blocks) and not page.complete
        assert sum(estimated_rows(block) for block in blocks[:first]) >= 24
        await wait_until(pilot, lambda: page.complete, what="the rest of the section")
        assert len(page.children) - 2 == len(blocks)
        kinds = [type(child).__name__ for child in page.children[2:]]
        assert kinds == [type(block_widget(block, LESSON)).__name__ for block in blocks]  # in lesson order


async def test_a_block_focused_the_moment_it_is_mounted_is_scrolled_into_view(data_dir) -> None:
    app = lesson_app(MATRICES)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(SectionView)
        for _ in range(10):  # as fast as keys can come: no pause for the section to finish
            await pilot.press("tab")
            await pilot.pause()
            if isinstance(app.focused, ExplorableBlock):
                break
        assert isinstance(app.focused, ExplorableBlock)
        await pilot.pause(0.2)
        assert view.scroll_y > 0 and view.region.contains_region(app.focused.region.intersection(view.region))
        assert app.focused.region.y < view.region.bottom


async def test_a_block_focused_during_a_scroll_is_revealed_after_it_on_a_whole_row(data_dir) -> None:
    """A scroll in flight is let finish: stopping it part-way left the view between two rows
    (the snapshot's scrollbar then depended on the machine's speed)."""
    app = lesson_app(MATRICES)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(SectionView)
        await wait_until(pilot, lambda: view.current is not None and view.current.complete, what="whole section")
        await wait_until(pilot, lambda: view.max_scroll_y > 0, what="the whole section laid out")
        explorable = view.current.query_one(ExplorableBlock)
        # long enough to be still in flight after the pause on a loaded machine
        view.scroll_to(y=view.max_scroll_y, animate=True, duration=1.5, immediate=True)
        await pilot.pause(0.1)
        assert app.animator.is_being_animated(view, "scroll_y"), "the scroll ended before the focus moved"
        explorable.focus(scroll_visible=False)  # only the view's own reveal moves it
        await pilot.wait_for_animation()
        await pilot.pause(0.2)
        assert view.scroll_y == int(view.scroll_y)
        assert view.region.contains_region(explorable.region)


def test_estimated_rows_grow_with_the_text() -> None:
    short, long = Prose("One line."), Prose("word " * 400)
    assert estimated_rows(long) > estimated_rows(short) >= 1


@pytest.mark.build_ahead
async def test_a_built_lesson_is_frozen_for_the_collector_and_thawed_when_left(data_dir) -> None:
    app = lesson_app(0)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(SectionView)
        await wait_until(
            pilot, lambda: len(view._pages) == len(LESSON.sections) and gc.get_freeze_count() > 0,
            what="every section built, then frozen",
        )
        assert all(view.is_built(index) for index in range(len(LESSON.sections)))
        await pilot.press("escape")
        await wait_until(pilot, lambda: gc.get_freeze_count() == 0, what="thawed on leaving")


async def test_tab_the_moment_a_section_opens_waits_for_the_rest_of_it(data_dir, monkeypatch) -> None:
    monkeypatch.setattr(SectionPage, "LATER_DELAY", 30.0)  # the rest would come only much later
    app = lesson_app(MATRICES)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(SectionView)
        await wait_until(pilot, lambda: view.current is not None, what="section shown")
        assert not view.current.complete
        await pilot.press("tab")
        assert view.current.complete
        first = next(widget for widget in view.current.walk_children() if widget.focusable)
        # the focus moves once the rest is mounted
        await wait_until(pilot, lambda: app.focused is not view, what="the focus to move into the section")
        assert app.focused is first  # not past the section into whatever follows it
        await pilot.press("shift+tab")
        assert app.focused is view
