"""Helpers shared by the tests: the installed tutor script, the screen of a Pilot test as
text, and waiting on a condition (never a fixed sleep).

The screen text reads Textual's private compositor: this is the one place that does.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot

ROOT = Path(__file__).resolve().parents[1]
"""The project's folder (where pyproject.toml is)."""

TUTOR = Path(sys.executable).with_name("tutor")
"""The tutor console script installed beside this Python (tmux, ssh and subprocess tests run it)."""


def screen_lines(app: App) -> list[str]:
    """The screen as the learner sees it, one plain-text line a row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: App) -> str:
    """The screen as plain text, one line a row."""
    return "\n".join(screen_lines(app))


def screen_words(app: App) -> str:
    """The screen's text with wrapping and padding folded into single spaces."""
    return " ".join(screen_text(app).split())


def bottom_line(app: App) -> str:
    """The last row of the screen (where the key footer is)."""
    return screen_lines(app)[-1]


async def wait_until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 15.0, what: str = "") -> None:
    """Let the app run until ``condition()`` holds (fails after ``timeout`` seconds)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await pilot.pause(0.02)


def assert_installed_is_pinned(package: str, upgrade: str) -> None:
    """``package`` is pinned exactly in pyproject.toml, and that release is the one installed
    (an adapter relies on its internals); `upgrade` says what to do when it is not."""
    pins = re.findall(rf'"{re.escape(package)}==([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pins, f"pyproject.toml must pin {package} exactly ({package}==x.y.z): an adapter relies on its internals"
    assert version(package) == pins[0], (
        f"{package} {version(package)} is installed but pyproject.toml pins {pins[0]}. "
        f"Reinstall the pinned release, or, to upgrade on purpose: {upgrade}"
    )


def choice_key(screen, option: str) -> str:
    """The key that chooses `option` in the question a quiz or review screen is asking
    (options are shuffled on every attempt, so a test picks by content, never by letter)."""
    from tutor.grading.answers import LETTERS

    return LETTERS[screen.round.current.options.index(option)]


def lesson_examples(lesson) -> list[tuple[str, object]]:
    """Every listing of `lesson` with a readable id such as `s07-example-2` (section, then order)."""
    from tutor.lesson.format import Example

    found = []
    for section_number, section in enumerate(lesson.sections, start=1):
        listings = [block for block in section.blocks if isinstance(block, Example)]
        found.extend(
            (f"s{section_number:02d}-example-{number}", block) for number, block in enumerate(listings, start=1)
        )
    return found
