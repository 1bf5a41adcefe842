"""Every exercise of the first lesson against correct, wrong, crashing, looping and memory-hungry code.

The code runs in a real checking child (shared by this module, see conftest).
"""

from __future__ import annotations

import ast
import time

import pytest

from lessons.maths_foundations import LESSON
from lessons.maths_foundations.exercises import ALL

pytestmark = pytest.mark.asyncio(loop_scope="module")

EXERCISES = {exercise.id: exercise for exercise in ALL}
IDS = list(EXERCISES)


def functions_of(exercise) -> list[tuple[str, str]]:
    """(name, argument list) of every function the starter code defines."""
    tree = ast.parse(exercise.starter)
    return [
        (node.name, ast.unparse(node.args))
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
    ]


def every_function(exercise, body: str) -> str:
    """Code defining each of the exercise's functions with the same `body`."""
    lines = ["import numpy as np", ""]
    for name, args in functions_of(exercise):
        lines += [f"def {name}({args}):", *("    " + line for line in body.splitlines()), ""]
    return "\n".join(lines)


WRONG = {
    "dot": (
        "def dot(a, b):\n    return sum(x * y for x, y in zip(a, b))\n",
        "returned instead of raising ValueError",
    ),
    "matmul": (
        "import numpy as np\n\ndef matmul(A, B):\n    if len(A[0]) != len(B):\n"
        "        raise ValueError('inner sizes differ')\n    return (np.array(A) @ np.array(B)).squeeze()\n",
        "expected shape (1, 1), got shape ()",
    ),
    "derivative": (
        "def derivative(f, x, h=1e-5):\n    return (f(x + h) - f(x)) / h\n\n"
        "def grad_f(w, X, y):\n    return X.T @ (X @ w - y) / len(y)\n",
        "forward difference",
    ),
    "normal_equation": (
        "import numpy as np\n\ndef normal_equation(X, y):\n    return np.linalg.solve(X.T @ X, X.T @ y)\n\n"
        "def r_squared(y, y_hat):\n    y, y_hat = np.asarray(y), np.asarray(y_hat)\n"
        "    return np.sum((y - y_hat) ** 2) / np.sum((y - y.mean()) ** 2)\n",
        "R² is 1 minus it",
    ),
    "gradient_descent": (
        "import numpy as np\n\ndef gradient_descent(X, y, lr, steps):\n    w = np.zeros(X.shape[1])\n"
        "    for _ in range(min(steps, 20)):\n        w = w - lr * 2 / len(y) * X.T @ (X @ w - y)\n    return w\n",
        "from the normal-equation weights",
    ),
    "log_likelihood": (
        "import numpy as np\n\ndef log_likelihood(p):\n    return np.log(np.prod(p))\n",
        "underflowed",
    ),
    "pca": (
        "import numpy as np\n\ndef first_component(X):\n    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False))\n"
        "    return vectors[:, 0]\n",
        "points another way",
    ),
    "norms": (
        "import math\n\ndef l1_norm(v):\n    return sum(v)\n\ndef l2_norm(v):\n"
        "    return math.sqrt(sum(x * x for x in v))\n",
        "is abs() missing?",
    ),
    "backprop": (
        "import numpy as np\n\ndef backprop(w, b, x, y):\n    p = 1 / (1 + np.exp(-(w @ x + b)))\n"
        "    return 2 * (p - y) * x, 2 * (p - y)\n",
        "the sigmoid's own slope is missing",
    ),
    "binomial": (
        "def binomial_pmf(k, n, p):\n    return p**k * (1 - p) ** (n - k)\n\n"
        "def binomial_cdf(k, n, p):\n    return sum(binomial_pmf(j, n, p) for j in range(k + 1))\n",
        "C(n, k)",
    ),
}


def reasons(report) -> str:
    return "\n".join(case.reason for case in report.failed)


async def test_every_exercise_of_the_lesson_is_tested_here():
    assert sorted(exercise.id for exercise in LESSON.exercises()) == sorted(IDS) == sorted(WRONG)


@pytest.mark.parametrize("exercise_id", IDS)
async def test_the_reference_solution_passes(checker, exercise_id):
    report = await checker.check(EXERCISES[exercise_id], EXERCISES[exercise_id].solution)
    assert report.passed, [case for case in report.failed]
    assert len(report.cases) >= 5
    assert report.notes == ()


@pytest.mark.parametrize("exercise_id", IDS)
async def test_the_starter_fails(checker, exercise_id):
    report = await checker.check(EXERCISES[exercise_id], EXERCISES[exercise_id].starter)
    assert report.problem is None
    assert not report.passed and report.passed_count == 0
    assert "not written yet" in reasons(report)


@pytest.mark.parametrize("exercise_id", IDS)
async def test_a_wrong_solution_fails_with_a_reason(checker, exercise_id):
    code, reason = WRONG[exercise_id]
    report = await checker.check(EXERCISES[exercise_id], code)
    assert not report.passed
    assert reason in reasons(report)
    failed = report.failed[0]
    assert failed.input and failed.expected and failed.reason


@pytest.mark.parametrize("exercise_id", IDS)
async def test_a_crashing_solution_reports_the_exception_and_its_line(checker, exercise_id):
    report = await checker.check(EXERCISES[exercise_id], every_function(EXERCISES[exercise_id], "return 1 / 0"))
    assert report.problem is None and report.passed_count == 0
    assert all("ZeroDivisionError: division by zero (line " in case.reason for case in report.cases)
    assert "return 1 / 0" in report.cases[0].reason


@pytest.mark.parametrize("exercise_id", IDS)
async def test_a_looping_solution_is_stopped_and_reported(checker, exercise_id):
    exercise = EXERCISES[exercise_id]
    started = time.monotonic()
    report = await checker.check(exercise, every_function(exercise, "while True:\n    pass"))
    elapsed = time.monotonic() - started
    assert not report.passed and report.problem is None
    hung = [case for case in report.cases if "did not return within 0.5 s" in case.reason]
    assert len(hung) == len(functions_of(exercise))  # one per function; the rest are skipped
    assert all(case.skipped for case in report.failed if case not in hung)
    assert elapsed < 0.5 * len(hung) + 3  # the limits, plus a child's start on a busy machine


@pytest.mark.parametrize("exercise_id", IDS)
async def test_a_memory_hungry_solution_fails_cleanly(checker, exercise_id):
    exercise = EXERCISES[exercise_id]
    growing = "chunks = []\nwhile True:\n    chunks.append(np.empty(10**7))"
    report = await checker.check(exercise, every_function(exercise, growing))
    assert not report.passed and report.problem is None
    assert "ran out of memory" in reasons(report)
    # the child survived: the next check in it works
    assert (await checker.check(exercise, exercise.solution)).passed


async def test_a_single_huge_allocation_is_a_memory_error(checker):
    report = await checker.check(EXERCISES["matmul"], every_function(EXERCISES["matmul"], "return np.ones((10**5, 10**5))"))
    assert report.failed[0].got == "MemoryError"


async def test_inv_fails_and_is_told_why_solve_is_better(checker):
    code = EXERCISES["normal_equation"].solution.replace(
        "np.linalg.solve(X.T @ X, X.T @ y)", "np.linalg.inv(X.T @ X) @ X.T @ y"
    )
    assert "inv(" in code
    report = await checker.check(EXERCISES["normal_equation"], code)
    assert not report.passed and report.notes == ()
    (broken,) = report.failed
    assert broken.reason.startswith("np.linalg.inv on line 7: the task asks you to solve")
    assert "np.linalg.solve" in broken.reason and "Hilbert" in broken.reason
    assert "with solve" in broken.reason and "with inv" in broken.reason
    assert broken.got == "line 7: return np.linalg.inv(X.T @ X) @ X.T @ y"


async def test_an_eigenvector_may_have_any_sign_or_length(checker):
    code = EXERCISES["pca"].solution.replace("return vectors[:, np.argmax(values)]", "return -3 * vectors[:, np.argmax(values)]")
    assert "-3 *" in code
    assert (await checker.check(EXERCISES["pca"], code)).passed


async def test_a_matrix_may_come_back_as_an_array_or_a_list_of_lists(checker):
    as_array = "import numpy as np\n" + EXERCISES["matmul"].solution.replace("return C", "return np.array(C)")
    assert (await checker.check(EXERCISES["matmul"], as_array)).passed
    assert (await checker.check(EXERCISES["matmul"], EXERCISES["matmul"].solution)).passed  # lists


async def test_the_matmul_error_must_name_both_shapes(checker):
    code = EXERCISES["matmul"].solution.replace('raise ValueError(f"cannot multiply shapes {shapes}")',
                                                 'raise ValueError(f"cannot multiply: {m}x{k}")')
    report = await checker.check(EXERCISES["matmul"], code)
    failed = report.failed
    assert failed and all(case.label.startswith("shapes that do not fit") for case in failed)
    assert "should name" in failed[0].reason


async def test_the_shortcut_the_task_rules_out_fails_and_names_its_line(checker):
    code = "import numpy as np\n\ndef dot(a, b):\n    if len(a) != len(b):\n        raise ValueError('no')\n    return np.dot(a, b)\n"
    report = await checker.check(EXERCISES["dot"], code)
    assert not report.passed and report.notes == ()
    (broken,) = report.failed
    assert broken.reason.startswith("np.dot on line 6: the task asks for the loop itself")
    assert broken.got == "line 6: return np.dot(a, b)"


async def test_whole_array_arithmetic_passes_with_a_note_that_reads_well(checker):
    code = "import numpy as np\n\ndef dot(a, b):\n    if len(a) != len(b):\n        raise ValueError('no')\n    return np.sum(np.multiply(a, b))\n"
    report = await checker.check(EXERCISES["dot"], code)
    assert report.passed
    (note,) = report.notes
    assert note.startswith("Your dot() leans on NumPy") and "pass either way" in note


async def test_the_pass_either_way_note_is_left_out_of_a_failed_run(checker):
    code = "import numpy as np\n\ndef dot(a, b):\n    return np.sum(np.multiply(a, b))\n"  # no ValueError
    report = await checker.check(EXERCISES["dot"], code)
    assert not report.passed and report.notes == ()


async def test_a_gradient_missing_its_factor_two_is_named(checker):
    exercise = EXERCISES["derivative"]
    code = exercise.solution.replace("return 2 * X.T @ residual / len(y)", "return X.T @ residual / len(y)")
    report = await checker.check(exercise, code)
    assert "is the 2 missing?" in reasons(report)
    assert all(case.function == "grad_f" for case in report.failed)
