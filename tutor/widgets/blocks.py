"""Which widget shows which lesson block: the one place the section view asks.

Each block type of `tutor.lesson.format` maps to a factory that takes the
block and the lesson it belongs to. Widgets for heavy blocks (figures,
explorables) import their own dependencies when first built.
"""

from __future__ import annotations

from typing import Callable

from textual.widget import Widget
from textual.widgets import Markdown, Static

from tutor.lesson.format import Example, Lesson, Prose


def _prose(block: Prose, lesson: Lesson) -> Widget:
    return Markdown(block.markdown)


def _example(block: Example, lesson: Lesson) -> Widget:
    from tutor.widgets.code_listing import CodeListing

    return CodeListing(block)


FACTORIES: dict[type, Callable[[object, Lesson], Widget]] = {
    Prose: _prose,
    Example: _example,
}


def block_widget(block: object, lesson: Lesson) -> Widget:
    """The widget that shows `block` (a plain notice for a block this tutor cannot show)."""
    factory = FACTORIES.get(type(block))
    if factory is None:
        return Static(f"(this tutor cannot show a {type(block).__name__} block)", markup=False)
    return factory(block, lesson)
