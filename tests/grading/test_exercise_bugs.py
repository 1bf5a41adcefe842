"""Wrong solutions of the kinds learners write: each fails, and the report names the mistake.

Every entry is a buggy solution and a phrase its report must contain: the
shortcuts a task rules out (read from the code), gradient descent that takes a
shortcut, products that underflow in chunks, and the common bugs of each
exercise. The code runs in a real checking child (see conftest).
"""

from __future__ import annotations

import pytest

from lessons.maths_foundations.exercises import ALL

pytestmark = pytest.mark.asyncio(loop_scope="module")

EXERCISES = {exercise.id: exercise for exercise in ALL}

LOOP_DOT = "def dot(a, b):\n    if len(a) != len(b):\n        raise ValueError('lengths differ')\n"
MATMUL_HEAD = (
    "def matmul(A, B):\n    m, k, n = len(A), len(A[0]), len(B[0])\n"
    "    if len(B) != k:\n        raise ValueError(f'({m}, {k}) and ({len(B)}, {n})')\n"
)
PCA_HEAD = "import numpy as np\n\ndef first_component(X):\n    X = np.asarray(X, dtype=float)\n"
GD_HEAD = "import numpy as np\n\ndef gradient_descent(X, y, lr, steps):\n    n = len(y)\n    w = np.zeros(X.shape[1])\n"
DERIVATIVE_OK = "def derivative(f, x, h=1e-5):\n    return (f(x + h) - f(x - h)) / (2 * h)\n\n"
GRAD_OK = "def grad_f(w, X, y):\n    return 2 * X.T @ (X @ w - y) / len(y)\n"
NORMAL_HEAD = "import numpy as np\n\ndef r_squared(y, y_hat):\n    return 0.0\n\ndef normal_equation(X, y):\n"
BACKPROP_HEAD = (
    "import numpy as np\n\ndef backprop(w, b, x, y):\n    z = w @ x + b\n    p = 1 / (1 + np.exp(-z))\n"
)
BINOMIAL_PMF = (
    "import math\n\ndef binomial_pmf(k, n, p):\n    if k < 0 or k > n:\n        return 0.0\n"
    "    return math.comb(n, k) * p**k * (1 - p) ** (n - k)\n\n"
)

WRONG = {
    # -- §1: shortcuts the task rules out, read from the function's code ---------------------------
    "dot: np.dot": ("dot", "import numpy as np\n\n" + LOOP_DOT + "    return np.dot(a, b)\n",
                    "np.dot on line 6: the task asks for the loop itself"),
    "dot: an alias from numpy": ("dot", "from numpy import dot as d\n\n" + LOOP_DOT
                                 + "    return d(a, b)\n", "d (numpy.dot) on line 6"),
    "dot: getattr": ("dot", "import numpy\n\n" + LOOP_DOT + "    return getattr(numpy, 'dot')(a, b)\n",
                     "(numpy.dot) on line 6"),
    "dot: @": ("dot", "import numpy as np\n\n" + LOOP_DOT + "    return np.asarray(a) @ np.asarray(b)\n",
               "the @ operator on line 6"),
    "matmul: @": ("matmul", "import numpy as np\n\n" + MATMUL_HEAD + "    return np.array(A) @ np.array(B)\n",
                  "the @ operator on line 7: the exercise is to build the product from its definition"),
    "matmul: einsum via a helper": (
        "matmul",
        "import numpy as np\n\ndef product(A, B):\n    return np.einsum('ik,kj->ij', A, B)\n\n" + MATMUL_HEAD
        + "    return product(A, B)\n",
        "np.einsum on line 4",
    ),
    "matmul: tensordot": ("matmul", "import numpy as np\n\n" + MATMUL_HEAD
                          + "    return np.tensordot(A, B, axes=1)\n", "np.tensordot on line 7"),
    "matmul: outer products": (
        "matmul",
        "import numpy as np\n\n" + MATMUL_HEAD + "    return sum(np.outer(np.array(A)[:, t], np.array(B)[t]) for t in range(k))\n",
        "np.outer on line 7",
    ),
    "norms: np.linalg.norm through an alias": (
        "norms",
        "import numpy.linalg as la\n\ndef l1_norm(v):\n    return la.norm(v, 1)\n\ndef l2_norm(v):\n    return la.norm(v)\n",
        "la.norm on line 4: the exercise is to build each norm from its definition",
    ),
    "grad_f: central differences": (
        "derivative",
        "import numpy as np\n\n" + DERIVATIVE_OK + "def grad_f(w, X, y):\n"
        "    loss = lambda v: np.sum((X @ v - y) ** 2) / len(y)\n    h = 1e-6\n"
        "    return np.array([(loss(w + h * e) - loss(w - h * e)) / (2 * h) for e in np.eye(len(w))])\n",
        "(a finite difference) on line 9: grad_f must be the formula you derived",
    ),
    "grad_f: the learner's own derivative": (
        "derivative",
        "import numpy as np\n\n" + DERIVATIVE_OK + "def grad_f(w, X, y):\n    g = np.zeros(len(w))\n"
        "    for i in range(len(w)):\n        e = np.eye(len(w))[i]\n"
        "        g[i] = derivative(lambda t: np.sum((X @ (w + t * e) - y) ** 2) / len(y), 0.0)\n    return g\n",
        "derivative (your own derivative()) on line 10",
    ),
    "grad_f: tutor.core.calculus.gradient": (
        "derivative",
        "import numpy as np\nfrom tutor.core.calculus import gradient\n\n" + DERIVATIVE_OK
        + "def grad_f(w, X, y):\n    return gradient(lambda v: np.sum((X @ v - y) ** 2) / len(y), w)\n",
        "gradient (tutor.core.calculus.gradient) on line 8",
    ),
    "normal equation: inv": ("normal_equation", NORMAL_HEAD + "    return np.linalg.inv(X.T @ X) @ X.T @ y\n",
                             "np.linalg.inv on line 7: the task asks you to solve"),
    "normal equation: pinv": ("normal_equation", NORMAL_HEAD + "    return np.linalg.pinv(X) @ y\n",
                              "np.linalg.pinv on line 7"),
    "normal equation: lstsq": ("normal_equation", NORMAL_HEAD + "    return np.linalg.lstsq(X, y, rcond=None)[0]\n",
                               "np.linalg.lstsq on line 7"),
    "normal equation: scipy's inv": (
        "normal_equation",
        "import numpy as np\nfrom scipy.linalg import inv\n\ndef r_squared(y, y_hat):\n    return 0.0\n\n"
        "def normal_equation(X, y):\n    return inv(X.T @ X) @ (X.T @ y)\n",
        "inv (scipy.linalg.inv) on line 8",
    ),
    # -- §1: gradient descent that is not gradient descent ----------------------------------------
    "gradient descent: one coordinate at a time": (
        "gradient_descent",
        GD_HEAD + "    for _ in range(steps):\n        for j in range(len(w)):\n"
        "            w[j] -= lr * 2 / n * X[:, j] @ (X @ w - y)\n    return w\n",
        "w[0] was changed before w[1]'s slope was computed",
    ),
    "gradient descent: solve when steps > 1": (
        "gradient_descent",
        GD_HEAD + "    if steps > 1:\n        return np.linalg.solve(X.T @ X, X.T @ y)\n"
        "    for _ in range(steps):\n        w = w - lr * 2 / n * X.T @ (X @ w - y)\n    return w\n",
        "those are the normal-equation weights",
    ),
    "gradient descent: one step short": (
        "gradient_descent",
        GD_HEAD + "    for _ in range(1, steps):\n        w = w - lr * 2 / n * X.T @ (X @ w - y)\n    return w\n",
        "the loop stops one short",
    ),
    # -- §1: products that underflow in chunks ----------------------------------------------------
    "log-likelihood: chunks of 50": (
        "log_likelihood",
        "import numpy as np\n\ndef log_likelihood(p):\n    p = np.asarray(p, dtype=float)\n"
        "    return float(sum(np.log(np.prod(p[i:i + 50])) for i in range(0, len(p), 50)))\n",
        "a product underflowed to 0.0 before the log",
    ),
    # -- §2: the common bugs, named -------------------------------------------------------------
    "matmul: transposed": (
        "matmul",
        MATMUL_HEAD + "    C = [[0] * m for _ in range(n)]\n    for i in range(m):\n        for j in range(n):\n"
        "            for t in range(k):\n                C[j][i] += A[i][t] * B[t][j]\n    return C\n",
        "your result is transposed",
    ),
    "matmul: every row the same list": (
        "matmul",
        MATMUL_HEAD + "    C = [[0] * n] * m\n    for i in range(m):\n        for j in range(n):\n"
        "            for t in range(k):\n                C[i][j] += A[i][t] * B[t][j]\n    return C\n",
        "every row of your result is the same list object",
    ),
    "matmul: B read along its rows": (
        "matmul",
        MATMUL_HEAD + "    C = [[0] * n for _ in range(m)]\n    for i in range(m):\n        for j in range(n):\n"
        "            for t in range(k):\n                C[i][j] += A[i][t] * B[j][t]\n    return C\n",
        "B is read along a row, B[j][t]",
    ),
    "matmul: the inner loop over the wrong size": (
        "matmul",
        MATMUL_HEAD + "    C = [[0] * n for _ in range(m)]\n    for i in range(m):\n        for j in range(n):\n"
        "            for t in range(n):\n                C[i][j] += A[i][t] * B[t][j]\n    return C\n",
        "the inner loop must run over the inner size k",
    ),
    "matmul: an index past the end": (
        "matmul",
        MATMUL_HEAD + "    C = [[0] * n for _ in range(m)]\n    for i in range(m):\n        for j in range(n):\n"
        "            for t in range(n):\n                C[i][j] += A[i][t] * B[t][j]\n    return C\n",
        "an index ran past the end: entry [i][j] adds up A[i][t] * B[t][j]",
    ),
    "dot: the first pair skipped": (
        "dot", LOOP_DOT + "    total = 0\n    for i in range(1, len(a)):\n        total += a[i] * b[i]\n    return total\n",
        "the first pair, a[0]·b[0], is missing",
    ),
    "dot: the last pair skipped": (
        "dot", LOOP_DOT + "    total = 0\n    for i in range(len(a) - 1):\n        total += a[i] * b[i]\n    return total\n",
        "the last pair is missing",
    ),
    "derivative: divided by h": (
        "derivative",
        "def derivative(f, x, h=1e-5):\n    return (f(x + h) - f(x - h)) / h\n\n" + GRAD_OK,
        "divided by h instead of 2h",
    ),
    "derivative: h ignored": (
        "derivative",
        "def derivative(f, x, h=1e-5):\n    step = 1e-5\n    return (f(x + step) - f(x - step)) / (2 * step)\n\n" + GRAD_OK,
        "your answer ignores h",
    ),
    "gradient: the sign flipped": (
        "derivative", DERIVATIVE_OK + "def grad_f(w, X, y):\n    return 2 * X.T @ (y - X @ w) / len(y)\n",
        "the sign is flipped",
    ),
    "gradient: the 2 missing": (
        "derivative", DERIVATIVE_OK + "def grad_f(w, X, y):\n    return X.T @ (X @ w - y) / len(y)\n",
        "is the 2 missing?",
    ),
    "gradient: 1/n missing": (
        "derivative", DERIVATIVE_OK + "def grad_f(w, X, y):\n    return 2 * X.T @ (X @ w - y)\n",
        "times too big: divide by n",
    ),
    "normal equation: a second bias column": (
        "normal_equation",
        NORMAL_HEAD + "    X = np.column_stack([np.ones(len(X)), X])\n    return np.linalg.solve(X.T @ X, X.T @ y)\n",
        "X already",
    ),
    "log-likelihood: the negative": (
        "log_likelihood", "import numpy as np\n\ndef log_likelihood(p):\n    return -np.sum(np.log(p))\n",
        "the negative log-likelihood",
    ),
    "log-likelihood: log10": (
        "log_likelihood", "import numpy as np\n\ndef log_likelihood(p):\n    return np.sum(np.log10(p))\n",
        "that is the base-10 log",
    ),
    "log-likelihood: the mean": (
        "log_likelihood", "import numpy as np\n\ndef log_likelihood(p):\n    return np.mean(np.log(p))\n",
        "that is the mean of the logs",
    ),
    "pca: a row": (
        "pca", PCA_HEAD + "    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False))\n"
        "    return vectors[np.argmax(values)]\n",
        "that is a row of the eigenvector matrix",
    ),
    "pca: eig's order taken as sorted": (
        "pca", PCA_HEAD + "    values, vectors = np.linalg.eig(np.cov(X, rowvar=False))\n    return vectors[:, 0]\n",
        "np.linalg.eig returns its eigenvalues in no particular order",
    ),
    "pca: not centred": (
        "pca", PCA_HEAD + "    values, vectors = np.linalg.eigh(X.T @ X / (len(X) - 1))\n"
        "    return vectors[:, np.argmax(values)]\n",
        "without centring",
    ),
    "norms: abs missing": (
        "norms", "import math\n\ndef l1_norm(v):\n    return sum(v)\n\ndef l2_norm(v):\n"
        "    return math.sqrt(sum(x * x for x in v))\n",
        "is abs() missing?",
    ),
    "norms: the square root missing": (
        "norms", "def l1_norm(v):\n    return sum(abs(x) for x in v)\n\ndef l2_norm(v):\n"
        "    return sum(x * x for x in v)\n",
        "take its square root",
    ),
    # -- §4 and §5: the new exercises ------------------------------------------------------------
    "backprop: the sigmoid's slope missing": (
        "backprop", BACKPROP_HEAD + "    return 2 * (p - y) * x, 2 * (p - y)\n",
        "the chain rule multiplies by dp/dz = σ′(z) = p(1 − p)",
    ),
    "backprop: the sign flipped": (
        "backprop", BACKPROP_HEAD + "    d = 2 * (y - p) * p * (1 - p)\n    return d * x, d\n",
        "the sign is flipped",
    ),
    "backprop: σ′ written with z": (
        "backprop", BACKPROP_HEAD + "    d = 2 * (p - y) * z * (1 - z)\n    return d * x, d\n",
        "you used z(1 − z)",
    ),
    "backprop: x left out": (
        "backprop", BACKPROP_HEAD + "    d = 2 * (p - y) * p * (1 - p)\n    return d * np.ones_like(x), d\n",
        "dz/dw is x",
    ),
    "backprop: by finite differences": (
        "backprop",
        "import numpy as np\n\ndef backprop(w, b, x, y):\n"
        "    L = lambda v, c: (1 / (1 + np.exp(-(v @ x + c))) - y) ** 2\n    h = 1e-6\n"
        "    gw = np.array([(L(w + h * e, b) - L(w - h * e, b)) / (2 * h) for e in np.eye(len(w))])\n"
        "    return gw, (L(w, b + h) - L(w, b - h)) / (2 * h)\n",
        "(a finite difference) on line 6 (and 1 more place): backprop must be the formula you derived",
    ),
    "binomial: C(n, k) missing": (
        "binomial", "def binomial_pmf(k, n, p):\n    return p**k * (1 - p) ** (n - k)\n\n"
        "def binomial_cdf(k, n, p):\n    return 0.0\n",
        "the count of orderings C(n, k)",
    ),
    "binomial: p and 1 − p swapped": (
        "binomial", "import math\n\ndef binomial_pmf(k, n, p):\n    if k < 0 or k > n:\n        return 0.0\n"
        "    return math.comb(n, k) * (1 - p)**k * p ** (n - k)\n\ndef binomial_cdf(k, n, p):\n    return 0.0\n",
        "p and 1 − p are swapped",
    ),
    "binomial: the cdf stops before k": (
        "binomial", BINOMIAL_PMF + "def binomial_cdf(k, n, p):\n    return sum(binomial_pmf(j, n, p) for j in range(k))\n",
        "that is P(X < k)",
    ),
}


def reasons(report) -> str:
    return "\n".join(case.reason for case in report.failed)


@pytest.mark.parametrize("name", list(WRONG))
async def test_the_wrong_solution_fails_and_the_report_names_the_bug(checker, name):
    exercise_id, code, phrase = WRONG[name]
    report = await checker.check(EXERCISES[exercise_id], code)
    assert report.problem is None, report.problem
    assert not report.passed
    assert phrase in reasons(report), reasons(report)
    assert report.notes == ()


async def test_a_rule_broken_by_an_otherwise_right_solution_is_its_only_failure(checker):
    code = "import numpy as np\n\ndef dot(a, b):\n    if len(a) != len(b):\n        raise ValueError('no')\n    return np.dot(a, b)\n"
    report = await checker.check(EXERCISES["dot"], code)
    (failed,) = report.failed
    assert failed.label == "the rule: a loop of products, no np.dot or @"
    assert (failed.input, failed.got) == ("your code", "line 6: return np.dot(a, b)")


async def test_a_shortcut_in_a_test_helper_outside_the_function_does_not_count(checker):
    code = EXERCISES["dot"].solution + "\n\ndef my_test():\n    import numpy as np\n    assert dot([1, 2], [3, 4]) == np.dot([1, 2], [3, 4])\n"
    report = await checker.check(EXERCISES["dot"], code)
    assert report.passed, reasons(report)


async def test_the_reference_solutions_keep_every_rule(checker):
    for exercise in ALL:
        report = await checker.check(exercise, exercise.solution)
        assert report.passed and not any(case.label.startswith("the rule:") for case in report.cases), exercise.id
