"""Plots a learner can read at a glance (issue 14, item 5).

The figures are laid out and drawn as the widget draws them, at the sizes a learner
meets (80x24 and 120x40), and then read back: tick labels on the rows and columns that
hold their values, evenly spaced; explorable axes that stay put while a parameter moves;
equal scales for geometry; gaps between the bars of a discrete distribution; the
subject drawn heaviest; the y label above the y axis; only the parameters in use.
"""

from __future__ import annotations

import math

import pytest

from lessons.maths_foundations import figures
from lessons.maths_foundations.figures import calculus, descent, distributions, eigen, matrices
from lessons.maths_foundations.s03_matrices import SECTION as MATRICES
from tests.widgets.figure_host import FigureHost, built, wait_until
from tutor.lesson.plots import Panels, Plot, Series
from tutor.widgets.figures import _plot_axes as plot_axes
from tutor.widgets.adapters.plotext_internals import Figure, canvas_text, matrix_of, matrix_rows
from tutor.widgets.figures._explorable import ExplorableBlock
from tutor.widgets.figures._matrix_steps import matrix_step_content
from tutor.widgets.figures._plot_build import build
from tutor.widgets.figures._plot_draw import MARK_WEIGHT, populate

SIZES = ((76, 18), (116, 30), (52, 14))
"""Plot areas: a figure at 80x24, at 120x40, and beside the sidebar at 80x24."""


def drawn(description, width: int, height: int, panel: int = 0):
    """(the text plotext's matrix shows, [(axes matrix, frame)]) for one description."""
    figure = Figure()
    message, frames = populate(figure, description, width, height, side_by_side=width >= 110, panel=panel)
    assert message is None, message
    figure.theme("clear")
    build(figure, frames)
    return canvas_text(matrix_of(figure)), [(Cells(matrix_of(axes)), frame) for axes, frame in frames]


class Cells:
    """The characters of a built matrix: `marker[row][column]`, rows from the bottom as in a `Frame`."""

    def __init__(self, matrix) -> None:
        self.marker = [characters for characters, _, _, _ in matrix_rows(matrix)][::-1]


def plots_of(description) -> list[Plot]:
    return list(description.plots) if isinstance(description, Panels) else [description]


def defaults() -> list[tuple[str, object]]:
    found = [(block.name, block.make_plot()) for block in figures.FIGURES]
    for block in figures.EXPLORABLES:
        description = block.make_plot(**block.defaults())
        if isinstance(description, (Plot, Panels)) and getattr(description, "message", None) is None:
            found.append((block.name, description))
    parabola = [x / 10 for x in range(-30, 31)]
    found.append(("repl parabola", Plot(series=(Series("line", parabola, [x * x for x in parabola]),))))
    return found


def read_y_ticks(matrix, frame) -> list[tuple[int, float]]:
    """(row from the canvas bottom, value) of every y tick label plotext wrote beside a ┤."""
    ticks = []
    for row in range(frame.rows):
        line = "".join(matrix.marker[frame.bottom + row])
        if line[frame.left - 1] in "┤┼├":  # ├: a tick on a horizontal line (y = 0)
            ticks.append((row, _value(line[: frame.left - 1].strip())))
    return ticks


def read_x_ticks(matrix, frame) -> list[int]:
    """Canvas columns of the ┬ marks on the x axis."""
    line = "".join(matrix.marker[frame.bottom - 1])
    return [column for column in range(frame.columns) if line[frame.left + column] in "┬┼"]


def _value(label: str) -> float:
    return float(label.replace("e", "e")) if label else math.nan


@pytest.mark.parametrize("width, height", SIZES)
@pytest.mark.parametrize("name, description", defaults(), ids=lambda value: value if isinstance(value, str) else "")
def test_tick_labels_sit_on_the_rows_of_their_values_evenly_spaced(name, description, width, height):
    for panel in range(len(plots_of(description))):
        _, axes = drawn(description, width, height, panel)
        for matrix, frame in axes:
            rows = read_y_ticks(matrix, frame)
            assert len(rows) >= 2, (name, rows)
            gaps = {b[0] - a[0] for a, b in zip(rows, rows[1:])}
            assert len(gaps) == 1, (name, width, height, rows)  # equally many rows between labels
            if plots_of(description)[panel].yscale != "log":
                steps = {round(b[1] - a[1], 9) for a, b in zip(rows, rows[1:])}
                assert len(steps) == 1, (name, rows)  # and equal steps between their values
            for row, tick in zip((row for row, _ in rows), frame.y.ticks):
                # the row a label sits on is the row plotext draws that value in
                assert row == plot_axes.cell_of(tick, frame.y.low, frame.y.high, frame.rows), (name, row, tick)
            columns = read_x_ticks(matrix, frame)
            if len(frame.x.ticks) > 2:
                assert len({b - a for a, b in zip(columns, columns[1:])}) == 1, (name, columns)
            assert columns == [plot_axes.cell_of(t, frame.x.low, frame.x.high, frame.columns) for t in frame.x.ticks]


def test_the_old_uneven_ticks_are_gone_from_the_normal_panel():
    """The case the issue measured: the Normal panel at 120x40, 0.4→0.3 and 0.3→0.2 unequal."""
    _, axes = drawn(distributions.distribution_panels(), 116, 30)
    matrix, frame = axes[0]
    rows = read_y_ticks(matrix, frame)
    assert len({b[0] - a[0] for a, b in zip(rows, rows[1:])}) == 1, rows


def numeric_sweeps(block):
    """For every choice setting, each numeric parameter's whole range (the others at their defaults)."""
    choices = [param for param in block.params if param.is_choice]
    combos = [{}]
    for param in choices:
        combos = [{**combo, param.name: choice} for combo in combos for choice in param.choices]
    for combo in combos:
        for param in block.params:
            if param.is_choice:
                continue
            count = round((float(param.high) - float(param.low)) / float(param.step))
            values = [param.clamp(float(param.low) + index * float(param.step)) for index in range(0, count + 1, max(1, count // 12))]
            values.append(param.clamp(param.high))
            yield combo, param, values


@pytest.mark.parametrize("block", [b for b in figures.EXPLORABLES if b.name not in ("matmul-steps", "svd-compression")],
                         ids=lambda block: block.name)
def test_explorable_axes_stay_put_while_a_parameter_moves(block):
    for combo, param, values in numeric_sweeps(block):
        if block.name == "descent" and param.name == "steps":
            continue  # the x axis is the steps asked for: that parameter sets it, and the caption says so
        limits = set()
        for value in values:
            description = block.make_plot(**{**block.defaults(), **combo, param.name: value})
            if getattr(description, "message", None) is not None or param.name in description.inactive:
                continue
            _, axes = drawn(description, 76, 18)
            limits.add(tuple(round(v, 9) for v in (*axes[0][1].x.limits, *axes[0][1].y.limits)))
        assert len(limits) <= 1, (block.name, combo, param.name, sorted(limits))


def test_descent_says_its_x_axis_follows_the_steps():
    plot = descent.descent_plot(steps=200)
    assert plot.xlim == (0.0, 200.0) and "200 steps" in plot.caption[0]


@pytest.mark.parametrize("width, height", SIZES)
@pytest.mark.parametrize("block", [figures.TRANSFORM, figures.NORMS, figures.PCA], ids=lambda block: block.name)
def test_geometry_has_equal_scales_across_and_up(block, width, height):
    description = block.make_plot(**block.defaults())
    assert description.equal_aspect
    _, axes = drawn(description, width, height)
    frame = axes[0][1]
    # a cell is twice as tall as it is wide: a unit takes twice as many columns as rows
    columns_per_unit, rows_per_unit = 1 / frame.x.pitch, 1 / frame.y.pitch
    assert columns_per_unit == pytest.approx(2 * rows_per_unit)
    assert frame.x.ticks[1] - frame.x.ticks[0] == pytest.approx(frame.y.ticks[1] - frame.y.ticks[0])


def test_the_unit_circle_is_as_wide_as_it_is_tall_on_screen():
    description = eigen.transform_plot(a=1.0, b=0.0, c=0.0, d=1.0)  # M = I: the image is the circle
    _, axes = drawn(description, 116, 30)
    frame = axes[0][1]
    width_in_cells = 2 / frame.x.pitch  # a diameter of 2 units, in columns
    height_in_cells = 2 / frame.y.pitch
    assert width_in_cells == pytest.approx(2 * height_in_cells)  # twice the columns: as long on screen


def bar_columns(matrix, frame) -> list[str]:
    """Per canvas column, the bar characters in it, bottom row first."""
    blocks = set("▁▂▃▄▅▆▇█▌▖")
    columns = []
    for column in range(frame.columns):
        cells = [matrix.marker[frame.bottom + row][frame.left + column] for row in range(frame.rows)]
        columns.append("".join(cell for cell in cells[: max(1, frame.rows - frame.legend[0])] if cell in blocks))
    return columns


@pytest.mark.parametrize("width, height", SIZES[:2])
@pytest.mark.parametrize("case", ["panel", "explorable"])
def test_a_discrete_distribution_has_one_bar_per_k_with_gaps(case, width, height):
    if case == "panel":
        description, panel = distributions.distribution_panels(), 1
        plot = description.plots[1]
    else:
        description = plot = distributions.distribution_plot("Binomial", n="20", p=0.4, N=2000)
        panel = 0
    _, axes = drawn(description, width, height, panel)
    matrix, frame = axes[1] if width >= 110 and case == "panel" else axes[0]
    columns = bar_columns(matrix, frame)
    bars = next(series for series in plot.series if series.kind == "bar")
    tall = [k for k, value in zip(bars.x, bars.y) if value >= (frame.y.high - frame.y.low) / frame.rows]
    # bars: runs of whole-block columns, or single left-half-block columns (their right half is the gap)
    runs: list[list[int]] = []
    for index, text in enumerate(columns):
        if not text:
            continue
        half = set(text) <= set("▌▖")
        if runs and not half and runs[-1][-1] == index - 1 and not set(columns[index - 1]) <= set("▌▖"):
            runs[-1].append(index)
        else:
            runs.append([index])
    # one bar for every k tall enough to see ...
    assert len(runs) >= len(tall), (runs, tall)
    for first, second in zip(runs, runs[1:]):
        halves = set(columns[first[-1]]) <= set("▌▖")
        # ... with an empty column between neighbours, or the empty right half of a half block
        assert second[0] - first[-1] >= 2 or halves, columns


SUBJECTS = {
    "x-squared": "f(x) = x²",
    "tangent": "f(x) = x²",
    "matrix-circle": "image under M",
    "descent": "gradient descent",
    "sampling": "exact",
    "houses-fit": None,  # the fitted line: the only line
}


@pytest.mark.parametrize("name", sorted(SUBJECTS))
def test_the_subject_of_a_figure_gets_the_heaviest_mark(name):
    block = next(b for b in (*figures.FIGURES, *figures.EXPLORABLES) if b.name == name)
    description = block.make_plot(**(block.defaults() if hasattr(block, "defaults") else {}))
    lines = [s for s in description.series if s.kind in ("line", "scatter", "hline") and s.label]
    subject = next(s for s in lines if s.label == SUBJECTS[name]) if SUBJECTS[name] else next(
        s for s in lines if s.kind == "line"
    )
    others = [s for s in lines if s is not subject and s.style != "warning"]
    for other in others:
        assert MARK_WEIGHT[subject.marker] > MARK_WEIGHT[other.marker], (name, subject.label, other.label)


def test_the_first_unstyled_line_is_drawn_heaviest():
    from tutor.widgets.figures._plot_draw import LINE_MARKERS

    assert MARK_WEIGHT[LINE_MARKERS[0]] == max(MARK_WEIGHT[m] for m in LINE_MARKERS)


@pytest.mark.parametrize("width, height", SIZES[:2])
def test_the_y_label_stands_above_the_y_axis(width, height):
    text, axes = drawn(calculus.derivative_plot(), width, height)
    lines = text.splitlines()
    frame = axes[0][1]
    assert lines[0].startswith("y ") or lines[0] == "y"  # top left, above the axis
    under = len(frame.below)  # the legend's lines, when it is under the axes
    assert lines[-1 - under].strip() == "x"  # the x label alone under the axis
    assert "y" not in lines[-1 - under]
    assert lines[1].lstrip().startswith("┌") and lines[1].index("┌") == frame.left - 1


async def test_the_sampling_explorable_shows_and_visits_only_the_parameters_in_use():
    app = FigureHost(figures.DISTRIBUTIONS)
    async with app.run_test(size=(100, 30)) as pilot:
        block = app.query_one(ExplorableBlock)
        await built(pilot, block)
        block.focus()
        await pilot.pause()
        line = block.query_one(".parameters").render().plain
        assert "μ 0.00" in line and "σ 1.00" in line and "N 500" in line
        assert " n 20" not in line and " p 0.40" not in line and " a " not in line and " b " not in line
        visited = []
        for _ in range(5):
            await pilot.press("down")
            visited.append(block.params[block.selected].name)
        assert visited == ["mu", "sigma", "N", "dist", "mu"]
        await pilot.press("up")  # back to the shape, then on to Binomial
        assert block.params[block.selected].name == "dist"
        await pilot.press("right")
        await wait_until(pilot, lambda: block.description.title.startswith("Binomial"))
        visited = []
        for _ in range(4):
            await pilot.press("down")
            visited.append(block.params[block.selected].name)
        assert visited == ["n", "p", "N", "dist"]
        line = block.query_one(".parameters").render().plain
        assert "n 20" in line and "μ" not in line and "σ" not in line
        # a parameter the view ignores cannot be moved, even if chosen by hand
        block.selected = [p.name for p in block.params].index("mu")
        await pilot.press("right")
        assert block.current_values["mu"] == 0.0


def test_the_stepper_names_its_matrices_as_the_section_does():
    source = "\n".join(getattr(b, "code", "") or getattr(b, "text", "") or "" for b in MATRICES.blocks)
    assert "P @ Q" in source and "A @ B" not in source
    text = matrix_step_content(matrices.matmul_stepper(6), 80).plain
    assert text.startswith("P (3×2)") and "Q (2×3)" in text and "PQ = P @ Q (3×3)" in text
    assert "A (" not in text and "B (" not in text and "PQ[1, 2] = 3·9" in text
    assert "row 1 of P · column 2 of Q" in matrices.matmul_stepper(6).caption[0]
    assert "P @ Q" in figures.MATMUL.title


# ---------------------------------------------------------------- legends out of the data


def _data_cells(plot, frame) -> set[tuple[int, int]]:
    """(column, row from the canvas bottom) of every point of the plot's lines and scatters in view."""
    cells = set()
    for series in plot.series:
        if series.kind not in ("line", "scatter"):
            continue
        for x, y in zip(plot_axes.as_floats(series.x), plot_axes.as_floats(series.y)):
            if plot.yscale == "log":
                y = math.log10(y) if y > 0 else math.nan
            if not (math.isfinite(x) and math.isfinite(y)):
                continue
            if frame.x.low <= x <= frame.x.high and frame.y.low <= y <= frame.y.high:
                cells.add((plot_axes.cell_of(x, frame.x.low, frame.x.high, frame.columns),
                           plot_axes.cell_of(y, frame.y.low, frame.y.high, frame.rows)))
    return cells


def explorable_settings():
    for block in figures.EXPLORABLES:
        for combo, param, values in numeric_sweeps(block):
            for value in values[:: max(1, len(values) // 4)]:
                description = block.make_plot(**{**block.defaults(), **combo, param.name: value})
                if isinstance(description, Plot) and description.message is None:
                    yield block.name, description


@pytest.mark.parametrize("width, height", SIZES)
def test_no_legend_covers_data(width, height):
    """A legend inside the axes sits where no point is; one outside them is beside or under the canvas."""
    found = [(name, description) for name, description in defaults()]
    found += list(explorable_settings())
    for name, description in found:
        for panel, plot in enumerate(plots_of(description)):
            text, axes = drawn(description, width, height, panel)
            matrix, frame = axes[0] if not (isinstance(description, Panels) and width >= 110) else axes[panel]
            if frame.outside is None:
                rows, columns = frame.legend
                covered = {(c, r) for c, r in _data_cells(plot, frame) if r >= frame.rows - rows and c < columns}
                assert not covered, (name, width, height, sorted(covered)[:5])
                continue
            assert plot.legend == "outside" or plot.ylim is not None, name
            lines = text.splitlines()
            canvas_rows = range(len(lines) - frame.bottom - frame.rows, len(lines) - frame.bottom)
            for series in plot.series:
                if not series.label:
                    continue
                where = [index for index, line in enumerate(lines) if f" {series.label}" in line]
                assert where, (name, series.label)
                for index in where:
                    if frame.outside == "below":
                        assert index >= len(lines) - len(frame.below), (name, series.label)
                    else:  # beside: right of the canvas's frame
                        assert index in canvas_rows
                        assert lines[index].index(f" {series.label}") > frame.left + frame.columns, (name, series.label)


@pytest.mark.parametrize("block", [figures.TRANSFORM, figures.DETERMINANT, figures.PROJECTION, figures.NORMS, figures.PCA],
                         ids=lambda block: block.name)
def test_geometry_at_80x24_uses_its_rows_and_no_more_width_than_its_data(block):
    from tutor.widgets.figures._figure_view import square_height

    height = square_height(24)
    assert height >= 15  # the block's other rows (border, parameters, four readouts) leave this much at 24 rows
    description = block.make_plot(**block.defaults())
    for width in (46, 76):  # beside the sidebar, and without it
        _, axes = drawn(description, width, height)
        frame = axes[0][1]
        assert frame.rows >= 10, (block.name, frame.rows)
        x_span = description.xlim[1] - description.xlim[0]
        if frame.outside == "right":  # the room the x axis does not need holds the legend
            assert (frame.x.high - frame.x.low) <= x_span + 3 * frame.x.pitch, (block.name, frame.x)
