"""plotext's grid of cells turned straight into Textual strips.

plotext draws into a matrix of cells (a character, a foreground, a style
and a background each) and then writes it out as one ANSI string, which a
widget would have to parse back with `Text.from_ansi`. Both steps cost more
than the drawing on a key press; this module reads the matrix instead (through
`adapters.plotext_internals`) and makes one Segment for each run of cells
that look the same.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tutor.widgets.adapters import plotext_internals as internals

NO_COLOUR = "default"
STYLE_WORDS = {"inverted": "reverse", "flash": "blink", "double-underline": "underline2", "strike": "strike"}


def _colour(value: Any) -> Color | None:
    """A plotext colour (a name, a 0-255 code or an RGB triple) as a Rich colour; None for "default"."""
    if value is None or value == NO_COLOUR:
        return None
    if isinstance(value, (tuple, list)) and len(value) == 3:
        return Color.from_rgb(*value)
    if isinstance(value, int):
        return Color.from_ansi(value)
    try:
        return Color.from_ansi(internals.colour_code(value))
    except (KeyError, AttributeError):
        return None


@lru_cache(maxsize=1024)
def cell_style(foreground: Any, style: Any, background: Any) -> Style:
    """The Rich style of a plotext cell (arguments hashable: lists made tuples by the caller)."""
    words = []
    if isinstance(style, str) and style != NO_COLOUR:
        words = [STYLE_WORDS.get(word, word) for word in style.split()]
    attributes = {word: True for word in words if word in ("bold", "dim", "italic", "underline", "reverse", "blink", "strike")}
    return Style(color=_colour(foreground), bgcolor=_colour(background), **attributes)


def _key(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def matrix_strips(matrix: Any) -> list[Strip]:
    """One strip per row of a built plotext matrix, top row first."""
    strips = []
    width, _ = internals.matrix_size(matrix)
    for markers, fg, st, bg in internals.matrix_rows(matrix):
        segments = []
        start = 0
        for column in range(1, width + 1):
            if column == width or fg[column] != fg[start] or bg[column] != bg[start] or st[column] != st[start]:
                style = cell_style(_key(fg[start]), _key(st[start]), _key(bg[start]))
                segments.append(Segment("".join(markers[start:column]), style))
                start = column
        strips.append(Strip(segments, width))
    return strips
