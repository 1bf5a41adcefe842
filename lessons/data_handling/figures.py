"""The figure and the explorables of Data Handling, and the functions that build them.

The sections name these builds as "lessons.data_handling.figures:function", so
this module, and numpy with it, is imported only when a figure is first drawn:
loading the lesson stays light. Each build computes its data with `tutor.core`
and returns a plot description (`tutor.lesson.plots`).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from tutor.core.optimize import descent_factors, gradient_descent
from tutor.core.preprocessing import fit_min_max, fit_robust, fit_standardizer, min_max_scale, robust_scale
from tutor.core.preprocessing import standardize, train_test_split
from tutor.core.regression import add_bias, synthetic_houses
from tutor.lesson.numbers import fixed
from tutor.lesson.plots import Plot, Series

# ---------------------------------------------------------------- section 2: three scalers

INCOMES = (28.0, 31.0, 35.0, 40.0, 46.0, 250.0)
"""Section 2's incomes in thousands of euros: five ordinary ones and an outlier."""


def scaled_incomes() -> dict[str, np.ndarray]:
    """The incomes under each scaler, each fitted on all six (the section's listing)."""
    x = np.array(INCOMES)[:, None]
    mean, std = fit_standardizer(x)
    low, high = fit_min_max(x)
    median, iqr = fit_robust(x)
    return {
        "standardized": standardize(x, mean, std).ravel(),
        "min-max": min_max_scale(x, low, high).ravel(),
        "robust": robust_scale(x, median, iqr).ravel(),
    }


def scalers_plot() -> Plot:
    """Scaled value against income for the three scalers, zoomed on the five ordinary incomes.

    Every scaler is a straight line x ↦ (x − a)/b; the steeper its line, the more
    of the scaled range the ordinary incomes get. The outlier's scaled values are
    off the chart and go in the caption.
    """
    x = np.array(INCOMES)
    ordinary = x[:-1]
    grid = np.linspace(25, 50, 101)
    scaled = scaled_incomes()
    lines = {
        "standardized": ("primary", "hd"),
        "min-max": ("accent", "braille"),
        "robust": ("success", "dot"),
    }
    series: list[Series] = [Series("hline", y=(0.0,), style="muted")]
    for name, (style, marker) in lines.items():
        values = scaled[name]
        slope = (values[-1] - values[0]) / (x[-1] - x[0])  # each scaler is a straight line
        line = values[0] + slope * (grid - x[0])
        series.append(Series("line", grid, line, name, marker=marker, style=style))
        series.append(Series("scatter", ordinary, values[:-1], "", marker="●", style=style))
    outlier = ", ".join(f"{name} {fixed(values[-1], 2)}" for name, values in scaled.items())
    spans = ", ".join(
        f"{name} {fixed(values[:-1].min(), 2)} to {fixed(values[:-1].max(), 2)}" for name, values in scaled.items()
    )
    return Plot(
        series=tuple(series),
        xlabel="income (thousands of €)",
        ylabel="scaled value",
        xlim=(25.0, 50.0),
        ylim=(-1.0, 1.0),
        caption=(
            "the five ordinary incomes: " + spans,
            "the outlier 250 (off the chart): " + outlier,
        ),
        legend="outside",
    )


# ---------------------------------------------------------------- section 2: descent over the contours

LEARNING_RATES = ("0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "0.5", "0.9", "1.1")
LIMIT = 100
"""Descent counts as diverged once its loss passes LIMIT times the loss at w = 0."""
LEVELS = (1.0, 0.4, 0.15, 0.05, 0.015)
"""The contours drawn: the loss at w* plus these shares of (loss at 0 − loss at w*)."""


def house_design(features: str) -> tuple[np.ndarray, np.ndarray]:
    """Lesson 2's house data as (X, y): a bias column and the area, raw or standardized."""
    area, price = synthetic_houses(100, 42)
    if features == "standardized":
        mean, std = fit_standardizer(area)
        area = standardize(area, mean, std)
    return add_bias(area), price


def _loss(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The mean squared error of every weight vector in w (one per row)."""
    w = np.atleast_2d(w)
    with np.errstate(all="ignore"):  # a diverging path overflows; the caller reports it
        return np.mean((w @ X.T - y) ** 2, axis=1)


def _path(X: np.ndarray, y: np.ndarray, lr: float, steps: int) -> np.ndarray:
    """The weights of gradient descent from 0: row t is w after t steps."""
    n = len(y)
    with np.errstate(all="ignore"):
        return gradient_descent(lambda w: 2 / n * X.T @ (X @ w - y), np.zeros(2), lr, steps)


def _box(features: str, X: np.ndarray, y: np.ndarray, best: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """Fixed axes for one kind of features, whatever the learning rate and steps.

    They hold the start, the least-squares weights and the widest path that
    converges: raw, the path at lr 0.03 (the largest stable rate of the ladder);
    standardized, the point 2w* that lr 0.9 nearly reaches on its first overshoot.
    """
    if features == "standardized":
        points = np.vstack([np.zeros(2), 2 * best])
    else:
        points = np.vstack([np.zeros(2), best, _path(X, y, 0.03, 500)])
    low, high = points.min(axis=0), points.max(axis=0)
    margin = 0.08 * (high - low)
    return (float(low[0] - margin[0]), float(high[0] + margin[0])), (float(low[1] - margin[1]), float(high[1] + margin[1]))


def _inside_runs(xs: np.ndarray, ys: np.ndarray, xlim, ylim) -> list[tuple[np.ndarray, np.ndarray]]:
    """The stretches of a curve that lie inside the box, each as its own (xs, ys)."""
    inside = (xs >= xlim[0]) & (xs <= xlim[1]) & (ys >= ylim[0]) & (ys <= ylim[1])
    runs = []
    start = None
    for index, flag in enumerate(list(inside) + [False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            if index - start >= 2:
                runs.append((xs[start:index], ys[start:index]))
            start = None
    return runs


def contour_ellipses(X: np.ndarray, y: np.ndarray, best: np.ndarray) -> list[tuple[float, np.ndarray]]:
    """The loss's level curves as (level, points): ellipses around w*.

    L(w) = L(w*) + (w − w*)ᵀ A (w − w*) with A = XᵀX/n, so the level L(w*) + c is
    the ellipse w* + V (√(c/λ₁) cos t, √(c/λ₂) sin t), with λ and V the
    eigenvalues and eigenvectors of A.
    """
    A = X.T @ X / len(y)
    values, vectors = np.linalg.eigh(A)
    lowest = float(_loss(X, y, best)[0])
    rise = float(_loss(X, y, np.zeros(2))[0]) - lowest
    t = np.linspace(0, 2 * np.pi, 721)
    ellipses = []
    for share in LEVELS:
        c = share * rise
        circle = np.vstack([np.sqrt(c / values[0]) * np.cos(t), np.sqrt(c / values[1]) * np.sin(t)])
        ellipses.append((lowest + c, best[:, None] + vectors @ circle))
    return ellipses


def descent_contours(features: str = "raw", lr: str = "0.03", steps: int = 50) -> Plot:
    """Gradient descent on the house data drawn in the plane of its two weights, over the loss contours."""
    rate, steps = float(lr), int(steps)
    X, y = house_design(features)
    best = np.linalg.solve(X.T @ X, X.T @ y)
    lowest = float(_loss(X, y, best)[0])
    start = float(_loss(X, y, np.zeros(2))[0])
    curvatures = np.linalg.eigvalsh(2 / len(y) * X.T @ X)
    factors = descent_factors(X, rate)
    worst = float(factors[np.argmax(np.abs(factors))])
    kind = "standardized area" if features == "standardized" else "raw area"
    stability = (
        f"{kind}: curvatures {fixed(curvatures[1], 2)} and {fixed(curvatures[0], 2)},"
        f" stable for lr < {fixed(2 / curvatures[1], 3)}"
    )
    path = _path(X, y, rate, steps)
    losses = _loss(X, y, path)
    blown = ~np.isfinite(losses) | (losses > LIMIT * start)
    if blown.any():
        when = int(np.argmax(blown))
        return Plot(
            message=f"Diverged: the loss passed {LIMIT} × its start after {when} step{'s' if when > 1 else ''}.",
            caption=(
                stability,
                f"lr {lr}: the error w − w* grows ×{fixed(abs(worst), 2)} a step",
            ),
        )
    xlim, ylim = _box(features, X, y, best)
    series: list[Series] = []
    for number, (_, ring) in enumerate(contour_ellipses(X, y, best)):
        for xs, ys in _inside_runs(ring[0], ring[1], xlim, ylim):
            label = "loss contours" if number == 0 and not series else ""
            series.append(Series("line", xs, ys, label, marker="braille", style="muted"))
    for xs, ys in _inside_runs(path[:, 0], path[:, 1], xlim, ylim) or [(path[:1, 0], path[:1, 1])]:
        series.append(Series("line", xs, ys, "" if any(s.label == "descent" for s in series) else "descent",
                             marker="hd", style="primary"))
    series.append(Series("scatter", (0.0,), (0.0,), "start", marker="●", style="warning"))
    series.append(Series("scatter", (float(best[0]),), (float(best[1]),), "least squares", marker="●",
                         style="success"))
    left = abs(worst) ** steps
    share = f"{left:.0%}" if left >= 0.005 else "almost none"
    if abs(worst) < 1e-9:
        behaviour = f"lr {lr} = 1/curvature: the first step lands on w*"
    elif worst < 0:
        behaviour = f"lr {lr}: steps overshoot, the error flips and shrinks ×{fixed(-worst, 4)}; {share} left"
    else:
        behaviour = f"lr {lr}: the slowest error shrinks ×{fixed(worst, 4)} a step; {share} of it left"
    return Plot(
        series=tuple(series),
        xlabel="intercept w₀",
        ylabel="slope w₁",
        xlim=xlim,
        ylim=ylim,
        equal_aspect=True,
        caption=(
            stability,
            behaviour,
            f"after {steps} steps: MSE {fixed(float(losses[-1]), 3)} (least squares: {fixed(lowest, 3)})",
        ),
        legend="outside",
    )


# ---------------------------------------------------------------- section 5: the spread of a test score

ROW_CHOICES = ("40", "100", "400", "1000")
SEEDS = 200
NOISE = 6.0
SPREAD_SEED = 11
R2_RANGE = (-1.0, 1.0)


def spread_data(rows: int) -> tuple[np.ndarray, np.ndarray]:
    """The first `rows` of one fixed data set: x uniform on [0, 10], y = 3.5x + 10 + Normal(0, 6) noise."""
    rng = np.random.default_rng(SPREAD_SEED)
    x = rng.uniform(0, 10, size=int(ROW_CHOICES[-1]))
    y = 3.5 * x + 10 + rng.normal(0, NOISE, size=x.size)
    return x[:rows], y[:rows]


def true_r_squared() -> float:
    """R² of the true line on endless new data: var(3.5x) / (var(3.5x) + σ²), with var(x) = 100/12."""
    signal = 3.5**2 * 100 / 12
    return signal / (signal + NOISE**2)


def test_score(x: np.ndarray, y: np.ndarray, test_share: float, seed: int) -> float:
    """Fit a line on the training rows of one seeded split; its R² on the test rows."""
    train, test = train_test_split(len(x), test_share, seed)
    slope, intercept = np.polyfit(x[train], y[train], 1)
    guess = intercept + slope * x[test]
    sse = np.sum((y[test] - guess) ** 2)
    sst = np.sum((y[test] - y[test].mean()) ** 2)
    return float(1 - sse / sst)


@lru_cache(maxsize=64)
def test_scores(rows: int, test_share: float) -> np.ndarray:
    """`test_score` for the seeds 0 … SEEDS − 1, all at once (the same numbers, computed as arrays).

    The splits come from `train_test_split`; the lines are fitted in closed form,
    slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)² over each training set. Cached: moving
    the seed only moves the marker.
    """
    x, y = spread_data(rows)
    splits = [train_test_split(rows, test_share, seed) for seed in range(SEEDS)]
    train = np.array([split[0] for split in splits])
    test = np.array([split[1] for split in splits])
    xt, yt = x[train], y[train]
    x_bar, y_bar = xt.mean(axis=1, keepdims=True), yt.mean(axis=1, keepdims=True)
    slope = np.sum((xt - x_bar) * (yt - y_bar), axis=1, keepdims=True) / np.sum((xt - x_bar) ** 2, axis=1, keepdims=True)
    guess = y_bar + slope * (x[test] - x_bar)
    sse = np.sum((y[test] - guess) ** 2, axis=1)
    sst = np.sum((y[test] - y[test].mean(axis=1, keepdims=True)) ** 2, axis=1)
    scores = 1 - sse / sst
    scores.flags.writeable = False
    return scores


def score_spread(rows: str = "100", test_share: float = 0.2, seed: int = 0) -> Plot:
    """The test R² of the same model for 200 split seeds, with the chosen seed's score marked."""
    n = int(rows)
    scores = test_scores(n, round(float(test_share), 6))
    mine = scores[int(seed)]
    n_test = int(round(float(test_share) * n))
    drawn = np.clip(scores, *R2_RANGE)
    counts, edges = np.histogram(drawn, bins=40, range=R2_RANGE)
    centres = (edges[:-1] + edges[1:]) / 2
    low, high = np.percentile(scores, [5, 95])
    caption = [
        f"seed {int(seed)}: test R² {fixed(mine, 2)} on {n_test} test rows, {n - n_test} to train",
        f"{SEEDS} seeds: the middle 90% from {fixed(low, 2)} to {fixed(high, 2)}, std {fixed(scores.std(), 3)}",
        f"the true line's R² on endless new data: {fixed(true_r_squared(), 2)}",
    ]
    below = int(np.sum(scores < R2_RANGE[0]))
    if below:
        caption.append(f"{below} of the {SEEDS} scores are below −1; they are drawn at −1")
    return Plot(
        series=(
            Series("bar", centres, counts, "scores of 200 seeds", style="muted", width=1.0),
            Series("vline", x=(float(np.clip(mine, *R2_RANGE)),), label=f"seed {int(seed)}", style="accent"),
            Series("vline", x=(true_r_squared(),), label="true line", style="success"),
        ),
        xlabel="test R²",
        ylabel="seeds",
        xlim=(R2_RANGE[0] - 0.05, R2_RANGE[1] + 0.05),
        caption=tuple(caption),
        legend="outside",
    )
