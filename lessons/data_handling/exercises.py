"""The lesson's five exercises: task, starter code, reference solution and three hints each.

The sections place these blocks where their topic is taught. Their checks live
in `exercise_checks` and run only in the checking child, so this module, like
every lesson module, imports no numpy.
"""

from tutor.lesson import Exercise

CHECKS = "lessons.data_handling.exercise_checks"

SCALE = Exercise(
    id="scale_train_test",
    title="Exercise: standardise with training statistics",
    task="""\
Write `scale_train_test(X_train, X_test)`: standardise
both arrays with the statistics of the **training**
rows.

- μ and σ are the mean and the standard deviation of
  each column of X_train, with `ddof=0` (the
  population σ, as `StandardScaler` uses).
- Return the pair `(Z_train, Z_test)`, where each row
  x becomes (x − μ)/σ.
- A column that is constant in X_train has σ = 0:
  divide it by 1 instead, so that it becomes 0.

X_train and X_test are 2-D arrays with the same number
of columns. No ready-made scaler: compute μ and σ.
""",
    starter='''\
import numpy as np


def scale_train_test(X_train, X_test):
    """Both arrays standardised with the training mean and std."""
    raise NotImplementedError
''',
    solution='''\
import numpy as np


def scale_train_test(X_train, X_test):
    """Both arrays standardised with the training mean and std."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std = np.where(std == 0, 1.0, std)
    return (X_train - mean) / std, (X_test - mean) / std
''',
    checks=f"{CHECKS}:check_scale",
    function="scale_train_test",
    hints=(
        "Learn two numbers per column from X_train alone, then use those same numbers on "
        "both arrays.",
        "`X_train.mean(axis=0)` and `X_train.std(axis=0)` give one value per column (axis=0 "
        "runs down the rows); `np.where(std == 0, 1.0, std)` swaps a 0 for a 1.",
        "`return (X_train - mean) / std, (X_test - mean) / std`, with mean and std taken "
        "from X_train only.",
    ),
    skill="dh_standardize",
)

ONE_HOT = Exercise(
    id="one_hot",
    title="Exercise: one-hot encoding",
    task="""\
Write `one_hot(values, categories)`: one row per value
and one column per category, the columns in the order
of `categories` **as given**. Entry [i, j] is 1.0 when
values[i] equals categories[j], and 0.0 otherwise.

- A value that is not in `categories` (a city first
  seen in the test set) gets a row of zeros.
- Return a float array of shape
  (len(values), len(categories)), also when there are
  no values.

values and categories are lists or 1-D arrays of
strings. No ready-made encoder.
""",
    starter='''\
import numpy as np


def one_hot(values, categories):
    """A one-hot table: one row per value, one column per category."""
    raise NotImplementedError
''',
    solution='''\
import numpy as np


def one_hot(values, categories):
    """A one-hot table: one row per value, one column per category."""
    table = np.zeros((len(values), len(categories)))
    for i, value in enumerate(values):
        for j, category in enumerate(categories):
            if value == category:
                table[i, j] = 1.0
    return table
''',
    checks=f"{CHECKS}:check_one_hot",
    function="one_hot",
    hints=(
        "Start from a table of zeros with the right shape, then put a single 1 in each row "
        "whose value is a known category.",
        "`np.zeros((len(values), len(categories)))` makes the table; two loops, over the "
        "values (i) and over the categories (j), find where they are equal.",
        "Inside both loops: `if value == category: table[i, j] = 1.0`. An unknown value "
        "matches nothing, so its row stays zero.",
    ),
    skill="dh_one_hot",
)

IMPUTE = Exercise(
    id="impute_indicator",
    title="Exercise: mean imputation with an indicator",
    task="""\
Write `impute(X_train, X)` for 2-D float arrays with
`nan` in the blanks. X is the array to fill: the
training rows themselves, or test rows.

1. The fill value of column j is the mean of the known
   (not nan) values in column j of **X_train**.
2. Every nan of X becomes its column's fill value.
3. After the k filled columns come k indicator
   columns, one per column of X: 1.0 where X had a
   blank, 0.0 where it had a value.

Return one array of shape (n, 2k). Every column of
X_train has at least one known value.
""",
    starter='''\
import numpy as np


def impute(X_train, X):
    """X with training means in its blanks, then one 0/1 column per column."""
    raise NotImplementedError
''',
    solution='''\
import numpy as np


def impute(X_train, X):
    """X with training means in its blanks, then one 0/1 column per column."""
    X_train = np.asarray(X_train, dtype=float)
    X = np.asarray(X, dtype=float)
    fill = np.nanmean(X_train, axis=0)
    missing = np.isnan(X)
    filled = np.where(missing, fill, X)
    return np.hstack([filled, missing.astype(float)])
''',
    checks=f"{CHECKS}:check_impute",
    function="impute",
    hints=(
        "Three steps: learn one fill value per column from X_train, note where X has blanks, "
        "then fill them and put the notes beside the filled columns.",
        "`np.nanmean(X_train, axis=0)` skips the blanks; `np.isnan(X)` marks them (do this "
        "before filling); `np.where(mask, fill, X)` fills.",
        "`return np.hstack([np.where(missing, fill, X), missing.astype(float)])`, with "
        "`missing = np.isnan(X)` and `fill = np.nanmean(X_train, axis=0)`.",
    ),
    skill="dh_impute",
)

STRATIFIED = Exercise(
    id="stratified_split",
    title="Exercise: a stratified split",
    task="""\
Write `stratified_split(y, test_fraction, seed)` for a
1-D array y of class labels. Return `(train, test)`:
two integer arrays of row indices.

- For each class c with nᶜ rows, put
  round(test_fraction · nᶜ) of its rows, chosen at
  random, in the test set, and the rest in training.
- Shuffle with `np.random.default_rng(seed)`: the same
  seed must give the same split, another seed another
  split.
- Every row index lands in exactly one of the two.

The checks count the classes on each side, so any
random choice within a class passes.
""",
    starter='''\
import numpy as np


def stratified_split(y, test_fraction, seed):
    """Row indices (train, test), each class split in the same proportion."""
    raise NotImplementedError
''',
    solution='''\
import numpy as np


def stratified_split(y, test_fraction, seed):
    """Row indices (train, test), each class split in the same proportion."""
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    train, test = [], []
    for label in np.unique(y):
        rows = rng.permutation(np.flatnonzero(y == label))
        count = round(test_fraction * len(rows))
        test.extend(rows[:count])
        train.extend(rows[count:])
    return np.array(train, dtype=int), np.array(test, dtype=int)
''',
    checks=f"{CHECKS}:check_stratified",
    function="stratified_split",
    hints=(
        "Treat each class on its own: find its rows, shuffle them, and cut off the share that "
        "goes to the test set.",
        "`np.unique(y)` lists the classes; `np.flatnonzero(y == label)` gives a class's row "
        "indices; `rng.permutation(rows)` shuffles them, with one rng made from the seed.",
        "For each class: `count = round(test_fraction * len(rows))`, then `test.extend(rows"
        "[:count])` and `train.extend(rows[count:])`; return both as integer arrays.",
    ),
    skill="dh_stratify",
)

LEAK = Exercise(
    id="fix_the_leak",
    title="Exercise: find the leak",
    task="""\
`prepare(X, seed)` takes a table X with blanks (nan)
and returns its training and test rows ready for a
model: blanks filled with column means, then every
column standardised. The starter code runs, and it
leaks. Find the leak and fix it.

- Keep the split as it is: the same shuffle, and the
  first quarter of it (n // 4 rows) is the test set.
- Keep the order of the steps: fill the blanks, then
  standardise the filled values (σ with `ddof=0`).
- Return `(train_rows, test_rows)`.

X has no constant column, and every column has known
values among the training rows.
""",
    starter='''\
import numpy as np


def prepare(X, seed):
    """Fill the blanks, standardise, split: (train rows, test rows)."""
    X = np.asarray(X, dtype=float)
    means = np.nanmean(X, axis=0)
    X = np.where(np.isnan(X), means, X)
    X = (X - X.mean(axis=0)) / X.std(axis=0)

    order = np.random.default_rng(seed).permutation(len(X))
    n_test = len(X) // 4
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test]
''',
    solution='''\
import numpy as np


def prepare(X, seed):
    """Split, then fill the blanks and standardise with the training rows' numbers."""
    X = np.asarray(X, dtype=float)
    order = np.random.default_rng(seed).permutation(len(X))
    n_test = len(X) // 4
    test, train = order[:n_test], order[n_test:]
    X_train, X_test = X[train], X[test]

    means = np.nanmean(X_train, axis=0)
    X_train = np.where(np.isnan(X_train), means, X_train)
    X_test = np.where(np.isnan(X_test), means, X_test)
    mu, sigma = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mu) / sigma, (X_test - mu) / sigma
''',
    checks=f"{CHECKS}:check_leak",
    function="prepare",
    hints=(
        "Ask of each line that learns a number (a mean, a std): which rows did it learn "
        "from? The test rows must not be among them.",
        "Move the split to the top. Then learn the fill values, and after filling the mean "
        "and std, from X[train] only, and apply them to X[train] and X[test] alike.",
        "`means = np.nanmean(X_train, axis=0)` fills both parts; then `mu, sigma = "
        "X_train.mean(axis=0), X_train.std(axis=0)` scales both parts.",
    ),
    skill="dh_leakage",
)

ALL = (SCALE, ONE_HOT, IMPUTE, STRATIFIED, LEAK)
