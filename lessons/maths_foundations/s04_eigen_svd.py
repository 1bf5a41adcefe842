"""Section 4: eigenvalues, eigenvectors, PCA and the SVD."""

from tutor.lesson import Checkpoint, Choice, Example, Numeric, Prose, Section

from lessons.maths_foundations import figures

SECTION = Section(
    id="eigen",
    title="Eigenvalues and SVD",
    blocks=(
        Prose("""\
Multiply a vector by a square matrix and it usually
turns as well as changing length. A few special
directions only get **stretched**:

A v = λ v

Such a v (not zero) is an **eigenvector** of A and the
number λ is its **eigenvalue**, the stretch factor.
λ > 1 lengthens, 0 < λ < 1 shrinks, a negative λ flips
the vector round.

Take S = [[3, 1], [1, 3]]. It has eigenvalues 4 and 2,
with eigenvectors along (1, 1) and (1, −1).
"""),
        Checkpoint(Choice(
            id="cp_stay_on_line",
            section="eigen",
            skill="eigen_2x2",
            prompt=(
                "Predict: S = [[3, 1], [1, 3]]. Which of (1, 1), (1, −1) and (1, 0) "
                "stay on their own line when S acts on them?"
            ),
            options=(
                "(1, 1) and (1, −1), but not (1, 0)",
                "Only (1, 0): it lies along an axis",
                "All three: S only stretches",
                "Only (1, 1): the other two turn",
            ),
            answer=0,
            explanation=(
                "S(1, 1) = (3 + 1, 1 + 3) = (4, 4), four times (1, 1); "
                "S(1, −1) = (3 − 1, 1 − 3) = (2, −2), twice (1, −1); but S(1, 0) = (3, 1), "
                "S's first column, which points off the x-axis. An axis is an "
                "eigen-direction only when the matrix is diagonal. The listing below "
                "prints all three images, and the explorable after it draws S's two "
                "eigen-directions."
            ),
        )),
        Example(
            title="Directions that only stretch",
            code="""\
import numpy as np

S = np.array([[3.0, 1.0],
              [1.0, 3.0]])

for v in ([1, 1], [1, -1], [1, 0]):
    print(v, "->", S @ np.asarray(v, float))

lams, vecs = np.linalg.eigh(S)  # ascending
order = np.argsort(-lams)  # largest first
lams, vecs = lams[order], vecs[:, order]
vecs *= np.sign(vecs[0])  # fix the signs
print("eigenvalues:", lams)
print(vecs.round(4))
print(np.allclose(S @ vecs, vecs * lams))
""",
            output="""\
[1, 1] -> [4. 4.]
[1, -1] -> [ 2. -2.]
[1, 0] -> [3. 1.]
eigenvalues: [4. 2.]
[[ 0.7071  0.7071]
 [ 0.7071 -0.7071]]
True
""",
        ),
        figures.TRANSFORM,
        Prose("""\
(1, 1) comes back as (4, 4): same line, four times as
long. (1, −1) comes back doubled. (1, 0) turns into
(3, 1), off its own line, so it is no eigenvector. Any
vector is a mix of the two eigen-directions, and S
stretches one part by 4 and the other by 2. The columns
of `vecs` are those directions scaled to length 1
(1/√2 ≈ 0.7071). Their signs are arbitrary, so the
code flips each to start positive.

**Mind the order.** `np.linalg.eig` handles any square
matrix but promises no order for its eigenvalues (and
may return complex numbers). For a **symmetric** matrix,
and every covariance matrix is one, use
`np.linalg.eigh`: real results, eigenvalues ascending,
eigenvectors as orthonormal columns. Sort explicitly
before you talk about "the largest".

### The determinant as an area factor

The explorable prints `det M` under the picture. For a
2 × 2 matrix

det [[a, b], [c, d]] = ad − bc

and it answers one question: **by what factor does M
multiply areas?** The unit square, with sides (1, 0)
and (0, 1), lands on the parallelogram whose sides are
M's columns (a, c) and (b, d), and that parallelogram
has area |ad − bc|. Every other shape is scaled by the
same factor, so the unit circle, area π, becomes an
ellipse of area |det M| · π. For S, det = 3·3 − 1·1 =
8: the ellipse holds eight circles' worth of area. (The
determinant is also the product of the eigenvalues,
4 · 2 = 8.)

- **The sign** says whether M keeps the plane's
  orientation. det < 0 means a flip, as in a mirror:
  [[0, 1], [1, 0]] swaps x and y, keeps every area and
  has det −1.
- **Zero** means a collapse. det [[1, 2], [2, 4]] = 0:
  the second column is twice the first, so the whole
  plane is squashed onto one line and every area
  becomes 0. A collapse cannot be undone (many points
  land on the same one), so M has no inverse, and
  M x = b has no solution or infinitely many.
"""),
        figures.DETERMINANT,
        Checkpoint(Numeric(
            id="cp_shear_area",
            section="eigen",
            skill="determinant_area",
            prompt=(
                "Predict: the shear [[1, 1], [0, 1]] slides each point sideways by its "
                "height. By what factor does it multiply areas?"
            ),
            answer=1,
            tolerance=0,
            explanation=(
                "det = 1·1 − 1·0 = 1. The unit square becomes a slanted parallelogram "
                "with the same base and the same height, so its area stays 1: the shape "
                "changes, the area does not. The listing below prints shear det +1.0."
            ),
        )),
        Example(
            title="Four determinants, one shear",
            code="""\
import numpy as np

maps = {
    "S":        [[3, 1], [1, 3]],
    "mirror":   [[0, 1], [1, 0]],
    "shear":    [[1, 1], [0, 1]],
    "collapse": [[1, 2], [2, 4]],
}
for name, M in maps.items():
    det = np.linalg.det(np.array(M, float))
    print(f"{name:8} det {det:+.1f}")

# the shear: eig gives two columns...
lams, vecs = np.linalg.eig(maps["shear"])
print("shear eigenvalues:", lams)
# ...but they lie on one line
rank = np.linalg.matrix_rank(vecs)
print("directions:", rank)
""",
            output="""\
S        det +8.0
mirror   det -1.0
shear    det +1.0
collapse det +0.0
shear eigenvalues: [1. 1.]
directions: 1
""",
        ),
        Prose("""\
**A shear has one eigen-direction.** Set the explorable
to the shear [[1, 1], [0, 1]]: it slides each point
sideways by its height. It lists two eigenvalues, both
1, along the same direction (1, 0). That is not a
repeat by mistake. Points on the x-axis do not move, so
(1, 0) is an eigenvector; every vector with a y part
is pushed off its own line, so there is no second
eigen-direction at all. `eig` still returns two
columns, because it always returns n of them, but here
they are parallel up to rounding, and
`matrix_rank(vecs)` is 1. A matrix like this, with too
few eigen-directions to build a basis, is called
**defective**; no change of basis makes it diagonal. A
symmetric matrix is never defective, which is one more
reason to reach for `eigh` when you can.

**Why a singular XᵀX has no unique fit.** Section 7
solves XᵀX w = Xᵀy. If one column of X is a multiple of
another, say a flat's area in m² and again in dm², then
some w ≠ 0 gives Xw = 0, XᵀX collapses that direction
and det XᵀX = 0. Adding any multiple of that w to a fit
leaves every prediction unchanged, so infinitely many
weight vectors fit equally well. `solve` then raises
`LinAlgError`, or, if rounding leaves XᵀX barely
invertible, returns huge weights that cancel out.
"""),
        Example(
            title="A repeated feature, no unique fit",
            code="""\
import numpy as np

# one area in m², then again in dm²
m2 = np.array([50.0, 80.0, 120.0, 65.0])
X = np.column_stack([np.ones(4), m2, 100*m2])
rank = np.linalg.matrix_rank(X.T @ X)
print("rank of XᵀX:", rank)

w = np.array([1.0, 2.0, 0.0])
v = np.array([0.0, 100.0, -1.0])  # X @ v = 0
for t in (0, 1, 5):
    same = np.allclose(X @ (w + t * v), X @ w)
    print(f"w + {t}v: same fit {same}")
""",
            output="""\
rank of XᵀX: 2
w + 0v: same fit True
w + 1v: same fit True
w + 5v: same fit True
""",
        ),
        Prose("""\
XᵀX is (3, 3) but has rank 2: one direction of w is
invisible to the data. Drop the duplicate column, or
add Ridge's αI (section 9), which makes every
eigenvalue of XᵀX + αI at least α, so the determinant
is no longer 0.

### PCA

**Principal component analysis** is an
eigen-decomposition of the data's **covariance
matrix**. Its eigenvectors are the principal axes, and
each eigenvalue is the variance of the data along its
axis. So the data is most spread out along the
eigenvector whose eigenvalue is biggest.
Keeping the top few axes shrinks the number of features
while losing little variance.
"""),
        Example(
            title="PCA on a cloud of points",
            code="""\
import numpy as np

rng = np.random.default_rng(7)
t = rng.normal(size=500)
cloud = np.column_stack([t, 0.5 * t])
cloud += rng.normal(scale=0.2, size=(500, 2))

cov = np.cov(cloud, rowvar=False)
lams, vecs = np.linalg.eigh(cov)
top = vecs[:, -1]        # largest is last
top *= np.sign(top[0])   # fix the sign
share = lams[-1] / lams.sum()
print("variances:", lams[::-1].round(3))
print("main axis:", top.round(3))
print(f"explained: {share:.1%}")
""",
            output="""\
variances: [1.174 0.04 ]
main axis: [0.895 0.446]
explained: 96.7%
""",
        ),
        figures.PCA,
        Prose("""\
The points were built along the line y = x/2, whose
unit direction is

(2, 1)/√5 ≈ (0.894, 0.447)

and PCA recovers it from the data alone, to within the
noise.

### SVD

Eigenvectors need a square matrix. The **singular value
decomposition** works for any shape (m, n):

M = U Σ Vᵀ

- U, shape (m, m), and V, shape (n, n), have
  orthonormal columns (rotations or reflections)
- Σ is diagonal; its entries are the **singular
  values** σ₁ ≥ σ₂ ≥ … ≥ 0, sorted largest first

Read right to left: rotate, stretch along the axes,
rotate again. The singular values of M are the square
roots of the eigenvalues of MᵀM, which ties SVD back to
PCA.

In real data the singular values usually fall fast, so
the top few carry most of the information. Keeping only
the top r gives the best possible rank-r approximation
of M (the Eckart–Young theorem). That is the engine of:

- **image compression**: keep r columns of U and V and
  r numbers instead of every pixel
- **recommender systems**: a users × items ratings
  table ≈ user factors × item factors
- **low-rank approximation** in general: denoising,
  latent semantic analysis, LoRA fine-tuning of large
  language models
"""),
        Example(
            title="A ratings table at rank 2",
            code="""\
import numpy as np

# 4 viewers x 5 films, scores 1-5
R = np.array([[5, 4, 1, 1, 2],
              [4, 5, 2, 1, 1],
              [1, 1, 5, 4, 5],
              [2, 1, 4, 5, 4]], dtype=float)

U, sv, Vt = np.linalg.svd(R)
print("singular values:", sv.round(2))
r = 2
R2 = (U[:, :r] * sv[:r]) @ Vt[:r]
kept = (sv[:r] ** 2).sum() / (sv ** 2).sum()
worst = np.abs(R - R2).max()
print(f"rank {r} keeps {kept:.1%}"
      " of the energy")
print(f"worst error: {worst:.2f}")
print(R2.round(1))
""",
            output="""\
singular values: [13.08  7.01  1.55  1.14]
rank 2 keeps 98.4% of the energy
worst error: 0.70
[[4.5 4.5 1.5 1.1 1.5]
 [4.5 4.5 1.5 1.  1.5]
 [1.3 0.8 4.7 4.6 4.7]
 [1.7 1.2 4.4 4.3 4.4]]
""",
        ),
        Prose("""\
The **energy** is Σσᵢ², the sum of all squared
entries. Two numbers per viewer and per film (think
"likes action", "likes drama") keep over 98% of it and
rebuild all twenty scores to within 0.704 of a point
(printed to two places as 0.70).

A real ratings table is mostly *empty*: each viewer has
scored a handful of the films. A plain SVD needs every
entry, and filling the gaps with zeros would teach the
model that unseen means hated. So recommenders keep the
idea, not the routine: they choose a factor vector for
each user and each item that fits the *known* ratings
only (by alternating least squares or gradient
descent), then predict a missing score as the dot
product of the two factors.
"""),
        Checkpoint(Numeric(
            id="cp_svd_storage",
            section="eigen",
            skill="svd_low_rank",
            prompt=(
                "Predict: the explorable below keeps a 32 × 32 picture at rank 4: 4 "
                "columns of U, 4 singular values and 4 rows of Vᵀ. How many numbers is that?"
            ),
            answer=260,
            tolerance=0,
            explanation=(
                "k(m + n + 1) = 4 · (32 + 32 + 1) = 260, about a quarter of the 1,024 "
                "pixels. Each rank-one layer σ u vᵀ costs a column of U, a row of Vᵀ and "
                "one number. The explorable below prints this count as numbers kept; "
                "each step of k adds 65."
            ),
        )),
        figures.SVD,
    ),
)
