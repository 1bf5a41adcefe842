"""Stopping loses nothing: ctrl+c on `tutor serve`, a signal to one tab's tutor, a killed server.

Each test opens tabs as a browser would (a WebSocket with the page's Origin, keys as
textual.js sends them: `tests/serve/served.py`), takes a learner into the lesson and scrolls,
and then stops things at once, well before the tutor's own pause would have saved the
reading place. The progress file must hold where they were, and no tutor may be left running.
"""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from lessons.maths_foundations import LESSON
from tests.helpers import TUTOR
from tests.serve.served import Served, Tab, alive, wait_until

pytestmark = pytest.mark.skipif(not TUTOR.exists(), reason=f"the tutor console script is not installed at {TUTOR}")

SECTIONS = len(LESSON.sections)
READING = f"reading/{LESSON.id}"


@pytest.fixture
def served(tmp_path):
    running = Served(tmp_path / "data")
    yield running
    if running.process.poll() is None:
        running.stop()


async def read_the_second_section(served: Served, tab: Tab) -> None:
    """Open the lesson, go to section 2, scroll down: a reading place not yet saved."""
    await tab.wait_for(LESSON.title)
    await tab.keys("enter")
    await tab.wait_for(f"Section 1 of {SECTIONS}")
    await tab.keys("n")
    await tab.wait_for(f"Section 2 of {SECTIONS}")
    wait_until(lambda: served.read(lambda store: store.position(LESSON.id)) == LESSON.sections[1].id,
               "section 2 saved as the position")
    await tab.keys("pagedown", "pagedown")
    # Scrolled once the section's first lines are off the screen; the tutor's own save of the
    # place waits for 0.8 s of stillness, and what follows comes well before that.
    await tab.wait_until(lambda: f"Section 2 of {SECTIONS}" not in tab.screen.text(), "the section scrolled")


def reading_place(served: Served) -> tuple[str, int, int] | None:
    saved = served.read(lambda store: store.setting(READING))
    if saved is None:
        return None
    section, block, row = saved.split()
    return section, int(block), int(row)


def assert_scrolled_in_section_2(served: Served) -> None:
    place = reading_place(served)
    assert place is not None, "the reading place was not saved"
    section, block, row = place
    assert section == LESSON.sections[1].id
    assert (block, row) != (0, 0), f"the reading place is the top of the section: the scroll was lost ({place})"


async def test_ctrl_c_ends_every_tutor_and_each_keeps_its_progress(served):
    async with Tab(served) as reader, Tab(served) as idle:
        await idle.wait_for(LESSON.title)
        await read_the_second_section(served, reader)
        tutors = served.children()
        assert len(tutors) == 2, f"one tutor per tab, found {tutors}"
        status = await asyncio.to_thread(served.stop, signal.SIGINT)  # the tabs answer meanwhile
        err = "".join(served.err)
        assert status == 0, served.output()
        assert "Stopping: 2 tutor(s) running" in err and "Stopped." in err
        assert "did not quit in time" not in err, "a tutor had to be killed"
        assert not [pid for pid in tutors if alive(pid)], "a tutor outlived the server"
        await asyncio.wait_for(reader.closed.wait(), 10)
    assert_scrolled_in_section_2(served)
    assert served.read(lambda store: store.position(LESSON.id)) == LESSON.sections[1].id


@pytest.mark.parametrize("name", ["SIGHUP", "SIGTERM", "SIGINT"])
async def test_a_tutor_signalled_alone_saves_and_the_server_serves_on(served, name):
    async with Tab(served) as tab:
        await read_the_second_section(served, tab)
        (tutor,) = served.children()
        os.kill(tutor, getattr(signal, name))
        await asyncio.wait_for(tab.closed.wait(), 20)
        wait_until(lambda: not alive(tutor), "the signalled tutor to end")
    assert_scrolled_in_section_2(served)
    async with Tab(served) as again:  # the server is still there, and the next tab resumes
        await again.wait_for(f"2/{SECTIONS} {LESSON.sections[1].title}")  # the header: scrolled where they were
    assert served.process.poll() is None


async def test_tutors_end_when_the_server_is_killed(served):
    async with Tab(served) as tab:
        await read_the_second_section(served, tab)
        (tutor,) = served.children()
        served.process.kill()  # no chance to tell anyone: Linux's parent-death signal does
        served.process.wait(timeout=10)
        wait_until(lambda: not alive(tutor), "the orphaned tutor to end", timeout=20)
    assert_scrolled_in_section_2(served)
