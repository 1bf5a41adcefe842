"""The pieces of the checking engine that need no child: judges, shown values, reports, progress."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lessons.maths_foundations.exercises import MATMUL
from tutor.grading import judges
from tutor.grading import status as exercise_status
from tutor.grading.cases import Case, Learner, Raises
from tutor.grading.report import CaseResult, CheckReport
from tutor.grading.values import show


# -- judges ---------------------------------------------------------------------------------


def test_numbers_are_compared_with_a_tolerance():
    judge = judges.number(0.3)
    assert judge(0.1 + 0.2) is None
    assert judge(np.float64(0.3)) is None and judge(np.array(0.3)) is None
    assert judge(0.31).startswith("off by")
    assert judge(None) == "returned None: is a `return` missing?"
    assert judge(True).startswith("expected a number, got the boolean")
    assert judge("0.3") == "expected a number, got a str"
    assert judges.number(-math.inf)(-math.inf) is None
    assert judges.number(1.0)(math.nan).startswith("got nan")


def test_a_matrix_may_be_an_array_or_a_list_of_lists():
    judge = judges.array(np.array([[1.0, 2.0], [3.0, 4.0]]))
    assert judge([[1, 2], [3, 4]]) is None
    assert judge(np.array([[1, 2], [3, 4]])) is None
    assert judge([[1, 2], [3, 5]]) == "entry [1, 1] is 5, expected 4"
    assert judge([[1, 2, 3], [3, 4]]).startswith("could not read it as a table of numbers")
    assert judge([[1, 2]]) == "expected shape (2, 2), got shape (1, 2)"
    assert judge(7) == "expected an array or a list, got the single number 7"
    assert "and 3 more entries" in judges.array(np.zeros((2, 2)))([[1, 1], [1, 1]])


def test_an_eigenvector_is_right_whatever_its_sign_or_length():
    judge = judges.direction(np.array([1.0, 2.0]))
    assert judge([1, 2]) is None and judge([-2, -4]) is None and judge(np.array([0.1, 0.2])) is None
    assert judge([2, 1]).startswith("points another way: 36.9°")
    assert judge([0, 0]) == "got the zero vector, which points nowhere"
    assert judge([1, 2, 3]).startswith("expected a vector of shape (2,)")


@pytest.mark.parametrize("message", ["(2, 3) and (4, 5)", "shapes 2x3, 4x5", "[2,3] vs [4, 5]", "2 × 3 @ 4×5"])
def test_a_shape_may_be_written_several_ways(message):
    assert judges.shape_mentioned(message, (2, 3)) and judges.shape_mentioned(message, (4, 5))


def test_a_shape_is_not_found_inside_other_numbers():
    assert not judges.shape_mentioned("(12, 3) and 4x55", (2, 3))
    assert not judges.shape_mentioned("4x55", (4, 5))


def test_an_expected_error_must_name_what_it_is_asked_to():
    raises = Raises(ValueError, shapes=((2, 3), (4, 5)))
    assert raises.judge(ValueError("cannot multiply (2, 3) by (4, 5)")) is None
    assert raises.judge(ValueError("bad")) == "the message 'bad' should name (2, 3) and (4, 5)"
    assert raises.describe() == "ValueError naming (2, 3) and (4, 5)"


def test_a_case_judges_numbers_and_arrays_by_default():
    assert Case("x", "f", expected=2.0).judgement()(2.0) is None
    assert Case("x", "f", expected=np.eye(2)).judgement()([[1, 0], [0, 1]]) is None


def test_the_learners_source_can_be_asked_what_it_uses():
    learner = Learner("import numpy as np\nx = np.linalg.inv(A) @ b\n", {})
    assert learner.uses("inv") and not learner.uses("solve")
    import ast

    assert learner.uses_operator(ast.MatMult)
    assert Learner("def broken(:\n", {}).names_used() == set()


# -- values shown in reports ------------------------------------------------------------------


def test_values_are_shown_on_one_short_line():
    assert show(0.1 + 0.2) == "0.3"
    assert show([[1, 2], [3, 4]]) == "list [[1, 2], [3, 4]]"
    assert show(np.array([[1.5, 2], [3, 4]])) == "array [[1.5, 2], [3, 4]]"
    assert show(np.array(5)) == "array(5)"
    assert show(np.zeros((30, 30))).startswith("array shape (30, 30): ")
    assert len(show(list(range(1000)))) <= 160
    assert show(math.sin) == "sin"


def test_a_value_whose_repr_fails_is_still_described():
    class Awkward:
        def __repr__(self):
            raise RuntimeError("no")

    assert show(Awkward()) == "<Awkward object; repr failed: RuntimeError>"


# -- reports ------------------------------------------------------------------------------------


def test_reports_travel_as_json_and_come_back_equal():
    case = CaseResult("matmul", "edge case", "[[1]], [[2]]", "array [[2]]", "None", False, "returned None")
    report = CheckReport("matmul", (case,), notes=("a note",), output="hi\n", seed=3, elapsed=0.25)
    again = CheckReport.from_json(report.to_json())
    assert again == report
    assert again.summary() == "0 of 1 checks passed"
    with pytest.raises(ValueError):
        CheckReport.from_json('{"schema": 99}')


def test_a_report_with_a_problem_never_passes():
    assert not CheckReport.failure("matmul", "SyntaxError on line 1").passed
    assert not CheckReport("matmul").passed  # no cases: nothing was shown to be right


# -- progress in the store ------------------------------------------------------------------


def passed() -> CheckReport:
    return CheckReport("matmul", (CaseResult("matmul", "a", "", "", "", True),))


def failed() -> CheckReport:
    return CheckReport("matmul", (CaseResult("matmul", "a", "", "", "", False, "wrong"),))


def test_status_goes_from_not_started_to_in_progress_to_passed(store):
    lesson = "maths_foundations"
    assert exercise_status.status(store, lesson, MATMUL) == exercise_status.NOT_STARTED
    store.save_exercise_code(lesson, MATMUL.id, MATMUL.starter)
    assert exercise_status.status(store, lesson, MATMUL) == exercise_status.NOT_STARTED  # opened, nothing typed
    store.save_exercise_code(lesson, MATMUL.id, MATMUL.starter + "# thinking\n")
    assert exercise_status.status(store, lesson, MATMUL) == exercise_status.IN_PROGRESS
    exercise_status.record(store, lesson, MATMUL, passed())
    assert exercise_status.status(store, lesson, MATMUL) == exercise_status.PASSED
    exercise_status.record(store, lesson, MATMUL, failed())
    assert exercise_status.status(store, lesson, MATMUL) == exercise_status.PASSED  # once passed, always passed


def test_the_solution_unlocks_after_a_pass(store):
    lesson = "maths_foundations"
    exercise_status.record(store, lesson, MATMUL, failed())
    assert not exercise_status.solution_unlocked(store, lesson, MATMUL)
    exercise_status.record(store, lesson, MATMUL, passed())
    assert exercise_status.solution_unlocked(store, lesson, MATMUL)


def test_the_solution_unlocks_after_every_hint_and_one_more_failure(store):
    lesson = "maths_foundations"
    exercise_status.record(store, lesson, MATMUL, failed())  # before any hint
    store.set_hints_shown(lesson, MATMUL.id, len(MATMUL.hints) - 1)
    exercise_status.record(store, lesson, MATMUL, failed())  # one hint short
    assert not exercise_status.solution_unlocked(store, lesson, MATMUL)
    store.set_hints_shown(lesson, MATMUL.id, len(MATMUL.hints))
    assert not exercise_status.solution_unlocked(store, lesson, MATMUL)  # the hints alone are not enough
    exercise_status.record(store, lesson, MATMUL, failed())
    assert exercise_status.solution_unlocked(store, lesson, MATMUL)
    assert store.attempts(lesson, MATMUL.id)[-1][1].endswith(exercise_status.AFTER_HINTS)
