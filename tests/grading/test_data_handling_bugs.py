"""Wrong solutions of the kinds learners write, for the Data Handling exercises: each fails, and the report names the bug.

Every entry is a buggy solution and a phrase its report must contain: the
ready-made steps a task rules out (read from the code), and the common bugs of
each exercise (the test rows' own statistics, ddof=1, a forgotten indicator,
categories in the wrong order, a split that is not stratified, a leak left in).
The reference solutions pass and the starters fail. The code runs in a real
checking child, shared by this module (see conftest).
"""

from __future__ import annotations

import pytest

from lessons.data_handling.exercises import ALL

pytestmark = pytest.mark.asyncio(loop_scope="module")

EXERCISES = {exercise.id: exercise for exercise in ALL}

SCALE_HEAD = "import numpy as np\n\ndef scale_train_test(X_train, X_test):\n    X_train, X_test = np.asarray(X_train, float), np.asarray(X_test, float)\n"
SCALE_OK_STD = "    std = np.where(std == 0, 1.0, std)\n"
ONE_HOT_HEAD = "import numpy as np\n\ndef one_hot(values, categories):\n"
IMPUTE_HEAD = "import numpy as np\n\ndef impute(X_train, X):\n    X_train, X = np.asarray(X_train, float), np.asarray(X, float)\n    missing = np.isnan(X)\n"
SPLIT_HEAD = "import numpy as np\n\ndef stratified_split(y, test_fraction, seed):\n    y = np.asarray(y)\n"
PREPARE_HEAD = (
    "import numpy as np\n\ndef prepare(X, seed):\n    X = np.asarray(X, dtype=float)\n"
    "    order = np.random.default_rng(seed).permutation(len(X))\n    n_test = len(X) // 4\n"
    "    test, train = order[:n_test], order[n_test:]\n    X_train, X_test = X[train], X[test]\n"
)

WRONG = {
    # -- the rules: a ready-made step, read from the code ----------------------------------------
    "scale: scipy's zscore": ("scale_train_test", SCALE_HEAD + "    from scipy.stats import zscore\n    return zscore(X_train), X_test\n",
                              "zscore (scipy.stats.zscore) on line 6"),
    "scale: the tutor's own core": ("scale_train_test", "from tutor.core.preprocessing import fit_standardizer, standardize\n\n"
                                    "def scale_train_test(X_train, X_test):\n    m, s = fit_standardizer(X_train)\n"
                                    "    return standardize(X_train, m, s), standardize(X_test, m, s)\n",
                                    "the exercise is to write the scaler yourself"),
    "one-hot: the tutor's own core": ("one_hot", "import tutor.core.preprocessing as pp\n\ndef one_hot(values, categories):\n"
                                      "    return pp.one_hot(values, categories)\n", "pp.one_hot on line 4: the exercise is to write the encoder yourself"),
    "split: the tutor's own core": ("stratified_split", "from tutor.core import preprocessing\n\ndef stratified_split(y, test_fraction, seed):\n"
                                    "    return preprocessing.stratified_split(y, test_fraction, seed)\n", "the exercise is to write the split yourself"),
    # -- 1. standardise ----------------------------------------------------------------------------
    "scale: the test rows' own statistics": (
        "scale_train_test",
        SCALE_HEAD + "    def z(X):\n        s = X.std(axis=0)\n        return (X - X.mean(axis=0)) / np.where(s == 0, 1.0, s)\n"
        "    return z(X_train), z(X_test)\n",
        "Z_test was scaled with the test rows' own mean and std"),
    "scale: statistics of both splits together": (
        "scale_train_test",
        SCALE_HEAD + "    both = np.vstack([X_train, X_test])\n    mean, std = both.mean(axis=0), both.std(axis=0)\n" + SCALE_OK_STD
        + "    return (X_train - mean) / std, (X_test - mean) / std\n",
        "the test rows leaked into them"),
    "scale: ddof=1": (
        "scale_train_test",
        SCALE_HEAD + "    mean, std = X_train.mean(axis=0), X_train.std(axis=0, ddof=1)\n" + SCALE_OK_STD
        + "    return (X_train - mean) / std, (X_test - mean) / std\n",
        "ddof=1"),
    "scale: not divided by σ": (
        "scale_train_test", SCALE_HEAD + "    mean = X_train.mean(axis=0)\n    return X_train - mean, X_test - mean\n",
        "only centred"),
    "scale: one mean for the whole table": (
        "scale_train_test", SCALE_HEAD + "    mean, std = X_train.mean(), X_train.std()\n    return (X_train - mean) / std, (X_test - mean) / std\n",
        "use axis=0"),
    "scale: σ = 0 left as it is": (
        "scale_train_test", SCALE_HEAD + "    mean, std = X_train.mean(axis=0), X_train.std(axis=0)\n    return (X_train - mean) / std, (X_test - mean) / std\n",
        "its σ is 0, so divide it by 1 instead"),
    # -- 2. one-hot ----------------------------------------------------------------------------
    "one-hot: sorted columns": (
        "one_hot", ONE_HOT_HEAD + "    cats = sorted(categories)\n    out = np.zeros((len(values), len(cats)))\n"
        "    for i, v in enumerate(values):\n        if v in cats:\n            out[i, cats.index(v)] = 1\n    return out\n",
        "your columns are in sorted order"),
    "one-hot: np.unique of the values": (
        "one_hot", ONE_HOT_HEAD + "    cats = np.unique(values)\n    return (np.asarray(values)[:, None] == cats) * 1.0\n",
        "the columns come from the values themselves"),
    "one-hot: an unknown value raises": (
        "one_hot", ONE_HOT_HEAD + "    cats = list(categories)\n    out = np.zeros((len(values), len(cats)))\n"
        "    for i, v in enumerate(values):\n        out[i, cats.index(v)] = 1\n    return out\n",
        "should give a row of zeros, not an error"),
    "one-hot: the first column dropped": (
        "one_hot", ONE_HOT_HEAD + "    cats = list(categories)\n    out = np.zeros((len(values), len(cats)))\n"
        "    for i, v in enumerate(values):\n        if v in cats:\n            out[i, cats.index(v)] = 1\n    return out[:, 1:]\n",
        "drop='first'"),
    "one-hot: ordinal codes": (
        "one_hot", ONE_HOT_HEAD + "    cats = list(categories)\n    return np.array([cats.index(v) if v in cats else -1 for v in values])\n",
        "ordinal codes"),
    "one-hot: unknown in the first column": (
        "one_hot", ONE_HOT_HEAD + "    where = {c: j for j, c in enumerate(categories)}\n    out = np.zeros((len(values), len(categories)))\n"
        "    for i, v in enumerate(values):\n        out[i, where.get(v, 0)] = 1\n    return out\n",
        "an unknown value got a 1 in the first column"),
    "one-hot: transposed": (
        "one_hot", ONE_HOT_HEAD + "    return np.array([[1.0 if v == c else 0.0 for v in values] for c in categories])\n",
        "transposed"),
    # -- 3. impute ----------------------------------------------------------------------------
    "impute: the means of X itself": (
        "impute_indicator", IMPUTE_HEAD + "    fill = np.nanmean(X, axis=0)\n    return np.hstack([np.where(missing, fill, X), missing * 1.0])\n",
        "learn them from X_train"),
    "impute: np.mean leaves nan": (
        "impute_indicator", IMPUTE_HEAD + "    fill = np.mean(X_train, axis=0)\n    return np.hstack([np.where(missing, fill, X), missing * 1.0])\n",
        "np.nanmean skips the blanks"),
    "impute: no indicator columns": (
        "impute_indicator", IMPUTE_HEAD + "    fill = np.nanmean(X_train, axis=0)\n    return np.where(missing, fill, X)\n",
        "indicator columns are missing"),
    "impute: the indicators inverted": (
        "impute_indicator", IMPUTE_HEAD + "    fill = np.nanmean(X_train, axis=0)\n    return np.hstack([np.where(missing, fill, X), ~missing * 1.0])\n",
        "1 should mark a blank"),
    "impute: the indicators after filling": (
        "impute_indicator", "import numpy as np\n\ndef impute(X_train, X):\n    X = np.where(np.isnan(X), np.nanmean(X_train, axis=0), X)\n"
        "    return np.hstack([X, np.isnan(X) * 1.0])\n",
        "before you fill them"),
    "impute: blanks counted as 0 in the mean": (
        "impute_indicator", IMPUTE_HEAD + "    fill = np.nansum(X_train, axis=0) / len(X_train)\n    return np.hstack([np.where(missing, fill, X), missing * 1.0])\n",
        "divides by every training row"),
    "impute: the median": (
        "impute_indicator", IMPUTE_HEAD + "    fill = np.nanmedian(X_train, axis=0)\n    return np.hstack([np.where(missing, fill, X), missing * 1.0])\n",
        "the task asks for the mean"),
    "impute: the indicators first": (
        "impute_indicator", IMPUTE_HEAD + "    fill = np.nanmean(X_train, axis=0)\n    return np.hstack([missing * 1.0, np.where(missing, fill, X)])\n",
        "the indicators come first"),
    # -- 4. stratified split ----------------------------------------------------------------------
    "split: all rows at once": (
        "stratified_split", SPLIT_HEAD + "    order = np.random.default_rng(seed).permutation(len(y))\n"
        "    n_test = round(test_fraction * len(y))\n    return order[n_test:], order[:n_test]\n",
        "cut each class separately"),
    "split: not shuffled": (
        "stratified_split", SPLIT_HEAD + "    train, test = [], []\n    for c in np.unique(y):\n        rows = np.flatnonzero(y == c)\n"
        "        k = round(test_fraction * len(rows))\n        test.extend(rows[:k])\n        train.extend(rows[k:])\n"
        "    return np.array(train), np.array(test)\n",
        "the test set holds the first rows of each class"),
    "split: the seed ignored": (
        "stratified_split", SPLIT_HEAD + "    rng = np.random.default_rng()\n    train, test = [], []\n    for c in np.unique(y):\n"
        "        rows = rng.permutation(np.flatnonzero(y == c))\n        k = round(test_fraction * len(rows))\n"
        "        test.extend(rows[:k])\n        train.extend(rows[k:])\n    return np.array(train), np.array(test)\n",
        "the same seed gave another split"),
    "split: a fixed seed": (
        "stratified_split", SPLIT_HEAD + "    rng = np.random.default_rng(0)\n    train, test = [], []\n    for c in np.unique(y):\n"
        "        rows = rng.permutation(np.flatnonzero(y == c))\n        k = round(test_fraction * len(rows))\n"
        "        test.extend(rows[:k])\n        train.extend(rows[k:])\n    return np.array(train), np.array(test)\n",
        "the seed is not used"),
    "split: masks": (
        "stratified_split", SPLIT_HEAD + "    rng = np.random.default_rng(seed)\n    mask = np.zeros(len(y), bool)\n    for c in np.unique(y):\n"
        "        rows = rng.permutation(np.flatnonzero(y == c))\n        mask[rows[:round(test_fraction * len(rows))]] = True\n"
        "    return ~mask, mask\n",
        "a True/False mask"),
    "split: the pair swapped": (
        "stratified_split", SPLIT_HEAD + "    rng = np.random.default_rng(seed)\n    train, test = [], []\n    for c in np.unique(y):\n"
        "        rows = rng.permutation(np.flatnonzero(y == c))\n        k = round(test_fraction * len(rows))\n"
        "        test.extend(rows[:k])\n        train.extend(rows[k:])\n    return np.array(test), np.array(train)\n",
        "(test, train)"),
    "split: a row on both sides": (
        "stratified_split", SPLIT_HEAD + "    rng = np.random.default_rng(seed)\n    train, test = [], []\n    for c in np.unique(y):\n"
        "        rows = rng.permutation(np.flatnonzero(y == c))\n        k = round(test_fraction * len(rows))\n"
        "        test.extend(rows[:k])\n        train.extend(rows[k - 1:])\n    return np.array(train), np.array(test)\n",
        "is in both train and test"),
    # -- 5. the leak ----------------------------------------------------------------------------
    "leak: only the imputation fixed": (
        "fix_the_leak", PREPARE_HEAD + "    fill = np.nanmean(X_train, axis=0)\n    X = np.where(np.isnan(X), fill, X)\n"
        "    Z = (X - X.mean(axis=0)) / X.std(axis=0)\n    return Z[train], Z[test]\n",
        "μ and σ still come from all rows"),
    "leak: only the scaling fixed": (
        "fix_the_leak", PREPARE_HEAD + "    X = np.where(np.isnan(X), np.nanmean(X, axis=0), X)\n    X_train, X_test = X[train], X[test]\n"
        "    mu, sigma = X_train.mean(axis=0), X_train.std(axis=0)\n    return (X_train - mu) / sigma, (X_test - mu) / sigma\n",
        "the fill values are still means of all rows"),
    "leak: the test rows on their own": (
        "fix_the_leak", PREPARE_HEAD + "    def fit_apply(A):\n        A = np.where(np.isnan(A), np.nanmean(A, axis=0), A)\n"
        "        return (A - A.mean(axis=0)) / A.std(axis=0)\n    return fit_apply(X_train), fit_apply(X_test)\n",
        "with their own statistics"),
    "leak: σ before filling": (
        "fix_the_leak", PREPARE_HEAD + "    fill = np.nanmean(X_train, axis=0)\n    mu, sigma = fill, np.nanstd(X_train, axis=0)\n"
        "    X_train = np.where(np.isnan(X_train), fill, X_train)\n    X_test = np.where(np.isnan(X_test), fill, X_test)\n"
        "    return (X_train - mu) / sigma, (X_test - mu) / sigma\n",
        "σ was computed before the blanks were filled"),
    "leak: the split changed": (
        "fix_the_leak", "import numpy as np\n\ndef prepare(X, seed):\n    X = np.asarray(X, dtype=float)\n"
        "    order = np.random.default_rng(seed).permutation(len(X))\n    n_test = len(X) // 5\n"
        "    test, train = order[:n_test], order[n_test:]\n    X_train, X_test = X[train], X[test]\n"
        "    fill = np.nanmean(X_train, axis=0)\n    X_train = np.where(np.isnan(X_train), fill, X_train)\n"
        "    X_test = np.where(np.isnan(X_test), fill, X_test)\n    mu, sigma = X_train.mean(axis=0), X_train.std(axis=0)\n"
        "    return (X_train - mu) / sigma, (X_test - mu) / sigma\n",
        "keep the split as it is"),
}


def reasons(report) -> str:
    return "\n".join(case.reason for case in report.failed)


@pytest.mark.parametrize("name", list(WRONG))
async def test_the_wrong_solution_fails_and_the_report_names_the_bug(checker, name):
    exercise_id, code, phrase = WRONG[name]
    report = await checker.check(EXERCISES[exercise_id], code)
    assert report.problem is None, report.problem
    assert not report.passed
    assert phrase in reasons(report), reasons(report)


async def test_the_reference_solutions_pass_and_keep_every_rule(checker):
    for exercise in ALL:
        report = await checker.check(exercise, exercise.solution)
        assert report.problem is None and report.passed, (exercise.id, reasons(report))
        assert not any(case.label.startswith("the rule:") for case in report.cases), exercise.id


async def test_the_starters_fail(checker):
    for exercise in ALL:
        report = await checker.check(exercise, exercise.starter)
        assert report.problem is None and not report.passed, exercise.id
        if exercise.id == "fix_the_leak":  # the starter runs: its report names the leak
            assert "this is the starter's answer" in reasons(report)
        else:
            assert "the function is not written yet" in reasons(report)


async def test_a_rule_broken_by_an_otherwise_right_solution_is_its_only_failure(checker):
    code = EXERCISES["one_hot"].solution.replace(
        "def one_hot(values, categories):",
        "import tutor.core.preprocessing as pp\n\n\ndef one_hot(values, categories):\n"
        "    assert pp.one_hot(values, categories).shape == (len(values), len(categories))",
    )
    report = await checker.check(EXERCISES["one_hot"], code)
    (failed,) = report.failed
    assert failed.label == "the rule: the table built by you, no ready-made encoder"
