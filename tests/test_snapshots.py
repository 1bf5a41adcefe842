"""SVG snapshots of the key screens at 80x24 (and one wide layout), with the real lesson."""

from __future__ import annotations

import pytest

from tutor.app import TutorApp
from tutor.lesson.registry import discover
from tutor.store import Store


@pytest.fixture
def tutor_app(data_dir):
    def build(start=None) -> TutorApp:
        return TutorApp(catalogue=discover(), store=Store.open(), start=start)

    return build


def test_snapshot_home(snap_compare, tutor_app):
    assert snap_compare(tutor_app(), terminal_size=(80, 24))


def test_snapshot_lesson_section(snap_compare, tutor_app):
    assert snap_compare(tutor_app(start=("maths_foundations", 1)), terminal_size=(80, 24))


def test_snapshot_lesson_code_listing(snap_compare, tutor_app):
    app = tutor_app(start=("maths_foundations", 2))
    assert snap_compare(app, terminal_size=(80, 24), press=["pagedown"])


def test_snapshot_help(snap_compare, tutor_app):
    app = tutor_app(start=("maths_foundations", 0))
    assert snap_compare(app, terminal_size=(80, 24), press=["question_mark"])


def test_snapshot_lesson_wide(snap_compare, tutor_app):
    assert snap_compare(tutor_app(start=("maths_foundations", 6)), terminal_size=(200, 60))


def test_snapshot_too_small(snap_compare, tutor_app):
    assert snap_compare(tutor_app(), terminal_size=(40, 10))
