"""The property checks of the lesson's exercises; they run only inside the checking child.

Each `check_*` function receives the learner's code and a seeded random
generator and yields cases (see `tutor.checks.cases`): fixed edge cases first,
then random inputs. The expected values come from NumPy and `tutor.core`; the
learner's functions are called by the harness, under a time limit, never here.

This module imports numpy at the top: the lesson never imports it (the
exercise blocks name it as text), so loading the catalogue stays cheap.
"""

from __future__ import annotations

import ast
import math

import numpy as np

from tutor.checks import judges
from tutor.checks.cases import Case, Learner, Note, Raises
from tutor.checks.values import number, show
from tutor.core.calculus import gradient_check
from tutor.core.linalg import hilbert, solve_residuals
from tutor.core.optimize import standardize
from tutor.core.regression import add_bias, synthetic_houses

# ------------------------------------------------------------------ helpers


def _shortcut_note(learner: Learner, what: str, names: tuple[str, ...], matmul_operator: bool = False) -> Note | None:
    """Advice when the code leans on the NumPy function the exercise asks the learner to write."""
    used = sorted(learner.names_used() & set(names))
    if matmul_operator and learner.uses_operator(ast.MatMult):
        used.append("@")
    if not used:
        return None
    return Note(
        f"Your {what} uses {', '.join(used)}. The checks pass either way, but the point of this "
        "exercise is to write the arithmetic yourself, with loops."
    )


def _table(rng: np.random.Generator, rows: int, cols: int) -> list[list[int]]:
    return rng.integers(-9, 10, size=(rows, cols)).tolist()


# ------------------------------------------------------------------ 1. dot


def check_dot(learner: Learner, rng: np.random.Generator):
    fixed = [
        ("the example: 1·4 + 2·5 + 3·6", [1, 2, 3], [4, 5, 6]),
        ("edge case: empty vectors sum to 0", [], []),
        ("edge case: one entry", [2.5], [4]),
        ("negative entries cancel", [-1, 0, 1], [1, 0, -1]),
        ("NumPy arrays work too", np.array([0.5, -1.5, 2.0]), np.array([4.0, 2.0, -1.0])),
    ]
    for label, a, b in fixed:
        yield Case(label, "dot", (a, b), expected=float(np.dot(np.asarray(a, float), np.asarray(b, float))))
    for position in range(6):
        size = int(rng.integers(1, 9))
        a, b = np.round(rng.normal(size=(2, size)) * 5, 2)
        if position % 2:
            a, b = a.tolist(), b.tolist()
        yield Case(f"random vectors of length {size}", "dot", (a, b), expected=float(np.dot(a, b)))
    for a, b in (([1, 2, 3], [1, 2]), ([7], [1, 2, 3, 4]), ([], [1.0])):
        yield Case("different lengths", "dot", (a, b), raises=Raises(ValueError))
    note = _shortcut_note(learner, "dot", ("dot", "inner", "einsum", "vdot"), matmul_operator=True)
    if note:
        yield note


# ------------------------------------------------------------------ 2. matmul


def _matmul_case(label: str, A, B) -> Case:
    expected = np.asarray(A, dtype=float) @ np.asarray(B, dtype=float)
    return Case(label, "matmul", (A, B), expected=expected, judge=judges.array(expected, rtol=1e-9, atol=1e-9))


def check_matmul(learner: Learner, rng: np.random.Generator):
    yield _matmul_case("(3, 2) @ (2, 3)", [[1, 2], [3, 4], [5, 6]], [[7, 8, 9], [10, 11, 12]])
    yield _matmul_case("edge case: (1, 1) @ (1, 1)", [[3]], [[-4]])
    yield _matmul_case("edge case: a row times a column, (1, 3) @ (3, 1)", [[1, 2, 3]], [[4], [5], [6]])
    yield _matmul_case("edge case: a column times a row, (3, 1) @ (1, 3)", [[1], [2], [3]], [[4, 5, 6]])
    square = _table(rng, 3, 3)
    yield _matmul_case("edge case: times the identity", square, np.eye(3).tolist())
    for _ in range(6):
        m, k, n = (int(size) for size in rng.integers(1, 7, size=3))
        yield _matmul_case(f"random ({m}, {k}) @ ({k}, {n})", _table(rng, m, k), _table(rng, k, n))
    A, B = rng.normal(size=(4, 2)), rng.normal(size=(2, 5))
    yield _matmul_case("NumPy float arrays, (4, 2) @ (2, 5)", A, B)
    for (m, k), (k2, n) in (((2, 3), (4, 5)), ((1, 4), (3, 1)), ((3, 1), (3, 1))):
        A, B = _table(rng, m, k), _table(rng, k2, n)
        yield Case(
            f"shapes that do not fit, ({m}, {k}) @ ({k2}, {n})",
            "matmul",
            (A, B),
            raises=Raises(ValueError, shapes=((m, k), (k2, n))),
        )
    note = _shortcut_note(learner, "matmul", ("dot", "matmul", "einsum", "tensordot", "inner"), matmul_operator=True)
    if note:
        yield note


# ------------------------------------------------------------------ 3. derivative and grad_f


def _square(x):
    return x**2


def _cubic(x):
    return x**3 - 2 * x


def _quartic(x):
    return 0.5 * x**4 + x


def _sine(x):
    return np.sin(x)


CURVES = (
    ("f(x) = x²", _square, lambda x: 2 * x),
    ("f(x) = x³ − 2x", _cubic, lambda x: 3 * x**2 - 2),
    ("f(x) = x⁴/2 + x", _quartic, lambda x: 2 * x**3 + 1),
    ("f(x) = sin x", _sine, np.cos),
)


def _central_judge(f, x: float, h: float):
    central = (f(x + h) - f(x - h)) / (2 * h)
    forward = (f(x + h) - f(x)) / h
    backward = (f(x) - f(x - h)) / h
    close = judges.number(central, rtol=1e-7, atol=1e-9)

    def judge(got):
        reason = close(got)
        if reason is None:
            return None
        value = judges.as_float(got)
        if isinstance(value, float) and math.isclose(value, forward, rel_tol=1e-9, abs_tol=1e-12):
            return "that is the forward difference (f(x+h) − f(x))/h: use f(x+h) and f(x−h)"
        if isinstance(value, float) and math.isclose(value, backward, rel_tol=1e-9, abs_tol=1e-12):
            return "that is the backward difference (f(x) − f(x−h))/h: use f(x+h) and f(x−h)"
        return f"{reason}; the central difference (f(x+h) − f(x−h))/(2h) is {number(central)}"

    return central, judge


def _loss(X: np.ndarray, y: np.ndarray):
    return lambda w: float(np.sum((X @ w - y) ** 2) / len(y))


def _gradient_judge(X: np.ndarray, y: np.ndarray, w: np.ndarray, expected: np.ndarray):
    def judge(got):
        value = judges.as_array(got)
        if isinstance(value, str):
            return value
        if value.shape != w.shape:
            return f"expected shape {w.shape} (one slope per weight), got shape {value.shape}"
        error = gradient_check(_loss(X, y), lambda _: value, w)
        if error < 1e-6:
            return None
        scale = float(value @ expected) / float(expected @ expected)
        hint = ""
        if np.allclose(value, scale * expected, rtol=1e-6, atol=1e-9):
            n = len(y)
            for factor, words in ((0.5, "half the gradient: is the 2 missing?"), (-1, "the sign is flipped"),
                                  (float(n), f"{n} times too big: divide by n"),
                                  (1 / n, f"{n} times too small: divide by n only once")):
                if math.isclose(scale, factor, rel_tol=1e-6):
                    hint = f" ({words})"
        return f"gradient_check says relative error {error:.1e}; below 1e-6 means right{hint}"

    return judge


def check_derivative(learner: Learner, rng: np.random.Generator):
    yield _derivative_case("f(x) = x² at x = 3", _square, 3.0, 1e-3, "f(x) = x², x = 3, h = 0.001")
    for name, f, exact in CURVES:
        for h in (1e-2, 1e-4):
            x = float(np.round(rng.uniform(-2, 2), 3))
            yield _derivative_case(f"{name}, h = {h:g}", f, x, h, f"{name}, x = {number(x)}, h = {h:g}")
    x = float(np.round(rng.uniform(-2, 2), 3))
    yield Case(
        "the default h (about 1e-5) is close to the exact slope",
        "derivative",
        (_sine, x),
        expected=float(np.cos(x)),
        judge=judges.number(float(np.cos(x)), rtol=1e-6, atol=1e-8),
        shown=f"f(x) = sin x, x = {number(x)}, h left out",
    )
    for n, d in ((6, 1), (10, 2), (20, 3), (8, 4)):
        X, y, w = rng.normal(size=(n, d)), rng.normal(size=n), rng.normal(size=d)
        yield _gradient_case(f"random X of shape ({n}, {d})", X, y, w)
    X = rng.normal(size=(12, 2))
    y = rng.normal(size=12)
    best = np.linalg.lstsq(X, y, rcond=None)[0]
    yield Case(
        "edge case: at the minimum the gradient is zero",
        "grad_f",
        (best, X, y),
        expected=np.zeros(2),
        judge=judges.array(np.zeros(2), rtol=0, atol=1e-8),
        shown=f"w = least-squares weights {show(best)}, X of shape (12, 2)",
    )


def _derivative_case(label: str, f, x: float, h: float, shown: str) -> Case:
    central, judge = _central_judge(f, x, h)
    return Case(label, "derivative", (f, x, h), expected=central, judge=judge, shown=shown)


def _gradient_case(label: str, X: np.ndarray, y: np.ndarray, w: np.ndarray) -> Case:
    expected = 2 / len(y) * X.T @ (X @ w - y)
    return Case(
        label,
        "grad_f",
        (w, X, y),
        expected=expected,
        judge=_gradient_judge(X, y, w, expected),
        shown=f"w = {show(w)}, X of shape {X.shape}, y of shape {y.shape}",
    )


# ------------------------------------------------------------------ 4. normal equation and R²


def _houses() -> tuple[np.ndarray, np.ndarray]:
    x, y = synthetic_houses()
    return add_bias(x), y


def _weights_case(label: str, X: np.ndarray, y: np.ndarray, shown: str) -> Case:
    expected = np.linalg.lstsq(X, y, rcond=None)[0]
    return Case(
        label, "normal_equation", (X, y), expected=expected, judge=judges.array(expected, rtol=1e-6, atol=1e-8),
        shown=shown,
    )


def _r2(y, y_hat) -> float:
    y, y_hat = np.asarray(y, float), np.asarray(y_hat, float)
    return float(1 - np.sum((y - y_hat) ** 2) / np.sum((y - y.mean()) ** 2))


def check_normal_equation(learner: Learner, rng: np.random.Generator):
    X, y = _houses()
    yield _weights_case("the house data", X, y, "the 100 houses: X (100, 2) with its bias column, y (100,)")
    for n, d in ((10, 2), (25, 3), (40, 5)):
        X_r = add_bias(rng.normal(size=(n, d - 1)))
        y_r = X_r @ rng.normal(size=d) + rng.normal(scale=0.5, size=n)
        yield _weights_case(f"random data, X of shape ({n}, {d})", X_r, y_r, f"random X {X_r.shape}, y {y_r.shape}")
    X_e = add_bias(rng.normal(size=(8, 2)))
    yield _weights_case("edge case: a perfect fit", X_e, X_e @ np.array([1.0, -2.0, 0.5]),
                        "X (8, 3) and y = X @ [1, -2, 0.5], no noise")
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    cases = [
        ("the house data and its fitted line", y, X @ w, "y of the houses, ŷ = X w"),
        ("edge case: a perfect prediction gives 1", [1.0, 2.0, 4.0], [1.0, 2.0, 4.0], None),
        ("edge case: always predicting the mean gives 0", [1.0, 2.0, 6.0], [3.0, 3.0, 3.0], None),
        ("worse than the mean gives a negative R²", [1.0, 2.0, 3.0], [3.0, 2.0, 1.0], None),
    ]
    for _ in range(2):
        truth = rng.normal(size=15)
        cases.append(("random data", truth, truth + rng.normal(scale=0.7, size=15), None))
    for label, target, guess, shown in cases:
        yield Case(label, "r_squared", (target, guess), expected=_r2(target, guess),
                   judge=judges.number(_r2(target, guess), rtol=1e-8, atol=1e-10), shown=shown)
    if learner.uses("inv", "pinv"):
        H = hilbert(10)
        residual = solve_residuals(H, H @ np.ones(10))
        yield Note(
            "Your code calls inv(). It passes, but np.linalg.solve(A, b) is the better habit: it "
            "factorises A once instead of forming a whole inverse, which is slower and adds rounding "
            "error. On the 10×10 Hilbert matrix H, with b = H @ ones, the residual ‖Hx − b‖ is "
            f"{residual['solve']:.1e} with solve and {residual['inv']:.1e} with inv."
        )


# ------------------------------------------------------------------ 5. gradient descent


def _standardized(x: np.ndarray) -> np.ndarray:
    return add_bias(standardize(x)[0])


def _lands_near(target: np.ndarray, tolerance: float = 1e-4):
    def judge(got):
        value = judges.as_array(got)
        if isinstance(value, str):
            return value
        if value.shape != target.shape:
            return f"expected shape {target.shape}, got shape {value.shape}"
        gap = float(np.max(np.abs(value - target)))
        if gap <= tolerance:
            return None
        if not np.all(np.isfinite(value)):
            return "the weights blew up to inf or nan: is the step going uphill, or is the gradient too big?"
        return f"lands {gap:.1e} from the normal-equation weights (needs to be within {tolerance:g})"

    return judge


def check_gradient_descent(learner: Learner, rng: np.random.Generator):
    x, y = synthetic_houses()
    X = _standardized(x)
    n = len(y)
    houses = "the houses, standardized, with a bias column: X (100, 2), y (100,)"
    yield Case("edge case: no steps leaves w at zero", "gradient_descent", (X, y, 0.1, 0),
               expected=np.zeros(2), judge=judges.array(np.zeros(2), rtol=0, atol=0),
               shown=f"{houses}, lr = 0.1, steps = 0")
    one_step = 0.1 * (2 / n) * X.T @ y
    yield Case("one step from zero goes downhill: w = lr·(2/n)·Xᵀy", "gradient_descent", (X, y, 0.1, 1),
               expected=one_step, judge=judges.array(one_step, rtol=1e-9, atol=1e-12),
               shown=f"{houses}, lr = 0.1, steps = 1")
    target = np.linalg.solve(X.T @ X, X.T @ y)
    yield Case("the houses: lands on the normal-equation weights", "gradient_descent", (X, y, 0.1, 1000),
               expected=target, judge=_lands_near(target), shown=f"{houses}, lr = 0.1, steps = 1000")
    for features, lr, steps in ((3, 0.1, 1500), (2, 0.05, 3000)):
        raw = rng.normal(size=(60, features)) * rng.uniform(1, 50, size=features) + rng.uniform(-20, 20, size=features)
        X_r = _standardized(raw)
        y_r = X_r @ rng.normal(size=features + 1) + rng.normal(scale=0.3, size=60)
        target_r = np.linalg.solve(X_r.T @ X_r, X_r.T @ y_r)
        yield Case(f"random data with {features} standardized features", "gradient_descent", (X_r, y_r, lr, steps),
                   expected=target_r, judge=_lands_near(target_r),
                   shown=f"X {X_r.shape} with bias, y {y_r.shape}, lr = {lr:g}, steps = {steps}")


# ------------------------------------------------------------------ 6. log-likelihood


def _likelihood_judge(expected: float):
    close = judges.number(expected, rtol=1e-9, atol=1e-9)

    def judge(got):
        reason = close(got)
        value = judges.as_float(got)
        if reason and isinstance(value, float) and value == -math.inf:
            return "got -inf: the product underflowed to 0.0 before the log. Add the logs instead"
        return reason

    return judge


def check_log_likelihood(learner: Learner, rng: np.random.Generator):
    fixed = [
        ("edge case: a sure thing, p = 1, has log 0", [1.0]),
        ("two coin flips: 2 log 0.5", [0.5, 0.5]),
        ("a plain list", [0.1, 0.2, 0.3, 0.4]),
    ]
    for label, p in fixed:
        expected = float(np.sum(np.log(p)))
        yield Case(label, "log_likelihood", (p,), expected=expected, judge=_likelihood_judge(expected))
    many = rng.uniform(0.05, 0.5, size=1000)
    expected = float(np.sum(np.log(many)))
    yield Case("1,000 probabilities whose product underflows to 0.0", "log_likelihood", (many,),
               expected=expected, judge=_likelihood_judge(expected),
               shown=f"1,000 probabilities between 0.05 and 0.5 (np.prod gives {np.prod(many)!r})")
    for size in (5, 40, 300):
        p = rng.uniform(0.01, 1.0, size=size)
        expected = float(np.sum(np.log(p)))
        yield Case(f"random, {size} probabilities", "log_likelihood", (p,), expected=expected,
                   judge=_likelihood_judge(expected))


# ------------------------------------------------------------------ 7. PCA


def _component(X) -> np.ndarray:
    values, vectors = np.linalg.eigh(np.cov(np.asarray(X, float), rowvar=False))
    return vectors[:, np.argmax(values)]


def _pca_case(label: str, X, shown: str | None = None) -> Case:
    expected = _component(X)
    return Case(label, "first_component", (X,), expected=expected, judge=judges.direction(expected, 1e-6),
                shown=shown or f"X of shape {np.shape(X)}")


def _cloud(rng: np.random.Generator, n: int, scales: list[float], offset: float = 0.0) -> np.ndarray:
    rotation, _ = np.linalg.qr(rng.normal(size=(len(scales), len(scales))))
    return rng.normal(size=(n, len(scales))) * scales @ rotation.T + offset


def check_pca(learner: Learner, rng: np.random.Generator):
    t = rng.normal(size=30)
    line = np.column_stack([t, 2 * t + rng.normal(scale=0.01, size=30)])
    yield _pca_case("points close to the line y = 2x", line, "30 points close to y = 2x")
    tall = rng.normal(size=(50, 2)) * [1.0, 4.0]
    yield _pca_case("edge case: most variance along the second axis", tall,
                    "50 points spread 4× more along the second axis than the first")
    far = _cloud(rng, 40, [3.0, 1.0]) + [100.0, -50.0]
    yield _pca_case("edge case: a cloud far from the origin (centre it first)", far,
                    "40 points centred at (100, −50)")
    yield _pca_case("a list of lists", np.round(_cloud(rng, 6, [2.0, 0.5]), 3).tolist())
    for scales in ([5.0, 1.0, 0.5], [4.0, 2.0, 1.0, 0.5], [3.0, 1.0]):
        yield _pca_case(f"random cloud in {len(scales)} dimensions", _cloud(rng, 80, scales, offset=2.0))


# ------------------------------------------------------------------ 8. norms


def check_norms(learner: Learner, rng: np.random.Generator):
    vectors = [
        ("edge case: the zero vector", [0.0, 0.0, 0.0]),
        ("edge case: an empty vector", []),
        ("the 3-4-5 triangle", [3, 4]),
        ("negative entries count by their size", [-3, 4]),
        ("one negative entry", [-2.5]),
    ]
    vectors += [("random array", np.round(rng.normal(size=int(rng.integers(2, 9))) * 3, 3)) for _ in range(3)]
    vectors += [("random list", np.round(rng.normal(size=5) * 3, 3).tolist())]
    for function, norm in (("l1_norm", lambda v: float(np.sum(np.abs(v)))),
                           ("l2_norm", lambda v: float(np.sqrt(np.sum(np.square(v)))))):
        for label, v in vectors:
            expected = norm(np.asarray(v, dtype=float))
            yield Case(label, function, (v,), expected=expected, judge=judges.number(expected, rtol=1e-9, atol=1e-12))
    note = _shortcut_note(learner, "norms", ("norm",))
    if note:
        yield note
