"""Section 7's figures: the house data with the line the normal equation fits, and least squares as a projection.

The projection explorable has one column x, so Xw moves along a line; the residual
y − Xw is shortest, and perpendicular to x, at the w that solves xᵀx w = xᵀy.
"""

from __future__ import annotations

import math

import numpy as np

from lessons.maths_foundations.figures import HOUSES, PROJECTION_W_RANGE
from tutor.core.regression import add_bias, normal_equation, predict, project, r_squared, synthetic_houses
from tutor.lesson.numbers import fixed as _number  # a readout number: fixed decimals, no "-0.000"
from tutor.lesson.plots import Plot, Series

PROJECTION_COLUMN = (2.0, 1.0)
"""The one column x of the projection explorable's X: its column space is the line through 0 along x."""
PROJECTION_Y = (1.0, 2.0)


def houses_plot() -> Plot:
    """The house data with the line the normal equation fits, its equation and R²."""
    x, y = synthetic_houses(**HOUSES)
    X = add_bias(x)
    w = normal_equation(X, y)
    r2 = r_squared(y, predict(X, w))
    ends = np.array([0.0, 10.0])
    equation = f"ŷ = {w[0]:.2f} + {w[1]:.2f}x"
    return Plot(
        series=(
            Series("scatter", x, y, "houses", marker="•", style="muted"),
            Series("line", ends, predict(add_bias(ends), w), f"{equation}, R² = {r2:.3f}", marker="hd", style="accent"),
        ),
        xlabel="area (tens of m²)",
        ylabel="price",
        xlim=(0.0, 10.0),
        caption=(
            f"fitted {equation}; true line 10 + 3.5x",
            f"R² = {r2:.4f}: explains {r2:.0%} of the variance",
        ),
    )


def projection_plot(w: float = 0.3) -> Plot:
    """y, the line spanned by X's one column x, the point Xw, and the residual y − Xw.

    The residual is shortest, and perpendicular to x, at the least-squares w.
    """
    x = np.array(PROJECTION_COLUMN)
    y = np.array(PROJECTION_Y)
    w = float(w)
    best_w, nearest, best_r = project(x, y)
    best = float(best_w[0])
    point = w * x
    r = y - point
    length = float(np.linalg.norm(r))
    along = float(x @ r)
    s = np.array([-0.5, PROJECTION_W_RANGE[1] + 0.1])
    perpendicular = abs(along) < 1e-9
    if perpendicular:
        angle = "0, so r ⟂ x: Xw is the point nearest y"
    else:
        degrees = math.degrees(math.acos(max(-1.0, min(1.0, along / (length * float(np.linalg.norm(x)))))))
        angle = f"{_number(along, 2)}, not 0: r and x make {degrees:.0f}°, not 90°"
    return Plot(
        series=(
            Series("line", s * x[0], s * x[1], "column space", marker="braille", style="muted"),
            Series("line", (0.0, y[0]), (0.0, y[1]), "y", marker="hd", style="primary"),
            Series("line", (point[0], y[0]), (point[1], y[1]), "r = y − Xw", marker="•", style="accent"),
            Series("scatter", (float(nearest[0]),), (float(nearest[1]),), "nearest", marker="+", style="success"),
            Series("scatter", (float(point[0]),), (float(point[1]),), "Xw", marker="●", style="warning"),
        ),
        xlabel="coordinate 1",
        ylabel="coordinate 2",
        xlim=(-1.0, 4.5),
        ylim=(-0.75, 2.5),
        equal_aspect=True,
        caption=(
            f"w = {_number(w, 2)}: ‖r‖ = ‖y − Xw‖ = {_number(length, 3)}",
            f"xᵀr = {angle}",
            f"best w = {_number(best, 2)} solves xᵀx w = xᵀy; then ‖r‖ = {_number(float(np.linalg.norm(best_r)), 3)}",
        ),
        legend="outside",
    )
