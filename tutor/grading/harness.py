"""Runs an exercise's checks inside the checking child and builds the report.

The client sends one cell that calls :func:`run` with a JSON spec: the
learner's code, the check function (``module:function``), the seed and the
time limits. :func:`run` executes the learner's code in a fresh namespace
(never the REPL's), then calls the learner's functions once per case, each
under a time limit, and returns the report as JSON bytes in a uint8 array,
which the client fetches with ``get_array`` (no pickle on the way back).

Whatever the learner's code does, the answer is a report: a syntax error, an
exception, a wrong type, a loop that never ends or a memory bomb each become a
failed case or a `problem` with a clear sentence. After a function hangs once
its remaining cases are skipped, and all the cases together get `budget`
seconds, so a hopeless solution is reported quickly.
"""

from __future__ import annotations

import builtins
import copy
import importlib
import io
import json
import sys
import time
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Any

from tutor.grading.cases import Broken, Case, Learner, Note
from tutor.grading.report import CaseResult, CheckReport
from tutor.grading.timer import CheckTimeout, time_limit
from tutor.grading.values import show, show_args, type_name

LEARNER_FILE = "<your code>"
OUTPUT_LIMIT = 2000
"""Characters of the learner's printed output kept for the report."""


def run(spec_text: str) -> Any:
    """Check the code described by `spec_text` (JSON); the report as JSON in a uint8 array."""
    import numpy as np

    spec = json.loads(spec_text)
    report = Harness(
        exercise_id=spec["exercise_id"],
        code=spec["code"],
        check=spec["check"],
        seed=int(spec["seed"]),
        case_limit=float(spec["case_limit"]),
        budget=float(spec["budget"]),
    ).run()
    return np.frombuffer(report.to_json().encode("utf-8"), dtype=np.uint8)


class CapturedOutput(io.TextIOBase):
    """Stands in for stdout and stderr: keeps the first OUTPUT_LIMIT characters, counts the rest."""

    def __init__(self, limit: int = OUTPUT_LIMIT) -> None:
        super().__init__()
        self._parts: list[str] = []
        self._kept = 0
        self._limit = limit
        self.dropped = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        text = str(text)
        room = self._limit - self._kept
        if room > 0:
            self._parts.append(text[:room])
            self._kept += min(room, len(text))
        self.dropped += max(0, len(text) - max(room, 0))
        return len(text)

    @property
    def text(self) -> str:
        kept = "".join(self._parts)
        if self.dropped:
            kept += f"\n… ({self.dropped} more characters not shown)"
        return kept


@dataclass(kw_only=True)
class Harness:
    """One check run: load the learner's code, then judge every case the check yields."""

    exercise_id: str
    code: str
    check: str
    seed: int
    case_limit: float
    budget: float
    _started: float = field(default_factory=time.monotonic, init=False, repr=False)
    _given_up: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _lines: list[str] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self._lines = self.code.splitlines()

    def remaining(self) -> float:
        return self.budget - (time.monotonic() - self._started)

    def run(self) -> CheckReport:
        self._started = time.monotonic()
        output = CapturedOutput()
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = output
        try:
            report = self._run()
        finally:
            sys.stdout, sys.stderr = saved
        return replace(report, output=output.text, seed=self.seed, elapsed=time.monotonic() - self._started)

    def _run(self) -> CheckReport:
        try:
            check = _import_check(self.check)
        except Exception as error:
            return self._failure(f"The checks for this exercise could not be loaded ({type(error).__name__}: {error}).")
        loaded = self._load()
        if isinstance(loaded, CheckReport):
            return loaded
        import numpy as np

        learner = Learner(self.code, loaded)
        results: list[CaseResult] = []
        notes: list[Note] = []
        try:
            for item in check(learner, np.random.default_rng(self.seed)):
                if isinstance(item, Note):
                    notes.append(item)
                elif isinstance(item, Broken):
                    results.append(
                        CaseResult(item.function, item.label, "your code", item.expected, item.got, False, item.reason)
                    )
                else:
                    results.append(self._run_case(item, loaded))
        except Exception as error:  # a bug in the lesson's checks, not in the learner's code
            return self._failure(
                f"The checks themselves failed ({type(error).__name__}: {error}); this is not your fault."
            )
        failed = any(not result.passed for result in results)
        kept = tuple(note.text for note in notes if not (note.if_passed and failed))
        return CheckReport(self.exercise_id, cases=tuple(results), notes=kept)

    # -- loading the learner's code -------------------------------------------------------

    def _load(self) -> dict[str, Any] | CheckReport:
        """The namespace the learner's code defines, or a report of why it could not run."""
        try:
            compiled = compile(self.code, LEARNER_FILE, "exec", dont_inherit=True)
        except SyntaxError as error:
            return self._failure(
                f"{type(error).__name__} on line {error.lineno}: {error.msg}", self._caret(error)
            )
        except ValueError as error:  # null bytes in the source
            return self._failure(f"Your code could not be read: {error}")
        namespace: dict[str, Any] = {"__name__": "__exercise__", "__builtins__": builtins}
        limit = max(0.001, min(self.case_limit, self.remaining()))
        try:
            with time_limit(limit):
                exec(compiled, namespace)
        except CheckTimeout:
            return self._failure(
                f"Your code did not finish running within {limit:g} s: "
                "is there a loop outside your functions that never ends?"
            )
        except MemoryError:
            return self._failure("Your code ran out of memory as it was loaded: does something grow without end?")
        except RecursionError:
            return self._failure("Your code recursed too deeply as it was loaded (RecursionError).")
        except SystemExit:
            return self._failure("Your code called exit() as it was loaded; leave that out.")
        except Exception as error:
            return self._failure(
                f"Your code raised {self._describe(error)} as it was loaded (outside your functions)."
            )
        return namespace

    def _caret(self, error: SyntaxError) -> str:
        if not error.lineno or error.lineno > len(self._lines):
            return ""
        text = self._lines[error.lineno - 1]
        prefix = f"line {error.lineno}: "
        offset = max(1, min(error.offset or 1, len(text) + 1))
        return f"{prefix}{text}\n{' ' * (len(prefix) + offset - 1)}^"

    # -- one case -------------------------------------------------------------------------

    def _run_case(self, case: Case, namespace: dict[str, Any]) -> CaseResult:
        name = case.function
        shown = case.shown if case.shown is not None else show_args(case.args, case.kwargs)
        expected = f"raises {case.raises.describe()}" if case.raises else show(case.expected)

        def verdict(passed: bool, got: str, reason: str = "", skipped: bool = False) -> CaseResult:
            return CaseResult(name, case.label, shown, expected, got, passed, reason, skipped)

        if name in self._given_up:
            return verdict(False, "", f"not run: {self._given_up[name]}", skipped=True)
        function = namespace.get(name)
        if not callable(function):
            missing = (
                f"your code does not define {name}()"
                if function is None
                else f"{name} is {type_name(function)}, not a function"
            )
            self._given_up[name] = missing
            return verdict(False, "", missing)
        remaining = self.remaining()
        if remaining <= 0:
            return verdict(False, "", f"not run: the checks ran out of time ({self.budget:g} s in all)", True)
        limit = min(self.case_limit, remaining)
        args, kwargs = copy.deepcopy(case.args), copy.deepcopy(case.kwargs)
        try:
            with time_limit(limit):
                got = function(*args, **kwargs)
        except CheckTimeout:
            self._given_up[name] = f"{name} did not return on an earlier input"
            return verdict(False, "(no answer)", f"did not return within {limit:g} s: a loop that never ends?")
        except MemoryError:
            self._given_up[name] = f"{name} ran out of memory on an earlier input"
            return verdict(False, "MemoryError", "ran out of memory: does something grow without end?")
        except RecursionError:
            return verdict(False, "RecursionError", "recursed too deeply: a function that calls itself forever?")
        except SystemExit:
            return verdict(False, "SystemExit", "called exit(): return the answer instead")
        except Exception as error:
            if case.raises is not None and isinstance(error, case.raises.kind):
                reason = case.raises.judge(error)
                return verdict(reason is None, f"{type(error).__name__}: {error}", reason or "")
            reason = self._describe(error)
            cause = self._explain(case, error)
            return verdict(False, type(error).__name__, f"{reason}: {cause}" if cause else reason)
        return self._judge(case, got, limit, verdict)

    def _judge(self, case: Case, got: Any, limit: float, verdict: Any) -> CaseResult:
        """Judge a returned value (under the time limit too: it may be the learner's own object)."""
        got_text = "(could not be shown)"
        try:
            with time_limit(limit):
                got_text = show(got)
                if case.raises is not None:
                    reason = f"returned instead of raising {case.raises.kind.__name__}"
                else:
                    reason = case.judgement()(got)
        except CheckTimeout:
            reason = "what it returned could not be checked in time"
        except Exception as error:
            reason = f"what it returned could not be checked ({type(error).__name__}: {error})"
        return verdict(reason is None, got_text, reason or "")

    @staticmethod
    def _explain(case: Case, error: BaseException) -> str | None:
        if case.explain is None:
            return None
        try:
            return case.explain(error)
        except Exception:  # a bug in the lesson's advice must not hide the learner's error
            return None

    # -- describing failures ----------------------------------------------------------------

    def _describe(self, error: BaseException) -> str:
        """`ZeroDivisionError: division by zero (line 4: return a / b)`."""
        if isinstance(error, NotImplementedError):
            return "NotImplementedError: the function is not written yet"
        message = str(error)
        text = f"{type(error).__name__}: {message}" if message else type(error).__name__
        where = self._learner_line(error.__traceback__)
        return f"{text} ({where})" if where else text

    def _learner_line(self, traceback: TracebackType | None) -> str:
        """The deepest line of the learner's code in `traceback`, as `line 4: return a / b`."""
        lineno = None
        while traceback is not None:
            if traceback.tb_frame.f_code.co_filename == LEARNER_FILE:
                lineno = traceback.tb_lineno
            traceback = traceback.tb_next
        if lineno is None or not 0 < lineno <= len(self._lines):
            return ""
        return f"line {lineno}: {self._lines[lineno - 1].strip()}"

    def _failure(self, problem: str, detail: str = "") -> CheckReport:
        return CheckReport.failure(self.exercise_id, problem, detail)


def _import_check(target: str) -> Any:
    module_name, _, function_name = target.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, function_name)
