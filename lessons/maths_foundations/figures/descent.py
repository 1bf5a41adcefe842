"""Section 9's descent explorable: the loss of gradient descent on the house data against the normal equation's.

Each step multiplies the error w − w* by (1 − lr·λ) along each eigen-direction of the
curvature; the readout names the regime (converging, overshooting, oscillating,
stalled, diverging) from the worst of those factors.
"""

from __future__ import annotations

import numpy as np

from lessons.maths_foundations.figures import HOUSES
from tutor.core.optimize import descent_regime, fit_linear_gd, standardize
from tutor.core.regression import add_bias, mse, normal_equation, predict, synthetic_houses
from tutor.lesson.numbers import fixed as _number  # a readout number: fixed decimals, no "-0.000"
from tutor.lesson.plots import Plot, Series

LIMIT = 100
"""Descent counts as diverged once its loss passes LIMIT times the starting loss (the y axis's top)."""


def descent_behaviour(regime: str, factor: float, steps: int) -> tuple[str, str]:
    """Two readout lines: what descent does at this learning rate, and why (its worst error factor)."""
    size = abs(factor)
    if regime == "diverging":
        return "diverging: the error w − w* grows", f"×{size:.2f} a step (flipping sign: lr too big)" if factor < 0 else f"×{size:.2f} a step"
    if regime == "oscillating":
        return (
            "oscillating: each step flips the error w − w*",
            "(×−1): w jumps between 0 and 2w*, the loss stays put",
        )
    if regime == "stalled":
        return "stalled: a step leaves the error w − w* as it was", "(×1): the loss cannot fall"
    left = size**steps
    share = f"{left:.0%}" if left >= 0.005 else "almost none"
    if size < 1e-9:
        return "converging in one step: lr is exactly 1/curvature", "the error w − w* is gone after the first step"
    if regime == "overshooting":
        return (
            "converging with overshoot: steps jump past the minimum",
            f"error w − w* ×{size:.3f} a step at worst; {share} left after {steps}",
        )
    return (
        "converging: every step moves towards the minimum",
        f"error w − w* ×{size:.3f} a step at worst; {share} left after {steps}",
    )


def descent_plot(lr: float = 0.1, steps: int = 100, scaled: str = "yes") -> Plot:
    """The loss of gradient descent on the house data, step by step, against the normal equation's.

    The readout says what descent does at this learning rate (converging, overshooting,
    oscillating or diverging), from the factor each step multiplies the error by.
    """
    x, y = synthetic_houses(**HOUSES)
    best_w = normal_equation(add_bias(x), y)
    best = mse(y, predict(add_bias(x), best_w))
    features, mean, std = standardize(x) if scaled == "yes" else (x, 0.0, 1.0)
    with np.errstate(all="ignore"):
        w, losses = fit_linear_gd(add_bias(features), y, lr=float(lr), steps=int(steps))
    regime, factor = descent_regime(add_bias(features), float(lr))
    behaviour = descent_behaviour(regime, factor, int(steps))
    start = float(np.mean(y**2))
    exact = f"normal eq.: MSE {_number(best)}  ŷ = {_number(best_w[0])} + {_number(best_w[1])}x"
    blown = ~np.isfinite(losses) | (losses > LIMIT * start)
    if blown.any():
        when = int(np.argmax(blown)) + 1
        return Plot(
            message=f"Diverged: the loss passed {LIMIT} × its start after {when} steps.",
            caption=(
                f"lr {lr:g} is too big for {'standardized' if scaled == 'yes' else 'raw'} features",
                *behaviour,
                exact,
            ),
        )
    slope = float(w[1] / std)
    intercept = float(w[0] - w[1] * mean / std)
    step_numbers = np.arange(1, len(losses) + 1)
    return Plot(
        series=(
            Series("hline", y=(best,), label="normal equation", style="success", marker="braille"),
            Series("line", step_numbers, losses, "gradient descent", marker="hd", style="primary"),
        ),
        xlabel="step",
        ylabel="MSE (log)",
        yscale="log",
        xlim=(0.0, float(steps)),
        ylim=(best / 2, LIMIT * start),
        caption=(
            f"x: the {int(steps)} steps asked for; y: the exact MSE up to divergence",
            *behaviour,
            f"descent:    MSE {_number(float(losses[-1]))}  ŷ = {_number(intercept)} + {_number(slope)}x",
            exact,
        ),
        legend="outside",
    )
