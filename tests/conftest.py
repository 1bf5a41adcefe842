"""Shared fixtures: a private data folder for every test, and test catalogues."""

from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest

from tutor.lesson.registry import GROUP, Catalogue, discover
from tutor.store import Store


def entry_point(name: str, module: str) -> EntryPoint:
    return EntryPoint(name=name, value=f"{module}:LESSON", group=GROUP)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test keeps its progress in its own folder, never the learner's."""
    folder = tmp_path / "data"
    monkeypatch.setenv("TUTOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def store(data_dir) -> Store:
    opened = Store.open()
    yield opened
    opened.close()


@pytest.fixture
def sample_catalogue() -> Catalogue:
    """The sample lesson plus a broken one."""
    return discover(
        [
            entry_point("sample", "tests.fixtures.sample_lesson"),
            entry_point("broken", "tests.fixtures.broken_lesson"),
        ]
    )
