"""Section 7: hands-on linear regression by the normal equation, with R²."""

from tutor.lesson import Example, Prose, Section

from lessons.maths_foundations import figures
from lessons.maths_foundations.exercises import NORMAL_EQUATION

# The data and the fit of the first example, run silently before later
# examples (here and in "What to try next") so they can pick up from it.
FIT_SETUP = """\
import numpy as np

rng = np.random.default_rng(42)
n = 100
area = rng.uniform(0, 10, size=n)
eps = rng.normal(0, 2, size=n)
price = 3.5 * area + 10 + eps
X = np.column_stack([np.ones(n), area])
w = np.linalg.solve(X.T @ X, X.T @ price)
"""

SECTION = Section(
    id="regression",
    title="Hands-on: regression",
    blocks=(
        Prose("""\
Time to put the linear algebra to work. You will fit a
straight line to noisy data with NumPy alone: no
scikit-learn, no optimiser, just one linear system.

### The model as a matrix product

Each example i has one feature xᵢ and a target yᵢ, and
the model is ŷᵢ = w₀ + w₁xᵢ. Put a column of ones in
front of the feature, the **bias column**, and the data
becomes a matrix X of shape (n, 2). Now every
prediction at once is a single product:

ŷ = X w,  with w = (w₀, w₁)

The intercept w₀ has turned into an ordinary weight
whose feature is always 1, a trick every linear model
uses.

### The normal equation

Least squares chooses the w that makes ‖y − Xw‖²
smallest. Its gradient is −2Xᵀ(y − Xw); setting that to
zero gives the **normal equations**

XᵀX w = Xᵀy,  so  w = (XᵀX)⁻¹ Xᵀy

The formula contains an inverse; the code should not.
`np.linalg.solve` factorises XᵀX and solves the system
directly, which is faster and more accurate (the
pitfalls section shows why).

### The data

A hundred synthetic flats: x is floor area in tens of
m², drawn uniformly from [0, 10]; price follows the
true line y = 3.5x + 10 plus Gaussian noise of
standard deviation 2. The order of the draws matters:
the areas come first, then the noise. Swap the two
lines and the random numbers, and so every figure
below, change.
"""),
        Example(
            title="Fitting the line",
            code="""\
import numpy as np

rng = np.random.default_rng(42)
n = 100
area = rng.uniform(0, 10, size=n)  # 1st draw
eps = rng.normal(0, 2, size=n)     # 2nd draw
price = 3.5 * area + 10 + eps

X = np.column_stack([np.ones(n), area])
gram = X.T @ X         # XᵀX, shape (2, 2)
moments = X.T @ price  # Xᵀy, shape (2,)
w = np.linalg.solve(gram, moments)
print("X has shape", X.shape)
print(f"intercept {w[0]:.3f}   (true 10)")
print(f"slope     {w[1]:.3f}   (true 3.5)")

pred = X @ w
sse = np.sum((price - pred) ** 2)
sst = np.sum((price - price.mean()) ** 2)
r2 = 1 - sse / sst
print(f"R2 = 1 - SSE/SST = {r2:.4f}")
""",
            output="""\
X has shape (100, 2)
intercept 9.897   (true 10)
slope     3.515   (true 3.5)
R2 = 1 - SSE/SST = 0.9598
""",
        ),
        figures.HOUSES_FIGURE,
        Prose("""\
The fit recovers intercept 9.897 and slope 3.515, close
to the true 10 and 3.5 but not equal: a hundred noisy
points cannot pin the line down exactly. More data
would shrink the gap.

### Reading R²

R² = 1 − SSE/SST compares two sums of squares:

- **SST** = Σ(yᵢ − ȳ)², the total variation of y around
  its mean ȳ
- **SSE** = Σ(yᵢ − ŷᵢ)², the variation the model leaves
  unexplained

R² = 1 means every point lies on the line. R² = 0 means
the model does no better than predicting ȳ for every
flat, and a negative R² means it does worse. Here
R² = 0.9598: the line explains about 96% of the
variance in price, and the rest is the noise we added.
"""),
        Example(
            title="R² for several candidate lines",
            setup=FIT_SETUP,
            code="""\
# uses X, area, price, n and w from above
def scores(y, y_hat):
    sse = np.sum((y - y_hat) ** 2)
    sst = np.sum((y - y.mean()) ** 2)
    return sse, 1 - sse / sst

mean_only = np.full(n, price.mean())
candidates = {
    "normal equation": X @ w,
    "true line": 3.5 * area + 10,
    "always the mean": mean_only,
    "y = 2x": 2 * area,
}
for name, guess in candidates.items():
    sse, r2 = scores(price, guess)
    print(f"{name:15} SSE {sse:7.1f}",
          f" R2 {r2:7.4f}")
ref = np.linalg.lstsq(X, price, rcond=None)[0]
print("lstsq agrees:", np.allclose(ref, w))
""",
            output="""\
normal equation SSE   383.5  R2  0.9598
true line       SSE   383.8  R2  0.9598
always the mean SSE  9542.8  R2  0.0000
y = 2x          SSE 31920.3  R2 -2.3450
lstsq agrees: True
""",
        ),
        Prose("""\
The fitted line has a slightly smaller SSE than even
the true line on these points. That is no paradox: least squares minimises SSE
on the data it sees, noise included, which is why models
are judged on data they have *not* seen (Lesson 3).

**In real ML:** scikit-learn's `LinearRegression`
solves this same least-squares problem (through a
decomposition rather than the normal equation). When
the features number in the millions, forming XᵀX is too
costly and gradient descent takes over.
"""),
        NORMAL_EQUATION,
    ),
)
