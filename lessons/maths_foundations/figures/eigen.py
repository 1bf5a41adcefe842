"""Section 4's eigen-directions: a 2×2 matrix acting on the unit circle, and PCA of a correlated cloud.

The matrix explorable draws the circle's image with the directions M only stretches
(Mv = λv), and says in words when there are none (complex λ), one (a shear) or every
direction (M = λI); the PCA explorable draws a cloud's principal axes, the
eigenvectors of its covariance, 2√λ long.
"""

from __future__ import annotations

import math

import numpy as np

from lessons.maths_foundations.figures import ENTRY_RANGE
from tutor.core.linalg import covariance, eigen_directions, matmul, pca
from tutor.lesson.numbers import fixed as _number  # a readout number: fixed decimals, no "-0.000"
from tutor.lesson.plots import Plot, Series


def _complex_text(value: complex) -> str:
    """A complex eigenvalue as a learner writes it: 1.00 + 2.00i."""
    sign = "+" if value.imag >= 0 else "−"
    return f"{_number(value.real, 2)} {sign} {_number(abs(value.imag), 2)}i"


def transform_reach() -> float:
    """Half the width of the matrix explorable's axes: room for the image of the circle under any M in range.

    A point (cos t, sin t) maps to (a cos t + b sin t, c cos t + d sin t), whose coordinates
    reach at most the length of M's rows, √(a² + b²) ≤ √2 · 3; eigenvectors scaled by λ
    stay inside the image, so they fit too.
    """
    largest = max(abs(ENTRY_RANGE[0]), abs(ENTRY_RANGE[1]))
    return math.sqrt(2) * largest * 1.05


def det_meaning(det: float, collapse: str = "all collapses onto a line") -> str:
    """det M in a few words: the factor on areas, its sign a flip, 0 a collapse."""
    if abs(det) < 1e-12:
        return f"det M = 0: {collapse} (area 0)"
    turn = "orientation kept" if det > 0 else "a flip, as in a mirror"
    return f"det M = {_number(det, 2)}: areas ×{_number(abs(det), 2)}, {turn}"


def transform_plot(a: float = 3.0, b: float = 1.0, c: float = 1.0, d: float = 3.0) -> Plot:
    """The unit circle and its image under M = [[a, b], [c, d]], with M's eigen-directions."""
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


def pca_plot(rho: float = 0.8) -> Plot:
    """A 2-D cloud with correlation ρ and its principal axes, 2√λ long.

    The cloud is (z₁, ρz₁ + √(1 − ρ²) z₂) for 300 seeded standard normal pairs, so its
    correlation is ρ up to sampling noise, which the readout shows.
    """
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
