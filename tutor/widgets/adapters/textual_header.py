"""Textual's header title line, which has no public name.

The lesson screen redraws only the header's title line when the section
changes (a sub-title set the usual way lays out the whole screen: several
milliseconds on every switch). That needs the title widget's class, which
Textual keeps in the private module `textual.widgets._header`.
"""

from __future__ import annotations

from textual.widget import Widget

try:
    from textual.widgets._header import HeaderTitle
except ImportError as error:  # pragma: no cover - only after a Textual upgrade
    raise ImportError(
        "textual.widgets._header.HeaderTitle is gone: this Textual release moved the header's title "
        "line. Update tutor/widgets/adapters/textual_header.py (LessonScreen._show_sub_title uses it)."
    ) from error

__all__ = ["HeaderTitle", "title_line_ok"]


def title_line_ok() -> bool:
    """Whether the title line still looks as the lesson screen expects: a widget with `update`."""
    return issubclass(HeaderTitle, Widget) and callable(getattr(HeaderTitle, "update", None))
