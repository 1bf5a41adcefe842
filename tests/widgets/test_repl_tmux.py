"""End to end: a new learner uses the REPL pane of the installed `tutor` in tmux at 80x24.

The issue's "done when" list, key by key: open a lesson and press `r`; `A @ B` shows the
3x3 product; the regression example runs with `e`; `x = np.linspace(-3, 3, 100)` then
`plot(x, x**2)` draws; a `while True: pass` is interrupted; and work goes on.
"""

from __future__ import annotations

import os
import shutil

import pytest

from tests.helpers import TUTOR
from tests.tmux import Terminal


pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(not TUTOR.exists(), reason=f"the tutor console script is not installed at {TUTOR}"),
]


@pytest.fixture
def screen(tmp_path):
    env = {
        "TUTOR_DATA_DIR": str(tmp_path / "data"),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
    }
    terminal = Terminal(f"{TUTOR} --lesson maths_foundations --section 3", env)
    yield terminal
    terminal.close()


def rows_from(shown: str, first: str, count: int) -> list[str]:
    """``count`` rows of the screen from the last one that is ``first`` (the sidebar makes way
    while the pane is open, so the pane's rows start at the left edge)."""
    rows = [row.rstrip() for row in shown.rstrip("\n").split("\n")]
    start = len(rows) - 1 - rows[::-1].index(first)
    return rows[start : start + count]


def last_lines(shown: str, count: int) -> list[str]:
    """The last ``count`` rows above the footer."""
    rows = shown.rstrip("\n").split("\n")[:-1]
    return [row.rstrip() for row in rows[-count:]]


def test_a_new_learner_works_in_the_repl_pane(screen: Terminal) -> None:
    screen.wait_for("Section 3 of")
    screen.keys("r")
    screen.wait_for("The lesson's setup ran")
    screen.type("A @ B")
    screen.keys("Enter")
    shown = screen.wait_for("[ 95, 106, 117]])")
    assert rows_from(shown, " >>> A @ B", 4) == [
        " >>> A @ B",
        " array([[ 27,  30,  33],",
        "        [ 61,  68,  75],",
        "        [ 95, 106, 117]])",
    ]
    assert "^r Hide REPL" in shown
    assert "Vectors, dot product" not in shown  # the sidebar made way for the pane

    screen.keys("Escape")  # back to the text; single keys navigate again
    screen.wait_for("esc Home")
    screen.keys("7")
    screen.wait_for("Section 7 of")
    for _ in range(8):  # tab on to the listing with a setup, past any figure
        shown = screen.press_and_settle("Tab")
        if "R² for several" in shown and "e Run in REPL" in shown:
            break
    else:
        raise AssertionError(f"tab never reached the R² listing:\n{shown}")
    screen.keys("e")
    shown = screen.wait_for("lstsq agrees: True")
    assert "the example's setup ran first" in shown or "R2 -2.3450" in shown

    screen.keys("r")
    # As a learner sees the prompt take the keys (its footer) before typing: keys that reach
    # the terminal in one burst with `r` are forwarded by Textual to where the focus was.
    screen.wait_for("^c Interrupt")
    screen.type("x = np.linspace(-3, 3, 100)")
    screen.keys("Enter")
    screen.type("plot(x, x**2)")
    screen.keys("Enter")
    x_axis = lambda shown: any("└" in row and "┬" in row and "┘" in row for row in shown.split("\n"))  # noqa: E731
    shown = screen.wait_until(x_axis, "the plot's x axis with its ticks")
    assert "┤" in shown  # the y axis's ticks
    assert any(mark in shown for mark in "⠉⠒⠤▀▄▚▞")  # the curve, in braille dots or half blocks

    screen.type("while True: pass")
    screen.keys("Enter")
    screen.keys("Enter")
    screen.wait_for("running…")
    screen.keys("C-c")
    screen.wait_for("KeyboardInterrupt")
    screen.wait_gone("running…")

    screen.type("a @ b")
    screen.keys("Enter")
    shown = screen.wait_for("np.float64(32.0)")
    assert last_lines(shown, 1) == [" >>>"]
