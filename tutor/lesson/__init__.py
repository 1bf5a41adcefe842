"""The lesson format and the registry that finds lessons.

Nothing here imports textual or numpy: a lesson can be loaded, listed and
validated without a screen and without paying for the numerical stack.
"""

from tutor.lesson.format import Example, Lesson, Prose, Section, validate
from tutor.lesson.registry import Catalogue, CatalogueEntry, discover

__all__ = [
    "Catalogue",
    "CatalogueEntry",
    "Example",
    "Lesson",
    "Prose",
    "Section",
    "discover",
    "validate",
]
