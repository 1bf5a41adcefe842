"""The Maths Foundations quiz: its coverage, its forms, and every answer recomputed with NumPy."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from lessons.maths_foundations import LESSON
from tutor.grading.answers import MalformedAnswer, judge, right_answer
from tutor.lesson import Choice, Numeric, Quiz, Shape
from tutor.screens.asking import MAX_OPTIONS

QUIZ = LESSON.quiz()
QUESTIONS = {question.id: question for question in QUIZ.questions}
TAUGHT = [
    "vectors", "matrices", "eigen", "derivatives", "distributions", "regression", "pitfalls", "next_steps",
]


def test_the_quiz_closes_the_lesson_in_a_section_of_its_own():
    last = LESSON.sections[-1]
    assert last.id == "quiz" and any(block is QUIZ for block in last.blocks)
    assert len(LESSON.blocks(Quiz)) == 1


def test_at_least_fifteen_questions_of_every_kind():
    assert len(QUIZ.questions) >= 15
    kinds = Counter(type(question) for question in QUIZ.questions)
    assert kinds[Choice] >= 3 and kinds[Numeric] >= 3 and kinds[Shape] >= 3, kinds


def test_every_section_of_the_lesson_is_asked_about():
    asked = Counter(question.section for question in QUIZ.questions)
    assert set(asked) <= {section.id for section in LESSON.sections}
    for section in TAUGHT:
        assert asked[section] >= 1, f"no question on {section}"


def test_every_question_explains_itself_and_fits_the_screen():
    for question in QUIZ.questions:
        assert len(question.explanation) >= 40, question.id
        assert question.prompt.strip() and len(question.prompt) <= 160, question.id
        if isinstance(question, Choice):
            assert 2 <= len(question.options) <= MAX_OPTIONS, question.id
            assert len(set(question.options)) == len(question.options), question.id


def test_the_right_option_is_not_always_in_the_same_place():
    places = Counter(question.answer for question in QUIZ.questions if isinstance(question, Choice))
    assert len(places) >= 3 and max(places.values()) <= sum(places.values()) // 2, places


def test_the_right_answer_as_shown_is_judged_right():
    for question in QUIZ.questions:
        shown = right_answer(question)
        typed = shown[0] if isinstance(question, Choice) else shown.split(" (±")[0]
        assert judge(question, typed).correct, (question.id, typed)


def _number(question_id: str) -> float:
    return QUESTIONS[question_id].answer


def _shape(question_id: str) -> tuple[int, ...]:
    return tuple(QUESTIONS[question_id].answer)


def test_numeric_answers_recomputed():
    assert _number("dot_by_hand") == np.dot([2, -1, 3], [4, 0, 5])
    M = np.array([[2.0, 1.0], [1.0, 2.0]])
    v = np.array([1.0, -1.0])
    assert np.allclose(M @ v, _number("eigenvalue") * v)
    f = lambda x: x ** 3  # noqa: E731
    assert (f(2 + 1e-4) - f(2 - 1e-4)) / 2e-4 == pytest.approx(_number("derivative_cube"), abs=1e-6)
    assert _number("binomial_mean") == pytest.approx(10 * 0.3)
    draws = np.random.default_rng(0).uniform(0, 1, 200_000)
    tolerance = QUESTIONS["uniform_variance"].tolerance
    assert draws.var() == pytest.approx(_number("uniform_variance"), abs=tolerance)
    assert _number("r_squared") == 1 - 20 / 80
    assert _number("l1_norm") == np.linalg.norm([3, -4], 1)


def test_shape_answers_recomputed():
    assert (np.ones((4, 2)) @ np.ones((2, 5))).shape == _shape("matmul_shape")
    W, X, b = np.ones((4, 3)), np.ones((8, 3)), np.ones(4)
    assert (X @ W.T + b).shape == _shape("dense_batch")
    U, _, _ = np.linalg.svd(np.ones((6, 4)))
    assert U.shape == _shape("svd_u_shape")
    assert np.zeros(5).shape == _shape("gradient_shape")
    X = np.ones((100, 3))
    assert (X.T @ X).shape == _shape("normal_matrix_shape")
    v = np.array([1, 2, 3])
    assert (v - v.reshape(-1, 1)).shape == _shape("broadcast_trap")


def test_only_the_right_product_can_be_computed():
    question = QUESTIONS["which_product"]
    P, Q = np.ones((2, 3)), np.ones((2, 3))
    works = []
    for expression in question.options[:3]:
        try:
            eval(expression, {"P": P, "Q": Q})
        except ValueError:
            works.append(False)
        else:
            works.append(True)
    assert works.index(True) == question.answer and works.count(True) == 1


# --- issue 15, §6: questions that test understanding -----------------------------------

NEW_TOPICS = {
    "feature_scaling": "pitfalls",
    "correlation_causation": "pitfalls",
    "central_difference": "derivatives",
    "covariance_entry": "next_steps",
    "rank_k_storage": "eigen",
    "least_squares_projection": "regression",
    "determinant_area": "eigen",
    "singular_gram": "eigen",
    "chain_rule": "derivatives",
}

# The most tempting wrong answer of every question, as its explanation names it.
TEMPTING = {
    "dot_by_hand": "(8, 0, 15)",
    "orthogonal_cosine": "It depends on how long they are",
    "matmul_shape": "(2, 2)",
    "which_product": "P @ Q is tempting",
    "dense_batch": "(4, 8)",
    "eigenvalue": "3 is tempting",
    "determinant_area": "6, the product of the diagonal",
    "singular_gram": "Very large",
    "pca_axis": "The smallest",
    "svd_u_shape": "(6, 4) is tempting",
    "rank_k_storage": "40,000",
    "derivative_cube": "8 is tempting",
    "central_difference": "Dividing by h instead of 2h",
    "descent_sign": "Towards 0",
    "chain_rule": "−4",
    "gradient_shape": "() is tempting",
    "binomial_mean": "2.1",
    "logistic_bernoulli": "Binomial is tempting",
    "uniform_variance": "1/2 is tempting",
    "normal_matrix_shape": "(100, 100)",
    "least_squares_projection": "y·r = 0 is tempting",
    "r_squared": "0.25 is tempting",
    "negative_r_squared": "R² cannot be negative",
    "solve_not_inv": "inv(A) @ b is tempting",
    "broadcast_trap": "(3,) is tempting",
    "feature_scaling": "Raising it is the tempting fix",
    "log_space": "np.log(np.prod(p)) is",
    "correlation_causation": "Too high for chance",
    "l1_norm": "−1 is the tempting slip",
    "lasso_zeros": "Ridge is tempting",
    "covariance_entry": "Dividing by n",
}


def test_the_topics_the_quiz_missed_are_asked_about():
    for question_id, section in NEW_TOPICS.items():
        assert question_id in QUESTIONS, question_id
        assert QUESTIONS[question_id].section == section, question_id


def test_every_explanation_says_why_the_most_tempting_wrong_answer_is_wrong():
    assert set(TEMPTING) == set(QUESTIONS), "every question names its tempting wrong answer"
    for question_id, wrong in TEMPTING.items():
        explanation = QUESTIONS[question_id].explanation
        assert wrong.lower() in explanation.lower(), (question_id, wrong)


def _tempting_is_wrong(question_id: str, typed: str) -> None:
    assert not judge(QUESTIONS[question_id], typed).correct, (question_id, typed)


def test_the_tempting_answers_are_judged_wrong():
    for question_id, typed in (
        ("matmul_shape", "(2, 2)"), ("dense_batch", "(4, 8)"), ("eigenvalue", "3"),
        ("determinant_area", "6"), ("svd_u_shape", "(6, 4)"), ("rank_k_storage", "40000"),
        ("derivative_cube", "8"), ("central_difference", "6.02"), ("chain_rule", "-4"),
        ("gradient_shape", "()"), ("binomial_mean", "2.1"), ("uniform_variance", "1/2"),
        ("normal_matrix_shape", "(100, 100)"), ("r_squared", "0.25"), ("broadcast_trap", "(3,)"),
        ("l1_norm", "-1"), ("covariance_entry", "4/3"),
    ):
        _tempting_is_wrong(question_id, typed)


def test_the_new_numeric_answers_recomputed():
    M = np.array([[2.0, 1.0], [1.0, 3.0]])
    square = M @ np.array([[1.0, 0.0], [0.0, 1.0]])  # the images of the unit square's sides
    area = abs(square[0, 0] * square[1, 1] - square[0, 1] * square[1, 0])
    assert area == pytest.approx(_number("determinant_area")) == pytest.approx(abs(np.linalg.det(M)))
    assert np.prod(np.diag(M)) == 6  # the tempting answer really is the diagonal's product

    m, n, k = 100, 80, 5
    picture = np.random.default_rng(0).normal(size=(m, n))
    U, s, Vt = np.linalg.svd(picture)
    kept = (U[:, :k], s[:k], Vt[:k])
    assert sum(part.size for part in kept) == _number("rank_k_storage") == k * (m + n + 1)

    f = lambda x: x ** 3  # noqa: E731
    h = 0.1
    assert (f(1 + h) - f(1 - h)) / (2 * h) == pytest.approx(_number("central_difference"), abs=1e-12)
    assert (f(1 + h) - f(1 - h)) / h == pytest.approx(6.02)

    # the chain rule, checked numerically: z = 0 makes p = 0.5
    x = np.array([4.0, 1.0])
    y = 1.0

    def loss(w):
        p = 1 / (1 + np.exp(-(w @ x)))
        return (p - y) ** 2

    w = np.zeros(2)
    e = np.array([1.0, 0.0])
    numeric = (loss(w + 1e-6 * e) - loss(w - 1e-6 * e)) / 2e-6
    assert numeric == pytest.approx(_number("chain_rule"), abs=1e-8)

    data = np.array([[1.0, 2.0], [0.0, 0.0], [-1.0, -2.0]])
    assert np.allclose(data.mean(axis=0), 0)  # already centred
    assert np.cov(data, rowvar=False)[0, 1] == pytest.approx(_number("covariance_entry"))
    assert np.cov(data, rowvar=False, bias=True)[0, 1] == pytest.approx(4 / 3)


def test_the_log_space_options_all_use_logs_and_only_the_key_survives():
    question = QUESTIONS["log_space"]
    assert all("log" in option for option in question.options)
    p = np.random.default_rng(5).uniform(0.01, 0.5, size=2000)
    assert np.prod(p) == 0.0
    usable = []
    with np.errstate(all="ignore"):
        for option in question.options:
            value = eval(option, {"np": np, "p": p})
            usable.append(bool(np.isfinite(value) and value != 0))
    assert usable == [index == question.answer for index in range(len(question.options))]


def test_every_solve_not_inv_option_computes_x_in_exact_arithmetic():
    """The distractors are what a learner would write, not absurd: each finds x on a tame A."""
    question = QUESTIONS["solve_not_inv"]
    A = np.array([[4.0, 1.0], [2.0, 3.0]])
    b = np.array([1.0, 2.0])
    x = np.linalg.solve(A, b)
    for option in question.options:
        namespace = {"np": np, "A": A, "b": b}
        exec(option, namespace)
        assert np.allclose(namespace["x"], x), option
    assert "solve(A, b)" in question.options[question.answer]


def test_the_descent_sign_distractors_each_give_a_reason():
    options = QUESTIONS["descent_sign"].options
    assert all(len(option.split()) >= 8 for option in options), options


def test_the_projection_question_on_the_house_data():
    rng = np.random.default_rng(42)
    area = rng.uniform(0, 10, size=100)
    price = 3.5 * area + 10 + rng.normal(0, 2, size=100)
    X = np.column_stack([np.ones(100), area])
    w = np.linalg.lstsq(X, price, rcond=None)[0]
    r = price - X @ w
    assert np.allclose(X.T @ r, 0, atol=1e-8)  # the key
    assert price @ r == pytest.approx(r @ r) and r @ r > 1  # y·r is ‖r‖², not 0
    assert QUESTIONS["least_squares_projection"].options[0].endswith("Xᵀr = 0")


def test_a_copied_column_makes_the_gram_matrix_singular():
    m2 = np.array([50.0, 80.0, 120.0, 65.0])
    X = np.column_stack([np.ones(4), m2, 100 * m2])
    assert np.linalg.matrix_rank(X.T @ X) == 2
    assert np.allclose(X @ np.array([0.0, 100.0, -1.0]), 0)
    assert QUESTIONS["singular_gram"].options[QUESTIONS["singular_gram"].answer].startswith("0")


def test_a_one_axis_shape_in_bare_parentheses_is_refused_in_the_quiz():
    question = QUESTIONS["gradient_shape"]
    with pytest.raises(MalformedAnswer, match=r"\(5\) is just the number 5"):
        judge(question, "(5)")
    assert judge(question, "(5,)").correct
