"""Section 9: four directions to explore next, each with a starting point."""

from tutor.lesson import Checkpoint, Choice, Example, Prose, Section

from lessons.maths_foundations import figures
from lessons.maths_foundations.exercises import GRADIENT_DESCENT, NORMS, PCA

from lessons.maths_foundations.s07_normal_equation import FIT_SETUP

SECTION = Section(
    id="next_steps",
    title="What to try next",
    blocks=(
        Prose("""\
Four ways to take this lesson further, each with enough
to start on.

### 1. Gradient descent for the same regression

Solve the hands-on problem again, this time iteratively.
With the mean squared error

L(w) = (1/n) ‖X w − y‖²,  ∇L(w) = (2/n) Xᵀ(X w − y)

start from w = 0 and repeat w ← w − η ∇L(w). A rate of
η = 0.01 is stable here; a few thousand steps should
reproduce intercept 9.897 and slope 3.515. Then try
standardising the feature first (pitfall 3) and count
how many fewer steps you need.
"""),
        Example(
            title="A starting point for the loop",
            code="""\
import numpy as np

rng = np.random.default_rng(42)
n = 100
area = rng.uniform(0, 10, size=n)
noise = rng.normal(0, 2, size=n)
price = 3.5 * area + 10 + noise
X = np.column_stack([np.ones(n), area])

w = np.zeros(2)
err = X @ w - price
print(f"loss at w = 0: {np.mean(err**2):.2f}")
grad = 2 / n * X.T @ err
print("first gradient:", grad.round(2))
# your turn: recompute err and grad, step
# w -= 0.01 * grad, repeat a few thousand
# times, then compare w with
# np.linalg.solve(X.T @ X, X.T @ price)
""",
            output="""\
loss at w = 0: 824.81
first gradient: [ -54.01 -315.01]
""",
        ),
        GRADIENT_DESCENT,
        Checkpoint(Choice(
            id="cp_lr_one",
            section="next_steps",
            skill="learning_rate",
            prompt=(
                "Predict: in the explorable below, with standardised features (the "
                "default), set the learning rate to 1. What will descent do?"
            ),
            options=(
                "Jump between w = 0 and 2w* for ever, the loss stuck at its start",
                "Land on the best weights w* in a single step",
                "Diverge: the loss blows up within a few steps",
                "Converge, zigzagging slowly towards w*",
            ),
            answer=0,
            explanation=(
                "With standardised features the MSE curves by 2 in every direction, so "
                "each step multiplies the error w − w* by 1 − 2η, which is −1 at η = 1. "
                "From w = 0 descent jumps to 2w* and back, two points at the same height "
                "of the bowl, so the MSE stays at 824.81 for ever. A single step lands "
                "on w* at η = 0.5, and only above 1 does descent diverge. Set the rate "
                "to 1 in the explorable below and its readout says oscillating."
            ),
        )),
        figures.DESCENT,
        Prose("""\
**What the learning rate does.** With standardised
features the loss is a perfectly round bowl. The
standardised column z has mean 0, so it is orthogonal
to the column of ones, and standard deviation 1, so
z·z = n. Hence XᵀX/n is the identity and the MSE
curves by 2 in every direction. Then each step
multiplies the distance to the best weights, w − w*,
by exactly (1 − 2η):

- **η < 0.5**: a factor between 0 and 1; w slides
  straight towards w*. At η = 0.5 the factor is 0 and a
  single step lands on w*.
- **0.5 < η < 1**: a factor between −1 and 0; w
  overshoots to the other side of w* and zigzags in,
  more slowly as η nears 1 (at 0.995 the factor is
  −0.99).
- **η = 1**: the factor is −1. w jumps from 0 to 2w* and
  back, for ever, and the two points lie at the same
  height of the bowl. After any even number of steps w
  is 0 again and the MSE is 824.81, its starting value:
  not a descent that never began, but an endless
  oscillation.
- **η > 1**: each swing is bigger than the last, and
  descent **diverges**: slowly just above 1 (at 1.005
  the distance grows by 1% a step), fast at 1.2.

Raw features stretch the bowl. The curvature (an
eigenvalue of 2XᵀX/n) is 63.7 along one direction and
only 0.47 along another. Descent on a quadratic bowl
converges exactly when η < 2/λ_max, here
2/63.7 ≈ 0.031: 0.03 converges and 0.035 diverges. At
such a rate the shallow direction shrinks by only
1 − 0.03 × 0.47 ≈ 0.986 a step, hence the crawl that
pitfall 3 describes.
"""),
        Prose("""\
### 2. L1 and L2 norms, Lasso and Ridge

A **norm** measures the size of a vector:

- L1: ‖w‖₁ = Σ|wᵢ|
- L2: ‖w‖₂ = √(Σwᵢ²), the ordinary length

Adding a norm of the weights to the loss is
**regularisation**: it discourages large weights and so
overfitting. **Ridge** adds α‖w‖₂², which changes the
normal equation by one term:

(XᵀX + αI) w = Xᵀy

**Lasso** adds α‖w‖₁. It has no closed form (coordinate
descent is the usual solver) but pushes some weights to
exactly zero, selecting features for you. Normally the
intercept is not penalised.
"""),
        Checkpoint(Choice(
            id="cp_ridge_slope",
            section="next_steps",
            skill="norms",
            prompt=(
                "Predict: the listing below penalises the slope with α·w₁². As α grows "
                "from 0 to 1000, what happens to the slope, 3.515 at α = 0?"
            ),
            options=(
                "It shrinks towards 0 but stays above it",
                "It stays 3.515: the penalty only moves the intercept",
                "It grows, to make up for the penalty",
                "It is exactly 0 by α = 1000",
            ),
            answer=0,
            explanation=(
                "The penalty makes a large slope expensive, so the larger α, the smaller "
                "the slope: the listing below prints 3.469 at α = 10, 3.097 at 100 and "
                "1.496 at 1000. Ridge shrinks a weight without making it exactly 0 (that is "
                "Lasso's L1 penalty), and the unpenalised intercept drifts up to make "
                "up for it."
            ),
        )),
        Example(
            title="Ridge is one extra term",
            code=FIT_SETUP + """
# the hands-on fit again; now its norms
l1 = np.abs(w).sum()   # np.linalg.norm(w, 1)
l2 = np.sqrt(w @ w)    # np.linalg.norm(w)
print(f"w: L1 {l1:.3f}  L2 {l2:.3f}")

# penalise the slope, leave the intercept free
D = np.diag([0.0, 1.0])
for a in (0, 10, 100, 1000):
    A = X.T @ X + a * D
    slope = np.linalg.solve(A, X.T @ price)[1]
    print(f"alpha {a:4}: slope {slope:.3f}")
""",
            output="""\
w: L1 13.413  L2 10.503
alpha    0: slope 3.515
alpha   10: slope 3.469
alpha  100: slope 3.097
alpha 1000: slope 1.496
""",
        ),
        NORMS,
        figures.NORMS,
        Prose("""\
As α grows the slope shrinks towards 0 (the intercept
drifts up to compensate). Choosing α is a job for a
validation set.

### 3. The covariance matrix and PCA

For data X with n rows, subtract each column's mean to
get X_c. The **covariance matrix** is

C = X_cᵀ X_c / (n − 1)

C[j, j] is the variance of feature j and C[j, k] the
covariance of features j and k; C is symmetric. Work
out why PCA takes the eigenvectors of C: the variance of
the data projected on a unit vector u is uᵀC u, and
maximising that over u gives the top eigenvector.

The example checks the formula against `np.cov`, and
the eigenvalues against the SVD of X_c, using
λᵢ = σᵢ²/(n − 1). Extend it: compare the eigenvectors
with the rows of Vᵀ (up to sign).
"""),
        Example(
            title="Covariance by formula and by NumPy",
            code="""\
import numpy as np

rng = np.random.default_rng(8)
mix = np.array([[2.0, 0.0, 0.0],
                [1.0, 1.0, 0.0],
                [0.0, 0.0, 0.3]])
data = rng.normal(size=(50, 3)) @ mix
Xc = data - data.mean(axis=0)
C = Xc.T @ Xc / (len(data) - 1)
C_np = np.cov(data, rowvar=False)
print(np.allclose(C, C_np))

lams = np.linalg.eigvalsh(C)[::-1]
sv = np.linalg.svd(Xc, compute_uv=False)
print(lams.round(3))
print((sv ** 2 / (len(data) - 1)).round(3))
""",
            output="""\
True
[6.286 0.707 0.088]
[6.286 0.707 0.088]
""",
        ),
        PCA,
        Prose("""\
### 4. On to Lesson 3: Data Handling

The next lesson makes the practical side of this one
concrete:

- **scaling**: standardisation z = (x − μ)/σ and
  min–max scaling, the cure for pitfall 3
- **encoding**: turning categories such as a city name
  into numbers, for example one-hot vectors
- **splitting**: train, validation and test sets, so
  that R² and friends are measured on data the model
  has not seen, with scaling statistics taken from the
  training set only
"""),
    ),
)
