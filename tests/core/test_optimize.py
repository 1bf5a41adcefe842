"""Tests for tutor.core.optimize: standardisation and gradient descent."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from tutor.core.optimize import fit_linear_gd, gradient_descent, standardize
from tutor.core.regression import add_bias, mse, normal_equation

from .helpers import PROPERTY, finite, random_orthogonal, seeds


@PROPERTY
@given(X=hnp.arrays(np.float64, st.tuples(st.integers(2, 30), st.integers(1, 5)), elements=finite(-1e3, 1e3)))
def test_standardize_matches_zscore(X):
    assume(np.all(X.std(axis=0) > 1e-6))
    Z, mean, std = standardize(X)
    np.testing.assert_allclose(Z, scipy.stats.zscore(X, axis=0, ddof=0), atol=1e-9)
    np.testing.assert_allclose(mean, X.mean(axis=0))
    np.testing.assert_allclose(std, X.std(axis=0))
    np.testing.assert_allclose(Z * std + mean, X, atol=1e-9 * 1e3)


def test_standardize_rejects_constant_column():
    X = np.column_stack([np.arange(5.0), np.ones(5)])
    with pytest.raises(ValueError, match="column 1 of X is constant"):
        standardize(X)


@PROPERTY
@given(x0=finite(-100, 100), lr=finite(0.01, 0.45), steps=st.integers(0, 50))
def test_gradient_descent_on_a_parabola_follows_the_closed_form(x0, lr, steps):
    """For f(x) = x², x ← x − η·2x, so xₜ = x₀ (1 − 2η)ᵗ."""
    path = gradient_descent(lambda x: 2 * x, x0, lr, steps)
    assert path.shape == (steps + 1, 1)
    expected = x0 * (1 - 2 * lr) ** np.arange(steps + 1)
    np.testing.assert_allclose(path[:, 0], expected, rtol=1e-9, atol=1e-12)


@PROPERTY
@given(n=st.integers(1, 5), seed=seeds, data=st.data())
def test_gradient_descent_descends_a_convex_quadratic(n, seed, data):
    eigenvalues = np.array(data.draw(st.lists(finite(0.5, 10), min_size=n, max_size=n)))
    Q = random_orthogonal(n, seed)
    A = Q @ np.diag(eigenvalues) @ Q.T
    x0 = np.random.default_rng(seed).normal(size=n)
    lr = 1 / eigenvalues.max()
    path = gradient_descent(lambda x: A @ x, x0, lr, 400)
    assert path.shape == (401, n)
    np.testing.assert_array_equal(path[0], x0)
    values = [0.5 * x @ A @ x for x in path]
    assert all(later <= earlier + 1e-12 for earlier, later in zip(values, values[1:]))
    assert np.linalg.norm(path[-1]) <= 1e-6 * max(1.0, np.linalg.norm(x0))


@st.composite
def standardized_problems(draw):
    """Correlated Gaussian features, standardised, with a bias column and noisy targets."""
    rng = np.random.default_rng(draw(seeds))
    d = draw(st.integers(1, 4))
    n = draw(st.integers(d + 10, 120))
    mixing = np.eye(d) + draw(finite(0, 0.8)) * rng.normal(size=(d, d))
    raw = rng.normal(size=(n, d)) @ mixing * rng.uniform(0.1, 1000, size=d) + rng.normal(size=d) * 100
    X = add_bias(standardize(raw)[0])
    y = X @ rng.normal(size=d + 1) * 3 + rng.normal(size=n) * draw(finite(0, 2))
    return X, y


@PROPERTY
@given(problem=standardized_problems())
def test_fit_linear_gd_converges_to_the_normal_equation(problem):
    X, y = problem
    n = len(X)
    curvature = np.linalg.eigvalsh(2 / n * X.T @ X)  # Hessian of the MSE
    assume(curvature[0] / curvature[-1] > 0.01)
    lr = 1 / curvature[-1]
    contraction = 1 - curvature[0] / curvature[-1]  # error shrinks by this factor per step
    steps = 10 + (math.ceil(math.log(1e-12) / math.log(contraction)) if contraction > 1e-12 else 0)
    w, losses = fit_linear_gd(X, y, lr=lr, steps=steps)
    np.testing.assert_allclose(w, normal_equation(X, y), atol=1e-6)
    assert losses.shape == (steps,)
    assert losses[-1] == pytest.approx(mse(y, X @ w), rel=1e-12)
    assert np.all(np.diff(losses) <= 1e-12 * np.mean(y**2))  # never goes uphill


def test_fit_linear_gd_with_defaults_on_the_house_data():
    from tutor.core.regression import synthetic_houses

    x, y = synthetic_houses()
    X = add_bias(standardize(x)[0])
    w, losses = fit_linear_gd(X, y)
    np.testing.assert_allclose(w, normal_equation(X, y), atol=1e-6)
    assert len(losses) == 1000


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"lr": 0.0}, "lr must be > 0"),
        ({"lr": -0.1}, "lr must be > 0"),
        ({"steps": -1}, "steps must be a whole number >= 0"),
        ({"steps": 2.5}, "steps must be a whole number >= 0"),
    ],
)
def test_schedules_reject_bad_parameters(kwargs, message):
    schedule = {"lr": 0.1, "steps": 10} | kwargs
    with pytest.raises(ValueError, match=message):
        gradient_descent(lambda x: x, np.ones(2), **schedule)
    with pytest.raises(ValueError, match=message):
        fit_linear_gd(np.ones((3, 2)), np.ones(3), **schedule)


def test_fit_linear_gd_rejects_mismatched_y():
    with pytest.raises(ValueError, match=r"y must have shape \(3,\)"):
        fit_linear_gd(np.ones((3, 2)), np.ones(4))
