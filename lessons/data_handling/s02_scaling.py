"""Section 2: standardisation, min-max and robust scaling, fitted on the training rows."""

from tutor.lesson import Checkpoint, Choice, Example, Explorable, Figure, Numeric, Param, Prose, Section

from lessons.data_handling.exercises import SCALE

FIGURES = "lessons.data_handling.figures"

SCALERS_FIGURE = Figure(
    "Three scalers on incomes with one outlier",
    f"{FIGURES}:scalers_plot",
    name="scalers",
)

DESCENT = Explorable(
    "Explore: descent on raw and standardized features",
    (
        Param("features", "features", "raw", choices=("raw", "standardized")),
        Param("lr", "learning rate", "0.01", choices=("0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "0.5", "0.9", "1.1")),
        Param("steps", "steps", 100, 5, 500, 5),
    ),
    f"{FIGURES}:descent_contours",
    name="descent-contours",
)

SECTION = Section(
    id="scaling",
    title="Scaling features",
    blocks=(
        Prose("""\
Scaling puts every numeric column on a comparable
scale. There are three common ways, and each learns two
numbers per column from the training rows.

- **Standardisation**: z = (x − μ)/σ, with μ the mean
  and σ the standard deviation. The column gets mean 0
  and standard deviation 1. σ is the *population*
  standard deviation, √(Σ(xᵢ − μ)²/n), which is
  `x.std()` in NumPy (`ddof=0`). scikit-learn:
  `StandardScaler`.
- **Min–max scaling**: x′ = (x − min)/(max − min). The
  column then runs from exactly 0 to exactly 1.
  scikit-learn: `MinMaxScaler`.
- **Robust scaling**: x′ = (x − median)/IQR, where the
  interquartile range IQR = Q₃ − Q₁ is the width of the
  middle half of the values. scikit-learn:
  `RobustScaler`.

They differ most when a column has an **outlier**, a
value far from the rest. Below, five incomes (in
thousands of euros) sit between 28 and 46, and a sixth
is 250.
"""),
        Checkpoint(Choice(
            id="cp_minmax_outlier",
            section="scaling",
            skill="dh_outliers",
            prompt=(
                "Predict: incomes 28, 31, 35, 40, 46 and 250 (thousands). After min–max "
                "scaling, where do the five ordinary incomes land?"
            ),
            options=(
                "Spread evenly from 0 to 1",
                "All between 0 and 0.1",
                "Around 0, between −1 and 1",
                "All close to 1",
            ),
            answer=1,
            explanation=(
                "The range is 250 − 28 = 222, set by the outlier, so the largest ordinary income "
                "becomes (46 − 28)/222 ≈ 0.08. The five of them share a tenth of the scale and "
                "the outlier takes the rest."
            ),
        )),
        Example(
            title="Three scalers and one outlier",
            code="""\
import numpy as np

# incomes in thousands, one far outlier
x = np.array([28.0, 31, 35, 40, 46, 250])

z = (x - x.mean()) / x.std()
mm = (x - x.min()) / (x.max() - x.min())
q1, med, q3 = np.percentile(x, [25, 50, 75])
rb = (x - med) / (q3 - q1)

print("z:     ", z.round(2))
print("minmax:", mm.round(2))
print("robust:", rb.round(2))
""",
            output="""\
z:      [-0.55 -0.51 -0.46 -0.4  -0.32  2.23]
minmax: [0.   0.01 0.03 0.05 0.08 1.  ]
robust: [-0.76 -0.52 -0.2   0.2   0.68 17.  ]
""",
        ),
        Prose("""\
- **Standardised**, the five ordinary incomes are
  squeezed between −0.55 and −0.32. The outlier pulls
  the mean up to 71.7 and inflates σ to 80.0; without
  it σ would be 6.4.
- **Min–max**, they share the strip from 0 to 0.08,
  as the checkpoint said.
- **Robust**, they keep their spread, from −0.76 to
  0.68, and the outlier stands out at 17. The median
  (37.5) and the IQR (44.5 − 32 = 12.5) barely notice
  one extreme value, however extreme.

So standardise by default, reach for robust scaling
when a column has outliers you mean to keep, and use
min–max when a model needs a fixed range (pixel
intensities, say). None of them removes an outlier:
whether 250 is an error or a rich applicant is a
question about the data, not about scaling.

### From scratch and from the library

The formulas are short enough to write yourself, and
SciPy has them too: `scipy.stats.zscore` standardises
and `scipy.stats.iqr` gives Q₃ − Q₁.
"""),
        Example(
            title="Your formulas against SciPy's",
            code="""\
import numpy as np
from scipy import stats

x = np.array([28.0, 31, 35, 40, 46, 250])

# from scratch, with the population std
mu = x.sum() / len(x)
var = ((x - mu) ** 2).sum() / len(x)
z = (x - mu) / np.sqrt(var)
print("zscore agrees:",
      np.allclose(z, stats.zscore(x)))
print(f"ddof=0: {x.std():.2f}")
print(f"ddof=1: {x.std(ddof=1):.2f}")

q1, q3 = np.percentile(x, [25, 75])
print(q1, q3, q3 - q1, stats.iqr(x))
""",
            output="""\
zscore agrees: True
ddof=0: 79.97
ddof=1: 87.60
32.0 44.5 12.5 12.5
""",
        ),
        Prose("""\
`ddof` is the number subtracted from n before dividing:
`ddof=1` divides by n − 1 (the sample standard
deviation of Lesson 2's statistics), `ddof=0` by n.
Scalers use `ddof=0`, and so does this lesson. The
difference shrinks as n grows; with six values it is
about 10% (√(6/5) ≈ 1.095).

`np.percentile` interpolates between the sorted values:
Q₁ sits a quarter of the way along them, at position
0.25 × (6 − 1) = 1.25, so a quarter of the way from 31
to 35, which is 32.
"""),
        SCALERS_FIGURE,
        Prose("""\
### Fit on the training rows, apply to the rest

The scaler learns μ and σ (or the min and max) from the
training rows. The test rows are then scaled with
*those* numbers, never with their own.
"""),
        Checkpoint(Numeric(
            id="cp_minmax_test",
            section="scaling",
            skill="dh_minmax",
            prompt=(
                "Predict: the training column runs from 20 to 70. A test row has 95. "
                "What is its min–max scaled value?"
            ),
            answer=1.5,
            tolerance=1e-9,
            explanation=(
                "(95 − 20)/(70 − 20) = 75/50 = 1.5. A test value may land outside [0, 1]: it "
                "is described in the training set's units, and 95 lies beyond the largest "
                "training value."
            ),
        )),
        Example(
            title="Fit on train, apply to test",
            code="""\
import numpy as np

train = np.array([20.0, 30, 45, 55, 70])
test = np.array([95.0, 10, 45])

# fit: learn from the training rows only
mu, sigma = train.mean(), train.std()
lo, hi = train.min(), train.max()
print(f"mu {mu}, sigma {sigma:.2f}, "
      f"min {lo}, max {hi}")

# apply: the same numbers on both splits
z_train = (train - mu) / sigma
z_test = (test - mu) / sigma
print("z train:", z_train.round(2))
print("z test: ", z_test.round(2))
mm_test = (test - lo) / (hi - lo)
print("min-max test:", mm_test)

# refit on the test rows, and 45 moves
z_own = (test - test.mean()) / test.std()
print(f"45 fitted on train: {z_test[2]:.2f}")
print(f"45 refitted on test: {z_own[2]:.2f}")
""",
            output="""\
mu 44.0, sigma 17.72, min 20.0, max 70.0
z train: [-1.35 -0.79  0.06  0.62  1.47]
z test:  [ 2.88 -1.92  0.06]
min-max test: [ 1.5 -0.2  0.5]
45 fitted on train: 0.06
45 refitted on test: -0.14
""",
        ),
        Prose("""\
The scaled test rows do not have mean 0, and two of
them fall outside [0, 1]. That is correct: they are new
data, described in the units the model was trained in.
A model that learned "z above 1 means high risk" must
get the same z for the same raw value, at training time
and later.

Refit on the test rows and 45 becomes −0.14 instead of
0.06: the same raw value now means something else to
the model. It is worse in practice, where new rows come
one at a time and have no statistics of their own to
fit.
"""),
        SCALE,
        Prose("""\
### Why descent needs it

Lesson 2 measured the bowl of the house data's loss:
on the raw area the curvatures are 63.7 and 0.47, so
gradient descent is stable only for learning rates
below 2/63.7 ≈ 0.031, and at such a rate the shallow
direction crawls. On the standardised area both
curvatures are 2, and a rate of 0.5 lands on the
answer in one step. Counted:
"""),
        Example(
            title="Steps to fit, raw and scaled",
            code="""\
import numpy as np

rng = np.random.default_rng(42)  # Lesson 2
n = 100
area = rng.uniform(0, 10, size=n)
y = 3.5 * area + 10 + rng.normal(0, 2, n)

def steps_to_fit(x, lr):  # within 1% of best
    X = np.column_stack([np.ones(n), x])
    w_ls = np.linalg.solve(X.T @ X, X.T @ y)
    best = np.mean((X @ w_ls - y) ** 2)
    w = np.zeros(2)
    for step in range(1, 10001):
        w -= lr * 2 / n * X.T @ (X @ w - y)
        mse = np.mean((X @ w - y) ** 2)
        if mse < 1.01 * best:
            return step

z = (area - area.mean()) / area.std()
for name, x, lr in (("raw", area, 0.03),
                    ("scaled", z, 0.03),
                    ("scaled", z, 0.5)):
    k = steps_to_fit(x, lr)
    print(f"{name:6} lr {lr:<4}  steps: {k}")
""",
            output="""\
raw    lr 0.03  steps: 223
scaled lr 0.03  steps: 81
scaled lr 0.5   steps: 1
""",
        ),
        Prose("""\
Below, the same descent is drawn in the plane of the
two weights (intercept and slope), over the loss's
contour lines: curves of equal loss, like the height
lines of a map. On raw features they are long, thin,
tilted ellipses, and the path zigzags across the valley
while creeping along it. Standardised, they are
circles, and the path runs straight to the centre.

Try the learning rates: on raw features anything from
0.1 up diverges; on standardised ones 0.5 takes one
step, 0.9 overshoots and zigzags in, and 1.1 diverges
too.
"""),
        DESCENT,
    ),
)
