"""The result of checking an exercise: one verdict per input, and what went wrong.

Both sides use these dataclasses: the checking child builds a report and sends
it as JSON (never pickle); the app and the command line read it back with
:meth:`CheckReport.from_json`. Plain data, no numpy, no textual.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

SCHEMA = 1


@dataclass(frozen=True)
class CaseResult:
    """One input given to one of the learner's functions, and the verdict."""

    function: str
    label: str
    input: str
    expected: str
    got: str
    passed: bool
    reason: str = ""
    skipped: bool = False
    """The case was not run (an earlier input hung, or time ran out); it counts as failed."""


@dataclass(frozen=True)
class CheckReport:
    """Everything one check run found.

    `problem` is set when the code could not be checked at all (a syntax
    error, a crash while loading it, a check process that had to be stopped);
    `detail` then has more lines (the offending line and a caret). `notes` is
    advice that does not change the verdict. `output` is the start of what the
    learner's code printed.
    """

    exercise_id: str
    cases: tuple[CaseResult, ...] = ()
    problem: str | None = None
    detail: str = ""
    notes: tuple[str, ...] = ()
    output: str = ""
    seed: int | None = None
    elapsed: float = 0.0

    @property
    def passed(self) -> bool:
        return self.problem is None and bool(self.cases) and all(case.passed for case in self.cases)

    @property
    def passed_count(self) -> int:
        return sum(case.passed for case in self.cases)

    @property
    def failed(self) -> list[CaseResult]:
        return [case for case in self.cases if not case.passed]

    def summary(self) -> str:
        """One line: "all 12 checks passed", "9 of 12 checks passed" or the problem."""
        if self.problem is not None:
            return self.problem
        total = len(self.cases)
        if total == 0:
            return "no checks ran"
        if self.passed:
            return f"all {total} checks passed"
        return f"{self.passed_count} of {total} checks passed"

    def by_function(self) -> list[tuple[str, list[CaseResult]]]:
        """The cases grouped by the learner's function they call, in order."""
        groups: dict[str, list[CaseResult]] = {}
        for case in self.cases:
            groups.setdefault(case.function, []).append(case)
        return list(groups.items())

    # -- JSON ---------------------------------------------------------------------------

    def to_json(self) -> str:
        data = asdict(self)
        data["schema"] = SCHEMA
        return json.dumps(data, ensure_ascii=False, allow_nan=False)

    @classmethod
    def from_json(cls, text: str) -> "CheckReport":
        data: dict[str, Any] = json.loads(text)
        if data.get("schema") != SCHEMA:
            raise ValueError(f"unknown check report schema {data.get('schema')!r}")
        return cls(
            exercise_id=str(data["exercise_id"]),
            cases=tuple(CaseResult(**case) for case in data.get("cases", ())),
            problem=data.get("problem"),
            detail=str(data.get("detail", "")),
            notes=tuple(str(note) for note in data.get("notes", ())),
            output=str(data.get("output", "")),
            seed=data.get("seed"),
            elapsed=float(data.get("elapsed", 0.0)),
        )

    @classmethod
    def failure(cls, exercise_id: str, problem: str, detail: str = "", elapsed: float = 0.0) -> "CheckReport":
        """A report for code that could not be checked at all."""
        return cls(exercise_id=exercise_id, problem=problem, detail=detail, elapsed=elapsed)
