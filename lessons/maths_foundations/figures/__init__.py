"""The figures and explorables of Maths Foundations: the blocks the sections place.

Each block names its build function as `"lessons.maths_foundations.figures.<topic>:<function>"`,
so this module imports neither numpy nor the topic modules: the catalogue loads it before the
first frame, and a topic module (which imports numpy at its top) is imported only when one of
its figures is first drawn. What the blocks' parameters need (ranges, choices, the lesson's
matrices) is declared here; the topic modules read it from here.

The topics: `calculus` (a slope, a tangent), `distributions` (three densities, sampling),
`matrices` (the product entry by entry, the determinant), `eigen` (a matrix on the circle,
PCA), `svd` (a picture compressed), `regression` (the house fit, least squares as a
projection), `descent` (gradient descent against the exact fit), `vectors` (three norms).
"""

from __future__ import annotations

from tutor.lesson import Explorable, Figure, Param

# The lesson's matrices (section 3) and its house data (section 7): one source for both.
LESSON_A = ((1, 2), (3, 4), (5, 6))
LESSON_B = ((7, 8, 9), (10, 11, 12))
HOUSES = {"n": 100, "seed": 42}

TANGENT_FUNCTIONS = ("x²", "sin x", "eˣ")
DISTRIBUTION_SHAPES = ("Normal", "Binomial", "Uniform")
"""The shapes the sampling explorable offers (its `dist` parameter)."""

# The ranges of the sampling explorable's parameters. Each shape keeps one pair of axes over
# all of its parameters' range (computed from these), so two settings can be compared.
MU_RANGE = (-2.0, 2.0)
SIGMA_RANGE = (0.5, 2.0)
BINOMIAL_NS = ("5", "10", "20", "40")
P_RANGE = (0.05, 0.95)
A_RANGE = (-2.0, 0.0)
B_RANGE = (1.0, 3.0)

ENTRY_RANGE = (-3.0, 3.0)
"""The entries of the matrix acting on the circle."""
DET_RANGE = (-1.5, 1.5)
"""The entries of the matrix whose determinant is shown as an area."""
NORM_POINT_RANGE = (-2.0, 2.0)
PROJECTION_W_RANGE = (-0.5, 2.0)

DERIVATIVE_FIGURE = Figure(
    "f(x) = x² and its slope f′(x) = 2x",
    "lessons.maths_foundations.figures.calculus:derivative_plot",
    name="x-squared",
)
DISTRIBUTIONS_FIGURE = Figure(
    "Three distributions",
    "lessons.maths_foundations.figures.distributions:distribution_panels",
    name="distributions",
)
HOUSES_FIGURE = Figure(
    "The house data and its fitted line",
    "lessons.maths_foundations.figures.regression:houses_plot",
    name="houses-fit",
)

TANGENT = Explorable(
    "Explore: the tangent line",
    (
        Param("x0", "x₀", 1.0, -3.0, 3.0, 0.1),
        Param("function", "f", "x²", choices=TANGENT_FUNCTIONS),
    ),
    "lessons.maths_foundations.figures.calculus:tangent_plot",
    name="tangent",
)

DISTRIBUTIONS = Explorable(
    "Explore: sampling a distribution",
    (
        Param("dist", "shape", "Normal", choices=DISTRIBUTION_SHAPES),
        Param("mu", "μ", 0.0, *MU_RANGE, 0.25),
        Param("sigma", "σ", 1.0, *SIGMA_RANGE, 0.05),
        Param("n", "n", "20", choices=BINOMIAL_NS),
        Param("p", "p", 0.4, *P_RANGE, 0.01),
        Param("a", "a", 0.0, *A_RANGE, 0.25),
        Param("b", "b", 1.0, *B_RANGE, 0.25),
        Param("N", "N", 500, 50, 10000, 50),
    ),
    "lessons.maths_foundations.figures.distributions:distribution_plot",
    name="sampling",
)

MATMUL = Explorable(
    "Explore: P @ Q one entry at a time",
    (Param("step", "step", 0, 0, len(LESSON_A) * len(LESSON_B[0]), 1),),
    "lessons.maths_foundations.figures.matrices:matmul_stepper",
    name="matmul-steps",
)

TRANSFORM = Explorable(
    "Explore: a matrix acting on the circle",
    (
        Param("a", "M₁₁", 3.0, *ENTRY_RANGE, 0.5),
        Param("b", "M₁₂", 1.0, *ENTRY_RANGE, 0.5),
        Param("c", "M₂₁", 1.0, *ENTRY_RANGE, 0.5),
        Param("d", "M₂₂", 3.0, *ENTRY_RANGE, 0.5),
    ),
    "lessons.maths_foundations.figures.eigen:transform_plot",
    name="matrix-circle",
)

DETERMINANT = Explorable(
    "Explore: the determinant as an area factor",
    (
        Param("a", "M₁₁", 1.5, *DET_RANGE, 0.5),
        Param("b", "M₁₂", 0.5, *DET_RANGE, 0.5),
        Param("c", "M₂₁", 0.0, *DET_RANGE, 0.5),
        Param("d", "M₂₂", 1.0, *DET_RANGE, 0.5),
    ),
    "lessons.maths_foundations.figures.matrices:determinant_plot",
    name="determinant",
)

PROJECTION = Explorable(
    "Explore: least squares as a projection",
    (Param("w", "w", 0.3, *PROJECTION_W_RANGE, 0.1),),
    "lessons.maths_foundations.figures.regression:projection_plot",
    name="projection",
)

SVD = Explorable(
    "Explore: SVD compression of a picture",
    (Param("k", "rank k", 4, 1, 32, 1),),
    "lessons.maths_foundations.figures.svd:svd_shades",
    name="svd-compression",
)

DESCENT = Explorable(
    "Explore: gradient descent vs exact fit",
    (
        Param("lr", "learning rate", 0.1, 0.005, 1.2, 0.005),
        Param("steps", "steps", 100, 10, 1000, 10),
        Param("scaled", "standardized", "yes", choices=("yes", "no")),
    ),
    "lessons.maths_foundations.figures.descent:descent_plot",
    name="descent",
)

PCA = Explorable(
    "Explore: PCA of a correlated cloud",
    (Param("rho", "correlation ρ", 0.8, -0.95, 0.95, 0.05),),
    "lessons.maths_foundations.figures.eigen:pca_plot",
    name="pca",
)

NORMS = Explorable(
    "Explore: three norms of one point",
    (
        Param("x", "x", 1.2, *NORM_POINT_RANGE, 0.1),
        Param("y", "y", 0.8, *NORM_POINT_RANGE, 0.1),
    ),
    "lessons.maths_foundations.figures.vectors:norms_plot",
    name="norms",
)

FIGURES = (DERIVATIVE_FIGURE, DISTRIBUTIONS_FIGURE, HOUSES_FIGURE)
EXPLORABLES = (TANGENT, DISTRIBUTIONS, MATMUL, TRANSFORM, DETERMINANT, SVD, DESCENT, PCA, NORMS, PROJECTION)
