"""A real terminal for end-to-end tests: a tmux session on a private socket, and what it shows.

`Terminal` starts one command in a detached tmux session of a given size, sends
keys, resizes the window, and reads the screen back: as text (`screen`) or as
cells with their colours (`cells`, parsed from `capture-pane -e`). Every wait
polls the screen until a condition holds or a generous timeout passes; nothing
here sleeps for a fixed time and hopes.

`contrast` and the palette helpers turn what tmux stored (a 16-colour index, a
256-colour index or an RGB triple) into RGB the way xterm shows it, so a test
can ask whether a glyph reads against its background.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import time
import uuid
from dataclasses import dataclass
from typing import Callable

HAVE_TMUX = shutil.which("tmux") is not None

Colour = tuple[int, int, int] | None
"""An RGB triple, or None for the terminal's default colour."""


class Terminal:
    """A tmux session on a private socket, `size` columns x rows, running one command.

    `env` is the whole environment of the command (it starts from nothing, so
    the host's COLORTERM or NO_COLOR never leak in). When the command ends the
    pane stays open, showing `[exited N]`, so a test can see how it ended.
    """

    def __init__(self, command: str, env: dict[str, str], size: tuple[int, int] = (80, 24)):
        self.socket = f"tutor-test-{uuid.uuid4().hex[:8]}"
        self.name = "learner"
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        width, height = size
        script = f"env -i {exports} {command}; echo \"[exited $?]\"; sleep 600"
        self._tmux("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), script)

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-u", "-L", self.socket, *args], capture_output=True,
                              text=True, timeout=30).stdout

    # -- reading ----------------------------------------------------------------

    def screen(self) -> str:
        """The visible text, one line a row (trailing spaces trimmed by tmux)."""
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def styled(self) -> str:
        """The visible text with tmux's SGR escapes for colours and attributes, every cell of every row."""
        return self._tmux("capture-pane", "-e", "-N", "-p", "-t", self.name)

    def cells(self) -> list[list["Cell"]]:
        """The screen as rows of cells, each with its glyph, colours and attributes."""
        return parse_cells(self.styled())

    def size(self) -> tuple[int, int]:
        shown = self._tmux("display-message", "-p", "-t", self.name, "#{window_width}x#{window_height}")
        width, height = shown.strip().split("x")
        return int(width), int(height)

    # -- acting -----------------------------------------------------------------

    def keys(self, *keys: str) -> None:
        """Press keys, named as tmux names them (Enter, Escape, Tab, Right, C-q, or plain text)."""
        self._tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Type `text` literally (no key-name lookup)."""
        self._tmux("send-keys", "-l", "-t", self.name, text)

    def resize(self, width: int, height: int) -> None:
        """Resize the window, as a learner dragging their terminal's corner would."""
        self._tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    # -- waiting ----------------------------------------------------------------

    def wait_until(self, check: Callable[[str], bool], what: str, timeout: float = 30) -> str:
        """Poll the screen until `check(screen)` holds; fail showing the screen if it never does."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if check(shown):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} never happened within {timeout} s; the screen shows:\n{shown}")
            time.sleep(0.05)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        """Wait until `text` is on the screen; return the screen."""
        return self.wait_until(lambda shown: text in shown, f"{text!r} appearing", timeout)

    def wait_gone(self, text: str, timeout: float = 30) -> str:
        return self.wait_until(lambda shown: text not in shown, f"{text!r} going away", timeout)

    def press_and_settle(self, key: str, timeout: float = 10) -> str:
        """Press `key`, wait for the screen to change (a loaded machine may take a while to
        answer), then for it to settle: one key at a time, never two answered together."""
        before = self.styled()
        self.keys(key)
        deadline = time.monotonic() + timeout
        while self.styled() == before and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.wait_steady()

    def wait_steady(self, timeout: float = 30, polls: int = 4) -> str:
        """Wait until the screen (text and colours) stays the same for `polls` reads in a row."""
        deadline = time.monotonic() + timeout
        last, same = None, 0
        while True:
            shown = self.styled()
            same = same + 1 if shown == last else 0
            if same >= polls:
                return self.screen()
            if time.monotonic() > deadline:
                raise AssertionError(f"the screen never settled within {timeout} s:\n{self.screen()}")
            last = shown
            time.sleep(0.05)

    def close(self) -> None:
        self._tmux("kill-server")


# -- colours -------------------------------------------------------------------

XTERM_16 = (
    (0x00, 0x00, 0x00), (0xCD, 0x00, 0x00), (0x00, 0xCD, 0x00), (0xCD, 0xCD, 0x00),
    (0x00, 0x00, 0xEE), (0xCD, 0x00, 0xCD), (0x00, 0xCD, 0xCD), (0xE5, 0xE5, 0xE5),
    (0x7F, 0x7F, 0x7F), (0xFF, 0x00, 0x00), (0x00, 0xFF, 0x00), (0xFF, 0xFF, 0x00),
    (0x5C, 0x5C, 0xFF), (0xFF, 0x00, 0xFF), (0x00, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF),
)
"""xterm's default 16 colours, as a real xterm shows them."""

_CUBE = (0, 95, 135, 175, 215, 255)


def palette(index: int) -> tuple[int, int, int]:
    """RGB of a 256-colour index as xterm draws it."""
    if index < 16:
        return XTERM_16[index]
    if index < 232:
        index -= 16
        return _CUBE[index // 36], _CUBE[index // 6 % 6], _CUBE[index % 6]
    grey = 8 + 10 * (index - 232)
    return grey, grey, grey


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(value) for value in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """WCAG contrast ratio, 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class Cell:
    """One character cell as tmux stored it."""

    char: str
    fg: Colour
    bg: Colour
    bold: bool = False
    dim: bool = False
    reverse: bool = False
    indexed: bool = False
    """True when a colour came as a 16/256-colour index, False for RGB or default."""
    sgr: str = ""
    """The colour codes as sent, e.g. '38;5;231' (empty for the default colour)."""

    def shown(self, default_fg: tuple[int, int, int], default_bg: tuple[int, int, int]) -> tuple:
        """(foreground, background) as RGB, with reverse video applied."""
        fg = self.fg if self.fg is not None else default_fg
        bg = self.bg if self.bg is not None else default_bg
        return (bg, fg) if self.reverse else (fg, bg)


_SGR = re.compile(r"\x1b\[([0-9;:]*)m")


@dataclass
class _Pen:
    fg: Colour = None
    bg: Colour = None
    bold: bool = False
    dim: bool = False
    reverse: bool = False
    fg_code: str = ""
    bg_code: str = ""


def _apply(pen: _Pen, params: str) -> None:
    codes = [int(part) if part else 0 for part in params.replace(":", ";").split(";")] if params else [0]
    i = 0
    while i < len(codes):
        code = codes[i]
        if code == 0:
            pen.__init__()
        elif code == 1:
            pen.bold = True
        elif code == 2:
            pen.dim = True
        elif code == 22:
            pen.bold = pen.dim = False
        elif code == 7:
            pen.reverse = True
        elif code == 27:
            pen.reverse = False
        elif code in (38, 48):
            if codes[i + 1] == 5:
                colour, text, i = palette(codes[i + 2]), f"{code};5;{codes[i + 2]}", i + 2
            else:
                colour, text, i = tuple(codes[i + 2:i + 5]), f"{code};2;" + ";".join(map(str, codes[i + 2:i + 5])), i + 4
            if code == 38:
                pen.fg, pen.fg_code = colour, text
            else:
                pen.bg, pen.bg_code = colour, text
        elif code == 39:
            pen.fg, pen.fg_code = None, ""
        elif code == 49:
            pen.bg, pen.bg_code = None, ""
        elif 30 <= code <= 37 or 90 <= code <= 97:
            pen.fg, pen.fg_code = XTERM_16[code - 30 if code < 90 else code - 90 + 8], str(code)
        elif 40 <= code <= 47 or 100 <= code <= 107:
            pen.bg, pen.bg_code = XTERM_16[code - 40 if code < 100 else code - 100 + 8], str(code)
        i += 1


def parse_cells(styled: str) -> list[list[Cell]]:
    """Rows of cells from `capture-pane -e -p` output (the pen carries across lines, as tmux writes it)."""
    pen = _Pen()
    rows: list[list[Cell]] = []
    for line in styled.split("\n"):
        row: list[Cell] = []
        position = 0
        for match in _SGR.finditer(line):
            row.extend(_cells(line[position:match.start()], pen))
            _apply(pen, match.group(1))
            position = match.end()
        row.extend(_cells(line[position:], pen))
        rows.append(row)
    return rows


def _cells(text: str, pen: _Pen) -> list[Cell]:
    codes = ";".join(code for code in (pen.fg_code, pen.bg_code) if code)
    indexed = any(code and ";2;" not in code for code in (pen.fg_code, pen.bg_code))
    return [Cell(char, pen.fg, pen.bg, pen.bold, pen.dim, pen.reverse, indexed, codes) for char in text]


def colour_codes(styled: str) -> set[str]:
    """Every colour SGR parameter set used on the screen, e.g. {'38;5;231', '48;5;32', '97'}."""
    found: set[str] = set()
    for match in _SGR.finditer(styled):
        pen = _Pen()
        _apply(pen, match.group(1))
        found.update(code for code in (pen.fg_code, pen.bg_code) if code)
    return found
