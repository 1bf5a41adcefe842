"""The Data Handling lesson: its shape, its examples, its figures, its practice and its numbers.

Every example runs in a fresh interpreter and must print exactly the output the
lesson shows. The numbers the prose, the checkpoints and the quiz quote are
recomputed here with NumPy, so a wrong number in the lesson fails a test. The
exercises' reference solutions and starters go through the real check harness
(in this process; tests/grading/test_data_handling_bugs.py runs them in a
checking child).
"""

from __future__ import annotations

import ast
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter
from importlib.metadata import entry_points
from pathlib import Path

import numpy as np
import pytest

from lessons.data_handling import LESSON, figures
from tests.helpers import lesson_examples
from lessons.data_handling.exercises import ALL as EXERCISES
from lessons.data_handling.repl_setup import DATA_SETUP, REPL_SETUP
from tutor.cli import build_problems
from tutor.core.preprocessing import fit_imputer, impute, stratified_split, train_test_split, train_val_test_split
from tutor.grading.answers import judge, right_answer
from tutor.grading.harness import Harness
from tutor.lesson import (
    Checkpoint, Choice, Drill, Example, Exercise, Explorable, Figure, Numeric, Prose, Quiz, Shape, validate,
)
from tutor.lesson.figure_audit import check_figures, settings
from tutor.lesson.plots import Plot
from tutor.lesson.registry import discover

ROOT = Path(__file__).parents[2]
PACKAGE_DIR = ROOT / "lessons" / "data_handling"
SEED_DIR = ROOT.parent / "shared" / "seed"

SECTION_IDS = ["why", "scaling", "encoding", "missing", "splitting", "leakage", "pitfalls", "quiz"]
TEACHING = SECTION_IDS[:-1]
CODE_WIDTH = 46
"""As in Lesson 2: at 80x24 the listing widget wraps anything wider than 46 columns."""


EXAMPLES = lesson_examples(LESSON)
QUESTIONS = {question.id: question for question in LESSON.quiz().questions}
CHECKPOINTS = {checkpoint.question.id: checkpoint for checkpoint in LESSON.checkpoints()}


def _section(section_id: str):
    index = LESSON.section_index(section_id)
    assert index is not None, f"no section {section_id!r}"
    return LESSON.sections[index]


def _prose(section_id: str) -> str:
    text = " ".join(b.markdown for b in _section(section_id).blocks if isinstance(b, Prose))
    return re.sub(r"\s+", " ", text)


def _example(section_id: str, title: str) -> Example:
    found = [b for b in _section(section_id).blocks if isinstance(b, Example) and b.title == title]
    assert len(found) == 1, f"no example {title!r} in {section_id}"
    return found[0]


def _run(code: str, tmp_path: Path) -> str:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONPATH", None)
    result = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, encoding="utf-8",
                            cwd=tmp_path, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


# --- the shape of the lesson --------------------------------------------------


def test_lesson_is_valid_and_builds_every_figure():
    assert validate(LESSON) == []
    assert build_problems(LESSON) == []


def test_lesson_identity():
    assert (LESSON.id, LESSON.number, LESSON.title) == ("data_handling", 3, "Data Handling")
    assert 0 < len(LESSON.summary) <= 70


def test_sections_in_order():
    assert [s.id for s in LESSON.sections] == SECTION_IDS


@pytest.mark.parametrize("section", LESSON.sections, ids=lambda s: s.id)
def test_a_section_opens_with_prose_and_its_title_fits_the_sidebar(section):
    assert 0 < len(section.title) <= 28, section.title
    assert isinstance(section.blocks[0], Prose)
    assert section.title.lower() not in section.blocks[0].markdown.splitlines()[0].lower()


def test_registered_through_the_entry_point_beside_the_first_lesson():
    found = {ep.name: ep for ep in entry_points(group="tutor.lessons")}
    assert found["data_handling"].load() is LESSON
    ids = discover().ids()
    assert ids.index("maths_foundations") < ids.index("data_handling")  # ordered by number: 2, then 3


def test_importing_the_lesson_imports_no_numpy():
    probe = "import sys, lessons.data_handling\nprint(sorted({'numpy', 'scipy'} & set(sys.modules)))\n"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[]\n"


ALLOWED_IMPORTS = ("tutor.lesson", "tutor.core", "tutor.grading.cases", "tutor.grading.judges",
                   "tutor.grading.rules", "tutor.grading.values", "lessons.data_handling", "numpy",
                   "__future__", "collections", "fractions", "functools", "typing")


@pytest.mark.parametrize("source", sorted(PACKAGE_DIR.glob("*.py")), ids=lambda p: p.name)
def test_the_package_is_written_as_a_third_party_would(source):
    """Only the lesson format, the numerical core and the check helpers of the tutor; no other lesson."""
    for node in ast.walk(ast.parse(source.read_text())):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            assert name == "tutor.lesson" or name.startswith(ALLOWED_IMPORTS), f"{source.name} imports {name}"


# --- the examples -------------------------------------------------------------


@pytest.mark.parametrize("example", [e for _, e in EXAMPLES], ids=[name for name, _ in EXAMPLES])
def test_a_listing_fits_the_pane_and_needs_no_hidden_setup(example):
    assert not example.setup.strip()
    assert example.title
    for line in example.code.splitlines() + (example.output or "").splitlines():
        assert len(line) <= CODE_WIDTH, f"{len(line)} > {CODE_WIDTH}: {line!r}"
    assert len(example.code.splitlines()) <= 32


@pytest.mark.parametrize("example", [e for _, e in EXAMPLES], ids=[name for name, _ in EXAMPLES])
def test_a_listing_prints_its_output_alone_in_a_fresh_interpreter(example, tmp_path):
    """Section 1 promises that every listing, as shown, is a complete program."""
    assert "every listing is a complete program" in _prose("why")
    assert example.output, "every example shows its output"
    assert _run(example.code, tmp_path) == example.output


def test_every_teaching_section_has_a_listing_and_no_pandas_or_sklearn_runs():
    for section_id in TEACHING:
        assert any(isinstance(b, Example) for b in _section(section_id).blocks), section_id
    for _, example in EXAMPLES:
        assert "import numpy as np" in example.code
        assert "pandas" not in example.code and "sklearn" not in example.code


# --- the figures --------------------------------------------------------------


def test_check_builds_the_figure_and_every_explorable_setting():
    report = check_figures(LESSON)
    assert report.problems == []
    assert (report.figures, report.explorables) == (1, 2)
    blocks = [b for s in LESSON.sections for b in s.blocks if isinstance(b, Explorable)]
    assert report.builds == 1 + sum(len(list(settings(b))) for b in blocks)
    for block in blocks + [b for s in LESSON.sections for b in s.blocks if isinstance(b, Figure)]:
        assert isinstance(block.build, str) and block.build.startswith("lessons.data_handling.figures:")


def test_the_scalers_figure_is_the_listings_numbers():
    output = _example("scaling", "Three scalers and one outlier").output
    scaled = figures.scaled_incomes()
    for name, label in (("standardized", "z:     "), ("min-max", "minmax:"), ("robust", "robust:")):
        assert f"{label} {np.round(scaled[name], 2)}" in output
    plot = figures.scalers_plot()
    assert "robust 17.00" in plot.caption[1] and "min-max 0.00 to 0.08" in plot.caption[0]


def test_the_contours_are_level_sets_and_the_path_is_gradient_descent():
    for features in ("raw", "standardized"):
        X, y = figures.house_design(features)
        best = np.linalg.lstsq(X, y, rcond=None)[0]
        for level, ring in figures.contour_ellipses(X, y, best):
            losses = np.mean((ring.T @ X.T - y) ** 2, axis=1)
            np.testing.assert_allclose(losses, level, rtol=1e-9)
    plot = figures.descent_contours("raw", "0.03", 50)
    X, y = figures.house_design("raw")
    w = np.zeros(2)
    for _ in range(50):
        w = w - 0.03 * 2 / 100 * X.T @ (X @ w - y)
    path = next(s for s in plot.series if s.label == "descent")
    assert (path.x[-1], path.y[-1]) == pytest.approx(tuple(w))
    assert f"MSE {np.mean((X @ w - y) ** 2):.3f}" in plot.caption[2]


def test_the_descent_explorable_shows_what_section_2_says():
    for lr in ("0.1", "0.3", "0.5", "0.9", "1.1"):
        assert figures.descent_contours("raw", lr, 50).message.startswith("Diverged")
    for lr in ("0.001", "0.003", "0.01", "0.03"):
        assert figures.descent_contours("raw", lr, 500).message is None
    assert figures.descent_contours("standardized", "1.1", 50).message.startswith("Diverged")
    one_step = figures.descent_contours("standardized", "0.5", 5)
    assert "the first step lands on w*" in one_step.caption[1]
    assert "overshoot" in figures.descent_contours("standardized", "0.9", 50).caption[1]
    raw = figures.descent_contours("raw", "0.03", 50).caption[0]
    assert "curvatures 63.74 and 0.47, stable for lr < 0.031" in raw
    prose = _prose("scaling")
    assert "anything from 0.1 up diverges" in prose and "0.5 takes one step" in prose


def test_the_score_spread_is_the_spread_of_real_splits():
    x, y = figures.spread_data(100)
    one_by_one = [figures.test_score(x, y, 0.2, seed) for seed in range(figures.SEEDS)]
    np.testing.assert_allclose(figures.test_scores(100, 0.2), one_by_one)
    signal = np.var(3.5 * np.random.default_rng(0).uniform(0, 10, 1_000_000))
    assert figures.true_r_squared() == pytest.approx(signal / (signal + 36), abs=2e-3)
    small = figures.test_scores(40, 0.1)
    big = figures.test_scores(1000, 0.2)
    assert f"from {small.min():.1f} to {small.max():.2f}".replace("-", "−") in _prose("splitting")
    low, high = np.percentile(big, [5, 95])
    assert f"90% of them lie between {low:.2f} and {high:.2f}" in _prose("splitting")
    low, high = np.percentile(figures.test_scores(100, 0.2), [5, 95])
    assert f"between {low:.2f} and {high:.2f} for 90% of 200 seeds" in QUESTIONS["dh_two_scores"].explanation
    plot = figures.score_spread("100", 0.2, 7)
    assert isinstance(plot, Plot) and sum(plot.series[0].y) == figures.SEEDS
    assert f"test R² {one_by_one[7]:.2f}" in plot.caption[0]


# --- skills, drills, checkpoints ------------------------------------------------


def _skill_users() -> list:
    users = list(LESSON.exercises()) + [c.question for c in LESSON.checkpoints()] + list(QUESTIONS.values())
    return users + list(LESSON.drills)


def test_skills_are_prefixed_unique_across_lessons_and_all_used():
    ids = [skill.id for skill in LESSON.skills]
    assert len(ids) == len(set(ids)) and all(i.startswith("dh_") for i in ids)
    for other in discover().lessons:
        if other.id != LESSON.id:
            assert not set(ids) & {skill.id for skill in other.skills}, other.id
    used = Counter(user.skill for user in _skill_users())
    assert set(used) == set(ids), set(ids) ^ set(used)
    for section_id in TEACHING:
        assert any(skill.section == section_id for skill in LESSON.skills), section_id


def test_everything_names_a_skill_of_this_lesson():
    for user in _skill_users():
        assert LESSON.skill(user.skill) is not None, (getattr(user, "id", user), user.skill)


def test_at_least_ten_drills_each_with_its_own_id():
    assert len(LESSON.drills) >= 10
    ids = [drill.id for drill in LESSON.drills]
    assert len(set(ids)) == len(ids) and all(i.startswith("dh_") for i in ids)
    assert not set(ids) & set(QUESTIONS) and not set(ids) & {s.id for s in LESSON.skills}
    for drill in LESSON.drills:
        assert isinstance(drill, Drill) and isinstance(drill.make, str)
        assert drill.make.startswith("lessons.data_handling.drill_makers:")
        assert LESSON.skill(drill.skill).section == drill.section


def test_a_drill_question_is_labelled_with_its_drill():
    for drill in LESSON.drills:
        question = drill.variant(np.random.default_rng(1))
        assert (question.id, question.skill, question.section) == (drill.id, drill.skill, drill.section)


def test_checkpoints_come_just_before_the_block_that_answers_them():
    assert len(CHECKPOINTS) >= 6
    for section in LESSON.sections:
        for index, block in enumerate(section.blocks):
            if isinstance(block, Checkpoint):
                question = block.question
                assert question.id.startswith("cp_") and question.section == section.id
                assert question.prompt.startswith("Predict:")
                assert isinstance(section.blocks[index + 1], (Example, Figure, Explorable)), question.id
                assert LESSON.skill(question.skill).section == section.id


def test_checkpoint_answers_recomputed():
    a, b, c = np.array([32000.0, 23]), np.array([33000.0, 61]), np.array([38000.0, 24])
    assert np.linalg.norm(a - b) < np.linalg.norm(a - c)
    assert CHECKPOINTS["cp_nearest"].question.options[CHECKPOINTS["cp_nearest"].question.answer] == "B"
    assert CHECKPOINTS["cp_minmax_test"].question.answer == (95 - 20) / (70 - 20)
    x = np.array([28.0, 31, 35, 40, 46, 250])
    assert ((x - x.min()) / np.ptp(x))[:-1].max() < 0.1
    onehot = (np.array(["Leeds", "York", "Hull", "York", "Leeds", "Hull"])[:, None]
              == np.array(["Leeds", "York", "Hull"])) * 1.0
    X = np.column_stack([np.ones(6), onehot])
    assert np.linalg.matrix_rank(X.T @ X) == CHECKPOINTS["cp_dummy_rank"].question.answer
    nan_mean = CHECKPOINTS["cp_nan_mean"].question
    assert math.isnan(np.array([34.0, np.nan, 51, 28]).mean()) and nan_mean.options[nan_mean.answer] == "nan"
    none = math.comb(45, 10) / math.comb(50, 10)
    assert round(none, 2) == 0.31 and f"≈ {none:.2f}" in CHECKPOINTS["cp_no_positive"].question.explanation
    fees = CHECKPOINTS["cp_fees"].question
    assert fees.options[fees.answer].startswith("About 0.54")
    assert "in use     0.54" in _example("leakage", "A feature recorded after the outcome").output


# --- the quiz -------------------------------------------------------------------


def test_the_quiz_closes_the_lesson_with_every_kind_and_every_section():
    assert LESSON.sections[-1].id == "quiz" and len(LESSON.blocks(Quiz)) == 1
    assert len(QUESTIONS) >= 15
    kinds = Counter(type(q) for q in QUESTIONS.values())
    assert kinds[Choice] >= 3 and kinds[Numeric] >= 3 and kinds[Shape] >= 3, kinds
    asked = Counter(q.section for q in QUESTIONS.values())
    assert set(asked) == set(TEACHING)


def test_every_question_explains_itself_and_fits_the_screen():
    for question in list(QUESTIONS.values()) + [c.question for c in CHECKPOINTS.values()]:
        assert len(question.explanation) >= 40, question.id
        assert 0 < len(question.prompt) <= 160, question.id
        if isinstance(question, Choice):
            assert 2 <= len(question.options) <= 4 and len(set(question.options)) == len(question.options)
        shown = right_answer(question)
        typed = shown[0] if isinstance(question, Choice) else shown.split(" (±")[0]
        assert judge(question, typed).correct, (question.id, typed)
    places = Counter(q.answer for q in QUESTIONS.values() if isinstance(q, Choice))
    assert len(places) >= 3 and max(places.values()) <= sum(places.values()) // 2, places


TEMPTING = {
    "dh_fitted_steps": None, "dh_z_by_hand": "6", "dh_minmax_below": "0", "dh_robust_outlier": "1",
    "dh_test_not_exact": None, "dh_scaler_outliers": None, "dh_one_hot_shape": "(500, 3)",
    "dh_gram_shape": "(9, 9)", "dh_trap_rank": "5", "dh_codes_for_cities": None, "dh_unseen_city": None,
    "dh_fill_value": "4.2", "dh_complete_share": "0.5", "dh_indicator_shape": "(250, 4)",
    "dh_why_indicator": None, "dh_train_rows": "550", "dh_stratified_ones": "30", "dh_forecast_split": None,
    "dh_two_scores": None, "dh_leak_free": None, "dh_coin_flip_accuracy": "0.81", "dh_readmission_leak": None,
    "dh_duplicate_fix": None, "dh_separate_dummies": None, "dh_fold_rows": "80",
}


def test_every_explanation_names_a_tempting_answer_and_those_are_judged_wrong():
    assert set(TEMPTING) == set(QUESTIONS)
    for question_id, typed in TEMPTING.items():
        assert "tempting" in QUESTIONS[question_id].explanation, question_id
        if typed is not None:
            assert typed in QUESTIONS[question_id].explanation, question_id
            assert not judge(QUESTIONS[question_id], typed).correct, question_id


def test_numeric_and_shape_answers_recomputed():
    train = np.array([2.0, 4, 4, 4, 5, 5, 7, 9])
    assert (train.mean(), train.std()) == (5, 2)
    assert QUESTIONS["dh_z_by_hand"].answer == (11 - train.mean()) / train.std()
    assert QUESTIONS["dh_minmax_below"].answer == (5 - 10) / (30 - 10)
    column = np.array([1.0, 2, 3, 4, 100])
    q1, median, q3 = np.percentile(column, [25, 50, 75])
    assert QUESTIONS["dh_robust_outlier"].answer == (100 - median) / (q3 - q1)
    cities = np.random.default_rng(0).choice(["a", "b", "c", "d"], size=500)
    cities[:4] = ["a", "b", "c", "d"]
    assert ((cities[:, None] == np.unique(cities)) * 1).shape == QUESTIONS["dh_one_hot_shape"].answer
    X = np.column_stack([np.ones(200), np.ones((200, 3)), np.ones((200, 4))])
    assert (X.T @ X).shape == QUESTIONS["dh_gram_shape"].answer
    labels = np.arange(30) % 4
    X = np.column_stack([np.ones(30), (labels[:, None] == np.arange(4)) * 1.0])
    assert np.linalg.matrix_rank(X.T @ X) == QUESTIONS["dh_trap_rank"].answer
    assert np.nanmean([4, np.nan, 10, 7, np.nan]) == QUESTIONS["dh_fill_value"].answer
    assert 0.95**10 == pytest.approx(QUESTIONS["dh_complete_share"].answer, abs=5e-4)
    holes = np.where(np.eye(250, 4) == 1, np.nan, 1.0)
    assert impute(holes, fit_imputer(holes)).shape == QUESTIONS["dh_indicator_shape"].answer
    rest, _ = train_test_split(1000, 0.2, 0)
    assert len(rest) - round(0.25 * len(rest)) == QUESTIONS["dh_train_rows"].answer
    y = np.array([0] * 90 + [1] * 10)
    assert np.sum(y[stratified_split(y, 0.3, 0)[1]]) == QUESTIONS["dh_stratified_ones"].answer
    folds = np.array_split(np.arange(400), 5)
    assert len(np.concatenate(folds[1:])) == QUESTIONS["dh_fold_rows"].answer
    assert len(train_val_test_split(1000, 0.2, 0.2, 1)[0]) == 600


def test_choice_answers_recomputed():
    train_cities = np.unique(["Leeds", "York", "Hull"])
    test_cities = np.unique(["Bath", "Leeds", "York"])
    assert list(test_cities).index("Bath") == 0 and train_cities[0] == "Hull"
    separate = QUESTIONS["dh_separate_dummies"]
    assert "Hull" in separate.options[separate.answer]
    w = 7.0  # one weight on the codes 0, 1, 2: evenly spaced predictions
    assert (w * 1 - w * 0) == (w * 2 - w * 1)
    unseen = QUESTIONS["dh_unseen_city"]
    assert unseen.options[unseen.answer] == "(0, 0, 0)"


# --- the REPL's data and the numbers the prose quotes ------------------------------


@pytest.fixture(scope="module")
def repl_data(tmp_path_factory) -> dict:
    probe = REPL_SETUP + """
import json
missing = np.isnan(income)
print(json.dumps({
    "names": sorted(k for k in dir() if not k.startswith("_")),
    "n": int(n), "defaulted": int(y.sum()), "blanks": np.isnan(X).sum(axis=0).tolist(),
    "means": np.nanmean(X, axis=0).tolist(), "cities": city.tolist()[:5],
    "blank_defaulted": int(missing[y == 1].sum()), "blank_repaid": int(missing[y == 0].sum()),
}))
"""
    return json.loads(_run(probe, tmp_path_factory.mktemp("repl")))


def test_the_repl_holds_the_variables_the_prose_names(repl_data):
    for name in ("income", "age", "debt", "city", "y", "X", "CITIES"):
        assert name in repl_data["names"] and f"`{name}`" in _prose("why")
    assert REPL_SETUP == DATA_SETUP and LESSON.repl_setup == REPL_SETUP
    assert set(repl_data["cities"]) <= {"Leeds", "York", "Hull"}


def test_the_repl_numbers_the_prose_quotes(repl_data):
    why, missing = _prose("why"), _prose("missing")
    n, defaulted = repl_data["n"], repl_data["defaulted"]
    assert (n, defaulted) == (300, 31) and "1 for only 31 of the 300 rows" in why
    assert f"{sum(repl_data['blanks'])} blanks" in why
    income, age, debt = repl_data["means"]
    assert round(income, -3) == 35000 and round(age) == 46 and round(debt, 2) == 0.28
    assert "(incomes near 35,000, ages near 46, debt ratios near 0.28)" in why
    blank_1, blank_0 = repl_data["blank_defaulted"], repl_data["blank_repaid"]
    share_1, share_0 = blank_1 / defaulted, blank_0 / (n - defaulted)
    assert f"for {blank_1} of the {defaulted} who defaulted ({share_1:.0%})" in missing
    assert f"for only {blank_0} of the {n - defaulted} who repaid ({share_0:.0%})" in missing
    assert "29% of defaulters left income blank against 4%" in QUESTIONS["dh_why_indicator"].explanation


def test_the_numbers_of_the_prose_recomputed():
    rng = np.random.default_rng(42)
    area = rng.uniform(0, 10, size=100)
    price = 3.5 * area + 10 + rng.normal(0, 2, size=100)
    X = np.column_stack([np.ones(100), area])
    w = np.linalg.solve(X.T @ X, X.T @ price)
    sse_fit, sse_true = np.sum((price - X @ w) ** 2), np.sum((price - 3.5 * area - 10) ** 2)
    assert f"(SSE {sse_fit:.1f})" in _prose("why") and f"({sse_true:.1f})" in _prose("why")
    curvatures = np.linalg.eigvalsh(2 * X.T @ X / 100)
    scaling = _prose("scaling")
    assert f"curvatures are {curvatures[1]:.1f} and {curvatures[0]:.2f}" in scaling
    assert f"2/{curvatures[1]:.1f} ≈ {2 / curvatures[1]:.3f}" in scaling
    x = np.array([28.0, 31, 35, 40, 46, 250])
    assert f"mean up to {x.mean():.1f} and inflates σ to {x.std():.1f}; without it σ would be {x[:-1].std():.1f}" in scaling
    q1, median, q3 = np.percentile(x, [25, 50, 75])
    assert f"The median ({median}) and the IQR ({q3} − {q1:.0f} = {q3 - q1})" in scaling
    assert f"√(6/5) ≈ {math.sqrt(6 / 5):.3f}" in scaling and x.std(ddof=1) / x.std() == pytest.approx(math.sqrt(6 / 5))
    missing = _prose("missing")
    assert f"0.9⁶ ≈ {0.9 ** 6:.0%}" in missing
    splitting = _prose("splitting")
    assert "0.3² = 0.09" in splitting and "only 414 times in 1,000" in splitting and "In 324 splits" in splitting
    assert np.mean(np.arange(160, 200) - 159) == 20.5 and "20.5 days past" in splitting
    leakage = _prose("leakage")
    for number in ("1.98", "1.31"):
        assert number in leakage and number in _example("leakage", "Scaling before the split").output
    assert "from 0.71 to 0.88" in leakage and "0.88" in _example("leakage", "Copies on both sides of the split").output


def test_duplicates_give_two_test_rows_in_three_a_twin():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(150, 2))
    rng.normal(0, 1, 150)
    twice = rng.choice(150, 100, replace=False)
    Xd = np.vstack([X, X[twice]])
    shares = []
    for seed in range(20):
        order = np.random.default_rng(seed).permutation(250)
        gap = np.linalg.norm(Xd[order[:50]][:, None] - Xd[order[50:]], axis=2)
        shares.append(np.mean(gap.min(axis=1) == 0))
    assert 0.6 < np.mean(shares) < 0.7 and "about two test rows in three" in _prose("leakage")


# --- the exercises, through the real harness ----------------------------------------


def test_five_exercises_with_unique_ids_and_skills():
    assert len(EXERCISES) == 5 and set(EXERCISES) == set(LESSON.exercises())
    ids = {exercise.id for exercise in EXERCISES}
    for other in discover().lessons:
        if other.id != LESSON.id:
            assert not ids & {exercise.id for exercise in other.exercises()}, other.id
    for exercise in EXERCISES:
        assert isinstance(exercise, Exercise) and len(exercise.hints) == 3 and exercise.skill


def _check(exercise: Exercise, code: str):
    return Harness(exercise_id=exercise.id, code=code, check=exercise.checks, seed=20240,
                   case_limit=2.0, budget=20.0).run()


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_reference_solution_passes_and_the_starter_fails(exercise):
    report = _check(exercise, exercise.solution)
    assert report.problem is None and report.passed, [(c.label, c.reason) for c in report.failed]
    assert len(report.cases) >= 5
    starter = _check(exercise, exercise.starter)
    assert starter.problem is None and not starter.passed


# --- nothing pasted from the reference lesson ------------------------------------------


def test_nothing_is_pasted_from_the_reference():
    if not SEED_DIR.is_dir():
        pytest.skip(f"reference lessons not found at {SEED_DIR}")
    pieces = set()
    for path in SEED_DIR.glob("*.txt"):
        for line in path.read_text(errors="ignore").splitlines():
            for piece in re.split(r"(?<=[.!?,:;])\s+", line):
                piece = re.sub(r"\s+", " ", piece).strip().lower()
                if len(piece) >= 40:
                    pieces.add(piece)
    for source in sorted(PACKAGE_DIR.glob("*.py")):
        text = re.sub(r"\s+", " ", source.read_text()).lower()
        assert not [p for p in pieces if p in text], source.name
