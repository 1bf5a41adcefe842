"""End to end: the installed `tutor` command in tmux at 80x24, driven by keys like a learner.

Needs tmux; `.ci/run` installs it, so in CI this never skips.
"""

from __future__ import annotations

import os
import shutil
import time

import pytest

from lessons.maths_foundations import LESSON
from tests.helpers import TUTOR
from tests.tmux import Terminal


pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(not TUTOR.exists(), reason=f"the tutor console script is not installed at {TUTOR}"),
]


@pytest.fixture
def terminal(tmp_path):
    opened: list[Terminal] = []

    def start() -> Terminal:
        env = {"TUTOR_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm-256color",
               "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        opened.append(Terminal(str(TUTOR), env))
        return opened[-1]

    yield start
    for each in opened:
        each.close()


def test_a_learner_reads_every_section_quits_and_resumes(terminal):
    screen = terminal()
    home = screen.wait_for("Maths Foundations for ML")
    assert "Lessons" in home and f"0/{len(LESSON.sections)}" in home
    screen.keys("Enter")
    for number, section in enumerate(LESSON.sections, start=1):
        shown = screen.wait_for(f"Section {number} of {len(LESSON.sections)}")
        assert f"{number}. {section.title}" in shown
        assert "esc Home" in screen.wait_for("n Next")  # the footer shows the keys
        if number < len(LESSON.sections):
            screen.keys("n")
    screen.keys("q")
    deadline = time.monotonic() + 10
    while "Section" in screen.screen() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "Section" not in screen.screen(), "the tutor did not quit on q"

    again = terminal()
    last = len(LESSON.sections)
    shown = again.wait_for(f"Section {last} of {last}")
    assert f"{last}. {LESSON.sections[-1].title}" in shown
    again.keys("Escape")
    assert f"{last}/{last}" in again.wait_for(f"{last}/{last}")
    again.keys("C-q")
