"""The lesson's ten exercises: task, starter code, reference solution and three hints each.

The sections place these blocks where their topic is taught. Their checks live
in `exercise_checks` and run only in the checking child, so this module, like
every lesson module, imports no numpy.
"""

from tutor.lesson import Exercise

CHECKS = "lessons.maths_foundations.exercise_checks"

DOT = Exercise(
    id="dot",
    skill="dot_product",
    title="Exercise: the dot product with a loop",
    task="""\
Write `dot(a, b)`: the sum of aᵢ·bᵢ over every position i,
with a plain `for` loop (no `np.dot`, no `@`).

- a and b are lists or 1-D arrays of numbers.
- Return one number; two empty vectors give 0.
- If the lengths differ, `raise ValueError(...)`.
""",
    starter='''\
def dot(a, b):
    """The dot product of two vectors of the same length."""
    raise NotImplementedError
''',
    solution='''\
def dot(a, b):
    """The dot product of two vectors of the same length."""
    if len(a) != len(b):
        raise ValueError(f"lengths differ: {len(a)} and {len(b)}")
    total = 0
    for x, y in zip(a, b):
        total += x * y
    return total
''',
    checks=f"{CHECKS}:check_dot",
    function="dot",
    hints=(
        "Start a running total at 0 and add one product per position.",
        "Compare len(a) with len(b) first and raise ValueError when they differ; "
        "then `for x, y in zip(a, b):` visits the pairs.",
        "Inside the loop: `total += x * y`; after it: `return total`.",
    ),
)

MATMUL = Exercise(
    id="matmul",
    skill="matmul_entry",
    title="Exercise: matmul from scratch",
    task="""\
Write `matmul(A, B)` for an (m, k) matrix A and a (k, n)
matrix B, using loops: entry [i][j] of the result pairs
up A's row i with B's column j, multiplies and sums.

- A and B are lists of lists or 2-D arrays.
- Return an (m, n) result: a list of lists or an array.
- If the inner sizes differ, raise `ValueError` with a
  message naming both shapes, like `(2, 3) and (4, 5)`.

The checks compare with `@` on random shapes, including
(1, k) and (k, 1).
""",
    starter='''\
def matmul(A, B):
    """The matrix product A @ B, written with loops."""
    raise NotImplementedError
''',
    solution='''\
def matmul(A, B):
    """The matrix product A @ B, written with loops."""
    m, k = len(A), len(A[0])
    rows_b, n = len(B), len(B[0])
    if k != rows_b:
        shapes = f"({m}, {k}) and ({rows_b}, {n})"
        raise ValueError(f"cannot multiply shapes {shapes}")
    C = [[0] * n for _ in range(m)]
    for i in range(m):
        for j in range(n):
            for t in range(k):
                C[i][j] += A[i][t] * B[t][j]
    return C
''',
    checks=f"{CHECKS}:check_matmul",
    function="matmul",
    hints=(
        "The shapes are (len(A), len(A[0])) and (len(B), len(B[0])). Check the "
        "inner sizes before any arithmetic.",
        "Make an m × n table of zeros, `[[0] * n for _ in range(m)]`, then three "
        "nested loops: i over rows of A, j over columns of B, t along the inner size.",
        "The innermost line is `C[i][j] += A[i][t] * B[t][j]`; the error can be "
        "`ValueError(f\"cannot multiply ({m}, {k}) and ({k2}, {n})\")`.",
    ),
)

DERIVATIVE = Exercise(
    id="derivative",
    skill="gradient",
    title="Exercise: a derivative and a gradient",
    task="""\
Two functions.

1. `derivative(f, x, h=1e-5)`: the slope of f at x by the
   **central difference**, nudging x by h both ways.
2. `grad_f(w, X, y)`: the gradient of the loss
   f(w) = ‖Xw − y‖² / n, written out by hand (n is the
   number of rows of X). It is checked against a
   numerical gradient with `gradient_check`, so it
   must not be one: no differencing, no `derivative`.
""",
    starter='''\
import numpy as np


def derivative(f, x, h=1e-5):
    """The slope of f at x, by the central difference."""
    raise NotImplementedError


def grad_f(w, X, y):
    """The gradient of ||X w - y||^2 / n with respect to w."""
    raise NotImplementedError
''',
    solution='''\
import numpy as np


def derivative(f, x, h=1e-5):
    """The slope of f at x, by the central difference."""
    return (f(x + h) - f(x - h)) / (2 * h)


def grad_f(w, X, y):
    """The gradient of ||X w - y||^2 / n with respect to w."""
    residual = X @ w - y
    return 2 * X.T @ residual / len(y)
''',
    checks=f"{CHECKS}:check_derivative",
    function="derivative",
    hints=(
        "The central difference looks on both sides of x: at x + h and at x − h. "
        "For the gradient, name the residual r = Xw − y first.",
        "derivative: the rise f(x+h) − f(x−h) over the run 2h. grad_f: the chain "
        "rule on Σ rᵢ² / n gives (2/n) times Xᵀ times r.",
        "`return (f(x + h) - f(x - h)) / (2 * h)` and `return 2 * X.T @ (X @ w - y) / len(y)`.",
    ),
)

NORMAL_EQUATION = Exercise(
    id="normal_equation",
    skill="normal_equation",
    title="Exercise: the normal equation and R²",
    task="""\
1. `normal_equation(X, y)`: the weights w that solve
   XᵀX w = Xᵀy. Use `np.linalg.solve`: the checks read
   your code, and `inv`, `pinv` or `lstsq` fail them.
2. `r_squared(y, y_hat)`: 1 − SSE/SST, where SSE is the
   sum of (y − ŷ)² and SST the sum of (y − ȳ)².

X already has its bias column. The checks use the house
data and random data, compared with `np.linalg.lstsq`.
""",
    starter='''\
import numpy as np


def normal_equation(X, y):
    """Least-squares weights from the normal equation."""
    raise NotImplementedError


def r_squared(y, y_hat):
    """The share of the variance of y that y_hat explains."""
    raise NotImplementedError
''',
    solution='''\
import numpy as np


def normal_equation(X, y):
    """Least-squares weights from the normal equation."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    return np.linalg.solve(X.T @ X, X.T @ y)


def r_squared(y, y_hat):
    """The share of the variance of y that y_hat explains."""
    y, y_hat = np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float)
    sse = np.sum((y - y_hat) ** 2)
    sst = np.sum((y - y.mean()) ** 2)
    return 1 - sse / sst
''',
    checks=f"{CHECKS}:check_normal_equation",
    function="normal_equation",
    hints=(
        "The normal equation is a linear system A w = b with A = XᵀX and b = Xᵀy. "
        "R² compares your errors with those of always guessing the mean.",
        "`np.linalg.solve(A, b)` solves A w = b directly. Convert y and y_hat "
        "with np.asarray so that lists work too.",
        "`np.linalg.solve(X.T @ X, X.T @ y)`; and `1 - np.sum((y - y_hat)**2) / "
        "np.sum((y - y.mean())**2)`.",
    ),
)

GRADIENT_DESCENT = Exercise(
    id="gradient_descent",
    skill="learning_rate",
    title="Exercise: gradient descent",
    task="""\
Write `gradient_descent(X, y, lr, steps)` for the loss
L(w) = ‖Xw − y‖² / n. Start at w = 0 (one zero per
column of X) and take `steps` steps
w ← w − lr · ∇L(w), with ∇L(w) = (2/n) Xᵀ(Xw − y).
Return w.

The features come standardized, with a bias column. It
passes when w lands within 1e-4 of the normal-equation
weights.
""",
    starter='''\
import numpy as np


def gradient_descent(X, y, lr, steps):
    """Weights w for X w ≈ y: `steps` steps of gradient descent from zero."""
    raise NotImplementedError
''',
    solution='''\
import numpy as np


def gradient_descent(X, y, lr, steps):
    """Weights w for X w ≈ y: `steps` steps of gradient descent from zero."""
    n = len(y)
    w = np.zeros(X.shape[1])
    for _ in range(steps):
        gradient = 2 / n * X.T @ (X @ w - y)
        w = w - lr * gradient
    return w
''',
    checks=f"{CHECKS}:check_gradient_descent",
    function="gradient_descent",
    hints=(
        "Each step moves w a little downhill: against the gradient, scaled by lr.",
        "`w = np.zeros(X.shape[1])`, then a loop of `steps` rounds; in each, "
        "compute the gradient at the current w and subtract lr times it.",
        "Inside the loop: `w = w - lr * (2 / len(y)) * X.T @ (X @ w - y)`; then `return w`.",
    ),
)

LOG_LIKELIHOOD = Exercise(
    id="log_likelihood",
    skill="underflow_logs",
    title="Exercise: log-likelihood in log space",
    task="""\
Write `log_likelihood(p)`: the log of the product of the
probabilities in p (a list or an array of numbers in
(0, 1]).

Multiplying 1,000 probabilities first gives 0.0 (the
product underflows), and log 0 is −∞. One of the checks
does exactly that, so work in log space.
""",
    starter='''\
import numpy as np


def log_likelihood(p):
    """log(p[0] * p[1] * ...), without underflowing."""
    raise NotImplementedError
''',
    solution='''\
import numpy as np


def log_likelihood(p):
    """log(p[0] * p[1] * ...), without underflowing."""
    return float(np.sum(np.log(np.asarray(p, dtype=float))))
''',
    checks=f"{CHECKS}:check_log_likelihood",
    function="log_likelihood",
    hints=(
        "The log of a product is the sum of the logs.",
        "Take the log of each probability first, then add them up: nothing small "
        "ever gets multiplied.",
        "`return np.sum(np.log(np.asarray(p, dtype=float)))`.",
    ),
)

PCA = Exercise(
    id="pca",
    skill="covariance",
    title="Exercise: the first principal component",
    task="""\
Write `first_component(X)`: the direction of greatest
variance of the data X (one row per point), found from
the eigenvectors of its covariance matrix.

- X is a 2-D array or a list of lists.
- Return a vector with one entry per column of X. Its
  sign and length do not matter.
""",
    starter='''\
import numpy as np


def first_component(X):
    """The direction along which the rows of X vary most."""
    raise NotImplementedError
''',
    solution='''\
import numpy as np


def first_component(X):
    """The direction along which the rows of X vary most."""
    X = np.asarray(X, dtype=float)
    centred = X - X.mean(axis=0)
    covariance = centred.T @ centred / (len(X) - 1)
    values, vectors = np.linalg.eigh(covariance)
    return vectors[:, np.argmax(values)]
''',
    checks=f"{CHECKS}:check_pca",
    function="first_component",
    hints=(
        "Centre the data first (subtract each column's mean); the covariance "
        "matrix then says how the columns vary together.",
        "`np.cov(X, rowvar=False)` gives the covariance; `np.linalg.eigh` gives "
        "its eigenvalues in ascending order and the eigenvectors as columns.",
        "`values, vectors = np.linalg.eigh(np.cov(X, rowvar=False))`, then "
        "`return vectors[:, np.argmax(values)]`: a column, not a row.",
    ),
)

NORMS = Exercise(
    id="norms",
    skill="norms",
    title="Exercise: L1 and L2 norms from scratch",
    task="""\
Write two functions of a vector v (a list or a 1-D
array), with loops or sums, not `np.linalg.norm`:

- `l1_norm(v)`: the sum of the sizes |vᵢ| (Lasso's).
- `l2_norm(v)`: the square root of the sum of vᵢ²
  (Ridge's, and the length of v).

The empty vector has norm 0.
""",
    starter='''\
import math


def l1_norm(v):
    """The sum of the absolute values of v."""
    raise NotImplementedError


def l2_norm(v):
    """The Euclidean length of v."""
    raise NotImplementedError
''',
    solution='''\
import math


def l1_norm(v):
    """The sum of the absolute values of v."""
    return sum(abs(x) for x in v)


def l2_norm(v):
    """The Euclidean length of v."""
    return math.sqrt(sum(x * x for x in v))
''',
    checks=f"{CHECKS}:check_norms",
    function="l1_norm",
    hints=(
        "L1 adds up how far each entry is from 0; L2 is Pythagoras in as many "
        "dimensions as v has.",
        "abs(x) makes a negative entry count by its size. For L2, square each "
        "entry, add, and take math.sqrt of the total.",
        "`sum(abs(x) for x in v)` and `math.sqrt(sum(x * x for x in v))`.",
    ),
)

BACKPROP = Exercise(
    id="backprop",
    skill="chain_rule",
    title="Exercise: backpropagation through a sigmoid",
    task="""\
One neuron: z = w·x + b, p = σ(z) = 1 / (1 + e⁻ᶻ), and
the squared-error loss L = (p − y)².

Write `backprop(w, b, x, y)` that returns the pair
`(dL/dw, dL/db)`, computed by hand with the chain rule:

  dL/dw = dL/dp · dp/dz · dz/dw

- w and x are 1-D arrays of the same length; b and y
  are numbers.
- dL/dw has the shape of w; dL/db is one number.

The checks compare your gradient with a numerical one
(`gradient_check`), so do not estimate it by nudging.
""",
    starter='''\
import numpy as np


def backprop(w, b, x, y):
    """(dL/dw, dL/db) for L = (sigmoid(w . x + b) - y) ** 2."""
    raise NotImplementedError
''',
    solution='''\
import numpy as np


def backprop(w, b, x, y):
    """(dL/dw, dL/db) for L = (sigmoid(w . x + b) - y) ** 2."""
    z = np.dot(w, x) + b
    p = 1 / (1 + np.exp(-z))
    dL_dp = 2 * (p - y)
    dp_dz = p * (1 - p)
    dL_dz = dL_dp * dp_dz
    return dL_dz * np.asarray(x, dtype=float), dL_dz
''',
    checks=f"{CHECKS}:check_backprop",
    function="backprop",
    hints=(
        "Run the neuron forward first and keep z and p. Then walk back one link "
        "at a time: from L to p, from p to z, from z to w and b.",
        "The three local slopes: dL/dp = 2(p − y); dp/dz = p(1 − p), the "
        "sigmoid's slope written with its own output; dz/dw = x and dz/db = 1.",
        "`dL_dz = 2 * (p - y) * p * (1 - p)`, then `return dL_dz * x, dL_dz`.",
    ),
)

BINOMIAL = Exercise(
    id="binomial",
    skill="bernoulli_binomial",
    title="Exercise: the Binomial pmf and cdf",
    task="""\
For X ~ Binomial(n, p), the number of successes in n
independent tries that each succeed with probability p:

1. `binomial_pmf(k, n, p)`: P(X = k), from the formula
   C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ, with `math.comb` for C(n, k).
2. `binomial_cdf(k, n, p)`: P(X ≤ k), the pmf added up
   from 0 to k.

- k and n are whole numbers; a k below 0 or above n
  is possible and has probability 0.
- The checks compare with `scipy.stats.binom`.
""",
    starter='''\
import math


def binomial_pmf(k, n, p):
    """P(X = k) for X ~ Binomial(n, p)."""
    raise NotImplementedError


def binomial_cdf(k, n, p):
    """P(X <= k) for X ~ Binomial(n, p)."""
    raise NotImplementedError
''',
    solution='''\
import math


def binomial_pmf(k, n, p):
    """P(X = k) for X ~ Binomial(n, p)."""
    if k < 0 or k > n:
        return 0.0
    return math.comb(n, k) * p**k * (1 - p) ** (n - k)


def binomial_cdf(k, n, p):
    """P(X <= k) for X ~ Binomial(n, p)."""
    top = min(k, n)
    return sum(binomial_pmf(j, n, p) for j in range(top + 1))
''',
    checks=f"{CHECKS}:check_binomial",
    function="binomial_pmf",
    hints=(
        "The pmf has three factors: the number of ways to choose which k tries "
        "succeed, the chance of k successes, the chance of n − k failures.",
        "`math.comb(n, k)` counts the ways; `p ** k` and `(1 - p) ** (n - k)` are the "
        "chances. Return 0 before any of that when k is outside 0…n. The cdf "
        "calls the pmf for j = 0, 1, …, k.",
        "`return math.comb(n, k) * p**k * (1 - p) ** (n - k)` and "
        "`return sum(binomial_pmf(j, n, p) for j in range(min(k, n) + 1))`.",
    ),
)

ALL = (DOT, MATMUL, DERIVATIVE, BACKPROP, NORMAL_EQUATION, GRADIENT_DESCENT, LOG_LIKELIHOOD, PCA, NORMS, BINOMIAL)
