"""Section 5: derivatives, numerical checks, gradients and descent."""

from tutor.lesson import Checkpoint, Choice, Example, Numeric, Prose, Section

from lessons.maths_foundations import figures
from lessons.maths_foundations.exercises import BACKPROP, DERIVATIVE

SECTION = Section(
    id="derivatives",
    title="Slopes and gradients",
    blocks=(
        Prose("""\
A **derivative** measures how sensitive a function's
output is to its input at one point. Nudge the input x
by a tiny amount h and the output moves by about
f′(x)·h. On a graph, f′(x) is the **slope** of the
tangent line at x. Formally:

f′(x) = limit as h → 0 of (f(x + h) − f(x)) / h

Take f(x) = x², whose derivative is f′(x) = 2x. At
the point 3 the slope is f′(3) = 6, so for a small
step h:

f(3 + h) ≈ 9 + 6h

The exact value is 9 + 6h + h²; the leftover h² shrinks
much faster than h does.
"""),
        figures.DERIVATIVE_FIGURE,
        Example(
            title="Nudging x = 3",
            code="""\
def f(x):
    return x ** 2

for h in (0.1, 0.01, 0.001):
    exact = f(3 + h)
    tangent = 9 + 6 * h
    print(f"h={h:<6} f(3+h)={exact:.6f}"
          f"  9+6h={tangent:.6f}")
""",
            output="""\
h=0.1    f(3+h)=9.610000  9+6h=9.600000
h=0.01   f(3+h)=9.060100  9+6h=9.060000
h=0.001  f(3+h)=9.006001  9+6h=9.006000
""",
        ),
        Prose("""\
### Checking a derivative numerically

You can estimate any derivative without calculus. The
**central difference**

f′(x) ≈ (f(x + h) − f(x − h)) / 2h

has an error proportional to h², so h around 10⁻⁵ gives
many correct digits. Comparing it with a hand-derived
formula is called a **gradient check**; it is the
standard test for a hand-written backward pass.
"""),
        Checkpoint(Numeric(
            id="cp_central_square",
            section="derivatives",
            skill="central_difference",
            prompt=(
                "Predict: for f(x) = x², what does the central difference "
                "(f(3 + h) − f(3 − h)) / 2h give with h = 10⁻⁵? Six decimal places."
            ),
            answer=6,
            tolerance=5e-7,
            explanation=(
                "(3 + h)² − (3 − h)² = 12h, so the quotient is 12h / 2h = 6 for every h: "
                "on a quadratic the central difference has no error at all, apart from "
                "rounding. The listing below prints 6.000000 beside 2x at x = 3."
            ),
        )),
        Example(
            title="Analytic against numerical",
            code="""\
import numpy as np

def slope(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)

def square(x):
    return x ** 2

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

for x in (-1.0, 0.5, 3.0):
    print(f"x={x:4}  2x={2 * x:9.6f}  "
          f"numeric={slope(square, x):9.6f}")

s = sigmoid(0.8)
rule = s * (1 - s)     # the textbook rule
numeric = slope(sigmoid, 0.8)
print(f"sigmoid' rule    {rule:.6f}")
print(f"sigmoid' numeric {numeric:.6f}")
""",
            output="""\
x=-1.0  2x=-2.000000  numeric=-2.000000
x= 0.5  2x= 1.000000  numeric= 1.000000
x= 3.0  2x= 6.000000  numeric= 6.000000
sigmoid' rule    0.213910
sigmoid' numeric 0.213910
""",
        ),
        figures.TANGENT,
        Prose("""\
### Gradients

A model's loss depends on many parameters at once. The
**partial derivative** ∂L/∂wᵢ nudges one parameter and
holds the rest still. Stack all of them and you have
the **gradient**:

∇L = (∂L/∂w₁, ∂L/∂w₂, …, ∂L/∂wₙ)

Of all directions, the gradient is the one along which
L climbs fastest (**steepest ascent**), and its length
says how steep that climb is. To
go downhill you step the opposite way. That is
**gradient descent**, with a learning rate η:

w ← w − η ∇L(w)

### Where it appears

- **Training** nearly every model: linear and logistic
  regression, neural networks, even gradient-boosted
  trees, which fit each new tree to a gradient.
- **Backpropagation** is the chain rule applied layer by
  layer, so the gradient for millions of weights costs
  about as much as one extra forward pass.
"""),
        Checkpoint(Choice(
            id="cp_gradient_at_zero",
            section="derivatives",
            skill="gradient",
            prompt="Predict: L(w) = (w₀ − 3)² + 2(w₁ + 1)². What is the gradient ∇L at w = (0, 0)?",
            options=("(−6, 4)", "(6, −4)", "(−6, 2)", "(9, 2)"),
            answer=0,
            explanation=(
                "∂L/∂w₀ = 2(w₀ − 3) = −6 and ∂L/∂w₁ = 2·2(w₁ + 1) = 4, so ∇L = (−6, 4). "
                "(9, 2) holds the values of the two terms, not their slopes; (6, −4) is "
                "−∇L, the way a descent step goes; (−6, 2) drops the 2 in front of the "
                "second term. The listing below prints analytic: [-6.  4.] and the same "
                "from central differences."
            ),
        )),
        Example(
            title="A gradient, checked, then followed",
            code="""\
import numpy as np

def loss(w):
    return (w[0] - 3)**2 + 2 * (w[1] + 1)**2

def grad(w):   # the two partial derivatives
    return np.array([2 * (w[0] - 3),
                     4 * (w[1] + 1)])

w = np.array([0.0, 0.0])
h = 1e-6
num = [(loss(w + h*e) - loss(w - h*e)) / (2*h)
       for e in np.eye(2)]
print("analytic:", grad(w))
print("numeric: ", np.round(num, 4))

for step in range(50):
    w = w - 0.1 * grad(w)      # downhill
print("minimum near", w.round(4))
print(f"loss there {loss(w):.2e}")
""",
            output="""\
analytic: [-6.  4.]
numeric:  [-6.  4.]
minimum near [ 3. -1.]
loss there 1.83e-09
""",
        ),
        Prose("""\
The loss is smallest at w = (3, −1), where both partial
derivatives vanish; fifty small steps against the
gradient land there. Training a network is the same
loop with a loss nobody can minimise on paper.
"""),
        DERIVATIVE,
        Prose("""\
### The chain rule as backpropagation

A network is a chain of simple steps, and the **chain
rule** says how to differentiate a chain: if L depends
on p, and p depends on z, then

dL/dz = dL/dp · dp/dz

one local slope per link, multiplied. Take a single
sigmoid neuron with squared-error loss on one example
(x, y):

z = w·x + b,  p = σ(z),  L = (p − y)²

Each link has an easy slope:

- dL/dp = 2(p − y)
- dp/dz = σ′(z) = p(1 − p), the rule checked above
- ∂z/∂wᵢ = xᵢ and ∂z/∂b = 1

Chained together:

∂L/∂wᵢ = 2(p − y) · p(1 − p) · xᵢ
∂L/∂b = 2(p − y) · p(1 − p)

**Backpropagation** is this computation organised for
a machine. The *forward pass* computes z, p and L and
keeps them. The *backward pass* starts from the loss
and walks the chain in reverse, multiplying each
incoming slope by the next local one: dL/dp, then
dL/dz, then every ∂L/∂wᵢ from that single number dL/dz.
In a deep network dL/dz for one layer is reused by
every weight feeding it, which is why the whole
gradient costs about one extra pass instead of one pass
per weight.

Worked through with numbers, then checked against
central differences:
"""),
        Example(
            title="Backprop through one neuron",
            code="""\
import numpy as np

x = np.array([1.5, -2.0, 0.5])  # one example
y = 1.0                         # its label
w = np.array([0.4, 0.3, -0.8])
b = 0.1

def loss(w, b):
    p = 1 / (1 + np.exp(-(w @ x + b)))
    return (p - y) ** 2

# forward: keep every intermediate value
z = w @ x + b
p = 1 / (1 + np.exp(-z))
L = (p - y) ** 2
print(f"z {z:.2f}  p {p:.4f}  L {L:.4f}")

# backward: multiply local slopes, last first
dL_dp = 2 * (p - y)
dp_dz = p * (1 - p)
dL_dz = dL_dp * dp_dz
grad_w = dL_dz * x   # dz/dw = x
grad_b = dL_dz       # dz/db = 1
print("hand  dL/dw", grad_w.round(6))
print("hand  dL/db", round(grad_b, 6))

# check: central differences, one at a time
h = 1e-6
num_w = [(loss(w + h * e, b)
          - loss(w - h * e, b)) / (2 * h)
         for e in np.eye(3)]
num_b = (loss(w, b + h)
         - loss(w, b - h)) / (2 * h)
print("check dL/dw", np.round(num_w, 6))
print("check dL/db", round(num_b, 6))
""",
            output="""\
z -0.30  p 0.4256  L 0.3300
hand  dL/dw [-0.421282  0.561709 -0.140427]
hand  dL/db -0.280854
check dL/dw [-0.421282  0.561709 -0.140427]
check dL/db -0.280854
""",
        ),
        Prose("""\
By hand: z = 0.6 − 0.6 − 0.4 + 0.1 = −0.3, so
p = σ(−0.3) ≈ 0.4256 and the label 1 is missed by
0.5744. dL/dp = 2(0.4256 − 1) ≈ −1.149 and
dp/dz ≈ 0.4256 · 0.5744 ≈ 0.2445, so
dL/dz ≈ −0.2809: that is ∂L/∂b. Each ∂L/∂wᵢ is that
same number times xᵢ. All are negative where xᵢ > 0:
raising those weights raises p towards the label.

The hand and check lines agree to six places. A hand-written
backward pass that disagrees with its central
differences has a bug; this check is how
framework authors test every new layer.
"""),
        BACKPROP,
    ),
)
