"""Section 1: why a raw table is not ready for a model, and the rule the lesson follows."""

from tutor.lesson import Checkpoint, Choice, Example, Prose, Section

from lessons.data_handling.repl_setup import DATA_SETUP

SECTION = Section(
    id="why",
    title="Why raw data is not ready",
    blocks=(
        Prose("""\
In Lesson 2 every model met a tidy array of numbers.
Real data rarely arrives like that. Take a table of
loan applicants:

- **Mixed scales.** Income is counted in euros (tens of
  thousands), age in years (tens), and a debt ratio
  lies between 0 and 1.
- **Categories.** The applicant's city is a word, and
  `X @ w` needs numbers.
- **Missing values.** Someone skipped a question, and
  NumPy stores the blank as `nan`.
- **A label to predict.** Here it is whether the loan
  was repaid, and only about one applicant in ten did
  not.

Each of these needs a decision before a model sees the
data. This lesson makes those decisions with NumPy,
and names what scikit-learn calls each step, so that
you will recognise it later.

### How to read the code

As in Lesson 2, every listing is a complete program.
Paste it into a fresh Python session and you get the
output printed under it, digit for digit. Only NumPy
and, in a few places, SciPy are needed.

### Mixed scales

Many models compare rows by distance: the nearest
neighbours of an applicant are the applicants most
like them. Before you run the listing below, answer
the question.
"""),
        Checkpoint(Choice(
            id="cp_nearest",
            section="why",
            skill="dh_raw_data",
            prompt=(
                "Predict: A earns €32,000 and is 23. B earns €33,000 and is 61. C earns €38,000 "
                "and is 24. Which one is nearer to A by plain distance on (income, age)?"
            ),
            options=("C", "B", "They are equally near"),
            answer=1,
            explanation=(
                "A to B is √(1000² + 38²) ≈ 1000.7 and A to C is √(6000² + 1²) ≈ 6000.0, so B, "
                "38 years older, is nearer. A difference of 1,000 euros outweighs one of 38 "
                "years because the distance counts both in their own units."
            ),
        )),
        Example(
            title="Distance in euros and years",
            code="""\
import numpy as np

# income (€ a year) and age (years)
A = np.array([32000.0, 23.0])
B = np.array([33000.0, 61.0])
C = np.array([38000.0, 24.0])

print(f"A to B: {np.linalg.norm(A - B):7.1f}")
print(f"A to C: {np.linalg.norm(A - C):7.1f}")

# divide each column by a typical spread
spread = np.array([10000.0, 12.0])
ab = np.linalg.norm((A - B) / spread)
ac = np.linalg.norm((A - C) / spread)
print(f"scaled: A to B {ab:.2f}")
print(f"        A to C {ac:.2f}")
""",
            output="""\
A to B:  1000.7
A to C:  6000.0
scaled: A to B 3.17
        A to C 0.61
""",
        ),
        Prose("""\
In raw units the distance is almost all income: a
61-year-old counts as the closest match for a
23-year-old. Divide each column by a typical spread
first and the 38 years count again, so C is nearest.

This is Lesson 2's third pitfall from another side.
There, floor area next to a ratio made the loss a long
narrow valley and gradient descent crawled. Distances,
gradients and penalties all add up numbers from
different columns, so they all need the columns on
comparable scales. Section 2 shows how.

### Words and blanks
"""),
        Example(
            title="A word and a nan in a table",
            code="""\
import numpy as np

income = np.array([32000, 58000, np.nan,
                   41000])
city = np.array(["Leeds", "York", "Leeds",
                 "Hull"])

table = np.column_stack([income, city])
print(table.dtype, table[0])

print("mean income:", income.mean())
print("skipping gaps:", np.nanmean(income))
w = 0.0001  # a weight for income
print("scores:", income * w)
""",
            output="""\
<U32 ['32000.0' 'Leeds']
mean income: nan
skipping gaps: 43666.666666666664
scores: [3.2 5.8 nan 4.1]
""",
        ),
        Prose("""\
Two silent failures. An array holds one type, so
stacking a column of words beside the incomes turned
*every* entry into text (`<U32`: strings of up to 32
characters), and no arithmetic works on it any more.
And `nan` spreads: one blank makes the mean `nan`, and
the third applicant's score `nan`. Section 3 turns
words into numbers; section 4 fills the blanks.

### The test set stays unseen

In Lesson 2 the fitted line had a smaller error on its
own hundred points (SSE 383.5) than the true line that
made them (383.8). A model always looks better on the
data it was fitted to, so its score must come from rows
it never saw: a **test set**, put aside before
anything is learned. That gives the rule this whole
lesson follows:

**Every step that learns a number from the data learns
it from the training rows only**, then applies that
same number, unchanged, to the validation rows, the
test rows and any new row. The steps, and what each
learns:

- standardising: a mean and a standard deviation per
  column (scikit-learn's `StandardScaler`)
- min–max scaling: a minimum and a maximum
  (`MinMaxScaler`)
- robust scaling: a median and an interquartile range
  (`RobustScaler`)
- one-hot encoding: the list of categories
  (`OneHotEncoder`)
- imputing: a fill value per column (`SimpleImputer`)

In scikit-learn `fit` learns the numbers and
`transform` applies them; `fit_transform` does both,
and belongs on the training rows only. Breaking the
rule is called **leakage** (section 6): the test score
then measures rows the model has, in part, already
seen.

### The data in the REPL

Press `r` for the REPL. It holds 300 made-up loan
applicants, built by the code below: `income` (€ a
year, with blanks), `age` (years, with blanks), `debt`
(a debt ratio from 0 to 1), `city` (Leeds, York or
Hull, as text), the label `y` (1 if the loan was not
repaid), and `X`, the three number columns side by
side. `CITIES` lists the cities.
"""),
        Example(
            title="The REPL's loan applicants",
            code=DATA_SETUP + """
print("rows:", n, "  defaulted:", y.sum())
print("blanks:", np.isnan(X).sum(axis=0))
for name in CITIES:
    print(name, np.sum(city == name))
""",
            output="""\
rows: 300   defaulted: 31
blanks: [20 13  0]
Leeds 150
York 77
Hull 73
""",
        ),
        Prose("""\
Every problem of this section is in there: three
scales (incomes near 35,000, ages near 46, debt ratios
near 0.28), a column of words, 33 blanks, and a label
that is 1 for only 31 of the 300 rows. Try
`np.nanmean(X, axis=0)` or `y.mean()` at the prompt.
"""),
    ),
)
