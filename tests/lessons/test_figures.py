"""The lesson's figures and explorables: the data they describe is the mathematics they claim.

Each build is checked against numpy (or plain arithmetic), never against
numbers copied from its own output. `tutor lessons --check` is exercised on
the real lesson and on a lesson with broken figures.
"""

from __future__ import annotations

from lessons.maths_foundations.figures import calculus, descent, distributions, eigen, matrices, regression, svd, vectors

import math
import subprocess
import sys

import numpy as np
import pytest

from lessons.maths_foundations import LESSON, figures
from tutor.cli import build_problems
from tutor.core.linalg import energy
from tutor.lesson import Explorable, Figure, Lesson, Param, Prose, Section
from tutor.lesson.figure_audit import check_figures, settings
from tutor.lesson.plots import MatrixStep, Panels, Plot, Series, Shades, problems


def series(plot: Plot, label: str) -> Series:
    return next(s for s in plot.series if s.label == label)


def test_the_lesson_module_imports_no_numpy():
    code = "import sys, lessons.maths_foundations.figures as f; print('numpy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_every_figure_and_explorable_is_placed_in_the_lesson():
    blocks = [block for section in LESSON.sections for block in section.blocks]
    for block in (*figures.FIGURES, *figures.EXPLORABLES):
        assert sum(candidate is block for candidate in blocks) == 1, block.title
    where = {block.name: section.id for section in LESSON.sections for block in section.blocks
             if isinstance(block, (Figure, Explorable))}
    assert where["x-squared"] == where["tangent"] == "derivatives"
    assert where["distributions"] == where["sampling"] == "distributions"
    assert where["houses-fit"] == "regression" and where["matmul-steps"] == "matrices"
    assert where["matrix-circle"] == where["svd-compression"] == where["pca"] == where["determinant"] == "eigen"
    assert where["projection"] == "regression"


def test_check_builds_every_figure_and_every_setting_without_a_problem():
    report = check_figures(LESSON)
    assert report.problems == []
    assert (report.figures, report.explorables) == (3, 10)
    expected = 3 + sum(len(list(settings(block))) for block in figures.EXPLORABLES)
    assert report.builds == expected
    assert build_problems(LESSON) == []


def test_settings_cover_defaults_extremes_and_every_choice():
    found = list(settings(figures.DISTRIBUTIONS))
    assert found[0] == figures.DISTRIBUTIONS.defaults()
    binomial = [values for values in found if values["dist"] == "Binomial"]
    assert {values["n"] for values in binomial} == set(figures.BINOMIAL_NS)
    assert any(values["dist"] == "Binomial" and values["p"] == figures.P_RANGE[0] for values in found)
    assert any(values["dist"] == "Normal" and values["sigma"] == figures.SIGMA_RANGE[0] for values in found)
    assert len(found) == len({tuple(sorted(values.items())) for values in found})  # no repeats


def _nan_build(scale: float = 1.0) -> Plot:
    return Plot(series=(Series("line", (0.0, 1.0), (math.nan, math.inf * scale)),))


def _raising_build(level: int = 1) -> Plot:
    if level >= 3:
        raise ZeroDivisionError("level 3 divides by zero")
    return Plot(series=(Series("line", (0.0, 1.0), (0.0, float(level))),))


def test_check_reports_a_build_that_raises_or_draws_nothing_finite():
    lesson = Lesson(
        id="shaky", number=9, title="Shaky", summary="s",
        sections=(Section("one", "One", (
            Prose("text"),
            Figure("Not a description", lambda: "a string"),
            Figure("Nothing finite", _nan_build),
            Explorable("Falls over at the top", (Param("level", "level", 1, 0, 3, 1),), _raising_build),
        )),),
    )
    report = check_figures(lesson)
    assert len(report.problems) == 3, report.problems
    assert "'Not a description': build returned str, not a plot description" in report.problems[0]
    assert "'Nothing finite': series 'line' has no finite data" in report.problems[1]
    assert "'Falls over at the top' at level=3: raised ZeroDivisionError: level 3 divides by zero" in report.problems[2]


# ---------------------------------------------------------------- the three figures


def test_derivative_figure_is_x_squared_and_its_slope():
    plot = calculus.derivative_plot()
    x = np.asarray(series(plot, "f(x) = x²").x)
    assert x.min() == -3 and x.max() == 3
    np.testing.assert_allclose(series(plot, "f(x) = x²").y, x**2)
    np.testing.assert_allclose(series(plot, "f′(x) = 2x").y, 2 * x, atol=1e-6)
    assert plot.series[0].kind == "hline" and list(plot.series[0].y) == [0.0]  # the x-axis
    assert plot.xlabel and plot.ylabel and problems(plot) == []


def test_distribution_panels_are_normal_binomial_bars_and_uniform():
    panels = distributions.distribution_panels()
    assert isinstance(panels, Panels) and [p.title for p in panels.plots] == ["Normal(0, 1)", "Binomial(20, 0.4)", "Uniform(0, 1)"]
    normal, binomial, uniform = (plot.series[0] for plot in panels.plots)
    x = np.asarray(normal.x)
    assert np.trapezoid(normal.y, x) == pytest.approx(1.0, abs=1e-3)
    assert binomial.kind == "bar" and list(binomial.x) == list(range(21))
    pmf = np.asarray(binomial.y)
    assert pmf.sum() == pytest.approx(1.0) and int(np.argmax(pmf)) == 8
    assert (pmf * np.arange(21)).sum() == pytest.approx(20 * 0.4)
    u = np.asarray(uniform.x)
    np.testing.assert_allclose(uniform.y, np.where((u >= 0) & (u <= 1), 1.0, 0.0))


def test_house_figure_shows_the_fitted_line_its_equation_and_r_squared():
    plot = regression.houses_plot()
    rng = np.random.default_rng(42)
    area = rng.uniform(0, 10, 100)
    price = 3.5 * area + 10 + rng.normal(0, 2, 100)
    slope, intercept = np.polyfit(area, price, 1)
    r2 = 1 - np.sum((price - (intercept + slope * area)) ** 2) / np.sum((price - price.mean()) ** 2)
    houses = series(plot, "houses")
    np.testing.assert_allclose(houses.x, area)
    line = next(s for s in plot.series if s.kind == "line")
    assert line.label == f"ŷ = {intercept:.2f} + {slope:.2f}x, R² = {r2:.3f}"
    np.testing.assert_allclose(line.y, intercept + slope * np.asarray(line.x))
    assert f"R² = {r2:.4f}" in plot.caption[1]


# ---------------------------------------------------------------- the explorables


@pytest.mark.parametrize(
    "function, f, exact", [("x²", np.square, lambda x: 2 * x), ("sin x", np.sin, np.cos), ("eˣ", np.exp, np.exp)]
)
@pytest.mark.parametrize("x0", [-3.0, -0.7, 0.0, 2.5])
def test_tangent_touches_f_at_x0_with_the_right_slope(function, f, exact, x0):
    plot = calculus.tangent_plot(x0, function)
    point = series(plot, "x₀")
    tangent = series(plot, "tangent")
    curve = series(plot, f"f(x) = {function}")
    np.testing.assert_allclose(curve.y, f(np.asarray(curve.x)))
    assert point.x == (x0,) and point.y[0] == pytest.approx(f(x0))
    on_line = np.asarray(tangent.y) - exact(x0) * (np.asarray(tangent.x) - x0)
    np.testing.assert_allclose(on_line, f(x0), atol=1e-6)  # the line goes through (x₀, f(x₀))
    if len(tangent.x) >= 2:
        slope = np.diff(tangent.y) / np.diff(tangent.x)
        np.testing.assert_allclose(slope, exact(x0), rtol=1e-6)
    assert f"exact {exact(x0):.6f}".replace("-0.000000", "0.000000") in plot.caption[1]
    assert plot.ylim[0] <= min(tangent.y) and max(tangent.y) <= plot.ylim[1]  # clipped to the view


def test_normal_samples_match_their_readouts_and_the_curve_is_the_density():
    plot = distributions.distribution_plot("Normal", mu=1.5, sigma=0.5, N=2000)
    samples = np.random.default_rng(distributions.SAMPLE_SEED).normal(1.5, 0.5, 2000)
    assert f"mean {samples.mean():.3f}" in plot.caption[1] and f"variance {samples.var(ddof=1):.3f}" in plot.caption[1]
    assert "mean 1.500  variance 0.250" in plot.caption[0]
    curve = series(plot, "exact")
    x = np.asarray(curve.x)
    np.testing.assert_allclose(curve.y, np.exp(-((x - 1.5) ** 2) / 0.5) / (0.5 * np.sqrt(2 * np.pi)))
    bars = series(plot, "samples")
    width = np.diff(bars.x)[0]
    assert np.sum(bars.y) * width == pytest.approx(np.mean(np.abs(samples - 1.5) <= 2.0), abs=1e-9)


def test_a_narrow_normal_is_a_tall_spike_not_an_error():
    plot = distributions.distribution_plot("Normal", sigma=0.05)
    assert max(series(plot, "exact").y) == pytest.approx(1 / (0.05 * np.sqrt(2 * np.pi)), rel=1e-3)
    assert problems(plot) == []


@pytest.mark.parametrize("n, p", [(20, 0.4), (500, 0.5), (1, 0.01), (30, 0.0), (30, 1.0)])
def test_binomial_with_its_normal_approximation(n, p):
    plot = distributions.distribution_plot("Binomial", n=n, p=p)
    exact = series(plot, "exact")
    k = np.asarray(exact.x)
    assert np.asarray(exact.y).sum() == pytest.approx(1.0, abs=1e-6)  # the shown k hold nearly all the mass
    assert f"mean {n * p:.3f}  variance {n * p * (1 - p):.3f}" in plot.caption[0]
    labels = [s.label for s in plot.series]
    if 0 < p < 1:
        normal = series(plot, "normal")
        x = np.asarray(normal.x)
        sd = math.sqrt(n * p * (1 - p))
        np.testing.assert_allclose(normal.y, np.exp(-((x - n * p) / sd) ** 2 / 2) / (sd * math.sqrt(2 * math.pi)))
    else:
        assert "normal" not in labels and "variance is 0" in plot.caption[2]
    assert k.min() >= 0 and k.max() <= n


def test_uniform_needs_a_below_b_and_says_so():
    plot = distributions.distribution_plot("Uniform", a=2.0, b=1.0)
    assert plot.message and "needs a < b" in plot.message
    plot = distributions.distribution_plot("Uniform", a=-1.0, b=3.0, N=4000)
    assert "mean 1.000  variance 1.333" in plot.caption[0]
    assert max(series(plot, "exact").y) == pytest.approx(0.25)


def test_matrix_on_the_circle_and_its_eigenvectors():
    plot = eigen.transform_plot(3, 1, 1, 3)
    circle, image = series(plot, "unit circle"), series(plot, "image under M")
    M = np.array([[3.0, 1.0], [1.0, 3.0]])
    np.testing.assert_allclose(np.vstack([image.x, image.y]), M @ np.vstack([circle.x, circle.y]))
    for label, value in (("λ₁ v₁", 4.0), ("λ₂ v₂", 2.0)):
        arrow = series(plot, label)
        end = np.array([arrow.x[1], arrow.y[1]])
        np.testing.assert_allclose(M @ (end / value), end)  # M v = λ v
        assert np.linalg.norm(end) == pytest.approx(value)
    assert "λ₁ = 4.00" in plot.caption[2] and "λ₂ = 2.00" in plot.caption[3]
    assert plot.equal_aspect and plot.legend == "outside"


def test_complex_eigenvalues_are_said_plainly_and_a_singular_matrix_is_named():
    rotation = eigen.transform_plot(0, -1, 1, 0)
    text = " ".join(rotation.caption)
    assert "λ = 0.00 + 1.00i and 0.00 − 1.00i" in text and "complex" in text
    assert not any(s.label.startswith("λ") for s in rotation.series)
    singular = eigen.transform_plot(1, 2, 2, 4)
    assert singular.caption[1].startswith("det M = 0: all collapses onto a line")
    assert problems(eigen.transform_plot(0, 0, 0, 0)) == []


@pytest.mark.parametrize("k", [1, 4, 17, 18, 31, 32])
def test_svd_compression_keeps_the_energy_tutor_core_says(k):
    shades = svd.svd_shades(k)
    assert isinstance(shades, Shades)
    (_, original), (title, approximation) = shades.pictures
    original, approximation = np.asarray(original), np.asarray(approximation)
    assert original.shape == approximation.shape == (32, 32) and title == f"rank {k}"
    assert f"energy kept {energy(original, k):.2%}" in shades.caption[0]
    U, s, Vt = np.linalg.svd(original)
    best = np.clip((U[:, :k] * s[:k]) @ Vt[:k], 0, 1)
    np.testing.assert_allclose(approximation, best, atol=1e-9)
    rank = np.linalg.matrix_rank(original)
    assert shades.pictures[0][0] == f"original (rank {rank})"  # the label is the picture's true rank
    if k >= rank:
        np.testing.assert_allclose(approximation, original, atol=1e-9)
        assert f"k ≥ {rank}, the picture's rank: the copy is exact" == shades.caption[-1]
    else:
        assert np.abs(approximation - original).max() > 1e-3  # not yet exact, and it does not say so
        assert "exact" not in shades.caption[-1].split(":")[0] and f"from k = {rank} on" in shades.caption[-1]


def test_the_picture_is_made_here_and_has_structure():
    picture = svd.picture()
    assert picture.shape == (32, 32) and picture.min() >= 0 and picture.max() <= 1
    assert np.linalg.matrix_rank(picture) > 8  # not a trivial low-rank pattern


def test_gradient_descent_reaches_the_normal_equation_when_standardized():
    plot = descent.descent_plot(lr=0.1, steps=200, scaled="yes")
    losses = np.asarray(series(plot, "gradient descent").y)
    best = series(plot, "normal equation").y[0]
    assert losses[-1] == pytest.approx(best, rel=1e-6) and np.all(np.diff(losses) <= 1e-9)
    assert plot.yscale == "log"


def test_raw_features_crawl_or_diverge_and_divergence_is_said_not_plotted():
    crawl = descent.descent_plot(lr=0.01, steps=100, scaled="no")
    losses = np.asarray(series(crawl, "gradient descent").y)
    best = series(crawl, "normal equation").y[0]
    assert losses[-1] > 2 * best  # 100 small steps leave it far from the optimum
    diverged = descent.descent_plot(lr=0.1, steps=100, scaled="no")
    assert diverged.message.startswith("Diverged") and diverged.series == ()
    assert "too big for raw features" in diverged.caption[0]
    assert descent.descent_plot(lr=1.2, steps=1000, scaled="yes").message.startswith("Diverged")


@pytest.mark.parametrize("rho", [-0.95, 0.0, 0.8])
def test_pca_axes_are_the_covariance_eigenvectors(rho):
    plot = eigen.pca_plot(rho)
    points = series(plot, "points")
    cloud = np.column_stack([points.x, points.y])
    values, vectors = np.linalg.eigh(np.cov(cloud, rowvar=False))
    for number, index in ((1, 1), (2, 0)):
        axis = series(plot, f"PC{number}")
        direction = np.array([axis.x[1] - axis.x[0], axis.y[1] - axis.y[0]])
        assert np.linalg.norm(direction) == pytest.approx(4 * np.sqrt(values[index]))  # 2√λ each way
        assert abs(direction @ vectors[:, index]) / np.linalg.norm(direction) == pytest.approx(1.0)
    share = values[1] / values.sum()
    assert f"= {share:.0%}" in plot.caption[1]
    assert f"in the sample {np.corrcoef(cloud.T)[0, 1]:.2f}".replace("-0.00", "0.00") in plot.caption[0]


@pytest.mark.parametrize("x, y, where", [(1.2, 0.8, "outside every unit ball"), (0.3, 0.2, "inside every unit ball"),
                                         (0.6, 0.6, "inside the L2 and L∞ balls only"), (0.9, 0.9, "inside the L∞ ball only")])
def test_norms_are_read_out_and_the_balls_drawn(x, y, where):
    plot = vectors.norms_plot(x, y)
    v = np.array([x, y])
    assert plot.caption[0] == (f"‖p‖₁ = {np.linalg.norm(v, 1):.2f}   ‖p‖₂ = {np.linalg.norm(v):.2f}"
                               f"   ‖p‖∞ = {np.linalg.norm(v, np.inf):.2f}")
    assert plot.caption[1] == f"p is {where}"
    for label, order in (("‖v‖₁ = 1", 1), ("‖v‖₂ = 1", 2), ("‖v‖∞ = 1", np.inf)):
        ball = series(plot, label)
        for px, py in zip(ball.x, ball.y):
            assert np.linalg.norm([px, py], order) == pytest.approx(1.0)
    assert series(plot, "p").x == (x,)


def test_the_stepper_is_an_explorable_of_the_lessons_matrices():
    assert figures.MATMUL.params[0].high == 9
    description = matrices.matmul_stepper(9)
    assert isinstance(description, MatrixStep)
    assert np.array_equal(np.array(description.C), np.array(figures.LESSON_A) @ np.array(figures.LESSON_B))


# ---------------------------------------------------------------- what the readouts say (issue 15, §3 and §4)


@pytest.mark.parametrize("M, det, words", [
    ((3, 1, 1, 3), 8.0, "areas ×8.00, orientation kept"),
    ((0, 1, 1, 0), -1.0, "areas ×1.00, a flip"),
    ((1, 2, 2, 4), 0.0, "all collapses onto a line (area 0)"),
    ((0, 0, 0, 0), 0.0, "all collapses onto a point"),
])
def test_the_matrix_readout_says_what_det_means(M, det, words):
    plot = eigen.transform_plot(*M)
    assert np.linalg.det(np.array(M, float).reshape(2, 2)) == pytest.approx(det)
    assert words in plot.caption[1]


@pytest.mark.parametrize("M", [(1, 1, 0, 1), (2, 0.5, 0, 2), (3, 1, -1, 1), (1, 0, 1.5, 1)])
def test_a_defective_matrix_has_one_eigen_direction_and_says_so(M):
    plot = eigen.transform_plot(*M)
    A = np.array(M, float).reshape(2, 2)
    values = np.linalg.eigvals(A)
    assert values[0] == pytest.approx(values[1])  # a repeated eigenvalue ...
    assert np.linalg.matrix_rank(A - values[0].real * np.eye(2)) == 1  # ... with a one-dimensional eigenspace
    arrows = [s for s in plot.series if s.label.startswith("λ")]
    assert len(arrows) == 1  # one arrow, not two along the same line
    end = np.array([arrows[0].x[1], arrows[0].y[1]])
    np.testing.assert_allclose(A @ end, values[0].real * end, atol=1e-9)
    text = " ".join(plot.caption)
    assert "one eigen-direction only" in text and "λ₂" not in text


def test_a_multiple_of_the_identity_stretches_every_direction_alike():
    text = " ".join(eigen.transform_plot(2, 0, 0, 2).caption)
    assert "every" in text and "direction is an eigen-direction" in text


@pytest.mark.parametrize("lr, regime, words", [
    (0.1, "converging", "converging: every step moves towards the minimum"),
    (0.5, "converging", "converging in one step"),
    (0.8, "overshooting", "converging with overshoot"),
    (1.0, "oscillating", "oscillating: each step flips the error"),
    (1.05, "diverging", "diverging: the error w − w* grows"),
    (1.2, "diverging", "diverging: the error w − w* grows"),
])
def test_the_descent_readout_says_what_descent_does(lr, regime, words):
    from tutor.core.optimize import descent_regime, standardize
    from tutor.core.regression import add_bias, synthetic_houses

    x, y = synthetic_houses(**figures.HOUSES)
    X = add_bias(standardize(x)[0])
    assert descent_regime(X, lr)[0] == regime
    plot = descent.descent_plot(lr=lr, steps=100, scaled="yes")
    assert words in " ".join(plot.caption)
    # what the words claim is what descent does: w after 99 and 100 steps, against w*
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    w = np.zeros(2)
    errors = []
    for _ in range(100):
        w = w - lr * (2 / len(y)) * X.T @ (X @ w - y)
        errors.append(np.linalg.norm(w - w_star))
    if regime in ("converging", "overshooting"):
        assert errors[-1] < 1e-6 * errors[0] + 1e-9
    elif regime == "oscillating":
        assert errors[-1] == pytest.approx(errors[0]) and np.allclose(w, 0) or np.allclose(w, 2 * w_star)
    else:
        assert errors[-1] > 10 * errors[0]


def test_every_learning_rate_in_range_gets_a_regime_in_the_readout():
    param = figures.DESCENT.params[0]
    count = round((param.high - param.low) / param.step)
    for scaled in ("yes", "no"):
        for index in range(0, count + 1, 7):
            lr = param.clamp(param.low + index * param.step)
            text = " ".join(descent.descent_plot(lr=lr, steps=100, scaled=scaled).caption)
            assert sum(word in text for word in ("converging", "oscillating", "diverging", "stalled")) == 1, (lr, text)


@pytest.mark.parametrize("M", [(1.5, 0.5, 0, 1), (0, 1, 1, 0), (1, 1, 1, 1), (-1.5, 1, 0.5, 1.5), (0, 0, 0, 0)])
def test_the_parallelogram_has_area_det_and_turns_with_its_sign(M):
    plot = matrices.determinant_plot(*M)
    A = np.array(M, float).reshape(2, 2)
    det = np.linalg.det(A)
    image = series(plot, "M · square")
    corners = np.column_stack([image.x, image.y])[:4]
    np.testing.assert_allclose(corners, np.array([[0, 0], [1, 0], [1, 1], [0, 1]]) @ A.T)
    x, y = corners[:, 0], corners[:, 1]
    shoelace = 0.5 * (x @ np.roll(y, -1) - np.roll(x, -1) @ y)
    assert shoelace == pytest.approx(det, abs=1e-12)
    assert f"area of the parallelogram {abs(det):.2f} = |det M|" in plot.caption[2]
    sense = plot.caption[3]
    if abs(det) < 1e-12:
        assert "collapses" in sense and "no inverse" in sense
    elif det < 0:
        assert "flip" in sense and "clockwise" in sense
    else:
        assert "anticlockwise" in sense


def test_the_projection_residual_is_perpendicular_and_shortest_at_the_best_w():
    x, y = np.array(regression.PROJECTION_COLUMN), np.array(regression.PROJECTION_Y)
    best = (x @ y) / (x @ x)
    plot = regression.projection_plot(best)
    r = series(plot, "r = y − Xw")
    residual = np.array([r.x[1] - r.x[0], r.y[1] - r.y[0]])
    assert x @ residual == pytest.approx(0, abs=1e-12)  # Xᵀr = 0
    assert "so r ⟂ x" in plot.caption[1]
    lengths = {}
    param = figures.PROJECTION.params[0]
    for index in range(round((param.high - param.low) / param.step) + 1):
        w = param.clamp(param.low + index * param.step)
        other = regression.projection_plot(w)
        lengths[round(w, 6)] = float(other.caption[0].split("= ")[-1])
        if abs(w - best) > 1e-6:
            assert "not 0" in other.caption[1] and "⟂" not in other.caption[1]
    assert min(lengths, key=lengths.get) == pytest.approx(best)
    assert lengths[round(best, 6)] == pytest.approx(np.linalg.norm(y - best * x), abs=1e-3)
    nearest = series(plot, "nearest")
    np.testing.assert_allclose([nearest.x[0], nearest.y[0]], best * x)
