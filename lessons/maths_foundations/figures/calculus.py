"""Section 5's figures: f(x) = x² beside its derivative, and the tangent line explorable.

Both take the slope by central differences (`tutor.core.calculus.derivative`) and show
it beside the exact derivative, so the learner sees how close the numeric one is.
"""

from __future__ import annotations

import numpy as np

from tutor.core.calculus import derivative
from tutor.lesson.numbers import fixed as _number  # a readout number: fixed decimals, no "-0.000"
from tutor.lesson.plots import Plot, Series


def derivative_plot() -> Plot:
    """f(x) = x² and its derivative on [-3, 3], the slope taken by central differences."""
    x = np.linspace(-3, 3, 241)
    slope = derivative(np.square, x)
    gap = float(np.max(np.abs(slope - 2 * x)))
    return Plot(
        series=(
            Series("hline", y=(0.0,), style="muted"),
            Series("line", x, x**2, "f(x) = x²", marker="hd", style="primary"),
            Series("line", x, slope, "f′(x) = 2x", marker="braille", style="accent"),
        ),
        xlabel="x",
        ylabel="y",
        xlim=(-3.0, 3.0),
        ylim=(-6.5, 9.5),
        caption=(
            "f′ < 0 where f falls, 0 at its bottom, 6 at 3",
            f"central differences match 2x within {gap:.0e}",
        ),
    )


def _tangent_function(name: str):
    """(f, exact f′, y limits) for one of `figures.TANGENT_FUNCTIONS`."""
    if name == "sin x":
        return np.sin, np.cos, (-1.6, 1.6)
    if name == "eˣ":
        return np.exp, np.exp, (-1.0, 20.5)
    return np.square, (lambda x: 2 * x), (-2.0, 9.5)


def tangent_plot(x0: float = 1.0, function: str = "x²") -> Plot:
    """f with its tangent line at x₀, y = f(x₀) + f′(x₀)(x − x₀).

    The readout puts the exact slope beside the central-difference one, and their difference.
    """
    f, exact, (low, high) = _tangent_function(function)
    x = np.linspace(-3, 3, 161)
    y0 = float(f(x0))
    numeric = float(derivative(f, x0))
    analytic = float(exact(x0))
    near = np.linspace(max(-3.0, x0 - 2.0), min(3.0, x0 + 2.0), 81)
    line = y0 + numeric * (near - x0)
    inside = (line >= low) & (line <= high)
    return Plot(
        series=(
            Series("hline", y=(0.0,), style="muted"),
            Series("line", x, f(x), f"f(x) = {function}", marker="hd", style="primary"),
            Series("line", near[inside], line[inside], "tangent", marker="braille", style="accent"),
            Series("scatter", (x0,), (y0,), "x₀", marker="●", style="warning"),
        ),
        xlabel="x",
        ylabel="y",
        xlim=(-3.0, 3.0),
        ylim=(low, high),
        legend="outside",
        caption=(
            f"at x₀ = {_number(x0, 2)}: f(x₀) = {_number(y0, 4)}",
            f"slope exact {_number(analytic, 6)}, numeric {_number(numeric, 6)}",
            f"difference {abs(analytic - numeric):.1e} (central, h = 1e-5)",
        ),
    )
