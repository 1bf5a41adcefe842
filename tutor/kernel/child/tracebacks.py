"""Error reports for learner code: the learner's own frames only.

A traceback is Python's usual text, filtered to frames whose file is a cell
(``<cell N>``), so neither the engine's frames nor library internals appear. Chained
exceptions (``__cause__``/``__context__``) and exception groups are filtered the same
way. Runs of identical frames (deep recursion) are collapsed by :mod:`traceback` into
"[Previous line repeated N more times]".

Python's own hints are kept: ``pritn(1)`` ends ``NameError: name 'pritn' is not defined.
Did you mean: 'print'?``. From Python 3.12 :mod:`traceback` computes them itself; in 3.11
only the interpreter's own exception display does, so :func:`interpreter_hint` asks it.
"""

from __future__ import annotations

import io
import linecache
import sys
import traceback
from dataclasses import dataclass

CELL_FILENAME_PREFIX = "<cell "

HINTED_ERRORS = (NameError, AttributeError)
"""The errors Python 3.11 offers a "Did you mean" for (3.12 computes them in :mod:`traceback`)."""

HINT_START = ". Did you mean"

TRACEBACK_HINTS = sys.version_info >= (3, 12)
""":mod:`traceback` adds the hints itself."""


@dataclass(frozen=True)
class ErrorReport:
    type_name: str
    message: str
    traceback: str


def cell_filename(number: int) -> str:
    return f"{CELL_FILENAME_PREFIX}{number}>"


def remember_source(filename: str, source: str) -> None:
    """Register a cell's source so tracebacks can quote its lines."""
    lines = source.splitlines(keepends=True)
    linecache.cache[filename] = (len(source), None, lines, filename)


def public_type_name(error_type: type[BaseException]) -> str:
    """The first non-private class name in the exception's MRO (``_ArrayMemoryError`` → ``MemoryError``)."""
    for cls in error_type.__mro__:
        if not cls.__name__.startswith("_"):
            return cls.__name__
    return error_type.__name__


def report_error(error: BaseException) -> ErrorReport:
    """Describe ``error`` for the learner."""
    summary = traceback.TracebackException(
        type(error), error, error.__traceback__, compact=True
    )
    _keep_learner_frames(summary, set())
    if not TRACEBACK_HINTS:
        _add_hints(summary, error, set())
    return ErrorReport(
        type_name=public_type_name(type(error)),
        message=_safe_str(error),
        traceback="".join(summary.format()),
    )


def _keep_learner_frames(summary: traceback.TracebackException, seen: set[int]) -> None:
    if id(summary) in seen:
        return
    seen.add(id(summary))
    frames = [frame for frame in summary.stack if frame.filename.startswith(CELL_FILENAME_PREFIX)]
    summary.stack = traceback.StackSummary.from_list(frames)
    for linked in (summary.__cause__, summary.__context__):
        if linked is not None:
            _keep_learner_frames(linked, seen)
    for member in getattr(summary, "exceptions", None) or ():
        _keep_learner_frames(member, seen)


def _add_hints(summary: traceback.TracebackException, error: BaseException, seen: set[int]) -> None:
    """Append the interpreter's hint to the message of ``error`` and of each error linked to it."""
    if id(summary) in seen:
        return
    seen.add(id(summary))
    message = getattr(summary, "_str", None)  # what format_exception_only shows after the type
    if isinstance(error, HINTED_ERRORS) and isinstance(message, str):
        hint = interpreter_hint(error, message)
        if hint:
            summary._str = message + hint  # type: ignore[attr-defined]
    for linked_summary, linked in ((summary.__cause__, error.__cause__), (summary.__context__, error.__context__)):
        if linked_summary is not None and linked is not None:
            _add_hints(linked_summary, linked, seen)
    for member_summary, member in zip(getattr(summary, "exceptions", None) or (), getattr(error, "exceptions", ())):
        _add_hints(member_summary, member, seen)


def interpreter_hint(error: BaseException, message: str) -> str:
    """What Python's own display of ``error`` adds after ``message`` (". Did you mean: 'print'?"), or "".

    The interpreter computes the hint only while it prints an exception (to ``sys.stderr``),
    so its display is written to a buffer for the moment, and what follows ``message`` on
    its line is read back.
    """
    shown = f"{public_line_type(error)}: {message}"
    buffer = io.StringIO()
    stderr = sys.stderr
    sys.stderr = buffer
    try:
        sys.__excepthook__(type(error), error, error.__traceback__)
    except Exception:
        return ""
    finally:
        sys.stderr = stderr
    text = buffer.getvalue()
    found = text.rfind(shown + HINT_START)
    if found < 0:
        return ""
    return text[found + len(shown) :].split("\n", 1)[0]


def public_line_type(error: BaseException) -> str:
    """The exception type as a traceback's last line names it (``module.Name`` outside builtins)."""
    cls = type(error)
    module = cls.__module__
    return cls.__qualname__ if module in ("builtins", "__main__") else f"{module}.{cls.__qualname__}"


def _safe_str(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:
        return f"<unprintable {type(error).__name__} object>"
