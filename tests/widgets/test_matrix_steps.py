"""The matrix-multiplication stepper: the steps fill C = A @ B, and the highlight reads without colour."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lessons.maths_foundations.figures import LESSON_A
from lessons.maths_foundations.figures.matrices import matmul_step, matmul_stepper
from tests.helpers import type_keys
from tests.widgets.figure_host import FigureHost, built, screen_text
from tutor.lesson.plots import MatrixStep
from tutor.widgets.figures._explorable import ExplorableBlock
from tutor.widgets.figures._matrix_steps import matrix_step_content

shapes = st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5))


@st.composite
def operands(draw) -> tuple[np.ndarray, np.ndarray]:
    rows, inner, columns = draw(shapes)
    dtype = draw(st.sampled_from([np.int64, np.float64]))
    elements = (
        st.integers(-50, 50) if dtype is np.int64 else st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
    )
    A = draw(arrays(dtype, (rows, inner), elements=elements))
    B = draw(arrays(dtype, (inner, columns), elements=elements))
    return A, B


@settings(max_examples=60, deadline=None)
@given(operands())
def test_after_the_last_step_C_equals_A_at_B(pair):
    A, B = pair
    rows, columns = A.shape[0], B.shape[1]
    last = matmul_step(A, B, rows * columns)
    C = np.array(last.C, dtype=float)
    np.testing.assert_allclose(C, A @ B, rtol=1e-12, atol=1e-9)
    if A.dtype.kind == "i":
        assert np.array_equal(C, A @ B)
    assert last.caption[-1] == "C is complete, and it equals A @ B."


@settings(max_examples=40, deadline=None)
@given(operands(), st.data())
def test_each_step_fills_one_more_entry_from_its_row_and_column(pair, data):
    A, B = pair
    rows, columns = A.shape[0], B.shape[1]
    step = data.draw(st.integers(1, rows * columns))
    description = matmul_step(A, B, step)
    filled = [(i, j) for i in range(rows) for j in range(columns) if description.C[i][j] is not None]
    assert filled == [divmod(index, columns) for index in range(step)]  # row by row, in order
    i, j = divmod(step - 1, columns)
    assert (description.i, description.j) == (i, j)
    assert description.terms == tuple(zip(A[i].tolist(), B[:, j].tolist()))
    assert np.isclose(sum(a * b for a, b in description.terms), description.C[i][j])


def test_step_zero_is_an_empty_product():
    description = matmul_stepper(0)
    assert description.i is None and all(value is None for row in description.C for value in row)
    assert [list(row) for row in description.A] == [list(row) for row in LESSON_A]


def test_the_highlight_is_in_brackets_so_it_reads_without_colour():
    description = matmul_stepper(6)  # C[1, 2] = row 1 of A · column 2 of B
    text = matrix_step_content(description, width=80).plain
    lines = text.splitlines()
    assert "[ 3] [ 4]" in text  # row 1 of A
    assert sum("[ 9]" in line or "[12]" in line for line in lines) == 2  # column 2 of B
    assert "[75]" in text and "[ 1]" not in text and "[ 7]" not in text
    assert "PQ[1, 2] = 3·9 + 4·12" in text and "= 27 + 48 = 75" in text
    narrow = matrix_step_content(description, width=40).plain
    assert max(len(line) for line in narrow.splitlines()) <= 40  # C goes under A and B
    assert "[75]" in narrow


def test_a_step_of_non_integers_is_written_briefly():
    description = MatrixStep(A=[[0.5]], B=[[1 / 3]], C=[[0.5 / 3]], i=0, j=0, terms=((0.5, 1 / 3),))
    text = matrix_step_content(description).plain
    assert "0.3333" in text and "0.1667" in text and "0.333333" not in text


async def test_the_stepper_walks_through_the_product_with_the_keys():
    from lessons.maths_foundations import figures

    app = FigureHost(figures.MATMUL)
    async with app.run_test(size=(80, 24)) as pilot:
        block = app.query_one(ExplorableBlock)
        await built(pilot, block)
        block.focus()
        await type_keys(pilot, *["right"] * 9)
        await pilot.pause()
        assert block.current_values["step"] == 9
        assert block.description.C == [[27, 30, 33], [61, 68, 75], [95, 106, 117]]
        assert "PQ is complete" in screen_text(app)
        await pilot.press("right")  # the end: nothing more to fill
        assert block.current_values["step"] == 9
        await pilot.press("0")
        await pilot.pause()
        assert block.current_values["step"] == 0
