"""The checking engine against code that misbehaves: it always answers with a report, never crashes.

Most tests share one checking child (see conftest); the time-limit tests use
the default Checker, which starts a fresh child per check as the app does.
"""

from __future__ import annotations

import os
import time

import pytest

from lessons.maths_foundations.exercises import DOT, MATMUL
from tutor.grading.runner import Checker

pytestmark = pytest.mark.asyncio(loop_scope="module")

SWALLOWING_LOOP = """\
import time

def matmul(A, B):
    while True:
        try:
            time.sleep(0.01)
        except BaseException:
            pass
"""


async def test_a_syntax_error_is_a_failed_check_with_the_line_and_a_caret(checker):
    report = await checker.check(MATMUL, "def matmul(A, B):\n    return [[1]\n")
    assert not report.passed
    assert report.problem.startswith("SyntaxError on line 2")
    assert "line 2:     return [[1]" in report.detail
    assert report.detail.splitlines()[-1].strip() == "^"


async def test_an_exception_outside_the_functions_names_its_line(checker):
    report = await checker.check(MATMUL, "x = 1\ny = x / 0\n")
    assert "ZeroDivisionError: division by zero (line 2: y = x / 0)" in report.problem


async def test_code_without_the_function_says_so_once(checker):
    report = await checker.check(MATMUL, "def mat_mul(A, B):\n    return A\n")
    assert report.cases[0].reason == "your code does not define matmul()"
    assert all(case.skipped for case in report.cases[1:])


async def test_a_wrong_return_type_is_named(checker):
    none = await checker.check(MATMUL, "def matmul(A, B):\n    C = [[0]]\n")
    assert none.cases[0].reason == "returned None: is a `return` missing?"
    text = await checker.check(MATMUL, "def matmul(A, B):\n    return 'C'\n")
    assert text.cases[0].reason == "expected an array or a list, got a str"
    many = await checker.check(DOT, "def dot(a, b):\n    return [x * y for x, y in zip(a, b)]\n")
    assert many.cases[0].reason.startswith("expected a single number, got a list")


async def test_a_loop_outside_the_functions_is_reported(checker):
    report = await checker.check(MATMUL, "while True:\n    pass\n")
    assert "did not finish running within 0.5 s" in report.problem


async def test_a_loop_that_swallows_the_time_limit_is_stopped_and_the_child_replaced(checker):
    started = time.monotonic()
    report = await checker.check(MATMUL, SWALLOWING_LOOP)
    elapsed = time.monotonic() - started
    assert "still running after 3.5 s and was stopped" in report.problem
    assert elapsed < 3.5 + 0.5 + 2.5
    assert (await checker.check(MATMUL, MATMUL.solution)).passed


async def test_code_that_ends_the_process_is_reported_and_the_next_check_works(checker):
    report = await checker.check(MATMUL, "import os\n\ndef matmul(A, B):\n    os._exit(3)\n")
    assert "ended the checking process (exit code 3)" in report.problem
    assert (await checker.check(MATMUL, MATMUL.solution)).passed


async def test_exit_and_deep_recursion_are_failed_cases(checker):
    exits = await checker.check(MATMUL, "import sys\n\ndef matmul(A, B):\n    sys.exit(1)\n")
    assert exits.cases[0].reason == "called exit(): return the answer instead"
    recursion = await checker.check(MATMUL, "def matmul(A, B):\n    return matmul(B, A)\n")
    assert "recursed too deeply" in recursion.cases[0].reason


async def test_printed_output_is_kept_but_capped(checker):
    code = "print('loading')\n\ndef matmul(A, B):\n    print('x' * 1000)\n    return A\n"
    report = await checker.check(MATMUL, code)
    assert report.output.startswith("loading\n")
    assert len(report.output) < 2100 and "more characters not shown" in report.output


async def test_learner_code_runs_in_another_process(checker):
    report = await checker.check(MATMUL, "import os\nprint(os.getpid())\n")
    assert int(report.output.split()[0]) != os.getpid()


async def test_every_check_starts_from_a_fresh_namespace(checker):
    first = await checker.check(MATMUL, "SECRET = 42\n" + MATMUL.solution)
    assert first.passed
    second = await checker.check(MATMUL, "def matmul(A, B):\n    return SECRET\n")
    assert second.cases[0].reason.startswith("NameError: name 'SECRET' is not defined")


async def test_the_seed_decides_the_random_inputs(checker):
    one = await checker.check(MATMUL, MATMUL.starter, seed=1)
    same = await checker.check(MATMUL, MATMUL.starter, seed=1)
    other = await checker.check(MATMUL, MATMUL.starter, seed=2)
    assert one.seed == 1 and [case.input for case in one.cases] == [case.input for case in same.cases]
    assert [case.input for case in one.cases] != [case.input for case in other.cases]


async def test_a_never_returning_solution_is_reported_within_ten_seconds():
    """The app's own limits and a fresh child, with a loop that swallows every exception."""
    started = time.monotonic()
    report = await Checker().check(MATMUL, SWALLOWING_LOOP)
    assert not report.passed and "was stopped" in report.problem
    assert time.monotonic() - started < 10


async def test_a_plain_infinite_loop_costs_one_time_limit_not_one_per_case():
    started = time.monotonic()
    report = await Checker().check(MATMUL, "def matmul(A, B):\n    while True:\n        pass\n")
    assert len(report.cases) > 10 and sum(case.skipped for case in report.cases) == len(report.cases) - 1
    assert time.monotonic() - started < 5

