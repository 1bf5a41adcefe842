"""Which widget shows which lesson block: the one place the section view asks.

Each block type of `tutor.lesson.format` maps to a factory that takes the
block and the lesson it belongs to. Widgets for heavy blocks (figures,
explorables) import their own dependencies when first built.
"""

from __future__ import annotations

from typing import Callable

from textual.widget import Widget
from textual.widgets import Static

from tutor.lesson.format import Checkpoint, Example, Exercise, Explorable, Figure, Lesson, Prose, Quiz


def _prose(block: Prose, lesson: Lesson) -> Widget:
    from tutor.widgets.section._prose import Prose as ProseView

    return ProseView(block.markdown)


def _example(block: Example, lesson: Lesson) -> Widget:
    from tutor.widgets.section._code_listing import CodeListing

    return CodeListing(block)


def _quiz(block: Quiz, lesson: Lesson) -> Widget:
    from tutor.widgets.section._quiz_card import QuizCard

    return QuizCard(block, lesson)


def _exercise(block: Exercise, lesson: Lesson) -> Widget:
    from tutor.widgets.section._exercise_card import ExerciseCard

    return ExerciseCard(block, lesson)


def _checkpoint(block: Checkpoint, lesson: Lesson) -> Widget:
    from tutor.widgets.section._checkpoint import CheckpointBlock

    return CheckpointBlock(block, lesson)


def _section_id(block: object, lesson: Lesson) -> str:
    """The id of the section holding `block` (used to name saved figures)."""
    for section in lesson.sections:
        if any(candidate is block for candidate in section.blocks):
            return section.id
    return ""


def _figure(block: Figure, lesson: Lesson) -> Widget:
    from tutor.widgets.figures._figure_block import FigureBlock

    return FigureBlock(block, _section_id(block, lesson))


def _explorable(block: Explorable, lesson: Lesson) -> Widget:
    from tutor.widgets.figures._explorable import ExplorableBlock

    return ExplorableBlock(block, _section_id(block, lesson))


FACTORIES: dict[type, Callable[[object, Lesson], Widget]] = {
    Prose: _prose,
    Example: _example,
    Quiz: _quiz,
    Figure: _figure,
    Explorable: _explorable,
    Exercise: _exercise,
    Checkpoint: _checkpoint,
}


def block_widget(block: object, lesson: Lesson) -> Widget:
    """The widget that shows `block` (a plain notice for a block this tutor cannot show)."""
    factory = FACTORIES.get(type(block))
    if factory is None:
        return Static(f"(this tutor cannot show a {type(block).__name__} block)", markup=False)
    return factory(block, lesson)
