"""A file path laid out for a narrow box (a toast): broken after a `/`, never inside a name.

Textual wraps a toast's text at spaces; a path has none, so it was cut wherever
the line ran out, in the middle of a word. This breaks it where a reader
expects, and writes the home folder as `~`.
"""

from __future__ import annotations

from pathlib import Path

TOAST_CHROME = 3
"""Columns a toast spends on its left border and padding (Textual's Toast: `padding: 1 1`, `border-left`)."""


def toast_width(screen_width: int) -> int:
    """Columns of text inside a toast on a screen this wide (Textual's Toast: `width: 60; max-width: 50%`)."""
    return max(10, min(60, screen_width // 2) - TOAST_CHROME)


def wrap_path(path: Path | str, width: int) -> str:
    """`path` on lines of at most `width` columns, each ending at a `/` where it can.

    A single name longer than a line is the only thing ever cut, and only at `width`.
    """
    text = str(path)
    home = str(Path.home())
    if home not in ("", "/") and (text == home or text.startswith(home + "/")):
        text = "~" + text[len(home):]
    lines: list[str] = []
    line = ""
    for part in _parts(text):
        if line and len(line) + len(part) > width:
            lines.append(line)
            line = ""
        while len(part) > width:  # a name longer than a line: no better place to break it
            lines.append(part[:width])
            part = part[width:]
        line += part
    if line:
        lines.append(line)
    return "\n".join(lines)


def _parts(text: str) -> list[str]:
    """The path in pieces that each end with their `/` (the last piece may not)."""
    pieces = text.split("/")
    return [piece + "/" for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])
