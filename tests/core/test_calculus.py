"""Property tests for tutor.core.calculus against analytic derivatives."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.polynomial import Polynomial

from tutor.core.calculus import derivative, gradient, gradient_check

from .helpers import PROPERTY, finite

polynomials = st.lists(finite(-10, 10), min_size=1, max_size=5).map(Polynomial)


@PROPERTY
@given(poly=polynomials, x=finite(-3, 3))
def test_derivative_of_polynomials(poly, x):
    assert abs(derivative(poly, x) - poly.deriv()(x)) <= 1e-6


@PROPERTY
@given(x=finite(-10, 10))
def test_derivative_of_sine_is_cosine(x):
    assert abs(derivative(np.sin, x) - np.cos(x)) <= 1e-6


@PROPERTY
@given(poly=polynomials, xs=hnp.arrays(np.float64, st.integers(0, 20), elements=finite(-3, 3)))
def test_derivative_works_elementwise_on_arrays(poly, xs):
    result = derivative(poly, xs)
    assert result.shape == xs.shape
    np.testing.assert_allclose(result, poly.deriv()(xs), atol=1e-6)


@st.composite
def quadratics(draw):
    """f(x) = ½ xᵀAx + bᵀx + Σ sin xᵢ, its exact gradient, and a point x."""
    n = draw(st.integers(1, 5))
    A = draw(hnp.arrays(np.float64, (n, n), elements=finite(-5, 5)))
    b = draw(hnp.arrays(np.float64, n, elements=finite(-5, 5)))
    x = draw(hnp.arrays(np.float64, n, elements=finite(-3, 3)))

    def f(v):
        return 0.5 * v @ A @ v + b @ v + np.sum(np.sin(v))

    def grad_f(v):
        return 0.5 * (A + A.T) @ v + b + np.cos(v)

    return f, grad_f, x


@PROPERTY
@given(problem=quadratics())
def test_gradient_matches_analytic_gradient(problem):
    f, grad_f, x = problem
    numerical = gradient(f, x)
    assert numerical.shape == x.shape
    np.testing.assert_allclose(numerical, grad_f(x), atol=1e-6)


def test_gradient_keeps_the_shape_of_x_and_leaves_x_alone():
    x = np.arange(6.0).reshape(2, 3)
    before = x.copy()
    grad = gradient(lambda v: np.sum(v**2), x)
    np.testing.assert_allclose(grad, 2 * x, atol=1e-8)
    np.testing.assert_array_equal(x, before)


@PROPERTY
@given(problem=quadratics())
def test_gradient_check_accepts_a_correct_gradient(problem):
    f, grad_f, x = problem
    # A relative error means nothing when the true gradient is itself rounding noise.
    assume(np.linalg.norm(grad_f(x)) > 0.1)
    assert gradient_check(f, grad_f, x) < 1e-6


@PROPERTY
@given(problem=quadratics())
def test_gradient_check_rejects_a_wrong_gradient(problem):
    f, grad_f, x = problem
    true = grad_f(x)
    assume(np.linalg.norm(true) > 1e-3)
    worst = np.argmax(np.abs(true))

    def wrong(v):  # the classic bug: one coordinate with the wrong sign
        g = grad_f(v).copy()
        g[worst] = -g[worst]
        return g

    assert gradient_check(f, wrong, x) > 0.1
    assert gradient_check(f, lambda v: 2 * grad_f(v), x) == pytest.approx(1 / 3, abs=1e-6)


def test_gradient_check_of_two_zero_gradients_is_zero():
    assert gradient_check(lambda v: 0.0, lambda v: np.zeros(3), np.ones(3)) == 0.0


def test_gradient_check_rejects_wrong_shape():
    with pytest.raises(ValueError, match=r"grad_f returned shape \(2,\)"):
        gradient_check(lambda v: np.sum(v), lambda v: np.ones(2), np.ones(3))


@pytest.mark.parametrize("h", [0.0, -1e-5, np.nan])
def test_step_must_be_positive(h):
    for call in (
        lambda: derivative(np.sin, 1.0, h),
        lambda: gradient(np.sum, np.ones(2), h),
        lambda: gradient_check(np.sum, np.ones_like, np.ones(2), h),
    ):
        with pytest.raises(ValueError, match="h must be > 0"):
            call()
