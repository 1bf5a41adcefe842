"""Every terminal the tutor promises, end to end: the installed `tutor` in tmux, read back cell by cell.

- `TERM=xterm-256color` (256 colours) and `TERM=screen` (16) at 80x24, 120x40 and 200x60;
- `NO_COLOR=1` (greys only); `TEXTUAL_COLOR_SYSTEM=256`, what OpenSSH gives (it does not forward
  COLORTERM); a light theme, chosen with `--theme` and still there at the next start;
- the window shrunk to 45x10 and grown back: the "too small" notice, then the same screen;
- every element of every lesson card reads, on the highlighted card and the others, at 256
  colours, 16, with NO_COLOR and with a light theme.

"Reads" is measured on what tmux stored for each cell, with xterm's palette: a glyph reads when
its WCAG contrast with its background is at least 3, or its colour is far from the background's
(RGB distance >= 150: white on the cyan highlight of 16-colour terminals has contrast 2.0 but
reads plainly). The bug this guards against drew the bar in exactly the highlight's colour.

Needs tmux; `.ci/run` installs it, so in CI this never skips.
"""

from __future__ import annotations

import math
import shlex
from pathlib import Path

import pytest

from lessons.data_handling import LESSON as DATA_HANDLING
from lessons.maths_foundations import LESSON
from tests.helpers import TUTOR
from tests.tmux import HAVE_TMUX, Cell, Terminal, colour_codes
from tests.tmux import contrast as wcag_contrast
from tests.tmux import luminance
from tutor.lesson.format import Explorable, Figure
from tutor.store import Store
from tutor.widgets.lesson_list import BAR_WIDTH

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = len(LESSON.sections)

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(not HAVE_TMUX, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(not TUTOR.exists(), reason=f"the tutor console script is not installed at {TUTOR}"),
]


@pytest.fixture
def launch(tmp_path):
    """Start the installed tutor in tmux: `launch(size, env overrides, args)`; all closed afterwards."""
    opened: list[Terminal] = []

    def start(size=(80, 24), args: str = "", data: Path | None = None, **env: str) -> Terminal:
        environment = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
            "TUTOR_DATA_DIR": str(data or tmp_path / "data"),
            **env,
        }
        opened.append(Terminal(f"{shlex.quote(str(TUTOR))} {args}", environment, size))
        return opened[-1]

    yield start
    for terminal in opened:
        terminal.close()


@pytest.fixture
def extra_lessons(tmp_path) -> dict[str, str]:
    """Two more lessons installed beside the real one (a package on PYTHONPATH): a sample and a broken one.

    With three cards there is a highlighted card and cards that are not.
    """
    info = tmp_path / "extra" / "extra_lessons-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: extra-lessons\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[tutor.lessons]\n"
        "sample = tests.fixtures.sample_lesson:LESSON\n"
        "broken = tests.fixtures.broken_lesson:LESSON\n"
    )
    return {"PYTHONPATH": f"{info.parent}:{ROOT}"}


def seed_progress(data: Path) -> None:
    """One of the sample's three sections seen, and four of the real lesson's: bars part filled."""
    store = Store.open(data / "progress.sqlite3")
    store.set_position("sample", "part_1")
    for section in LESSON.sections[:4]:
        store.set_position(LESSON.id, section.id)
    store.close()


# -- reading the screen ------------------------------------------------------------

def reads(cell: Cell) -> bool:
    fg, bg = cell.shown((229, 229, 229), (0, 0, 0))
    return wcag_contrast(fg, bg) >= 3.0 or math.dist(fg, bg) >= 150


def last_row(shown: str) -> str:
    lines = shown.splitlines()
    return lines[-1] if lines else ""


def colour_system(styled: str) -> str:
    """What the app sent: 'truecolor', '256', '16' or 'none'."""
    codes = colour_codes(styled)
    if any(";2;" in code for code in codes):
        return "truecolor"
    if any(";5;" in code for code in codes):
        return "256"
    return "16" if codes else "none"


def catalogue_rows(terminal: Terminal) -> list[list[Cell]]:
    """The rows of the lesson cards: below the 'Lessons' title, above the detail's rule."""
    rows = terminal.cells()
    text = ["".join(cell.char for cell in row) for row in rows]
    top = next(y for y, line in enumerate(text) if line.strip().startswith("Lessons"))
    bottom = next(y for y, line in enumerate(text) if y > top and line.strip().startswith("────────"))
    return rows[top + 1:bottom]


def assert_cards_read(terminal: Terminal) -> None:
    """Every glyph on every card row reads against its background."""
    for row in catalogue_rows(terminal):
        line = "".join(cell.char for cell in row)
        faint = [(x, cell.char, cell.sgr) for x, cell in enumerate(row) if cell.char.strip() and not reads(cell)]
        assert not faint, f"unreadable glyphs on the card row {line.rstrip()!r}: {faint}"


def assert_bar(line: str, done: int, total: int) -> None:
    """The card's bar is all there: heavy cells for done, light for the rest, then the count."""
    filled = round(BAR_WIDTH * done / total)
    assert "━" * filled + "─" * (BAR_WIDTH - filled) + f" {done}/{total}" in line, line


def highlighted_rows(terminal: Terminal) -> list[str]:
    """The text of the rows whose background differs from the catalogue's usual background."""
    rows = catalogue_rows(terminal)
    backgrounds = [row[len(row) // 2].bg for row in rows if len(row) > 40]
    usual = max(set(backgrounds), key=backgrounds.count)
    return ["".join(c.char for c in row).strip() for row in rows if len(row) > 40 and row[len(row) // 2].bg != usual]


def walk_the_cards(terminal: Terminal) -> None:
    """Highlight each card in turn; every element must read on each, selected or not."""
    titles = ["Sample Lesson", LESSON.title, DATA_HANDLING.title, "broken: broken"]
    details = [
        "Lesson 1: Sample Lesson", f"Lesson {LESSON.number}: {LESSON.title}",
        f"Lesson {DATA_HANDLING.number}: {DATA_HANDLING.title}", "Broken lesson broken",
    ]
    terminal.keys("Up", "Up")  # back from a lesson, its card is highlighted: start at the top
    for index, (title, detail) in enumerate(zip(titles, details)):
        if index:
            terminal.keys("Down")
        terminal.wait_for(detail)
        shown = terminal.wait_steady()
        assert_cards_read(terminal)
        highlighted = highlighted_rows(terminal)
        assert highlighted and title in highlighted[0], f"{title!r} is not highlighted: {highlighted}"
        lines = shown.splitlines()
        assert_bar(next(line for line in lines if "Sample Lesson" in line), 1, 3)
        assert_bar(next(line for line in lines if LESSON.title in line), 4, SECTIONS)


# -- the tests ---------------------------------------------------------------------

@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)], ids=lambda size: "%dx%d" % size)
@pytest.mark.parametrize("term, colours", [("xterm-256color", "256"), ("screen", "16")])
def test_home_and_a_lesson_at_every_promised_size_and_term(launch, term, colours, size):
    width, height = size
    terminal = launch(size, TERM=term)
    terminal.wait_until(lambda shown: f"0/{SECTIONS}" in shown and "q Quit" in last_row(shown),
                        "the home screen with its footer on the last row")
    home = terminal.wait_steady()
    lines = home.splitlines()
    assert terminal.size() == size
    assert "ML maths tutor" in lines[0] and "Lessons" in home and LESSON.title in home
    assert len(lines) == height and "q Quit" in lines[-1], "the footer is not on the last row"
    assert_bar(next(line for line in lines if LESSON.title in line), 0, SECTIONS)
    assert colour_system(terminal.styled()) == colours
    assert_cards_read(terminal)

    terminal.keys("Enter")
    terminal.wait_until(lambda shown: f"Section 1 of {SECTIONS}" in shown and "n Next" in last_row(shown),
                        "the first section with the lesson's footer")
    shown = terminal.wait_steady()
    lines = shown.splitlines()
    assert f"1. {LESSON.sections[0].title}" in shown
    assert "n Next" in lines[-1] and "esc Home" in lines[-1]
    assert LESSON.sections[1].title[:12] in shown, "the section sidebar is missing (shown from 72 columns)"
    assert all(len(line) <= width for line in lines)
    assert colour_system(terminal.styled()) == colours

    terminal.keys("n")
    assert f"2. {LESSON.sections[1].title}" in terminal.wait_for(f"Section 2 of {SECTIONS}")
    terminal.keys("q")
    terminal.wait_for("[exited 0]")


@pytest.mark.parametrize("colours", ["256", "16"])
def test_every_element_of_every_card_reads_selected_or_not(launch, extra_lessons, tmp_path, colours):
    seed_progress(tmp_path / "data")
    terminal = launch(TERM="xterm-256color" if colours == "256" else "xterm", **extra_lessons)
    terminal.wait_for("Section 4 of")  # a returning learner lands in the lesson they were in
    terminal.keys("Escape")
    walk_the_cards(terminal)
    assert colour_system(terminal.styled()) == colours


def test_no_color_shows_greys_only_and_the_cards_still_read(launch, extra_lessons, tmp_path):
    seed_progress(tmp_path / "data")
    terminal = launch(NO_COLOR="1", **extra_lessons)
    terminal.wait_for("Section 4 of")
    terminal.keys("Escape")
    walk_the_cards(terminal)
    for row in terminal.cells():
        for cell in row:
            for colour in (cell.fg, cell.bg):
                assert colour is None or len(set(colour)) == 1, f"{cell.char!r} is coloured: {cell.sgr}"


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"TEXTUAL_COLOR_SYSTEM": "256", "COLORTERM": "truecolor"}, "256"),
        ({"COLORTERM": "truecolor"}, "truecolor"),  # the control: without the variable it would differ
    ],
    ids=["TEXTUAL_COLOR_SYSTEM=256", "COLORTERM=truecolor"],
)
def test_textual_color_system_256_is_what_the_app_sends(launch, env, expected):
    terminal = launch(**env)
    terminal.wait_for(f"0/{SECTIONS}")
    terminal.wait_steady()
    assert colour_system(terminal.styled()) == expected
    assert_cards_read(terminal)
    terminal.keys("Enter")
    terminal.wait_for(f"Section 1 of {SECTIONS}")
    terminal.wait_steady()
    assert colour_system(terminal.styled()) == expected


def background_luminance(terminal: Terminal) -> float:
    """The luminance of the commonest background on the screen (0 black, 1 white)."""
    backgrounds = [cell.bg for row in terminal.cells() for cell in row if cell.bg is not None]
    return luminance(max(set(backgrounds), key=backgrounds.count))


def test_a_light_theme_from_the_command_line_reads_and_is_kept(launch, extra_lessons, tmp_path):
    seed_progress(tmp_path / "data")
    terminal = launch(args="--theme textual-light", **extra_lessons)
    terminal.wait_for("Section 4 of")
    terminal.keys("Escape")
    walk_the_cards(terminal)
    assert background_luminance(terminal) > 0.6
    terminal.keys("q")
    terminal.wait_for("[exited 0]")

    again = launch(**extra_lessons)  # no --theme: the choice was kept
    again.wait_for("Section 4 of")
    again.wait_steady()
    assert background_luminance(again) > 0.6
    assert Store.open(tmp_path / "data" / "progress.sqlite3").setting("theme") == "textual-light"


def test_the_default_theme_is_dark(launch):
    terminal = launch()
    terminal.wait_for(f"0/{SECTIONS}")
    terminal.wait_steady()
    assert background_luminance(terminal) < 0.1


def first_section_with_a_figure() -> int:
    """The number of the first section showing a figure or explorable (1 if none has one yet)."""
    for number, section in enumerate(LESSON.sections, start=1):
        if any(isinstance(block, (Figure, Explorable)) for block in section.blocks):
            return number
    return 1


def test_shrinking_below_the_minimum_shows_a_notice_and_growing_back_restores_the_screen(launch):
    number = first_section_with_a_figure()
    terminal = launch((80, 24), args=f"--lesson {LESSON.id} --section {number}")
    terminal.wait_for(f"Section {number} of {SECTIONS}")
    before = terminal.wait_steady()

    terminal.resize(45, 10)
    small = terminal.wait_for("Terminal too small")
    assert "needs 50x12, have 45x10" in " ".join(small.split())
    assert f"Section {number}" not in small
    terminal.resize(80, 24)
    terminal.wait_until(lambda shown: shown == before, "the same screen coming back")
    terminal.keys("n")
    terminal.wait_for(f"Section {number + 1} of {SECTIONS}")  # and it still answers keys
