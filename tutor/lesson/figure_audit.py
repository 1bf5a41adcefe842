"""Build every figure and explorable of a lesson without a screen, and say which cannot be drawn.

`tutor lessons --check` calls `check_figures` after validating the lesson's
shape: each `Figure` is built once, each `Explorable` at its defaults and
then with each number, in turn, at its minimum and maximum, under every
combination of its choices (see `settings`). A build that raises, returns
something that is not a plot description, or yields no finite data is a
problem. Nothing here imports numpy; the build functions do, when called.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Iterator

from tutor.lesson.format import Explorable, Figure, Lesson
from tutor.lesson.plots import problems


@dataclass
class FigureReport:
    """What building a lesson's figures found."""

    figures: int = 0
    explorables: int = 0
    builds: int = 0
    problems: list[str] = field(default_factory=list)


def settings(block: Explorable) -> Iterator[dict[str, Any]]:
    """The parameter values a check builds at.

    First the defaults; then, for every combination of the choices (a
    distribution's shape, say, which decides what the numbers mean), that
    combination alone and with each number at its minimum and at its maximum.
    """
    defaults = block.defaults()
    choices = [param for param in block.params if param.is_choice]
    numbers = [param for param in block.params if not param.is_choice]
    seen: list[dict[str, Any]] = []
    for combination in itertools.product(*(param.choices for param in choices)):
        base = {**defaults, **{param.name: value for param, value in zip(choices, combination)}}
        candidates = [base] + [
            {**base, param.name: value} for param in numbers for value in param.extremes()[1:]
        ]
        for values in candidates:
            if values not in seen:
                seen.append(values)
    seen.sort(key=lambda values: values != defaults)  # the defaults first
    yield from seen


def _try(build, values: dict[str, Any]) -> list[str]:
    try:
        description = build(**values)
    except Exception as error:  # the report names it; one broken figure does not stop the check
        return [f"raised {type(error).__name__}: {error}"]
    return problems(description)


def check_figures(lesson: Lesson) -> FigureReport:
    """Build every figure and explorable of `lesson`; the report lists what went wrong, and where."""
    report = FigureReport()
    for number, section in enumerate(lesson.sections, start=1):
        for block in section.blocks:
            where = f"section {number} ({section.title}), {block.title if hasattr(block, 'title') else ''!r}"
            if isinstance(block, Figure):
                report.figures += 1
                report.builds += 1
                report.problems.extend(f"{where}: {problem}" for problem in _try(block.make_plot, {}))
            elif isinstance(block, Explorable):
                report.explorables += 1
                for values in settings(block):
                    report.builds += 1
                    shown = ", ".join(f"{name}={value!r}" for name, value in values.items())
                    report.problems.extend(
                        f"{where} at {shown}: {problem}" for problem in _try(block.make_plot, values)
                    )
    return report
