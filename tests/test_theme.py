"""The colour theme: `--theme NAME` and the command palette's theme switch both choose it, and both keep it.

The end-to-end proof that `--theme` shows a light theme and keeps it for the next start is in
tests/test_terminals.py; these are the quick checks.
"""

from __future__ import annotations

import os
import subprocess
import sys

from textual.command import CommandList
from textual.theme import BUILTIN_THEMES

from tests.helpers import type_keys, wait_until
from tutor.app import TutorApp
from tutor.store import Store


def tutor(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tutor", *args], capture_output=True, text=True, timeout=60,
        env=os.environ.copy(), stdin=subprocess.DEVNULL,
    )


def test_an_unknown_theme_exits_2_listing_every_valid_name(data_dir):
    result = tutor("--theme", "neon-pink")
    assert result.returncode == 2
    assert "tutor: unknown theme 'neon-pink'; valid themes: " in result.stderr
    for name in BUILTIN_THEMES:
        assert name in result.stderr
    assert "\x1b[" not in result.stdout  # no screen was opened
    assert Store.open().setting("theme") is None  # and nothing was kept


def test_theme_is_in_the_help():
    assert "--theme NAME" in tutor("--help").stdout


async def test_a_stored_theme_is_applied_at_start(sample_catalogue, store):
    store.set_setting("theme", "textual-light")
    app = TutorApp(catalogue=sample_catalogue, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"


async def wait_for_option(pilot, words: str) -> None:
    """Wait until the palette's highlighted option mentions `words` (its search runs in the background)."""

    def offered() -> bool:
        found = pilot.app.screen.query(CommandList)
        if not found or found.first().highlighted is None:
            return False
        option = found.first().get_option_at_index(found.first().highlighted)
        return words in str(option.prompt).lower()

    await wait_until(pilot, offered, timeout=10, what=f"the palette to offer {words!r}")


async def test_the_palettes_theme_switch_is_kept_for_next_time(sample_catalogue, store):
    app = TutorApp(catalogue=sample_catalogue, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"theme")
        await wait_for_option(pilot, "theme")
        await pilot.press("enter")  # "Theme: change the current theme" opens the theme list
        await type_keys(pilot, *"nord")
        await wait_for_option(pilot, "nord")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
    assert store.setting("theme") == "nord"
    reopened = Store.open()
    assert reopened.setting("theme") == "nord"
    reopened.close()
