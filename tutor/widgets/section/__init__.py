"""A lesson section on screen: the scrolling view of its pages, and one widget per block (prose, code listing, exercise and quiz cards).

Blocks never reach for the widgets around them: they post messages the view or the screen acts on.

The names below load their module on first use (as `textual.widgets` does), so importing
the package costs nothing before a screen needs one of them.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "CodeListing": "_code_listing",
    "ExerciseCard": "_exercise_card",
    "LeaveRequested": "_block_messages",
    "Prose": "_prose",
    "QuizCard": "_quiz_card",
    "SectionCard": "_section_card",
    "SectionPage": "_section_view",
    "SectionView": "_section_view",
}
"""Each public name, and the private module that defines it."""

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    try:
        module = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
