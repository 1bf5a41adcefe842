"""A terminal screen rebuilt from the bytes Textual's web driver sends: enough of VT100 to read.

The browser draws the tutor onto a canvas (xterm.js), where no text can be read back. What
reaches it over the WebSocket is a terminal's byte stream, so the tests feed the same bytes
(Playwright's WebSocket frames, or a raw client's) to `Screen` and read its text, the way
tests/tmux.py reads tmux's. Colours and attributes are dropped; the cells' text is kept,
addressed as Textual addresses it (cursor moves, then text).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

SEQUENCE = re.compile(
    r"\x1b(?:\[(?P<params>[0-?]*)[ -/]*(?P<final>[@-~])"  # CSI
    r"|\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC … BEL or ST
    r"|P[^\x1b]*\x1b\\"  # DCS … ST
    r"|[()#][0-9A-Za-z]"
    r"|[ -/]*[0-OQ-Z\\^-~]"  # other escapes (ESC 7, ESC =): never a cut-off CSI, OSC or DCS
    r")"
)


def cells(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


class Screen:
    """The cells written so far, as text: feed it bytes, read `text()` or `lines()`."""

    def __init__(self) -> None:
        self.grid: dict[tuple[int, int], str] = {}
        self.row = self.column = 0
        self._decode = codecs.getincrementaldecoder("utf-8")("replace").decode
        self._pending = ""

    def feed(self, data: bytes) -> None:
        text = self._pending + self._decode(data)
        self._pending = ""
        position = 0
        while position < len(text):
            escape = text.find("\x1b", position)
            self._write(text[position: len(text) if escape < 0 else escape])
            if escape < 0:
                break
            match = SEQUENCE.match(text, escape)
            if match is None:
                if len(text) - escape < 256:  # cut off mid-sequence: the rest comes in the next frame
                    self._pending = text[escape:]
                    break
                position = escape + 1
                continue
            if match.group("final"):
                self._control(match.group("params"), match.group("final"))
            position = match.end()

    def _write(self, text: str) -> None:
        for char in text:
            if char == "\r":
                self.column = 0
            elif char == "\n":
                self.row += 1
            elif char == "\b":
                self.column = max(self.column - 1, 0)
            elif char < " " or char == "\x7f":
                continue
            else:
                self.grid[(self.row, self.column)] = char
                if cells(char) == 2:
                    self.grid[(self.row, self.column + 1)] = ""
                self.column += cells(char)

    def _control(self, params: str, final: str) -> None:
        if params.startswith("?"):
            return  # private modes: alternate screen, mouse, cursor visibility, sync
        numbers = [int(part) if part.isdigit() else 0 for part in params.split(";")] if params else []

        def number(index: int, default: int = 1) -> int:
            return numbers[index] if len(numbers) > index and numbers[index] else default

        if final in "Hf":
            self.row, self.column = number(0) - 1, number(1) - 1
        elif final == "A":
            self.row = max(self.row - number(0), 0)
        elif final == "B":
            self.row += number(0)
        elif final == "C":
            self.column += number(0)
        elif final == "D":
            self.column = max(self.column - number(0), 0)
        elif final == "G":
            self.column = number(0) - 1
        elif final == "d":
            self.row = number(0) - 1
        elif final == "J" and number(0, 0) == 2:
            self.grid.clear()
        elif final == "K":
            mode = number(0, 0)
            for row, column in list(self.grid):
                if row == self.row and (mode == 2 or (column >= self.column if mode == 0 else column <= self.column)):
                    del self.grid[(row, column)]

    def lines(self) -> list[str]:
        if not self.grid:
            return []
        rows = max(row for row, _ in self.grid) + 1
        width = max(column for _, column in self.grid) + 1
        lines = [[" "] * width for _ in range(rows)]
        for (row, column), char in self.grid.items():
            if 0 <= row < rows and 0 <= column < width:
                lines[row][column] = char
        return ["".join(line).rstrip() for line in lines]

    def text(self) -> str:
        return "\n".join(self.lines())


def shown_below(lines: list[str], prompt: str) -> str | None:
    """The text under the line that ends in `prompt` (a REPL's `>>> 6*7`), in the prompt's
    columns: the REPL pane may share its rows with the lesson's text beside it."""
    for index, line in enumerate(lines):
        column = line.rstrip().rfind(prompt)
        if column >= 0 and line.rstrip().endswith(prompt):
            for later in lines[index + 1:index + 4]:
                if text := later[column:].strip(" │▕▊"):
                    return text
            return None
    return None
