"""End to end in tmux at 80x24: a new learner opens the matmul exercise, fails, asks for hints,
types, edits in $EDITOR, passes, and sees the solution; the pass survives a restart.

Needs tmux; `.ci/run` installs it, so in CI this never skips.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lessons.maths_foundations import LESSON
from lessons.maths_foundations.exercises import MATMUL
from tests.helpers import TUTOR
from tests.tmux import Terminal

SECTION = next(number for number, section in enumerate(LESSON.sections, start=1) if MATMUL in section.blocks)

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(not TUTOR.exists(), reason=f"the tutor console script is not installed at {TUTOR}"),
]


@pytest.fixture
def editor_script(tmp_path) -> Path:
    """An $EDITOR that writes a correct matmul into the file it is given, as a learner would."""
    solution = tmp_path / "solution.py"
    solution.write_text(MATMUL.solution)
    script = tmp_path / "editor.sh"
    script.write_text(f'#!/bin/sh\ncp "{solution}" "$1"\n')
    script.chmod(0o755)
    return script


def test_a_learner_solves_matmul_in_tmux(tmp_path, editor_script):
    env = {
        "TUTOR_DATA_DIR": str(tmp_path / "data"),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "EDITOR": str(editor_script),
    }
    screen = Terminal(f"{TUTOR} --lesson maths_foundations --section {SECTION}", env)
    try:
        screen.wait_for(f"Section {SECTION} of")
        for _ in range(12):  # tab through the section's blocks to the exercise card
            if "Open exercise" in screen.press_and_settle("Tab"):
                break
        assert "Status: not started" in screen.screen()
        screen.keys("Enter")
        screen.wait_for("Exercise: matmul from scratch")
        screen.keys("C-s")
        screen.wait_for("✗ 0 of 15 checks passed")
        screen.keys("F2")
        screen.wait_for("Hint 1 of 3")
        screen.type("# my notes")  # the editor has focus: typing goes in
        screen.wait_for("# my notes")
        screen.keys("F4")  # the script stands in for the learner's editor
        shown = screen.wait_for("✓ all 15 checks passed", timeout=30)
        assert "f3 Solution" in shown
        screen.keys("F3")
        screen.wait_for("Reference solution")
        screen.keys("Escape")
        screen.wait_gone("Reference solution")
        screen.keys("Escape", "Escape")
        screen.wait_for("Status: passed")
        screen.keys("q")
        screen.wait_for("[exited 0]")
    finally:
        screen.close()

    again = Terminal(f"{TUTOR} exercises", env)
    try:
        shown = again.wait_for("[exited 0]")
        assert any(line.split()[:2] == ["matmul", "passed"] for line in shown.splitlines())
    finally:
        again.close()
