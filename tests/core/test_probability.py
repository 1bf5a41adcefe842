"""Property tests for tutor.core.probability against scipy.stats and scipy.special."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.special
import scipy.stats
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from tutor.core.probability import (
    binomial_pmf,
    log_likelihood,
    logsumexp,
    naive_likelihood,
    normal_pdf,
    sample,
    uniform_pdf,
)

from .helpers import PROPERTY, finite, seeds


def assert_relatively_close(actual, expected, rtol: float) -> None:
    """|actual − expected| ≤ rtol·expected wherever expected > 1e-300; same shape everywhere."""
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape
    visible = expected > 1e-300
    np.testing.assert_allclose(actual[visible], expected[visible], rtol=rtol, atol=0)


# ---------------------------------------------------------------- densities


@PROPERTY
@given(
    x=hnp.arrays(np.float64, st.integers(1, 20), elements=finite(-1e3, 1e3)),
    mu=finite(-100, 100),
    sigma=finite(1e-3, 1e3),
)
def test_normal_pdf_matches_scipy(x, mu, sigma):
    assert_relatively_close(normal_pdf(x, mu, sigma), scipy.stats.norm.pdf(x, mu, sigma), 1e-10)


@PROPERTY
@given(x=finite(-50, 50))
def test_normal_pdf_of_a_scalar_is_a_scalar(x):
    value = normal_pdf(x)
    assert np.ndim(value) == 0 and isinstance(value, float)
    assert value == pytest.approx(math.exp(-x * x / 2) / math.sqrt(2 * math.pi), rel=1e-12, abs=1e-300)


@PROPERTY
@given(
    x=hnp.arrays(np.float64, st.integers(1, 20), elements=finite(-1e3, 1e3)),
    a=finite(-100, 100),
    width=finite(1e-3, 100),
)
def test_uniform_pdf_matches_scipy(x, a, width):
    b = a + width
    assume(b > a)
    # Right at an end point scipy's (x − loc) / scale can round either way; test those apart.
    away_from_ends = (np.abs(x - a) > 1e-9 * width) & (np.abs(x - b) > 1e-9 * width)
    expected = scipy.stats.uniform.pdf(x, loc=a, scale=b - a)
    assert_relatively_close(uniform_pdf(x, a, b)[away_from_ends], expected[away_from_ends], 1e-10)


@PROPERTY
@given(a=finite(-100, 100), width=finite(1e-3, 100))
def test_uniform_pdf_includes_both_ends(a, width):
    b = a + width
    assume(b > a)
    assert uniform_pdf(a, a, b) == uniform_pdf(b, a, b) == pytest.approx(1 / (b - a))
    assert uniform_pdf(np.nextafter(a, -np.inf), a, b) == 0.0
    assert uniform_pdf(np.nextafter(b, np.inf), a, b) == 0.0


@st.composite
def binomial_cases(draw, max_n: int):
    """(k array, n, p): random k plus k near the mean, where the pmf is not negligible."""
    n = draw(st.integers(0, max_n))
    # scipy's binom.pmf raises OverflowError for p near 1e-308, so tiny p starts at 1e-250.
    usable = finite(0, 1).filter(lambda q: q == 0 or q > 1e-250)
    p = draw(st.one_of(usable, st.sampled_from([0.0, 1.0, 0.5, 1e-9])))
    spread = math.sqrt(n * p * (1 - p)) + 1
    near_mean = [round(n * p + z * spread) for z in draw(st.lists(finite(-6, 6), max_size=10))]
    anywhere = draw(st.lists(st.integers(-3, n + 3), max_size=10))
    return np.array(near_mean + anywhere + [0, n], dtype=float), n, p


@PROPERTY
@given(case=binomial_cases(max_n=1000))
def test_binomial_pmf_matches_scipy_up_to_n_1000(case):
    k, n, p = case
    assert_relatively_close(binomial_pmf(k, n, p), scipy.stats.binom.pmf(k, n, p), 1e-10)


@PROPERTY
@given(case=binomial_cases(max_n=10**6))
def test_binomial_pmf_matches_scipy_up_to_n_a_million(case):
    k, n, p = case
    assert_relatively_close(binomial_pmf(k, n, p), scipy.stats.binom.pmf(k, n, p), 1e-7)


@PROPERTY
@given(n=st.integers(0, 300), p=finite(0, 1))
def test_binomial_pmf_sums_to_one(n, p):
    assert np.sum(binomial_pmf(np.arange(n + 1), n, p)) == pytest.approx(1.0, abs=1e-9)


@pytest.mark.parametrize("n", [0, 1, 7, 10**6])
def test_binomial_pmf_edges(n):
    assert binomial_pmf(0, n, 0.0) == 1.0
    assert binomial_pmf(n, n, 1.0) == 1.0
    if n > 0:
        assert binomial_pmf(1, n, 0.0) == 0.0
        assert binomial_pmf(n - 1, n, 1.0) == 0.0
    for outside in (-1, n + 1, 0.5):
        assert binomial_pmf(outside, n, 0.3) == 0.0


def test_binomial_pmf_keeps_the_shape_of_k():
    k = np.arange(12).reshape(3, 4)
    result = binomial_pmf(k, 10, 0.4)
    assert result.shape == (3, 4)
    np.testing.assert_allclose(result, scipy.stats.binom.pmf(k, 10, 0.4), rtol=1e-12)
    assert np.ndim(binomial_pmf(3, 10, 0.4)) == 0


# ---------------------------------------------------------------- log space


@PROPERTY
@given(a=hnp.arrays(np.float64, st.integers(1, 50), elements=finite(-1e4, 1e4)))
def test_logsumexp_matches_scipy(a):
    assert logsumexp(a) == pytest.approx(float(scipy.special.logsumexp(a)), rel=1e-12, abs=1e-12)


def test_logsumexp_survives_what_the_naive_formula_cannot():
    with np.errstate(over="ignore"):
        assert np.isinf(np.log(np.sum(np.exp([1000.0, 1000.0]))))
    assert logsumexp([1000.0, 1000.0]) == pytest.approx(1000 + math.log(2))
    assert logsumexp([-1000.0, -1000.0]) == pytest.approx(-1000 + math.log(2))


@pytest.mark.parametrize(
    "a, expected",
    [
        ([], -math.inf),
        ([-math.inf, -math.inf], -math.inf),
        ([0.0, math.inf], math.inf),
        ([-math.inf, 0.0], 0.0),
    ],
)
def test_logsumexp_infinities(a, expected):
    assert logsumexp(a) == expected == scipy.special.logsumexp(a)


@PROPERTY
@given(probs=hnp.arrays(np.float64, st.integers(0, 50), elements=finite(1e-300, 1)))
def test_likelihoods_agree_while_the_product_is_representable(probs):
    assert log_likelihood(probs) == pytest.approx(np.sum(np.log(probs)), rel=1e-12, abs=1e-12)
    product = naive_likelihood(probs)
    assert product == pytest.approx(np.prod(probs), rel=1e-9, abs=0)
    if product > 1e-290:
        assert math.log(product) == pytest.approx(log_likelihood(probs), rel=1e-9, abs=1e-9)


def test_naive_likelihood_underflows_where_the_log_likelihood_does_not():
    probs = np.full(1000, 0.01)
    assert naive_likelihood(probs) == 0.0
    assert log_likelihood(probs) == pytest.approx(1000 * math.log(0.01))


def test_log_likelihood_of_an_impossible_event():
    assert log_likelihood([0.5, 0.0]) == -math.inf


@pytest.mark.parametrize("function", [log_likelihood, naive_likelihood])
def test_likelihoods_reject_negative_probabilities(function):
    with pytest.raises(ValueError, match="probs must all be >= 0"):
        function([0.5, -0.1])


# ---------------------------------------------------------------- sampling


@pytest.mark.parametrize(
    "keyword, positional, direct",
    [
        (("normal", {"mu": 3, "sigma": 2}), ("normal", 3, 2), lambda rng, size: rng.normal(3, 2, size)),
        (("uniform", {"a": -1, "b": 4}), ("uniform", -1, 4), lambda rng, size: rng.uniform(-1, 4, size)),
        (
            ("binomial", {"n": 20, "p": 0.4}),
            ("binomial", 20, 0.4),
            lambda rng, size: rng.binomial(20, 0.4, size),
        ),
    ],
)
@pytest.mark.parametrize("size", [7, (3, 4)])
def test_sample_forms_agree_with_default_rng(keyword, positional, direct, size):
    name, params = keyword
    drawn = sample(name, size, seed=123, **params)
    np.testing.assert_array_equal(drawn, sample(positional, size, seed=123))
    np.testing.assert_array_equal(drawn, direct(np.random.default_rng(123), size))
    assert drawn.shape == np.empty(size).shape


def test_sample_defaults_are_standard():
    np.testing.assert_array_equal(sample("normal", 5, seed=1), np.random.default_rng(1).normal(0, 1, 5))
    np.testing.assert_array_equal(sample("uniform", 5, seed=1), np.random.default_rng(1).uniform(0, 1, 5))


@pytest.mark.parametrize(
    "dist, reference",
    [
        (("normal", 1.5, 0.5), scipy.stats.norm(1.5, 0.5).cdf),
        (("uniform", -2, 3), scipy.stats.uniform(-2, 5).cdf),
    ],
)
def test_samples_follow_their_distribution(dist, reference):
    assert scipy.stats.kstest(sample(dist, 5000, seed=7), reference).pvalue > 1e-3


def test_binomial_samples_follow_the_pmf():
    draws = sample("binomial", 20_000, seed=7, n=20, p=0.4)
    observed = np.bincount(draws, minlength=21)
    expected = 20_000 * binomial_pmf(np.arange(21), 20, 0.4)
    keep = expected > 5
    statistic = np.sum((observed[keep] - expected[keep]) ** 2 / expected[keep])
    assert scipy.stats.chi2(keep.sum() - 1).sf(statistic) > 1e-3


@PROPERTY
@given(seed=seeds)
def test_sample_is_reproducible(seed):
    np.testing.assert_array_equal(sample("normal", 10, seed), sample("normal", 10, seed))


# ---------------------------------------------------------------- invalid parameters


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: normal_pdf(0.0, 0.0, -1.0), r"sigma must be > 0, got -1"),
        (lambda: normal_pdf(0.0, 0.0, 0.0), r"sigma must be > 0, got 0"),
        (lambda: normal_pdf(0.0, 0.0, math.nan), r"sigma must be > 0"),
        (lambda: normal_pdf(0.0, math.inf, 1.0), r"mu must be finite"),
        (lambda: uniform_pdf(0.0, 1.0, 1.0), r"b must be > a, got a=1.0 and b=1.0"),
        (lambda: uniform_pdf(0.0, 2.0, 1.0), r"b must be > a, got a=2.0 and b=1.0"),
        (lambda: uniform_pdf(0.0, 0.0, math.inf), r"b must be finite"),
        (lambda: binomial_pmf(1, 10, 1.5), r"p must be between 0 and 1, got 1.5"),
        (lambda: binomial_pmf(1, 10, -0.1), r"p must be between 0 and 1, got -0.1"),
        (lambda: binomial_pmf(1, -1, 0.5), r"n must be >= 0, got -1"),
        (lambda: binomial_pmf(1, 2.5, 0.5), r"n must be a whole number, got 2.5"),
        (lambda: sample("poisson", 3, 0), r"dist must be one of normal, uniform, binomial, got 'poisson'"),
        (lambda: sample("normal", 3, 0, sigma=-2), r"sigma must be > 0, got -2"),
        (lambda: sample(("normal", 0, 0), 3, 0), r"sigma must be > 0, got 0"),
        (lambda: sample("uniform", 3, 0, a=1, b=0), r"b must be > a, got a=1 and b=0"),
        (lambda: sample("binomial", 3, 0, n=-1, p=0.5), r"n must be >= 0, got -1"),
        (lambda: sample("binomial", 3, 0, n=10, p=2), r"p must be between 0 and 1, got 2"),
        (lambda: sample("binomial", 3, 0, n=10), r"binomial needs parameter 'p'"),
        (lambda: sample("normal", 3, 0, lam=1), r"normal has no parameter 'lam'"),
        (
            lambda: sample(("normal", 0, 1, 2), 3, 0),
            r"normal takes parameters \['mu', 'sigma'\], got 3 values",
        ),
        (lambda: sample(("normal", 0), 3, 0, mu=1), r"normal parameter 'mu' given twice"),
    ],
)
def test_invalid_parameters_say_which_and_why(call, message):
    with pytest.raises(ValueError, match=message):
        call()
