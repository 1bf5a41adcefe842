"""SVG snapshots of the key screens at 80x24 (and one wide layout), with the real lesson."""

from __future__ import annotations

import pytest

from tests.helpers import type_keys, wait_until
from tutor.app import TutorApp
from tutor.lesson.registry import discover
from tutor.store import Store
from tutor.widgets.section._section_view import SectionView


@pytest.fixture
def tutor_app(data_dir):
    def build(start=None) -> TutorApp:
        return TutorApp(catalogue=discover(), store=Store.open(), start=start)

    return build


async def whole_section(pilot, *keys: str) -> None:
    """Wait for the section on screen to be mounted whole (its blocks below the fold come a
    moment after its first frame, and they set the scrollbar), then press `keys`."""
    view = pilot.app.screen.query_one(SectionView)
    await wait_until(pilot, lambda: view.current is not None and view.current.complete, what="the whole section")
    await type_keys(pilot, *keys)
    await pilot.pause()


def test_snapshot_home(snap_compare, tutor_app):
    assert snap_compare(tutor_app(), terminal_size=(80, 24))


def test_snapshot_lesson_section(snap_compare, tutor_app):
    assert snap_compare(tutor_app(start=("maths_foundations", 1)), terminal_size=(80, 24), run_before=whole_section)


def test_snapshot_lesson_code_listing(snap_compare, tutor_app):
    app = tutor_app(start=("maths_foundations", 2))
    assert snap_compare(app, terminal_size=(80, 24), run_before=lambda pilot: whole_section(pilot, "pagedown"))


def test_snapshot_help(snap_compare, tutor_app):
    app = tutor_app(start=("maths_foundations", 0))
    assert snap_compare(app, terminal_size=(80, 24), run_before=lambda pilot: whole_section(pilot, "question_mark"))


def test_snapshot_lesson_wide(snap_compare, tutor_app):
    assert snap_compare(tutor_app(start=("maths_foundations", 6)), terminal_size=(200, 60), run_before=whole_section)


def test_snapshot_too_small(snap_compare, tutor_app):
    assert snap_compare(tutor_app(), terminal_size=(40, 10))
