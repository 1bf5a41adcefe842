"""Reading and judging quiz answers, and a quiz round, without a screen."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fixtures.quiz_lesson import QUIZ
from tutor.grading.answers import (
    NUMBER_FORM,
    SHAPE_FORM,
    MalformedAnswer,
    format_shape,
    judge,
    parse_choice,
    parse_number,
    parse_shape,
    right_answer,
)
from tutor.grading.quiz_round import QuizRound
from tutor.lesson import Choice, Numeric, Shape

CHOICE = Choice(id="c", prompt="?", options=("w", "x", "y", "z"), answer=2, explanation="")
NUMBER = Numeric(id="n", prompt="?", answer=0.75, tolerance=0.01, explanation="")
EXACT = Numeric(id="e", prompt="?", answer=23, tolerance=0, explanation="")
SHAPE = Shape(id="s", prompt="?", answer=(3, 3), explanation="")


@pytest.mark.parametrize(
    "text, index", [("1", 0), ("4", 3), ("a", 0), ("C", 2), (" d ", 3), ("b)", 1), ("(c)", 2)]
)
def test_a_choice_is_a_digit_or_a_letter(text, index):
    assert parse_choice(text, 4) == index


@pytest.mark.parametrize("text", ["", "0", "5", "e", "ab", "12", "yes"])
def test_a_choice_out_of_range_says_what_is_expected(text):
    with pytest.raises(MalformedAnswer, match="1–4 or a–d"):
        parse_choice(text, 4)


@pytest.mark.parametrize(
    "text, value",
    [("32", 32), ("-0.5", -0.5), (".5", 0.5), ("2.5e-3", 0.0025), ("1E3", 1000), ("1/12", 1 / 12),
     (" -3 / 4 ", -0.75), ("−4", -4), ("+7", 7), ("6.", 6)],
)
def test_numbers_in_the_usual_forms(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["abc", "", "1,5", "1/0", "nan", "inf", "1e999", "3x", "0x10", "1_000", "--2"]
)
def test_a_malformed_number_says_what_is_expected(text):
    with pytest.raises(MalformedAnswer) as raised:
        parse_number(text)
    assert NUMBER_FORM in str(raised.value)


@pytest.mark.parametrize(
    "text, shape",
    [("(3, 3)", (3, 3)), ("3x3", (3, 3)), ("3 X 3", (3, 3)), ("3×3", (3, 3)), ("[3,3]", (3, 3)),
     ("3, 3", (3, 3)), ("(3,)", (3,)), ("3", (3,)), ("[3]", (3,)), ("()", ()), ("2x3x4", (2, 3, 4)),
     ("(100, 2)", (100, 2)), ("3*3", (3, 3))],
)
def test_shapes_as_a_tuple_or_with_an_x(text, shape):
    assert parse_shape(text) == shape


@pytest.mark.parametrize(
    "text", ["3by", "", "3x", "x3", "(3, 3", "(3, a)", "(-1, 3)", "3.0x3", "(,)", "3,,3", "٣x٣"]
)
def test_a_malformed_shape_says_what_is_expected(text):
    with pytest.raises(MalformedAnswer) as raised:
        parse_shape(text)
    assert str(raised.value) == SHAPE_FORM


@pytest.mark.parametrize("text, size", [("(5)", "5"), (" ( 3 ) ", "3"), ("(100)", "100")])
def test_a_bare_number_in_parentheses_is_refused_because_python_reads_it_as_a_number(text, size):
    """Pitfall 2: (5) is the int 5, not the tuple (5,). The answer is refused, not judged."""
    assert eval(text) == int(size) and not isinstance(eval(text), tuple)  # what Python makes of it
    with pytest.raises(MalformedAnswer) as raised:
        parse_shape(text)
    message = str(raised.value)
    assert f"({size}) is just the number {size}" in message and f"({size},)" in message


def test_a_bare_number_in_parentheses_is_not_counted_in_a_round():
    one_axis = Shape(id="g", prompt="?", answer=(5,), explanation="")
    round_ = QuizRound((one_axis,))
    with pytest.raises(MalformedAnswer, match=r"\(5\) is just the number 5"):
        round_.answer("(5)")
    assert round_.verdicts == {} and round_.position == 0  # not counted, not wrong
    assert round_.answer("(5,)").correct and round_.score == 1


@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=5))
def test_every_shape_reads_back_as_numpy_prints_it(sizes):
    shape = tuple(sizes)
    assert parse_shape(format_shape(shape)) == shape
    if len(shape) > 1:
        assert parse_shape("x".join(map(str, shape))) == shape


def test_judging_a_choice():
    assert judge(CHOICE, "c").correct and judge(CHOICE, "3").correct
    wrong = judge(CHOICE, "a")
    assert not wrong.correct and wrong.given == "a) w" and wrong.expected == "c) y"


def test_judging_a_number_within_its_tolerance():
    assert judge(NUMBER, "0.75").correct
    assert judge(NUMBER, "0.759").correct and judge(NUMBER, "3/4").correct
    assert not judge(NUMBER, "0.77").correct
    assert judge(EXACT, "23").correct and judge(EXACT, "23.0").correct
    assert not judge(EXACT, "23.001").correct
    assert right_answer(NUMBER) == "0.75 (± 0.01)" and right_answer(EXACT) == "23"


def test_judging_a_shape():
    assert judge(SHAPE, "(3, 3)").correct and judge(SHAPE, "3x3").correct
    wrong = judge(SHAPE, "3x2")
    assert not wrong.correct and wrong.given == "(3, 2)" and wrong.expected == "(3, 3)"


def test_a_malformed_answer_is_not_judged():
    for question, text in ((NUMBER, "abc"), (SHAPE, "3by"), (CHOICE, "q")):
        with pytest.raises(MalformedAnswer):
            judge(question, text)


def test_a_round_scores_lists_the_missed_and_retries_only_those():
    round_ = QuizRound(QUIZ.questions)
    with pytest.raises(MalformedAnswer):
        round_.answer("seven")  # the choice question: not counted
    assert round_.verdicts == {} and round_.position == 0
    assert round_.answer("b").correct
    round_.advance()
    with pytest.raises(MalformedAnswer):
        round_.answer("half")
    assert not round_.answer("0.6").correct
    round_.advance()
    assert not round_.answer("3x2").correct
    round_.advance()
    assert round_.finished and round_.score == 1 and round_.total == 3
    assert [q.id for q in round_.missed] == ["half", "grid"]
    again = round_.retry()
    assert not again.full and [q.id for q in again.questions] == ["half", "grid"]
    assert again.answer("1/2").correct


def test_a_round_does_not_move_on_before_an_answer():
    round_ = QuizRound(QUIZ.questions)
    round_.advance()
    assert round_.position == 0
