"""Section 4: missing values: how nan behaves, deleting rows, and imputation with an indicator."""

from tutor.lesson import Checkpoint, Choice, Example, Prose, Section

from lessons.data_handling.exercises import IMPUTE

SECTION = Section(
    id="missing",
    title="Missing values",
    blocks=(
        Prose("""\
A blank in a table of numbers is stored as `nan`, "not
a number", a special float. It behaves unlike any
number, and most of the trouble with missing values
starts there.
"""),
        Checkpoint(Choice(
            id="cp_nan_mean",
            section="missing",
            skill="dh_impute",
            prompt="Predict: what does np.array([34.0, np.nan, 51, 28]).mean() return?",
            options=(
                "37.67, the mean of the three known ages",
                "28.25, counting the blank as 0",
                "nan",
                "It raises an error",
            ),
            answer=2,
            explanation=(
                "Any arithmetic with nan gives nan, so the sum is nan and so is the mean. NumPy "
                "raises no error and gives no warning. np.nanmean skips the blanks and gives "
                "(34 + 51 + 28)/3 ≈ 37.67."
            ),
        )),
        Example(
            title="How nan behaves",
            code="""\
import numpy as np

age = np.array([34.0, np.nan, 51, 28, np.nan])
print(age.mean(), np.nanmean(age))
print("nan == nan:", np.nan == np.nan)
print("blanks:", np.isnan(age).sum())
print(age > 30)
""",
            output="""\
nan 37.666666666666664
nan == nan: False
blanks: 2
[ True False  True False False]
""",
        ),
        Prose("""\
- `nan` spreads through arithmetic: the mean of a column
  with one blank is `nan`. The `nan`-functions
  (`np.nanmean`, `np.nanmedian`, `np.nanstd`) skip the
  blanks.
- `nan` is not even equal to itself, so
  `x == np.nan` finds nothing. Find blanks with
  `np.isnan(x)`.
- A comparison with `nan` is False, so `age > 30`
  quietly puts both blanks with the under-30s.

### Deleting rows

The simplest fix is to drop every row with a blank
(pandas: `dropna()`). It costs more than it seems, in
two ways.
"""),
        Example(
            title="What dropping rows costs",
            code="""\
import numpy as np

rng = np.random.default_rng(0)
n = 10_000
# 1. six columns, each blank in 10% of rows
blank = rng.uniform(size=(n, 6)) < 0.1
complete = ~blank.any(axis=1)
print(f"complete rows: {complete.mean():.1%}")

# 2. higher incomes left blank more often
income = rng.lognormal(10.4, 0.45, size=n)
p = np.where(income > 40_000, 0.4, 0.05)
known = rng.uniform(size=n) > p
kept = income[known]
print(f"mean of all:   {income.mean():6.0f}")
print(f"mean of known: {kept.mean():6.0f}")
""",
            output="""\
complete rows: 52.6%
mean of all:    36352
mean of known:  33634
""",
        ),
        Prose("""\
1. **Rows vanish fast.** A row survives only if *all*
   its columns are known. With six columns each blank
   10% of the time, independently, that is
   0.9⁶ ≈ 53% of the rows: deleting throws away almost
   half the data to remove 10% of the values.
2. **The rows left may not be typical.** Here the
   higher earners skip the income question more often
   (40% against 5%), so the incomes that remain
   average 33,634 instead of 36,352. A model trained
   on the complete rows learns from a tilted sample.

Deleting is safe when the blanks fall at random,
unrelated to any value (statisticians call that
*missing completely at random*), and you can rarely be
sure of that.

### Imputation with an indicator

**Imputing** fills each blank with a value learned from
the training rows: the column's mean, or its median
when the column is skewed or has outliers, as incomes
often do (scikit-learn: `SimpleImputer`, with
`strategy="mean"` or `"median"`). Like a scaler's μ,
the fill value is learned once, from the training rows,
and used for every later row.

Filling hides that a value was missing, and the blank
itself can be informative. So add an **indicator
column** per column: 1 where the value was blank, 0
where it was known (`SimpleImputer(add_indicator=True)`,
which adds one only for columns that had blanks in
training).
"""),
        Example(
            title="Mean imputation with indicators",
            code="""\
import numpy as np

train = np.array([[30.0, 1.2],
                  [np.nan, 0.8],
                  [50.0, np.nan],
                  [40.0, 1.0]])
test = np.array([[np.nan, 0.9],
                 [45.0, np.nan]])

fill = np.nanmean(train, axis=0)  # learned
print("fill:", fill)

def impute(X):
    gap = np.isnan(X)
    return np.hstack([np.where(gap, fill, X),
                      gap * 1.0])

print(impute(test))
before = np.nanstd(train[:, 0])
after = impute(train)[:, 0].std()
print(f"spread {before:.2f} -> {after:.2f}")
""",
            output="""\
fill: [40.  1.]
[[40.   0.9  1.   0. ]
 [45.   1.   0.   1. ]]
spread 8.16 -> 7.07
""",
        ),
        Prose("""\
The test rows were filled with the *training* means,
40 and 1.0; the last two columns record which entries
were blanks. Note the price of filling: every filled
value sits at the centre, so the column's spread shrinks
(from 8.16 to 7.07 here), and the more blanks, the more
it shrinks.

**Why keep the indicator?** In the REPL's applicants,
income is blank for 9 of the 31 who defaulted (29%) but
for only 11 of the 269 who repaid (4%). Leaving income
blank predicts default, and that signal survives only
in the indicator column: the filled income alone
cannot tell a filled value from a real one. Check it at
the prompt:

`np.isnan(income)[y == 1].mean()`

Mean imputation does not undo a tilted sample (the fill
value is the mean of the known values, tilted too), but
it keeps every row, and the indicator lets the model
learn what a blank means.
"""),
        IMPUTE,
    ),
)
