"""Finds lessons through the `tutor.lessons` entry-point group.

Each entry point names a `Lesson` object (`package.module:LESSON`). A module
that fails to import, or that names something which is not a valid lesson,
becomes a broken entry carrying its error: the catalogue shows it and every
other lesson still loads.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from typing import Iterable

from tutor.lesson.format import Lesson, validate

GROUP = "tutor.lessons"


@dataclass(frozen=True)
class CatalogueEntry:
    """One lesson as the catalogue knows it: loaded, or broken with its error."""

    id: str
    source: str
    lesson: Lesson | None = None
    error: str | None = None
    details: str = ""

    @property
    def broken(self) -> bool:
        return self.lesson is None

    @property
    def number(self) -> int:
        return self.lesson.number if self.lesson else 10_000

    @property
    def title(self) -> str:
        return self.lesson.title if self.lesson else self.id


@dataclass(frozen=True)
class Catalogue:
    """Every lesson found, sorted by lesson number then id."""

    entries: tuple[CatalogueEntry, ...]

    def __iter__(self):
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def lessons(self) -> list[Lesson]:
        return [entry.lesson for entry in self.entries if entry.lesson is not None]

    @property
    def broken(self) -> list[CatalogueEntry]:
        return [entry for entry in self.entries if entry.broken]

    def get(self, lesson_id: str) -> CatalogueEntry | None:
        for entry in self.entries:
            if entry.id == lesson_id:
                return entry
        return None

    def ids(self) -> list[str]:
        return [entry.id for entry in self.entries]


def load_entry(entry_point: EntryPoint) -> CatalogueEntry:
    """Import one entry point and check what it names."""
    source = entry_point.value
    try:
        loaded = entry_point.load()
    except BaseException as error:  # a lesson module may raise anything, even SystemExit
        if isinstance(error, KeyboardInterrupt):
            raise
        return CatalogueEntry(
            id=entry_point.name,
            source=source,
            error=f"failed to import {source}: {type(error).__name__}: {error}",
            details="".join(traceback.format_exception(error)),
        )
    problems = validate(loaded, compile_code=False)
    if problems:
        return CatalogueEntry(
            id=entry_point.name,
            source=source,
            error=f"{source} is not a valid lesson: " + "; ".join(problems),
        )
    if loaded.id != entry_point.name:
        return CatalogueEntry(
            id=entry_point.name,
            source=source,
            error=f"{source} has id {loaded.id!r} but is registered as {entry_point.name!r}",
        )
    return CatalogueEntry(id=loaded.id, source=source, lesson=loaded)


def discover(found: Iterable[EntryPoint] | None = None) -> Catalogue:
    """Load every lesson registered in the `tutor.lessons` group.

    `found` replaces the installed entry points (tests pass their own).
    The same name registered twice is loaded once: the first wins.
    """
    if found is None:
        found = entry_points(group=GROUP)
    entries: dict[str, CatalogueEntry] = {}
    for entry_point in found:
        if entry_point.name not in entries:
            entries[entry_point.name] = load_entry(entry_point)
    ordered = sorted(entries.values(), key=lambda entry: (entry.number, entry.id))
    return Catalogue(tuple(ordered))
