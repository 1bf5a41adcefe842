"""Error reports for learner code: the learner's own frames only.

A traceback is Python's usual text, filtered to frames whose file is a cell
(``<cell N>``), so neither the engine's frames nor library internals appear. Chained
exceptions (``__cause__``/``__context__``) and exception groups are filtered the same
way. Runs of identical frames (deep recursion) are collapsed by :mod:`traceback` into
"[Previous line repeated N more times]".
"""

from __future__ import annotations

import linecache
import traceback
from dataclasses import dataclass

CELL_FILENAME_PREFIX = "<cell "


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


def _safe_str(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:
        return f"<unprintable {type(error).__name__} object>"
