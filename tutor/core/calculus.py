"""Numerical calculus: derivatives and gradients by finite differences.

Backpropagation computes exact gradients; these functions estimate them by
nudging the input a little and watching the output move.  They are slow but
simple, which makes them the standard way to *check* a hand-written gradient.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike


def _check_step(h: float) -> None:
    """The finite-difference step must be a positive number."""
    if not h > 0:
        raise ValueError(f"h must be > 0, got {h}")


def derivative(f: Callable, x: ArrayLike, h: float = 1e-5) -> float | np.ndarray:
    """The central-difference estimate of f'(x):

        f'(x) ≈ (f(x + h) − f(x − h)) / 2h

    The error is about h² f'''(x) / 6, much smaller than the one-sided
    (f(x + h) − f(x)) / h.  Works for a scalar x or elementwise on an array
    of x, as long as f does.
    """
    _check_step(h)
    x = np.asarray(x, dtype=float)
    result = (f(x + h) - f(x - h)) / (2 * h)
    return result[()] if np.ndim(result) == 0 else result


def gradient(f: Callable[[np.ndarray], float], x: ArrayLike, h: float = 1e-5) -> np.ndarray:
    """The numerical gradient ∇f(x) of a scalar function of a vector.

    One central difference per coordinate, along the unit vector eᵢ:

        ∂f/∂xᵢ ≈ (f(x + h eᵢ) − f(x − h eᵢ)) / 2h

    The result has the same shape as x.
    """
    _check_step(h)
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        original = x[i]
        x[i] = original + h
        forward = f(x)
        x[i] = original - h
        backward = f(x)
        x[i] = original
        grad[i] = (forward - backward) / (2 * h)
    return grad


def gradient_check(
    f: Callable[[np.ndarray], float],
    grad_f: Callable[[np.ndarray], ArrayLike],
    x: ArrayLike,
    h: float = 1e-5,
) -> float:
    """Relative error between an analytic gradient and the numerical one:

        ‖g_num − g‖ / max(‖g_num‖ + ‖g‖, tiny)

    Around 1e-7 or less means the analytic gradient is right; around 1e-2
    or more means it has a bug.  ``tiny`` only guards the 0 / 0 case.
    """
    numerical = gradient(f, x, h)
    analytic = np.asarray(grad_f(np.array(x, dtype=float)), dtype=float)
    if analytic.shape != numerical.shape:
        raise ValueError(
            f"grad_f returned shape {analytic.shape}, expected the shape of x {numerical.shape}"
        )
    difference = np.linalg.norm(numerical - analytic)
    scale = np.linalg.norm(numerical) + np.linalg.norm(analytic)
    return float(difference / max(scale, np.finfo(float).tiny))
