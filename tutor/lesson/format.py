"""The lesson format: plain dataclasses a lesson author fills in.

A lesson is an ordered list of sections; a section is an ordered list of
blocks. Lesson modules build these objects and expose one `Lesson` as
`LESSON`; they never touch the screens or widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Prose:
    """Markdown text. Write maths in Unicode: Aᵀ, λ, Σ, ŷ, x², √."""

    markdown: str


@dataclass(frozen=True)
class Example:
    """A code listing the learner can read (and later send to the REPL).

    `output` is exactly what plain Python prints when `setup` and then `code`
    run in a fresh interpreter; the test-suite runs every example to prove it.
    """

    code: str
    output: str | None = None
    setup: str = ""
    title: str = ""


Block = Union[Prose, Example]
BLOCK_TYPES: tuple[type, ...] = (Prose, Example)


@dataclass(frozen=True)
class Section:
    """One screenful of a lesson: a title and its blocks, in order."""

    id: str
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Lesson:
    """A whole lesson: what the catalogue lists and the sections it opens."""

    id: str
    number: int
    title: str
    summary: str
    sections: tuple[Section, ...]

    def section_index(self, section_id: str) -> int | None:
        """The position of the section called `section_id`, or None."""
        for index, section in enumerate(self.sections):
            if section.id == section_id:
                return index
        return None


def validate(lesson: object, *, compile_code: bool = True) -> list[str]:
    """Every problem with `lesson`, as sentences; an empty list means valid.

    With `compile_code` every example is also compiled (a few milliseconds a
    lesson: `tutor lessons --check` does it, start-up does not).
    """
    if not isinstance(lesson, Lesson):
        return [f"expected a Lesson, got {type(lesson).__name__}"]
    problems: list[str] = []
    if not lesson.id or not lesson.id.isidentifier():
        problems.append(f"lesson id {lesson.id!r} must be a Python identifier")
    if not lesson.title.strip():
        problems.append("lesson has no title")
    if not isinstance(lesson.number, int) or lesson.number < 0:
        problems.append(f"lesson number {lesson.number!r} must be a whole number ≥ 0")
    if not lesson.sections:
        problems.append("lesson has no sections")
    seen: set[str] = set()
    for position, section in enumerate(lesson.sections, start=1):
        where = f"section {position}"
        if not isinstance(section, Section):
            problems.append(f"{where}: expected a Section, got {type(section).__name__}")
            continue
        if section.id in seen:
            problems.append(f"{where}: duplicate section id {section.id!r}")
        seen.add(section.id)
        if not section.title.strip():
            problems.append(f"{where}: no title")
        if not section.blocks:
            problems.append(f"{where} ({section.title}): no blocks")
        for number, block in enumerate(section.blocks, start=1):
            problems.extend(
                f"{where} ({section.title}), block {number}: {problem}"
                for problem in _block_problems(block, compile_code)
            )
    return problems


def _block_problems(block: object, compile_code: bool) -> list[str]:
    if not isinstance(block, BLOCK_TYPES):
        return [f"unknown block type {type(block).__name__}"]
    if isinstance(block, Prose):
        return [] if block.markdown.strip() else ["empty prose"]
    if not block.code.strip():
        return ["empty example"]
    if not compile_code:
        return []
    problems = []
    for name, source in (("setup", block.setup), ("code", block.code)):
        try:
            compile(source, f"<example {name}>", "exec")
        except SyntaxError as error:
            problems.append(f"example {name} does not compile: {error.msg} (line {error.lineno})")
    return problems
