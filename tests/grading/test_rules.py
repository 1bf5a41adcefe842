"""Reading a rule of the task from the learner's code: aliases, getattr, helpers, and what does not count."""

from __future__ import annotations

import ast
import textwrap

import pytest

from tutor.grading.cases import Broken
from tutor.grading.rules import Rule, Source, rule_case

NO_DOT = Rule(
    function="dot",
    summary="no np.dot",
    why="write the loop",
    functions=frozenset({"dot", "einsum", "matmul"}),
    exact=frozenset({"operator.matmul"}),
    methods=frozenset({"dot", "__matmul__"}),
    operators=(ast.MatMult,),
)
NO_INVERSE = Rule(function="solve_it", summary="no inverse", why="solve instead",
                  functions=frozenset({"inv", "pinv", "lstsq"}))


def found(code: str, rule: Rule = NO_DOT) -> list[tuple[str, int]]:
    return [(use.name(), use.line) for use in Source(textwrap.dedent(code)).broken(rule)]


@pytest.mark.parametrize(
    "code, name",
    [
        ("import numpy as np\ndef dot(a, b):\n    return np.dot(a, b)\n", "np.dot"),
        ("import numpy\ndef dot(a, b):\n    return numpy.dot(a, b)\n", "numpy.dot"),
        ("from numpy import dot as d\ndef dot(a, b):\n    return d(a, b)\n", "d (numpy.dot)"),
        ("from numpy import *\ndef dot(a, b):\n    return einsum('i,i', a, b)\n", "einsum (numpy.einsum)"),
        ("import numpy as np\nd = np.dot\ndef dot(a, b):\n    return d(a, b)\n", "d (numpy.dot)"),
        ("import numpy as np\ndef dot(a, b):\n    return getattr(np, 'do' + 't')(a, b)\n",
         "getattr(np, 'do' + 't') (numpy.dot)"),
        ("def dot(a, b):\n    np = __import__('numpy')\n    return np.matmul(a, b)\n", "np.matmul"),
        ("import numpy as np\ndef dot(a, b):\n    return np.asarray(a).dot(b)\n", ".dot() (np.asarray(a).dot)"),
        ("import operator\ndef dot(a, b):\n    return operator.matmul(a, b)\n", "operator.matmul"),
        ("import numpy as np\ndef dot(a, b):\n    return np.asarray(a) @ np.asarray(b)\n", "the @ operator"),
        ("import numpy as np\ndef dot(a, b):\n    return np.__dict__['dot'](a, b)\n",
         "np.__dict__['dot'] (numpy.dot)"),
        ("import scipy\ndef dot(a, b):\n    return scipy.dot(a, b)\n", "scipy.dot"),
    ],
)
def test_a_forbidden_call_is_found_however_it_is_spelled(code, name):
    assert found(code) == [(name, code.count("\n", 0, code.index("return")) + 1)]


def test_module_aliases_of_the_linalg_package_are_followed():
    code = """\
        import numpy.linalg as la
        from numpy.linalg import pinv
        from scipy import linalg

        def solve_it(A, b):
            x = la.inv(A) @ b
            y = pinv(A) @ b
            return linalg.lstsq(A, b)[0]
        """
    assert found(code, NO_INVERSE) == [("la.inv", 6), ("pinv (numpy.linalg.pinv)", 7), ("linalg.lstsq", 8)]


def test_a_helper_the_function_calls_counts_but_a_test_helper_does_not():
    code = """\
        import numpy as np

        def helper(a, b):
            return np.dot(a, b)

        def dot(a, b):
            return helper(a, b)

        def my_test():
            assert dot([1], [2]) == np.dot([1], [2])
        """
    assert found(code) == [("np.dot", 4)]
    alone = code.replace("return helper(a, b)", "return sum(x * y for x, y in zip(a, b))")
    assert found(alone) == []


def test_nested_functions_count_and_plain_loops_pass():
    code = """\
        import numpy as np

        def dot(a, b):
            def inner(x, y):
                return np.dot(x, y)
            total = 0
            for x, y in zip(a, b):
                total += x * y
            return inner(a, b) if False else total
        """
    assert found(code) == [("np.dot", 5)]
    plain = "import numpy as np\n\ndef dot(a, b):\n    dot = 0\n    for x, y in zip(a, b):\n        dot += x * y\n    return dot\n"
    assert found(plain) == []


def test_a_local_name_is_not_mistaken_for_a_star_import():
    code = "from numpy import *\n\ndef dot(a, b):\n    matmul = 0\n    for x, y in zip(a, b):\n        matmul += x * y\n    return matmul\n"
    assert found(code) == []


def test_the_differencing_rule_finds_f_of_x_plus_h_minus_f_of_x_minus_h():
    rule = Rule(function="grad_f", summary="by hand", why="derive it", own=frozenset({"derivative"}),
                functions=frozenset({"gradient", "approx_fprime"}), differencing=True,
                roots=frozenset({"numpy", "scipy", "tutor"}))
    nudged = """\
        import numpy as np

        def grad_f(w, X, y):
            loss = lambda v: np.sum((X @ v - y) ** 2) / len(y)
            h = 1e-6
            return np.array([(loss(w + h * e) - loss(w - h * e)) / (2 * h) for e in np.eye(len(w))])
        """
    assert [name for name, _ in found(nudged, rule)] == ["loss(w + h * e) - loss(w - h * e) (a finite difference)"]
    helper = "from tutor.core.calculus import gradient\n\ndef grad_f(w, X, y):\n    return gradient(lambda v: 0, w)\n"
    assert found(helper, rule) == [("gradient (tutor.core.calculus.gradient)", 4)]
    own = "def derivative(f, x, h=1e-5):\n    return (f(x + h) - f(x - h)) / (2 * h)\n\ndef grad_f(w, X, y):\n    return derivative(None, w)\n"
    assert found(own, rule) == [("derivative (your own derivative())", 5)]
    assert Source(own).broken(Rule(function="derivative", summary="", why="", differencing=True))  # the helper itself
    by_hand = "import numpy as np\n\ndef grad_f(w, X, y):\n    return 2 * X.T @ (X @ w - y) / len(y) - np.matmul(X.T, y) + np.matmul(X.T, y)\n"
    assert found(by_hand, rule) == []


def test_rule_case_names_the_call_the_line_and_why():
    broken = rule_case(Source("import numpy as np\n\ndef dot(a, b):\n    return np.dot(a, b)\n"), NO_DOT)
    assert isinstance(broken, Broken)
    assert broken.got == "line 4: return np.dot(a, b)"
    assert broken.reason == "np.dot on line 4: write the loop"
    assert rule_case(Source("def dot(a, b):\n    return 0\n"), NO_DOT) is None
    assert rule_case(Source("def dot(a, b):\n    return (\n"), NO_DOT) is None  # a syntax error is reported elsewhere
