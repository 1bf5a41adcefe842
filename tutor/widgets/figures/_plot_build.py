"""A populated plotext figure built into its grid of cells, with what plotext cannot draw added.

plotext builds each axes into a matrix of cells; before the subplots are
joined, `finish` adds the bars (to an eighth of a row, with gaps plotext
would not leave) and the line above the frame (the y label at the left, the
title centred over the canvas, where plotext would put neither), and
`attach_legend` puts a legend that is out of the data beside or under the
axes. `plain_text` is the whole drawing as text, for export and tests.

    message, frames = populate(figure, description, width, height, side_by_side=True, panel=0)
    build(figure, frames)
"""

from __future__ import annotations

import math
from typing import Any

from tutor.lesson.plots import Panels, Plot
from tutor.widgets.adapters import plotext_internals as internals
from tutor.widgets.figures._plot_draw import LEGEND_GAP, Frame, populate


def build(figure: Any, frames: list[tuple[Any, Frame]]) -> None:
    """Build `figure`'s matrix as plotext does, finishing each axes (bars, labels) before the subplots are joined."""
    internals.lay_out(figure)
    finished = {id(axes): frame for axes, frame in frames}
    grid = internals.subplot_grid(figure)
    if not grid:
        internals.build_alone(figure)
        if id(figure) in finished:
            finish(figure, finished[id(figure)])
            attach_legend(figure, finished[id(figure)])
        return
    for line in grid:
        for axes in line:
            internals.build_axes(axes)
            if id(axes) in finished:
                finish(axes, finished[id(axes)])
    internals.set_matrix(figure, internals.joined([[internals.matrix_of(axes) for axes in line] for line in grid]))


def plain_text(description: Plot | Panels, width: int, height: int) -> str:
    """The whole description drawn as text `width` x `height`, every panel side by side, no colour."""
    figure = internals.Figure()
    message, frames = populate(figure, description, width, height, side_by_side=True, panel=0)
    if message is not None:
        return message
    figure.theme("clear")
    build(figure, frames)
    return internals.canvas_text(internals.matrix_of(figure))


def finish(axes: Any, frame: Frame) -> None:
    """After plotext has built `axes`' matrix: the bars, then the title and the y label above the frame."""
    matrix = internals.matrix_of(axes)
    columns, rows = internals.matrix_size(matrix)
    for positions, values, share, colour in frame.bars:
        _draw_bars(matrix, frame, positions, values, share, colour)
    if frame.title or frame.ylabel:
        row = rows - 1
        colour, style = internals.tick_look(axes)
        for column in range(columns):
            internals.put(matrix, column, row, " ")
        ylabel = frame.ylabel[:columns]
        internals.write(matrix, 0, row, ylabel, colour, style)
        title = frame.title
        if title:
            start = frame.left + frame.columns // 2 - len(title) // 2
            start = max(start, len(ylabel) + 2 if ylabel else 0)
            start = min(start, max(columns - len(title), len(ylabel) + 2 if ylabel else 0))
            internals.write(matrix, start, row, title[: max(columns - start, 0)], colour, "bold")


EIGHTHS = " ▁▂▃▄▅▆▇█"


def bar_cells(frame: Frame, positions: list[float], values: list[float], share: float) -> dict[tuple[int, int], str]:
    """The canvas cells (column, row from the bottom of the canvas) of bars, and their characters.

    A bar narrower than the spacing between bars leaves at least one column between it and
    the next, or, when bars are under two columns apart, takes the left half of its column
    (so neighbours never touch); bars of `share` 1 (a histogram) touch. Heights are drawn
    to an eighth of a row.
    """
    x, y = frame.x, frame.y
    if not positions:
        return {}
    to_column = lambda value: (x.cells - 1) * (value - x.low) / (x.high - x.low)  # noqa: E731
    to_row = lambda value: (y.cells - 1) * (value - y.low) / (y.high - y.low)  # noqa: E731
    centres = [to_column(position) for position in positions]
    ordered = sorted(centres)
    spacing = min((b - a for a, b in zip(ordered, ordered[1:]) if b - a > 1e-9), default=float(x.cells))
    half = False
    if share >= 1:
        spans = [(math.ceil(centre - spacing / 2 - 1e-9), math.ceil(centre + spacing / 2 - 1e-9)) for centre in centres]
    elif spacing >= 2:
        width = max(1, min(round(spacing * share), math.floor(spacing + 1e-9) - 1))
        spans = [(round(centre) - (width - 1) // 2, round(centre) - (width - 1) // 2 + width) for centre in centres]
    else:
        half = spacing >= 1
        spans = [(round(centre), round(centre) + 1) for centre in centres]
    base = min(max(0.0, y.low), y.high)
    base_row = round(to_row(base))
    cells: dict[tuple[int, int], str] = {}
    for (first, last), value in zip(spans, values):
        if not math.isfinite(value) or value == base:
            continue
        top = to_row(value)
        for column in range(max(first, 0), min(last, x.cells)):
            if value > base:
                top_row = min(math.ceil(top + 0.5), y.cells)
                for row in range(max(base_row, 0), top_row):
                    filled = min(max(top - (row - 0.5), 0.0), 1.0)
                    if row == base_row:
                        filled = max(filled, 1 / 8)
                    if half:
                        text = "▌" if filled >= 0.75 else "▖" if filled >= 0.25 else ""
                    else:
                        text = EIGHTHS[max(1, round(filled * 8))] if filled > 0 else ""
                    if text:
                        cells[(column, row)] = text
            else:
                for row in range(max(math.floor(top + 0.5), 0), min(base_row + 1, y.cells)):
                    filled = min(max((row + 0.5) - top, 0.0), 1.0)
                    if half:
                        text = "▌" if filled >= 0.75 else "▘" if filled >= 0.25 else ""
                    else:
                        text = "█" if filled >= 0.75 else "▀" if filled >= 0.25 else "▔"
                    if text:
                        cells[(column, row)] = text
    return cells



def _draw_bars(matrix: Any, frame: Frame, positions: list[float], values: list[float], share: float, colour: Any) -> None:
    """Bars into the blank cells of the canvas: lines drawn over them stay on top, and the legend stays clear."""
    legend_rows, legend_columns = frame.legend
    for (column, row), text in bar_cells(frame, positions, values, share).items():
        if row >= frame.rows - legend_rows and column < legend_columns:
            continue
        col, r = frame.left + column, frame.bottom + row
        if internals.cell_is_blank(matrix, col, r):
            internals.put(matrix, col, r, text, colour if colour is not None else "default")


def attach_legend(figure: Any, frame: Frame) -> None:
    """Put a legend that is out of the data beside or under the axes, so the drawing fills `frame.full`."""
    if frame.outside is None:
        return
    matrix = internals.matrix_of(figure)
    columns, rows = internals.matrix_size(matrix)
    colour, style = internals.tick_look(figure)
    width = frame.full[0]

    def write(target: Any, column: int, row: int, entry: tuple[str, str, Any]) -> int:
        sample, label, tint = entry
        internals.write(target, column, row, sample, tint if tint is not None else colour, "bold")
        internals.write(target, column + len(sample) + 1, row, label, colour, style)
        return column + len(sample) + 1 + len(label)

    if frame.outside == "right":
        side = internals.blank_matrix(width - columns, rows, matrix)
        top = frame.bottom + frame.rows - 1
        for index, entry in enumerate(frame.entries):
            if top - index >= 0:
                write(side, LEGEND_GAP - 1, top - index, entry)
        internals.set_matrix(figure, internals.joined([[matrix, side]]))
        return
    under = internals.blank_matrix(columns, len(frame.below), matrix)
    for index, line in enumerate(frame.below):
        column = frame.left
        for entry in line:
            column = write(under, column, len(frame.below) - 1 - index, entry) + LEGEND_GAP
    internals.set_matrix(figure, internals.joined([[matrix], [under]]))
    frame.bottom += len(frame.below)
