"""Section 6: leakage: steps fitted before the split, target information in a feature, duplicates."""

from tutor.lesson import Checkpoint, Choice, Example, Prose, Section

from lessons.data_handling.exercises import LEAK

SECTION = Section(
    id="leakage",
    title="Leakage",
    blocks=(
        Prose("""\
A model may learn, in training, from information it
will not have when it is used. That is **leakage**.
The test score then measures a model that cannot
exist, and it comes out too good. Three leaks are
common.

### 1. A step fitted before the split

Scale, impute or select on the whole table and *then*
split, and the test rows have helped choose the numbers
the model is trained with. Below, a feature drifts
upwards month by month; the last 20 months are the
test set. First, scaling:
"""),
        Example(
            title="Scaling before the split",
            code="""\
import numpy as np

rng = np.random.default_rng(4)
month = np.arange(100)
x = 30 + 0.2 * month + rng.normal(0, 2, 100)
y = 3 * x + rng.normal(0, 5, 100)
train, test = month[:80], month[80:]

for name, rows in (("train", train),
                   ("all", month)):
    mu, sd = x[rows].mean(), x[rows].std()
    z = (x - mu) / sd
    X = np.column_stack([np.ones(100), z])
    A, b = X[train], y[train]
    w = np.linalg.solve(A.T @ A, A.T @ b)
    err = X[test] @ w - y[test]
    mse = np.mean(err ** 2)
    print(f"fit on {name:5}: mu {mu:.1f},",
          f"test z {z[test].mean():.2f},",
          f"MSE {mse:.3f}")
""",
            output="""\
fit on train: mu 37.8, test z 1.98, MSE 25.394
fit on all  : mu 39.8, test z 1.31, MSE 25.394
""",
        ),
        Prose("""\
Scaled honestly, the test months sit 1.98 standard
deviations above the training mean, which they do:
the feature has drifted. Scaled on all rows, they look
more ordinary (1.31), because they pulled the mean up
themselves.

The test MSE, though, is the same: for a least-squares
model any shift and stretch of a column is undone by
its weight and the intercept. That is why this leak
often goes unnoticed. It is still a leak: for a model
that compares distances, clips values or penalises
weights, the score moves. And the same habit, fitting a
step on all rows, is ruinous as soon as the step looks
at the **labels**. Here 2,000 columns of pure noise
predict coin flips; the step keeps the 10 columns that
go most with y:
"""),
        Example(
            title="Choosing columns before the split",
            code="""\
import numpy as np

rng = np.random.default_rng(0)
X = rng.normal(size=(60, 2000))  # noise
y = rng.integers(0, 2, size=60)  # coin flips

def pick(rows):  # 10 columns most tied to y
    yc = y[rows] - y[rows].mean()
    tie = np.abs(X[rows].T @ yc)
    return np.argsort(tie)[-10:]

def acc(cols, tr, te):  # nearest class mean
    A = X[:, cols]
    m0 = A[tr][y[tr] == 0].mean(axis=0)
    m1 = A[tr][y[tr] == 1].mean(axis=0)
    d0 = np.linalg.norm(A[te] - m0, axis=1)
    d1 = np.linalg.norm(A[te] - m1, axis=1)
    return np.mean((d1 < d0) == y[te])

leaky, honest = [], []
for seed in range(20):
    rng = np.random.default_rng(seed)
    order = rng.permutation(60)
    te, tr = order[:20], order[20:]
    leaky.append(acc(pick(order), tr, te))
    honest.append(acc(pick(tr), tr, te))
a, b = np.mean(leaky), np.mean(honest)
print(f"chosen on all rows:   {a:.2f}")
print(f"chosen on train rows: {b:.2f}")
""",
            output="""\
chosen on all rows:   0.81
chosen on train rows: 0.50
""",
        ),
        Prose("""\
The labels are coin flips, so no model can beat 0.50
on new rows, and the honest pipeline reports exactly
that. Chosen on all rows, the 10 columns happen to
match the test rows' coin flips too, and the test
accuracy claims 0.81 (an average over 20 splits).

**The fix:** split first, then fit every step on the
training rows and only apply it to the others. In
scikit-learn, put the steps and the model in one
`Pipeline`: its `fit` fits each step on the rows it is
given, so cross-validation refits them inside every
fold.
"""),
        LEAK,
        Prose("""\
### 2. Target information in a feature

A column recorded *after* the outcome carries the
outcome in it. Below, the label is whether a loan
defaulted, and one column holds the late fees billed,
which are billed only once a loan has defaulted.
"""),
        Checkpoint(Choice(
            id="cp_fees",
            section="leakage",
            skill="dh_target_leak",
            prompt=(
                "Predict: with the late-fees column the model scores 0.97 on the test set. What "
                "will it score on new applicants, whose fees are not billed yet?"
            ),
            options=(
                "About 0.97, the test score",
                "About 0.77, like a model without fees",
                "About 0.54, as good as always saying no default",
                "Exactly 1, since the fees give the answer away",
            ),
            answer=2,
            explanation=(
                "The model leans on the fees column, and a new applicant's fees are 0, so it "
                "predicts \"no default\" for nearly everyone: 0.54 on these rows, the share that "
                "did not default. The honest model, without fees, keeps its 0.77."
            ),
        )),
        Example(
            title="A feature recorded after the outcome",
            code="""\
import numpy as np

rng = np.random.default_rng(5)
n = 400
debt = rng.uniform(0, 1, n)  # debt ratio
y = (rng.uniform(size=n) < debt) * 1.0
fees = y * rng.uniform(20, 80, n)  # after
rng = np.random.default_rng(0)
order = rng.permutation(n)
te, tr = order[:100], order[100:]

def fit(X):  # least squares on 0/1 labels
    A, b = X[tr], y[tr]
    return np.linalg.solve(A.T @ A, A.T @ b)

def acc(X, w):  # predict 1 above 0.5
    return np.mean((X[te] @ w > 0.5) == y[te])

one = np.ones(n)
honest = np.column_stack([one, debt])
leaky = np.column_stack([one, debt, fees])
w_h, w_l = fit(honest), fit(leaky)
# in use: a new applicant has no fees yet
new = np.column_stack([one, debt, 0 * fees])
for name, X, w in (("debt only", honest, w_h),
                   ("with fees", leaky, w_l),
                   ("in use", new, w_l)):
    print(f"{name:9}  {acc(X, w):.2f}")
""",
            output="""\
debt only  0.77
with fees  0.97
in use     0.54
""",
        ),
        Prose("""\
The split was done right, and the test score is still
a lie: the leak is in the column, not in the split.
Target leaks hide in columns such as "account closed
date", "treatment given" or "number of calls to
support", each filled in after the fact.

**The fix:** for every column ask "would I know this
value at the moment I make the prediction?", and drop
the columns that fail. A score that is too good to be
true, or one column that carries almost all the
weight, is the usual hint.

### 3. Duplicates across the split

Data sets often hold the same row twice: a customer
exported by two systems, a photo saved twice. After a
random split one copy may land in training and the
other in the test set.
"""),
        Checkpoint(Choice(
            id="cp_duplicate",
            section="leakage",
            skill="dh_duplicates",
            prompt=(
                "Predict: a 1-nearest-neighbour model meets a test row whose exact copy is in "
                "the training set. What does it predict?"
            ),
            options=(
                "The majority label of the training set",
                "The label of its copy",
                "The label of the second-nearest row",
                "It refuses: distance 0 is undefined",
            ),
            answer=1,
            explanation=(
                "Its copy is at distance 0, nearer than any other row, so the model returns "
                "the copy's label: the answer was in the training set. That test row measures "
                "memory, not prediction."
            ),
        )),
        Example(
            title="Copies on both sides of the split",
            code="""\
import numpy as np

rng = np.random.default_rng(2)
X = rng.normal(size=(150, 2))
noise = rng.normal(0, 1, 150)
y = (X.sum(axis=1) + noise > 0) * 1
# 100 of the rows were exported twice
twice = rng.choice(150, 100, replace=False)
Xd = np.vstack([X, X[twice]])
yd = np.concatenate([y, y[twice]])

def nn_accuracy(X, y, seed):  # 1 neighbour
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(y))
    cut = len(y) // 5
    te, tr = order[:cut], order[cut:]
    gap = X[te][:, None] - X[tr]
    d = np.linalg.norm(gap, axis=2)
    guess = y[tr][d.argmin(axis=1)]
    return np.mean(guess == y[te])

_, first = np.unique(Xd, axis=0,
                     return_index=True)
Xu, yu = Xd[first], yd[first]
a = np.mean([nn_accuracy(Xd, yd, s)
             for s in range(20)])
b = np.mean([nn_accuracy(Xu, yu, s)
             for s in range(20)])
print(f"{len(Xd)} rows, {len(Xu)} distinct")
print(f"with copies:  {a:.2f}")
print(f"deduplicated: {b:.2f}")
""",
            output="""\
250 rows, 150 distinct
with copies:  0.88
deduplicated: 0.71
""",
        ),
        Prose("""\
With the copies, about two test rows in three have a
twin in training, and the score rises from 0.71 to
0.88. New customers have no twin.

**The fix:** remove exact duplicates *before*
splitting (`np.unique(X, axis=0)`, pandas'
`drop_duplicates`). When several rows belong to one
thing (one customer's many loans, one patient's many
scans), keep them together: split by customer, so all
of a customer's rows land on one side (scikit-learn:
`GroupShuffleSplit`).
"""),
    ),
)
