"""The Maths Foundations quiz: its coverage, its forms, and every answer recomputed with NumPy."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from lessons.maths_foundations import LESSON
from tutor.checks.answers import judge, right_answer
from tutor.lesson import Choice, Numeric, Quiz, Shape
from tutor.screens.quiz import MAX_OPTIONS

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
