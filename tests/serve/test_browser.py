"""`tutor serve` in a real Chromium: a learner opens the printed URL, reads, uses the REPL, solves
an exercise, quits, comes back and resumes; and the page asks nothing of any other host.

Debian's chromium, through Playwright (`tests/serve/browser.py`); `.ci/run` installs it, so in
CI this never skips. The page draws on a canvas: the tests read the tutor's screen from the
WebSocket's frames (`tests/serve/vt.py`), judge the drawing by a screenshot's pixels, and check
what was done in the progress file, as the SSH test does.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from lessons.maths_foundations import LESSON
from tests.helpers import TUTOR
from tests.serve import browser
from tests.serve.browser import BrowserTab, chromium
from tests.serve.served import Served, wait_until
from tests.serve.vt import shown_below
from tutor.lesson.format import Exercise

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(browser.missing() is not None, reason=browser.missing() or ""),
    pytest.mark.skipif(not TUTOR.exists(), reason=f"the tutor console script is not installed at {TUTOR}"),
]

SECTIONS = len(LESSON.sections)
EXERCISE = next(block for block in LESSON.sections[1].blocks if isinstance(block, Exercise))
BACKGROUND = "#121212"
"""textual-dark's background, the tutor's default theme: most of a drawn screen."""
PAGE_BACKGROUNDS = ("#0c181f", "#12232d")
"""The page's own colours (behind the terminal, and its dialogs): what shows when nothing is drawn."""


@pytest.fixture
def served(tmp_path):
    running = Served(tmp_path / "data")
    yield running
    running.stop()


def assert_drawn(shares: dict[str, float], what: str) -> None:
    """The screenshot shows the tutor: its background over most of the page, text and panels in colours of their own."""
    top, share = next(iter(shares.items()))
    assert top == BACKGROUND and share > 0.4, f"{what}: not the tutor's background ({list(shares.items())[:4]})"
    assert sum(shares.get(colour, 0) for colour in PAGE_BACKGROUNDS) < 0.05, f"{what}: the page shows, not the tutor"
    colours = [colour for colour, part in shares.items() if part > 0.002 and colour != BACKGROUND]
    assert len(colours) >= 3, f"{what}: nothing drawn on the background ({list(shares.items())[:6]})"


def tab_to_the_exercise(tab: BrowserTab) -> None:
    """Tab through the section's listings, questions and cards until the exercise card has the focus.

    Each tab is waited for: the footer changes with the kind of block that has the focus, and
    in section 2 no two neighbours are of one kind. A fixed wait per key would let a slow
    machine's tab land past the card, into the REPL's input, where tab completes instead.
    """
    for _ in range(30):
        before = tab.last_line()
        tab.press("Tab")
        tab.wait_until(lambda: tab.last_line() != before, f"a new footer after tab (it was {before.strip()!r})")
        tab.page.wait_for_timeout(200)  # the rest of the frame, if it came in two pieces
        if "Open exercise" in tab.last_line():
            return
    raise AssertionError(f"no exercise card in section 2; the screen:\n{tab.screen.text()}")


def test_a_learner_in_the_browser_reads_computes_solves_quits_and_resumes(served, tmp_path):
    with chromium(tmp_path / "profile") as context:
        tab = BrowserTab(context)
        tab.page.goto(served.url)
        assert tab.page.url == f"{served.base}/", "the token stays in the address bar"
        home = tab.wait_for(LESSON.title)
        assert "Lessons" in home
        tab.page.wait_for_selector("body.-first-byte")
        tab.page.wait_for_timeout(500)  # the page fades the terminal in
        assert_drawn(tab.screenshot(tmp_path / "home.png"), "home")

        tab.focus()
        tab.press("Enter")
        tab.wait_for(f"Section 1 of {SECTIONS}")
        tab.press("n")
        tab.wait_for(f"Section 2 of {SECTIONS}")
        # the place is stored a frame after the section shows: wait for it, then check it
        wait_until(lambda: served.read(lambda store: store.position(LESSON.id)) == LESSON.sections[1].id,
                   "section 2 stored as the place")
        assert served.read(lambda store: store.position(LESSON.id)) == LESSON.sections[1].id

        tab.press("r")
        tab.wait_for(">>>")
        tab.wait_until(lambda: "Back to lesson" in tab.last_line(), "the keys in the REPL's input")
        tab.type("6*7")
        tab.press("Enter")
        tab.wait_until(lambda: shown_below(tab.screen.lines(), ">>> 6*7") == "42", "42 under >>> 6*7")
        assert "6*7" in served.read(lambda store: store.history())
        assert_drawn(tab.screenshot(tmp_path / "repl.png"), "the REPL")
        tab.press("Escape")
        tab.wait_until(lambda: "n Next" in tab.last_line(), "the keys back on the text")

        tab_to_the_exercise(tab)
        tab.press("Enter")
        tab.wait_until(lambda: "Check" in tab.last_line(), "the exercise screen")
        tab.wait_for(EXERCISE.starter.splitlines()[-1].strip())  # the editor, with the starter code
        tab.wait_until(lambda: "esc Results" in tab.last_line(), "the keys in the editor")
        # Select it all and delete it, then paste a solution. (The editor's keys act as their
        # event comes back up to the app, and a paste can overtake it: wait to see each done.)
        tab.press("F7", "Backspace")
        tab.wait_until(lambda: EXERCISE.starter.splitlines()[-1].strip() not in tab.screen.text(), "an empty editor")
        tab.paste(EXERCISE.solution)
        tab.wait_for(EXERCISE.solution.splitlines()[-1].strip())
        tab.press("Control+s")
        tab.wait_until(lambda: EXERCISE.id in served.read(lambda store: store.passed_exercises(LESSON.id)),
                       "the exercise passing", timeout=60)
        tab.wait_for("passed")
        tab.press("Escape")
        tab.page.wait_for_timeout(200)
        tab.press("Escape")
        tab.wait_until(lambda: "n Next" in tab.last_line(), "back in the lesson")

        tab.press("q")
        tab.page.wait_for_selector("body.-closed", timeout=30_000)  # "Session ended."
        tab.page.click("#restart")
        tab.wait_until(lambda: len(tab.sockets) == 2, "a new WebSocket: a new tutor")
        tab.page.wait_for_selector("body.-first-byte")
        tab.wait_for(f"2/{SECTIONS} {LESSON.sections[1].title}")  # the header: back where they were
        tab.wait_for("passed")  # the exercise card, in view where they left it
        tab.page.wait_for_timeout(500)
        assert_drawn(tab.screenshot(tmp_path / "resumed.png"), "the resumed lesson")
        assert tab.outside(served.base) == []
    assert served.stop() == 0


def test_the_page_asks_nothing_of_any_other_host_and_draws_in_its_own_font(served, tmp_path):
    with chromium(tmp_path / "profile") as context:
        tab = BrowserTab(context)
        failed: list[str] = []
        tab.page.on("requestfailed", lambda request: failed.append(request.url))
        tab.page.goto(served.url)
        tab.wait_for(LESSON.title)
        tab.page.wait_for_selector("body.-first-byte")
        tab.page.wait_for_timeout(500)
        assert tab.outside(served.base) == [], "the page fetched from another host"
        assert not failed, f"requests that failed: {failed}"
        fonts = [url for url in tab.requests if urlsplit(url).path.startswith("/static/fonts/")]
        assert any(url.endswith("RobotoMono-VariableFont_wght.ttf") for url in fonts), tab.requests
        assert tab.page.evaluate("document.fonts.check('16px \"Roboto Mono\"')")
        loaded = tab.page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
        assert any("Roboto Mono" in family for family in loaded), loaded

        cookie, = [each for each in context.cookies() if each["name"] == f"tutor-{served.port}"]
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["value"] != served.token
        assert tab.page.evaluate("document.cookie") == "", "the page's scripts cannot read the cookie"
