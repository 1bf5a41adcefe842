"""Section 8: five common mistakes, each with a demonstration."""

from tutor.lesson import Checkpoint, Choice, Example, Prose, Section

from lessons.maths_foundations.exercises import LOG_LIKELIHOOD

SECTION = Section(
    id="pitfalls",
    title="Common pitfalls",
    blocks=(
        Prose("""\
Five mistakes catch almost everyone who turns maths
into code. Each one fails quietly: no exception, just a
wrong or useless number.

### 1. Inverting when you should solve

To find x in A x = b, writing `np.linalg.inv(A) @ b`
computes a whole inverse and then multiplies by it. Both
steps add rounding error, and for a nearly singular
matrix the errors explode. `np.linalg.solve(A, b)`
factorises A once and solves directly: less work and a
far more trustworthy answer.

The **condition number** of A measures the danger: you
can lose about log₁₀ of it in decimal digits. The
Hilbert matrix, H[i, j] = 1/(i + j + 1), is the
classic ill-conditioned example.
"""),
        Example(
            title="inv against solve on a Hilbert matrix",
            code="""\
import numpy as np
from scipy.linalg import hilbert

H = hilbert(10)
b = H @ np.ones(10)   # so x is all ones

x_inv = np.linalg.inv(H) @ b
x_solve = np.linalg.solve(H, b)
r_inv = np.linalg.norm(H @ x_inv - b)
r_solve = np.linalg.norm(H @ x_solve - b)

cond = np.linalg.cond(H)
print(f"condition number {cond:.1e}")
print("solve residual < 1e-13:",
      r_solve < 1e-13)
print("inv residual   > 1e-6: ", r_inv > 1e-6)
print("inv a million times worse:",
      r_inv > 1e6 * r_solve)
""",
            output="""\
condition number 1.6e+13
solve residual < 1e-13: True
inv residual   > 1e-6:  True
inv a million times worse: True
""",
        ),
        Prose("""\
The **residual** ‖H x − b‖ asks whether x actually
satisfies the equations. With `solve` it sits near
10⁻¹⁶, machine precision; with `inv` it is typically
around 10⁻⁴. (The exact digits depend on your CPU, so
the program prints comparisons.) A condition number
near 10¹³ means that up to 13 of a double's 16 digits
can be lost, so in the *worst case* no method can
promise more than about three correct digits of x.
That is a bound, not a forecast: on this b, `solve`
usually gets x right to about four digits. Either way
`solve` returns an x that fits the equations, and
`inv` does not.

### 2. Row vectors and column vectors

`np.array([1, 2, 3])` has shape (3,): one axis, neither
a row nor a column, and `.T` leaves it unchanged. Use
`.reshape(-1, 1)` for a column (3, 1) and
`.reshape(1, -1)` for a row (1, 3). Mixing shapes is
dangerous because of **broadcasting**: (3,) minus (3, 1)
is silently a (3, 3) matrix.
"""),
        Example(
            title="A loss that is silently wrong",
            code="""\
import numpy as np

v = np.array([1, 2, 3])
print(v.shape, v.T.shape)
col, row = v.reshape(-1, 1), v.reshape(1, -1)
print(col.shape, row.shape, (v - col).shape)

y = np.array([1.0, 2.0, 3.0])
# predictions as a column, shape (3, 1)
y_hat = np.array([[1.1], [1.9], [3.2]])
wrong = np.mean((y - y_hat) ** 2)
fixed = np.mean((y - y_hat.ravel()) ** 2)
print(f"broadcast MSE: {wrong:.4f}")
print(f"correct MSE:   {fixed:.4f}")
""",
            output="""\
(3,) (3,)
(3, 1) (1, 3) (3, 3)
broadcast MSE: 1.4200
correct MSE:   0.0200
""",
        ),
        Prose("""\
Models often return predictions as a column (n, 1)
while targets are stored flat as (n,). Check shapes
with `assert y_hat.shape == y.shape` before computing a
loss.

### 3. Features on wildly different scales

Put floor area (around 2,000) beside a ratio (around
0.3) in one design matrix and the loss surface becomes
a long, narrow valley. Any learning rate big enough to move the small
feature's weight makes the big one's weight diverge, so
gradient descent crawls. The cure is to **standardise**
each feature, z = (x − μ)/σ, before any gradient-based
training.
"""),
        Example(
            title="Gradient descent, raw and scaled",
            code="""\
import numpy as np

rng = np.random.default_rng(3)
n = 200
sqft = rng.uniform(500, 3000, n)  # thousands
share = rng.uniform(0, 1, n)      # a fraction
noise = rng.normal(0, 5, n)
y = 0.05 * sqft + 40 * share + noise

def gd_mse(F, lr, steps=1000):
    X = np.column_stack([np.ones(n), F])
    w = np.zeros(X.shape[1])
    for _ in range(steps):
        w -= lr * 2 / n * X.T @ (X @ w - y)
    return np.mean((X @ w - y) ** 2)

raw = np.column_stack([sqft, share])
z = (raw - raw.mean(axis=0)) / raw.std(axis=0)
for tag, F, lr in (("raw", raw, 2e-7),
                   ("scaled", z, 0.1)):
    mse = gd_mse(F, lr)
    print(f"{tag:6} lr={lr:<6} MSE {mse:.2f}")
""",
            output="""\
raw    lr=2e-07  MSE 230.48
scaled lr=0.1    MSE 23.00
""",
        ),
        Prose("""\
The best achievable MSE here is about 23. On raw
features a learning rate of 3·10⁻⁷ already diverges,
and at 2·10⁻⁷ the weights for the
intercept and the fraction hardly move in 1000 steps,
so the loss is stuck ten times too high. Scaled
features reach the optimum at an ordinary rate.

### 4. Multiplying probabilities

A likelihood is a product of many probabilities, one
per example. The example below multiplies a thousand
probabilities drawn between 0.01 and 0.5. For that
draw the true product is about 10⁻⁷¹⁸, far below the
smallest positive double (about 10⁻³²⁴): it
**underflows** to exactly 0.0, and every gradient of it
is 0 too. (Being below 0.5 alone is not what does it:
a thousand factors of 0.5 give 10⁻³⁰¹, which a double
can still hold; 1,100 factors of 0.5, 10⁻³³¹, cannot.) Work in **log space** instead, where the
product becomes a harmless sum:

log(p₁p₂…pₙ) = log p₁ + log p₂ + … + log pₙ
"""),
        Checkpoint(Choice(
            id="cp_underflow",
            section="pitfalls",
            skill="underflow_logs",
            prompt=(
                "Predict: the true product of the 1,000 probabilities below is about "
                "10⁻⁷¹⁸. What will np.prod(probs) and np.sum(np.log(probs)) print?"
            ),
            options=(
                "0.0, and about −1654",
                "About 1e-718, and about −718",
                "0.0, and -inf",
                "About 1e-718, and about −1654",
            ),
            answer=0,
            explanation=(
                "10⁻⁷¹⁸ is far below the smallest positive double, about 4.9·10⁻³²⁴, so "
                "the product underflows to exactly 0.0. The sum of logs never forms the "
                "product, and np.log is the natural log: about −718 · ln 10 ≈ "
                "−718 · 2.303 ≈ −1654, an ordinary number. −718 is the power of ten, "
                "log₁₀ rather than ln, and -inf would be log(0.0), a log taken after the "
                "product had already underflowed. The listing below prints 0.0 and −1653.69."
            ),
        )),
        Example(
            title="Underflow, and the log-space cure",
            code="""\
import numpy as np

rng = np.random.default_rng(5)
probs = rng.uniform(0.01, 0.5, size=1000)

print("product:", np.prod(probs))
log_lik = np.sum(np.log(probs))
print(f"sum of logs: {log_lik:.2f}")
power = log_lik / np.log(10)
print(f"so the product is 10^{power:.1f}")
""",
            output="""\
product: 0.0
sum of logs: -1653.69
so the product is 10^-718.2
""",
        ),
        LOG_LIKELIHOOD,
        Prose("""\
This is why losses are written as **negative
log-likelihoods** (cross-entropy), why classifiers
output log-probabilities, and why libraries offer
`logsumexp` and fused "softmax + log" functions.

### 5. Correlation is not causation

Two quantities that move together need not cause each
other; a hidden **confounder** may drive both. Bigger
fires bring more firefighters *and* more damage, so
crew size and damage are strongly correlated, yet
sending fewer firefighters would not help.
"""),
        Checkpoint(Choice(
            id="cp_confounder",
            section="pitfalls",
            skill="correlation_causation",
            prompt=(
                "Predict: in the simulation below, crew size and damage each grow with "
                "fire size. Once fire size is held fixed, how correlated are they?"
            ),
            options=(
                "About 0: fire size explains all of it",
                "About as much as before, 0.9 or so",
                "Strongly negative: more crew, less damage",
                "About half as much as before",
            ),
            answer=0,
            explanation=(
                "Here crew and damage each follow fire size plus noise of their own, and "
                "nothing links crew to damage directly. Take away the part fire size "
                "explains from each and what is left is two unrelated noises. The "
                "listing below prints 0.92 overall and −0.02 with fire size held fixed."
            ),
        )),
        Example(
            title="A confounder at work",
            code="""\
import numpy as np

rng = np.random.default_rng(11)
fire = rng.uniform(1, 10, 1000)  # fire size
crew = 3 * fire + rng.normal(0, 2, 1000)
damage = 50 * fire + rng.normal(0, 40, 1000)

r = np.corrcoef(crew, damage)[0, 1]
print(f"corr(crew, damage) = {r:.2f}")

# the part of v that fire size can't explain
def remove_fire(v):
    slope, icpt = np.polyfit(fire, v, 1)
    return v - (slope * fire + icpt)

r_in = np.corrcoef(remove_fire(crew),
                   remove_fire(damage))[0, 1]
print(f"fire size held fixed: {r_in:.2f}")
""",
            output="""\
corr(crew, damage) = 0.92
fire size held fixed: -0.02
""",
        ),
        Prose("""\
Maths measures correlation. Establishing causation
needs something more: domain knowledge of the
mechanism, or an experiment such as a randomised A/B
test. A model's largest weight tells you what
*predicts* the target, not what would *change* it.
"""),
    ),
)
