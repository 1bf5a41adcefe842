"""The question generators behind the lesson's drills: new numbers on every call.

Each drill is two pure parts and their composition:

- ``<name>_numbers(rng)`` draws the numbers (and, for a multiple choice, the
  order of the options) from a seeded ``numpy.random.Generator``;
- ``<name>_question(numbers)`` builds the question from them, its answer and an
  explanation worked out with the same numbers;
- ``<name>(rng)`` is ``<name>_question(<name>_numbers(rng))``, what `drills.py`
  names.

So a test can draw the numbers, compute the answer its own way with NumPy, and
compare. The numbers are chosen to be worked by hand (whole numbers, halves and
quarters), and none is degenerate (no zero spread, no empty class). Options
of a multiple choice are shuffled by the tutor, so no explanation names one
by its position.

This module imports numpy at the top: the lesson names these functions as
text ("lessons.data_handling.drill_makers:standardize_value"), so it is
imported only when a drill is first asked.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from tutor.lesson import Choice, Numeric, Shape

Numbers = dict[str, Any]


def show(value: float) -> str:
    """A number as the learner reads it: 12, 2.5, −0.25 (a real minus sign)."""
    value = float(value)
    if value == int(value):
        text = str(int(value))
    else:
        text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text.replace("-", "−")


def listing(values) -> str:
    """Numbers as a comma-separated list."""
    return ", ".join(show(value) for value in values)


def vector(values) -> str:
    """Numbers as a row vector (a, b, c), rounded to two decimals."""
    return "(" + ", ".join(show(round(float(value), 2) + 0.0) for value in values) + ")"


def _capital(text: str) -> str:
    """`text` with its first letter made a capital (and nothing else changed)."""
    return text[:1].upper() + text[1:]


def _ordered(options: list[str], right: int, order: list[int]) -> tuple[tuple[str, ...], int]:
    """`options` rearranged by `order` (a permutation), and where the right one went."""
    arranged = tuple(options[index] for index in order)
    return arranged, list(order).index(right)


# ---------------------------------------------------------------- scaling

DEVIATIONS = (
    ((-1, -1, 1, 1), 1),
    ((-3, -1, -1, 5), 3),
    ((-7, -1, 1, 7), 5),
    ((-2, -2, -2, -2, 8), 4),
)
"""Deviations from the mean that add up to 0 and whose population std is a whole number."""
Z_VALUES = (-2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0, 2.5)


def standardize_value_numbers(rng: np.random.Generator) -> Numbers:
    deviations, std = DEVIATIONS[int(rng.integers(len(DEVIATIONS)))]
    scale = int(rng.integers(1, 3))
    mean = int(rng.integers(10, 91))
    train = [mean + scale * d for d in rng.permutation(deviations)]
    z = float(rng.choice(Z_VALUES))
    return {"train": [int(v) for v in train], "new": mean + scale * std * z}


def standardize_value_question(numbers: Numbers) -> Numeric:
    train, new = numbers["train"], numbers["new"]
    n = len(train)
    mean = sum(train) // n  # the deviations add up to 0: a whole number
    squares = [(v - mean) ** 2 for v in train]
    variance = sum(squares) // n  # a perfect square, by the choice of deviations
    std = int(round(variance**0.5))
    z = (new - mean) / std
    return Numeric(
        id="dh_standardize_value",
        prompt=(
            f"A feature's training values are {listing(train)}. Standardise the test value {show(new)} "
            "with the training mean and the population standard deviation (ddof=0)."
        ),
        answer=float(z),
        tolerance=0.005,
        explanation=(
            f"μ = {sum(train)}/{n} = {show(mean)}. The squared deviations are {listing(squares)}; they add up "
            f"to {show(sum(squares))}, so σ² = {show(sum(squares))}/{n} = {show(variance)} and σ = {show(std)}. "
            f"z = ({show(new)} − {show(mean)})/{show(std)} = {show(z)}. The test value is scaled with the "
            "training numbers, never with its own."
        ),
    )


def standardize_value(rng: np.random.Generator) -> Numeric:
    return standardize_value_question(standardize_value_numbers(rng))


def test_mean_z_numbers(rng: np.random.Generator) -> Numbers:
    std = int(rng.choice([2, 4, 5, 8, 10, 20]))
    mean = int(rng.integers(4, 21)) * 5
    shift = float(rng.choice([-0.8, -0.6, -0.5, -0.4, -0.2, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8]))
    test_std = std + int(rng.integers(1, 4))
    return {"mean": mean, "std": std, "test_mean": mean + std * shift, "test_std": test_std}


def test_mean_z_question(numbers: Numbers) -> Numeric:
    mean, std, test_mean, test_std = numbers["mean"], numbers["std"], numbers["test_mean"], numbers["test_std"]
    answer = (test_mean - mean) / std
    return Numeric(
        id="dh_test_mean_z",
        prompt=(
            f"A scaler was fitted on the training rows: μ = {show(mean)}, σ = {show(std)}. The test column has "
            f"mean {show(test_mean)} and standard deviation {show(test_std)}. After scaling it with the "
            "fitted μ and σ, what is the test column's mean?"
        ),
        answer=round(answer, 10),
        tolerance=0.005,
        explanation=(
            "Scaling shifts and stretches every value the same way, z = (x − μ)/σ, and the mean goes "
            f"along: ({show(test_mean)} − {show(mean)})/{show(std)} = {show(answer)}. It is not 0, because "
            "μ and σ came from the training rows; the test column's own standard deviation plays no part."
        ),
    )


def test_mean_z(rng: np.random.Generator) -> Numeric:
    return test_mean_z_question(test_mean_z_numbers(rng))


def minmax_value_numbers(rng: np.random.Generator) -> Numbers:
    low = int(rng.integers(0, 51))
    span = int(rng.choice([4, 5, 8, 10, 20, 40, 50]))
    t = float(rng.choice([-0.5, -0.25, 0.25, 0.5, 0.75, 1.25, 1.5, 2.0]))
    inside = sorted(int(v) for v in rng.integers(low + 1, low + span, size=3))
    train = [low, *inside, low + span]
    return {"train": [int(v) for v in rng.permutation(train)], "new": low + span * t}


def minmax_value_question(numbers: Numbers) -> Numeric:
    train, new = numbers["train"], numbers["new"]
    low, high = min(train), max(train)
    answer = (new - low) / (high - low)
    where = "inside" if 0 <= answer <= 1 else "outside"
    return Numeric(
        id="dh_minmax_value",
        prompt=(
            f"A min–max scaler is fitted on the training values {listing(train)}. What does it turn the "
            f"test value {show(new)} into?"
        ),
        answer=round(answer, 10),
        tolerance=0.005,
        explanation=(
            f"min = {show(low)} and max = {show(high)}, so x′ = ({show(new)} − {show(low)})/({show(high)} − "
            f"{show(low)}) = {show(new - low)}/{show(high - low)} = {show(answer)}, {where} [0, 1]. A new "
            "value beyond the training range lands outside [0, 1]; the scaler does not clip it."
        ),
    )


def minmax_value(rng: np.random.Generator) -> Numeric:
    return minmax_value_question(minmax_value_numbers(rng))


def _five_with_outlier(rng: np.random.Generator) -> tuple[list[int], int, int]:
    """Five whole numbers whose largest is an outlier; also their median and IQR (Q₃ − Q₁)."""
    iqr = int(rng.choice([2, 4, 5, 8, 10]))
    median = int(rng.integers(25, 60))
    below = int(rng.integers(1, iqr))
    q1, q3 = median - below, median + iqr - below
    lowest = q1 - int(rng.integers(1, iqr + 3))
    outlier = median + iqr * int(rng.choice([5, 6, 8, 10, 12, 15, 20]))
    return [lowest, q1, median, q3, outlier], median, iqr


def robust_value_numbers(rng: np.random.Generator) -> Numbers:
    values, _, _ = _five_with_outlier(rng)
    return {"values": [int(v) for v in rng.permutation(values)]}


def robust_value_question(numbers: Numbers) -> Numeric:
    values = numbers["values"]
    ordered = sorted(values)
    median, q1, q3 = ordered[2], ordered[1], ordered[3]
    iqr = q3 - q1
    outlier = ordered[4]
    answer = (outlier - median) / iqr
    return Numeric(
        id="dh_robust_value",
        prompt=(
            f"A column holds {listing(values)}. Robust scaling maps x to (x − median)/IQR, with the "
            f"quartiles as np.percentile computes them. What does {show(outlier)} become?"
        ),
        answer=round(answer, 10),
        tolerance=0.005,
        explanation=(
            f"Sorted: {listing(ordered)}. The median is the middle value, {show(median)}. With five values "
            f"Q₁ sits at position 0.25 × 4 = 1 (counting from 0), the value {show(q1)}, and Q₃ at position 3, "
            f"{show(q3)}: IQR = {show(q3)} − {show(q1)} = {show(iqr)}. So ({show(outlier)} − {show(median)})/"
            f"{show(iqr)} = {show(answer)}: the outlier stays far out, and the other values stay near 0."
        ),
    )


def robust_value(rng: np.random.Generator) -> Numeric:
    return robust_value_question(robust_value_numbers(rng))


SCALERS = ("min–max scaling", "robust scaling", "standardisation")


def which_scaler_numbers(rng: np.random.Generator) -> Numbers:
    values, _, _ = _five_with_outlier(rng)
    return {"values": sorted(values), "asked": int(rng.integers(3)), "order": [int(i) for i in rng.permutation(4)]}


def scaled_versions(values) -> list[np.ndarray]:
    """The column under min–max, robust and standard scaling, and divided by its largest value."""
    x = np.asarray(values, dtype=float)
    q1, median, q3 = np.percentile(x, [25, 50, 75])
    return [
        (x - x.min()) / (x.max() - x.min()),
        (x - median) / (q3 - q1),
        (x - x.mean()) / x.std(),
        x / x.max(),
    ]


def which_scaler_question(numbers: Numbers) -> Choice:
    values, asked = numbers["values"], numbers["asked"]
    versions = scaled_versions(values)
    options, answer = _ordered([vector(version) for version in versions], asked, numbers["order"])
    x = np.asarray(values, dtype=float)
    q1, median, q3 = np.percentile(x, [25, 50, 75])
    signs = {
        0: f"min–max sends the smallest value, {show(x.min())}, to 0 and the largest, {show(x.max())}, to 1",
        1: f"robust scaling sends the median, {show(median)}, to 0 and divides by the IQR, "
           f"{show(q3)} − {show(q1)} = {show(q3 - q1)}",
        2: f"standardisation sends the mean, {show(round(x.mean(), 2))}, to 0 and divides by σ ≈ "
           f"{show(round(x.std(), 2))} (inflated by the outlier)",
    }
    others = "; ".join(signs[k] for k in range(3) if k != asked)
    return Choice(
        id="dh_which_scaler",
        prompt=f"The column {listing(values)} is scaled. Which of these is the result of {SCALERS[asked]}?",
        options=options,
        answer=answer,
        explanation=(
            f"{_capital(signs[asked])}, which gives {vector(versions[asked])}. The others: "
            f"{others}; and {vector(versions[3])} only divides by the largest value, with no shift."
        ),
    )


def which_scaler(rng: np.random.Generator) -> Choice:
    return which_scaler_question(which_scaler_numbers(rng))


# ---------------------------------------------------------------- encoding

CATEGORY_POOLS = (
    ("Leeds", "York", "Hull", "Bath", "Derby"),
    ("red", "blue", "grey", "green", "white"),
    ("petrol", "diesel", "electric", "hybrid", "gas"),
    ("card", "cash", "transfer", "cheque", "voucher"),
)


def one_hot_row_numbers(rng: np.random.Generator) -> Numbers:
    pool = CATEGORY_POOLS[int(rng.integers(len(CATEGORY_POOLS)))]
    k = int(rng.integers(3, 5))
    chosen = [pool[int(i)] for i in rng.permutation(len(pool))]
    categories, unseen = chosen[:k], chosen[k]
    value = unseen if rng.uniform() < 0.25 else categories[int(rng.integers(k))]
    return {"categories": categories, "value": value, "pick": [int(i) for i in rng.permutation(k + 1)],
            "order": [int(i) for i in rng.permutation(4)]}


def one_hot_row_question(numbers: Numbers) -> Choice:
    categories, value = numbers["categories"], numbers["value"]
    k = len(categories)
    rows = [tuple(1 if j == i else 0 for j in range(k)) for i in range(k)] + [tuple([0] * k)]
    right = categories.index(value) if value in categories else k
    wrong = [index for index in numbers["pick"] if index != right][:3]
    shown = [rows[index] for index in [right, *wrong]]
    options, answer = _ordered(["(" + ", ".join(map(str, row)) + ")" for row in shown], 0, numbers["order"])
    if value in categories:
        why = (f"\"{value}\" is category number {right + 1} of the list, so its row has a 1 in column "
               f"{right + 1} and 0 elsewhere: {options[answer]}.")
    else:
        why = (f"\"{value}\" is not in the list (it was not seen in training), so it matches no column and "
               f"gets a row of zeros: {options[answer]}.")
    return Choice(
        id="dh_one_hot_row",
        prompt=(
            f"A one-hot encoder was fitted with the categories {', '.join(categories)}, in that order, and "
            f"keeps all {k} columns (unknown categories: a row of zeros). What row does \"{value}\" get?"
        ),
        options=options,
        answer=answer,
        explanation=f"The columns follow the list as given: {why}",
    )


def one_hot_row(rng: np.random.Generator) -> Choice:
    return one_hot_row_question(one_hot_row_numbers(rng))


def encoded_shape_numbers(rng: np.random.Generator) -> Numbers:
    numeric = int(rng.integers(2, 7))
    return {
        "rows": int(rng.choice([100, 250, 480, 1200])),
        "numeric": numeric,
        "blank": int(rng.integers(1, numeric + 1)),
        "k": int(rng.integers(3, 8)),
    }


def encoded_shape_question(numbers: Numbers) -> Shape:
    rows, numeric, blank, k = numbers["rows"], numbers["numeric"], numbers["blank"], numbers["k"]
    columns = numeric + blank + (k - 1) + 1
    return Shape(
        id="dh_encoded_shape",
        prompt=(
            f"A table has {rows} rows: {numeric} number columns, {blank} of them with blanks, and one "
            f"category column with {k} categories. You impute with one indicator per column that has blanks, "
            "one-hot the categories dropping one, and add a bias column. What shape is the result?"
        ),
        answer=(rows, columns),
        explanation=(
            f"The rows stay {rows}. Columns: {numeric} filled number columns + {blank} indicators + "
            f"{k} − 1 = {k - 1} one-hot columns + 1 bias = {columns}. So ({rows}, {columns})."
        ),
    )


def encoded_shape(rng: np.random.Generator) -> Shape:
    return encoded_shape_question(encoded_shape_numbers(rng))


SETUPS = ("bias and all k", "bias, one dropped", "no bias, all k")


def dummy_rank_numbers(rng: np.random.Generator) -> Numbers:
    return {"numeric": int(rng.integers(1, 5)), "k": int(rng.integers(3, 7)), "setup": int(rng.integers(3))}


def dummy_rank_question(numbers: Numbers) -> Numeric:
    m, k, setup = numbers["numeric"], numbers["k"], numbers["setup"]
    if setup == 0:
        columns = 1 + m + k
        described = f"a bias column, {m} number columns and all {k} one-hot columns of one category"
        why = (f"X has 1 + {m} + {k} = {columns} columns, but the {k} one-hot columns add up to the bias "
               f"column, so one of them is redundant: the rank is {columns} − 1 = {columns - 1}, and XᵀX "
               "is singular. That is the dummy-variable trap.")
    elif setup == 1:
        columns = 1 + m + k - 1
        described = f"a bias column, {m} number columns and {k} − 1 one-hot columns (one category dropped)"
        why = (f"X has 1 + {m} + {k - 1} = {columns} columns and none is a combination of the others (a row "
               f"of zeros now means the dropped category), so the rank is full: {columns}.")
    else:
        columns = m + k
        described = f"{m} number columns and all {k} one-hot columns of one category, and no bias column"
        why = (f"X has {m} + {k} = {columns} columns; without a bias column nothing equals the sum of the "
               f"one-hot columns, so the rank is full: {columns}.")
    return Numeric(
        id="dh_dummy_rank",
        prompt=(
            f"X has 50 rows: {described}. Every category occurs, and the number columns are not combinations "
            "of anything else. What is the rank of XᵀX?"
        ),
        answer=m + k,
        tolerance=0,
        explanation=why,
    )


def dummy_rank(rng: np.random.Generator) -> Numeric:
    return dummy_rank_question(dummy_rank_numbers(rng))


ORDERED_COLUMNS = (
    "T-shirt size (S, M, L, XL)",
    "education (school, bachelor, master, doctorate)",
    "pain level (none, mild, moderate, severe)",
    "hotel rating (1 to 5 stars)",
    "survey answer (disagree, neutral, agree)",
    "medal (bronze, silver, gold)",
)
UNORDERED_COLUMNS = (
    "city (Leeds, York, Hull)",
    "car colour (red, blue, grey)",
    "fuel (petrol, diesel, electric)",
    "blood group (A, B, AB, O)",
    "payment method (card, cash, transfer)",
    "music genre (jazz, rock, folk)",
)


def ordinal_choice_numbers(rng: np.random.Generator) -> Numbers:
    return {
        "ordered": int(rng.integers(len(ORDERED_COLUMNS))),
        "unordered": [int(i) for i in rng.permutation(len(UNORDERED_COLUMNS))[:3]],
        "order": [int(i) for i in rng.permutation(4)],
    }


def ordinal_choice_question(numbers: Numbers) -> Choice:
    right = ORDERED_COLUMNS[numbers["ordered"]]
    wrong = [UNORDERED_COLUMNS[i] for i in numbers["unordered"]]
    options, answer = _ordered([right, *wrong], 0, numbers["order"])
    example = wrong[0]
    values = example[example.index("(") + 1:example.index(")")].split(", ")
    return Choice(
        id="dh_ordinal_choice",
        prompt="Which column can be coded 0, 1, 2, … (ordinal encoding) without inventing an order?",
        options=options,
        answer=answer,
        explanation=(
            f"Only the {right.split(' (')[0]} has a real order: {right[right.index('(') + 1:-1]}. Codes for the "
            f"others would claim, say, that {values[1]} lies between {values[0]} and {values[2]}, and a linear "
            "model would have to predict it halfway between them. One-hot encode those."
        ),
    )


def ordinal_choice(rng: np.random.Generator) -> Choice:
    return ordinal_choice_question(ordinal_choice_numbers(rng))


# ---------------------------------------------------------------- missing values


def impute_fill_numbers(rng: np.random.Generator) -> Numbers:
    known = int(rng.integers(3, 6))
    mean = int(rng.integers(10, 60))
    while True:
        offsets = [int(v) for v in rng.integers(-9, 10, size=known - 1)]
        last = -sum(offsets)
        if -12 <= last <= 12 and any(offsets) and last != 0:
            break
    values: list[float | None] = [mean + d for d in offsets + [last]]
    blanks = int(rng.integers(1, 3))
    for _ in range(blanks):
        values.insert(int(rng.integers(0, len(values) + 1)), None)
    return {"column": values}


def impute_fill_question(numbers: Numbers) -> Numeric:
    column = numbers["column"]
    known = [v for v in column if v is not None]
    total = sum(known)
    fill = Fraction(total, len(known))
    shown = ", ".join("nan" if v is None else show(v) for v in column)
    return Numeric(
        id="dh_impute_fill",
        prompt=(
            f"A training column reads {shown}. Blanks are filled with the mean of the training column. "
            "What value fills a blank in a test row?"
        ),
        answer=float(fill),
        tolerance=0.005,
        explanation=(
            f"The mean of the {len(known)} known values: ({' + '.join(show(v) for v in known)})/{len(known)} = "
            f"{show(total)}/{len(known)} = {show(fill)} (np.nanmean skips the blanks). Counting the blanks as 0 "
            f"would give {show(total)}/{len(column)} {'=' if total % len(column) == 0 else '≈'} {show(round(total / len(column), 2))} instead. The test row gets the training mean, not a mean "
            "of its own."
        ),
    )


def impute_fill(rng: np.random.Generator) -> Numeric:
    return impute_fill_question(impute_fill_numbers(rng))


def complete_rows_numbers(rng: np.random.Generator) -> Numbers:
    # at most 3 × 4 = 12 rows have a blank: from 13 rows on, at least one row stays complete
    n = int(rng.integers(13, 21))
    blanks = {}
    for name in ("income", "age", "city"):
        size = int(rng.integers(1, 5))
        blanks[name] = sorted(int(r) + 1 for r in rng.choice(n, size=size, replace=False))
    return {"rows": n, "blanks": blanks}


def complete_rows_question(numbers: Numbers) -> Numeric:
    n, blanks = numbers["rows"], numbers["blanks"]
    hit = sorted(set().union(*blanks.values()))
    said = "; ".join(f"{name} in row{'s' if len(rows) > 1 else ''} {listing(rows)}" for name, rows in blanks.items())
    return Numeric(
        id="dh_complete_rows",
        prompt=(
            f"A table has {n} rows, numbered 1 to {n}. There are blanks: {said}. After deleting every row "
            "that has a blank, how many rows remain?"
        ),
        answer=n - len(hit),
        tolerance=0,
        explanation=(
            f"The rows with at least one blank are {listing(hit)}: {len(hit)} distinct rows (a row with two "
            f"blanks goes only once). {n} − {len(hit)} = {n - len(hit)} rows remain."
        ),
    )


def complete_rows(rng: np.random.Generator) -> Numeric:
    return complete_rows_question(complete_rows_numbers(rng))


# ---------------------------------------------------------------- splitting

SPLIT_SIZES = (200, 400, 500, 600, 800, 1000, 1200, 2000)
SPLIT_SHARES = (Fraction(1, 10), Fraction(1, 5), Fraction(1, 4))


def split_sizes_numbers(rng: np.random.Generator) -> Numbers:
    while True:
        n = int(rng.choice(SPLIT_SIZES))
        test = SPLIT_SHARES[int(rng.integers(len(SPLIT_SHARES)))]
        val = SPLIT_SHARES[int(rng.integers(len(SPLIT_SHARES)))]
        rest = n - n * test
        if (n * test).denominator == 1 and (rest * val).denominator == 1:
            return {"rows": n, "test": float(test), "val": float(val)}


def split_sizes_question(numbers: Numbers) -> Numeric:
    n, test, val = numbers["rows"], numbers["test"], numbers["val"]
    n_test = round(n * test)
    rest = n - n_test
    n_val = round(rest * val)
    return Numeric(
        id="dh_split_sizes",
        prompt=(
            f"You set aside {test:.0%} of {n} rows as the test set, then {val:.0%} of the remaining rows as "
            "the validation set. How many rows are left to train on?"
        ),
        answer=rest - n_val,
        tolerance=0,
        explanation=(
            f"Test: {test:.0%} of {n} = {n_test}, leaving {rest}. Validation: {val:.0%} of those {rest} = "
            f"{n_val}. Training: {rest} − {n_val} = {rest - n_val}. The second share is of what remains, not "
            f"of all {n}."
        ),
    )


def split_sizes(rng: np.random.Generator) -> Numeric:
    return split_sizes_question(split_sizes_numbers(rng))


def stratified_count_numbers(rng: np.random.Generator) -> Numbers:
    share = Fraction(int(rng.choice([1, 1, 1, 2])), int(rng.choice([4, 5, 10])))
    step = share.denominator
    ones = step * int(rng.integers(1, max(2, 30 // step) + 1))
    zeros = step * int(rng.integers(max(2, 3 * ones // step), 12 * ones // step + 2))
    return {"zeros": zeros, "ones": ones, "share": float(share)}


def stratified_count_question(numbers: Numbers) -> Numeric:
    zeros, ones, share = numbers["zeros"], numbers["ones"], numbers["share"]
    in_test = round(share * ones)
    return Numeric(
        id="dh_stratified_count",
        prompt=(
            f"The labels are {zeros} zeros and {ones} ones. A stratified split puts {share:.0%} of the rows in "
            "the test set. How many ones does the test set hold?"
        ),
        answer=in_test,
        tolerance=0,
        explanation=(
            f"A stratified split cuts each class on its own: {share:.0%} of the {ones} ones is {in_test} (and "
            f"{share:.0%} of the {zeros} zeros is {round(share * zeros)}). The ones keep their share, "
            f"{ones}/{zeros + ones} of the rows, on both sides."
        ),
    )


def stratified_count(rng: np.random.Generator) -> Numeric:
    return stratified_count_question(stratified_count_numbers(rng))


SERIES = (
    ("daily sales of a shop", "day", "the next month's sales", 730, 60),
    ("hourly electricity use of a town", "hour", "tomorrow's use, hour by hour", 2160, 240),
    ("monthly rents in a city", "month", "next year's rents", 120, 12),
    ("weekly visitor counts of a museum", "week", "the coming quarter's visitors", 260, 26),
)


def time_split_numbers(rng: np.random.Generator) -> Numbers:
    return {"series": int(rng.integers(len(SERIES))), "order": [int(i) for i in rng.permutation(4)]}


def time_split_question(numbers: Numbers) -> Choice:
    what, unit, goal, total, test = SERIES[numbers["series"]]
    right = f"Train on the first {total - test} {unit}s, test on the last {test}"
    wrong = [
        f"Shuffle all {total} {unit}s and test on a random {test}",
        f"Test on the first {test} {unit}s, train on the later {total - test}",
        f"Test on every {total // test}th {unit}, train on the rest",
    ]
    options, answer = _ordered([right, *wrong], 0, numbers["order"])
    return Choice(
        id="dh_which_time_split",
        prompt=f"You have {total} {unit}s of {what} and will forecast {goal}. Which split gives an honest test score?",
        options=options,
        answer=answer,
        explanation=(
            f"The model will always predict the future from the past, so test it that way: train on the first "
            f"{total - test} {unit}s and test on the last {test}. A shuffled or interleaved test set puts known "
            f"{unit}s on both sides of every test {unit}, which makes the error look smaller than a forecast's; "
            f"testing on the earliest {unit}s predicts the past from the future, which the model will never do."
        ),
    )


def time_split(rng: np.random.Generator) -> Choice:
    return time_split_question(time_split_numbers(rng))


# ---------------------------------------------------------------- leakage

LEAK_SCENARIOS = (
    ("whether a loan will default",
     ("income", "debt ratio", "years at the current address", "age"),
     (("late fees charged", "they are billed only after payments are missed"),
      ("whether the loan was sent to debt collection", "that happens only after a default"))),
    ("whether a patient has diabetes",
     ("age", "body-mass index", "blood pressure", "family history of diabetes"),
     (("whether insulin was prescribed", "insulin is prescribed after the diagnosis"),
      ("visits to the diabetes clinic", "the clinic sees patients once they are diagnosed"))),
    ("whether a customer cancels their subscription",
     ("months subscribed", "monthly fee", "plan type", "logins last month"),
     (("the reason given for cancelling", "it is recorded when the customer cancels"),
      ("the date of the final invoice", "a final invoice exists only once the customer has left"))),
    ("the price a house sells for",
     ("floor area", "number of rooms", "distance to the station", "year built"),
     (("the stamp duty paid on the sale", "it is computed from the sale price"),
      ("the estate agent's commission", "it is a share of the sale price"))),
)


def target_leak_numbers(rng: np.random.Generator) -> Numbers:
    scenario = int(rng.integers(len(LEAK_SCENARIOS)))
    return {
        "scenario": scenario,
        "leak": int(rng.integers(2)),
        "honest": [int(i) for i in rng.permutation(4)[:3]],
        "order": [int(i) for i in rng.permutation(4)],
    }


def target_leak_question(numbers: Numbers) -> Choice:
    target, honest, leaks = LEAK_SCENARIOS[numbers["scenario"]]
    leak, reason = leaks[numbers["leak"]]
    fair = [honest[i] for i in numbers["honest"]]
    options, answer = _ordered([leak, *fair], 0, numbers["order"])
    return Choice(
        id="dh_which_leak",
        prompt=f"A model predicts {target}. Which of these features leaks the target?",
        options=options,
        answer=answer,
        explanation=(
            f"{_capital(leak)}: {reason}, so it is known only after the outcome. In the historic "
            f"table it gives the answer away and the test score soars; at prediction time it is not there yet. "
            f"{_capital(', '.join(fair[:-1]))} and {fair[-1]} are all known when the prediction is made."
        ),
    )


def target_leak(rng: np.random.Generator) -> Choice:
    return target_leak_question(target_leak_numbers(rng))
