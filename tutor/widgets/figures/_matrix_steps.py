"""MatrixStepView: one step of a matrix product C = A @ B, drawn as three matrices (named as the step says).

Row i of A and column j of B are highlighted, and so is the entry C[i, j]
they fill; under the matrices, the products being summed. Highlighted
entries are also put in brackets and made bold, so the step reads without
colour (NO_COLOR) as well.
"""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from tutor.lesson.plots import MatrixStep

PICKED = "bold $accent"
FILLING = "bold $success"
EMPTY = "·"


def number(value: float | int | None) -> str:
    """An entry as the learner would write it: 27, 2.5, 0.333 (None, not yet computed, is a dot)."""
    if value is None:
        return EMPTY
    if isinstance(value, int) or float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.4g}"


def _cell(text: str, width: int, marked: bool, style: str) -> Content:
    """One entry right-aligned in `width` columns, in brackets and `style` when marked."""
    if marked:
        return Content.assemble("[", (text.rjust(width), style), "]")
    return Content(" " + text.rjust(width) + " ")


def _matrix_lines(
    rows: list[list[str]], width: int, marked: set[tuple[int, int]], style: str
) -> list[Content]:
    return [
        Content(" ").join(_cell(text, width, (r, c) in marked, style) for c, text in enumerate(row))
        for r, row in enumerate(rows)
    ]


def _block(title: str, lines: list[Content]) -> list[Content]:
    """A matrix under its title, every line padded to the same width."""
    width = max([len(title)] + [line.cell_length for line in lines])
    return [Content(title.ljust(width))] + [line.pad_right(width - line.cell_length) for line in lines]


def _side_by_side(blocks: list[list[Content]], separators: list[str]) -> list[Content]:
    height = max(len(block) for block in blocks)
    widths = [max(line.cell_length for line in block) for block in blocks]
    lines = []
    middle = (height + 1) // 2
    for row in range(height):
        parts: list[Content] = []
        for index, block in enumerate(blocks):
            line = block[row] if row < len(block) else Content("")
            parts.append(line.pad_right(widths[index] - line.cell_length))
            if index < len(separators):
                parts.append(Content(f" {separators[index]} " if row == middle else "   "))
        lines.append(Content("").join(parts).rstrip())
    return lines


def sum_lines(step: MatrixStep) -> list[Content]:
    """C[i, j] = a·b + a·b + … = p + p + … = total, for the entry being filled."""
    if step.i is None or step.j is None:
        return [Content(f"{step.names[2]} is empty: each step fills one entry.")]
    name = f"{step.names[2]}[{step.i}, {step.j}]"
    products = Content(" + ").join(
        Content.assemble((number(a), PICKED), "·", (number(b), PICKED)) for a, b in step.terms
    )
    values = " + ".join(number(a * b) for a, b in step.terms)
    total = step.C[step.i][step.j]
    return [
        Content.assemble(f"{name} = ", products),
        Content.assemble(" " * len(name), " = ", values, " = ", (number(total), FILLING)),
    ]


def matrix_step_content(step: MatrixStep, width: int = 80) -> Content:
    """The step laid out in `width` columns: A, B and C side by side, or C under A and B when narrow."""
    a_rows = [[number(v) for v in row] for row in step.A]
    b_rows = [[number(v) for v in row] for row in step.B]
    c_rows = [[number(v) for v in row] for row in step.C]
    cell = max(len(text) for rows in (a_rows, b_rows, c_rows) for row in rows for text in row)
    i, j = step.i, step.j
    picked_a = {(i, c) for c in range(len(a_rows[0]))} if i is not None else set()
    picked_b = {(r, j) for r in range(len(b_rows))} if j is not None else set()
    filling = {(i, j)} if i is not None and j is not None else set()
    shape = lambda rows: f"({len(rows)}×{len(rows[0]) if rows else 0})"  # noqa: E731
    first, second, product = step.names
    a = _block(f"{first} {shape(a_rows)}", _matrix_lines(a_rows, cell, picked_a, PICKED))
    b = _block(f"{second} {shape(b_rows)}", _matrix_lines(b_rows, cell, picked_b, PICKED))
    c = _block(f"{product} = {first} @ {second} {shape(c_rows)}", _matrix_lines(c_rows, cell, filling, FILLING))
    lines = _side_by_side([a, b, c], ["×", "="])
    if max(line.cell_length for line in lines) > width:
        lines = _side_by_side([a, b], ["×"]) + [Content("")] + c
    return Content("\n").join(lines + [Content("")] + sum_lines(step))


class MatrixStepView(Widget):
    """Shows one `MatrixStep`; the explorable's step parameter moves through the product."""

    DEFAULT_CSS = """
    MatrixStepView {
        width: 1fr;
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._step: MatrixStep | None = None
        self._content: tuple[MatrixStep, int, Content] | None = None
        """The step drawn at a width, kept: every layout asks for the height."""

    @property
    def description(self) -> MatrixStep | None:
        return self._step

    def show(self, step: MatrixStep) -> None:
        self._step = step
        self.refresh(layout=True)

    def _drawn(self, step: MatrixStep, width: int) -> Content:
        width = max(width, 20)
        if self._content is None or self._content[0] is not step or self._content[1] != width:
            self._content = (step, width, matrix_step_content(step, width))
        return self._content[2]

    def render(self) -> RenderResult:
        if self._step is None:
            return Content("")
        return self._drawn(self._step, self.content_size.width)

    def get_content_height(self, container, viewport, width: int) -> int:
        if self._step is None:
            return 1
        return self._drawn(self._step, width).plain.count("\n") + 1

    def as_text(self, width: int = 80) -> str:
        """The step as plain text (brackets mark what colour would)."""
        return matrix_step_content(self._step, width).plain if self._step else ""
