"""The Maths Foundations lesson: its shape, its examples and its figures.

Every example is run in a fresh interpreter and must print exactly the
output the lesson shows. The figures quoted in the text are recomputed here
with numpy, so a wrong number in the lesson fails a test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import numpy as np
import pytest

from lessons.maths_foundations import LESSON
from tests.helpers import lesson_examples
from tutor.lesson import Example, Prose, Quiz, validate

PACKAGE_DIR = Path(__file__).parents[2] / "lessons" / "maths_foundations"
SEED_DIR = Path(__file__).parents[2].parent / "shared" / "seed"

SECTION_IDS = [
    "goals",
    "vectors",
    "matrices",
    "eigen",
    "derivatives",
    "distributions",
    "regression",
    "pitfalls",
    "next_steps",
    "quiz",
]
# The brief allows 52 columns. At 80x24 the code listing widget (border and
# padding inside a ~50-column content pane) wraps anything wider than 46, so
# the lesson keeps to that.
CODE_WIDTH = 46


EXAMPLES = lesson_examples(LESSON)


def _section(section_id: str):
    index = LESSON.section_index(section_id)
    assert index is not None, f"no section {section_id!r}"
    return LESSON.sections[index]


def _prose(section_id: str) -> str:
    """The section's prose with line breaks and runs of spaces folded."""
    blocks = _section(section_id).blocks
    text = " ".join(b.markdown for b in blocks if isinstance(b, Prose))
    return re.sub(r"\s+", " ", text)


def _outputs(section_id: str) -> str:
    blocks = _section(section_id).blocks
    return "\n".join(b.output or "" for b in blocks if isinstance(b, Example))


def _all_text() -> str:
    parts = [LESSON.title, LESSON.summary]
    for section in LESSON.sections:
        parts.append(section.title)
        for block in section.blocks:
            if isinstance(block, Prose):
                parts.append(block.markdown)
            elif isinstance(block, Quiz):
                for question in block.questions:
                    parts += [question.prompt, question.explanation, *getattr(question, "options", ())]
            else:  # examples, figures, explorables, exercises: every text field they have
                fields = ("title", "setup", "code", "output", "task", "starter", "solution")
                parts += [getattr(block, name, None) or "" for name in fields]
                parts += list(getattr(block, "hints", ()))
    return "\n".join(parts)


# --- shape of the lesson ----------------------------------------------------


def test_lesson_is_valid():
    assert validate(LESSON) == []


def test_lesson_identity():
    assert LESSON.id == "maths_foundations"
    assert LESSON.number == 2
    assert LESSON.title == "Maths Foundations for ML"
    assert 0 < len(LESSON.summary) <= 70


def test_sections_in_order():
    assert [s.id for s in LESSON.sections] == SECTION_IDS


@pytest.mark.parametrize("section", LESSON.sections, ids=lambda s: s.id)
def test_section_title_fits_the_sidebar(section):
    assert 0 < len(section.title) <= 28, section.title


@pytest.mark.parametrize("section", LESSON.sections, ids=lambda s: s.id)
def test_section_has_prose_and_does_not_repeat_its_title(section):
    first = section.blocks[0]
    assert isinstance(first, Prose)
    assert section.title.lower() not in first.markdown.splitlines()[0].lower()


def test_registered_through_the_entry_point():
    found = {ep.name: ep for ep in entry_points(group="tutor.lessons")}
    assert "maths_foundations" in found
    assert found["maths_foundations"].load() is LESSON


def test_importing_the_lesson_does_not_import_numpy():
    probe = (
        "import sys\n"
        "import lessons.maths_foundations\n"
        "heavy = sorted({'numpy', 'scipy'} & set(sys.modules))\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[]\n"


# --- the examples -----------------------------------------------------------


@pytest.mark.parametrize(
    "example", [e for _, e in EXAMPLES], ids=[name for name, _ in EXAMPLES]
)
def test_code_lines_fit_the_pane(example):
    for line in (example.setup + "\n" + example.code).splitlines():
        assert len(line) <= CODE_WIDTH, f"{len(line)} > {CODE_WIDTH}: {line!r}"


@pytest.mark.parametrize(
    "example", [e for _, e in EXAMPLES], ids=[name for name, _ in EXAMPLES]
)
def test_the_shown_code_runs_alone_in_a_fresh_interpreter_and_prints_its_output(example, tmp_path):
    """Section 1 promises that every listing, exactly as shown, is a complete program.

    Only `code` runs here, never the hidden `setup`, in an isolated interpreter
    (`-I`: no current directory or PYTHONPATH on the path, so nothing of the
    project leaks in). It must print the listing's recorded output, lines that fit
    the pane, and nothing on stderr, not even a warning (`-W default` shows each).
    """
    assert "complete program" in _prose("goals")  # the promise this test keeps
    assert example.output, "every example shows its output"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [sys.executable, "-I", "-W", "default", "-c", example.code],
        capture_output=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, f"the shown code alone fails:\n{result.stderr}"
    assert result.stderr == ""
    assert result.stdout == example.output
    for line in result.stdout.splitlines():
        assert len(line) <= CODE_WIDTH, f"output line too wide: {line!r}"


def test_there_are_examples_in_every_teaching_section():
    teaching = SECTION_IDS[1:8]
    for section_id in teaching:
        blocks = _section(section_id).blocks
        assert any(isinstance(b, Example) for b in blocks), section_id


# --- the figures, recomputed --------------------------------------------------


def test_dot_product_figure():
    dot = np.dot([1.0, 2.0, 3.0], [4.0, 5.0, 6.0])
    assert dot == 32
    assert f"= {dot:.0f}" in _prose("vectors")
    assert f"{dot}\n" * 4 in _outputs("vectors")  # four ways, one answer


def test_matrix_product_figure():
    product = np.array([[1, 2], [3, 4], [5, 6]]) @ np.array(
        [[7, 8, 9], [10, 11, 12]]
    )
    assert product.tolist() == [[27, 30, 33], [61, 68, 75], [95, 106, 117]]
    outputs = _outputs("matrices")
    assert str(product) in outputs  # numpy's own layout
    for row in product.tolist():
        assert f"{row}\n" in outputs  # the hand-written loop's rows


def test_eigenvalue_figure():
    values = np.linalg.eigvalsh(np.array([[3.0, 1.0], [1.0, 3.0]]))[::-1]
    assert np.allclose(values, [4.0, 2.0])
    big, small = (f"{v:.0f}" for v in values)
    assert f"eigenvalues {big} and {small}" in _prose("eigen")
    assert f"eigenvalues: {values}" in _outputs("eigen")


def test_regression_figures():
    rng = np.random.default_rng(42)
    n = 100
    x = rng.uniform(0, 10, size=n)  # the feature is drawn first
    y = 3.5 * x + 10 + rng.normal(0, 2, size=n)
    design = np.column_stack([np.ones(n), x])
    w = np.linalg.lstsq(design, y, rcond=None)[0]
    r2 = 1 - np.sum((y - design @ w) ** 2) / np.sum((y - y.mean()) ** 2)
    intercept, slope, r_squared = f"{w[0]:.3f}", f"{w[1]:.3f}", f"{r2:.4f}"
    assert (intercept, slope, r_squared) == ("9.897", "3.515", "0.9598")

    outputs, prose = _outputs("regression"), _prose("regression")
    assert f"intercept {intercept}" in outputs
    assert f"slope     {slope}" in outputs
    assert f"SSE/SST = {r_squared}" in outputs
    assert f"intercept {intercept} and slope {slope}" in prose
    assert f"R² = {r_squared}" in prose
    assert f"{intercept} and slope {slope}" in _prose("next_steps")


def test_distribution_figures():
    stats = pytest.importorskip("scipy.stats")
    outputs = _outputs("distributions")
    assert f"p(0.0) = {stats.norm.pdf(0):.4f}" in outputs
    assert f"{stats.norm.pdf(0):.4f}" == "0.3989"
    binom = stats.binom(20, 0.4)
    mode = int(np.argmax(binom.pmf(np.arange(21))))
    assert binom.mean() == 8 and mode == 8
    assert f"mean {binom.mean():.4f}" in outputs
    assert f"mode {mode}  P(X={mode}) = {binom.pmf(mode):.4f}" in outputs
    assert f"np = 20 × 0.4 = {binom.mean():.0f}" in _prose("distributions")


# --- nothing pasted from the reference lesson --------------------------------


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _reference_pieces(text: str) -> set[str]:
    """Each reference line cut at punctuation followed by a space; long pieces."""
    pieces = set()
    for line in text.splitlines():
        for piece in re.split(r"(?<=[.!?,:;])\s+", line):
            piece = _normalise(piece)
            if len(piece) >= 40:
                pieces.add(piece)
    return pieces


def _shared(text: str, pieces: set[str]) -> list[str]:
    haystack = _normalise(text)
    return sorted(p for p in pieces if p in haystack)


def _seed_texts() -> list[str]:
    if not SEED_DIR.is_dir():
        pytest.skip(f"reference lessons not found at {SEED_DIR}")
    texts = [p.read_text(errors="ignore") for p in sorted(SEED_DIR.glob("*.txt"))]
    if not texts:
        pytest.skip(f"no reference lesson (*.txt) in {SEED_DIR}")
    return texts


def test_the_paste_detector_catches_a_copied_line():
    reference = "\n".join(_seed_texts())
    pieces = _reference_pieces(reference)
    assert pieces
    sample = sorted(pieces)[0]
    assert _shared("Intro.\n" + sample.upper() + "\nOutro.", pieces) == [sample]


def test_nothing_is_pasted_from_the_reference():
    pieces = _reference_pieces("\n".join(_seed_texts()))
    assert _shared(_all_text(), pieces) == []
    for source in sorted(PACKAGE_DIR.glob("*.py")):
        assert _shared(source.read_text(), pieces) == [], source.name


# --- issue 15: said precisely, and recomputed ---------------------------------


def _example(section_id: str, title: str) -> Example:
    found = [b for b in _section(section_id).blocks if isinstance(b, Example) and b.title == title]
    assert len(found) == 1, f"no example {title!r} in {section_id}"
    return found[0]


def _house_data():
    rng = np.random.default_rng(42)
    n = 100
    area = rng.uniform(0, 10, size=n)
    price = 3.5 * area + 10 + rng.normal(0, 2, size=n)
    return np.column_stack([np.ones(n), area]), price


def test_no_listing_needs_a_hidden_setup():
    for name, example in EXAMPLES:
        assert not example.setup.strip(), f"{name} hides code the learner cannot see"


def test_least_squares_is_maximum_likelihood_only_under_gaussian_noise():
    prose = _prose("distributions")
    assert "Least squares *is* that assumption" not in prose
    for phrase in ("same σ for every example", "(i.i.d.)", "under *that* assumption",
                   "least squares is maximum likelihood", "does not need the assumption",
                   "Gauss–Markov"):
        assert phrase in prose, phrase


def test_the_normal_says_which_sigma_it_means():
    prose = _prose("distributions")
    assert "the second number is always σ" in prose and "N(μ, σ²) with the variance" in prose


def test_three_digits_is_a_worst_case():
    prose = _prose("pitfalls")
    assert "*worst case*" in prose and "no method recovers x to more than" not in prose


def test_the_underflow_figure_belongs_to_its_draw():
    probs = np.random.default_rng(5).uniform(0.01, 0.5, size=1000)
    power = np.sum(np.log(probs)) / np.log(10)
    assert f"{power:.1f}" == "-718.2"
    prose = _prose("pitfalls")
    assert "For that draw the true product is about 10⁻⁷¹⁸" in prose
    assert "10⁻⁷⁰⁰" not in prose
    assert round(1000 * np.log10(0.5)) == -301 and "0.5 give 10⁻³⁰¹" in prose
    assert np.prod(np.full(1000, 0.5)) > 0 and np.prod(np.full(1100, 0.5)) == 0
    assert round(1100 * np.log10(0.5)) == -331 and "10⁻³³¹, cannot" in prose


def test_the_rank_two_ratings_error_is_stated_to_three_places():
    R = np.array([[5, 4, 1, 1, 2], [4, 5, 2, 1, 1], [1, 1, 5, 4, 5], [2, 1, 4, 5, 4]], float)
    U, sv, Vt = np.linalg.svd(R)
    worst = np.abs(R - (U[:, :2] * sv[:2]) @ Vt[:2]).max()
    prose = _prose("eigen")
    assert f"within {worst:.3f} of a point" in prose and "within 0.7 of" not in prose


def test_recommenders_fit_only_the_known_entries():
    prose = _prose("eigen")
    assert "the *known* ratings only" in prose and "A plain SVD needs every entry" in prose


def test_forming_the_gram_matrix_squares_the_condition_number():
    X, _ = _house_data()
    cond_x, cond_gram = np.linalg.cond(X), np.linalg.cond(X.T @ X)
    assert cond_gram == pytest.approx(cond_x**2)
    assert (f"{cond_x:.1f}", f"{cond_gram:.0f}") == ("11.7", "137")
    prose = _prose("regression")
    assert f"cond(X) is {cond_x:.1f} and cond(XᵀX) is {cond_gram:.0f}" in prose
    assert "**squares the condition number**" in prose


def test_the_determinant_and_the_shear_are_explained():
    prose = _prose("eigen")
    assert "### The determinant as an area factor" in prose
    assert "det [[a, b], [c, d]] = ad − bc" in prose
    assert np.linalg.det(np.array([[3.0, 1.0], [1.0, 3.0]])) == pytest.approx(8)
    assert "det = 3·3 − 1·1 = 8" in prose
    assert np.linalg.det(np.array([[0.0, 1.0], [1.0, 0.0]])) == pytest.approx(-1)
    assert np.linalg.det(np.array([[1.0, 2.0], [2.0, 4.0]])) == 0
    values, vectors = np.linalg.eig(np.array([[1.0, 1.0], [0.0, 1.0]]))
    assert np.allclose(values, 1) and np.linalg.matrix_rank(vectors) == 1
    assert "**A shear has one eigen-direction.**" in prose and "no second eigen-direction" in prose
    assert "Why a singular XᵀX has no unique fit" in prose
    source = (PACKAGE_DIR / "s04_eigen_svd.py").read_text()
    assert "# FIGURE: determinant" in source or "figures.DETERMINANT" in source  # its picture, or its place


def test_least_squares_as_a_projection():
    prose = _prose("regression")
    for phrase in ("### Least squares as a projection", "**column space**", "Xᵀ(y − Xw) = 0",
                   "*Normal* is an old word for perpendicular", "**orthogonal projection**"):
        assert phrase in prose, phrase
    X, price = _house_data()
    w = np.linalg.solve(X.T @ X, X.T @ price)
    r = price - X @ w
    assert f"{np.linalg.norm(r):.3f}² ≈ {r @ r:.1f}" in prose
    assert "distance |y - ŷ| = 19.584" in _example("regression", "The residual is perpendicular").output
    source = (PACKAGE_DIR / "s07_normal_equation.py").read_text()
    assert "# FIGURE: projection" in source or "figures.PROJECTION" in source  # its picture, or its place


def test_the_backprop_example_is_worked_by_hand():
    prose = _prose("derivatives")
    assert "### The chain rule as backpropagation" in prose
    x, y = np.array([1.5, -2.0, 0.5]), 1.0
    w, b = np.array([0.4, 0.3, -0.8]), 0.1
    z = w @ x + b
    p = 1 / (1 + np.exp(-z))
    dL_dz = 2 * (p - y) * p * (1 - p)
    assert f"z = 0.6 − 0.6 − 0.4 + 0.1 = {z:.1f}".replace("-", "−") in prose
    assert f"p = σ(−0.3) ≈ {p:.4f}" in prose
    assert f"dL/dp = 2({p:.4f} − 1) ≈ {2 * (p - y):.3f}".replace("-", "−") in prose
    assert f"dp/dz ≈ {p:.4f} · {1 - p:.4f} ≈ {p * (1 - p):.4f}" in prose
    assert f"dL/dz ≈ {dL_dz:.4f}".replace("-", "−") in prose
    output = _example("derivatives", "Backprop through one neuron").output
    assert f"hand  dL/db {dL_dz:.6f}" in output and f"check dL/db {dL_dz:.6f}" in output


def test_the_learning_rate_behaviour_is_explained_with_the_right_numbers():
    X, price = _house_data()
    n = len(price)
    z = (X[:, 1] - X[:, 1].mean()) / X[:, 1].std()
    Z = np.column_stack([np.ones(n), z])
    assert np.allclose(Z.T @ Z / n, np.eye(2))  # the round bowl: each step multiplies w − w* by 1 − 2η
    best = np.linalg.solve(Z.T @ Z, Z.T @ price)
    w = np.zeros(2)
    for _ in range(100):  # η = 1: back and forth between 0 and 2w*
        w = w - 1.0 * 2 / n * Z.T @ (Z @ w - price)
    assert np.allclose(w, 0)
    w = w - 1.0 * 2 / n * Z.T @ (Z @ w - price)
    assert np.allclose(w, 2 * best)
    start = np.mean(price**2)
    assert np.mean((Z @ (2 * best) - price) ** 2) == pytest.approx(start)
    curvatures = np.linalg.eigvalsh(2 * X.T @ X / n)
    limit = 2 / curvatures.max()
    prose = _prose("next_steps")
    assert f"MSE is {start:.2f}, its starting value" in prose
    assert f"is {curvatures.max():.1f} along one direction and only {curvatures.min():.2f}" in prose
    assert f"2/{curvatures.max():.1f} ≈ {limit:.3f}" in prose
    assert 0.03 < limit < 0.035 and "0.03 converges and 0.035 diverges" in prose
    assert f"1 − 0.03 × 0.47 ≈ {1 - 0.03 * curvatures.min():.3f}" in prose
    for phrase in ("**η = 1**", "endless oscillation", "**diverges**", "at 1.005 the distance grows by 1%"):
        assert phrase in prose, phrase
