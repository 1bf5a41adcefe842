"""Section 7: hands-on linear regression by the normal equation, with R²."""

from tutor.lesson import Checkpoint, Choice, Example, Prose, Section, Shape

from lessons.maths_foundations import figures
from lessons.maths_foundations.exercises import NORMAL_EQUATION

# The data and the fit of the first example. Later listings (here and in
# "What to try next") start with this text, shown, so that each of them runs
# alone in a fresh interpreter; the REPL's setup runs it too.
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
        Checkpoint(Shape(
            id="cp_gram_shape",
            section="regression",
            skill="normal_equation",
            prompt=(
                "Predict: X holds the 100 flats as rows, a column of ones beside a column "
                "of areas. What shape is XᵀX?"
            ),
            answer=(2, 2),
            explanation=(
                "Xᵀ is (2, 100) and X is (100, 2), so XᵀX is (2, 2): one row and one "
                "column per weight, however many flats there are. (100, 100) is X Xᵀ, "
                "one entry per pair of flats. The listing below notes the shape beside "
                "gram = X.T @ X."
            ),
        )),
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
        Checkpoint(Choice(
            id="cp_r2_bad_line",
            section="regression",
            skill="r_squared",
            prompt=(
                "Predict: the line y = 2x runs far below the house prices, whose true "
                "line is 3.5x + 10. What R² will it score on them?"
            ),
            options=(
                "Below 0: it does worse than always guessing the mean",
                "Between 0 and 1: any line explains some of the variance",
                "Exactly 0: that is the score of a bad line",
                "None: R² is only defined for the fitted line",
            ),
            answer=0,
            explanation=(
                "R² = 1 − SSE/SST, and this line's squared errors far exceed the spread "
                "of the prices around their mean: SSE ≈ 31920 against SST ≈ 9543, so "
                "R² ≈ 1 − 3.345 = −2.345. A score of 0 belongs to always predicting "
                "the mean, and any prediction at all can be scored. The listing below "
                "prints R2 -2.3450 for y = 2x."
            ),
        )),
        Example(
            title="R² for several candidate lines",
            code=FIT_SETUP + """
# the data and fit above; now score lines
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

### Least squares as a projection

Picture the hundred prices as *one* vector y with a
hundred coordinates, one per flat. Each column of X is
such a vector too: the column of ones and the column of
areas. A prediction Xw = w₀·ones + w₁·area is a mix of
those two columns, so as w varies, Xw sweeps out a flat
plane through the origin: the **column space** of X.
‖y − Xw‖ is the distance from y to the point Xw of that
plane, so least squares asks for the point of the plane
**nearest** to y.

The nearest point of a plane is where a perpendicular
from y meets it. So the residual r = y − ŷ stands at a
right angle to the plane, and therefore to each column
of X: every dot product of a column with r is 0.

Xᵀ(y − Xw) = 0

Multiply it out and you get XᵀX w = Xᵀy: the same
equations as before. *Normal* is an old word for
perpendicular, and that is the name's origin: they say
the residual is normal to the column space. ŷ is the
**orthogonal projection** of y onto it.

Two facts fall out of the picture. The column of ones is
perpendicular to r, so the residuals sum to zero. And
y, ŷ and r form a right triangle, so
‖y‖² = ‖ŷ‖² + ‖r‖² (Pythagoras in a hundred
dimensions).
"""),
        figures.PROJECTION,
        Example(
            title="The residual is perpendicular",
            code=FIT_SETUP + """
# ŷ: the nearest point; r: what is left
y_hat = X @ w
r = price - y_hat
print("Xᵀr is 0:", np.allclose(X.T @ r, 0,
                                atol=1e-8))
# a right angle, so Pythagoras holds
print(f"|y|²        = {price @ price:.1f}")
rhs = y_hat @ y_hat + r @ r
print(f"|ŷ|² + |r|² = {rhs:.1f}")

# any other weights land farther from y
best = np.linalg.norm(r)
tries = np.random.default_rng(1).normal(
    scale=0.1, size=(1000, 2))
farther = [np.linalg.norm(price - X @ (w + d))
           > best for d in tries]
print(f"distance |y - ŷ| = {best:.3f}")
print("other w all farther:", all(farther))
""",
            output="""\
Xᵀr is 0: True
|y|²        = 82481.4
|ŷ|² + |r|² = 82481.4
distance |y - ŷ| = 19.584
other w all farther: True
""",
        ),
        Prose("""\
The distance squared, 19.584² ≈ 383.5, is the SSE that
the R² table reported for the normal equation: the
projection leaves exactly that error behind.

**In real ML:** scikit-learn's `LinearRegression`
solves this same least-squares problem, but not through
the normal equation. Forming XᵀX **squares the
condition number** (pitfall 1): on the house data
cond(X) is 11.7 and cond(XᵀX) is 137, about 11.7².
Here that costs nothing, but nearly collinear features
can give cond(X) = 10⁸, and then XᵀX reaches 10¹⁶ and
the normal equations lose every one of a double's
sixteen digits. So libraries solve with a decomposition
of X itself (QR, or the SVD as `np.linalg.lstsq`
does), which only ever meets cond(X). When the features
number in the millions even that is too costly, and
gradient descent takes over.
"""),
        NORMAL_EQUATION,
    ),
)
