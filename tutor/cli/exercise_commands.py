"""`tutor exercises` and `tutor check [--watch] EXERCISE_ID FILE`: exercises without a screen.

`tutor exercises` lists every exercise id with its status. `tutor check` runs
the same checks as the exercise screen on a file of the learner's code and
prints each result: exit 0 when all pass, 1 when any fails, 2 for an unknown
exercise or a missing file. With `--watch` it checks again each time the file
is saved (the learner's own editor in the next pane) until ctrl+c: on a
terminal each run starts on a cleared screen, and every run ends with its
verdict (and the time) as the last line, so a long report never pushes the
verdict out of sight. Every check is recorded in the progress store, as in the app.

Only argparse is imported at start-up; the checker is imported when a check runs.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tutor.grading.locate import Located
    from tutor.grading.report import CheckReport
    from tutor.grading.runner import Checker
    from tutor.lesson.registry import Catalogue
    from tutor.store import Store

ALL_PASSED, SOME_FAILED, USAGE_ERROR = 0, 1, 2
POLL_SECONDS = 0.25
"""How often --watch looks at the file."""
CLEAR_SCREEN = "\033[H\033[2J"
"""Cursor home, then erase the screen: --watch on a terminal starts each run on a clean screen."""


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Register the `exercises` and `check` subcommands."""
    listing = commands.add_parser(
        "exercises", help="list the exercises with their status", description="List every exercise and its status."
    )
    listing.add_argument("--lesson", metavar="ID", help="only this lesson's exercises")
    check = commands.add_parser(
        "check",
        help="check a file of your code against an exercise",
        description="Run an exercise's checks on a file of your code and print each result. "
        "Exit status: 0 all passed, 1 some failed, 2 unknown exercise or missing file.",
    )
    check.add_argument("exercise", metavar="EXERCISE_ID", help="an id from `tutor exercises`")
    check.add_argument("file", metavar="FILE", type=Path, help="the Python file with your solution")
    check.add_argument("--watch", action="store_true", help="check again every time FILE is saved (ctrl+c stops)")
    check.add_argument("--seed", type=int, default=None, help="seed for the random inputs (default: fixed)")


def run_command(args: argparse.Namespace, catalogue: Catalogue) -> int:
    """Run `exercises` or `check`; returns the exit status."""
    from tutor.store import Store

    store = Store.open()
    try:
        if args.command == "exercises":
            return list_exercises(catalogue, store, args.lesson)
        return check_command(catalogue, store, args.exercise, args.file, watch=args.watch, seed=args.seed)
    finally:
        store.close()


# -- tutor exercises --------------------------------------------------------------------------


def list_exercises(catalogue: Catalogue, store: Store, lesson_id: str | None = None) -> int:
    from tutor.grading.locate import all_exercises
    from tutor.grading.status import status

    found = [located for located in all_exercises(catalogue) if lesson_id in (None, located.lesson.id)]
    if lesson_id is not None and catalogue.get(lesson_id) is None:
        print(f"tutor: unknown lesson {lesson_id!r}", file=sys.stderr)
        return USAGE_ERROR
    if not found:
        print("No exercises are installed.")
        return 0
    width = max(len(located.exercise.id) for located in found)
    current = None
    for located in found:
        if located.lesson.id != current:
            current = located.lesson.id
            print(f"{located.lesson.title} ({current})")
        state = status(store, located.lesson.id, located.exercise)
        title = located.exercise.title.removeprefix("Exercise: ")
        print(f"  {located.exercise.id:<{width}}  {state:<11}  section {located.section_index + 1}: {title}")
    print("\nCheck a file of your code with: tutor check EXERCISE_ID FILE [--watch]")
    return 0


# -- tutor check ------------------------------------------------------------------------------


def check_command(
    catalogue: Catalogue, store: Store, wanted: str, path: Path, *, watch: bool = False, seed: int | None = None
) -> int:
    from tutor.grading.locate import find
    from tutor.grading.runner import Checker

    located = find(catalogue, wanted)
    if isinstance(located, str):
        print(f"tutor: {located}", file=sys.stderr)
        return USAGE_ERROR
    if not path.is_file():
        print(f"tutor: no such file: {path}", file=sys.stderr)
        return USAGE_ERROR
    checker = Checker(seed=seed) if seed is not None else Checker()
    if not watch:
        report = asyncio.run(_check_once(checker, store, located, path))
        return ALL_PASSED if report.passed else SOME_FAILED
    try:
        asyncio.run(_watch(checker, store, located, path))
    except KeyboardInterrupt:
        print("\nStopped watching.", flush=True)
    return ALL_PASSED


async def _check_once(checker: Checker, store: Store, located: Located, path: Path) -> CheckReport:
    from tutor.grading.status import record

    code = path.read_text(encoding="utf-8", errors="replace")
    report = await checker.check(located.exercise, code)
    record(store, located.lesson.id, located.exercise, report)
    print(format_report(report, located.exercise.title, path), flush=True)
    return report


def verdict(report: CheckReport) -> str:
    """The verdict: ✓ all 15 checks passed, or ✗ 3 of 15 checks passed."""
    return f"{PASS_MARK if report.passed else FAIL_MARK} {report.summary()}"


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


async def _watch(checker: Checker, store: Store, located: Located, path: Path) -> None:
    """Check now, then every time the file changes; runs until cancelled (ctrl+c)."""
    seen = None
    clear = sys.stdout.isatty()
    while True:
        stamp = _stamp(path)
        if stamp is not None and stamp != seen:
            await asyncio.sleep(0.05)  # let an editor finish writing
            seen = _stamp(path)
            if seen is not None:
                if clear:
                    print(CLEAR_SCREEN, end="")
                report = await _check_once(checker, store, located, path)
                print(f"\nWatching {path} for changes; ctrl+c stops.", flush=True)
                print(f"{verdict(report)} (checked at {time.strftime('%H:%M:%S')})", flush=True)
        await asyncio.sleep(POLL_SECONDS)


# -- printing a report ------------------------------------------------------------------------

PASS_MARK, FAIL_MARK, SKIP_MARK = "✓", "✗", "-"
PRINTED_LINES = 20


def format_report(report: CheckReport, title: str, path: Path | None = None) -> str:
    """The report as plain text: a verdict line, then each input's result."""
    where = f" on {path}" if path is not None else ""
    seed = f"seed {report.seed}, " if report.seed is not None else ""
    lines = [f"{title}{where}", f"{verdict(report)} ({seed}{report.elapsed:.2f} s)"]
    if report.detail:
        lines += ["", *("    " + line for line in report.detail.splitlines())]
    for function, cases in report.by_function():
        passed = sum(case.passed for case in cases)
        lines += ["", f"{function}(): {passed} of {len(cases)} passed"]
        for case in cases:
            if case.passed:
                lines.append(f"  {PASS_MARK} {case.label}")
            elif not case.skipped:
                lines.append(f"  {FAIL_MARK} {case.label}")
                lines.append(f"      input:    {case.input}")
                lines.append(f"      expected: {case.expected}")
                lines.append(f"      got:      {case.got}")
                lines.append(f"      why:      {case.reason}")
        skipped = [case for case in cases if case.skipped]
        for reason, group in groupby(skipped, key=lambda case: case.reason):
            count = len(list(group))
            lines.append(f"  {SKIP_MARK} {count} more {'input' if count == 1 else 'inputs'} {reason}")
    for note in report.notes:
        lines += ["", f"Note: {note}"]
    if report.output:
        printed = report.output.splitlines()
        lines += ["", "Your code printed:", *("  " + line for line in printed[:PRINTED_LINES])]
        if len(printed) > PRINTED_LINES:
            lines.append(f"  … ({len(printed) - PRINTED_LINES} more lines)")
    return "\n".join(lines)
