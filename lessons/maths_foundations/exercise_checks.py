"""The property checks of the lesson's exercises; they run only inside the checking child.

Each `check_*` function receives the learner's code and a seeded random
generator and yields cases (see `tutor.grading.cases`): the rules the task
states first (read from the code, see `tutor.grading.rules`), then fixed edge
cases, then random inputs. The expected values come from NumPy, SciPy and
`tutor.core`; the learner's functions are called by the harness, under a time
limit, never here.

Where a wrong answer has a common cause, the judge recomputes that mistake
on the same input and, when the learner's value matches it, names the cause
("divided by h instead of 2h") instead of only saying how far off it is.

This module imports numpy at the top: the lesson never imports it (the
exercise blocks name it as text), so loading the catalogue stays cheap.
SciPy is imported only by the check that needs it.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Sequence

import numpy as np

from tutor.grading import judges
from tutor.grading.cases import Case, Learner, Note, Raises
from tutor.grading.rules import ARRAY_LIBRARIES, Rule, Source, rule_case
from tutor.grading.values import number, show
from tutor.core.calculus import gradient_check
from tutor.core.linalg import hilbert, solve_residuals
from tutor.core.optimize import standardize
from tutor.core.regression import add_bias, synthetic_houses

# ------------------------------------------------------------------ helpers

Mistake = tuple[object, str]
"""What a common mistake returns on this input, and the sentence that names it."""


def _number_judge(expected: float, mistakes: Sequence[Mistake] = (), rtol: float = 1e-9, atol: float = 1e-12):
    """Within tolerance of `expected`; otherwise the first mistake whose value it matches, named.

    A mistake is named only when it is told apart from the right answer by the same tolerance.
    """
    close = judges.number(expected, rtol=rtol, atol=atol)

    def _same_number(got: float, value: float) -> bool:
        return math.isclose(got, value, rel_tol=max(rtol, 1e-7), abs_tol=atol)

    def judge(got):
        reason = close(got)
        if reason is None:
            return None
        value = judges.as_float(got)
        if isinstance(value, float):
            for wrong, words in mistakes:
                if not _same_number(float(wrong), float(expected)) and _same_number(value, float(wrong)):
                    return words
        return reason

    return judge


def _rules(learner: Learner, *rules: Rule):
    """A failed case for each rule the learner's code breaks."""
    source = Source(learner.source)
    for rule in rules:
        broken = rule_case(source, rule)
        if broken is not None:
            yield broken


def _table(rng: np.random.Generator, rows: int, cols: int) -> list[list[int]]:
    return rng.integers(-9, 10, size=(rows, cols)).tolist()


PRODUCTS = frozenset({"dot", "vdot", "inner", "outer", "einsum", "matmul", "tensordot", "multi_dot", "kron"})
PRODUCT_OPERATORS = frozenset({"operator.matmul", "operator.__matmul__", "operator.imatmul"})
PRODUCT_METHODS = frozenset({"dot", "__matmul__", "__rmatmul__"})

DIFFERENCING = frozenset({
    "gradient", "derivative", "approx_fprime", "check_grad", "gradient_check", "jacobian", "grad",
    "value_and_grad", "jacfwd", "jacrev", "vjp", "diff",
})
"""Calls that estimate (or automate) a derivative: numerical differencing, autograd."""
DIFFERENCING_ROOTS = ARRAY_LIBRARIES | {"tutor", "autograd", "numdifftools"}


# ------------------------------------------------------------------ 1. dot

DOT_RULE = Rule(
    function="dot",
    summary="a loop of products, no np.dot or @",
    why=(
        "the task asks for the loop itself. np.dot (like @ and its relatives) computes the whole "
        "sum in one call, so a pass with it would not show that you can: add x * y for each pair yourself."
    ),
    functions=PRODUCTS,
    exact=PRODUCT_OPERATORS,
    methods=PRODUCT_METHODS,
    operators=(ast.MatMult,),
)


WHOLE_ARRAYS = Rule(function="dot", summary="", why="", functions=frozenset({"sum", "multiply", "prod"}),
                    roots=frozenset({"numpy"}))
"""Not a rule, advice: NumPy's whole-array sum of products passes, but skips the loop."""


def _dot_judge(a, b) -> Callable:
    a, b = np.asarray(a, float), np.asarray(b, float)
    expected = float(np.dot(a, b))
    mistakes: list[Mistake] = []
    if len(a) >= 2:
        mistakes += [
            (float(np.dot(a[1:], b[1:])), "the first pair, a[0]·b[0], is missing: does the loop start at 1?"),
            (float(np.dot(a[:-1], b[:-1])),
             "the last pair is missing: range(len(a) - 1) stops one early; range(len(a)) visits every position"),
            (float(np.sum(a) * np.sum(b)), "that is sum(a) × sum(b): multiply pair by pair, then add the products"),
        ]
    return _number_judge(expected, mistakes)


def check_dot(learner: Learner, rng: np.random.Generator):
    yield from _rules(learner, DOT_RULE)
    fixed = [
        ("the example: 1·4 + 2·5 + 3·6", [1, 2, 3], [4, 5, 6]),
        ("edge case: empty vectors sum to 0", [], []),
        ("edge case: one entry", [2.5], [4]),
        ("negative entries cancel", [-1, 0, 1], [1, 0, -1]),
        ("NumPy arrays work too", np.array([0.5, -1.5, 2.0]), np.array([4.0, 2.0, -1.0])),
    ]
    for label, a, b in fixed:
        yield Case(label, "dot", (a, b), expected=float(np.dot(np.asarray(a, float), np.asarray(b, float))),
                   judge=_dot_judge(a, b))
    for position in range(6):
        size = int(rng.integers(2, 9))
        a, b = np.round(rng.normal(size=(2, size)) * 5, 2)
        if position % 2:
            a, b = a.tolist(), b.tolist()
        yield Case(f"random vectors of length {size}", "dot", (a, b), expected=float(np.dot(a, b)),
                   judge=_dot_judge(a, b))
    for a, b in (([1, 2, 3], [1, 2]), ([7], [1, 2, 3, 4]), ([], [1.0])):
        yield Case("different lengths", "dot", (a, b), raises=Raises(ValueError))
    if Source(learner.source).broken(WHOLE_ARRAYS):
        yield Note(
            "Your dot() leans on NumPy's whole-array arithmetic. The checks pass either way, but the "
            "exercise is about the loop: one product per position, added to a running total.",
            if_passed=True,
        )


# ------------------------------------------------------------------ 2. matmul

MATMUL_RULE = Rule(
    function="matmul",
    summary="loops only: no @, np.matmul, np.dot, np.einsum, …",
    why=(
        "the exercise is to build the product from its definition, one entry at a time: row i of A "
        "against column j of B. A ready-made product (@, np.matmul, np.dot, np.einsum, np.tensordot, "
        "np.inner, np.outer) does all of it for you, so a pass would say nothing about your loops."
    ),
    functions=PRODUCTS,
    exact=PRODUCT_OPERATORS,
    methods=PRODUCT_METHODS,
    operators=(ast.MatMult,),
)


def _matmul_judge(A, B, expected: np.ndarray) -> Callable:
    close = judges.array(expected, rtol=1e-9, atol=1e-9)
    A, B = np.asarray(A, float), np.asarray(B, float)
    (m, k), n = A.shape, B.shape[1]

    def judge(got):
        reason = close(got)
        if reason is None:
            return None
        if isinstance(got, list) and len(got) > 1 and all(row is got[0] for row in got):
            return (
                f"every row of your result is the same list object: [[0] * {n}] * {m} repeats one row "
                f"{m} times, so adding to C[0][j] adds to every row. Build the rows with "
                "[[0] * n for _ in range(m)]"
            )
        value = judges.as_array(got)
        if isinstance(value, str):
            return reason
        symmetric = expected.shape == expected.T.shape and np.allclose(expected, expected.T)
        if value.shape == expected.T.shape and np.allclose(value, expected.T) and not symmetric:
            return "your result is transposed: entry [i][j] must pair row i of A with column j of B"
        if value.shape == expected.shape:
            if k == n and np.allclose(value, A @ B.T):
                return "B is read along a row, B[j][t]: column j of B is B[t][j]"
            if m == k and np.allclose(value, A.T @ B):
                return "A is read down a column, A[t][i]: row i of A is A[i][t]"
            for r in sorted({m, n}):
                if r < k and np.allclose(value, A[:, :r] @ B[:r, :]):
                    return (
                        f"only {r} of the {k} products are added: the inner loop must run over the "
                        f"inner size k = len(B) = {k}, not over {'m' if r == m else 'n'}"
                    )
        elif value.shape == (n, m):
            return (
                f"{reason}: the result needs one row per row of A ({m}) and one column per column of B ({n})"
            )
        return reason

    return judge


def _index_advice(error: BaseException) -> str | None:
    if isinstance(error, IndexError):
        return (
            "an index ran past the end: entry [i][j] adds up A[i][t] * B[t][j], with i over the rows of A "
            "(len(A)), j over the columns of B (len(B[0])) and t over the inner size (len(B))"
        )
    return None


def _matmul_case(label: str, A, B) -> Case:
    expected = np.asarray(A, dtype=float) @ np.asarray(B, dtype=float)
    return Case(label, "matmul", (A, B), expected=expected, judge=_matmul_judge(A, B, expected),
                explain=_index_advice)


def check_matmul(learner: Learner, rng: np.random.Generator):
    yield from _rules(learner, MATMUL_RULE)
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


# ------------------------------------------------------------------ 3. derivative and grad_f


def _by_hand_rule(function: str, formula: str, own: frozenset[str] = frozenset()) -> Rule:
    return Rule(
        function=function,
        summary="written out by hand, no numerical differencing",
        why=(
            f"{function} must be the formula you derived, {formula}. A finite difference only "
            "estimates the slope (one nudge per weight, to about 7 digits), and gradient_check compares "
            "your gradient with exactly such an estimate, so a gradient computed that way checks nothing."
        ),
        functions=DIFFERENCING,
        methods=frozenset({"backward"}),
        own=own,
        differencing=True,
        roots=DIFFERENCING_ROOTS,
    )


GRAD_RULE = _by_hand_rule("grad_f", "(2/n)·Xᵀ(Xw − y)", own=frozenset({"derivative"}))


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

OTHER_STEPS = (1e-5, 1e-6, 1e-4, 1e-3, 1e-7, 1e-8, 1e-2)
"""Steps a solution that ignores its h might use instead (1e-5 is the default)."""


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
        if not isinstance(value, float):
            return reason
        if math.isclose(value, forward, rel_tol=1e-9, abs_tol=1e-12):
            return "that is the forward difference (f(x+h) − f(x))/h: use f(x+h) and f(x−h)"
        if math.isclose(value, backward, rel_tol=1e-9, abs_tol=1e-12):
            return "that is the backward difference (f(x) − f(x−h))/h: use f(x+h) and f(x−h)"
        if math.isclose(value, 2 * central, rel_tol=1e-7, abs_tol=1e-9):
            return (
                "twice the slope: divided by h instead of 2h. The points x − h and x + h are 2h apart, "
                "so the run is 2h"
            )
        for other in OTHER_STEPS:
            if other == h:
                continue
            estimate = (f(x + other) - f(x - other)) / (2 * other)
            if not math.isclose(estimate, central, rel_tol=1e-7, abs_tol=1e-9) and math.isclose(
                value, estimate, rel_tol=1e-7, abs_tol=1e-9
            ):
                return (
                    f"your answer ignores h: it is the central difference with h = {other:g}, but this "
                    f"call passed h = {h:g}. Use the h the function is given"
                )
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
            for factor, words in ((0.5, "half the gradient: is the 2 missing?"),
                                  (-1, "the sign is flipped: the residual is Xw − y, not y − Xw"),
                                  (-0.5, "the sign is flipped and the 2 is missing"),
                                  (float(n), f"{n} times too big: divide by n"),
                                  (n / 2, f"{n}/2 times too big: divide by n, and keep the 2"),
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
    yield from _rules(learner, GRAD_RULE)
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


# ------------------------------------------------------------------ 3b. backpropagation through a sigmoid


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _backprop_parts(w: np.ndarray, b: float, x: np.ndarray, y: float) -> dict[str, np.ndarray]:
    """The right gradient of L = (σ(w·x + b) − y)² as one vector [dL/dw…, dL/db], and common mistakes."""
    z = float(w @ x + b)
    p = float(_sigmoid(z))
    slope = p * (1 - p)
    outer = 2 * (p - y)

    def stacked(dz: float, with_x: bool = True) -> np.ndarray:
        return np.append(dz * x if with_x else dz * np.ones_like(x), dz)

    return {
        "right": stacked(outer * slope),
        "no sigmoid slope": stacked(outer),
        "z instead of p": stacked(outer * z * (1 - z)),
        "no x": stacked(outer * slope, with_x=False),
    }


BACKPROP_MISTAKES = (
    (-1.0, "right", "the sign is flipped: dL/dp = 2(p − y), not 2(y − p)"),
    (0.5, "right", "half the gradient: d/dp (p − y)² = 2(p − y), is the 2 missing?"),
    (1.0, "no sigmoid slope",
     "the sigmoid's own slope is missing: the chain rule multiplies by dp/dz = σ′(z) = p(1 − p)"),
    (-1.0, "no sigmoid slope", "the sigmoid's slope p(1 − p) is missing, and the sign is flipped"),
    (0.5, "no sigmoid slope", "the sigmoid's slope p(1 − p) is missing, and so is the 2 of 2(p − y)"),
    (1.0, "z instead of p", "σ′(z) is p(1 − p) with p = σ(z), the sigmoid's output; you used z(1 − z)"),
    (1.0, "no x", "dz/dw is x: dL/dw is dL/dz times x, entry by entry"),
)


def _backprop_judge(w: np.ndarray, b: float, x: np.ndarray, y: float):
    parts = _backprop_parts(w, b, x, y)
    theta = np.append(w, b)

    def loss(t: np.ndarray) -> float:
        return float((_sigmoid(t[:-1] @ x + t[-1]) - y) ** 2)

    def judge(got):
        if got is None:
            return "returned None: is a `return grad_w, grad_b` missing?"
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            return "expected two things, the pair (dL/dw, dL/db): `return grad_w, grad_b`"
        if got[1] is None:
            return "dL/db is None: return both gradients, `return grad_w, grad_b`"
        grad_w, grad_b = judges.as_array(got[0]), judges.as_array(np.atleast_1d(np.asarray(got[1], dtype=object)))
        if isinstance(grad_w, str):
            return f"dL/dw: {grad_w}"
        if isinstance(grad_b, str):
            return f"dL/db: {grad_b}"
        if grad_w.shape != w.shape:
            return f"dL/dw should have the shape of w, {w.shape}; got shape {grad_w.shape}"
        if grad_b.size != 1:
            return f"dL/db should be one number, like b; got {grad_b.size} numbers"
        value = np.append(grad_w, grad_b.reshape(-1))
        error = gradient_check(loss, lambda _: value, theta)
        if error < 1e-6:
            return None
        said = f"gradient_check says relative error {error:.1e}; below 1e-6 means right"
        for factor, name, words in BACKPROP_MISTAKES:
            if np.allclose(value, factor * parts[name], rtol=1e-6, atol=1e-12):
                return f"{words} ({said})"
        right = parts["right"]
        if np.allclose(value[:-1], right[:-1], rtol=1e-6, atol=1e-12):
            return f"dL/dw is right but dL/db is not: dz/db = 1, so dL/db = dL/dz ({said})"
        if np.allclose(value[-1], right[-1], rtol=1e-6, atol=1e-12):
            return f"dL/db is right but dL/dw is not: dL/dw = dL/dz · x ({said})"
        return said

    return judge


BACKPROP_RULE = _by_hand_rule("backprop", "2(p − y)·p(1 − p) times x for w, and times 1 for b")


def check_backprop(learner: Learner, rng: np.random.Generator):
    yield from _rules(learner, BACKPROP_RULE)
    fixed = [
        ("the example: w = (0.5, −1), b = 0.1, x = (1, 2), y = 1", [0.5, -1.0], 0.1, [1.0, 2.0], 1.0),
        ("edge case: one weight", [2.0], -1.0, [0.5], 0.0),
        ("a label of 0 pushes p down", [0.3, 0.8, -0.2], 0.0, [1.0, 1.0, 1.0], 0.0),
        ("edge case: z = 0, where σ′ is largest (1/4)", [1.0, 1.0], 0.0, [1.0, -1.0], 1.0),
    ]
    for label, w, b, x, y in fixed:
        yield _backprop_case(label, np.array(w), b, np.array(x), y)
    for size in (2, 3, 5, 8):
        x = np.round(rng.normal(size=size), 3)
        w = np.round(rng.normal(size=size) / math.sqrt(size), 3)
        b = float(np.round(rng.normal() * 0.5, 3))
        y = float(rng.integers(0, 2)) if size % 2 else float(np.round(rng.uniform(0, 1), 3))
        yield _backprop_case(f"random, {size} weights", w, b, x, y)


def _backprop_case(label: str, w: np.ndarray, b: float, x: np.ndarray, y: float) -> Case:
    parts = _backprop_parts(w, b, x, y)
    expected = (parts["right"][:-1], float(parts["right"][-1]))
    return Case(
        label, "backprop", (w, b, x, y),
        expected=expected, judge=_backprop_judge(w, b, x, y),
        shown=f"w = {show(w)}, b = {number(b)}, x = {show(x)}, y = {number(y)}",
    )


# ------------------------------------------------------------------ 4. normal equation and R²


def _houses() -> tuple[np.ndarray, np.ndarray]:
    x, y = synthetic_houses()
    return add_bias(x), y


def _singular_advice(error: BaseException) -> str | None:
    if type(error).__name__ == "LinAlgError" and "singular" in str(error).lower():
        return (
            "XᵀX is singular, so two columns of X are the same. X already comes with its bias column "
            "of ones: did you add another one?"
        )
    return None


def _weights_judge(X: np.ndarray, expected: np.ndarray):
    close = judges.array(expected, rtol=1e-6, atol=1e-8)
    d = X.shape[1]

    def judge(got):
        reason = close(got)
        if reason is None:
            return None
        value = judges.as_array(got)
        if not isinstance(value, str) and value.shape == (d + 1,):
            return (
                f"{d + 1} weights for {d} columns: X already has its bias column of ones, and a second "
                "one makes two identical columns (XᵀX is then singular: no unique answer)"
            )
        return reason

    return judge


def _weights_case(label: str, X: np.ndarray, y: np.ndarray, shown: str) -> Case:
    expected = np.linalg.lstsq(X, y, rcond=None)[0]
    return Case(
        label, "normal_equation", (X, y), expected=expected, judge=_weights_judge(X, expected),
        shown=shown, explain=_singular_advice,
    )


def _r2(y, y_hat) -> float:
    y, y_hat = np.asarray(y, float), np.asarray(y_hat, float)
    return float(1 - np.sum((y - y_hat) ** 2) / np.sum((y - y.mean()) ** 2))


def _r2_judge(y, y_hat):
    expected = _r2(y, y_hat)
    return _number_judge(expected, [(1 - expected, "that is SSE/SST, the share left unexplained: R² is 1 minus it")],
                         rtol=1e-8, atol=1e-10)


def _solve_rule() -> Rule:
    H = hilbert(10)
    residual = solve_residuals(H, H @ np.ones(10))
    return Rule(
        function="normal_equation",
        summary="np.linalg.solve, not an inverse or lstsq",
        why=(
            "the task asks you to solve XᵀX w = Xᵀy with np.linalg.solve. Solving factorises the matrix "
            "once; forming an inverse (inv, pinv) is slower and adds rounding error, and lstsq skips the "
            "normal equation altogether. On the 10×10 Hilbert matrix H, with b = H @ ones, the residual "
            f"‖Hx − b‖ is {residual['solve']:.1e} with solve and {residual['inv']:.1e} with inv."
        ),
        functions=frozenset({"inv", "pinv", "lstsq", "tensorinv", "matrix_power"}),
    )


def check_normal_equation(learner: Learner, rng: np.random.Generator):
    yield from _rules(learner, _solve_rule())
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
                   judge=_r2_judge(target, guess), shown=shown)


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


def _descend(X: np.ndarray, y: np.ndarray, lr: float, steps: int, *, scale: float = 1.0,
             one_at_a_time: bool = False) -> np.ndarray:
    """`steps` steps from zero; `scale` multiplies the gradient (a mistake's), `one_at_a_time` updates
    w[0] before w[1]'s slope is computed (the coordinate-by-coordinate mistake)."""
    n = len(y)
    w = np.zeros(X.shape[1])
    with np.errstate(all="ignore"):  # a mistake's weights may overflow; say nothing on the learner's output
        for _ in range(steps):
            if one_at_a_time:
                for j in range(len(w)):
                    w[j] -= lr * scale * (2 / n) * X[:, j] @ (X @ w - y)
            else:
                w = w - lr * scale * (2 / n) * X.T @ (X @ w - y)
    return w


def _trajectory_judge(X: np.ndarray, y: np.ndarray, lr: float, steps: int):
    expected = _descend(X, y, lr, steps)
    close = judges.array(expected, rtol=1e-9, atol=1e-12)
    n = len(y)
    mistakes = [
        (_descend(X, y, lr, steps, one_at_a_time=True),
         "w[0] was changed before w[1]'s slope was computed: work out the whole gradient at the current w "
         "first, then update every weight at once (w = w − lr·gradient)"),
        (np.linalg.solve(X.T @ X, X.T @ y),
         f"those are the normal-equation weights, the bottom of the bowl, not where {steps} steps from zero "
         "get to: take exactly `steps` steps of size lr"),
        (_descend(X, y, lr, steps, scale=-1.0), "each step went uphill: subtract lr times the gradient"),
        (_descend(X, y, lr, steps, scale=0.5), "each step is half as long as it should be: is the 2 of (2/n) missing?"),
        (_descend(X, y, lr, steps, scale=float(n)), f"each step is {n} times too long: divide the gradient by n"),
        (_descend(X, y, lr, steps - 1), f"those are the weights after {steps - 1} steps: the loop stops one short"),
        (_descend(X, y, lr, steps + 1), f"those are the weights after {steps + 1} steps: the loop takes one too many"),
    ]

    def same(value, wrong):
        return bool(np.all(np.isfinite(wrong)) and np.allclose(value, wrong, rtol=1e-7, atol=1e-10))

    return expected, judges.naming_mistakes(close, mistakes, same)


def _correlated(rng: np.random.Generator, n: int = 40) -> tuple[np.ndarray, np.ndarray, float]:
    """Unstandardized house-like data whose two features move together, and a learning rate that is stable on it."""
    size = rng.uniform(50, 250, size=n)
    rooms = size / 30 + rng.normal(scale=0.6, size=n)
    X = add_bias(np.column_stack([size, rooms]))
    y = 1.2 * size + 8 * rooms + 30 + rng.normal(scale=15, size=n)
    curvature = float(np.linalg.eigvalsh(2 / n * X.T @ X)[-1])
    lr = float(f"{1 / curvature:.1g}")
    return X, y, lr


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
    X_c, y_c, lr_c = _correlated(rng)
    for steps in (3, 8):
        expected, judge = _trajectory_judge(X_c, y_c, lr_c, steps)
        yield Case(f"exactly {steps} steps on raw, correlated features", "gradient_descent", (X_c, y_c, lr_c, steps),
                   expected=expected, judge=judge,
                   shown=f"X (40, 3): bias, size in m², rooms (which grow with size); y (40,); lr = {lr_c:g}, "
                   f"steps = {steps}")
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


def _likelihood_judge(p) -> Callable:
    p = np.asarray(p, dtype=float)
    logs = np.log(p)
    expected = float(np.sum(logs))
    mistakes = [
        (-expected, "that is minus the log-likelihood (the negative log-likelihood, a loss to minimise); "
                    "the log-likelihood itself is the sum of the logs, ≤ 0 here"),
        (float(np.sum(np.log10(p))), "that is the base-10 log: np.log (the natural log) is the one likelihoods use"),
        (float(np.sum(np.log2(p))), "that is the base-2 log: np.log (the natural log) is the one likelihoods use"),
        (float(np.mean(logs)) if len(p) else 0.0, "that is the mean of the logs: the log of a product is their sum"),
    ]
    close = _number_judge(expected, mistakes, rtol=1e-9, atol=1e-9)

    def judge(got):
        value = judges.as_float(got)
        if isinstance(value, float) and value == -math.inf and expected != -math.inf:
            return "got -inf: a product underflowed to 0.0 before the log. Add the logs instead"
        return close(got)

    return expected, judge


def check_log_likelihood(learner: Learner, rng: np.random.Generator):
    fixed = [
        ("edge case: a sure thing, p = 1, has log 0", [1.0]),
        ("two coin flips: 2 log 0.5", [0.5, 0.5]),
        ("a plain list", [0.1, 0.2, 0.3, 0.4]),
        ("edge case: two probabilities of 1e-300 (their product is 1e-600)", [1e-300, 1e-300]),
    ]
    for label, p in fixed:
        expected, judge = _likelihood_judge(p)
        yield Case(label, "log_likelihood", (p,), expected=expected, judge=judge)
    many = rng.uniform(0.05, 0.5, size=1000)
    expected, judge = _likelihood_judge(many)
    yield Case("1,000 probabilities whose product underflows to 0.0", "log_likelihood", (many,),
               expected=expected, judge=judge,
               shown=f"1,000 probabilities between 0.05 and 0.5 (np.prod gives {np.prod(many)!r})")
    tiny = 10.0 ** rng.uniform(-300, -1, size=200)
    expected, judge = _likelihood_judge(tiny)
    yield Case("200 probabilities from 1e-300 to 0.1: any two or three of them underflow", "log_likelihood",
               (tiny,), expected=expected, judge=judge,
               shown=f"200 probabilities between 1e-300 and 0.1 (the product of the first three is "
               f"{np.prod(tiny[:3])!r})")
    for size in (5, 40, 300):
        p = rng.uniform(0.01, 1.0, size=size)
        expected, judge = _likelihood_judge(p)
        yield Case(f"random, {size} probabilities", "log_likelihood", (p,), expected=expected, judge=judge)


# ------------------------------------------------------------------ 7. PCA


def _component(X) -> np.ndarray:
    values, vectors = np.linalg.eigh(np.cov(np.asarray(X, float), rowvar=False))
    return vectors[:, np.argmax(values)]


def _parallel(a: np.ndarray, b: np.ndarray, tolerance: float = 1e-6) -> bool:
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    if na == 0 or nb == 0 or a.shape != b.shape:
        return False
    return abs(float(a @ b)) / (na * nb) >= 1 - tolerance


def _pca_judge(X) -> Callable:
    X = np.asarray(X, float)
    expected = _component(X)
    close = judges.direction(expected, 1e-6)
    covariance = np.cov(X, rowvar=False)
    values, vectors = np.linalg.eigh(covariance)
    top = int(np.argmax(values))
    columns = [vectors[:, j] for j in range(len(values))]
    mistakes: list[tuple[np.ndarray, str]] = []
    for j, column in enumerate(columns):
        if j != top:
            mistakes.append((column, (
                f"that is the eigenvector of eigenvalue {values[j]:.4g}, not of the largest, {values[top]:.4g}: "
                "np.linalg.eig returns its eigenvalues in no particular order (and eigh in ascending order), "
                "so pick the column with np.argmax(values)"
            )))
    _, eig_vectors = np.linalg.eig(covariance)
    for matrix in (vectors, np.real(eig_vectors)):
        for row in matrix:
            if not any(_parallel(row, column) for column in columns):
                mistakes.append((row, (
                    "that is a row of the eigenvector matrix: eigh and eig return the eigenvectors as its "
                    "columns, so take vectors[:, i], not vectors[i]"
                )))
    raw = np.linalg.eigh(X.T @ X)[1][:, -1]
    if not _parallel(raw, expected, 1e-4):
        mistakes.insert(0, (raw, (
            "that direction comes from XᵀX without centring: subtract each column's mean first, or the "
            "direction points toward the cloud's centre instead of along its spread"
        )))

    return judges.naming_mistakes(close, mistakes, _parallel, keep_reason=True)


def _pca_case(label: str, X, shown: str | None = None) -> Case:
    expected = _component(X)
    return Case(label, "first_component", (X,), expected=expected, judge=_pca_judge(X),
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
    ordered = np.column_stack([rng.normal(size=60) * 0.5, rng.normal(size=60) * 3.0, rng.normal(size=60)])
    yield _pca_case("edge case: the biggest spread is in the middle column", ordered,
                    "60 points spread 0.5, 3 and 1 along the three axes")


# ------------------------------------------------------------------ 8. norms


def _norm_rule(function: str) -> Rule:
    return Rule(
        function=function,
        summary="from the definition, not np.linalg.norm",
        why=(
            "the exercise is to build each norm from its definition: L1 adds up the sizes |vᵢ|, L2 adds up "
            "the squares and takes the square root. np.linalg.norm (or math.hypot) hands you the answer, so "
            "a pass with it would not show that you know which is which."
        ),
        functions=frozenset({"norm", "vector_norm", "matrix_norm"}),
        exact=frozenset({"math.hypot", "math.dist"}),
    )


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

    def l1_mistakes(v: np.ndarray) -> list[Mistake]:
        return [(float(np.sum(v)), "negative entries pulled the total down: is abs() missing? |−3| counts as 3"),
                (float(np.sqrt(np.sum(np.abs(v)))), "that is the square root of the L1 norm: L1 has no square root")]

    def l2_mistakes(v: np.ndarray) -> list[Mistake]:
        return [(float(np.sum(v * v)), "that is the sum of the squares, ‖v‖²: take its square root"),
                (float(np.sum(np.abs(v))), "that is the L1 norm (the sum of the sizes): L2 squares, adds, then "
                                          "takes the square root")]

    for function, norm, mistakes in (
        ("l1_norm", lambda v: float(np.sum(np.abs(v))), l1_mistakes),
        ("l2_norm", lambda v: float(np.sqrt(np.sum(np.square(v)))), l2_mistakes),
    ):
        yield from _rules(learner, _norm_rule(function))
        for label, v in vectors:
            array = np.asarray(v, dtype=float)
            expected = norm(array)
            yield Case(label, function, (v,), expected=expected,
                       judge=_number_judge(expected, mistakes(array), rtol=1e-9, atol=1e-12))


# ------------------------------------------------------------------ 9. the Binomial distribution


def _binomial_mistakes(k: int, n: int, p: float) -> list[Mistake]:
    if not 0 <= k <= n:
        return []
    q = 1 - p
    return [
        (p**k * q ** (n - k), f"the count of orderings C(n, k) = comb({n}, {k}) = {math.comb(n, k)} is missing: "
                              "k successes can fall in that many places"),
        (math.comb(n, k) * q**k * p ** (n - k), "p and 1 − p are swapped: pᵏ goes with the k successes, "
                                                "(1 − p)ⁿ⁻ᵏ with the n − k failures"),
        (math.comb(n, k) * p**k * q**n, "the failures' exponent should be n − k, not n"),
        (math.comb(n, k) * p**k, "the (1 − p)ⁿ⁻ᵏ factor for the n − k failures is missing"),
        (math.perm(n, k) * p**k * q ** (n - k), "math.perm counts ordered arrangements; the pmf uses math.comb"),
    ]


def _cdf_mistakes(k: int, n: int, p: float) -> list[Mistake]:
    from scipy import stats

    mistakes: list[Mistake] = [
        (float(stats.binom.cdf(k - 1, n, p)), "that is P(X < k): the cdf includes k itself, so add up to "
                                              "range(k + 1)"),
        (float(stats.binom.sf(k, n, p)), "that is P(X > k), the upper tail: the cdf adds the pmf from 0 up to k"),
    ]
    if 0 <= k <= n:
        mistakes.append((float(stats.binom.pmf(k, n, p)), "that is P(X = k), the pmf: the cdf adds P(X = j) for "
                                                           "every j from 0 to k"))
    return mistakes


def check_binomial(learner: Learner, rng: np.random.Generator):
    from scipy import stats

    fixed = [
        ("the section's example, Binomial(20, 0.4) at its mode", 8, 20, 0.4),
        ("a fair coin: exactly 2 heads in 4 tosses", 2, 4, 0.5),
        ("edge case: no tosses at all", 0, 0, 0.3),
        ("edge case: p = 0, so every toss fails", 0, 7, 0.0),
        ("edge case: p = 1, so every toss succeeds", 7, 7, 1.0),
        ("edge case: p = 1 and fewer than n successes is impossible", 3, 7, 1.0),
        ("edge case: more successes than tosses", 6, 5, 0.5),
        ("edge case: a negative count", -1, 5, 0.5),
        ("far in the tail: 60 of 150 when p = 0.1", 60, 150, 0.1),
    ]
    draws = [(int(rng.integers(0, n + 1)), int(n), float(np.round(rng.uniform(0.05, 0.95), 3)))
             for n in rng.integers(1, 60, size=5)]
    fixed += [(f"random, Binomial({n}, {number(p)})", k, n, p) for k, n, p in draws]
    def case(label, function, k, n, p, expected, mistakes, atol):
        return Case(label, function, (k, n, p), expected=expected,
                    judge=_number_judge(expected, mistakes, rtol=1e-9, atol=atol),
                    shown=f"k = {k}, n = {n}, p = {number(p)}")

    for label, k, n, p in fixed:
        yield case(label, "binomial_pmf", k, n, p, float(stats.binom.pmf(k, n, p)), _binomial_mistakes(k, n, p), 1e-300)
    cdf_cases = [
        ("the section's example: P(X ≤ 8) for Binomial(20, 0.4)", 8, 20, 0.4),
        ("edge case: P(X ≤ 0) is P(X = 0)", 0, 6, 0.3),
        ("edge case: P(X ≤ n) is 1", 9, 9, 0.7),
        ("edge case: k below 0 gives 0", -1, 9, 0.7),
        ("edge case: k above n gives 1", 12, 9, 0.7),
    ]
    cdf_cases += [(f"random, Binomial({n}, {number(p)})", k, n, p) for k, n, p in draws]
    for label, k, n, p in cdf_cases:
        yield case(label, "binomial_cdf", k, n, p, float(stats.binom.cdf(k, n, p)), _cdf_mistakes(k, n, p), 1e-12)
