"""Linear algebra from first principles.

The functions here are the ones a learner meets on the way to machine
learning: the dot product, matrix multiplication, eigenvalues by power
iteration, covariance, PCA, low-rank approximation by the SVD, vector norms,
and the classic "never invert a matrix to solve a system" demonstration.

Where the point of a lesson is *how* something is computed (``dot``,
``matmul``, ``norm``) the code is written with plain loops so it can be read
line by line.  Where the point is *what* it means (``pca``, ``low_rank``) we
lean on numpy's trusted decompositions and spell out the formula around them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike


# ---------------------------------------------------------------- products


def _sum_of_products(a: Sequence, b: Sequence) -> float:
    """a₀b₀ + a₁b₁ + … + aₙ₋₁bₙ₋₁, one term at a time."""
    total = 0
    for x, y in zip(a, b):
        total += x * y
    return total


def dot(a: ArrayLike, b: ArrayLike) -> float:
    """The dot product a · b = Σᵢ aᵢ bᵢ of two vectors of equal length.

    >>> dot([1, 2, 3], [4, 5, 6])
    32.0
    """
    a, b = np.asarray(a), np.asarray(b)
    if a.ndim != 1 or b.ndim != 1:
        raise ValueError(f"dot needs two 1-D vectors, got shapes {a.shape} and {b.shape}")
    if len(a) != len(b):
        raise ValueError(f"dot needs vectors of equal length, got lengths {len(a)} and {len(b)}")
    return float(_sum_of_products(a.tolist(), b.tolist()))


def _wrap_integer(value: int, dtype: np.dtype) -> int:
    """Reduce an exact integer modulo 2^bits, as fixed-width integer arithmetic does.

    Integer overflow in numpy wraps around, so Σ aᵢbᵢ computed exactly and then
    wrapped gives bit-for-bit what numpy computes in the narrow type.
    """
    bits = 8 * dtype.itemsize
    value %= 2**bits
    if np.issubdtype(dtype, np.signedinteger) and value >= 2 ** (bits - 1):
        value -= 2**bits
    return value


def matmul(A: ArrayLike, B: ArrayLike) -> np.ndarray:
    """The matrix product C = A B, where C[i, j] = Σₖ A[i, k] B[k, j].

    C[i, j] pairs the i-th row of A with the j-th column of B: multiply, then add.
    Shapes follow ``np.matmul``: (n, k) @ (k, m) → (n, m).  A 1-D left operand
    is treated as a row (1, k) and a 1-D right operand as a column (k, 1); the
    added axis is dropped afterwards, so vector @ vector is a 0-d scalar.
    The result has the dtype ``np.matmul`` would give.
    """
    A, B = np.asarray(A), np.asarray(B)
    if A.ndim not in (1, 2) or B.ndim not in (1, 2):
        raise ValueError(f"matmul handles 1-D and 2-D operands, got shapes {A.shape} and {B.shape}")
    dtype = np.result_type(A, B)
    left = A.reshape(1, -1) if A.ndim == 1 else A
    right = B.reshape(-1, 1) if B.ndim == 1 else B
    if left.shape[1] != right.shape[0]:
        raise ValueError(
            f"matmul: shapes {A.shape} and {B.shape} are not aligned "
            f"(inner dimensions {left.shape[1]} != {right.shape[0]})"
        )

    rows = left.tolist()
    columns = right.T.tolist()
    C = [[_sum_of_products(row, column) for column in columns] for row in rows]
    if np.issubdtype(dtype, np.integer):
        C = [[_wrap_integer(value, dtype) for value in row] for row in C]
    result = np.array(C, dtype=dtype).reshape(left.shape[0], right.shape[1])

    if A.ndim == 1:
        result = result[0]
    if B.ndim == 1:
        result = result[..., 0]
    return result[()] if result.ndim == 0 else result


# ---------------------------------------------------------------- eigenvalues


def _as_square(M: ArrayLike, name: str = "M") -> np.ndarray:
    """M as a float array, after checking that it is a square matrix."""
    M = np.asarray(M, dtype=float)
    if M.ndim != 2 or M.shape[0] != M.shape[1]:
        raise ValueError(f"{name} must be a square matrix, got shape {M.shape}")
    return M


def power_iteration(
    M: ArrayLike, iters: int = 1000, tol: float = 1e-12, seed: int = 0
) -> tuple[float, np.ndarray]:
    """The dominant eigenpair (λ, v) of M: the eigenvalue largest in magnitude.

    Start from a random unit vector and repeat  v ← M v / ‖M v‖.  Each step
    multiplies the component along eigenvector i by λᵢ, so the dominant one
    wins at the rate |λ₂ / λ₁| per step.  The eigenvalue, sign included, is the
    Rayleigh quotient λ = vᵀ M v (with ‖v‖ = 1).

    A negative λ flips v every step, so convergence is measured up to sign:
    stop once min(‖v_new − v‖, ‖v_new + v‖) ≤ tol, or after ``iters`` steps.
    """
    M = _as_square(M)
    if iters < 1:
        raise ValueError(f"iters must be >= 1, got {iters}")
    if tol <= 0:
        raise ValueError(f"tol must be > 0, got {tol}")

    rng = np.random.default_rng(seed)
    v = rng.normal(size=M.shape[0])
    v /= np.linalg.norm(v)
    for _ in range(iters):
        w = M @ v
        length = np.linalg.norm(w)
        if length == 0.0:  # v lies in the null space: M v = 0 v
            return 0.0, v
        w /= length
        change = min(np.linalg.norm(w - v), np.linalg.norm(w + v))
        v = w
        if change <= tol:
            break
    return float(v @ M @ v), v


# ---------------------------------------------------------------- covariance and PCA


def _as_data_matrix(X: ArrayLike) -> np.ndarray:
    """X as a float (observations × features) matrix with at least two rows."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (rows are observations), got shape {X.shape}")
    if X.shape[0] < 2:
        raise ValueError(f"X needs at least 2 observations (rows), got {X.shape[0]}")
    return X


def covariance(X: ArrayLike) -> np.ndarray:
    """Sample covariance of the columns of X (rows are observations).

    Centre each column, Xc = X − mean(X), then  Σ = Xcᵀ Xc / (n − 1).
    Entry Σ[i, j] is how features i and j vary together.
    """
    X = _as_data_matrix(X)
    centred = X - X.mean(axis=0)
    return centred.T @ centred / (X.shape[0] - 1)


def pca(X: ArrayLike, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Principal component analysis: the k directions of greatest variance.

    The covariance Σ is symmetric, so Σ = Q Λ Qᵀ with orthonormal eigenvectors.
    The top-k eigenvectors (by eigenvalue) are the principal components, each
    eigenvalue is the variance of the data along its component, and the data
    in the new coordinates is  Xc Wᵀ  where the rows of W are the components.

    Returns (components (k × d), explained_variance (k,), projected (n × k)).
    Each component's sign is fixed so its largest-magnitude entry is positive.
    """
    X = _as_data_matrix(X)
    d = X.shape[1]
    if not 1 <= k <= d:
        raise ValueError(f"k must be between 1 and the number of features {d}, got {k}")
    variances, vectors = np.linalg.eigh(covariance(X))
    order = np.argsort(variances)[::-1][:k]
    components = vectors[:, order].T
    for row in components:
        if row[np.argmax(np.abs(row))] < 0:
            row *= -1
    projected = (X - X.mean(axis=0)) @ components.T
    return components, variances[order], projected


# ---------------------------------------------------------------- SVD


def _check_rank(M: np.ndarray, k: int) -> None:
    """k must be a possible rank for M: 0 ≤ k ≤ min(rows, columns)."""
    if M.ndim != 2:
        raise ValueError(f"M must be a 2-D matrix, got shape {M.shape}")
    most = min(M.shape)
    if not 0 <= k <= most:
        raise ValueError(f"k must be between 0 and min(M.shape) = {most}, got {k}")


def low_rank(M: ArrayLike, k: int) -> np.ndarray:
    """The best rank-k approximation of M (Eckart–Young).

    Write M = U diag(σ) Vᵀ with σ₁ ≥ σ₂ ≥ … ≥ 0 and keep the first k terms:
    M_k = Σᵢ₌₁ᵏ σᵢ uᵢ vᵢᵀ.  No rank-k matrix is closer in Frobenius norm, and
    the squared error is the sum of the dropped σᵢ².
    """
    M = np.asarray(M, dtype=float)
    _check_rank(M, k)
    U, sigma, Vt = np.linalg.svd(M, full_matrices=False)
    return (U[:, :k] * sigma[:k]) @ Vt[:k]


def energy(M: ArrayLike, k: int) -> float:
    """Share of M's "energy" kept by the top k singular values.

    energy = (σ₁² + … + σ_k²) / (σ₁² + … + σ_r²), which is 1 − ‖M − M_k‖²_F / ‖M‖²_F.
    Dividing every σᵢ by σ₁ first changes nothing in the ratio but keeps tiny
    or huge singular values from underflowing or overflowing when squared.
    A zero matrix has nothing to lose, so its energy is 1.
    """
    M = np.asarray(M, dtype=float)
    _check_rank(M, k)
    sigma = np.linalg.svd(M, compute_uv=False)
    if sigma.size == 0 or sigma[0] == 0.0:
        return 1.0
    squares = (sigma / sigma[0]) ** 2
    return float(min(squares[:k].sum() / squares.sum(), 1.0))


# ---------------------------------------------------------------- norms


def norm(x: ArrayLike, p: float = 2) -> float:
    """The p-norm of a vector, for p = 1, 2 or ∞.

    ‖x‖₁ = Σ |xᵢ|      (taxicab distance)
    ‖x‖₂ = √(Σ xᵢ²)    (straight-line length)
    ‖x‖∞ = max |xᵢ|    (largest coordinate)

    The 2-norm divides by ‖x‖∞ before squaring, so huge entries do not
    overflow:  ‖x‖₂ = m √(Σ (xᵢ/m)²)  with m = max |xᵢ|.
    """
    if p not in (1, 2, math.inf):
        raise ValueError(f"p must be 1, 2 or np.inf, got {p!r}")
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"norm needs a 1-D vector, got shape {x.shape}")
    magnitudes = [abs(value) for value in x.tolist()]
    if p == 1:
        return float(sum(magnitudes))
    largest = max(magnitudes, default=0.0)
    if p == math.inf or largest == 0 or math.isinf(largest):
        return float(largest)
    total = 0.0
    for m in magnitudes:
        total += (m / largest) ** 2
    return float(largest * math.sqrt(total))


# ---------------------------------------------------------------- inv vs solve


def hilbert(n: int) -> np.ndarray:
    """The n × n Hilbert matrix H[i, j] = 1 / (i + j + 1), notoriously ill-conditioned."""
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    i = np.arange(n)
    return 1.0 / (i[:, None] + i[None, :] + 1)


def condition_number(A: ArrayLike) -> float:
    """κ(A) = σ_max / σ_min, how much A can amplify relative errors.

    Solving A x = b loses about log₁₀ κ(A) decimal digits.  A singular matrix
    has σ_min = 0 and κ = ∞.
    """
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.size == 0:
        raise ValueError(f"A must be a non-empty 2-D matrix, got shape {A.shape}")
    sigma = np.linalg.svd(A, compute_uv=False)
    if sigma[-1] == 0.0:
        return math.inf
    return float(sigma[0] / sigma[-1])


def solve_residuals(A: ArrayLike, b: ArrayLike) -> dict[str, float]:
    """Residual norms ‖A x − b‖₂ of two ways to solve A x = b.

    "solve": x from ``np.linalg.solve`` (LU factorisation with pivoting).
    "inv":   x = A⁻¹ b with an explicitly computed inverse.
    Solving directly is both cheaper and (backward) stabler; on an
    ill-conditioned A the inverse route leaves a visibly larger residual.
    """
    A = _as_square(A, "A")
    b = np.asarray(b, dtype=float)
    if b.shape[0] != A.shape[0]:
        raise ValueError(f"b must have {A.shape[0]} rows to match A {A.shape}, got shape {b.shape}")
    x_solve = np.linalg.solve(A, b)
    x_inv = np.linalg.inv(A) @ b
    return {
        "solve": float(np.linalg.norm(A @ x_solve - b)),
        "inv": float(np.linalg.norm(A @ x_inv - b)),
    }


# ---------------------------------------------------------------- 2 × 2 pictures


def rank(M: ArrayLike) -> int:
    """The numerical rank of M: how many singular values stand above rounding noise.

    A singular value counts when it exceeds σ₁ · max(rows, columns) · machine ε, the
    usual threshold (numpy's ``matrix_rank`` uses the same). From k = rank on, the
    rank-k approximation ``low_rank(M, k)`` is M itself.
    """
    M = np.asarray(M, dtype=float)
    if M.ndim != 2:
        raise ValueError(f"M must be a 2-D matrix, got shape {M.shape}")
    if M.size == 0:
        return 0
    sigma = np.linalg.svd(M, compute_uv=False)
    tolerance = sigma[0] * max(M.shape) * np.finfo(float).eps
    return int(np.sum(sigma > tolerance))


def _direction(N: np.ndarray) -> np.ndarray:
    """A unit vector v with N v = 0, for a 2 × 2 N of rank 1: perpendicular to its longest row."""
    row = N[int(np.argmax(np.linalg.norm(N, axis=1)))]
    v = np.array([-row[1], row[0]], dtype=float)
    v /= np.linalg.norm(v)
    if v[0] < -1e-12 or (abs(v[0]) <= 1e-12 and v[1] < 0):
        v = -v  # an eigenvector's sign is arbitrary: point it right (or up)
    return v


def eigen_directions(M: ArrayLike, tol: float = 1e-9) -> tuple[str, list[complex], list[np.ndarray]]:
    """The eigenvalues of a 2 × 2 M and its eigen-directions, and which case it is.

    λ solves λ² − (trace) λ + det = 0, so the discriminant trace² − 4 det decides:
    "two" real eigenvalues with a direction each (largest |λ| first); "complex" ones and
    no real direction (M turns every vector); a repeated λ with "one" direction only (a
    defective matrix, such as the shear [[1, 1], [0, 1]]); or M = λI, which stretches
    "all" directions alike. Returns (case, eigenvalues, unit directions).
    """
    M = _as_square(M)
    if M.shape != (2, 2):
        raise ValueError(f"eigen_directions needs a 2 × 2 matrix, got shape {M.shape}")
    scale = max(float(np.max(np.abs(M))), 1.0)
    trace, det = float(M[0, 0] + M[1, 1]), float(M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0])
    disc = trace**2 - 4 * det
    if disc < -tol * scale**2:
        root = math.sqrt(-disc) / 2
        return "complex", [complex(trace / 2, root), complex(trace / 2, -root)], []
    if abs(disc) <= tol * scale**2:
        value = trace / 2
        N = M - value * np.eye(2)
        if np.max(np.abs(N)) <= tol * scale:
            return "all", [value, value], [np.array([1.0, 0.0]), np.array([0.0, 1.0])]
        return "one", [value, value], [_direction(N)]
    root = math.sqrt(disc) / 2
    values = sorted((trace / 2 + root, trace / 2 - root), key=lambda v: -abs(v))
    return "two", values, [_direction(M - value * np.eye(2)) for value in values]


def unit_square_image(M: ArrayLike) -> np.ndarray:
    """The corners of the unit square after M: 0, M e₁, M e₁ + M e₂, M e₂ (rows), in that order.

    The sides from 0 are M's columns, so the square lands on the parallelogram they span.
    """
    M = _as_square(M)
    corners = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    return corners @ M.T


def signed_area(points: ArrayLike) -> float:
    """The signed area of a polygon (corners in order) by the shoelace formula.

    Positive when the corners turn anticlockwise, negative when clockwise: for the image
    of the unit square it is det M, sign included.
    """
    P = np.asarray(points, dtype=float)
    x, y = P[:, 0], P[:, 1]
    return float(0.5 * (np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)))
