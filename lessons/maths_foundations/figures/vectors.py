"""Section 9's norms explorable: the L1, L2 and L∞ unit balls and one point's three norms.

‖v‖₁ = |x| + |y|, ‖v‖₂ = √(x² + y²), ‖v‖∞ = max(|x|, |y|); the readout says which balls
hold the point, and that always ‖v‖∞ ≤ ‖v‖₂ ≤ ‖v‖₁.
"""

from __future__ import annotations

import math

import numpy as np

from lessons.maths_foundations.figures import NORM_POINT_RANGE
from tutor.core.linalg import norm
from tutor.lesson.numbers import fixed as _number  # a readout number: fixed decimals, no "-0.000"
from tutor.lesson.plots import Plot, Series


def norms_plot(x: float = 1.2, y: float = 0.8) -> Plot:
    """The L1, L2 and L∞ unit balls, and the point (x, y) with its three norms."""
    angle = np.linspace(0, 2 * np.pi, 181)
    point = (float(x), float(y))
    l1, l2, linf = norm(point, 1), norm(point, 2), norm(point, math.inf)
    inside = [name for name, value in (("L1", l1), ("L2", l2), ("L∞", linf)) if value <= 1]
    where = (
        "inside every unit ball" if len(inside) == 3
        else "outside every unit ball" if not inside
        else "inside the " + " and ".join(inside) + " ball" + ("s" if len(inside) > 1 else "") + " only"
    )
    reach = 1.15 * max(abs(end) for end in NORM_POINT_RANGE)
    return Plot(
        series=(
            Series("line", (1, 0, -1, 0, 1), (0, 1, 0, -1, 0), "‖v‖₁ = 1", marker="hd", style="primary"),
            Series("line", np.cos(angle), np.sin(angle), "‖v‖₂ = 1", marker="braille", style="accent"),
            Series("line", (1, -1, -1, 1, 1), (1, 1, -1, -1, 1), "‖v‖∞ = 1", marker="•", style="success"),
            Series("scatter", (point[0],), (point[1],), "p", marker="●", style="warning"),
        ),
        xlabel="x",
        ylabel="y",
        xlim=(-reach, reach),
        ylim=(-reach, reach),
        equal_aspect=True,
        caption=(
            f"‖p‖₁ = {_number(l1, 2)}   ‖p‖₂ = {_number(l2, 2)}   ‖p‖∞ = {_number(linf, 2)}",
            f"p is {where}",
            "always ‖p‖∞ ≤ ‖p‖₂ ≤ ‖p‖₁",
        ),
        legend="outside",
    )
