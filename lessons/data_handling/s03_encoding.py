"""Section 3: ordinal and one-hot encoding, the dummy-variable trap, and categories seen only later."""

from tutor.lesson import Checkpoint, Example, Numeric, Prose, Section

from lessons.data_handling.exercises import ONE_HOT

SECTION = Section(
    id="encoding",
    title="Encoding categories",
    blocks=(
        Prose("""\
A model multiplies and adds, so a column of words must
become numbers. How depends on whether the categories
have an order.

### Ordered categories: ordinal codes

Clothing sizes S < M < L < XL have a real order. Give
each its place in that order: S = 0, M = 1, L = 2,
XL = 3. This is **ordinal encoding** (scikit-learn:
`OrdinalEncoder`). Write the order down yourself: left
to sort the words, a computer puts L first, because it
sorts them as text.
"""),
        Example(
            title="Sizes in their real order",
            code="""\
import numpy as np

sizes = np.array(["M", "XL", "S", "L", "M"])
order = ["S", "M", "L", "XL"]  # real order
code = {s: i for i, s in enumerate(order)}
print([code[s] for s in sizes])

# sorted as text, the order is lost
print(np.unique(sizes))
""",
            output="""\
[1, 3, 0, 2, 1]
['L' 'M' 'S' 'XL']
""",
        ),
        Prose("""\
`OrdinalEncoder` also sorts as text unless you pass
the order as its `categories`.

### Unordered categories: codes invent an order

Cities have no order. Code Leeds = 0, York = 1,
Hull = 2 anyway, and a linear model with one weight for
that column must predict York exactly halfway between
Leeds and Hull. Here are six monthly rents:
"""),
        Example(
            title="A line through city codes",
            code="""\
import numpy as np

city = np.array(["Leeds", "York", "Hull",
                 "York", "Leeds", "Hull"])
rent = np.array([700.0, 900, 520,
                 980, 760, 560])
CITIES = ["Leeds", "York", "Hull"]

# ordinal codes for cities: 0, 1, 2
codes = np.array([CITIES.index(c)
                  for c in city])
X = np.column_stack([np.ones(6), codes])
w = np.linalg.solve(X.T @ X, X.T @ rent)
for k, name in enumerate(CITIES):
    mean = rent[city == name].mean()
    line = w[0] + w[1] * k
    print(f"{name:5}  mean {mean:.0f}"
          f"  line {line:.0f}")
""",
            output="""\
Leeds  mean 730  line 832
York   mean 940  line 737
Hull   mean 540  line 642
""",
        ),
        Prose("""\
The rents average 730, 940 and 540, but the best line
through the codes gives 832, 737 and 642: evenly
spaced, and York, the dearest, lands in the middle.
Another order of the codes would give other, equally
arbitrary answers.

### One-hot encoding

**One-hot encoding** gives every category its own 0/1
column: Leeds is (1, 0, 0), York (0, 1, 0), Hull
(0, 0, 1). Each city now gets a weight of its own, and
no order is implied (scikit-learn: `OneHotEncoder`;
pandas: `get_dummies`).

The list of categories is learned from the training
rows and then fixed, like a scaler's mean. A city
that first appears in the test set, Bath say, matches
no column and gets a row of zeros (what
`OneHotEncoder(handle_unknown="ignore")` does).
"""),
        Example(
            title="One-hot, from scratch and in one line",
            code="""\
import numpy as np

CITIES = ["Leeds", "York", "Hull"]  # train

def one_hot(values):
    out = np.zeros((len(values), len(CITIES)))
    for i, v in enumerate(values):
        if v in CITIES:  # else: a row of 0s
            out[i, CITIES.index(v)] = 1.0
    return out

test = np.array(["York", "Bath", "Leeds"])
print(one_hot(test))
# numpy: compare every value with every city
cats = np.array(CITIES)
table = (test[:, None] == cats) * 1.0
print(np.array_equal(table, one_hot(test)))
""",
            output="""\
[[0. 1. 0.]
 [0. 0. 0.]
 [1. 0. 0.]]
True
""",
        ),
        Prose("""\
`test[:, None] == cats` compares a (3, 1) column with
a (3,) row, and broadcasting (Lesson 2, pitfall 2)
makes it the (3, 3) table of every pair: exactly the
one-hot table, as booleans.

### The dummy-variable trap

Put the three city columns in a design matrix X next
to the bias column of ones, as Lesson 2 did for the
normal equation. In every row exactly one city column
is 1, so the three city columns **add up to the bias
column**.
"""),
        Checkpoint(Numeric(
            id="cp_dummy_rank",
            section="encoding",
            skill="dh_dummy_trap",
            prompt=(
                "Predict: X has a bias column and the three one-hot city columns, six rows in "
                "all. XᵀX is 4 × 4. What is its rank?"
            ),
            answer=3,
            tolerance=0,
            explanation=(
                "The city columns add up to the bias column, so only 3 of the 4 columns are "
                "independent: rank(XᵀX) = rank(X) = 3, one short of full, and det(XᵀX) = 0."
            ),
        )),
        Example(
            title="One-hot plus a bias: singular",
            code="""\
import numpy as np

city = np.array(["Leeds", "York", "Hull",
                 "York", "Leeds", "Hull"])
CITIES = np.array(["Leeds", "York", "Hull"])
onehot = (city[:, None] == CITIES) * 1.0

X = np.column_stack([np.ones(6), onehot])
G = X.T @ X
print("rank:", np.linalg.matrix_rank(G))
det = np.linalg.det(G)
print("det is 0 up to rounding:",
      abs(det) < 1e-9)

# bias minus the three city columns
v = np.array([1.0, -1, -1, -1])
print("X @ v =", X @ v)
""",
            output="""\
rank: 3
det is 0 up to rounding: True
X @ v = [0. 0. 0. 0. 0. 0.]
""",
        ),
        Prose("""\
Lesson 2 showed what a zero determinant means: XᵀX has
no inverse, and the normal equation XᵀX w = Xᵀy has no
single answer. Here X v = 0, so the weights w and
w + t·v predict exactly the same for every t: add 100
to the bias and take 100 off each city, and nothing
changes. Least squares cannot choose. `np.linalg.solve`
may still return numbers, but with a determinant that
is zero up to rounding, they are rounding noise.

The cure is to remove the redundancy. **Drop one city
column** (`OneHotEncoder(drop="first")`, or pandas'
`get_dummies(drop_first=True)`): the dropped city
becomes the baseline, the bias is its mean, and each
remaining weight is a city's difference from it.
Alternatively keep all three and drop the bias column;
a penalty such as Ridge's α‖w‖² also makes XᵀX + αI
invertible.
"""),
        Example(
            title="Drop one column: a baseline",
            code="""\
import numpy as np

city = np.array(["Leeds", "York", "Hull",
                 "York", "Leeds", "Hull"])
rent = np.array([700.0, 900, 520,
                 980, 760, 560])
CITIES = np.array(["Leeds", "York", "Hull"])
onehot = (city[:, None] == CITIES) * 1.0

# drop Leeds: it becomes the baseline
X = np.column_stack([np.ones(6),
                     onehot[:, 1:]])
G = X.T @ X
print("rank:", np.linalg.matrix_rank(G))
print("w =", np.linalg.solve(G, X.T @ rent))
""",
            output="""\
rank: 3
w = [ 730.  210. -190.]
""",
        ),
        Prose("""\
The bias is 730, Leeds's mean rent; York adds 210
(940) and Hull takes 190 off (540). Each city's mean
rent comes back exactly, which is what a separate
weight per city allows.

### Categories seen only at test time

With all k columns kept, an unseen city becomes a row
of zeros: "none of the cities I know", and the model
predicts from the other columns alone. With a baseline
dropped, a row of zeros already *means* the baseline
city, so an unseen city is silently treated as Leeds.
Decide which you want. A common fix is to map rare and
unseen categories to one extra column, "other",
learned from the rare categories of the training rows.
"""),
        ONE_HOT,
    ),
)
