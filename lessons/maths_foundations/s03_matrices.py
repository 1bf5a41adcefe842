"""Section 3: matrices, the shape rule and matrix multiplication."""

from tutor.lesson import Checkpoint, Example, Numeric, Prose, Section, Shape

from lessons.maths_foundations import figures
from lessons.maths_foundations.exercises import MATMUL

SECTION = Section(
    id="matrices",
    title="Matrix products",
    blocks=(
        Prose("""\
A **matrix** is a rectangular grid of numbers: an array
with two axes. With m rows and n columns its **shape**
is (m, n), and A[i, j] is the entry in row i, column j.
A data set is a matrix too, one row per example and one
column per feature.

### Two rules

**The shape rule.** A @ B exists only when the inner
sizes agree, and the product keeps the outer ones:

(m, k) @ (k, n) → (m, n)

**The entry rule.** Each entry of C = A @ B is a dot
product of a row of A with a column of B:

C[i, j] = Σₜ A[i, t] · B[t, j]

So a matrix product is a whole table of dot products,
one for every (row, column) pair.
"""),
        Checkpoint(Shape(
            id="cp_pq_shape",
            section="matrices",
            skill="matmul_shape",
            prompt="Predict: P has shape (3, 2) and Q has shape (2, 3). What shape will P @ Q have?",
            answer=(3, 3),
            explanation=(
                "The inner sizes, 2 and 2, agree and drop out; the outer ones stay: "
                "(3, 2) @ (2, 3) → (3, 3), nine entries, each a dot product of length 2. "
                "Keeping the inner sizes, (2, 2), is the usual slip: that is the shape of "
                "Q @ P. The listing below prints the shape, and the stepper after it "
                "fills PQ one entry at a time."
            ),
        )),
        Example(
            title="A (3, 2) times a (2, 3)",
            code="""\
import numpy as np

P = np.array([[1, 2],
              [3, 4],
              [5, 6]])
Q = np.array([[7, 8, 9],
              [10, 11, 12]])

PQ = P @ Q
print(P.shape, "@", Q.shape, "->", PQ.shape)
print(PQ)
# one entry: row 1 of P with column 2 of Q
print(P[1] @ Q[:, 2], "==", PQ[1, 2])
""",
            output="""\
(3, 2) @ (2, 3) -> (3, 3)
[[ 27  30  33]
 [ 61  68  75]
 [ 95 106 117]]
75 == 75
""",
        ),
        Checkpoint(Numeric(
            id="cp_stepper_products",
            section="matrices",
            skill="matmul_entry",
            prompt=(
                "Predict: the stepper below fills PQ one entry at a time. How many "
                "multiplications does it do in all?"
            ),
            answer=18,
            tolerance=0,
            explanation=(
                "PQ has 3 · 3 = 9 entries, and each pairs a row of P with a column of Q, "
                "two numbers long: 9 · 2 = 18 multiplications, m·n·k with m = 3, n = 3 "
                "and k = 2. Nine is the number of steps, not of products: step through "
                "the stepper below and each step shows its two."
            ),
        )),
        figures.MATMUL,
        Prose("""\
Row 0 of P is (1, 2) and column 0 of Q is (7, 10), so
the top-left entry is 1·7 + 2·10 = 27. Order matters:
Q @ P is a (2, 2) matrix, a different thing entirely.

### From scratch

Written out by hand the entry rule becomes three nested
loops: pick a row, pick a column, walk along both.
"""),
        Example(
            title="Matrix multiplication by hand",
            code="""\
import numpy as np

def matmul(P, Q):
    rows, inner = len(P), len(P[0])
    if len(Q) != inner:
        raise ValueError("inner sizes differ")
    cols = len(Q[0])
    out = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        for j in range(cols):
            for t in range(inner):
                out[i][j] += P[i][t] * Q[t][j]
    return out

P = [[1, 2], [3, 4], [5, 6]]
Q = [[7, 8, 9], [10, 11, 12]]
mine = matmul(P, Q)
for row in mine:
    print(row)
same = np.array_equal(mine, np.array(P) @ Q)
print("matches @:", same)
""",
            output="""\
[27, 30, 33]
[61, 68, 75]
[95, 106, 117]
matches @: True
""",
        ),
        MATMUL,
        Prose("""\
The loops perform m·n·k multiply-adds: a billion for two
1000 × 1000 matrices. NumPy passes `@` to an optimised
**BLAS** library that does the same arithmetic with
vector instructions and several cores, hundreds of
times faster than Python loops.

### Products chain transformations

A matrix transforms vectors, and multiplying matrices
composes the transformations: A(Bx) = (AB)x. One
consequence matters a lot in deep learning: two linear
layers with no activation between them collapse into a
single matrix. The non-linear **activation** is what
lets depth add power.

### A dense layer

A fully connected layer with weights W of shape
(units, inputs) and bias b computes

h = activation(W x + b)

Row i of W holds the weights of unit i, so each output
is one dot product plus a bias.

**Batching.** Stack a batch of examples as the rows of
X, shape (batch, inputs). Then X Wᵀ + b, shape
(batch, units), pushes the whole batch through in one
product; b is **broadcast** across the rows. This is how
every framework feeds data through a network.
"""),
        Example(
            title="A dense layer, one and many",
            code="""\
import numpy as np

rng = np.random.default_rng(0)
# 4 units, each with 3 input weights
W = rng.normal(size=(4, 3))
b = np.full(4, 0.1)

def relu(z):
    return np.maximum(z, 0.0)

x = np.array([0.5, -1.0, 2.0])
print(relu(W @ x + b).shape)    # one example

X = rng.normal(size=(8, 3))     # a batch of 8
H = relu(X @ W.T + b)
print(H.shape)
print(np.allclose(H[5], relu(W @ X[5] + b)))
""",
            output="""\
(4,)
(8, 4)
True
""",
        ),
    ),
)
