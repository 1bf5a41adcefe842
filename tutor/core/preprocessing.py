"""Preparing a table of data for a model: scaling, encoding, imputing and splitting.

Every step that learns something from the data comes as a pair: a ``fit_*``
function that computes the step's statistics (a mean, a range, a list of fill
values) from the **training rows only**, and a function that applies them to
any rows, training or not. Fitting on every row would let the test rows shape
the statistics, and the test score would no longer measure data the model has
never seen. Libraries split the same way: scikit-learn's ``fit`` and
``transform``.

The splitting functions return **index arrays**, not copies of the data, so
one split can be applied to X, y and anything else with the same rows.

Conventions, as scikit-learn's scalers use them:

- the standard deviation is the population one, σ = √((1/n) Σ (xᵢ − μ)²)
  (``ddof=0``);
- a constant column (σ = 0, a range of 0 or an IQR of 0) is divided by 1
  instead, so it becomes a column of zeros rather than of nan.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike


def _table(X: ArrayLike) -> np.ndarray:
    """X as a float array of one column (1-D) or several (2-D), with at least one row."""
    X = np.asarray(X, dtype=float)
    if X.ndim not in (1, 2) or X.shape[0] == 0:
        raise ValueError(f"X must be a non-empty 1-D or 2-D array, got shape {X.shape}")
    return X


def _nonzero(scale: np.ndarray) -> np.ndarray:
    """A column's scale with 0 replaced by 1: a constant column is shifted but not divided."""
    return np.where(scale == 0, 1.0, scale)


# ---------------------------------------------------------------- scaling


def fit_standardizer(X: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """The mean μ and standard deviation σ of each column of the training rows X.

    μ = (1/n) Σ xᵢ   and   σ = √((1/n) Σ (xᵢ − μ)²)   (population, ``ddof=0``).

    A column with σ = 0 gets σ = 1 (see the module's conventions).
    """
    X = _table(X)
    return X.mean(axis=0), _nonzero(X.std(axis=0))


def standardize(X: ArrayLike, mean: ArrayLike, std: ArrayLike) -> np.ndarray:
    """z = (x − μ) / σ for every entry, with μ and σ from ``fit_standardizer``.

    On the rows μ and σ came from, each column then has mean 0 and standard
    deviation 1; other rows (a test set) only come close.
    """
    return (np.asarray(X, dtype=float) - np.asarray(mean, dtype=float)) / np.asarray(std, dtype=float)


def fit_min_max(X: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """The smallest and largest value of each column of the training rows X."""
    X = _table(X)
    return X.min(axis=0), X.max(axis=0)


def min_max_scale(X: ArrayLike, low: ArrayLike, high: ArrayLike) -> np.ndarray:
    """x′ = (x − min) / (max − min), with min and max from ``fit_min_max``.

    The training rows land in [0, 1]; a new value below the training minimum
    or above the maximum lands outside it (no clipping). A column whose range
    is 0 is divided by 1.
    """
    low = np.asarray(low, dtype=float)
    span = _nonzero(np.asarray(high, dtype=float) - low)
    return (np.asarray(X, dtype=float) - low) / span


def fit_robust(X: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """The median and interquartile range IQR = Q₃ − Q₁ of each column of the training rows X.

    The quartiles Q₁ and Q₃ are the 25th and 75th percentiles, interpolated
    linearly between the sorted values (``np.percentile``'s default). A column
    with IQR = 0 gets IQR = 1.
    """
    X = _table(X)
    q1, median, q3 = np.percentile(X, [25, 50, 75], axis=0)
    return median, _nonzero(q3 - q1)


def robust_scale(X: ArrayLike, median: ArrayLike, iqr: ArrayLike) -> np.ndarray:
    """x′ = (x − median) / IQR, with the median and IQR from ``fit_robust``.

    Neither statistic moves when one value becomes extreme, so an outlier
    stays far out while the ordinary values keep their spread.
    """
    return (np.asarray(X, dtype=float) - np.asarray(median, dtype=float)) / np.asarray(iqr, dtype=float)


# ---------------------------------------------------------------- encoding


def ordinal_encode(values: Sequence, categories: Sequence) -> np.ndarray:
    """Each value replaced by its position in the ordered list ``categories``: 0, 1, 2, …

    Only for categories with a real order (small < medium < large): the codes
    say that medium sits between small and large. A value not in the list
    has no place in the order and raises ``ValueError``.
    """
    position = {category: index for index, category in enumerate(categories)}
    unknown = [value for value in values if value not in position]
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not one of the categories {list(categories)!r}")
    return np.array([position[value] for value in values], dtype=float)


def one_hot(values: Sequence, categories: Sequence) -> np.ndarray:
    """One row per value and one column per category: 1 in the value's column, 0 elsewhere.

    Entry [i, j] is 1 when values[i] == categories[j]. The columns follow the
    order of ``categories`` as given (fix the list on the training rows and
    keep it), so every row of a known category sums to 1. A value that is not
    in the list, a category first seen in new data, gets a row of zeros
    (scikit-learn's ``handle_unknown="ignore"``).
    """
    categories = list(categories)
    position = {category: index for index, category in enumerate(categories)}
    encoded = np.zeros((len(values), len(categories)))
    for row, value in enumerate(values):
        column = position.get(value)
        if column is not None:
            encoded[row, column] = 1.0
    return encoded


# ---------------------------------------------------------------- missing values


def fit_imputer(X: ArrayLike, strategy: str = "mean") -> np.ndarray:
    """The value that fills the gaps (nan) of each column: the mean or the median of its known training values.

    mean: (1/m) Σ xᵢ over the m values that are not nan (``np.nanmean``);
    median: their middle value (``np.nanmedian``). A column with no known
    value at all has nothing to learn from and raises ``ValueError``.
    """
    X = _table(X)
    if strategy not in ("mean", "median"):
        raise ValueError(f"strategy must be 'mean' or 'median', got {strategy!r}")
    known = ~np.isnan(X)
    empty = np.flatnonzero(np.atleast_1d(known.sum(axis=0)) == 0)
    if empty.size:
        raise ValueError(f"column {empty[0]} has no known value to learn a fill value from")
    return np.nanmean(X, axis=0) if strategy == "mean" else np.nanmedian(X, axis=0)


def impute(X: ArrayLike, fill: ArrayLike, indicator: bool = True) -> np.ndarray:
    """Every nan of column j replaced by fill[j]; then, with ``indicator``, one 0/1 column per column.

    Returns [X_filled | M], where M[i, j] = 1 if X[i, j] was missing and 0
    otherwise: the model can still tell a filled value from a measured one
    (scikit-learn's ``SimpleImputer(add_indicator=True)``, which keeps only the
    indicator columns of features that had gaps in training; here every
    column gets one, so the shape is always (n, 2k)).
    """
    X = np.asarray(X, dtype=float)
    missing = np.isnan(X)
    filled = np.where(missing, np.asarray(fill, dtype=float), X)
    if not indicator:
        return filled
    if X.ndim == 1:
        return np.column_stack([filled, missing.astype(float)])
    return np.hstack([filled, missing.astype(float)])


# ---------------------------------------------------------------- splitting


def _test_count(n: int, fraction: float) -> int:
    """round(fraction · n), checked to leave at least one row on each side."""
    if not 0 < fraction < 1:
        raise ValueError(f"the fraction must be between 0 and 1, got {fraction}")
    count = int(round(fraction * n))
    if not 0 < count < n:
        raise ValueError(f"a fraction of {fraction} of {n} rows leaves one side empty")
    return count


def train_test_split(n: int, test_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the training rows and of the test rows of n rows, shuffled with ``seed``.

    The rows are put in a random order (``np.random.default_rng(seed).permutation(n)``);
    the first round(test_fraction · n) of that order are the test rows, the
    rest train. The same seed gives the same split. Returns (train, test):
    disjoint, and together every index 0 … n − 1 once.
    """
    n = int(n)
    n_test = _test_count(n, test_fraction)
    order = np.random.default_rng(seed).permutation(n)
    return order[n_test:], order[:n_test]


def train_val_test_split(
    n: int, val_fraction: float, test_fraction: float, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Indices of training, validation and test rows, shuffled once with ``seed``.

    Of the shuffled order, the first round(test_fraction · n) rows are the test
    set, the next round(val_fraction · n) the validation set, the rest train.
    """
    n = int(n)
    n_test = _test_count(n, test_fraction)
    n_val = _test_count(n, val_fraction)
    if n_test + n_val >= n:
        raise ValueError(f"validation and test take {n_val + n_test} of {n} rows, leaving none to train on")
    order = np.random.default_rng(seed).permutation(n)
    return order[n_test + n_val:], order[n_test:n_test + n_val], order[:n_test]


def stratified_split(labels: ArrayLike, test_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices (train, test) with each class split in the same proportion as the whole.

    For each class c, in sorted order, its nᶜ rows are shuffled and the first
    round(test_fraction · nᶜ) go to the test set. So the test set holds
    within half a row of test_fraction · nᶜ of every class, and the class
    proportions of both sides stay those of the labels. (The total test size
    may then differ by a row or two from round(test_fraction · n).) Both
    index arrays are shuffled once more, so the classes are mixed.
    """
    labels = np.asarray(labels)
    if labels.ndim != 1 or labels.size == 0:
        raise ValueError(f"labels must be a non-empty 1-D array, got shape {labels.shape}")
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be between 0 and 1, got {test_fraction}")
    rng = np.random.default_rng(seed)
    train: list[np.ndarray] = []
    test: list[np.ndarray] = []
    for label in np.unique(labels):
        rows = rng.permutation(np.flatnonzero(labels == label))
        count = int(round(test_fraction * len(rows)))
        test.append(rows[:count])
        train.append(rows[count:])
    return rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))


def time_split(times: ArrayLike, test_fraction: float) -> tuple[np.ndarray, np.ndarray]:
    """Indices (train, test) for time-ordered rows: the latest round(test_fraction · n) rows are the test set.

    No shuffle: the model is trained on the past and tested on the future, as
    it will be used. Ties in ``times`` keep their order (a stable sort).
    """
    times = np.asarray(times)
    n_test = _test_count(len(times), test_fraction)
    order = np.argsort(times, kind="stable")
    return order[:-n_test], order[-n_test:]
