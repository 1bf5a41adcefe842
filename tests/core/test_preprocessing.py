"""Tests for tutor.core.preprocessing: scalers, encoders, imputation and splits.

Property tests say what each step promises (standardized training columns have
mean 0 and std 1, splits are disjoint and cover the rows, a stratified split keeps
every class's share within a row); where numpy or scipy has the same step, the
result is compared with it.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from tutor.core.preprocessing import (
    fit_imputer,
    fit_min_max,
    fit_robust,
    fit_standardizer,
    impute,
    min_max_scale,
    one_hot,
    ordinal_encode,
    robust_scale,
    standardize,
    stratified_split,
    time_split,
    train_test_split,
    train_val_test_split,
)

from .helpers import PROPERTY, finite, seeds

shapes = st.tuples(st.integers(2, 40), st.integers(1, 5))


def tables(min_rows: int = 2):
    """Tables of whole numbers stored as floats, all different, at least `min_rows` rows.

    Different values give every column a spread (σ, range and IQR above 0), so
    the properties hold without filtering most examples away.
    """
    return hnp.arrays(np.float64, st.tuples(st.integers(min_rows, 40), st.integers(1, 5)),
                      elements=st.integers(-1000, 1000).map(float), unique=True)


def _spread(X: np.ndarray) -> bool:
    """Every column has a spread well above rounding (so σ, range and IQR are not ~0)."""
    return bool(np.all(X.std(axis=0) > 1e-3 * (1 + np.abs(X).max(axis=0))))


# ---------------------------------------------------------------- standardization


@PROPERTY
@given(X=tables())
def test_standardized_training_columns_have_mean_0_and_std_1(X):
    assume(_spread(X))
    mean, std = fit_standardizer(X)
    Z = standardize(X, mean, std)
    np.testing.assert_allclose(Z.mean(axis=0), 0, atol=1e-9)
    np.testing.assert_allclose(Z.std(axis=0), 1, rtol=1e-9)


@PROPERTY
@given(X=tables(), seed=seeds)
def test_standardizing_matches_numpy_and_scipy(X, seed):
    from scipy import stats

    assume(_spread(X))
    mean, std = fit_standardizer(X)
    np.testing.assert_allclose(mean, np.mean(X, axis=0))
    np.testing.assert_allclose(std, np.std(X, axis=0, ddof=0))
    np.testing.assert_allclose(standardize(X, mean, std), stats.zscore(X, axis=0), atol=1e-9)
    new = np.random.default_rng(seed).normal(size=(3, X.shape[1]))  # other rows use the same μ and σ
    np.testing.assert_allclose(standardize(new, mean, std), (new - X.mean(axis=0)) / X.std(axis=0))


def test_a_constant_column_becomes_zeros_not_nan():
    X = np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]])
    mean, std = fit_standardizer(X)
    assert std[1] == 1.0
    np.testing.assert_array_equal(standardize(X, mean, std)[:, 1], 0.0)


def test_test_rows_are_scaled_with_the_training_statistics():
    train = np.array([[0.0], [10.0]])
    mean, std = fit_standardizer(train)
    assert standardize([[20.0]], mean, std).tolist() == [[3.0]]  # (20 − 5) / 5


def test_an_empty_table_is_refused():
    with pytest.raises(ValueError, match="non-empty"):
        fit_standardizer(np.zeros((0, 2)))


# ---------------------------------------------------------------- min-max and robust


@PROPERTY
@given(X=tables())
def test_min_max_puts_the_training_rows_in_0_1_with_both_ends_reached(X):
    assume(_spread(X))
    low, high = fit_min_max(X)
    scaled = min_max_scale(X, low, high)
    assert scaled.min() >= -1e-12 and scaled.max() <= 1 + 1e-12
    np.testing.assert_allclose(scaled.min(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(scaled.max(axis=0), 1, rtol=1e-12)
    np.testing.assert_allclose(scaled, (X - X.min(axis=0)) / np.ptp(X, axis=0))


def test_min_max_does_not_clip_new_values():
    low, high = fit_min_max([[20.0], [70.0]])
    assert min_max_scale([[95.0], [10.0]], low, high).ravel().tolist() == [1.5, -0.2]


@PROPERTY
@given(X=tables(4))
def test_robust_scaling_matches_scipy(X):
    from scipy import stats

    assume(np.all(stats.iqr(X, axis=0) > 1e-6))
    median, iqr = fit_robust(X)
    np.testing.assert_allclose(median, np.median(X, axis=0))
    np.testing.assert_allclose(iqr, stats.iqr(X, axis=0))
    scaled = robust_scale(X, median, iqr)
    np.testing.assert_allclose(np.median(scaled, axis=0), 0, atol=1e-9)
    np.testing.assert_allclose(stats.iqr(scaled, axis=0), 1, rtol=1e-9)


@PROPERTY
@given(base=hnp.arrays(np.float64, st.integers(5, 30), elements=finite(-10, 10), unique=True),
       outlier=finite(1e3, 1e6))
def test_an_outlier_moves_neither_the_median_nor_the_iqr_much_but_squeezes_min_max(base, outlier):
    with_outlier = np.append(base, outlier)
    _, iqr = fit_robust(base)
    _, iqr_out = fit_robust(with_outlier)
    assume(iqr > 1e-3)
    assert iqr_out < 2.5 * iqr + 10  # one extra value shifts the quartiles by at most one neighbour
    low, high = fit_min_max(with_outlier)
    squeezed = min_max_scale(base, low, high)
    assert np.ptp(squeezed) <= 20 / (outlier - 10) + 1e-12  # every ordinary value near 0


# ---------------------------------------------------------------- encoding

words = st.sampled_from(["red", "green", "blue", "amber", "teal"])


@PROPERTY
@given(categories=st.lists(words, min_size=1, max_size=5, unique=True), data=st.data())
def test_one_hot_rows_of_known_categories_sum_to_one(categories, data):
    values = data.draw(st.lists(st.sampled_from(categories), max_size=20))
    encoded = one_hot(values, categories)
    assert encoded.shape == (len(values), len(categories))
    np.testing.assert_array_equal(encoded.sum(axis=1), 1.0)
    for row, value in zip(encoded, values):
        assert categories[int(np.argmax(row))] == value
    codes = ordinal_encode(values, categories)
    np.testing.assert_array_equal(codes, np.argmax(encoded, axis=1) if values else [])
    np.testing.assert_array_equal(encoded, np.eye(len(categories))[codes.astype(int)])  # numpy's one-liner


@PROPERTY
@given(values=st.lists(words, max_size=20))
def test_one_hot_gives_unknown_categories_a_row_of_zeros(values):
    known = ["red", "green"]
    encoded = one_hot(values, known)
    for row, value in zip(encoded, values):
        assert row.sum() == (1.0 if value in known else 0.0)


def test_one_hot_columns_follow_the_given_order_not_sorted_order():
    assert one_hot(["b", "a", "c"], ["c", "b", "a"]).tolist() == [[0, 1, 0], [0, 0, 1], [1, 0, 0]]


def test_ordinal_encoding_refuses_a_value_outside_the_order():
    assert ordinal_encode(["M", "S", "L"], ["S", "M", "L"]).tolist() == [1.0, 0.0, 2.0]
    with pytest.raises(ValueError, match="'XL' is not one of the categories"):
        ordinal_encode(["XL"], ["S", "M", "L"])


def test_one_hot_with_a_bias_column_is_rank_deficient():
    """The dummy-variable trap: the one-hot columns add up to the bias column."""
    values = ["a", "b", "c", "a", "b", "c", "a"]
    X = np.column_stack([np.ones(len(values)), one_hot(values, ["a", "b", "c"])])
    assert np.linalg.matrix_rank(X.T @ X) == 3
    assert abs(np.linalg.det(X.T @ X)) < 1e-9
    assert np.linalg.matrix_rank(X[:, :-1].T @ X[:, :-1]) == 3  # one column dropped: full rank


# ---------------------------------------------------------------- imputation


@PROPERTY
@given(X=tables(), data=st.data())
def test_imputation_fills_with_the_training_means_and_marks_the_gaps(X, data):
    mask = data.draw(hnp.arrays(np.bool_, X.shape))
    mask[0] = False  # every column keeps a known value
    holes = np.where(mask, np.nan, X)
    fill = fit_imputer(holes)
    np.testing.assert_allclose(fill, np.nanmean(holes, axis=0))
    done = impute(holes, fill)
    k = X.shape[1]
    assert done.shape == (X.shape[0], 2 * k)
    assert not np.isnan(done).any()
    np.testing.assert_array_equal(done[:, k:], mask.astype(float))
    np.testing.assert_array_equal(done[:, :k][~mask], X[~mask])
    np.testing.assert_allclose(done[:, :k][mask], np.broadcast_to(fill, X.shape)[mask])
    np.testing.assert_allclose(fit_imputer(holes, "median"), np.nanmedian(holes, axis=0))


def test_imputation_uses_the_fill_values_it_is_given():
    train = np.array([[1.0], [np.nan], [3.0]])
    test = np.array([[np.nan], [10.0]])
    assert impute(test, fit_imputer(train)).tolist() == [[2.0, 1.0], [10.0, 0.0]]
    assert impute(test, fit_imputer(train), indicator=False).tolist() == [[2.0], [10.0]]


def test_a_column_with_nothing_known_is_refused():
    with pytest.raises(ValueError, match="column 1 has no known value"):
        fit_imputer(np.array([[1.0, np.nan], [2.0, np.nan]]))


# ---------------------------------------------------------------- splitting


@PROPERTY
@given(n=st.integers(2, 500), fraction=finite(0.05, 0.95), seed=seeds)
def test_a_split_is_disjoint_covers_every_row_and_repeats_with_its_seed(n, fraction, seed):
    assume(0 < round(fraction * n) < n)
    train, test = train_test_split(n, fraction, seed)
    assert len(test) == round(fraction * n)
    assert np.intersect1d(train, test).size == 0
    np.testing.assert_array_equal(np.sort(np.concatenate([train, test])), np.arange(n))
    again = train_test_split(n, fraction, seed)
    np.testing.assert_array_equal(train, again[0])
    np.testing.assert_array_equal(test, again[1])
    order = np.random.default_rng(seed).permutation(n)  # numpy's shuffle, cut in two
    np.testing.assert_array_equal(test, order[: len(test)])


@PROPERTY
@given(n=st.integers(10, 500), seed=seeds)
def test_three_way_split_is_a_partition(n, seed):
    train, val, test = train_val_test_split(n, 0.2, 0.2, seed)
    assert (len(val), len(test)) == (round(0.2 * n), round(0.2 * n))
    everything = np.concatenate([train, val, test])
    np.testing.assert_array_equal(np.sort(everything), np.arange(n))


def test_a_split_that_leaves_a_side_empty_is_refused():
    with pytest.raises(ValueError, match="leaves one side empty"):
        train_test_split(3, 0.1, 0)
    with pytest.raises(ValueError, match="between 0 and 1"):
        train_test_split(10, 1.0, 0)
    with pytest.raises(ValueError, match="leaving none to train on"):
        train_val_test_split(10, 0.5, 0.5, 0)


@PROPERTY
@given(counts=st.lists(st.integers(1, 80), min_size=2, max_size=4), fraction=finite(0.1, 0.5), seed=seeds)
def test_a_stratified_split_keeps_every_class_within_one_row_of_its_share(counts, fraction, seed):
    labels = np.repeat(np.arange(len(counts)), counts)
    labels = np.random.default_rng(0).permutation(labels)
    train, test = stratified_split(labels, fraction, seed)
    assert np.intersect1d(train, test).size == 0
    np.testing.assert_array_equal(np.sort(np.concatenate([train, test])), np.arange(len(labels)))
    for label, count in enumerate(counts):
        in_test = int(np.sum(labels[test] == label))
        assert abs(in_test - fraction * count) <= 0.5 + 1e-9
        assert in_test + int(np.sum(labels[train] == label)) == count


def test_a_stratified_split_mixes_the_classes_and_repeats_with_its_seed():
    labels = np.array([0] * 40 + [1] * 10)
    train, test = stratified_split(labels, 0.2, 3)
    assert np.sum(labels[test] == 1) == 2 and len(test) == 10
    assert not np.all(np.diff(labels[train]) >= 0)  # not sorted by class
    np.testing.assert_array_equal(test, stratified_split(labels, 0.2, 3)[1])


def test_a_time_split_tests_on_the_latest_rows():
    times = np.array([5, 1, 4, 2, 3, 9, 7, 8, 6, 0])
    train, test = time_split(times, 0.3)
    assert sorted(times[test].tolist()) == [7, 8, 9]
    assert times[train].max() < times[test].min()
