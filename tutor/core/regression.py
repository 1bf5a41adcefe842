"""Linear regression by the normal equation.

A line (or hyperplane) ŷ = X w fitted by least squares: choose w to minimise
the squared error ‖X w − y‖².  Setting the gradient 2 Xᵀ(X w − y) to zero
gives the normal equation  XᵀX w = Xᵀy.  The module also has the usual
measures of fit and a small synthetic data set for the lessons.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def add_bias(x: ArrayLike) -> np.ndarray:
    """Design matrix with a leading column of ones: [1 | X].

    The column of ones lets the first weight act as the intercept, so
    ŷ = w₀ + w₁x₁ + … becomes the plain product X w.  A 1-D x is one feature.
    """
    x = np.asarray(x, dtype=float)
    if x.ndim == 1:
        x = x[:, None]
    if x.ndim != 2:
        raise ValueError(f"x must be 1-D or 2-D, got shape {x.shape}")
    return np.hstack([np.ones((x.shape[0], 1)), x])


def normal_equation(X: ArrayLike, y: ArrayLike) -> np.ndarray:
    """Least-squares weights w from the normal equation  XᵀX w = Xᵀy.

    The system is solved directly (``np.linalg.solve``), never by forming
    (XᵀX)⁻¹: solving is cheaper and more accurate than inverting.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (use add_bias), got shape {X.shape}")
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"y has {y.shape[0]} rows but X has {X.shape[0]}")
    return np.linalg.solve(X.T @ X, X.T @ y)


def predict(X: ArrayLike, w: ArrayLike) -> np.ndarray:
    """Predictions of a linear model: ŷ = X w."""
    return np.asarray(X, dtype=float) @ np.asarray(w, dtype=float)


def _check_same_shape(y: np.ndarray, y_hat: np.ndarray) -> None:
    """Targets and predictions must line up one to one."""
    if y.shape != y_hat.shape:
        raise ValueError(f"y and y_hat must have the same shape, got {y.shape} and {y_hat.shape}")
    if y.size == 0:
        raise ValueError("y must not be empty")


def mse(y: ArrayLike, y_hat: ArrayLike) -> float:
    """Mean squared error:  (1/n) Σᵢ (yᵢ − ŷᵢ)²."""
    y, y_hat = np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float)
    _check_same_shape(y, y_hat)
    return float(np.mean((y - y_hat) ** 2))


def r_squared(y: ArrayLike, y_hat: ArrayLike) -> float:
    """Coefficient of determination  R² = 1 − SSE / SST.

    SSE = Σ (yᵢ − ŷᵢ)² is the error left by the model and SST = Σ (yᵢ − ȳ)²
    the error of always guessing the mean, so R² is the share of the
    variance explained.  1 is a perfect fit; 0 is no better than the mean.
    When y is constant SST = 0 and R² is undefined: the result is nan.
    """
    y, y_hat = np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float)
    _check_same_shape(y, y_hat)
    sse = np.sum((y - y_hat) ** 2)
    sst = np.sum((y - y.mean()) ** 2)
    if sst == 0.0:
        return float("nan")
    return float(1.0 - sse / sst)


def synthetic_houses(n: int = 100, seed: int = 42) -> tuple[np.ndarray, np.ndarray]:
    """A toy housing data set: size x and price y = 3.5 x + 10 + noise.

    x ~ Uniform[0, 10] and noise ~ Normal(0, 2), drawn from
    ``np.random.default_rng(seed)`` in that order (all of x, then all of the
    noise), so the same seed always gives the same data.
    """
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 10, size=n)
    noise = rng.normal(0, 2, size=n)
    return x, 3.5 * x + 10 + noise


def project(X: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The orthogonal projection of y onto the column space of X: (w, ŷ = X w, r = y − ŷ).

    ŷ is the point X w nearest to y; the residual r is perpendicular to every column,
    Xᵀ r = 0, which is the normal equation XᵀX w = Xᵀy. A 1-D X is one column.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    y = np.asarray(y, dtype=float)
    w = normal_equation(X, y)
    y_hat = X @ w
    return w, y_hat, y - y_hat
