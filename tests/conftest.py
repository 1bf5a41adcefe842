"""Shared fixtures: a private data folder for every test, sections built on their first
visit unless a test is marked `build_ahead`, and test catalogues; and the order the tests
run in, with the `long` ones spread out so that every worker starts one early."""

from __future__ import annotations

import gc
from importlib.metadata import EntryPoint

import pytest

from tutor.lesson.registry import GROUP, Catalogue, discover
from tutor.store import Store
from tutor.widgets.section._section_view import SectionView


def pytest_configure(config: pytest.Config) -> None:
    """Collect garbage less often in the test process than Python does by default.

    A pytest worker holds the whole suite (pytest, hypothesis, Textual, NumPy, every test
    module and 1,600 collected tests) besides the app under test, and every Textual frame
    makes thousands of short-lived objects (strips, their caches, regions). At the default
    threshold (700) a random-key shard spent 7 s of its 52 in the collector: 55 full
    collections of about 100 ms each. At 5,000 most of a frame's objects are freed (by
    reference counting) before a collection sees them, and they are not promoted to the
    oldest generation, which is walked when its share of new survivors grows: 3 s, 9 full
    collections. (Higher thresholds saved no more, and let a full collection grow longer.)
    Nothing a test checks depends on when the collector runs, except the kernel's lag
    meter, which collects first and holds the collector off while it measures
    (`tests/kernel/lag.py`).
    """
    gc.set_threshold(5_000, 10, 10)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Spread the tests marked `long` evenly over the run, the first at the very start.

    pytest-xdist's worksteal hands each worker an equal run of consecutive tests and lets an
    idle worker steal the back half of a busy one's queue. Side by side, the random-key
    shards (a minute each) all landed in one worker's run, which ended a minute and a half
    after the others. Evenly spread, each worker's run starts with one of them (or two, with
    half as many workers). The order is the same in every worker, as xdist requires.
    """
    long = [item for item in items if item.get_closest_marker("long")]
    if not long:
        return
    spread = [item for item in items if not item.get_closest_marker("long")]
    for number, item in enumerate(long):
        spread.insert(round(number * len(items) / len(long)), item)
    items[:] = spread


def entry_point(name: str, module: str) -> EntryPoint:
    return EntryPoint(name=name, value=f"{module}:LESSON", group=GROUP)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test keeps its progress in its own folder, never the learner's."""
    folder = tmp_path / "data"
    monkeypatch.setenv("TUTOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def build_ahead(request, monkeypatch) -> bool:
    """Whether the lesson screen builds its other sections in idle time, as the tutor does.

    Off unless the test is marked `build_ahead`: most tests stay in the section they open,
    and building the other nine cost a short lesson test more than half its CPU time. The
    tests of building ahead and the random keys keep the tutor's own way, and so do the
    tests that run the installed tutor (another process, untouched by this).
    """
    on = request.node.get_closest_marker("build_ahead") is not None
    if not on:
        monkeypatch.setattr(SectionView, "BUILD_AHEAD", False)
    return on


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
