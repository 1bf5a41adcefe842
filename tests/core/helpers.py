"""Shared hypothesis settings and strategies for the numerical-core tests."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Modest example counts keep the whole tests/core directory well under a minute.
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

seeds = st.integers(0, 2**32 - 1)


def finite(low: float, high: float, width: int = 64) -> st.SearchStrategy[float]:
    """Finite floats in [low, high]."""
    return st.floats(low, high, allow_nan=False, allow_infinity=False, width=width)


def random_orthogonal(n: int, seed: int) -> np.ndarray:
    """A random n × n orthogonal matrix Q (QR of a Gaussian matrix)."""
    q, r = np.linalg.qr(np.random.default_rng(seed).normal(size=(n, n)))
    return q * np.sign(np.diag(r))
