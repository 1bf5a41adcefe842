"""Section 7: the common mistakes of data preparation, and where to go next."""

from tutor.lesson import Example, Prose, Section

SECTION = Section(
    id="pitfalls",
    title="Pitfalls and next steps",
    blocks=(
        Prose("""\
Each mistake below runs without an error and gives a
number; only the number is wrong.

### 1. Fitting on the wrong rows

`fit_transform` on the test set, or on the whole table
before the split, lets the test rows choose the
scaler's μ and σ, the fill values or the columns kept.
Fit on the training rows; only `transform` the others
(section 6).

### 2. Encoding each split on its own

Learn the categories twice, once from the training rows
and once from the test rows, and the columns no longer
mean the same thing. The shapes may even agree, so
nothing fails:
"""),
        Example(
            title="Categories learned twice",
            code="""\
import numpy as np

train = np.array(["Leeds", "York", "Hull",
                  "York"])
test = np.array(["York", "Bath", "Leeds"])

def encode(values, cats):
    return (values[:, None] == cats) * 1

cats = np.unique(train)  # learned on train
print("train:", cats)
print("test: ", np.unique(test))
print("refitted on test:")
print(encode(test, np.unique(test)))
print("with the training categories:")
print(encode(test, cats))
""",
            output="""\
train: ['Hull' 'Leeds' 'York']
test:  ['Bath' 'Leeds' 'York']
refitted on test:
[[0 0 1]
 [1 0 0]
 [0 1 0]]
with the training categories:
[[0 0 1]
 [0 0 0]
 [0 1 0]]
""",
        ),
        Prose("""\
Refitted, Bath lands in column 0, the column the model
learned as Hull, and gets Hull's weight. With the
training categories Bath is a row of zeros, which is
what an unseen city should be. (pandas' `get_dummies`,
called on each split separately, also gives each split
columns of its own.)

### 3. More pitfalls, in one line each

- **Shuffling time-ordered rows**: the model sees the
  future; split by time (section 5).
- **Choosing on the test set**: every choice made by
  its score makes it a second validation set. Use it
  once, at the end.
- **Forgetting the steps at prediction time**: the
  model expects scaled, encoded, filled inputs. Keep
  the fitted numbers (μ, σ, categories, fill values)
  with the model and apply them to every new row.
- **The dummy-variable trap**: all k one-hot columns
  plus a bias make XᵀX singular; drop one (section 3).
- **A random split of rare labels**: stratify
  (section 5).
- **Dropping rows with blanks**: it loses rows fast and
  can tilt the sample; impute, with an indicator
  (section 4).
- **Trusting one small test set**: its score moves with
  the seed; look at the spread (section 5).
- **Deciding outliers by scaling**: no scaler removes
  an outlier. Whether 250 is a typo or a rich
  applicant, look at the row and decide.

### What to try next

**Cross-validation.** One validation set gives one
noisy score. **K-fold cross-validation** cuts the
non-test rows into K parts (folds); each fold serves
once as the validation set while the other K − 1 fit
the model, and the K scores are averaged
(scikit-learn: `KFold`, `cross_val_score`). Section
5's degrees, again, with the test rows still set
aside:
"""),
        Example(
            title="4-fold cross-validation",
            code="""\
import numpy as np

rng = np.random.default_rng(3)
x = rng.uniform(0, 1, 60)
noise = rng.normal(0, 0.3, 60)
y = np.sin(2 * np.pi * x) + noise
rng = np.random.default_rng(0)
order = rng.permutation(60)
test, rest = order[:12], order[12:]

folds = np.array_split(rest, 4)  # 4 x 12
for d in (1, 3, 5, 9):
    scores = []
    for k in range(4):
        val = folds[k]
        fit = np.concatenate(folds[:k]
                             + folds[k + 1:])
        c = np.polyfit(x[fit], y[fit], d)
        err = np.polyval(c, x[val]) - y[val]
        scores.append(np.mean(err ** 2))
    m, s = np.mean(scores), np.std(scores)
    print(f"degree {d}: {m:.3f} ± {s:.3f}")
""",
            output="""\
degree 1: 0.280 ± 0.074
degree 3: 0.107 ± 0.042
degree 5: 0.115 ± 0.043
degree 9: 1.072 ± 1.603
""",
        ),
        Prose("""\
Degree 3 wins again, now on four validation sets
instead of one, and the ± (the standard deviation over
the folds) shows how much each score can be trusted:
degree 9 fits one fold so badly that its mean jumps to
1.072. Every preprocessing step is refitted inside
each fold, on that fold's training rows.

**Pipelines.** scikit-learn's `Pipeline` chains steps
and a model into one object with one `fit`, and
`ColumnTransformer` sends each group of columns to its
own steps: scale the numbers, one-hot the words, impute
both. Each piece is a step you have now written
yourself.

**Look before you scale.** Count the blanks per column
(`np.isnan(X).sum(axis=0)`), the values of each
category (`np.unique(..., return_counts=True)`), and
each column's minimum and maximum: an age of 200 is an
error to fix, not an outlier to scale.

**Build it on the REPL's data.** Split the 300
applicants with your stratified split on `y`; learn
medians for `income` and `age` on the training rows and
impute with indicators; one-hot `city` with the
training categories, dropping one; standardise the
number columns with the training μ and σ; fit a
least-squares classifier as in section 6, and score it
once on the test rows.
"""),
    ),
)
