"""Values shown to the learner in a check report: one line each, never too long.

Runs in the checking child. Numbers keep ten significant digits, arrays and
lists of lists print on one line (long ones are summarised with their shape),
functions show their name. A value whose repr fails still gets a description.
"""

from __future__ import annotations

import math
from numbers import Number
from typing import Any

LIMIT = 160
"""Characters of one shown value; longer ones end with an ellipsis."""

_SUMMARY_SIZE = 16
"""Arrays with more entries than this are summarised (first and last items, and the shape)."""


def shorten(text: str, limit: int = LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def number(value: float) -> str:
    """A float with up to ten significant digits (integers as they are)."""
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        return repr(value)
    return f"{value:.10g}"


def _array(value: Any) -> str:
    import numpy as np

    array = np.asarray(value)
    text = np.array2string(
        array,
        separator=", ",
        threshold=_SUMMARY_SIZE,
        edgeitems=2,
        max_line_width=10**6,
        formatter={"float_kind": lambda x: f"{x:.6g}"},
    )
    text = " ".join(text.split()).replace("[ ", "[")
    if array.size > _SUMMARY_SIZE:
        return f"shape {array.shape}: {text}"
    return text


def _is_table(value: Any) -> bool:
    """A list (or tuple) of numbers, or of equally long lists of numbers."""
    if not isinstance(value, (list, tuple)) or not value:
        return False
    if all(isinstance(item, Number) and not isinstance(item, bool) for item in value):
        return True
    rows = [row for row in value if isinstance(row, (list, tuple))]
    return (
        len(rows) == len(value)
        and len({len(row) for row in rows}) == 1
        and all(isinstance(item, Number) and not isinstance(item, bool) for row in rows for item in row)
    )


def show(value: Any, limit: int = LIMIT) -> str:
    """`value` on one line for the report."""
    try:
        import numpy as np

        if value is None:
            return "None"
        if isinstance(value, (bool, np.bool_)):
            return repr(bool(value))
        if isinstance(value, (int, float, np.integer, np.floating)):
            return number(value.item() if isinstance(value, np.generic) else value)
        if isinstance(value, np.ndarray):
            if value.shape == ():
                return f"array({show(value.item(), limit)})"
            if value.dtype.kind in "biuf":
                return shorten(f"array {_array(value)}", limit)
            return shorten(f"array {value!r}", limit)
        if _is_table(value):
            kind = "list" if isinstance(value, list) else "tuple"
            return shorten(f"{kind} {_array(value)}", limit)
        if isinstance(value, tuple) and 0 < len(value) <= 4:  # a pair of results, such as (dL/dw, dL/db)
            return shorten("(" + ", ".join(show(item, limit) for item in value) + ")", limit)
        if callable(value):
            return getattr(value, "__name__", type(value).__name__)
        return shorten(repr(value), limit)
    except Exception as error:  # a learner's object whose repr fails
        return f"<{type(value).__name__} object; repr failed: {type(error).__name__}>"


def show_args(args: tuple, kwargs: dict | None = None, limit: int = LIMIT) -> str:
    """A call's arguments as `a=…, b=…`-free text: the values, comma-separated."""
    parts = [show(arg, limit) for arg in args]
    parts += [f"{name}={show(arg, limit)}" for name, arg in (kwargs or {}).items()]
    return shorten(", ".join(parts), limit * 2)


def type_name(value: Any) -> str:
    """What kind of thing `value` is, for reasons like "expected a number, got a list"."""
    if value is None:
        return "None"
    try:
        import numpy as np

        if isinstance(value, np.ndarray):
            return f"an array of shape {value.shape}"
    except ImportError:  # pragma: no cover - numpy is always there in the child
        pass
    name = type(value).__name__
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"
