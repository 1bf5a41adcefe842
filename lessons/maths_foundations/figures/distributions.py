"""Section 6's figures: three distributions side by side, and the sampling explorable.

The explorable draws a histogram of N seeded samples over the exact density (or pmf),
with the exact and the sample mean and variance; each shape keeps one pair of axes over
its parameters' whole range, so two settings can be compared by eye.
"""

from __future__ import annotations

import math

import numpy as np

from lessons.maths_foundations.figures import A_RANGE, B_RANGE, MU_RANGE, P_RANGE, SIGMA_RANGE
from tutor.core.probability import binomial_pmf, normal_pdf, sample, uniform_pdf
from tutor.lesson.numbers import fixed as _number  # a readout number: fixed decimals, no "-0.000"
from tutor.lesson.plots import Panels, Plot, Series

SAMPLE_SEED = 0

_UNUSED = {
    "Normal": ("n", "p", "a", "b"),
    "Binomial": ("mu", "sigma", "a", "b"),
    "Uniform": ("mu", "sigma", "n", "p"),
}
"""The parameters each shape ignores (`Plot.inactive`): the explorable leaves them out of its line."""


def distribution_panels() -> Panels:
    """Normal(0, 1), Binomial(20, 0.4) as bars, and Uniform(0, 1)."""
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


def _density_bars(samples, low: float, high: float, bins: int) -> tuple:
    """Bin centres and heights of a histogram scaled to a density (total area 1): count / (N · width)."""
    counts, edges = np.histogram(samples, bins=bins, range=(low, high))
    widths = np.diff(edges)
    return (edges[:-1] + edges[1:]) / 2, counts / (len(samples) * widths)


def _readouts(mean: float, variance: float, samples) -> tuple[str, str]:
    """The exact mean and variance above the samples' (the variance with n − 1)."""
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
    """The Normal view's axes: μ ± 3σ for every μ and σ in range, up to the narrowest peak 1/(σ√(2π))."""
    reach = max(abs(MU_RANGE[0]), abs(MU_RANGE[1])) + 3 * SIGMA_RANGE[1]
    peak = 1 / (SIGMA_RANGE[0] * math.sqrt(2 * math.pi))
    return (-reach, reach), (0.0, 1.15 * peak)


def binomial_axes(n: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """The Binomial(n, p) view's axes: k from 0 to n, up to the tallest pmf for any p in range."""
    k = np.arange(n + 1)
    tallest = max(float(np.max(binomial_pmf(k, n, p))) for p in np.linspace(*P_RANGE, 91))
    return (-0.5, n + 0.5), (0.0, 1.15 * tallest)


def uniform_axes() -> tuple[tuple[float, float], tuple[float, float]]:
    """The Uniform view's axes: every a and b in range, up to the tallest density 1/(b - a)."""
    return (A_RANGE[0] - 0.5, B_RANGE[1] + 0.5), (0.0, 1.3 / (B_RANGE[0] - A_RANGE[1]))


def _normal(mu: float, sigma: float, N: int) -> Plot:
    """N samples of Normal(μ, σ) binned over μ ± 4σ, under its density."""
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
    """N samples of Binomial(n, p) as shares of each k, and its pmf.

    The line is the normal with the same mean np and variance np(1 − p), to show how
    close a binomial comes to it (none when the variance is 0).
    """
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
    """N samples of Uniform(a, b) under its density 1/(b − a); a message instead when a ≥ b."""
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
