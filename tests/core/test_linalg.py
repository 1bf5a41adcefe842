"""Property tests for tutor.core.linalg against numpy and scipy."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.linalg
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from tutor.core.linalg import (
    condition_number,
    covariance,
    dot,
    energy,
    hilbert,
    low_rank,
    matmul,
    norm,
    pca,
    power_iteration,
    solve_residuals,
)

from .helpers import PROPERTY, finite, random_orthogonal, seeds

INTEGER_DTYPES = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
FLOAT_DTYPES = [np.float16, np.float32, np.float64]
# Bounds keep float sums of at most 5 products far from overflow in every dtype.
FLOAT_BOUNDS = {np.float16: 20.0, np.float32: 1e3, np.float64: 1e6}


def elements_for(dtype) -> st.SearchStrategy | None:
    """Full range for integers (so overflow wraparound is tested), bounded floats."""
    if dtype in FLOAT_BOUNDS:
        bound = FLOAT_BOUNDS[dtype]
        return finite(-bound, bound, width=8 * np.dtype(dtype).itemsize)
    return None


@st.composite
def matmul_operands(draw, dtypes=INTEGER_DTYPES + FLOAT_DTYPES):
    """Two operands with aligned inner dimensions, each 1-D or 2-D, of any dtypes."""
    n, k, m = draw(st.integers(0, 4)), draw(st.integers(0, 5)), draw(st.integers(0, 4))
    a_shape = (k,) if draw(st.booleans()) else (n, k)
    b_shape = (k,) if draw(st.booleans()) else (k, m)
    a_dtype, b_dtype = draw(st.sampled_from(dtypes)), draw(st.sampled_from(dtypes))
    A = draw(hnp.arrays(a_dtype, a_shape, elements=elements_for(a_dtype)))
    B = draw(hnp.arrays(b_dtype, b_shape, elements=elements_for(b_dtype)))
    return A, B


def assert_matches_matmul(C, A: np.ndarray, B: np.ndarray) -> None:
    """C equals A @ B: same shape and dtype; exact for integers, rounding-close for floats."""
    expected = A @ B
    assert np.shape(C) == np.shape(expected)
    assert C.dtype == expected.dtype
    if np.issubdtype(expected.dtype, np.integer):
        np.testing.assert_array_equal(C, expected)
        return
    # Standard error bound for a sum of k products: |error| <= k·eps·(|A| @ |B|).
    k = A.shape[-1]
    scale = np.abs(A.astype(np.float64)) @ np.abs(B.astype(np.float64))
    info = np.finfo(expected.dtype)
    bound = 2 * (k + 2) * float(info.eps) * scale + (k + 1) * float(info.tiny)
    difference = np.abs(np.asarray(C, dtype=np.float64) - np.asarray(expected, dtype=np.float64))
    assert np.all(difference <= bound)


# ---------------------------------------------------------------- dot


@PROPERTY
@given(data=st.data(), n=st.integers(0, 30))
def test_dot_matches_numpy_for_floats(data, n):
    a = data.draw(hnp.arrays(np.float64, n, elements=finite(-1e6, 1e6)))
    b = data.draw(hnp.arrays(np.float64, n, elements=finite(-1e6, 1e6)))
    scale = float(np.abs(a) @ np.abs(b))
    assert abs(dot(a, b) - float(np.dot(a, b))) <= 4 * (n + 1) * np.finfo(float).eps * scale


@PROPERTY
@given(data=st.data(), n=st.integers(0, 30))
def test_dot_matches_numpy_for_integers(data, n):
    a = data.draw(hnp.arrays(np.int64, n, elements=st.integers(-1000, 1000)))
    b = data.draw(hnp.arrays(np.int64, n, elements=st.integers(-1000, 1000)))
    assert dot(a, b) == float(np.dot(a, b))
    assert isinstance(dot(a, b), float)


@PROPERTY
@given(la=st.integers(0, 10), lb=st.integers(0, 10))
def test_dot_length_mismatch_names_both_lengths(la, lb):
    assume(la != lb)
    with pytest.raises(ValueError, match=rf"lengths {la} and {lb}"):
        dot(np.ones(la), np.ones(lb))


# ---------------------------------------------------------------- matmul


@PROPERTY
@given(operands=matmul_operands(INTEGER_DTYPES))
def test_matmul_integers_are_exact_including_wraparound(operands):
    assert_matches_matmul(matmul(*operands), *operands)


@PROPERTY
@given(operands=matmul_operands(FLOAT_DTYPES))
def test_matmul_floats_match_numpy(operands):
    assert_matches_matmul(matmul(*operands), *operands)


@PROPERTY
@given(operands=matmul_operands())
def test_matmul_mixed_dtypes_match_numpy(operands):
    assert_matches_matmul(matmul(*operands), *operands)


def test_matmul_vector_times_vector_is_zero_dimensional():
    result = matmul(np.arange(4), np.arange(4))
    expected = np.matmul(np.arange(4), np.arange(4))
    assert np.ndim(result) == 0 and result.dtype == expected.dtype and result == expected


@PROPERTY
@given(
    a_shape=st.sampled_from(["1d", "2d"]),
    b_shape=st.sampled_from(["1d", "2d"]),
    k1=st.integers(1, 6),
    k2=st.integers(1, 6),
)
def test_matmul_shape_mismatch_names_both_shapes(a_shape, b_shape, k1, k2):
    assume(k1 != k2)
    A = np.ones(k1) if a_shape == "1d" else np.ones((2, k1))
    B = np.ones(k2) if b_shape == "1d" else np.ones((k2, 3))
    with pytest.raises(ValueError) as error:
        matmul(A, B)
    assert str(A.shape) in str(error.value) and str(B.shape) in str(error.value)


@pytest.mark.parametrize("A, B", [(np.float64(2.0), np.ones(2)), (np.ones((2, 2, 2)), np.ones((2, 2)))])
def test_matmul_rejects_scalars_and_stacks(A, B):
    with pytest.raises(ValueError, match="1-D and 2-D"):
        matmul(A, B)


# ---------------------------------------------------------------- power iteration


@st.composite
def symmetric_with_gap(draw):
    """M = Q diag(λ) Qᵀ whose dominant |λ₁| beats every other |λᵢ| by a factor ≥ 1.25."""
    n = draw(st.integers(1, 6))
    dominant = draw(st.sampled_from([-1, 1])) * draw(finite(0.5, 50))
    ratios = draw(st.lists(finite(-0.8, 0.8), min_size=n - 1, max_size=n - 1))
    eigenvalues = np.array([dominant] + [r * dominant for r in ratios])
    Q = random_orthogonal(n, draw(seeds))
    M = Q @ np.diag(eigenvalues) @ Q.T
    return (M + M.T) / 2


@PROPERTY
@given(M=symmetric_with_gap(), seed=seeds)
def test_power_iteration_finds_dominant_eigenpair(M, seed):
    eigenvalues = np.linalg.eigvalsh(M)
    expected = eigenvalues[np.argmax(np.abs(eigenvalues))]
    value, vector = power_iteration(M, seed=seed)
    assert abs(value - expected) <= 1e-8 * abs(expected)
    assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-12)
    assert np.linalg.norm(M @ vector - value * vector) <= 1e-8 * abs(value)


def test_power_iteration_keeps_the_sign_of_a_negative_eigenvalue():
    value, vector = power_iteration(np.diag([1.0, -3.0, 2.0]))
    assert value == pytest.approx(-3.0, rel=1e-12)
    assert abs(vector[1]) == pytest.approx(1.0, rel=1e-12)


def test_power_iteration_of_zero_matrix_is_zero():
    value, vector = power_iteration(np.zeros((3, 3)))
    assert value == 0.0 and np.linalg.norm(vector) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "args, message",
    [
        ((np.ones((2, 3)),), "M must be a square matrix"),
        ((np.ones(3),), "M must be a square matrix"),
        ((np.eye(2), 0), "iters must be >= 1"),
        ((np.eye(2), 10, 0.0), "tol must be > 0"),
    ],
)
def test_power_iteration_rejects_bad_parameters(args, message):
    with pytest.raises(ValueError, match=message):
        power_iteration(*args)


# ---------------------------------------------------------------- covariance and PCA


def data_matrices(min_rows: int = 2, max_cols: int = 5, dtype=np.float64):
    """Observation × feature matrices, floats in ±100 or small integers."""
    elements = finite(-100, 100) if dtype == np.float64 else st.integers(-50, 50)
    shape = st.tuples(st.integers(min_rows, 25), st.integers(1, max_cols))
    return hnp.arrays(dtype, shape, elements=elements)


@PROPERTY
@given(X=st.one_of(data_matrices(), data_matrices(dtype=np.int64)))
def test_covariance_matches_numpy_cov(X):
    expected = np.cov(X, rowvar=False).reshape(X.shape[1], X.shape[1])
    np.testing.assert_allclose(covariance(X), expected, rtol=1e-9, atol=1e-9 * 100**2)


@pytest.mark.parametrize("X", [np.ones(5), np.ones((1, 3)), np.ones((2, 2, 2))])
def test_covariance_rejects_bad_shapes(X):
    with pytest.raises(ValueError, match="X"):
        covariance(X)


@PROPERTY
@given(X=data_matrices(min_rows=3), data=st.data())
def test_pca_properties(X, data):
    d = X.shape[1]
    k = data.draw(st.integers(1, d))
    components, variances, projected = pca(X, k)
    tolerance = 1e-8 * max(1.0, float(np.abs(X).max()) ** 2)

    assert components.shape == (k, d) and variances.shape == (k,) and projected.shape == (len(X), k)
    np.testing.assert_allclose(components @ components.T, np.eye(k), atol=1e-10)
    top = np.sort(np.linalg.eigvalsh(np.cov(X, rowvar=False).reshape(d, d)))[::-1][:k]
    np.testing.assert_allclose(variances, top, atol=tolerance)
    assert np.all(np.diff(variances) <= tolerance)
    centred = X - X.mean(axis=0)
    np.testing.assert_allclose(projected, centred @ components.T, atol=tolerance)
    np.testing.assert_allclose(projected.var(axis=0, ddof=1), variances, atol=tolerance)


@pytest.mark.parametrize("k", [0, 4, -1])
def test_pca_rejects_bad_k(k):
    with pytest.raises(ValueError, match="k must be between 1 and the number of features 3"):
        pca(np.random.default_rng(0).normal(size=(10, 3)), k)


# ---------------------------------------------------------------- SVD: low rank and energy


# Entries are 0 or at least 1e-100 in size, so the squared Frobenius norms the
# tests compute as references cannot underflow.
matrices = hnp.arrays(
    np.float64,
    st.tuples(st.integers(1, 8), st.integers(1, 8)),
    elements=finite(-100, 100).filter(lambda v: v == 0 or abs(v) > 1e-100),
)


@PROPERTY
@given(M=matrices, data=st.data())
def test_low_rank_obeys_eckart_young(M, data):
    k = data.draw(st.integers(0, min(M.shape)))
    approximation = low_rank(M, k)
    sigma = np.linalg.svd(M, compute_uv=False)
    squared_error = np.sum((M - approximation) ** 2)
    assert squared_error == pytest.approx(np.sum(sigma[k:] ** 2), abs=1e-9 * np.sum(sigma**2) + 1e-12)
    assert approximation.shape == M.shape
    assert np.linalg.matrix_rank(approximation, tol=1e-8 * max(sigma[0], 1e-300)) <= k


@PROPERTY
@given(M=matrices)
def test_energy_is_a_monotone_share_reaching_one(M):
    full = min(M.shape)
    shares = [energy(M, k) for k in range(full + 1)]
    assert all(0.0 <= share <= 1.0 for share in shares)
    assert all(later >= earlier for earlier, later in zip(shares, shares[1:]))
    assert shares[-1] == pytest.approx(1.0, abs=1e-12)
    total = np.sum(M**2)
    if total > 0:
        for k, share in enumerate(shares):
            lost = np.sum((M - low_rank(M, k)) ** 2) / total
            assert share == pytest.approx(1 - lost, abs=1e-9)


@pytest.mark.parametrize("function", [low_rank, energy])
@pytest.mark.parametrize("k", [-1, 4])
def test_rank_must_fit_the_matrix(function, k):
    with pytest.raises(ValueError, match=r"k must be between 0 and min\(M.shape\) = 3"):
        function(np.ones((3, 5)), k)


# ---------------------------------------------------------------- norms


@PROPERTY
@given(
    x=st.one_of(
        # numpy squares without rescaling, so keep x² representable: no values below 1e-100.
        hnp.arrays(
            np.float64, st.integers(1, 40), elements=finite(-1e6, 1e6).filter(lambda v: abs(v) > 1e-100)
        ),
        hnp.arrays(np.int64, st.integers(1, 40), elements=st.integers(-10**6, 10**6)),
    ),
    p=st.sampled_from([1, 2, np.inf]),
)
def test_norm_matches_numpy(x, p):
    assert norm(x, p) == pytest.approx(np.linalg.norm(x, p), rel=1e-12, abs=1e-300)


def test_two_norm_does_not_overflow():
    assert norm(np.array([3e300, 4e300]), 2) == pytest.approx(5e300, rel=1e-15)
    assert norm(np.array([3e-320, 4e-320]), 2) == pytest.approx(math.hypot(3e-320, 4e-320), rel=1e-3)


@pytest.mark.parametrize("p", [0, 3, -1, 0.5, "fro", -np.inf, np.nan])
def test_norm_rejects_other_p(p):
    with pytest.raises(ValueError, match="p must be 1, 2 or np.inf"):
        norm(np.ones(3), p)


# ---------------------------------------------------------------- inv vs solve


@pytest.mark.parametrize("n", range(1, 16))
def test_hilbert_matches_scipy(n):
    np.testing.assert_allclose(hilbert(n), scipy.linalg.hilbert(n), rtol=1e-15)


def test_hilbert_rejects_empty():
    with pytest.raises(ValueError, match="n must be >= 1"):
        hilbert(0)


@pytest.mark.parametrize("right_hand_side", ["ones", "H @ ones"])
def test_solve_beats_inv_on_hilbert_12(right_hand_side):
    H = hilbert(12)
    b = np.ones(12) if right_hand_side == "ones" else H @ np.ones(12)
    residuals = solve_residuals(H, b)
    assert set(residuals) == {"solve", "inv"}
    assert residuals["solve"] <= residuals["inv"]
    for key, solver in [("solve", np.linalg.solve), ("inv", lambda A, b: np.linalg.inv(A) @ b)]:
        assert residuals[key] == pytest.approx(np.linalg.norm(H @ solver(H, b) - b))


def test_solve_residuals_rejects_mismatched_b():
    with pytest.raises(ValueError, match="b must have 3 rows"):
        solve_residuals(np.eye(3), np.ones(4))


@PROPERTY
@given(M=matrices)
def test_condition_number_matches_numpy(M):
    expected = np.linalg.cond(M)
    assume(np.isfinite(expected) and expected < 1e12)
    assert condition_number(M) == pytest.approx(expected, rel=1e-9)


def test_condition_number_of_singular_matrix_is_infinite():
    assert condition_number(np.zeros((2, 2))) == math.inf
    assert condition_number(hilbert(12)) > 1e15


def test_energy_of_tiny_and_huge_matrices():
    for scale in (1e-200, 1.0, 1e200):
        assert energy(scale * np.diag([3.0, 1.0]), 1) == pytest.approx(0.9, rel=1e-12)
