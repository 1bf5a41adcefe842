"""plotext's figure and matrix, which it does not export.

plotext's public interface is a module with one global figure that prints
to the terminal. The tutor needs a figure of its own per plot, sized to a
widget rather than to the terminal, and the grid of cells plotext draws
into (a character, a foreground, a style and a background each): it adds
what plotext cannot draw (bars to an eighth of a cell, the title line, a
legend beside the axes) and turns the cells straight into Textual strips.
All of that lives in plotext 5's private modules `plotext._figure`,
`plotext._matrix` and `plotext._utility`, so plotext is pinned exactly.

Everything else in the tutor calls plotext's public figure methods (`plot`,
`scatter`, `xticks`, `subplots`, ...) or the functions here, and treats a
figure, an axes and a matrix as opaque. Rows of a matrix count from the
bottom, as in plotext.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

try:
    from plotext._figure import _figure_class as Figure
    from plotext._matrix import join_matrices, matrix_class
    from plotext._utility import get_color_code
except ImportError as error:  # pragma: no cover - only after a plotext upgrade
    raise ImportError(
        f"plotext's private modules moved ({error}): this plotext release is not the one pyproject.toml pins. "
        "Update tutor/widgets/adapters/plotext_internals.py (the plot widgets draw through it)."
    ) from error

__all__ = [
    "Figure",
    "blank_matrix",
    "build_alone",
    "build_axes",
    "canvas_text",
    "cell_is_blank",
    "colour_code",
    "joined",
    "lay_out",
    "matrix_of",
    "matrix_rows",
    "matrix_size",
    "missing",
    "put",
    "set_matrix",
    "set_size",
    "subplot_grid",
    "subplot_size",
    "tick_look",
    "write",
]

Matrix = Any
"""A plotext `matrix_class`: kept opaque outside this module."""


# -- figures ---------------------------------------------------------------------


def set_size(figure: Any, width: int, height: int) -> None:
    """Make `figure` (or an axes in it) `width` x `height` cells, whatever the terminal's size.

    `plotsize` alone clips the top figure to the terminal plotext measured when the figure was made.
    """
    figure.plotsize(width, height)
    figure._set_size(width, height)


def lay_out(figure: Any) -> None:
    """Share `figure`'s size out among its subplots, as plotext does before it builds."""
    figure._set_sizes()


def subplot_size(axes: Any) -> tuple[int | None, int | None]:
    """The size `lay_out` gave a subplot: (columns, rows), None where it gave none."""
    return axes._width, axes._height


def subplot_grid(figure: Any) -> list[list[Any]]:
    """`figure`'s subplots, row by row; empty when the figure is one plain axes."""
    if figure._no_plots:
        return []
    return [[figure._get_subplot(row, column) for column in figure._Cols] for row in figure._Rows]


def build_alone(figure: Any) -> None:
    """Draw a figure without subplots into its matrix."""
    figure.monitor.build_plot()


def build_axes(axes: Any) -> None:
    """Draw one subplot (and any subplots of its own) into its matrix."""
    axes._build_matrix()


def matrix_of(figure: Any) -> Matrix:
    """The matrix `figure` (or an axes) was last drawn into."""
    return figure.monitor.matrix


def set_matrix(figure: Any, matrix: Matrix) -> None:
    """Make `matrix` what `figure` shows (after joining or extending the drawn one)."""
    figure.monitor.matrix = matrix


def tick_look(figure: Any) -> tuple[Any, Any]:
    """(colour, style) of `figure`'s tick labels, for text written beside them."""
    return figure.monitor.ticks_color, figure.monitor.ticks_style


# -- matrices --------------------------------------------------------------------


def joined(grid: list[list[Matrix]]) -> Matrix:
    """One matrix from a grid of them, rows of the grid from the top."""
    return join_matrices(grid)


def blank_matrix(columns: int, rows: int, like: Matrix) -> Matrix:
    """An empty matrix `columns` x `rows` with the background of `like`'s axes."""
    matrix = matrix_class()
    matrix.set_size(max(columns, 0), rows)
    matrix.set_matrices()
    background = like.background[0][0] if like.rows and like.cols else None
    if background is not None:
        matrix.background = [[background] * matrix.cols for _ in range(rows)]
    return matrix


def matrix_size(matrix: Matrix) -> tuple[int, int]:
    """(columns, rows)."""
    return matrix.cols, matrix.rows


def cell_is_blank(matrix: Matrix, column: int, row: int) -> bool:
    """Whether the cell exists and holds a space."""
    return matrix.legal(column, row) and matrix.marker[row][column] == " "


def put(matrix: Matrix, column: int, row: int, text: str, colour: Any = None) -> None:
    """One character into a cell (off the matrix: nothing); `colour` None keeps the cell's."""
    matrix.insert_element(column, row, text, colour)


def write(matrix: Matrix, column: int, row: int, text: str, colour: Any, style: Any) -> None:
    """`text` from a cell rightwards, cut at the matrix's edge."""
    matrix.add_horizontal_string(column, row, text, colour, style)


def matrix_rows(matrix: Matrix) -> Iterator[tuple[list[str], list[Any], list[Any], list[Any]]]:
    """(characters, foregrounds, styles, backgrounds) of each row, top row first."""
    for row in reversed(range(matrix.rows)):
        yield matrix.marker[row], matrix.fullground[row], matrix.style[row], matrix.background[row]


def canvas_text(matrix: Matrix) -> str:
    """The characters of a matrix, top row first, trailing spaces dropped."""
    return "\n".join("".join(characters).rstrip() for characters, _, _, _ in matrix_rows(matrix))


def colour_code(name: str) -> int:
    """The 0-255 terminal colour code of one of plotext's colour names ("red+", "gray", ...)."""
    return get_color_code(name)


# -- the canary ------------------------------------------------------------------

FIGURE_METHODS = ("_set_size", "_set_sizes", "_build_matrix", "_get_subplot", "plotsize", "subplots", "subplot", "theme")
FIGURE_ATTRIBUTES = ("_no_plots", "_Rows", "_Cols", "_width", "_height", "monitor")
MONITOR_ATTRIBUTES = ("matrix", "build_plot", "ticks_color", "ticks_style")
MATRIX_ATTRIBUTES = (
    "rows", "cols", "marker", "fullground", "style", "background",
    "legal", "insert_element", "add_horizontal_string", "set_size", "set_matrices",
)  # fmt: skip


def missing() -> list[str]:
    """Every private name this module relies on that plotext no longer has, as "where.name".

    Empty when plotext is still the release the tutor pins (`tests/widgets/test_adapters.py`).
    """
    gone = [f"_figure_class.{name}" for name in FIGURE_METHODS if not callable(getattr(Figure, name, None))]
    figure = Figure()
    gone += [f"figure.{name}" for name in FIGURE_ATTRIBUTES if not hasattr(figure, name)]
    monitor = getattr(figure, "monitor", None)
    gone += [f"figure.monitor.{name}" for name in MONITOR_ATTRIBUTES if not hasattr(monitor, name)]
    matrix = matrix_class()
    gone += [f"matrix_class.{name}" for name in MATRIX_ATTRIBUTES if not hasattr(matrix, name)]
    try:
        colour_code("red")
    except Exception as error:  # noqa: BLE001 - any failure means the colour table moved
        gone.append(f"_utility.get_color_code ({type(error).__name__})")
    return gone
