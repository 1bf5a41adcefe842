"""Section 6: the Normal, Bernoulli/Binomial and Uniform distributions."""

from tutor.lesson import Checkpoint, Example, Numeric, Prose, Section

from lessons.maths_foundations import figures
from lessons.maths_foundations.exercises import BINOMIAL

SECTION = Section(
    id="distributions",
    title="Distributions",
    blocks=(
        Prose("""\
A **probability distribution** says which values a
random quantity can take and how likely each one is. A
continuous quantity has a **density** (pdf): areas under
its curve are probabilities. A discrete one has a
**mass function** (pmf) that gives each value its
probability directly. Three families keep coming back in
machine learning.

### Normal (Gaussian)

N(μ, σ) is the bell curve: symmetric about its mean μ,
with its width set by the standard deviation σ. In
this lesson the second number is always σ, as in
SciPy's `stats.norm(loc=μ, scale=σ)`. Many books
write N(μ, σ²) with the variance instead, so N(0, 4)
can mean σ = 4 or σ = 2: check which one is meant.

p(x) = 1 / (σ√(2π)) · exp(−(x − μ)² / (2σ²))

Its peak is at x = μ; about 68% of the probability lies
within μ ± σ and about 95% within μ ± 2σ.

**Where:** many models assume their errors are normal.
Suppose the noise on each target is Gaussian with the
same σ for every example, each draw independent of
the others (i.i.d.). Then the log-likelihood of one
target y given a prediction ŷ is

log p(y) = −(y − ŷ)²/(2σ²) + constant

so the most likely weights are exactly the ones with
the smallest squared error: under *that* assumption,
least squares is maximum likelihood. It does not need
the assumption to be useful. Least squares is the
projection of section 7 whatever the noise, and if the
errors merely have mean 0, one shared variance and no
correlation, it is still the best unbiased estimator
that is linear in y (the Gauss–Markov theorem). With
heavy-tailed noise or outliers, though, another loss
may fit the likelihood better. Normal draws also
initialise weights (He and Glorot schemes) and serve as
the prior over a VAE's latent space.
"""),
        Checkpoint(Numeric(
            id="cp_normal_peak",
            section="distributions",
            skill="normal_spread",
            prompt=(
                "Predict: how high is the peak of the standard normal density N(0, 1), "
                "the value p(0)? Two decimal places."
            ),
            answer=0.3989422804014327,
            tolerance=0.005,
            explanation=(
                "p(0) = 1/(σ√(2π)) with σ = 1, and √(2π) ≈ 2.507, so p(0) ≈ 0.40. A "
                "density is not a probability: its peak need not be 1, only the whole "
                "area under the curve must be. The figure below tops out just under 0.4, "
                "and the listing after it prints p(0.0) = 0.3989."
            ),
        )),
        figures.DISTRIBUTIONS_FIGURE,
        Example(
            title="The normal density, two ways",
            code="""\
import math
from scipy import stats

def normal_pdf(x, mu=0.0, sigma=1.0):
    z = (x - mu) / sigma
    peak = 1 / (sigma * math.sqrt(2*math.pi))
    return peak * math.exp(-z * z / 2)

for x in (0.0, 1.0, 2.0):
    print(f"p({x}) = {normal_pdf(x):.4f}   "
          f"scipy: {stats.norm.pdf(x):.4f}")
cdf = stats.norm.cdf      # P(X <= x)
inside = cdf(1) - cdf(-1)
print(f"P(-1 < X < 1) = {inside:.4f}")
""",
            output="""\
p(0.0) = 0.3989   scipy: 0.3989
p(1.0) = 0.2420   scipy: 0.2420
p(2.0) = 0.0540   scipy: 0.0540
P(-1 < X < 1) = 0.6827
""",
        ),
        Prose("""\
### Bernoulli and Binomial

A **Bernoulli(p)** variable is 1 with probability p and
0 otherwise: one coin toss, one yes/no label.

P(X = k) = pᵏ (1 − p)¹⁻ᵏ,  k ∈ {0, 1}

Count the successes in n independent tosses and you get
a **Binomial(n, p)** variable:

P(X = k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ

where C(n, k) = n! / (k! (n − k)!) counts the ways to
place k successes. Its mean is np and its variance
np(1 − p). For Binomial(20, 0.4):

mean = np = 20 × 0.4 = 8

and 8 is also the single most likely count (the
**mode**).

**Where:** logistic regression outputs p = σ(w·x + b),
the Bernoulli probability that the label is 1, and its
loss (binary cross-entropy) is minus the log of the
Bernoulli pmf. Binomials count clicks in an A/B test or
correct answers on a test set of n cases.
"""),
        Example(
            title="Binomial(20, 0.4) from the formula",
            code="""\
from math import comb

n, p = 20, 0.4
pmf = [comb(n, k) * p**k * (1 - p)**(n - k)
       for k in range(n + 1)]
mean = sum(k * pk for k, pk in enumerate(pmf))
mode = max(range(n + 1), key=lambda k: pmf[k])
print(f"sum {sum(pmf):.6f}  mean {mean:.4f}")
top = pmf[mode]
print(f"mode {mode}  P(X={mode}) = {top:.4f}")
# a sideways histogram, every other k
for k in range(2, 15, 2):
    bar = "#" * round(200 * pmf[k])
    print(f"{k:2} {bar}")
""",
            output="""\
sum 1.000000  mean 8.0000
mode 8  P(X=8) = 0.1797
 2 #
 4 #######
 6 #########################
 8 ####################################
10 #######################
12 #######
14 #
""",
        ),
        Prose("""\
Your turn: the same formula as a function, and beside
it the cdf P(X ≤ k), the running total of the pmf.
SciPy's `stats.binom` is the referee.
"""),
        BINOMIAL,
        Prose("""\
### Uniform

U(a, b) makes every value in [a, b] equally likely:

p(x) = 1 / (b − a) for a ≤ x ≤ b, and 0 elsewhere

U(0, 1) has mean 1/2 and variance 1/12. It is the raw
material of randomness: a generator produces uniform
numbers and reshapes them into every other
distribution.

**Where:** weight initialisation, random sampling and
shuffling of data, dropout masks, and random search over
hyperparameters. The Glorot (Xavier) *uniform* scheme,
for instance, draws a layer's weights from U(−ℓ, ℓ)
with

ℓ = √(6 / (fan_in + fan_out))
"""),
        Checkpoint(Numeric(
            id="cp_glorot_limit",
            section="distributions",
            skill="uniform",
            prompt=(
                "Predict: with fan_in = 256 and fan_out = 128, what is the Glorot limit "
                "ℓ = √(6 / (fan_in + fan_out))? Three decimal places."
            ),
            answer=0.125,
            tolerance=0.0005,
            explanation=(
                "fan_in + fan_out = 384, and 6/384 = 1/64, whose square root is "
                "1/8 = 0.125. The listing below prints limit 0.1250, and its largest "
                "drawn weight stays inside it."
            ),
        )),
        Example(
            title="Uniform draws and Glorot limits",
            code="""\
import numpy as np

rng = np.random.default_rng(1)
u = rng.uniform(0, 1, size=100_000)
print(f"mean {u.mean():.4f}  (1/2)")
print(f"var  {u.var():.4f}  (1/12 = 0.0833)")

fan_in, fan_out = 256, 128
lim = np.sqrt(6 / (fan_in + fan_out))
W = rng.uniform(-lim, lim, (fan_out, fan_in))
print(f"limit {lim:.4f}")
print(f"largest |w| {np.abs(W).max():.4f}")
""",
            output="""\
mean 0.5000  (1/2)
var  0.0834  (1/12 = 0.0833)
limit 0.1250
largest |w| 0.1250
""",
        ),
        figures.DISTRIBUTIONS,
    ),
)
