"""Probability: three distributions, likelihoods, and working in log space.

The densities are written straight from their formulas and accept scalars
or arrays.  The binomial pmf goes through the log-gamma function so that
n = 10⁶ does not overflow a factorial.  ``logsumexp`` and the two likelihood
functions show why machine learning adds logs instead of multiplying
probabilities: a product of a thousand 0.01s is 1e-2000, which a float
cannot hold, while its log, about −4605, is an ordinary number.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

SQRT_2PI = math.sqrt(2 * math.pi)

# The parameters of each distribution, in positional order, with defaults.
DISTRIBUTIONS: dict[str, dict[str, float | None]] = {
    "normal": {"mu": 0.0, "sigma": 1.0},
    "uniform": {"a": 0.0, "b": 1.0},
    "binomial": {"n": None, "p": None},
}


# ---------------------------------------------------------------- parameter checks


def _check_finite(name: str, value: float) -> None:
    """A location or bound must be a finite real number."""
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")


def _check_sigma(sigma: float) -> None:
    """A standard deviation must be strictly positive."""
    if not sigma > 0:
        raise ValueError(f"sigma must be > 0, got {sigma}")
    _check_finite("sigma", sigma)


def _check_interval(a: float, b: float) -> None:
    """A uniform distribution needs a finite interval with b > a."""
    _check_finite("a", a)
    _check_finite("b", b)
    if not b > a:
        raise ValueError(f"b must be > a, got a={a} and b={b}")


def _check_n(n: float) -> None:
    """A number of trials must be a whole number ≥ 0."""
    if not n >= 0:
        raise ValueError(f"n must be >= 0, got {n}")
    if not math.isfinite(n) or n != int(n):
        raise ValueError(f"n must be a whole number, got {n}")


def _check_p(p: float) -> None:
    """A probability must lie in [0, 1]."""
    if not 0 <= p <= 1:
        raise ValueError(f"p must be between 0 and 1, got {p}")


def _scalar_or_array(result: np.ndarray) -> float | np.ndarray:
    """Unwrap a 0-d result so scalar inputs give scalar outputs."""
    return result[()] if result.ndim == 0 else result


# ---------------------------------------------------------------- densities


def normal_pdf(x: ArrayLike, mu: float = 0.0, sigma: float = 1.0) -> float | np.ndarray:
    """The bell curve  φ(x) = exp(−z² / 2) / (σ √(2π)),  with z = (x − μ) / σ."""
    _check_finite("mu", mu)
    _check_sigma(sigma)
    z = (np.asarray(x, dtype=float) - mu) / sigma
    return _scalar_or_array(np.exp(-(z**2) / 2) / SQRT_2PI / sigma)


def uniform_pdf(x: ArrayLike, a: float = 0.0, b: float = 1.0) -> float | np.ndarray:
    """Flat density on [a, b]:  f(x) = 1 / (b − a) for a ≤ x ≤ b, else 0."""
    _check_interval(a, b)
    x = np.asarray(x, dtype=float)
    inside = (x >= a) & (x <= b)
    return _scalar_or_array(np.where(inside, 1.0 / (b - a), 0.0))


_lgamma = np.vectorize(math.lgamma, otypes=[float])


def _times_log(count: np.ndarray, log_value: float) -> np.ndarray:
    """count · log_value, with the convention 0 · log 0 = 0."""
    with np.errstate(invalid="ignore"):
        return np.where(count == 0, 0.0, count * log_value)


def binomial_pmf(k: ArrayLike, n: int, p: float) -> float | np.ndarray:
    """Probability of k successes in n independent trials of probability p:

        P(k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ,   C(n, k) = n! / (k! (n − k)!)

    Computed in log space with n! = Γ(n + 1), so huge n stays finite:

        log P = lnΓ(n+1) − lnΓ(k+1) − lnΓ(n−k+1) + k log p + (n−k) log(1−p)

    k outside 0 … n (or not a whole number) has probability 0.
    """
    _check_n(n)
    _check_p(p)
    k = np.asarray(k, dtype=float)
    possible = (k >= 0) & (k <= n) & (np.floor(k) == k)
    k = np.where(possible, k, 0.0)
    log_choose = math.lgamma(n + 1) - _lgamma(k + 1) - _lgamma(n - k + 1)
    with np.errstate(divide="ignore"):
        log_p, log_q = np.log(p), np.log1p(-p)
    log_pmf = log_choose + _times_log(k, log_p) + _times_log(n - k, log_q)
    return _scalar_or_array(np.where(possible, np.exp(log_pmf), 0.0))


# ---------------------------------------------------------------- log space


def logsumexp(a: ArrayLike) -> float:
    """log Σᵢ exp(aᵢ), without overflow, by the max-shift trick:

        log Σ exp(aᵢ) = m + log Σ exp(aᵢ − m),   m = max aᵢ

    Every exp(aᵢ − m) ≤ 1 cannot overflow, and the largest is exactly 1, so
    the sum cannot underflow to 0 either.  An empty sum is 0, whose log is −∞.
    """
    a = np.asarray(a, dtype=float)
    if a.size == 0:
        return -math.inf
    m = a.max()
    if not np.isfinite(m):  # all −∞, some +∞, or a nan: the answer is m
        return float(m)
    return float(m + np.log(np.sum(np.exp(a - m))))


def _as_probabilities(probs: ArrayLike) -> np.ndarray:
    """probs as a float array, after checking that none is negative."""
    probs = np.asarray(probs, dtype=float)
    if np.any(probs < 0) or np.any(np.isnan(probs)):
        raise ValueError("probs must all be >= 0")
    return probs.ravel()


def log_likelihood(probs: ArrayLike) -> float:
    """log Πᵢ pᵢ = Σᵢ log pᵢ: the likelihood kept in log space, where it cannot underflow."""
    probs = _as_probabilities(probs)
    with np.errstate(divide="ignore"):
        return float(np.sum(np.log(probs)))


def naive_likelihood(probs: ArrayLike) -> float:
    """Πᵢ pᵢ multiplied out directly.

    A cautionary tale: a thousand probabilities of 0.01 multiply to 1e-2000,
    far below the smallest float (about 5e-324), so the answer underflows to
    0.0 and all information is lost.  Compare ``log_likelihood``.
    """
    likelihood = 1.0
    for p in _as_probabilities(probs).tolist():
        likelihood *= p
    return likelihood


# ---------------------------------------------------------------- sampling


def _parameters(dist: str | tuple, params: dict) -> tuple[str, dict]:
    """Resolve a distribution spec to (name, {parameter: value})."""
    if isinstance(dist, str):
        name, positional = dist, ()
    else:
        name, *positional = dist
    if name not in DISTRIBUTIONS:
        raise ValueError(f"dist must be one of {', '.join(DISTRIBUTIONS)}, got {name!r}")
    names = list(DISTRIBUTIONS[name])
    if len(positional) > len(names):
        raise ValueError(f"{name} takes parameters {names}, got {len(positional)} values")
    values = dict(DISTRIBUTIONS[name])
    for key, value in zip(names, positional):
        if key in params:
            raise ValueError(f"{name} parameter {key!r} given twice")
        values[key] = value
    for key, value in params.items():
        if key not in values:
            raise ValueError(f"{name} has no parameter {key!r}; its parameters are {names}")
        values[key] = value
    for key, value in values.items():
        if value is None:
            raise ValueError(f"{name} needs parameter {key!r}")
    return name, values


def sample(
    dist: str | tuple, size: int | tuple[int, ...], seed: int | None = None, **params: float
) -> np.ndarray:
    """Draw ``size`` samples from a named distribution with ``np.random.default_rng(seed)``.

    ``dist`` is a name with keyword parameters, or a tuple of the name and
    its parameters in order:

        sample("normal", 1000, seed=0, mu=0, sigma=1)   # same as ("normal", 0, 1)
        sample("uniform", 1000, seed=0, a=0, b=1)       # same as ("uniform", 0, 1)
        sample("binomial", 1000, seed=0, n=20, p=0.4)   # same as ("binomial", 20, 0.4)

    normal and uniform default to the standard N(0, 1) and U[0, 1];
    binomial needs both n and p.  ``size`` is an int or a shape tuple.
    """
    name, values = _parameters(dist, params)
    rng = np.random.default_rng(seed)
    if name == "normal":
        _check_finite("mu", values["mu"])
        _check_sigma(values["sigma"])
        return rng.normal(values["mu"], values["sigma"], size=size)
    if name == "uniform":
        _check_interval(values["a"], values["b"])
        return rng.uniform(values["a"], values["b"], size=size)
    _check_n(values["n"])
    _check_p(values["p"])
    return rng.binomial(int(values["n"]), values["p"], size=size)
