"""Maths Foundations' checkpoints: predict first, then the next block shows the answer.

Each checkpoint sits just before the listing, figure or explorable that reveals its
answer, so these tests read that very block (its printed output, or the plot it builds)
and recompute the answer with numpy from the lesson's own numbers.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest

from lessons.maths_foundations import LESSON
from lessons.maths_foundations.figures import LESSON_A, LESSON_B
from tutor.grading.answers import judge, right_answer
from tutor.lesson import Checkpoint, Choice, Example, Explorable, Figure

PLACED = [
    (section, index, block)
    for section in LESSON.sections
    for index, block in enumerate(section.blocks)
    if isinstance(block, Checkpoint)
]
BY_ID = {block.question.id: (section, index, block) for section, index, block in PLACED}
SKILLS = {skill.id: skill for skill in LESSON.skills}


def _question(checkpoint_id: str):
    return BY_ID[checkpoint_id][2].question


def _revealer(checkpoint_id: str):
    """The block right after the checkpoint: the one that shows the answer."""
    section, index, _ = BY_ID[checkpoint_id]
    return section.blocks[index + 1]


def _numbers_in(text: str) -> list[float]:
    return [float(found.replace("−", "-")) for found in re.findall(r"[−-]?[0-9]+(?:\.[0-9]+)?", text)]


def _one_right(question: Choice, is_right) -> None:
    assert len(set(question.options)) == len(question.options), question.options
    right = [index for index, option in enumerate(question.options) if is_right(option)]
    assert right == [question.answer], (question.id, right)


def _house_data():
    rng = np.random.default_rng(42)
    area = rng.uniform(0, 10, size=100)
    price = 3.5 * area + 10 + rng.normal(0, 2, size=100)
    return np.column_stack([np.ones(100), area]), price


# ---------------------------------------------------------------- where and what


def test_there_are_checkpoints_across_the_lesson():
    assert len(PLACED) >= 8
    sections = {section.id for section, _, _ in PLACED}
    assert {"vectors", "matrices", "eigen", "derivatives", "distributions", "regression", "pitfalls",
            "next_steps"} <= sections


def test_checkpoint_ids_are_unique_across_the_lesson():
    ids = [block.question.id for _, _, block in PLACED]
    quiz_ids = [question.id for question in LESSON.quiz().questions]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & set(quiz_ids)
    assert all(question_id.startswith("cp_") for question_id in ids)


@pytest.mark.parametrize("checkpoint_id", BY_ID)
def test_a_checkpoint_comes_just_before_the_block_that_reveals_it(checkpoint_id):
    section, index, block = BY_ID[checkpoint_id]
    assert index + 1 < len(section.blocks)
    assert isinstance(section.blocks[index + 1], (Example, Figure, Explorable))
    assert "below" in block.question.explanation  # and the explanation points at it


@pytest.mark.parametrize("checkpoint_id", BY_ID)
def test_a_checkpoint_names_its_section_and_a_skill_taught_there(checkpoint_id):
    section, _, block = BY_ID[checkpoint_id]
    question = block.question
    assert question.section == section.id
    assert question.skill in SKILLS and SKILLS[question.skill].section == section.id


@pytest.mark.parametrize("checkpoint_id", BY_ID)
def test_a_checkpoint_asks_for_a_prediction_and_is_well_formed(checkpoint_id):
    question = _question(checkpoint_id)
    assert question.prompt.startswith(("Predict", "Before you run it")), question.prompt
    assert len(question.prompt) <= 160 and len(question.explanation) >= 80
    if isinstance(question, Choice):
        assert 2 <= len(question.options) <= 4 and len(set(question.options)) == len(question.options)
    shown = right_answer(question)
    typed = shown[0] if isinstance(question, Choice) else shown.split(" (±")[0]
    assert judge(question, typed).correct


# ---------------------------------------------------------------- every answer recomputed


def test_vectors_the_flat_price():
    question = _question("cp_flat_price")
    predicted = np.dot([2.4, 5.0, -8.0], [68, 3, 1.2]) + 40
    assert question.answer == pytest.approx(predicted)
    assert f"predicted price: {predicted:.1f}k" in _revealer("cp_flat_price").output


def test_vectors_cat_and_truck_point_less_than_a_right_angle_apart():
    question = _question("cp_cat_truck")
    cat, truck = np.array([0.9, 0.8, 0.1]), np.array([0.1, 0.2, 0.9])
    cosine = cat @ truck / (np.linalg.norm(cat) * np.linalg.norm(truck))
    assert 0 < cosine < 1 and cat @ truck == pytest.approx(0.34)
    assert question.options[question.answer].startswith("Between 0 and 1")
    assert f"cat vs truck  {cosine:.3f}" in _revealer("cp_cat_truck").output


def test_matrices_the_shape_of_pq():
    question = _question("cp_pq_shape")
    product = np.array(LESSON_A) @ np.array(LESSON_B)  # the stepper's matrices
    assert question.answer == product.shape
    assert f"-> {product.shape}" in _revealer("cp_pq_shape").output


def test_matrices_the_stepper_does_eighteen_multiplications():
    question = _question("cp_stepper_products")
    stepper = _revealer("cp_stepper_products")
    (rows, inner), columns = np.shape(LESSON_A), np.shape(LESSON_B)[1]
    assert question.answer == rows * columns * inner
    last = stepper.params[0].high
    shown = sum(len(stepper.make_plot(step=step).terms) for step in range(1, int(last) + 1))
    assert shown == question.answer


def test_eigen_which_directions_stay_on_their_line():
    question = _question("cp_stay_on_line")
    S = np.array([[3.0, 1.0], [1.0, 3.0]])
    kept = []
    for v in ((1, 1), (1, -1), (1, 0)):
        image = S @ np.array(v, float)
        if abs(np.cross(np.append(image, 0), np.append(v, 0))[2]) < 1e-12:
            kept.append(v)
    assert kept == [(1, 1), (1, -1)]
    assert question.options[question.answer] == "(1, 1) and (1, −1), but not (1, 0)"
    section, index, _ = BY_ID["cp_stay_on_line"]
    explorable = section.blocks[index + 2]  # the listing, then the matrix on the circle
    assert isinstance(explorable, Explorable) and explorable.defaults() == {"a": 3.0, "b": 1.0, "c": 1.0, "d": 3.0}


def test_eigen_a_shear_keeps_areas():
    question = _question("cp_shear_area")
    assert question.answer == pytest.approx(abs(np.linalg.det([[1.0, 1.0], [0.0, 1.0]])))
    assert "shear    det +1.0" in _revealer("cp_shear_area").output


def test_eigen_the_rank_four_storage():
    question = _question("cp_svd_storage")
    explorable = _revealer("cp_svd_storage")
    k = explorable.defaults()["k"]
    shades = explorable.make_plot(k=k)
    (m, n) = shades.pictures[0][1].shape
    assert (m, n, k) == (32, 32, 4)
    assert question.answer == k * (m + n + 1)
    assert any(f"= {question.answer} of {m * n}" in line for line in shades.caption)


def test_derivatives_a_central_difference_is_exact_on_a_square():
    question = _question("cp_central_square")
    h = 1e-5
    estimate = ((3 + h) ** 2 - (3 - h) ** 2) / (2 * h)
    assert question.answer == pytest.approx(estimate, abs=question.tolerance) == 6
    assert "x= 3.0  2x= 6.000000  numeric= 6.000000" in _revealer("cp_central_square").output


def test_derivatives_the_gradient_at_zero():
    question = _question("cp_gradient_at_zero")

    def loss(w):
        return (w[0] - 3) ** 2 + 2 * (w[1] + 1) ** 2

    h = 1e-6
    gradient = np.array([(loss(h * e) - loss(-h * e)) / (2 * h) for e in np.eye(2)])
    _one_right(question, lambda option: np.allclose(_numbers_in(option), gradient, atol=1e-6))
    assert "analytic: [-6.  4.]" in _revealer("cp_gradient_at_zero").output


def test_distributions_the_normal_peak():
    question = _question("cp_normal_peak")
    assert question.answer == pytest.approx(1 / math.sqrt(2 * math.pi))
    assert judge(question, "0.40").correct and not judge(question, "0.5").correct
    panels = _revealer("cp_normal_peak").make_plot()
    normal = next(plot for plot in panels.plots if "Normal" in plot.title)
    peak = max(np.max(series.y) for series in normal.series)
    assert 0.39 < peak < 0.4
    section, index, _ = BY_ID["cp_normal_peak"]
    assert "p(0.0) = 0.3989" in section.blocks[index + 2].output


def test_distributions_the_glorot_limit():
    question = _question("cp_glorot_limit")
    assert question.answer == pytest.approx(np.sqrt(6 / (256 + 128)))
    assert "limit 0.1250" in _revealer("cp_glorot_limit").output


def test_regression_the_gram_matrix_shape():
    question = _question("cp_gram_shape")
    X, _ = _house_data()
    assert question.answer == (X.T @ X).shape
    assert "# XᵀX, shape (2, 2)" in _revealer("cp_gram_shape").code


def test_regression_a_line_far_below_scores_below_zero():
    question = _question("cp_r2_bad_line")
    X, price = _house_data()
    guess = 2 * X[:, 1]
    assert np.all(guess < price)  # far below every price
    sse, sst = np.sum((price - guess) ** 2), np.sum((price - price.mean()) ** 2)
    r2 = 1 - sse / sst
    assert r2 < 0 and question.options[question.answer].startswith("Below 0")
    assert f"R² ≈ 1 − {sse / sst:.3f} = {r2:.3f}".replace("-", "−") in question.explanation
    assert f"SSE ≈ {sse:.0f} against SST ≈ {sst:.0f}" in question.explanation
    assert f"R2 {r2:7.4f}" in _revealer("cp_r2_bad_line").output


def test_pitfalls_the_product_underflows_and_its_logs_do_not():
    question = _question("cp_underflow")
    probs = np.random.default_rng(5).uniform(0.01, 0.5, size=1000)  # the listing's draw
    log_sum = np.sum(np.log(probs))
    assert np.prod(probs) == 0.0
    assert log_sum / np.log(10) == pytest.approx(-718, abs=0.5)
    assert -718 * math.log(10) == pytest.approx(-1653.2, abs=0.1)
    assert question.options[question.answer] == f"0.0, and about −{round(-log_sum)}"
    output = _revealer("cp_underflow").output
    assert "product: 0.0" in output and f"sum of logs: {log_sum:.2f}" in output


def test_pitfalls_holding_the_confounder_fixed():
    question = _question("cp_confounder")
    rng = np.random.default_rng(11)  # the listing's simulation
    fire = rng.uniform(1, 10, 1000)
    crew = 3 * fire + rng.normal(0, 2, 1000)
    damage = 50 * fire + rng.normal(0, 40, 1000)

    def remove_fire(v):
        slope, intercept = np.polyfit(fire, v, 1)
        return v - (slope * fire + intercept)

    held = np.corrcoef(remove_fire(crew), remove_fire(damage))[0, 1]
    assert abs(held) < 0.05 and np.corrcoef(crew, damage)[0, 1] > 0.9
    assert question.options[question.answer].startswith("About 0")


def test_next_steps_a_learning_rate_of_one_oscillates():
    question = _question("cp_lr_one")
    explorable = _revealer("cp_lr_one")
    assert explorable.defaults()["scaled"] == "yes"
    rate = next(param for param in explorable.params if param.name == "lr")
    assert rate.stepped(rate.default, round((1 - rate.default) / rate.step)) == 1.0  # reachable
    # by hand: standardised features, w ← w − (2/n) Xᵀ(Xw − y) from w = 0
    X, price = _house_data()
    z = (X[:, 1] - X[:, 1].mean()) / X[:, 1].std()
    Z = np.column_stack([np.ones(100), z])
    best = np.linalg.lstsq(Z, price, rcond=None)[0]

    def mse(w):
        return np.mean((Z @ w - price) ** 2)

    w, path = np.zeros(2), []
    for _ in range(4):
        w = w - 1.0 * 2 / 100 * Z.T @ (Z @ w - price)
        path.append(w)
    assert np.allclose(path[0], 2 * best) and np.allclose(path[1], 0, atol=1e-9)
    assert mse(path[0]) == pytest.approx(mse(np.zeros(2))) == pytest.approx(824.81, abs=0.005)
    assert question.options[question.answer].startswith("Jump between w = 0 and 2w*")
    caption = " ".join(explorable.make_plot(lr=1.0, steps=100, scaled="yes").caption)
    assert "oscillating" in caption and "MSE 824.81" in caption


def test_next_steps_ridge_shrinks_the_slope():
    question = _question("cp_ridge_slope")
    X, price = _house_data()
    slopes = [
        np.linalg.solve(X.T @ X + alpha * np.diag([0.0, 1.0]), X.T @ price)[1] for alpha in (0, 10, 100, 1000)
    ]
    assert all(later < earlier for earlier, later in zip(slopes, slopes[1:])) and slopes[-1] > 0
    assert [f"{slope:.3f}" for slope in slopes] == ["3.515", "3.469", "3.097", "1.496"]
    assert question.options[question.answer].startswith("It shrinks towards 0")
    assert "alpha 1000: slope 1.496" in _revealer("cp_ridge_slope").output


def test_every_checkpoint_is_recomputed_here():
    source = Path(__file__).read_text(encoding="utf-8")
    for checkpoint_id in BY_ID:
        assert f"\"{checkpoint_id}\"" in source, f"{checkpoint_id} has no test of its own"
