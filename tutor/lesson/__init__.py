"""The lesson format and the registry that finds lessons.

Nothing here imports textual or numpy: a lesson can be loaded, listed and
validated without a screen and without paying for the numerical stack.
"""

from tutor.lesson.format import (
    Checkpoint,
    Choice,
    Drill,
    Example,
    Exercise,
    Explorable,
    Figure,
    Lesson,
    Numeric,
    Param,
    Prose,
    Quiz,
    Section,
    Shape,
    Skill,
    resolve,
    validate,
)
from tutor.lesson.registry import Catalogue, CatalogueEntry, discover

__all__ = [
    "Catalogue",
    "CatalogueEntry",
    "Checkpoint",
    "Choice",
    "Drill",
    "Example",
    "Exercise",
    "Explorable",
    "Figure",
    "Lesson",
    "Numeric",
    "Param",
    "Prose",
    "Quiz",
    "Section",
    "Shape",
    "Skill",
    "discover",
    "resolve",
    "validate",
]
