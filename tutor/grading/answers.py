"""Reading and judging quiz answers: a choice, a number within a tolerance, an array shape.

An answer in the wrong form (``abc`` for a number, ``3by`` for a shape) is not
wrong: `judge` raises `MalformedAnswer`, whose message says what form is
expected, and the quiz asks again without counting it. Nothing here imports
textual or numpy.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from tutor.lesson.format import Choice, Numeric, Question, Shape

LETTERS = "abcdefghij"

NUMBER_FORM = "Type a number, such as 32, -0.5, 2.5e-3 or 1/12."
SHAPE_FORM = "Type a shape, such as (3, 3) or 3x3; one axis is (3,)."


def bare_parentheses(size: str) -> str:
    """Why ``(5)`` is not read as a shape: in Python it is the number 5."""
    return (
        f"In Python ({size}) is just the number {size}: parentheses alone make no tuple. "
        f"A shape with one axis needs the comma: ({size},)."
    )

SHOWN_TOLERANCE = 1e-4
"""A tolerance at least this big is shown with the right answer; a smaller one is only rounding."""

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?")
_FRACTION = re.compile(r"([+-]?\d+)\s*/\s*(\d+)")
_BRACKETS = {"(": ")", "[": "]"}
_TIMES = re.compile(r"\s*[x×*]\s*")


class MalformedAnswer(ValueError):
    """The answer is not in the form the question expects; it does not count as wrong."""


@dataclass(frozen=True)
class Verdict:
    """The judgement of one well-formed answer."""

    correct: bool
    given: str
    """The learner's answer, tidied: what is recorded and shown back."""
    expected: str
    """The right answer, as the learner would type it."""


def choice_form(count: int) -> str:
    """What a multiple-choice answer looks like for `count` options."""
    return f"Choose with 1–{count} or a–{LETTERS[count - 1]}."


def expected_form(question: Question) -> str:
    """One sentence saying how to answer `question`."""
    if isinstance(question, Choice):
        return choice_form(len(question.options))
    if isinstance(question, Numeric):
        return NUMBER_FORM
    return SHAPE_FORM


def parse_choice(text: str, count: int) -> int:
    """The 0-based option index of ``2``, ``b`` or ``b)``; `MalformedAnswer` otherwise."""
    cleaned = text.strip().lower().strip("().")
    if cleaned.isdigit() and 1 <= int(cleaned) <= count:
        return int(cleaned) - 1
    if len(cleaned) == 1 and cleaned in LETTERS[:count]:
        return LETTERS.index(cleaned)
    raise MalformedAnswer(choice_form(count))


def parse_number(text: str) -> float:
    """A finite number from ``32``, ``-0.5``, ``2.5e-3``, ``1/12`` or ``−4`` (Unicode minus)."""
    cleaned = text.strip().lower().replace("−", "-").replace(" ", "")
    if _NUMBER.fullmatch(cleaned):
        value = float(cleaned)
    elif match := _FRACTION.fullmatch(cleaned):
        numerator, denominator = int(match[1]), int(match[2])
        if denominator == 0:
            raise MalformedAnswer("A fraction cannot divide by 0. " + NUMBER_FORM)
        value = float(Fraction(numerator, denominator))
    else:
        raise MalformedAnswer(NUMBER_FORM)
    if not math.isfinite(value):
        raise MalformedAnswer(NUMBER_FORM)
    return value


def parse_shape(text: str) -> tuple[int, ...]:
    """A shape from ``(3, 3)``, ``[3, 3]``, ``3x3``, ``3 × 3``, ``(3,)``, ``3`` or ``()``.

    ``(3)`` is refused: in Python it is the number 3, not a tuple, which is the
    very confusion the lesson warns about, so the message says so.
    """
    cleaned = text.strip()
    if cleaned[:1] in _BRACKETS:
        if not cleaned.endswith(_BRACKETS[cleaned[0]]):
            raise MalformedAnswer(SHAPE_FORM)
        inside = cleaned[1:-1].strip()
        if cleaned[0] == "(" and inside.isdigit() and inside.isascii():
            raise MalformedAnswer(bare_parentheses(inside))  # (5) is 5, not (5,): pitfall 2
        cleaned = inside
    elif not cleaned:
        raise MalformedAnswer(SHAPE_FORM)
    if not cleaned:
        return ()
    if _TIMES.search(cleaned.lower()):
        parts = _TIMES.split(cleaned.lower())
    else:
        parts = [part.strip() for part in cleaned.split(",")]
        if len(parts) > 1 and parts[-1] == "":
            parts.pop()  # the trailing comma of (3,)
    if not all(part.isdigit() and part.isascii() for part in parts):
        raise MalformedAnswer(SHAPE_FORM)
    return tuple(int(part) for part in parts)


def format_number(value: float) -> str:
    """A number as a learner would type it: 32, not 32.0; 0.9598 as it is."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def format_shape(shape: tuple[int, ...]) -> str:
    """A shape as NumPy prints it: (3, 3), (3,), ()."""
    if len(shape) == 1:
        return f"({shape[0]},)"
    return "(" + ", ".join(str(size) for size in shape) + ")"


def format_choice(question: Choice, index: int) -> str:
    return f"{LETTERS[index]}) {question.options[index]}"


def right_answer(question: Question) -> str:
    """The right answer, shown after any attempt."""
    if isinstance(question, Choice):
        return format_choice(question, question.answer)
    if isinstance(question, Numeric):
        shown = question.tolerance >= SHOWN_TOLERANCE  # not a float-rounding allowance
        if not shown:
            return format_number(question.answer)
        # to the places the tolerance speaks of: −0.995 (± 0.005), not −0.995475 (± 0.005)
        places = max(0, math.ceil(-math.log10(question.tolerance)))
        answer = format_number(round(question.answer, places))
        return f"{answer} (± {format_number(question.tolerance)})"
    return format_shape(question.answer)


def judge(question: Question, text: str) -> Verdict:
    """Judge the learner's `text`; raises `MalformedAnswer` when it is in the wrong form."""
    if isinstance(question, Choice):
        index = parse_choice(text, len(question.options))
        return Verdict(index == question.answer, format_choice(question, index), right_answer(question))
    if isinstance(question, Numeric):
        value = parse_number(text)
        slack = question.tolerance + 1e-12 * max(1.0, abs(question.answer))  # float rounding
        return Verdict(abs(value - question.answer) <= slack, text.strip(), right_answer(question))
    if isinstance(question, Shape):
        shape = parse_shape(text)
        return Verdict(shape == tuple(question.answer), format_shape(shape), right_answer(question))
    raise TypeError(f"not a quiz question: {type(question).__name__}")
