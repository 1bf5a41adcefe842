"""Tests for tutor.core.regression: least squares, fit measures, the house data."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from tutor.core.regression import (
    add_bias,
    mse,
    normal_equation,
    predict,
    r_squared,
    synthetic_houses,
)

from .helpers import PROPERTY, finite, seeds


def test_synthetic_houses_lesson_figures():
    """The figures the lesson quotes: intercept 9.897, slope 3.515, R² 0.9598."""
    x, y = synthetic_houses()
    X = add_bias(x)
    intercept, slope = normal_equation(X, y)
    assert round(intercept, 3) == 9.897
    assert round(slope, 3) == 3.515
    assert round(r_squared(y, predict(X, [intercept, slope])), 4) == 0.9598


@PROPERTY
@given(n=st.integers(1, 200), seed=seeds)
def test_synthetic_houses_draws_x_then_noise(n, seed):
    rng = np.random.default_rng(seed)
    x_expected = rng.uniform(0, 10, size=n)
    noise = rng.normal(0, 2, size=n)
    x, y = synthetic_houses(n, seed)
    np.testing.assert_array_equal(x, x_expected)
    np.testing.assert_allclose(y, 3.5 * x_expected + 10 + noise, rtol=1e-15)


def test_synthetic_houses_rejects_empty():
    with pytest.raises(ValueError, match="n must be >= 1"):
        synthetic_houses(0)


@PROPERTY
@given(
    x=hnp.arrays(
        np.float64, st.one_of(st.integers(0, 10), st.tuples(st.integers(0, 10), st.integers(0, 4)))
    )
)
def test_add_bias_puts_ones_first(x):
    X = add_bias(x)
    features = x.reshape(len(x), 1) if x.ndim == 1 else x
    assert X.shape == (len(x), features.shape[1] + 1)
    np.testing.assert_array_equal(X[:, 0], 1.0)
    np.testing.assert_array_equal(X[:, 1:], features)


def test_add_bias_rejects_3d():
    with pytest.raises(ValueError, match="x must be 1-D or 2-D"):
        add_bias(np.ones((2, 2, 2)))


@st.composite
def regression_problems(draw):
    """A well-posed least-squares problem: Gaussian features with a bias column."""
    rng = np.random.default_rng(draw(seeds))
    d = draw(st.integers(1, 5))
    n = draw(st.integers(d + 3, 60))
    features = rng.normal(size=(n, d)) * draw(finite(0.1, 10))
    true_w = rng.normal(size=d + 1) * 5
    X = add_bias(features)
    y = X @ true_w + rng.normal(size=n) * draw(finite(0, 3))
    return X, y


@PROPERTY
@given(problem=regression_problems())
def test_normal_equation_matches_lstsq(problem):
    X, y = problem
    expected, *_ = np.linalg.lstsq(X, y, rcond=None)
    np.testing.assert_allclose(normal_equation(X, y), expected, atol=1e-8, rtol=1e-8)


def test_normal_equation_never_inverts(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("normal_equation must not call np.linalg.inv")

    monkeypatch.setattr(np.linalg, "inv", forbidden)
    x, y = synthetic_houses()
    normal_equation(add_bias(x), y)


def test_normal_equation_rejects_mismatched_rows():
    with pytest.raises(ValueError, match="y has 4 rows but X has 3"):
        normal_equation(np.ones((3, 2)), np.ones(4))


@PROPERTY
@given(problem=regression_problems(), seed=seeds)
def test_predict_mse_and_r_squared(problem, seed):
    X, y = problem
    w = np.random.default_rng(seed).normal(size=X.shape[1])
    y_hat = predict(X, w)
    np.testing.assert_allclose(y_hat, X @ w, rtol=1e-12, atol=1e-12)
    assert mse(y, y_hat) == pytest.approx(np.mean((y - y_hat) ** 2), rel=1e-12)
    sse, sst = np.sum((y - y_hat) ** 2), np.sum((y - np.mean(y)) ** 2)
    assert r_squared(y, y_hat) == pytest.approx(1 - sse / sst, rel=1e-12, abs=1e-12)
    assert r_squared(y, y_hat) == pytest.approx(1 - mse(y, y_hat) / np.var(y), rel=1e-9, abs=1e-9)


@PROPERTY
@given(problem=regression_problems())
def test_least_squares_fit_has_r_squared_in_unit_interval(problem):
    X, y = problem
    score = r_squared(y, predict(X, normal_equation(X, y)))
    assert -1e-12 <= score <= 1 + 1e-12


def test_r_squared_of_constant_target_is_nan():
    assert np.isnan(r_squared(np.ones(4), np.zeros(4)))


@pytest.mark.parametrize("function", [mse, r_squared])
def test_fit_measures_reject_mismatched_shapes(function):
    with pytest.raises(ValueError, match=r"same shape, got \(3,\) and \(4,\)"):
        function(np.ones(3), np.ones(4))
