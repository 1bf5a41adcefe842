"""The checks of the lesson's exercises; they run only inside the checking child.

Each `check_*` function receives the learner's code and a seeded random
generator and yields cases (see `tutor.grading.cases`): the rule the task
states first (no ready-made step, read from the code by `tutor.grading.rules`),
then fixed edge cases, then random inputs. The expected values come from NumPy
and `tutor.core.preprocessing`; the learner's functions are called by the
harness, never here.

Where a wrong answer has a common cause, the judge recomputes that mistake on
the same input and, when the learner's value matches it, names the cause
("the test rows were scaled with their own mean and std") instead of only
saying which entry is off.

This module imports numpy at the top: the lesson never imports it (the
exercise blocks name it as text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from tutor.core.preprocessing import fit_imputer, impute, one_hot, stratified_split
from tutor.grading import judges
from tutor.grading.cases import Case, Learner
from tutor.grading.rules import Rule, Source, rule_case
from tutor.grading.values import type_name

Mistake = tuple[Any, str]
"""What a common mistake returns on this input, and the sentence that names it."""

READY_MADE_ROOTS = frozenset({"sklearn", "scipy", "pandas", "tutor"})
"""Libraries whose ready-made preprocessing a rule forbids (the tutor's own core included)."""


def _rule(function: str, summary: str, step: str, names: Sequence[str]) -> Rule:
    return Rule(
        function=function,
        summary=summary,
        why=(
            f"the exercise is to write {step} yourself. A library function does the whole step for you, so a "
            "pass with it would not show that you know what it learns from which rows."
        ),
        functions=frozenset(names),
        roots=READY_MADE_ROOTS,
    )


def _rules(learner: Learner, *rules: Rule):
    """A failed case for each rule the learner's code breaks."""
    source = Source(learner.source)
    for rule in rules:
        broken = rule_case(source, rule)
        if broken is not None:
            yield broken


def _same(got: np.ndarray, wrong: Any) -> bool:
    wrong = np.asarray(wrong, dtype=float)
    return got.shape == wrong.shape and bool(np.allclose(got, wrong, rtol=1e-7, atol=1e-9, equal_nan=True))


def _distinct(mistakes: Sequence[Mistake], expected: Any) -> list[Mistake]:
    """The mistakes that give another answer than the right one on this input (the others name nothing)."""
    kept = []
    for wrong, words in mistakes:
        if isinstance(expected, tuple):
            if not all(_same(np.asarray(e, float), w) for e, w in zip(expected, wrong)):
                kept.append((wrong, words))
        elif not _same(np.asarray(expected, float), wrong):
            kept.append((wrong, words))
    return kept


def _pair_judge(
    expected: tuple[np.ndarray, np.ndarray],
    mistakes: Sequence[Mistake],
    names: tuple[str, str],
    special: Callable[[list[np.ndarray]], "str | None"] | None = None,
) -> Callable:
    """A pair of arrays, each within tolerance of `expected`; otherwise the mistake that explains both, named."""
    mistakes = _distinct(mistakes, expected)
    close = [judges.array(part, rtol=1e-7, atol=1e-9) for part in expected]

    def judge(got: Any) -> str | None:
        if got is None:
            return "returned None: is a `return` missing?"
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            return f"expected a pair ({names[0]}, {names[1]}), got {type_name(got)}"
        parts = [judges.as_array(part) for part in got]
        for name, part in zip(names, parts):
            if isinstance(part, str):
                return f"{name}: {part}"
        reasons = [check(part) for check, part in zip(close, parts)]
        if all(reason is None for reason in reasons):
            return None
        if special is not None:
            found = special(parts)
            if found:
                return found
        for (first, second), words in mistakes:
            if _same(parts[0], first) and _same(parts[1], second):
                return words
        name, reason = next((name, reason) for name, reason in zip(names, reasons) if reason is not None)
        return f"{name}: {reason}"

    return judge


# ------------------------------------------------------------------ 1. standardise with training statistics

SCALE_RULE = _rule(
    "scale_train_test",
    "μ and σ computed by you, no ready-made scaler",
    "the scaler",
    ("StandardScaler", "scale", "zscore", "fit_standardizer", "standardize"),
)


def _standardized(X: np.ndarray, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
    return (X - mean) / np.where(std == 0, 1.0, std)


def _scale_judge(X_train, X_test) -> tuple[tuple[np.ndarray, np.ndarray], Callable]:
    train, test = np.asarray(X_train, float), np.asarray(X_test, float)
    mean, std = train.mean(axis=0), train.std(axis=0)
    expected = (_standardized(train, mean, std), _standardized(test, mean, std))
    both = np.vstack([train, test])
    mistakes: list[Mistake] = [
        ((expected[0], _standardized(test, test.mean(axis=0), test.std(axis=0))),
         "Z_test was scaled with the test rows' own mean and std: use the training μ and σ for both arrays"),
        ((_standardized(train, both.mean(axis=0), both.std(axis=0)),
          _standardized(test, both.mean(axis=0), both.std(axis=0))),
         "μ and σ came from the training and test rows together, so the test rows leaked into them: compute "
         "them from X_train alone"),
        ((_standardized(train, mean, train.std(axis=0, ddof=1)), _standardized(test, mean, train.std(axis=0, ddof=1))),
         "you divided by the sample standard deviation (ddof=1, dividing by n − 1); the task uses the "
         "population one, ddof=0, which is np.std's default and StandardScaler's"),
        ((train - mean, test - mean), "the columns were only centred: divide by σ as well"),
        ((train / np.where(std == 0, 1.0, std), test / np.where(std == 0, 1.0, std)),
         "the columns were only divided by σ: subtract μ first"),
        ((_standardized(train, train.mean(), train.std()), _standardized(test, train.mean(), train.std())),
         "one μ and one σ for the whole table: use axis=0, for one of each per column"),
        ((expected[1], expected[0]), "the pair came back as (Z_test, Z_train): return Z_train first"),
    ]
    constant = std == 0

    def special(parts: list[np.ndarray]) -> str | None:
        if constant.any() and any(part.shape[-1:] == constant.shape and not np.isfinite(part[..., constant]).all()
                                  for part in parts):
            return ("the column that is constant in X_train came out as nan or inf: its σ is 0, so divide it "
                    "by 1 instead (np.where(std == 0, 1.0, std))")
        return None

    return expected, _pair_judge(expected, mistakes, ("Z_train", "Z_test"), special)


def _scale_case(label: str, X_train, X_test, shown: str | None = None) -> Case:
    expected, judge = _scale_judge(X_train, X_test)
    return Case(label, "scale_train_test", (X_train, X_test), expected=expected, judge=judge, shown=shown)


def check_scale(learner: Learner, rng: np.random.Generator):
    yield from _rules(learner, SCALE_RULE)
    yield _scale_case("the section's example: one column", np.array([[20.0], [30], [45], [55], [70]]),
                      np.array([[95.0], [10], [45]]))
    incomes = np.array([[32000.0, 23], [58000, 45], [41000, 31], [27000, 52], [120000, 36], [45000, 29]])
    yield _scale_case("two columns on very different scales", incomes,
                      np.array([[33000.0, 61], [38000, 24]]))
    yield _scale_case("edge case: a column constant in X_train (σ = 0)",
                      np.array([[1.0, 5.0], [2.0, 5.0], [4.0, 5.0], [5.0, 5.0]]),
                      np.array([[3.0, 5.0], [6.0, 7.0]]))
    yield _scale_case("edge case: a single test row", np.array([[2.0, 10], [4, 30], [9, 20]]),
                      np.array([[5.0, 25.0]]))
    yield _scale_case("lists of lists work too", [[1.0, 2.0], [3.0, 8.0], [5.0, 5.0]], [[2.0, 4.0]])
    for rows, columns in ((8, 1), (20, 3), (40, 4)):
        spread = rng.uniform(0.5, 500, size=columns)
        centre = rng.uniform(-100, 1000, size=columns)
        train = np.round(rng.normal(size=(rows, columns)) * spread + centre, 3)
        test = np.round(rng.normal(size=(rows // 2, columns)) * spread + centre + spread, 3)
        yield _scale_case(f"random: {rows} training rows, {columns} column{'s' * (columns > 1)}", train, test,
                          shown=f"X_train of shape {train.shape}, X_test of shape {test.shape} (shifted by about "
                                "one σ)")


# ------------------------------------------------------------------ 2. one-hot encoding

ONE_HOT_RULE = _rule(
    "one_hot",
    "the table built by you, no ready-made encoder",
    "the encoder",
    ("OneHotEncoder", "get_dummies", "one_hot", "LabelBinarizer", "label_binarize"),
)


def _one_hot_judge(values, categories) -> tuple[np.ndarray, Callable]:
    values, categories = list(values), list(categories)
    expected = one_hot(values, categories)
    k = len(categories)
    known = [value for value in values if value in categories]
    mistakes: list[Mistake] = [
        (one_hot(values, sorted(categories)),
         f"your columns are in sorted order ({', '.join(sorted(categories))}); keep the order of `categories` "
         f"as given ({', '.join(categories)}): the model's weights are tied to that order"),
        (one_hot(values, sorted(set(values))),
         "the columns come from the values themselves (np.unique(values)), not from `categories`: then a test "
         "set would get other columns than the training set"),
        (one_hot(values, list(dict.fromkeys(values))),
         "the columns follow the order in which the values first appear, not `categories`: use the "
         "categories as given"),
        (expected[:, 1:], "one column short: that is the dropped first column (drop='first'); this task keeps "
                          "all k columns"),
        (expected.T, "the table is transposed: one row per value, one column per category"),
    ]
    if len(known) < len(values) and k:
        first = expected.copy()
        first[[value not in categories for value in values], 0] = 1.0
        mistakes.append((first, "an unknown value got a 1 in the first column: a value that is not in "
                                "`categories` gets a row of zeros"))
    mistakes = _distinct(mistakes, expected)
    close = judges.array(expected, rtol=0, atol=1e-12)

    def judge(got: Any) -> str | None:
        reason = close(got)
        if reason is None:
            return None
        value = judges.as_array(got)
        if isinstance(value, str):
            return reason
        if not values and value.size == 0 and value.shape != expected.shape:
            return (f"with no values the table still has one column per category: shape (0, {k}), as "
                    f"np.zeros((0, {k})) gives")
        if value.ndim == 1 and len(values) > 1 and value.shape == (len(values),) and k > 1:
            return ("one number per value: those are ordinal codes; one-hot needs one 0/1 column per category")
        for wrong, words in mistakes:
            if _same(value, wrong):
                return words
        return reason

    return expected, judge


def _one_hot_case(label: str, values, categories, shown: str | None = None) -> Case:
    expected, judge = _one_hot_judge(values, categories)

    def explain(error: BaseException) -> str | None:
        if isinstance(error, (ValueError, KeyError, IndexError)):
            return "a value that is not in `categories` should give a row of zeros, not an error"
        return None

    return Case(label, "one_hot", (values, categories), expected=expected, judge=judge, shown=shown,
                explain=explain)


POOLS = (
    ("Leeds", "York", "Hull", "Bath", "Derby", "Ely"),
    ("red", "blue", "grey", "green", "white", "black"),
    ("petrol", "diesel", "electric", "hybrid", "gas", "hydrogen"),
)


def check_one_hot(learner: Learner, rng: np.random.Generator):
    yield from _rules(learner, ONE_HOT_RULE)
    yield _one_hot_case("the section's test rows: Bath is unknown", ["York", "Bath", "Leeds"],
                        ["Leeds", "York", "Hull"])
    yield _one_hot_case("categories given out of alphabetical order", ["b", "c", "a", "b"], ["c", "a", "b"])
    yield _one_hot_case("categories in the order of the training rows, not of these values",
                        ["Hull", "Leeds", "Hull", "York"], ["York", "Hull", "Leeds"])
    yield _one_hot_case("edge case: no values at all", [], ["x", "y", "z"])
    yield _one_hot_case("edge case: a single category", ["only", "only"], ["only"])
    yield _one_hot_case("edge case: every value unknown", ["Bath", "Derby"], ["Leeds", "York"])
    yield _one_hot_case("NumPy arrays of strings work too", np.array(["grey", "red", "red"]),
                        np.array(["red", "blue", "grey"]))
    for _ in range(3):
        pool = POOLS[int(rng.integers(len(POOLS)))]
        shuffled = [pool[int(i)] for i in rng.permutation(len(pool))]
        k = int(rng.integers(3, 6))
        categories = shuffled[:k]
        values = [shuffled[int(i)] for i in rng.integers(0, min(k + 1, len(pool)), size=int(rng.integers(5, 13)))]
        yield _one_hot_case(f"random: {len(values)} values, {k} categories", values, categories)


# ------------------------------------------------------------------ 3. mean imputation with an indicator

IMPUTE_RULE = _rule(
    "impute",
    "the fill values computed by you, no ready-made imputer",
    "the imputer",
    ("SimpleImputer", "KNNImputer", "IterativeImputer", "MissingIndicator", "fit_imputer", "impute", "fillna"),
)


def _impute_judge(X_train, X) -> tuple[np.ndarray, Callable]:
    train, X = np.asarray(X_train, float), np.asarray(X, float)
    fill = fit_imputer(train)
    expected = impute(X, fill)
    missing = np.isnan(X)
    k = X.shape[1]

    def with_fill(values: np.ndarray, marks: np.ndarray | None = None) -> np.ndarray:
        return np.hstack([np.where(missing, values, X), missing.astype(float) if marks is None else marks])

    mistakes: list[Mistake] = [
        (with_fill(np.nanmean(X, axis=0)) if (~missing).any(axis=0).all() else expected,
         "the fill values are the means of X itself: learn them from X_train, and use them for any X"),
        (with_fill(np.zeros(k)), "the blanks were filled with 0: fill them with the training column's mean"),
        (with_fill(np.nansum(train, axis=0) / len(train)),
         "the fill value divides by every training row, blanks included: the mean of the known values "
         "divides by their count (np.nanmean does)"),
        (with_fill(np.nanmedian(train, axis=0)), "the blanks were filled with the median: the task asks for "
                                                 "the mean"),
        (with_fill(fill, (~missing).astype(float)), "the indicators are 1 where a value was known: 1 should "
                                                    "mark a blank"),
        (with_fill(fill, np.zeros_like(X)), "the indicator columns are all 0: mark the blanks with np.isnan(X) "
                                            "before you fill them"),
        (np.hstack([missing.astype(float), np.where(missing, fill, X)]),
         "the indicators come first: the k filled columns go first, then the k indicators"),
    ]
    mistakes = _distinct(mistakes, expected)
    close = judges.array(expected, rtol=1e-9, atol=1e-9)

    def judge(got: Any) -> str | None:
        reason = close(got)
        if reason is None:
            return None
        value = judges.as_array(got)
        if isinstance(value, str):
            return reason
        if value.shape == X.shape:
            return (f"shape {X.shape}: the {k} indicator columns are missing; put one 0/1 column per column after "
                    f"the filled ones, for shape {expected.shape}")
        if value.shape == expected.shape and np.isnan(value).any():
            return ("there is still nan in the result: np.mean of a column with blanks is nan; np.nanmean skips "
                    "the blanks")
        for wrong, words in mistakes:
            if _same(value, wrong):
                return words
        return reason

    return expected, judge


def _impute_case(label: str, X_train, X, shown: str | None = None) -> Case:
    expected, judge = _impute_judge(X_train, X)
    return Case(label, "impute", (X_train, X), expected=expected, judge=judge, shown=shown)


def _holes(rng: np.random.Generator, rows: int, columns: int, share: float) -> np.ndarray:
    """A table of rounded numbers with about `share` of its entries blank, every column keeping a value."""
    table = np.round(rng.normal(size=(rows, columns)) * rng.uniform(1, 50, size=columns)
                     + rng.uniform(0, 100, size=columns), 2)
    blank = rng.uniform(size=table.shape) < share
    blank[int(rng.integers(rows))] = False
    return np.where(blank, np.nan, table)


def check_impute(learner: Learner, rng: np.random.Generator):
    yield from _rules(learner, IMPUTE_RULE)
    nan = np.nan
    train = np.array([[30.0, 1.2], [nan, 0.8], [50.0, nan], [40.0, 1.0]])
    yield _impute_case("the section's example: test rows", train, np.array([[nan, 0.9], [45.0, nan]]))
    yield _impute_case("X is X_train itself", train, train)
    yield _impute_case("edge case: X has no blanks, so the indicators are all 0", train,
                       np.array([[35.0, 1.1], [20.0, 0.7]]))
    yield _impute_case("edge case: a column of X entirely blank", train, np.array([[nan, 0.9], [nan, 1.5]]))
    yield _impute_case("edge case: one known training value in a column",
                       np.array([[nan, 2.0], [7.0, nan], [nan, 4.0]]), np.array([[nan, nan], [1.0, 3.0]]))
    for rows, columns in ((10, 2), (25, 3), (40, 4)):
        table = _holes(rng, rows, columns, 0.2)
        test = _holes(rng, rows // 2, columns, 0.3)
        yield _impute_case(f"random: X_train {table.shape}, test rows {test.shape}", table, test,
                           shown=f"X_train of shape {table.shape} with {int(np.isnan(table).sum())} blanks; "
                                 f"X of shape {test.shape} with {int(np.isnan(test).sum())} blanks")


# ------------------------------------------------------------------ 4. a stratified split

SPLIT_RULE = _rule(
    "stratified_split",
    "the split made by you, no ready-made splitter",
    "the split",
    ("train_test_split", "StratifiedShuffleSplit", "StratifiedKFold", "stratified_split", "train_val_test_split"),
)


def _indices(got: Any, n: int) -> "tuple[np.ndarray, np.ndarray] | str":
    """The two index arrays of a returned pair, or the reason they are not."""
    if got is None:
        return "returned None: is a `return` missing?"
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return f"expected a pair (train, test) of index arrays, got {type_name(got)}"
    parts = []
    for name, part in zip(("train", "test"), got):
        array = np.asarray(part)
        if array.dtype == bool:
            return (f"{name} is a True/False mask; the task asks for row indices (np.flatnonzero(mask) turns a "
                    "mask into them)")
        if array.ndim != 1 or (array.size and array.dtype.kind not in "iu" and not np.all(array == np.round(array))):
            return f"{name} should be a 1-D array of whole row numbers, got {type_name(part)}"
        array = array.astype(int)
        if array.size and (array.min() < 0 or array.max() >= n):
            return f"{name} holds {int(array.max() if array.max() >= n else array.min())}, which is not a row of y"
        parts.append(array)
    return parts[0], parts[1]


def _split_judge(y, fraction: float, memory: dict, key: str, compare: str | None = None) -> Callable:
    """Properties of a stratified split of y; with `compare`, also against the split of an earlier case."""
    y = np.asarray(y)
    n = len(y)
    classes = np.unique(y)

    def judge(got: Any) -> str | None:
        found = _indices(got, n)
        if isinstance(found, str):
            return found
        train, test = found
        both = np.concatenate([train, test])
        if len(np.unique(both)) < len(both):
            twice = np.intersect1d(train, test)
            if twice.size:
                return f"row {int(twice[0])} is in both train and test: each row goes to exactly one side"
            return "a row index appears twice on one side: each row goes to exactly one side"
        if len(both) < n:
            lost = np.setdiff1d(np.arange(n), both)
            return f"{len(lost)} row{'s are' if len(lost) > 1 else ' is'} in neither part (row {int(lost[0])}, …)"
        wrong = []
        for label in classes:
            rows = np.flatnonzero(y == label)
            in_test = int(np.sum(y[test] == label))
            if abs(in_test - fraction * len(rows)) > 0.5 + 1e-9:
                wrong.append((label, rows, in_test))
        if wrong:
            swapped = all(abs(int(np.sum(y[train] == label)) - fraction * np.sum(y == label)) <= 0.5 + 1e-9
                          for label in classes)
            if swapped:
                return "the pair seems to be (test, train): return the training indices first"
            label, rows, in_test = wrong[0]
            target = round(fraction * len(rows))
            return (f"class {label!r} has {in_test} of its {len(rows)} rows in the test set; a stratified split "
                    f"puts round({fraction:g} × {len(rows)}) = {target} there. A split of all rows at once does "
                    "not keep the shares: cut each class separately")
        memory[key] = np.sort(test)
        firsts = all(
            np.array_equal(np.sort(test[y[test] == label]), np.flatnonzero(y == label)[: int(np.sum(y[test] == label))])
            for label in classes
        )
        if firsts and len(test) > len(classes):
            return ("the test set holds the first rows of each class: shuffle each class's rows "
                    "(rng.permutation) before you cut them")
        if compare is not None and compare in memory:
            same = np.array_equal(memory[compare], np.sort(test))
            if key.startswith("again") and not same:
                return ("the same seed gave another split: make every random choice with one generator, "
                        "np.random.default_rng(seed)")
            if key.startswith("other") and same:
                return ("seeds 0 and 1 gave the same test set: the seed is not used; shuffle with "
                        "np.random.default_rng(seed)")
        return None

    return judge


def _split_case(label: str, y, fraction: float, seed: int, memory: dict, key: str,
                compare: str | None = None, shown: str | None = None) -> Case:
    expected = stratified_split(y, fraction, seed)
    counts = ", ".join(f"{label!r}: {int(np.sum(np.asarray(y) == label))}" for label in np.unique(y))
    return Case(label, "stratified_split", (y, fraction, seed), expected=expected,
                judge=_split_judge(y, fraction, memory, key, compare),
                shown=shown or f"y with classes {{{counts}}}, test_fraction={fraction:g}, seed={seed}")


def check_stratified(learner: Learner, rng: np.random.Generator):
    yield from _rules(learner, SPLIT_RULE)
    memory: dict[str, np.ndarray] = {}
    sorted_labels = np.array([0] * 40 + [1] * 10)
    yield _split_case("40 zeros then 10 ones, a fifth to test", sorted_labels, 0.2, 0, memory, "first")
    yield _split_case("the same call again gives the same split", sorted_labels, 0.2, 0, memory, "again", "first")
    yield _split_case("another seed gives another split", sorted_labels, 0.2, 1, memory, "other", "first")
    three = rng.permutation(np.repeat([0, 1, 2], [32, 12, 8]))
    yield _split_case("three classes in random order", three, 0.25, 7, memory, "three")
    words = rng.permutation(np.array(["ham"] * 45 + ["spam"] * 15))
    yield _split_case("labels that are words", words, 0.2, 3, memory, "words")
    yield _split_case("edge case: a class with a single row", rng.permutation(np.array([0] * 20 + [1])), 0.2, 5,
                      memory, "single")
    yield _split_case("a Python list works too", [1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0], 0.25, 2, memory, "list")
    for _ in range(2):
        counts = rng.integers(5, 60, size=int(rng.integers(2, 4)))
        counts[-1] = int(rng.integers(3, 12))  # one rare class
        labels = rng.permutation(np.repeat(np.arange(len(counts)), counts))
        fraction = float(rng.choice([0.2, 0.25, 0.3]))
        seed = int(rng.integers(0, 1000))
        yield _split_case(f"random: {len(counts)} classes, {len(labels)} rows", labels, fraction, seed, memory,
                          f"random{seed}")


# ------------------------------------------------------------------ 5. find the leak

LEAK_RULE = _rule(
    "prepare",
    "each step written by you, no ready-made imputer or scaler",
    "the pipeline's steps",
    ("SimpleImputer", "StandardScaler", "make_pipeline", "Pipeline", "fit_imputer", "impute", "fit_standardizer",
     "standardize", "train_test_split"),
)


def _split_rows(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    n_test = n // 4
    return order[n_test:], order[:n_test]


def _fill_then_scale(rows: np.ndarray, fill: np.ndarray, mu: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    return (np.where(np.isnan(rows), fill, rows) - mu) / sigma


def _leak_judge(X, seed: int) -> tuple[tuple[np.ndarray, np.ndarray], Callable]:
    X = np.asarray(X, float)
    train_rows, test_rows = _split_rows(len(X), seed)
    train, test = X[train_rows], X[test_rows]

    def pipeline(fill_from: np.ndarray, scale_from: Callable[[np.ndarray], np.ndarray], ddof: int = 0):
        fill = np.nanmean(fill_from, axis=0)
        basis = scale_from(fill)
        mu, sigma = basis.mean(axis=0), basis.std(axis=0, ddof=ddof)
        return _fill_then_scale(train, fill, mu, sigma), _fill_then_scale(test, fill, mu, sigma)

    def filled(rows: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        return lambda fill: np.where(np.isnan(rows), fill, rows)

    expected = pipeline(train, filled(train))
    everything = np.where(np.isnan(X), np.nanmean(X, axis=0), X)
    leaky = (everything - everything.mean(axis=0)) / everything.std(axis=0)
    own_fill = np.nanmean(test, axis=0)
    own_test = np.where(np.isnan(test), own_fill, test)
    mistakes: list[Mistake] = [
        ((leaky[train_rows], leaky[test_rows]),
         "this is the starter's answer: the fill values and the scaling statistics both came from every row, "
         "test rows included. Split first, then learn both from the training rows"),
        (pipeline(train, filled(X)),
         "μ and σ still come from all rows, test rows included: compute them from the filled training rows"),
        (pipeline(X, filled(train)),
         "the fill values are still means of all rows, test rows included: learn them from the training rows"),
        ((expected[0], (own_test - own_test.mean(axis=0)) / own_test.std(axis=0)),
         "the test rows were filled and scaled with their own statistics: apply the training rows' numbers "
         "to them"),
        ((expected[0], _fill_then_scale(test, np.nanmean(train, axis=0), *_scale_stats(own_test))),
         "the test rows were scaled with their own μ and σ: apply the training rows' μ and σ to them"),
        ((_fill_then_scale(train, np.nanmean(train, axis=0), np.nanmean(train, axis=0), np.nanstd(train, axis=0)),
          _fill_then_scale(test, np.nanmean(train, axis=0), np.nanmean(train, axis=0), np.nanstd(train, axis=0))),
         "σ was computed before the blanks were filled (on the raw training rows, with nanstd): fill first, "
         "then standardise the filled values"),
        (pipeline(train, filled(train), ddof=1),
         "σ was computed with ddof=1: the task uses the population standard deviation, ddof=0"),
        ((expected[1], expected[0]), "the pair came back as (test rows, train rows): return the training rows "
                                      "first"),
    ]

    def special(parts: list[np.ndarray]) -> str | None:
        if parts[0].shape != expected[0].shape or parts[1].shape != expected[1].shape:
            return (f"expected {expected[0].shape[0]} training and {expected[1].shape[0]} test rows, got "
                    f"{parts[0].shape[0] if parts[0].ndim else '?'} and {parts[1].shape[0] if parts[1].ndim else '?'}:"
                    " keep the split as it is (the same shuffle, n // 4 test rows)")
        if any(np.isnan(part).any() for part in parts):
            return "there is still nan in the result: fill the blanks (np.nanmean skips them) before scaling"
        return None

    return expected, _pair_judge(expected, mistakes, ("train rows", "test rows"), special)


def _scale_stats(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """μ and σ of the columns of `rows` (σ with ddof=0)."""
    return rows.mean(axis=0), rows.std(axis=0)


def _leak_case(label: str, X, seed: int, shown: str | None = None) -> Case:
    expected, judge = _leak_judge(X, seed)
    blanks = int(np.isnan(np.asarray(X, float)).sum())
    return Case(label, "prepare", (X, seed), expected=expected, judge=judge,
                shown=shown or f"X of shape {np.shape(X)} with {blanks} blanks, seed={seed}")


def _table_with_blanks(rng: np.random.Generator, rows: int, columns: int, share: float, seed: int) -> np.ndarray:
    """A table whose columns have different scales, with blanks, and known values in every column's training rows."""
    table = np.round(rng.normal(size=(rows, columns)) * rng.uniform(1, 2000, size=columns)
                     + rng.uniform(-50, 5000, size=columns), 2)
    blank = rng.uniform(size=table.shape) < share
    train_rows, _ = _split_rows(rows, seed)
    blank[train_rows[:2]] = False  # two known training values in every column
    return np.where(blank, np.nan, table)


def check_leak(learner: Learner, rng: np.random.Generator):
    yield from _rules(learner, LEAK_RULE)
    nan = np.nan
    small = np.array([
        [52.0, 1.5], [61.0, nan], [nan, 2.5], [48.0, 1.0], [75.0, 3.5], [66.0, 2.0],
        [nan, 4.0], [58.0, 2.5], [90.0, nan], [71.0, 3.0], [55.0, 1.5], [83.0, 5.0],
    ])
    yield _leak_case("a small table: 12 rows, 3 of them to test", small, 0,
                     shown="X of shape (12, 2) with 4 blanks, seed=0")
    for rows, columns, share in ((20, 2, 0.15), (40, 3, 0.2), (64, 4, 0.1)):
        seed = int(rng.integers(0, 1000))
        table = _table_with_blanks(rng, rows, columns, share, seed)
        yield _leak_case(f"random: {rows} rows, {columns} columns on different scales", table, seed)
    drift = np.round(np.column_stack([np.linspace(10, 60, 32), np.linspace(0, 1, 32) ** 2]), 4)
    drift[[3, 10, 20]] = nan
    yield _leak_case("a table whose values grow row by row", drift, 4,
                     shown="X of shape (32, 2), values growing down the rows, 6 blanks, seed=4")
