"""Gradient descent, the workhorse of machine learning.

Walk downhill: repeat  x ← x − η ∇f(x)  with a learning rate η.  Here it is
in general form, and applied to linear regression, where its answer can be
compared with the exact one from the normal equation.  Features should be
standardised first, or one badly scaled column forces a tiny η on all.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike


def standardize(X: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rescale each column to mean 0 and standard deviation 1:  z = (x − μ) / σ.

    σ is the population standard deviation √((1/n) Σ (xᵢ − μ)²).
    Returns (Z, μ, σ) so new data can be scaled the same way.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim not in (1, 2) or X.shape[0] == 0:
        raise ValueError(f"X must be a non-empty 1-D or 2-D array, got shape {X.shape}")
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    constant = np.flatnonzero(np.atleast_1d(std) == 0)
    if constant.size:
        raise ValueError(f"column {constant[0]} of X is constant (std 0) and cannot be standardized")
    return (X - mean) / std, mean, std


def _check_schedule(lr: float, steps: int) -> None:
    """A learning rate must be positive and a step count a whole number ≥ 0."""
    if not lr > 0:
        raise ValueError(f"lr must be > 0, got {lr}")
    if int(steps) != steps or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0, got {steps}")


def gradient_descent(
    grad: Callable[[np.ndarray], ArrayLike], x0: ArrayLike, lr: float, steps: int
) -> np.ndarray:
    """Iterate  xₜ₊₁ = xₜ − η ∇f(xₜ)  and return the whole path.

    Row t of the result is xₜ, from x₀ to x_steps, so its shape is
    (steps + 1, n).  A scalar x0 is treated as a 1-vector.
    """
    _check_schedule(lr, steps)
    x = np.atleast_1d(np.asarray(x0, dtype=float))
    if x.ndim != 1:
        raise ValueError(f"x0 must be a scalar or a 1-D vector, got shape {x.shape}")
    path = np.empty((int(steps) + 1, x.size))
    path[0] = x
    for t in range(int(steps)):
        x = x - lr * np.asarray(grad(x), dtype=float)
        path[t + 1] = x
    return path


def fit_linear_gd(
    X: ArrayLike, y: ArrayLike, lr: float = 0.1, steps: int = 1000
) -> tuple[np.ndarray, np.ndarray]:
    """Linear regression weights by batch gradient descent on the mean squared error.

    L(w) = (1/n) ‖X w − y‖²   and   ∇L(w) = (2/n) Xᵀ(X w − y).

    Start from w = 0 and take ``steps`` steps  w ← w − η ∇L(w).  X is used as
    given: add the bias column yourself (``add_bias``), ideally after
    standardising the features.  Returns (w, losses), where losses[t] is the
    MSE after step t + 1, so losses[-1] is the loss of the returned w.
    """
    _check_schedule(lr, steps)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have shape ({X.shape[0]},) to match X, got {y.shape}")
    n = X.shape[0]
    w = np.zeros(X.shape[1])
    losses = np.empty(int(steps))
    for t in range(int(steps)):
        w = w - lr * (2 / n) * (X.T @ (X @ w - y))
        losses[t] = np.mean((X @ w - y) ** 2)
    return w, losses


def descent_factors(X: ArrayLike, lr: float) -> np.ndarray:
    """How gradient descent on the MSE of X w ≈ y changes its error, direction by direction.

    With w* the least-squares weights, each step maps the error e = w − w* to
    (I − η H) e, where H = (2/n) XᵀX. Along H's eigenvector with eigenvalue μ the
    error is multiplied by 1 − ημ each step; the factors are returned, smallest first.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    curvatures = np.linalg.eigvalsh((2 / X.shape[0]) * (X.T @ X))
    return np.sort(1 - lr * curvatures)


def descent_regime(X: ArrayLike, lr: float, tol: float = 1e-9) -> tuple[str, float]:
    """What gradient descent with learning rate `lr` does on the MSE, and its worst factor.

    The largest |1 − ημ| (see ``descent_factors``) decides: above 1 the error grows
    ("diverging"); exactly 1 with a factor of −1 it flips sign every step and never
    shrinks ("oscillating"); below 1 it shrinks, "overshooting" (flipping sign as it
    goes) when some factor is negative, else plainly "converging".
    Returns (regime, the factor of largest size, sign included).
    """
    factors = descent_factors(X, lr)
    worst = float(factors[np.argmax(np.abs(factors))])
    size = abs(worst)
    if size > 1 + tol:
        return "diverging", worst
    if size >= 1 - tol:
        return ("oscillating" if worst < 0 else "stalled"), worst
    if factors[0] < -tol:
        return "overshooting", worst
    return "converging", worst
