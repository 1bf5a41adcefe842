"""What a lesson's check function is written with: cases, notes and the learner's code.

A check function runs in the checking child. It receives the learner's code
(:class:`Learner`) and a seeded random generator, and yields one :class:`Case`
per input, fixed edge cases first and random ones after, plus any
:class:`Note` (advice that does not change the verdict)::

    def check_double(learner, rng):
        yield Case("zero", "double", (0,), expected=0)
        for x in rng.integers(-9, 9, size=5):
            yield Case("random", "double", (int(x),), expected=2 * int(x))

The harness calls the learner's function under a time limit and judges what it
returned; the check function never calls learner code itself.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tutor.grading import judges
from tutor.grading.judges import Judge


@dataclass(frozen=True)
class Raises:
    """The call must raise `kind`, with a message naming each of `shapes` and `words`."""

    kind: type[BaseException]
    shapes: tuple[tuple[int, ...], ...] = ()
    words: tuple[str, ...] = ()

    def describe(self) -> str:
        named = [str(shape) for shape in self.shapes] + [repr(word) for word in self.words]
        return f"{self.kind.__name__}" + (f" naming {' and '.join(named)}" if named else "")

    def judge(self, error: BaseException) -> str | None:
        message = str(error)
        missing = [str(shape) for shape in self.shapes if not judges.shape_mentioned(message, shape)]
        missing += [repr(word) for word in self.words if word.lower() not in message.lower()]
        if missing:
            return f"the message {message!r} should name {' and '.join(missing)}"
        return None


@dataclass(frozen=True)
class Case:
    """One call of a learner's function, and how to judge it.

    `expected` is what the report shows; `judge` decides (by default the value
    is compared with `expected`: a number, or an array of its shape). With
    `raises`, the call must raise instead of returning. `shown` replaces the
    arguments in the report when they do not print well (functions, big data).
    `explain` names the likely cause of an exception the function raised (a
    singular XᵀX: a second bias column).
    """

    label: str
    function: str
    args: tuple = ()
    expected: Any = None
    judge: Judge | None = None
    raises: Raises | None = None
    shown: str | None = None
    kwargs: dict = field(default_factory=dict)
    explain: Callable[[BaseException], "str | None"] | None = None
    """For an exception the learner's function raised: its likely cause, added to the reason."""

    def judgement(self) -> Judge:
        if self.judge is not None:
            return self.judge
        if isinstance(self.expected, (int, float)) or getattr(self.expected, "shape", None) == ():
            return judges.number(self.expected)
        return judges.array(self.expected)


@dataclass(frozen=True)
class Note:
    """Advice for the learner that does not change whether the checks pass.

    With `if_passed`, the note is only for a run that passed (it says "the
    checks pass either way"): the harness leaves it out when any case failed.
    """

    text: str
    if_passed: bool = False


@dataclass(frozen=True)
class Broken:
    """A rule of the task the code breaks, found by reading it (see `tutor.grading.rules`).

    It becomes a failed case of `function` without calling anything: `got` is
    the offending line and `reason` names the call and says why the rule is there.
    """

    label: str
    function: str
    expected: str
    got: str
    reason: str


class Learner:
    """The learner's code: its source text and the namespace it defined."""

    def __init__(self, source: str, namespace: dict[str, Any]) -> None:
        self.source = source
        self.namespace = namespace
        try:
            self._tree: ast.AST | None = ast.parse(source)
        except SyntaxError:
            self._tree = None

    def names_used(self) -> set[str]:
        """Every name and attribute the code mentions (`np.linalg.inv` gives np, linalg, inv)."""
        if self._tree is None:
            return set()
        used: set[str] = set()
        for node in ast.walk(self._tree):
            if isinstance(node, ast.Name):
                used.add(node.id)
            elif isinstance(node, ast.Attribute):
                used.add(node.attr)
            elif isinstance(node, ast.alias):
                used.add(node.asname or node.name.rsplit(".", 1)[-1])
                used.add(node.name.rsplit(".", 1)[-1])
        return used

    def uses(self, *names: str) -> bool:
        """Whether the code mentions any of `names` (as a name or an attribute)."""
        return bool(self.names_used() & set(names))

    def uses_operator(self, operator: type[ast.operator]) -> bool:
        """Whether the code applies a binary operator such as `ast.MatMult` (@)."""
        if self._tree is None:
            return False
        return any(
            isinstance(node, (ast.BinOp, ast.AugAssign)) and isinstance(node.op, operator)
            for node in ast.walk(self._tree)
        )


CheckFunction = Callable[[Learner, Any], Any]
"""`check(learner, rng)` yields Case and Note objects."""
