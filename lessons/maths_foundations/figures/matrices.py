"""What a matrix does: section 3's product filled one entry at a time, section 4's determinant as an area.

The stepper describes `MatrixStep`s (the widget lays out the three matrices and the
dot product being taken); the determinant explorable draws the unit square and the
parallelogram M makes of it.
"""

from __future__ import annotations

import numpy as np

from lessons.maths_foundations.figures import DET_RANGE, LESSON_A, LESSON_B
from tutor.core.linalg import dot, signed_area, unit_square_image
from tutor.lesson.numbers import fixed as _number  # a readout number: fixed decimals, no "-0.000"
from tutor.lesson.plots import MatrixStep, Plot, Series

MATMUL_NAMES = ("P", "Q", "PQ")
"""What section 3's prose and listings call the two matrices and their product."""


def matmul_step(A, B, step: int, names: tuple[str, str, str] = ("A", "B", "C")) -> MatrixStep:
    """The product A @ B after `step` entries of C have been filled, row by row.

    Step 0 is the empty C; step s fills entry s - 1 (counting along rows) with
    row i of A dotted with column j of B: Cᵢⱼ = Σₜ Aᵢₜ Bₜⱼ. Works for any (m, k) @ (k, n). `names`
    are what the captions and the drawing call the two factors and the product.
    """
    A, B = np.asarray(A), np.asarray(B)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[0]:
        raise ValueError(f"cannot multiply shapes {A.shape} and {B.shape}")
    rows, inner, columns = A.shape[0], A.shape[1], B.shape[1]
    step = max(0, min(int(step), rows * columns))
    integers = np.issubdtype(A.dtype, np.integer) and np.issubdtype(B.dtype, np.integer)
    C: list[list] = [[None] * columns for _ in range(rows)]
    for index in range(step):
        i, j = divmod(index, columns)
        value = dot(A[i], B[:, j])
        C[i][j] = int(value) if integers else value
    a_rows, b_rows = A.tolist(), B.tolist()
    first, second, product = names
    if step == 0:
        return MatrixStep(
            a_rows, b_rows, C, None, None,
            caption=(f"{product} will be {rows}×{columns}: one dot product per entry.", "Press → to fill the next entry."),
            names=names,
        )
    i, j = divmod(step - 1, columns)
    terms = tuple((a_rows[i][t], b_rows[t][j]) for t in range(inner))
    caption = [f"step {step} of {rows * columns}: row {i} of {first} · column {j} of {second}"]
    if step == rows * columns:
        caption.append(f"{product} is complete, and it equals {first} @ {second}.")
    return MatrixStep(a_rows, b_rows, C, i, j, terms, tuple(caption), names=names)


def matmul_stepper(step: int = 0) -> MatrixStep:
    """The lesson's P (3×2) times Q (2×3), one entry of PQ at a time."""
    return matmul_step(LESSON_A, LESSON_B, step, MATMUL_NAMES)


def determinant_reach() -> float:
    """Half the width of the determinant explorable's axes: a corner M e₁ + M e₂ has coordinates up to 2 · 1.5."""
    largest = max(abs(DET_RANGE[0]), abs(DET_RANGE[1]))
    return 2 * largest + 0.25


def _factor(value: float) -> str:
    """A factor in a written-out product: one decimal, in brackets when negative."""
    text = _number(value, 1)
    return f"({text})" if text.startswith("-") else text


def determinant_plot(a: float = 1.5, b: float = 0.5, c: float = 0.0, d: float = 1.0) -> Plot:
    """The unit square and the parallelogram M makes of it.

    Its area is |det M| = |ad − bc|; the sign says whether M e₁ to M e₂ still turns anticlockwise.
    """
    M = np.array([[a, b], [c, d]], dtype=float)
    square = unit_square_image(np.eye(2))
    image = unit_square_image(M)
    area = signed_area(image)
    det = float(a * d - b * c)
    loop = lambda corners: (tuple(corners[[0, 1, 2, 3, 0], 0]), tuple(corners[[0, 1, 2, 3, 0], 1]))  # noqa: E731
    e1, e2 = image[1], image[3]
    series = (
        Series("line", *loop(square), "unit square", marker="braille", style="muted"),
        Series("line", *loop(image), "M · square", marker="hd", style="primary"),
        Series("line", (0.0, float(e1[0])), (0.0, float(e1[1])), "M e₁", marker="•", style="accent"),
        Series("line", (0.0, float(e2[0])), (0.0, float(e2[1])), "M e₂", marker="+", style="success"),
    )
    if abs(det) < 1e-12:
        onto = "a point" if not np.any(M) else "a line"
        sense = f"det = 0: the square collapses onto {onto}; M has no inverse"
    elif det > 0:
        sense = "det > 0: from M e₁ to M e₂ still turns anticlockwise"
    else:
        sense = "det < 0: a flip: from M e₁ to M e₂ now turns clockwise"
    reach = determinant_reach()
    return Plot(
        series=series,
        xlabel="x",
        ylabel="y",
        xlim=(-reach, reach),
        ylim=(-reach, reach),
        equal_aspect=True,
        caption=(
            f"M = [[{_number(a, 1)}, {_number(b, 1)}], [{_number(c, 1)}, {_number(d, 1)}]]",
            f"det M = ad − bc = {_factor(a)}·{_factor(d)} − {_factor(b)}·{_factor(c)} = {_number(det, 2)}",
            f"area of the parallelogram {_number(abs(area), 2)} = |det M|",
            sense,
        ),
        legend="outside",
    )
