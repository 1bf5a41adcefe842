"""Helpers shared by the tests: the installed tutor script, the screen of a Pilot test as
text, keys sent as a terminal sends them, and waiting on a condition (never a fixed sleep).

The screen text reads Textual's private compositor, and a typed character is named by
Textual's private `_character_to_key`: this is the one place that does either.
"""

from __future__ import annotations

import asyncio
import re
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from textual import events
from textual.app import App
from textual.keys import REPLACED_KEYS, _character_to_key, key_to_character
from textual.message_pump import MessagePump
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


def key_event(key: str) -> events.Key:
    """The Key event a terminal sends for `key`: a key name ("enter", "ctrl+r", "question_mark")
    or a character ("?", "(", "x"), named as Textual's own driver names it (a private helper)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    return events.Key(key, key_to_character(REPLACED_KEYS.get(key, key)))


WALKS = 8
"""The most walks `settle` takes along a key's path (one or two, unless something keeps posting)."""


async def settle(app: App) -> None:
    """Wait until the key sent last has been handled: by the app, then the focused widget and
    each of its containers up to the screen and the app (the nodes a key passes through, one
    queue after another), and what that set off among them.

    Each node on the way is asked in turn to call back once its queue has reached this point:
    the app's call-back comes after it has forwarded the key to the focused widget, the
    widget's after it has handled the key and passed it up to its container if it had no use
    for it, and so on. A handler may post messages that follow the key along the path (an
    input's `Submitted`, which its container handles): while any queue on the path is not
    empty after a walk, it walks again. (Asking every node of the chain in every round, as
    many rounds as there are nodes, cost ten times the call-backs and about 30% of a
    random-key shard's time.)
    """
    for _ in range(WALKS):
        for node in [app, *_key_path(app)]:
            if not app.is_running:
                return
            call_back = _CallBack()
            if node.post_message(events.Callback(callback=call_back.call)):  # False: it has closed
                await asyncio.wait_for(call_back.called.wait(), timeout=30)
        if not any(node.message_queue_size for node in _key_path(app)):  # the app is on it
            return


def _key_path(app: App) -> list[MessagePump]:
    """The focused widget and its containers up to the screen and the app (the screen and the
    app when nothing has focus); none when the app is closing."""
    if not app.is_running:
        return []
    try:
        screen = app.screen
    except Exception:  # no screen: the app is closing
        return []
    focused = screen.focused
    return list(focused.ancestors_with_self) if focused is not None else [screen, app]


class _CallBack:
    """`called` is set once `call` has been called.

    Posted as a bound method, not through `call_later`: Textual reads the signature of every
    call-back it calls and keeps it on the function, but `call_later` wraps each call-back in a
    new `partial`, whose signature is read afresh (146,000 times in one random-key shard, 4% of
    its time, when `settle` asked every node in every round)."""

    def __init__(self) -> None:
        self.called = asyncio.Event()

    def call(self) -> None:
        self.called.set()


async def press(app: App, key: str) -> None:
    """Send `key` as the terminal driver does, then wait until it has been handled."""
    event = key_event(key)
    event.set_sender(app)
    app.post_message(event)
    await settle(app)


async def type_keys(pilot: Pilot, *keys: str) -> None:
    """Press `keys` (characters, such as ``*"x = 2"``, or key names) as a fast typist's terminal
    sends them: each handled before the next, as with `pilot.press`, but without the idle wait
    of 40 ms and more that Pilot adds after every key; one `pilot.pause()` ends them."""
    for key in keys:
        await press(pilot.app, key)
    await pilot.pause()


async def wait_until(
    pilot: Pilot, condition: Callable[[], bool], timeout: float = 15.0, what: str = "",
    seen: Callable[[], str] | None = None,
) -> None:
    """Let the app run until ``condition()`` holds (fails after ``timeout`` seconds, saying
    `what` it waited for and, with `seen`, what ``seen()`` describes of the app then).

    It looks every 20 ms, with a plain sleep: the app goes on meanwhile, drawing its frames
    on its own timer. (`pilot.pause` would ask every widget on the screen to call back first:
    on a lesson screen 40 ms of CPU a look, most of what a waiting test cost.) `pilot` stays
    in the signature so a call says which test's app it waits on.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            found = f"; {seen()}" if seen is not None else ""
            raise AssertionError(f"timed out waiting for {what or condition}{found}")
        await asyncio.sleep(0.02)


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
