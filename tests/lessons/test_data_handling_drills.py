"""Every drill of Data Handling, over 200 seeds: the keyed answer is what NumPy computes from the same numbers.

Each maker is `<name>_question(<name>_numbers(rng))`; the tests draw the
numbers with a seed, compute the answer their own way (NumPy, SciPy or
`tutor.core.preprocessing`), and compare with the question the maker builds
from the same seed. A multiple choice must have distinct options, exactly one
of them right, and an explanation that never points at an option by its place
(the tutor shuffles them).
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.data_handling import LESSON
from lessons.data_handling import drill_makers as dm
from tutor.core.preprocessing import (
    fit_min_max, fit_robust, fit_standardizer, impute, min_max_scale, one_hot, robust_scale, standardize,
    stratified_split, train_test_split,
)
from tutor.grading.answers import judge, right_answer
from tutor.lesson import Choice, Numeric, Shape

SEEDS = settings(max_examples=200, deadline=None)
seeds = st.integers(0, 2**32 - 1)

MAKERS = {drill.id: drill.make.split(":")[1] for drill in LESSON.drills}
POSITIONAL = re.compile(r"\b(option|answer) [a-d1-4]\b|\([a-d]\)|\b(first|second|third|fourth|last) option\b",
                        re.IGNORECASE)


def _make(name: str, seed: int):
    numbers = getattr(dm, f"{name}_numbers")(np.random.default_rng(seed))
    question = getattr(dm, name)(np.random.default_rng(seed))
    assert question == getattr(dm, f"{name}_question")(numbers)  # the maker is the composition
    return numbers, question


def _keyed(question: Choice) -> str:
    return question.options[question.answer]


def test_every_drill_has_a_numbers_and_a_question_part():
    assert len(MAKERS) >= 10
    for name in MAKERS.values():
        assert callable(getattr(dm, f"{name}_numbers")) and callable(getattr(dm, f"{name}_question"))


@pytest.mark.parametrize("drill", LESSON.drills, ids=lambda d: d.id)
@SEEDS
@given(seed=seeds)
def test_a_drill_question_is_well_formed(drill, seed):
    question = drill.variant(np.random.default_rng(seed))
    assert isinstance(question, (Choice, Numeric, Shape))
    assert question.prompt.strip() and len(question.explanation) >= 40
    assert not POSITIONAL.search(question.explanation), question.explanation
    if isinstance(question, Choice):
        assert 2 <= len(question.options) <= 4
        assert len(set(question.options)) == len(question.options), question.options
        assert 0 <= question.answer < len(question.options)
    if isinstance(question, Numeric):
        assert np.isfinite(question.answer)
        assert abs(question.answer * 100 - round(question.answer * 100)) < 1e-6, question.answer  # by hand
    shown = right_answer(question)
    typed = shown[0] if isinstance(question, Choice) else shown.split(" (±")[0]
    assert judge(question, typed).correct
    explained = question.explanation.lower()
    if isinstance(question, Numeric):  # the explanation arrives at the answer it keys
        assert dm.show(question.answer) in question.explanation, (question.answer, question.explanation)
    elif isinstance(question, Shape):
        assert str(tuple(question.answer)) in question.explanation
    else:
        assert question.options[question.answer].split(" (")[0].split(",")[0].lower() in explained


@SEEDS
@given(seed=seeds)
def test_standardize_value(seed):
    numbers, question = _make("standardize_value", seed)
    train = np.array(numbers["train"], dtype=float)
    mean, std = fit_standardizer(train)
    assert np.std(train) > 0
    expected = (numbers["new"] - np.mean(train)) / np.std(train)
    assert question.answer == pytest.approx(expected) == pytest.approx(standardize(numbers["new"], mean, std))


@SEEDS
@given(seed=seeds)
def test_test_mean_z(seed):
    numbers, question = _make("test_mean_z", seed)
    spread = numbers["test_std"]
    column = numbers["test_mean"] + np.array([-spread, spread])  # a test column with that mean and std
    assert np.std(column) == pytest.approx(spread)
    scaled = (column - numbers["mean"]) / numbers["std"]
    assert question.answer == pytest.approx(np.mean(scaled)) and question.answer != 0


@SEEDS
@given(seed=seeds)
def test_minmax_value(seed):
    numbers, question = _make("minmax_value", seed)
    train = np.array(numbers["train"], dtype=float)
    low, high = fit_min_max(train)
    assert np.ptp(train) > 0
    assert question.answer == pytest.approx((numbers["new"] - train.min()) / np.ptp(train))
    assert question.answer == pytest.approx(float(min_max_scale(numbers["new"], low, high)))


@SEEDS
@given(seed=seeds)
def test_robust_value(seed):
    from scipy import stats

    numbers, question = _make("robust_value", seed)
    x = np.array(numbers["values"], dtype=float)
    assert len(set(numbers["values"])) == 5 and stats.iqr(x) > 0
    expected = (x.max() - np.median(x)) / stats.iqr(x)
    median, iqr = fit_robust(x)
    assert question.answer == pytest.approx(expected) == pytest.approx(float(robust_scale(x.max(), median, iqr)))
    assert question.answer >= 5  # an outlier, far out


@SEEDS
@given(seed=seeds)
def test_which_scaler(seed):
    numbers, question = _make("which_scaler", seed)
    x = np.array(numbers["values"], dtype=float)
    computed = [
        min_max_scale(x, *fit_min_max(x)),
        robust_scale(x, *fit_robust(x)),
        standardize(x, *fit_standardizer(x)),
    ]
    assert _keyed(question) == dm.vector(computed[numbers["asked"]])
    others = [dm.vector(version) for k, version in enumerate(computed) if k != numbers["asked"]]
    assert sum(option == _keyed(question) for option in question.options) == 1
    assert set(others) < set(question.options)


@SEEDS
@given(seed=seeds)
def test_one_hot_row(seed):
    numbers, question = _make("one_hot_row", seed)
    row = one_hot([numbers["value"]], numbers["categories"])[0].astype(int)
    assert _keyed(question) == "(" + ", ".join(map(str, row)) + ")"
    rows = [tuple(int(v) for v in option.strip("()").split(", ")) for option in question.options]
    assert all(sum(r) <= 1 and len(r) == len(numbers["categories"]) for r in rows)


@SEEDS
@given(seed=seeds)
def test_encoded_shape(seed):
    numbers, question = _make("encoded_shape", seed)
    rng = np.random.default_rng(seed)
    rows, numeric, blank, k = numbers["rows"], numbers["numeric"], numbers["blank"], numbers["k"]
    X = rng.normal(size=(rows, numeric))
    X[0, :blank] = np.nan  # the first `blank` columns have blanks
    filled = impute(X, np.zeros(numeric))
    kept = filled[:, : numeric + blank]  # the indicators of the columns with blanks only
    categories = [f"c{j}" for j in range(k)]
    values = [categories[j % k] for j in range(rows)]
    table = np.column_stack([kept, one_hot(values, categories)[:, 1:], np.ones(rows)])
    assert question.answer == table.shape


@SEEDS
@given(seed=seeds)
def test_dummy_rank(seed):
    numbers, question = _make("dummy_rank", seed)
    rng = np.random.default_rng(seed)
    m, k, setup = numbers["numeric"], numbers["k"], numbers["setup"]
    codes = np.arange(50) % k
    encoded = (codes[:, None] == np.arange(k)) * 1.0
    numbers_part = rng.normal(size=(50, m))
    parts = {
        0: [np.ones(50), numbers_part, encoded],
        1: [np.ones(50), numbers_part, encoded[:, 1:]],
        2: [numbers_part, encoded],
    }[setup]
    X = np.column_stack(parts)
    assert question.answer == np.linalg.matrix_rank(X.T @ X)
    assert ("dummy-variable trap" in question.explanation) == (setup == 0)


@SEEDS
@given(seed=seeds)
def test_ordinal_choice(seed):
    _, question = _make("ordinal_choice", seed)
    assert _keyed(question) in dm.ORDERED_COLUMNS
    assert sum(option in dm.ORDERED_COLUMNS for option in question.options) == 1
    assert all(option in dm.UNORDERED_COLUMNS for option in question.options if option != _keyed(question))


@SEEDS
@given(seed=seeds)
def test_impute_fill(seed):
    numbers, question = _make("impute_fill", seed)
    column = np.array([np.nan if v is None else v for v in numbers["column"]], dtype=float)
    assert np.isnan(column).any() and np.nanstd(column) > 0
    assert question.answer == pytest.approx(np.nanmean(column))
    assert question.answer != pytest.approx(np.nansum(column) / len(column))  # the tempting slip differs


@SEEDS
@given(seed=seeds)
def test_complete_rows(seed):
    numbers, question = _make("complete_rows", seed)
    blank = np.zeros((numbers["rows"], 3), dtype=bool)
    for column, rows in enumerate(numbers["blanks"].values()):
        blank[np.array(rows) - 1, column] = True
    assert question.answer == int(np.sum(~blank.any(axis=1))) > 0


@SEEDS
@given(seed=seeds)
def test_split_sizes(seed):
    numbers, question = _make("split_sizes", seed)
    rest, _ = train_test_split(numbers["rows"], numbers["test"], seed % 1000)
    train, _ = train_test_split(len(rest), numbers["val"], seed % 1000)
    assert question.answer == len(train)
    assert numbers["rows"] * numbers["test"] == round(numbers["rows"] * numbers["test"])  # whole rows


@SEEDS
@given(seed=seeds)
def test_stratified_count(seed):
    numbers, question = _make("stratified_count", seed)
    y = np.array([0] * numbers["zeros"] + [1] * numbers["ones"])
    _, test = stratified_split(y, numbers["share"], seed % 1000)
    assert question.answer == int(np.sum(y[test])) == numbers["share"] * numbers["ones"]
    assert numbers["zeros"] > numbers["ones"] > 0


@SEEDS
@given(seed=seeds)
def test_time_split(seed):
    numbers, question = _make("time_split", seed)
    _, unit, _, total, test = dm.SERIES[numbers["series"]]
    assert _keyed(question) == f"Train on the first {total - test} {unit}s, test on the last {test}"
    assert sum(option.startswith("Train on the first") for option in question.options) == 1


@SEEDS
@given(seed=seeds)
def test_target_leak(seed):
    numbers, question = _make("target_leak", seed)
    _, honest, leaks = dm.LEAK_SCENARIOS[numbers["scenario"]]
    assert _keyed(question) in [leak for leak, _ in leaks]
    assert all(option in honest for option in question.options if option != _keyed(question))
