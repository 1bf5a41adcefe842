"""Section 5: train, validation and test splits; seeded shuffles, stratified and time-ordered splits."""

from tutor.lesson import Checkpoint, Choice, Example, Explorable, Param, Prose, Section

from lessons.data_handling.exercises import STRATIFIED

SPREAD = Explorable(
    "Explore: how much a test score moves",
    (
        Param("rows", "rows", "100", choices=("40", "100", "400", "1000")),
        Param("test_share", "test share", 0.2, 0.1, 0.5, 0.05),
        Param("seed", "seed", 0, 0, 199, 1),
    ),
    "lessons.data_handling.figures:score_spread",
    name="score-spread",
)

SECTION = Section(
    id="splitting",
    title="Train, validation, test",
    blocks=(
        Prose("""\
A data set is cut into parts with different jobs:

- the **training set** fits the model's weights, and
  every preprocessing step's numbers (means, ranges,
  categories, fill values);
- the **validation set** chooses between candidates:
  two models, a learning rate, a polynomial degree,
  median or mean imputation;
- the **test set** gives one honest score at the very
  end, for the single model you chose.

60/20/20 is a common cut; with many rows the
validation and test shares can be smaller. The rows
are **shuffled** first, with a seeded generator, so
that no order in the file (by date, by region, sorted
by the label) decides who lands where, and so that the
same seed gives the same split every time.
scikit-learn's `train_test_split` makes two parts;
called twice, it makes three.
"""),
        Example(
            title="A seeded 60/20/20 split",
            code="""\
import numpy as np

n = 20
rng = np.random.default_rng(0)
order = rng.permutation(n)         # a shuffle
test, val = order[:4], order[4:8]  # 20%, 20%
train = order[8:]                  # 60%
print("test: ", np.sort(test))
print("val:  ", np.sort(val))
print("train:", np.sort(train))

rng_again = np.random.default_rng(0)
again = rng_again.permutation(n)
print("same seed, same split:",
      np.array_equal(order, again))
""",
            output="""\
test:  [ 2  4  6 19]
val:   [ 3 11 13 16]
train: [ 0  1  5  7  8  9 10 12 14 15 17 18]
same seed, same split: True
""",
        ),
        Prose("""\
The split is a set of **row indices**, not a copy of
the data: `X[train]`, `y[train]` and any other column
take the same rows.

### Why a validation set

Every choice you make by looking at a score is a little
fitting. Choose the polynomial degree that scores best
on the test set and that score is no longer honest:
the test set helped choose. So choices are made on the
validation set, and the test set is used once.
"""),
        Example(
            title="Choosing a degree on validation",
            code="""\
import numpy as np

rng = np.random.default_rng(3)
x = rng.uniform(0, 1, 60)
noise = rng.normal(0, 0.3, 60)
y = np.sin(2 * np.pi * x) + noise
rng = np.random.default_rng(0)
order = rng.permutation(60)
test, val = order[:12], order[12:24]
train = order[24:]

def mse(c, rows):
    guess = np.polyval(c, x[rows])
    return np.mean((guess - y[rows]) ** 2)

for d in (1, 3, 5, 7, 9):
    c = np.polyfit(x[train], y[train], d)
    tr, va = mse(c, train), mse(c, val)
    print(f"degree {d}: train {tr:.3f}",
          f" val {va:.3f}")
c = np.polyfit(x[train], y[train], 3)
print(f"degree 3 on test: {mse(c, test):.3f}")
""",
            output="""\
degree 1: train 0.266  val 0.254
degree 3: train 0.090  val 0.087
degree 5: train 0.087  val 0.098
degree 7: train 0.083  val 0.116
degree 9: train 0.076  val 0.136
degree 3 on test: 0.089
""",
        ),
        Prose("""\
The training error only falls as the degree grows; it
cannot tell a better curve from one that bends to fit
the noise. The validation error falls, then rises, and
picks degree 3. The noise was drawn with σ = 0.3, so
no curve can beat an MSE of about 0.3² = 0.09 on new
points: degree 9's training error, 0.076, is below
that floor, which is the mark of fitting noise. The
test set, used once, confirms degree 3 at 0.089.

### Imbalanced labels: stratify

When one class is rare, a random test set may hold
too few of it, or none.
"""),
        Checkpoint(Choice(
            id="cp_no_positive",
            section="splitting",
            skill="dh_stratify",
            prompt=(
                "Predict: 50 rows, 5 of them labelled 1. A random test set takes 10 rows. How "
                "often does it hold no 1 at all?"
            ),
            options=("Never", "About 1 time in 100", "About 1 time in 10", "About 1 time in 3"),
            answer=3,
            explanation=(
                "All 10 test rows must come from the 45 zeros: C(45, 10)/C(50, 10) ≈ 0.31, "
                "about one split in three. The listing below counts it over 1,000 seeds."
            ),
        )),
        Example(
            title="Random against stratified",
            code="""\
import numpy as np

y = np.array([1] * 5 + [0] * 45)  # 10% are 1s

# 1000 random test sets of 10 rows
found = []
for seed in range(1000):
    rng = np.random.default_rng(seed)
    picked = rng.permutation(50)[:10]
    found.append(y[picked].sum())
print("1s in the test set:", list(range(5)))
counts = np.bincount(found).tolist()
print("how often:", counts)

# stratified: split each class on its own
rng = np.random.default_rng(0)
test = []
for label in (0, 1):
    rows = np.flatnonzero(y == label)
    rows = rng.permutation(rows)
    test.extend(rows[:round(0.2 * len(rows))])
ones = y[test].sum()
print("stratified:", ones, "of", len(test))
""",
            output="""\
1s in the test set: [0, 1, 2, 3, 4]
how often: [324, 414, 203, 57, 2]
stratified: 1 of 10
""",
        ),
        Prose("""\
The right count is one 1 in ten rows, and a random
split gets it only 414 times in 1,000. In 324 splits
the test set has no 1 at all, so it cannot say
anything about the rare class, which is often the one
that matters (fraud, disease, default). A **stratified
split** shuffles and cuts each class separately, so
every class keeps its share on both sides
(`train_test_split(..., stratify=y)` in scikit-learn).
"""),
        STRATIFIED,
        Prose("""\
### Time-ordered data

When rows are ordered in time and the model will
predict the future, a shuffled split cheats: the test
days sit between training days, so the model has seen
the day before *and* the day after. Train on the past
and test on the most recent stretch instead, exactly
as the model will be used. Below, each test day is
predicted by copying the value of the nearest training
day, on a series that trends upwards.
"""),
        Example(
            title="Shuffled against time split",
            code="""\
import numpy as np

rng = np.random.default_rng(1)
day = np.arange(200)
noise = rng.normal(0, 5, 200)
sales = 100 + 0.5 * day + noise

def nearest_day_mae(train, test):
    # copy the value of the closest train day
    gap = np.abs(day[test][:, None]
                 - day[train])
    guess = sales[train][gap.argmin(axis=1)]
    return np.abs(guess - sales[test]).mean()

rng = np.random.default_rng(0)
order = rng.permutation(200)
shuffled = nearest_day_mae(order[40:],
                           order[:40])
by_time = nearest_day_mae(day[:160],
                          day[160:])
print(f"shuffled split: MAE {shuffled:.1f}")
print(f"time split:     MAE {by_time:.1f}")
""",
            output="""\
shuffled split: MAE 4.3
time split:     MAE 10.5
""",
        ),
        Prose("""\
The shuffled split reports an error of 4.3, about the
size of the noise (σ = 5); the time split reports 10.5,
because the last 40 days lie beyond everything the
model saw, 20.5 days past its last training day on
average, and sales grow by 0.5 a day. 10.5 is what the
model will really achieve on next month's days.
scikit-learn's `TimeSeriesSplit` makes such splits.

### How much does one split decide?

A test score is measured on a sample, so it has a
sampling error. Below, a line is fitted to noisy data
and scored by R² on the test rows, for 200 different
seeds at once: the histogram shows how far the score
moves with nothing but the seed. Make the data or the
test share small and watch it spread.
"""),
        SPREAD,
        Prose("""\
With 40 rows and a 10% test share, four test rows
decide, and the 200 scores run from −18.6 to 0.96.
With 1,000 rows and a 20% share, 90% of them lie
between 0.69 and 0.78. Two models whose scores differ
by less than this spread have not been told apart.
Cross-validation (section 7) averages over several
splits to shrink it.
"""),
    ),
)
