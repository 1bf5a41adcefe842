"""Judges: compare what the learner's function returned with what was expected.

Runs in the checking child. A judge is a function of the learner's value that
returns None when it is right, or a one-line reason when it is not. Floats are
compared with tolerances (|got − expected| ≤ atol + rtol·|expected|, as
``numpy.isclose``); a matrix may come back as a NumPy array or a list of lists;
an eigenvector is right whatever its sign or length.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from tutor.grading.values import show, type_name

Judge = Callable[[Any], "str | None"]

RTOL = 1e-9
ATOL = 1e-12


def as_float(got: Any) -> float | str:
    """`got` as a float, or the reason it is not a single number."""
    import numpy as np

    if got is None:
        return "returned None: is a `return` missing?"
    if isinstance(got, (bool, np.bool_)):
        return f"expected a number, got the boolean {got!r}"
    if isinstance(got, (int, float, np.integer, np.floating)):
        return float(got)
    if isinstance(got, np.ndarray) and got.shape == () and got.dtype.kind in "iuf":
        return float(got)
    if isinstance(got, (list, tuple, np.ndarray)):
        return f"expected a single number, got {type_name(got)} ({show(got, 60)})"
    return f"expected a number, got {type_name(got)}"


def as_array(got: Any) -> "Any | str":
    """`got` (an array, or a list of numbers or of lists of numbers) as a float array, or a reason."""
    import numpy as np

    if got is None:
        return "returned None: is a `return` missing?"
    if isinstance(got, (str, bytes, dict, set)) or not isinstance(got, (list, tuple, np.ndarray)):
        if isinstance(got, (int, float, np.number)):
            return f"expected an array or a list, got the single number {show(got)}"
        return f"expected an array or a list, got {type_name(got)}"
    try:
        array = np.array(got, dtype=float)
    except (ValueError, TypeError):
        return "could not read it as a table of numbers: are all the rows the same length, and all numbers?"
    return array


def _close(got: float, expected: float, rtol: float, atol: float) -> bool:
    if math.isnan(expected):
        return math.isnan(got)
    if math.isinf(expected) or math.isinf(got):
        return got == expected
    return abs(got - expected) <= atol + rtol * abs(expected)


def number(expected: float, rtol: float = RTOL, atol: float = ATOL) -> Judge:
    """A single number within tolerance of `expected`."""

    def judge(got: Any) -> str | None:
        value = as_float(got)
        if isinstance(value, str):
            return value
        if _close(value, float(expected), rtol, atol):
            return None
        if math.isnan(value):
            return "got nan (not a number): a 0/0 or a log of a negative somewhere?"
        return f"off by {show(value - float(expected))}"

    return judge


def _index(position: tuple[int, ...]) -> str:
    return "[" + ", ".join(str(int(i)) for i in position) + "]"


def array(expected: Any, rtol: float = RTOL, atol: float = ATOL) -> Judge:
    """An array (or list of lists) of `expected`'s shape, entry by entry within tolerance."""
    import numpy as np

    expected = np.asarray(expected, dtype=float)

    def judge(got: Any) -> str | None:
        value = as_array(got)
        if isinstance(value, str):
            return value
        if value.shape != expected.shape:
            return f"expected shape {expected.shape}, got shape {value.shape}"
        good = np.isclose(value, expected, rtol=rtol, atol=atol, equal_nan=True)
        if good.all():
            return None
        wrong = np.argwhere(~good)
        first = tuple(wrong[0])
        others = len(wrong) - 1
        more = f" (and {others} more {'entry' if others == 1 else 'entries'})" if others else ""
        return f"entry {_index(first)} is {show(value[first])}, expected {show(expected[first])}{more}"

    return judge


def direction(expected: Any, tolerance: float = 1e-6) -> Judge:
    """A vector along `expected`, whatever its sign or length (an eigenvector, a component)."""
    import numpy as np

    expected = np.asarray(expected, dtype=float)
    unit = expected / np.linalg.norm(expected)

    def judge(got: Any) -> str | None:
        value = as_array(got)
        if isinstance(value, str):
            return value
        if value.shape != expected.shape:
            return f"expected a vector of shape {expected.shape}, got shape {value.shape}"
        if not np.all(np.isfinite(value)):
            return "the vector contains nan or inf"
        length = np.linalg.norm(value)
        if length == 0:
            return "got the zero vector, which points nowhere"
        cosine = min(1.0, abs(float(value @ unit)) / length)
        if cosine >= 1 - tolerance:
            return None
        angle = math.degrees(math.acos(cosine))
        return f"points another way: {angle:.3g}° from the expected direction"

    return judge


def naming_mistakes(
    judge: Judge,
    mistakes: "list[tuple[Any, str]]",
    matches: "Callable[[Any, Any], bool]",
    *,
    keep_reason: bool = False,
) -> Judge:
    """`judge`, and when it fails, the name of the mistake that explains the answer.

    `mistakes` pairs what a known wrong solution returns with the words that name its bug;
    the first whose value `matches(got, wrong)` replaces the bare reason (or follows it,
    with `keep_reason`). An answer no mistake explains keeps `judge`'s own reason.
    """

    def named(got: Any) -> str | None:
        reason = judge(got)
        if reason is None:
            return None
        value = as_array(got)
        if isinstance(value, str):
            return reason
        for wrong, words in mistakes:
            if getattr(wrong, "shape", None) == value.shape and matches(value, wrong):
                return f"{reason}; {words}" if keep_reason else words
        return reason

    return named


def shape_mentioned(message: str, shape: tuple[int, ...]) -> bool:
    """Whether `message` names `shape`, as (2, 3), [2, 3], 2x3, 2 x 3 or 2×3."""
    import re

    numbers = [str(n) for n in shape]
    separated = r"\s*,\s*".join(numbers)
    crossed = r"\s*[x×]\s*".join(numbers)
    pattern = rf"[(\[]\s*{separated}\s*,?\s*[)\]]|(?<!\d){crossed}(?!\d)"
    return re.search(pattern, message) is not None
