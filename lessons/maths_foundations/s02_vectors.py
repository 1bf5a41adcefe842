"""Section 2: vectors, the dot product and its geometry."""

from tutor.lesson import Checkpoint, Choice, Example, Numeric, Prose, Section

from lessons.maths_foundations.exercises import DOT

SECTION = Section(
    id="vectors",
    title="Vectors, dot product",
    blocks=(
        Prose("""\
A **vector** is a list of numbers whose order matters. In machine
learning one example (a flat, a patient, a sentence) is
nearly always stored as a vector called its **feature
vector**. Describe a flat by floor area in m², number of
rooms and distance to the station in km, and one flat
becomes the point x = (68, 3, 1.2) in three dimensions.

The order is a contract: the first entry means floor
area for every flat. A data set of n examples with d features is
therefore a table of n rows and d columns.

### The dot product

The **dot product** of two vectors of equal length pairs
up their entries, multiplies each pair and adds the
results:

a·b = a₁b₁ + a₂b₂ + … + aₙbₙ = Σᵢ aᵢbᵢ

The answer is a single number, a **scalar**:

(1, 2, 3)·(4, 5, 6) = 4 + 10 + 18 = 32
"""),
        Example(
            title="One dot product, four ways",
            code="""\
import numpy as np

u = np.array([1.0, 2.0, 3.0])
v = np.array([4.0, 5.0, 6.0])

# by hand: pair up, multiply, add
total = 0.0
for ui, vi in zip(u, v):
    total += ui * vi

print(total)
print(np.dot(u, v))
print(u @ v)            # the @ operator
print(np.sum(u * v))    # multiply, then sum
""",
            output="""\
32.0
32.0
32.0
32.0
""",
        ),
        Prose("""\
### The geometry

The same number has a picture. With ‖a‖ = √(a·a) the
length of a and θ the angle between the two vectors:

a·b = ‖a‖ ‖b‖ cos θ

- pointing the same way: cos θ = 1, the product is
  as large as it can be
- at right angles (**orthogonal**): the product is 0
- pointing apart: the product is negative

Divide out the lengths and you get the **cosine
similarity**, cos θ = a·b / (‖a‖ ‖b‖), a score from −1
to 1 that compares directions and ignores size. Search
engines, recommenders and text-embedding models rank
results by it.
"""),
        Checkpoint(Choice(
            id="cp_cat_truck",
            section="vectors",
            skill="dot_product",
            prompt=(
                "Predict before you run it: every entry of cat = (0.9, 0.8, 0.1) and "
                "truck = (0.1, 0.2, 0.9) is positive. What will their cosine similarity be?"
            ),
            options=(
                "Between 0 and 1: the angle is under 90°",
                "Exactly 0: a cat and a truck have nothing in common",
                "Negative: the two point apart",
                "Exactly 1: both have the same three features",
            ),
            answer=0,
            explanation=(
                "With no negative entries every product aᵢbᵢ is positive, so "
                "cat·truck = 0.09 + 0.16 + 0.09 = 0.34 > 0 and the angle is under 90°. "
                "Exactly 0 would need products that cancel, and a negative score needs "
                "entries of opposite sign. The listing below prints 0.303 for cat and "
                "truck, an angle of 72.3°, against 0.990 for cat and kitten."
            ),
        )),
        Example(
            title="Cosine similarity of embeddings",
            code="""\
import numpy as np
from numpy.linalg import norm

def cosine(p, q):
    return p @ q / (norm(p) * norm(q))

# toy 3-d "embeddings": furry, small, metal
cat = np.array([0.9, 0.8, 0.1])
kitten = np.array([0.8, 0.9, 0.2])
truck = np.array([0.1, 0.2, 0.9])

ck = cosine(cat, kitten)
ct = cosine(cat, truck)
print(f"cat vs kitten {ck:.3f}")
print(f"cat vs truck  {ct:.3f}")
angle = np.degrees(np.arccos(ct))
print(f"cat/truck angle {angle:.1f} deg")
""",
            output="""\
cat vs kitten 0.990
cat vs truck  0.303
cat/truck angle 72.3 deg
""",
        ),
        Prose("""\
### Where you will meet it

- **Linear regression** predicts ŷ = w·x + b: one
  weight per feature, a weighted sum, plus a bias.
- **Every neuron** computes the same w·x + b before its
  activation. A network's forward pass is long chains
  of dot products, which is why GPUs are built to do
  little else.
- **Attention** in transformers scores each query
  against each key with a dot product.
"""),
        Checkpoint(Numeric(
            id="cp_flat_price",
            section="vectors",
            skill="dot_product",
            prompt=(
                "Predict: a flat x = (68, 3, 1.2), weights w = (2.4, 5.0, −8.0) and "
                "bias b = 40. What is ŷ = w·x + b, in thousands?"
            ),
            answer=208.6,
            tolerance=0.05,
            explanation=(
                "w·x = 2.4·68 + 5·3 + (−8)·1.2 = 163.2 + 15 − 9.6 = 168.6, and adding "
                "the bias gives 208.6. The negative weight on distance lowers the price: "
                "each km from the station costs 8 thousand. The listing below prints "
                "predicted price: 208.6k."
            ),
        )),
        Example(
            title="A regression prediction",
            code="""\
import numpy as np

# area m², rooms, km to the station
flat = np.array([68.0, 3.0, 1.2])
# price effect of one unit of each (thousands)
w = np.array([2.4, 5.0, -8.0])
b = 40.0

y_hat = w @ flat + b
print(f"predicted price: {y_hat:.1f}k")
""",
            output="""\
predicted price: 208.6k
""",
        ),
        DOT,
    ),
)
