"""Section 1: the goals of the lesson and why each one matters."""

from tutor.lesson import Example, Prose, Section

SECTION = Section(
    id="goals",
    title="What you'll build",
    blocks=(
        Prose("""\
Machine learning libraries hide a small amount of
mathematics behind a large amount of engineering. This
lesson opens the box. Every idea here is one you will
meet again inside real models, and each section points
out exactly where.

By the end of the lesson you will have:

- **Multiplied matrices from scratch** with three nested
  loops, then checked your answer against NumPy's `@`.
  That arithmetic is what a dense neural-network layer
  does on every forward pass.
- **Computed gradients by hand** and confirmed them with
  a numerical estimate. Backpropagation automates exactly
  this, for millions of weights at once.
- **Seen the distributions** that keep coming back:
  Normal, Bernoulli/Binomial and Uniform. They describe
  noise in targets, binary labels and starting weights.
- **Fitted a linear regression with the normal
  equation**, using nothing but linear algebra, and
  scored it with R².
"""),
        Prose("""\
### How to read the code

Every listing is a complete program. Paste it into a
fresh Python session and you get the output printed
under it, digit for digit. Only NumPy and, in a few
places, SciPy are needed.

Here is a preview: a one-neuron credit model. It needs
two ideas from this lesson, a dot product and a
probability.
"""),
        Example(
            title="A whole model in a few lines",
            code="""\
import numpy as np

# income (10k), debt ratio, years in the job
applicant = np.array([5.2, 0.3, 4.0])
weights = np.array([0.8, -3.1, 0.25])
bias = -3.0

score = applicant @ weights + bias
prob = 1 / (1 + np.exp(-score))  # sigmoid
print(f"score = {score:.3f}")
print(f"P(repays) = {prob:.3f}")
""",
            output="""\
score = 1.230
P(repays) = 0.774
""",
        ),
        Prose("""\
The `@` line weighs each feature and adds them up: a
**dot product**. The sigmoid squashes the score into a
**Bernoulli probability** between 0 and 1. Training
would find `weights` and `bias` by following
**gradients**. By the end of this lesson each of those
words will be something you can compute yourself.
"""),
    ),
)
