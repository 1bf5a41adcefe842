"""The figures and explorables of Maths Foundations, and the functions that build them.

Every build function returns a plot description (`tutor.lesson.plots`) and
computes it with `tutor.core`. numpy, `tutor.core` and the plot classes are
imported inside the functions, never at module level: the catalogue imports
this module before the first frame. The `Figure` and `Explorable` blocks at the end are what the
section modules place in their sections.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tutor.lesson import Explorable, Figure, Param
from tutor.lesson.numbers import fixed as _number  # a readout number: fixed decimals, no "-0.000"

if TYPE_CHECKING:
    from tutor.lesson.plots import MatrixStep, Panels, Plot, Shades

# The lesson's matrices (section 3) and its house data (section 7): one source for both.
LESSON_A = ((1, 2), (3, 4), (5, 6))
LESSON_B = ((7, 8, 9), (10, 11, 12))
HOUSES = {"n": 100, "seed": 42}
SAMPLE_SEED = 0


# ---------------------------------------------------------------- derivatives


def derivative_plot() -> Plot:
    """f(x) = x² and its derivative on [-3, 3], the slope taken by central differences."""
    from tutor.lesson.plots import Plot, Series
    import numpy as np

    from tutor.core.calculus import derivative

    x = np.linspace(-3, 3, 241)
    slope = derivative(np.square, x)
    gap = float(np.max(np.abs(slope - 2 * x)))
    return Plot(
        series=(
            Series("hline", y=(0.0,), style="muted"),
            Series("line", x, x**2, "f(x) = x²", marker="hd", style="primary"),
            Series("line", x, slope, "f′(x) = 2x", marker="braille", style="accent"),
        ),
        xlabel="x",
        ylabel="y",
        xlim=(-3.0, 3.0),
        ylim=(-6.5, 9.5),
        caption=(
            "f′ < 0 where f falls, 0 at its bottom, 6 at 3",
            f"central differences match 2x within {gap:.0e}",
        ),
    )


TANGENT_FUNCTIONS = ("x²", "sin x", "eˣ")


def _tangent_function(name: str):
    """(f, exact f′, y limits) for one of TANGENT_FUNCTIONS."""
    import numpy as np

    if name == "sin x":
        return np.sin, np.cos, (-1.6, 1.6)
    if name == "eˣ":
        return np.exp, np.exp, (-1.0, 20.5)
    return np.square, (lambda x: 2 * x), (-2.0, 9.5)


def tangent_plot(x0: float = 1.0, function: str = "x²") -> Plot:
    """f with its tangent line at x₀; the exact slope beside the central-difference one."""
    from tutor.lesson.plots import Plot, Series
    import numpy as np

    from tutor.core.calculus import derivative

    f, exact, (low, high) = _tangent_function(function)
    x = np.linspace(-3, 3, 161)
    y0 = float(f(x0))
    numeric = float(derivative(f, x0))
    analytic = float(exact(x0))
    near = np.linspace(max(-3.0, x0 - 2.0), min(3.0, x0 + 2.0), 81)
    line = y0 + numeric * (near - x0)
    inside = (line >= low) & (line <= high)
    return Plot(
        series=(
            Series("hline", y=(0.0,), style="muted"),
            Series("line", x, f(x), f"f(x) = {function}", marker="hd", style="primary"),
            Series("line", near[inside], line[inside], "tangent", marker="braille", style="accent"),
            Series("scatter", (x0,), (y0,), "x₀", marker="●", style="warning"),
        ),
        xlabel="x",
        ylabel="y",
        xlim=(-3.0, 3.0),
        ylim=(low, high),
        legend="outside",
        caption=(
            f"at x₀ = {_number(x0, 2)}: f(x₀) = {_number(y0, 4)}",
            f"slope exact {_number(analytic, 6)}, numeric {_number(numeric, 6)}",
            f"difference {abs(analytic - numeric):.1e} (central, h = 1e-5)",
        ),
    )


# ---------------------------------------------------------------- distributions


def distribution_panels() -> Panels:
    """Normal(0, 1), Binomial(20, 0.4) as bars, and Uniform(0, 1)."""
    from tutor.lesson.plots import Panels, Plot, Series
    import numpy as np

    from tutor.core.probability import binomial_pmf, normal_pdf, uniform_pdf

    x = np.linspace(-4, 4, 241)
    k = np.arange(21)
    u = np.linspace(-0.5, 1.5, 241)
    return Panels(
        plots=(
            Plot(
                series=(Series("line", x, normal_pdf(x), "", marker="hd", style="primary"),),
                title="Normal(0, 1)",
                xlabel="x",
                ylabel="density",
            ),
            Plot(
                series=(Series("bar", k, binomial_pmf(k, 20, 0.4), "", style="accent", width=0.5),),
                title="Binomial(20, 0.4)",
                xlabel="k successes",
                ylabel="P(k)",
            ),
            Plot(
                series=(Series("line", u, uniform_pdf(u), "", marker="hd", style="success"),),
                title="Uniform(0, 1)",
                xlabel="x",
                ylabel="density",
                ylim=(0.0, 1.25),
            ),
        ),
        caption=(
            "means: 0, np = 8, 1/2",
            "variances: 1, np(1 − p) = 4.8, 1/12 ≈ 0.083",
        ),
    )


DISTRIBUTIONS = ("Normal", "Binomial", "Uniform")
_UNUSED = {
    "Normal": ("n", "p", "a", "b"),
    "Binomial": ("mu", "sigma", "a", "b"),
    "Uniform": ("mu", "sigma", "n", "p"),
}

# The ranges of the sampling explorable's parameters. Each shape keeps one pair of axes over
# all of its parameters' range (computed from these), so two settings can be compared.
MU_RANGE = (-2.0, 2.0)
SIGMA_RANGE = (0.5, 2.0)
BINOMIAL_NS = ("5", "10", "20", "40")
P_RANGE = (0.05, 0.95)
A_RANGE = (-2.0, 0.0)
B_RANGE = (1.0, 3.0)


def _density_bars(samples, low: float, high: float, bins: int) -> tuple:
    """Bin centres and heights of a histogram scaled to a density (total area 1)."""
    import numpy as np

    counts, edges = np.histogram(samples, bins=bins, range=(low, high))
    widths = np.diff(edges)
    return (edges[:-1] + edges[1:]) / 2, counts / (len(samples) * widths)


def _readouts(mean: float, variance: float, samples) -> tuple[str, str]:
    import numpy as np

    return (
        f"exact:  mean {_number(mean)}  variance {_number(variance)}",
        f"sample: mean {_number(float(np.mean(samples)))}  variance {_number(float(np.var(samples, ddof=1)))}",
    )


def distribution_plot(
    dist: str = "Normal",
    mu: float = 0.0,
    sigma: float = 1.0,
    n: int | str = 20,
    p: float = 0.4,
    a: float = 0.0,
    b: float = 1.0,
    N: int = 500,
) -> Plot:
    """A histogram of N samples drawn over the exact density (or pmf) of one distribution."""
    if dist == "Binomial":
        return _binomial(int(n), float(p), int(N))
    if dist == "Uniform":
        return _uniform(float(a), float(b), int(N))
    return _normal(float(mu), float(sigma), int(N))


def normal_axes() -> tuple[tuple[float, float], tuple[float, float]]:
    """The Normal view's axes: μ ± 3σ for every μ and σ in range, up to the narrowest peak."""
    import math

    reach = max(abs(MU_RANGE[0]), abs(MU_RANGE[1])) + 3 * SIGMA_RANGE[1]
    peak = 1 / (SIGMA_RANGE[0] * math.sqrt(2 * math.pi))
    return (-reach, reach), (0.0, 1.15 * peak)


def binomial_axes(n: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """The Binomial(n, p) view's axes: k from 0 to n, up to the tallest pmf for any p in range."""
    import numpy as np

    from tutor.core.probability import binomial_pmf

    k = np.arange(n + 1)
    tallest = max(float(np.max(binomial_pmf(k, n, p))) for p in np.linspace(*P_RANGE, 91))
    return (-0.5, n + 0.5), (0.0, 1.15 * tallest)


def uniform_axes() -> tuple[tuple[float, float], tuple[float, float]]:
    """The Uniform view's axes: every a and b in range, up to the tallest density 1/(b - a)."""
    return (A_RANGE[0] - 0.5, B_RANGE[1] + 0.5), (0.0, 1.3 / (B_RANGE[0] - A_RANGE[1]))


def _normal(mu: float, sigma: float, N: int) -> Plot:
    from tutor.lesson.plots import Plot, Series
    import numpy as np

    from tutor.core.probability import normal_pdf, sample

    xlim, ylim = normal_axes()
    x = np.union1d(np.linspace(*xlim, 161), np.linspace(mu - 4 * sigma, mu + 4 * sigma, 81))
    samples = sample("normal", N, seed=SAMPLE_SEED, mu=mu, sigma=sigma)
    centres, heights = _density_bars(samples, mu - 4 * sigma, mu + 4 * sigma, 24)
    return Plot(
        series=(
            Series("bar", centres, heights, "samples", style="muted", width=1.0),
            Series("line", x, normal_pdf(x, mu, sigma), "exact", marker="hd", style="primary"),
        ),
        title=f"Normal(μ = {_number(mu, 2)}, σ = {_number(sigma, 2)})",
        xlabel="x",
        ylabel="density",
        xlim=xlim,
        ylim=ylim,
        caption=_readouts(mu, sigma**2, samples),
        inactive=_UNUSED["Normal"],
        legend="outside",
    )


def _binomial(n: int, p: float, N: int) -> Plot:
    from tutor.lesson.plots import Plot, Series
    import math

    import numpy as np

    from tutor.core.probability import binomial_pmf, normal_pdf, sample

    mean, variance = n * p, n * p * (1 - p)
    spread = math.sqrt(variance)
    xlim, ylim = binomial_axes(n)
    k = np.arange(n + 1)
    samples = sample("binomial", N, seed=SAMPLE_SEED, n=n, p=p)
    counts = np.bincount(np.asarray(samples, dtype=int), minlength=n + 1)[: n + 1]
    series = [Series("bar", k, counts / N, "samples", style="muted", width=0.5)]
    note = "line: the normal with the same mean and var"
    if variance > 0:
        x = np.linspace(*xlim, 161)
        series.append(Series("line", x, normal_pdf(x, mean, spread), "normal", marker="braille", style="accent"))
    else:
        note = "no normal approximation: the variance is 0"
    series.append(Series("scatter", k, binomial_pmf(k, n, p), "exact", marker="●", style="primary"))
    return Plot(
        series=tuple(series),
        title=f"Binomial(n = {n}, p = {_number(p, 2)})",
        xlabel="k successes",
        ylabel="P(k)",
        xlim=xlim,
        ylim=ylim,
        caption=(*_readouts(mean, variance, samples), note),
        inactive=_UNUSED["Binomial"],
        legend="outside",
    )


def _uniform(a: float, b: float, N: int) -> Plot:
    from tutor.lesson.plots import Plot, Series
    import numpy as np

    from tutor.core.probability import sample, uniform_pdf

    if not b > a:
        return Plot(
            message=f"Uniform(a, b) needs a < b; now a = {_number(a, 2)} and b = {_number(b, 2)}.",
            caption=("Lower a, or raise b.",),
            inactive=_UNUSED["Uniform"],
        )
    xlim, ylim = uniform_axes()
    x = np.linspace(*xlim, 241)
    samples = sample("uniform", N, seed=SAMPLE_SEED, a=a, b=b)
    centres, heights = _density_bars(samples, a, b, 20)
    return Plot(
        series=(
            Series("bar", centres, heights, "samples", style="muted", width=1.0),
            Series("line", x, uniform_pdf(x, a, b), "exact", marker="hd", style="primary"),
        ),
        title=f"Uniform(a = {_number(a, 2)}, b = {_number(b, 2)})",
        xlabel="x",
        ylabel="density",
        xlim=xlim,
        ylim=ylim,
        caption=_readouts((a + b) / 2, (b - a) ** 2 / 12, samples),
        inactive=_UNUSED["Uniform"],
        legend="outside",
    )


# ---------------------------------------------------------------- matrix product


def matmul_step(A, B, step: int, names: tuple[str, str, str] = ("A", "B", "C")) -> MatrixStep:
    """The product A @ B after `step` entries of C have been filled, row by row.

    Step 0 is the empty C; step s fills entry s - 1 (counting along rows) with
    row i of A dotted with column j of B. Works for any (m, k) @ (k, n). `names` are what
    the captions and the drawing call the two factors and the product.
    """
    from tutor.lesson.plots import MatrixStep
    import numpy as np

    from tutor.core.linalg import dot

    A, B = np.asarray(A), np.asarray(B)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[0]:
        raise ValueError(f"cannot multiply shapes {A.shape} and {B.shape}")
    rows, inner, columns = A.shape[0], A.shape[1], B.shape[1]
    step = max(0, min(int(step), rows * columns))
    integers = np.issubdtype(A.dtype, np.integer) and np.issubdtype(B.dtype, np.integer)
    C: list[list] = [[None] * columns for _ in range(rows)]
    for index in range(step):
        i, j = divmod(index, columns)
        value = dot(A[i], B[:, j])
        C[i][j] = int(value) if integers else value
    a_rows, b_rows = A.tolist(), B.tolist()
    first, second, product = names
    if step == 0:
        return MatrixStep(
            a_rows, b_rows, C, None, None,
            caption=(f"{product} will be {rows}×{columns}: one dot product per entry.", "Press → to fill the next entry."),
            names=names,
        )
    i, j = divmod(step - 1, columns)
    terms = tuple((a_rows[i][t], b_rows[t][j]) for t in range(inner))
    caption = [f"step {step} of {rows * columns}: row {i} of {first} · column {j} of {second}"]
    if step == rows * columns:
        caption.append(f"{product} is complete, and it equals {first} @ {second}.")
    return MatrixStep(a_rows, b_rows, C, i, j, terms, tuple(caption), names=names)


MATMUL_NAMES = ("P", "Q", "PQ")
"""What section 3's prose and listings call the two matrices and their product."""


def matmul_stepper(step: int = 0) -> MatrixStep:
    """The lesson's P (3×2) times Q (2×3), one entry of PQ at a time."""
    return matmul_step(LESSON_A, LESSON_B, step, MATMUL_NAMES)


# ---------------------------------------------------------------- eigenvectors


def _complex_text(value: complex) -> str:
    sign = "+" if value.imag >= 0 else "−"
    return f"{_number(value.real, 2)} {sign} {_number(abs(value.imag), 2)}i"


ENTRY_RANGE = (-3.0, 3.0)


def transform_reach() -> float:
    """Half the width of the matrix explorable's axes: room for the image of the circle under any M in range.

    A point (cos t, sin t) maps to (a cos t + b sin t, c cos t + d sin t), whose coordinates
    reach at most the length of M's rows, √(a² + b²) ≤ √2 · 3; eigenvectors scaled by λ
    stay inside the image, so they fit too.
    """
    import math

    largest = max(abs(ENTRY_RANGE[0]), abs(ENTRY_RANGE[1]))
    return math.sqrt(2) * largest * 1.05


def _factor(value: float) -> str:
    """A factor in a written-out product: one decimal, in brackets when negative."""
    text = _number(value, 1)
    return f"({text})" if text.startswith("-") else text


def det_meaning(det: float, collapse: str = "all collapses onto a line") -> str:
    """det M in a few words: the factor on areas, its sign a flip, 0 a collapse."""
    if abs(det) < 1e-12:
        return f"det M = 0: {collapse} (area 0)"
    turn = "orientation kept" if det > 0 else "a flip, as in a mirror"
    return f"det M = {_number(det, 2)}: areas ×{_number(abs(det), 2)}, {turn}"


def transform_plot(a: float = 3.0, b: float = 1.0, c: float = 1.0, d: float = 3.0) -> Plot:
    """The unit circle and its image under M = [[a, b], [c, d]], with M's eigen-directions."""
    from tutor.lesson.plots import Plot, Series
    import numpy as np

    from tutor.core.linalg import eigen_directions, matmul

    M = np.array([[a, b], [c, d]], dtype=float)
    angle = np.linspace(0, 2 * np.pi, 181)
    circle = np.vstack([np.cos(angle), np.sin(angle)])
    image = matmul(M, circle)
    case, values, directions = eigen_directions(M)
    det = float(a * d - b * c)
    series = [
        Series("line", circle[0], circle[1], "unit circle", marker="braille", style="muted"),
        Series("line", image[0], image[1], "image under M", marker="hd", style="primary"),
    ]
    onto = "a point" if not np.any(M) else "a line"
    readouts = [
        f"M = [[{_number(a, 1)}, {_number(b, 1)}], [{_number(c, 1)}, {_number(d, 1)}]]",
        det_meaning(det, f"all collapses onto {onto}"),
    ]
    if case == "complex":
        readouts.append(f"λ = {_complex_text(values[0])} and {_complex_text(values[1])}: complex,")
        readouts.append("so no direction is only stretched: M turns all.")
    markers, styles = ("•", "+"), ("accent", "success")
    if case in ("two", "one"):
        for number, (value, vector) in enumerate(zip(values, directions), start=1):
            end = float(value) * vector
            sub = "₁₂"[number - 1]
            series.append(Series("line", (0.0, float(end[0])), (0.0, float(end[1])), f"λ{sub} v{sub}",
                                 marker=markers[number - 1], style=styles[number - 1]))
    direction = lambda v: f"({_number(v[0], 2)}, {_number(v[1], 2)})"  # noqa: E731
    if case == "two":
        for number, (value, vector) in enumerate(zip(values, directions), start=1):
            sub = "₁₂"[number - 1]
            readouts.append(f"λ{sub} = {_number(float(value), 2)} along {direction(vector)}")
    elif case == "one":
        readouts.append(f"λ = {_number(float(values[0]), 2)} twice, but one eigen-direction only,")
        readouts.append(f"{direction(directions[0])}: M shears every other vector.")
    elif case == "all" and not np.any(M):
        readouts.append("λ = 0 twice: M = 0 sends every vector to 0.")
    elif case == "all":
        readouts.append(f"λ = {_number(float(values[0]), 2)} twice: M = {_number(float(values[0]), 2)}·I, so every")
        readouts.append("direction is an eigen-direction, scaled alike.")
    reach = transform_reach()
    return Plot(
        series=tuple(series),
        xlabel="x",
        ylabel="y",
        xlim=(-reach, reach),
        ylim=(-reach, reach),
        equal_aspect=True,
        caption=tuple(readouts),
        legend="outside",
    )


# ---------------------------------------------------------------- determinant


DET_RANGE = (-1.5, 1.5)


def determinant_reach() -> float:
    """Half the width of the determinant explorable's axes: a corner M e₁ + M e₂ has coordinates up to 2 · 1.5."""
    largest = max(abs(DET_RANGE[0]), abs(DET_RANGE[1]))
    return 2 * largest + 0.25


def determinant_plot(a: float = 1.5, b: float = 0.5, c: float = 0.0, d: float = 1.0) -> Plot:
    """The unit square and the parallelogram M makes of it: its area is |det M|, its turn the sign."""
    from tutor.lesson.plots import Plot, Series
    import numpy as np

    from tutor.core.linalg import signed_area, unit_square_image

    M = np.array([[a, b], [c, d]], dtype=float)
    square = unit_square_image(np.eye(2))
    image = unit_square_image(M)
    area = signed_area(image)
    det = float(a * d - b * c)
    loop = lambda corners: (tuple(corners[[0, 1, 2, 3, 0], 0]), tuple(corners[[0, 1, 2, 3, 0], 1]))  # noqa: E731
    e1, e2 = image[1], image[3]
    series = (
        Series("line", *loop(square), "unit square", marker="braille", style="muted"),
        Series("line", *loop(image), "M · square", marker="hd", style="primary"),
        Series("line", (0.0, float(e1[0])), (0.0, float(e1[1])), "M e₁", marker="•", style="accent"),
        Series("line", (0.0, float(e2[0])), (0.0, float(e2[1])), "M e₂", marker="+", style="success"),
    )
    if abs(det) < 1e-12:
        onto = "a point" if not np.any(M) else "a line"
        sense = f"det = 0: the square collapses onto {onto}; M has no inverse"
    elif det > 0:
        sense = "det > 0: from M e₁ to M e₂ still turns anticlockwise"
    else:
        sense = "det < 0: a flip: from M e₁ to M e₂ now turns clockwise"
    reach = determinant_reach()
    return Plot(
        series=series,
        xlabel="x",
        ylabel="y",
        xlim=(-reach, reach),
        ylim=(-reach, reach),
        equal_aspect=True,
        caption=(
            f"M = [[{_number(a, 1)}, {_number(b, 1)}], [{_number(c, 1)}, {_number(d, 1)}]]",
            f"det M = ad − bc = {_factor(a)}·{_factor(d)} − {_factor(b)}·{_factor(c)} = {_number(det, 2)}",
            f"area of the parallelogram {_number(abs(area), 2)} = |det M|",
            sense,
        ),
        legend="outside",
    )


# ---------------------------------------------------------------- SVD


def picture():
    """A 32×32 greyscale picture (values in [0, 1]) drawn by numpy: a house, a sun, a hill."""
    import numpy as np

    size = 32
    y, x = np.mgrid[0:size, 0:size].astype(float)
    image = 0.55 + 0.35 * (size - y) / size                     # a sky, lighter at the top
    image[((x - 25) ** 2 + (y - 6) ** 2) <= 16] = 1.0          # the sun
    image[y >= 24 + 3 * np.sin(x / 5)] = 0.25                   # a dark hill
    walls = (x >= 6) & (x <= 17) & (y >= 15) & (y <= 26)
    image[walls] = 0.85
    roof = (y >= 8) & (y < 15) & (np.abs(x - 11.5) <= (y - 8) + 0.5)
    image[roof] = 0.1
    image[(x >= 10) & (x <= 13) & (y >= 20) & (y <= 26)] = 0.05  # a door
    image[(x >= 7) & (x <= 9) & (y >= 17) & (y <= 19)] = 0.35    # a window
    return np.clip(image, 0.0, 1.0)


def svd_shades(k: int = 4) -> Shades:
    """The picture beside its best rank-k approximation, the energy kept, and when k reaches the rank."""
    from tutor.lesson.plots import Shades
    import numpy as np

    from tutor.core.linalg import energy, low_rank, rank

    image = picture()
    full = rank(image)
    k = int(k)
    approximation = np.clip(low_rank(image, k), 0.0, 1.0)
    kept = energy(image, k)
    stored = k * (image.shape[0] + image.shape[1] + 1)
    error = float(np.sqrt(np.mean((image - low_rank(image, k)) ** 2)))
    storage = (
        f"numbers kept: k·(32 + 32 + 1) = {stored} of {image.size}"
        if stored < image.size
        else f"numbers kept: {stored}, more than the {image.size} pixels"
    )
    exact = (
        f"k ≥ {full}, the picture's rank: the copy is exact"
        if k >= full
        else f"the picture has rank {full}: from k = {full} on the copy is exact"
    )
    return Shades(
        pictures=((f"original (rank {full})", image), (f"rank {k}", approximation)),
        caption=(f"energy kept {kept:.2%}; typical pixel error {error:.3f}", storage, exact),
    )


# ---------------------------------------------------------------- gradient descent


LIMIT = 100
"""Descent counts as diverged once its loss passes LIMIT times the starting loss (the y axis's top)."""


def descent_behaviour(regime: str, factor: float, steps: int) -> tuple[str, str]:
    """Two readout lines: what descent does at this learning rate, and why (its worst error factor)."""
    size = abs(factor)
    if regime == "diverging":
        return "diverging: the error w − w* grows", f"×{size:.2f} a step (flipping sign: lr too big)" if factor < 0 else f"×{size:.2f} a step"
    if regime == "oscillating":
        return (
            "oscillating: each step flips the error w − w*",
            "(×−1): w jumps between 0 and 2w*, the loss stays put",
        )
    if regime == "stalled":
        return "stalled: a step leaves the error w − w* as it was", "(×1): the loss cannot fall"
    left = size**steps
    share = f"{left:.0%}" if left >= 0.005 else "almost none"
    if size < 1e-9:
        return "converging in one step: lr is exactly 1/curvature", "the error w − w* is gone after the first step"
    if regime == "overshooting":
        return (
            "converging with overshoot: steps jump past the minimum",
            f"error w − w* ×{size:.3f} a step at worst; {share} left after {steps}",
        )
    return (
        "converging: every step moves towards the minimum",
        f"error w − w* ×{size:.3f} a step at worst; {share} left after {steps}",
    )


def descent_plot(lr: float = 0.1, steps: int = 100, scaled: str = "yes") -> Plot:
    """The loss of gradient descent on the house data, step by step, against the normal equation's.

    The readout says what descent does at this learning rate (converging, overshooting,
    oscillating or diverging), from the factor each step multiplies the error by.
    """
    from tutor.lesson.plots import Plot, Series
    import numpy as np

    from tutor.core.optimize import descent_regime, fit_linear_gd, standardize
    from tutor.core.regression import add_bias, mse, normal_equation, predict, synthetic_houses

    x, y = synthetic_houses(**HOUSES)
    best_w = normal_equation(add_bias(x), y)
    best = mse(y, predict(add_bias(x), best_w))
    features, mean, std = standardize(x) if scaled == "yes" else (x, 0.0, 1.0)
    with np.errstate(all="ignore"):
        w, losses = fit_linear_gd(add_bias(features), y, lr=float(lr), steps=int(steps))
    regime, factor = descent_regime(add_bias(features), float(lr))
    behaviour = descent_behaviour(regime, factor, int(steps))
    start = float(np.mean(y**2))
    exact = f"normal eq.: MSE {_number(best)}  ŷ = {_number(best_w[0])} + {_number(best_w[1])}x"
    blown = ~np.isfinite(losses) | (losses > LIMIT * start)
    if blown.any():
        when = int(np.argmax(blown)) + 1
        return Plot(
            message=f"Diverged: the loss passed {LIMIT} × its start after {when} steps.",
            caption=(
                f"lr {lr:g} is too big for {'standardized' if scaled == 'yes' else 'raw'} features",
                *behaviour,
                exact,
            ),
        )
    slope = float(w[1] / std)
    intercept = float(w[0] - w[1] * mean / std)
    step_numbers = np.arange(1, len(losses) + 1)
    return Plot(
        series=(
            Series("hline", y=(best,), label="normal equation", style="success", marker="braille"),
            Series("line", step_numbers, losses, "gradient descent", marker="hd", style="primary"),
        ),
        xlabel="step",
        ylabel="MSE (log)",
        yscale="log",
        xlim=(0.0, float(steps)),
        ylim=(best / 2, LIMIT * start),
        caption=(
            f"x: the {int(steps)} steps asked for; y: the exact MSE up to divergence",
            *behaviour,
            f"descent:    MSE {_number(float(losses[-1]))}  ŷ = {_number(intercept)} + {_number(slope)}x",
            exact,
        ),
        legend="outside",
    )


# ---------------------------------------------------------------- PCA


def pca_plot(rho: float = 0.8) -> Plot:
    """A 2-D cloud with correlation ρ and its principal axes, 2√λ long."""
    from tutor.lesson.plots import Plot, Series
    import numpy as np

    from tutor.core.linalg import covariance, pca

    rng = np.random.default_rng(7)
    z = rng.normal(size=(300, 2))
    rho = float(rho)
    cloud = np.column_stack([z[:, 0], rho * z[:, 0] + np.sqrt(1 - rho**2) * z[:, 1]])
    components, variances, _ = pca(cloud, 2)
    centre = cloud.mean(axis=0)
    cov = covariance(cloud)
    r = float(cov[0, 1] / np.sqrt(cov[0, 0] * cov[1, 1]))
    total = float(variances.sum())
    series = [Series("scatter", cloud[:, 0], cloud[:, 1], "points", marker="braille", style="muted")]
    readouts = [f"correlation: asked {_number(rho, 2)}, in the sample {_number(r, 2)}"]
    for number, (vector, variance) in enumerate(zip(components, variances), start=1):
        half = 2 * np.sqrt(max(float(variance), 0.0)) * vector
        ends = np.vstack([centre - half, centre + half])
        series.append(
            Series("line", ends[:, 0], ends[:, 1], f"PC{number}", marker=("hd", "•")[number - 1],
                   style=("accent", "success")[number - 1])
        )
        readouts.append(
            f"PC{number} ({_number(vector[0], 2)}, {_number(vector[1], 2)}): variance {_number(float(variance), 2)}"
            f" = {float(variance) / total:.0%}"
        )
    return Plot(
        series=tuple(series),
        xlabel="x₁",
        ylabel="x₂",
        xlim=(-4.0, 4.0),
        ylim=(-4.0, 4.0),
        equal_aspect=True,
        caption=tuple(readouts),
        legend="outside",
    )


# ---------------------------------------------------------------- norms


NORM_POINT_RANGE = (-2.0, 2.0)


def norms_plot(x: float = 1.2, y: float = 0.8) -> Plot:
    """The L1, L2 and L∞ unit balls, and the point (x, y) with its three norms."""
    from tutor.lesson.plots import Plot, Series
    import math

    import numpy as np

    from tutor.core.linalg import norm

    angle = np.linspace(0, 2 * np.pi, 181)
    point = (float(x), float(y))
    l1, l2, linf = norm(point, 1), norm(point, 2), norm(point, math.inf)
    inside = [name for name, value in (("L1", l1), ("L2", l2), ("L∞", linf)) if value <= 1]
    where = (
        "inside every unit ball" if len(inside) == 3
        else "outside every unit ball" if not inside
        else "inside the " + " and ".join(inside) + " ball" + ("s" if len(inside) > 1 else "") + " only"
    )
    reach = 1.15 * max(abs(end) for end in NORM_POINT_RANGE)
    return Plot(
        series=(
            Series("line", (1, 0, -1, 0, 1), (0, 1, 0, -1, 0), "‖v‖₁ = 1", marker="hd", style="primary"),
            Series("line", np.cos(angle), np.sin(angle), "‖v‖₂ = 1", marker="braille", style="accent"),
            Series("line", (1, -1, -1, 1, 1), (1, 1, -1, -1, 1), "‖v‖∞ = 1", marker="•", style="success"),
            Series("scatter", (point[0],), (point[1],), "p", marker="●", style="warning"),
        ),
        xlabel="x",
        ylabel="y",
        xlim=(-reach, reach),
        ylim=(-reach, reach),
        equal_aspect=True,
        caption=(
            f"‖p‖₁ = {_number(l1, 2)}   ‖p‖₂ = {_number(l2, 2)}   ‖p‖∞ = {_number(linf, 2)}",
            f"p is {where}",
            "always ‖p‖∞ ≤ ‖p‖₂ ≤ ‖p‖₁",
        ),
        legend="outside",
    )


# ---------------------------------------------------------------- least squares as a projection


PROJECTION_COLUMN = (2.0, 1.0)
"""The one column x of the projection explorable's X: its column space is the line through 0 along x."""
PROJECTION_Y = (1.0, 2.0)
PROJECTION_W_RANGE = (-0.5, 2.0)


def projection_plot(w: float = 0.3) -> Plot:
    """y, the line spanned by X's one column x, the point Xw, and the residual y − Xw.

    The residual is shortest, and perpendicular to x, at the least-squares w.
    """
    from tutor.lesson.plots import Plot, Series
    import math

    import numpy as np

    from tutor.core.regression import project

    x = np.array(PROJECTION_COLUMN)
    y = np.array(PROJECTION_Y)
    w = float(w)
    best_w, nearest, best_r = project(x, y)
    best = float(best_w[0])
    point = w * x
    r = y - point
    length = float(np.linalg.norm(r))
    along = float(x @ r)
    s = np.array([-0.5, PROJECTION_W_RANGE[1] + 0.1])
    perpendicular = abs(along) < 1e-9
    if perpendicular:
        angle = "0, so r ⟂ x: Xw is the point nearest y"
    else:
        degrees = math.degrees(math.acos(max(-1.0, min(1.0, along / (length * float(np.linalg.norm(x)))))))
        angle = f"{_number(along, 2)}, not 0: r and x make {degrees:.0f}°, not 90°"
    return Plot(
        series=(
            Series("line", s * x[0], s * x[1], "column space", marker="braille", style="muted"),
            Series("line", (0.0, y[0]), (0.0, y[1]), "y", marker="hd", style="primary"),
            Series("line", (point[0], y[0]), (point[1], y[1]), "r = y − Xw", marker="•", style="accent"),
            Series("scatter", (float(nearest[0]),), (float(nearest[1]),), "nearest", marker="+", style="success"),
            Series("scatter", (float(point[0]),), (float(point[1]),), "Xw", marker="●", style="warning"),
        ),
        xlabel="coordinate 1",
        ylabel="coordinate 2",
        xlim=(-1.0, 4.5),
        ylim=(-0.75, 2.5),
        equal_aspect=True,
        caption=(
            f"w = {_number(w, 2)}: ‖r‖ = ‖y − Xw‖ = {_number(length, 3)}",
            f"xᵀr = {angle}",
            f"best w = {_number(best, 2)} solves xᵀx w = xᵀy; then ‖r‖ = {_number(float(np.linalg.norm(best_r)), 3)}",
        ),
        legend="outside",
    )


# ---------------------------------------------------------------- house data


def houses_plot() -> Plot:
    """The house data with the line the normal equation fits, its equation and R²."""
    from tutor.lesson.plots import Plot, Series
    import numpy as np

    from tutor.core.regression import add_bias, normal_equation, predict, r_squared, synthetic_houses

    x, y = synthetic_houses(**HOUSES)
    X = add_bias(x)
    w = normal_equation(X, y)
    r2 = r_squared(y, predict(X, w))
    ends = np.array([0.0, 10.0])
    equation = f"ŷ = {w[0]:.2f} + {w[1]:.2f}x"
    return Plot(
        series=(
            Series("scatter", x, y, "houses", marker="•", style="muted"),
            Series("line", ends, predict(add_bias(ends), w), f"{equation}, R² = {r2:.3f}", marker="hd", style="accent"),
        ),
        xlabel="area (tens of m²)",
        ylabel="price",
        xlim=(0.0, 10.0),
        caption=(
            f"fitted {equation}; true line 10 + 3.5x",
            f"R² = {r2:.4f}: explains {r2:.0%} of the variance",
        ),
    )


# ---------------------------------------------------------------- the blocks

DERIVATIVE_FIGURE = Figure("f(x) = x² and its slope f′(x) = 2x", derivative_plot, name="x-squared")
DISTRIBUTIONS_FIGURE = Figure("Three distributions", distribution_panels, name="distributions")
HOUSES_FIGURE = Figure("The house data and its fitted line", houses_plot, name="houses-fit")

TANGENT = Explorable(
    "Explore: the tangent line",
    (
        Param("x0", "x₀", 1.0, -3.0, 3.0, 0.1),
        Param("function", "f", "x²", choices=TANGENT_FUNCTIONS),
    ),
    tangent_plot,
    name="tangent",
)

DISTRIBUTIONS = Explorable(
    "Explore: sampling a distribution",
    (
        Param("dist", "shape", "Normal", choices=DISTRIBUTIONS),
        Param("mu", "μ", 0.0, *MU_RANGE, 0.25),
        Param("sigma", "σ", 1.0, *SIGMA_RANGE, 0.05),
        Param("n", "n", "20", choices=BINOMIAL_NS),
        Param("p", "p", 0.4, *P_RANGE, 0.01),
        Param("a", "a", 0.0, *A_RANGE, 0.25),
        Param("b", "b", 1.0, *B_RANGE, 0.25),
        Param("N", "N", 500, 50, 10000, 50),
    ),
    distribution_plot,
    name="sampling",
)

MATMUL = Explorable(
    "Explore: P @ Q one entry at a time",
    (Param("step", "step", 0, 0, len(LESSON_A) * len(LESSON_B[0]), 1),),
    matmul_stepper,
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
    transform_plot,
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
    determinant_plot,
    name="determinant",
)

PROJECTION = Explorable(
    "Explore: least squares as a projection",
    (Param("w", "w", 0.3, *PROJECTION_W_RANGE, 0.1),),
    projection_plot,
    name="projection",
)

SVD = Explorable(
    "Explore: SVD compression of a picture",
    (Param("k", "rank k", 4, 1, 32, 1),),
    svd_shades,
    name="svd-compression",
)

DESCENT = Explorable(
    "Explore: gradient descent vs exact fit",
    (
        Param("lr", "learning rate", 0.1, 0.005, 1.2, 0.005),
        Param("steps", "steps", 100, 10, 1000, 10),
        Param("scaled", "standardized", "yes", choices=("yes", "no")),
    ),
    descent_plot,
    name="descent",
)

PCA = Explorable(
    "Explore: PCA of a correlated cloud",
    (Param("rho", "correlation ρ", 0.8, -0.95, 0.95, 0.05),),
    pca_plot,
    name="pca",
)

NORMS = Explorable(
    "Explore: three norms of one point",
    (
        Param("x", "x", 1.2, *NORM_POINT_RANGE, 0.1),
        Param("y", "y", 0.8, *NORM_POINT_RANGE, 0.1),
    ),
    norms_plot,
    name="norms",
)

FIGURES = (DERIVATIVE_FIGURE, DISTRIBUTIONS_FIGURE, HOUSES_FIGURE)
EXPLORABLES = (TANGENT, DISTRIBUTIONS, MATMUL, TRANSFORM, DETERMINANT, SVD, DESCENT, PCA, NORMS, PROJECTION)
