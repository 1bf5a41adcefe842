"""ShadesView: greyscale pictures drawn with block characters, side by side.

With colour, each cell is an upper half block "▀" whose foreground is one
pixel and background the pixel beneath, so a 32x32 picture takes 32 columns
and 16 rows. Without colour (NO_COLOR) each cell is a shade character
(" ░▒▓█") for the mean of its two pixels. When the pictures do not fit side
by side, every 2x2 pixels are averaged into one (half size), and the view
says so.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Optional, Sequence

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from tutor.lesson.plots import Shades

SHADES = " ░▒▓█"
GAP = 3
RESERVED_ROWS = 8
"""Terminal rows that are not picture: header, footer, the block's frame, titles and readouts."""


def _grid(values: Sequence[Sequence[float]]) -> list[list[float]]:
    """The picture as lists of floats in [0, 1] (nan and out-of-range values clipped)."""
    grid = []
    for row in values.tolist() if hasattr(values, "tolist") else values:
        cells = []
        for value in row:
            value = float(value)
            cells.append(0.0 if not math.isfinite(value) else min(max(value, 0.0), 1.0))
        grid.append(cells)
    return grid


def shrink(grid: list[list[float]], factor: int) -> list[list[float]]:
    """Average every `factor` x `factor` square of pixels into one."""
    if factor <= 1:
        return grid
    rows, columns = len(grid), len(grid[0]) if grid else 0
    result = []
    for top in range(0, rows, factor):
        line = []
        for left in range(0, columns, factor):
            square = [grid[r][c] for r in range(top, min(top + factor, rows)) for c in range(left, min(left + factor, columns))]
            line.append(sum(square) / len(square))
        result.append(line)
    return result


def level(value: float) -> int:
    """A grey in [0, 1] as a level 0-255."""
    return round(value * 255)


@lru_cache(maxsize=4096)
def grey_style(upper: int, lower: int) -> Style:
    """The style of one "▀" cell: the upper pixel's grey on the lower pixel's grey."""
    return Style(color=Color.from_rgb(upper, upper, upper), bgcolor=Color.from_rgb(lower, lower, lower))


Cell = tuple[str, Optional[int], Optional[int]]
"""Text, and the greys (0-255) of its upper and lower pixels, or None for plain text."""


def picture_rows(grid: list[list[float]], colour: bool) -> list[list[Cell]]:
    """One picture as rows of cells, two pixel rows to a row of cells."""
    rows = []
    for top in range(0, len(grid), 2):
        upper = grid[top]
        lower = grid[top + 1] if top + 1 < len(grid) else upper
        if colour:
            rows.append([("▀", level(a), level(b)) for a, b in zip(upper, lower)])
        else:
            shades = "".join(SHADES[min(int((a + b) / 2 * len(SHADES)), len(SHADES) - 1)] for a, b in zip(upper, lower))
            rows.append([(shades, None, None)])
    return rows


def fitting_factor(shades: Shades, width: int, height: int | None = None) -> int:
    """1 when the pictures fit side by side in `width` columns (and `height` rows) at full size,
    else how many times smaller they must be drawn."""
    grids = [_grid(grid) for _, grid in shades.pictures]
    for factor in (1, 2, 4):
        total = sum(math.ceil(len(grid[0]) / factor) for grid in grids if grid) + GAP * (len(grids) - 1)
        rows = max((math.ceil(len(grid) / factor / 2) for grid in grids), default=0)
        if total <= width and (height is None or rows <= height):
            return factor
    return 4


def layout(shades: Shades, width: int = 80, colour: bool = True, height: int | None = None) -> list[list[Cell]]:
    """The pictures side by side under their titles, shrunk to fit `width` columns and `height` rows."""
    factor = fitting_factor(shades, width, height)
    blocks: list[tuple[int, list[list[Cell]]]] = []
    for title, values in shades.pictures:
        grid = shrink(_grid(values), factor)
        picture_width = len(grid[0]) if grid else 0
        block_width = max(picture_width, len(title))
        rows: list[list[Cell]] = [[(title[:block_width].ljust(block_width), None, None)]]
        for cells in picture_rows(grid, colour):
            if block_width > picture_width:
                cells.append((" " * (block_width - picture_width), None, None))
            rows.append(cells)
        blocks.append((block_width, rows))
    lines: list[list[Cell]] = []
    for row in range(max(len(rows) for _, rows in blocks)):
        line: list[Cell] = []
        for index, (block_width, rows) in enumerate(blocks):
            if index:
                line.append((" " * GAP, None, None))
            line.extend(rows[row] if row < len(rows) else [(" " * block_width, None, None)])
        lines.append(line)
    if factor > 1:
        narrow = fitting_factor(shades, width) > 1
        lines.append([(f"(1/{factor} size to fit{': s hides the sidebar' if narrow else ''})", None, None)])
    return lines


def shades_text(shades: Shades, width: int = 80, colour: bool = False, height: int | None = None) -> str:
    """The layout as plain text (shade characters without colour, for saving and for tests)."""
    return "\n".join("".join(text for text, _, _ in line) for line in layout(shades, width, colour, height))


class ShadesView(Widget):
    """Shows a `Shades` description; redrawn when it changes or the width does."""

    DEFAULT_CSS = """
    ShadesView {
        width: 1fr;
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shades: Shades | None = None
        self._key: tuple | None = None
        self._cache: list[Strip] = []
        self._height: tuple | None = None
        """(pictures, width, room, rows) of the last height asked for."""

    @property
    def description(self) -> Shades | None:
        return self._shades

    def show(self, shades: Shades) -> None:
        same_size = self._shades is not None and [len(p[1]) for p in shades.pictures] == [
            len(p[1]) for p in self._shades.pictures
        ]
        self._shades = shades
        self.refresh(layout=not same_size)

    @property
    def _colour(self) -> bool:
        try:
            return not self.app.no_color
        except Exception:
            return True

    @property
    def _room(self) -> int | None:
        """Rows a picture may take: what the terminal leaves beside the frame and readouts."""
        try:
            return self.app.size.height - RESERVED_ROWS
        except Exception:
            return None

    def render_line(self, y: int) -> Strip:
        strips = self._strips()
        if y < len(strips):
            return strips[y]
        return Strip.blank(self.content_size.width, self.rich_style)

    def _strips(self) -> list[Strip]:
        width = max(self.content_size.width, 20)
        key = (id(self._shades), width, self._colour, self._room)
        if key != self._key:
            base = self.rich_style
            self._cache = [
                Strip(
                    [
                        Segment(text, base if upper is None else grey_style(upper, lower))
                        for text, upper, lower in line
                    ]
                ).adjust_cell_length(width, base)
                for line in (layout(self._shades, width, self._colour, self._room) if self._shades else [])
            ]
            self._key = key
        return self._cache

    def get_content_height(self, container, viewport, width: int) -> int:
        if self._shades is None:
            return 1
        width, room = max(width, 20), self._room
        known = self._height
        if known is None or known[0] is not self._shades or known[1:3] != (width, room):
            # Every layout asks: lay the pictures out once per picture and width.
            known = self._height = (self._shades, width, room, len(layout(self._shades, width, False, room)))
        return known[3]

    def as_text(self, width: int = 80) -> str:
        """The pictures in shade characters, for saving as text."""
        return shades_text(self._shades, width) if self._shades else ""
