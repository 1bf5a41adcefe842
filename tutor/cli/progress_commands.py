"""`tutor progress [--json]` and `tutor reset [--lesson ID] [--yes]`, without a screen.

`progress` prints what the home screen shows: per lesson, the sections seen,
the exercises passed of the total and the best quiz score. `reset` forgets
progress, of one lesson or of everything, after asking (y/N) unless `--yes`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from tutor.lesson.registry import Catalogue
from tutor.progress import LessonProgress, quiz_text, with_skills
from tutor.store import FILENAME, Store, data_dir

USAGE_ERROR = 2
DECLINED = 1
BACKUP_NAME = "progress-before-reset.sqlite3"
"""Where `tutor reset` copies the progress before it forgets any (the newest reset only)."""


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Register the `progress` and `reset` subcommands on `commands`."""
    progress = commands.add_parser(
        "progress", help="show your progress in every lesson",
        description="Show, for every lesson, the sections seen, exercises passed and best quiz score.",
    )
    progress.add_argument("--json", action="store_true", help="print JSON instead of a table")
    reset = commands.add_parser(
        "reset", help="forget your progress (asks first)",
        description="Forget progress: of one lesson, or of every lesson and the REPL history. "
        "Asks for confirmation unless --yes is given; exit 1 if you answer no.",
    )
    reset.add_argument(
        "--lesson", metavar="ID", dest="reset_lesson", help="forget only this lesson's progress"
    )
    reset.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")


def open_store() -> Store:
    """The learner's store; an empty one in memory when there is no progress file yet."""
    path = data_dir() / FILENAME
    store = Store.open(path) if path.exists() else Store.in_memory()
    if store.notice:
        print(f"tutor: {store.notice}", file=sys.stderr)
    return store


def progress(catalogue: Catalogue, as_json: bool, out: TextIO = sys.stdout) -> int:
    store = open_store()
    try:
        from tutor.practice import clock

        rows = with_skills(list(catalogue), store, clock.timestamp())
    finally:
        store.close()
    if as_json:
        import json  # only here: `tutor` itself starts without it

        json.dump({"lessons": [row.as_json() for row in rows]}, out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif not rows:
        print("No lessons are installed.", file=out)
    else:
        print(table(rows), file=out)
    return 0


def table(rows: list[LessonProgress]) -> str:
    """The rows as a plain-text table, one lesson a line."""
    header = ("lesson", "sections", "exercises", "best quiz", "skills")
    lines = [header]
    for row in rows:
        if row.error is not None:
            lines.append((row.id, "broken", "", "", ""))
            continue
        exercises = f"{row.exercises_passed}/{row.exercises_total}" if row.exercises_total else "none"
        lines.append((row.id, f"{row.sections_seen}/{row.sections_total}", exercises, quiz_text(row), skills_text(row)))
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines
    )


def skills_text(row: LessonProgress) -> str:
    """`3/20 proficient, 2 due`, or `none` for a lesson without skills."""
    if not row.skills:
        return "none"
    due = f", {row.skills_due} due" if row.skills_due else ""
    return f"{row.skills_proficient}/{len(row.skills)} proficient{due}"


def reset(
    catalogue: Catalogue, lesson_id: str | None, yes: bool,
    stdin: TextIO = sys.stdin, out: TextIO = sys.stdout,
) -> int:
    if lesson_id is not None and catalogue.get(lesson_id) is None:
        available = ", ".join(catalogue.ids()) or "none installed"
        print(f"tutor: unknown lesson {lesson_id!r}; available: {available}", file=sys.stderr)
        return USAGE_ERROR
    path = data_dir() / FILENAME
    what = (
        f"all progress in lesson {lesson_id!r} (sections seen, exercises, quiz answers and scores)"
        if lesson_id is not None
        else "all progress in every lesson, and the REPL history"
    )
    if not yes and not confirm(f"Forget {what}, kept in {path}? [y/N] ", stdin, out):
        print("Nothing was changed.", file=out)
        return DECLINED
    if not path.exists():
        print("There is no progress to forget.", file=out)
        return 0
    store = Store.open(path)
    try:
        if store.path is None:  # the file could not be opened; the notice says why
            print(f"tutor: {store.notice}", file=sys.stderr)
            return 1
        backup = path.with_name(BACKUP_NAME)
        store.back_up(backup)
        store.reset(lesson_id)
    finally:
        store.close()
    print(f"Forgot {what}.", file=out)
    print(f"The progress as it was is kept in {backup}: copy it over {path.name} to undo.", file=out)
    return 0


def confirm(question: str, stdin: TextIO, out: TextIO) -> bool:
    """Ask `question`; only `y` or `yes` agrees (end of input is a no)."""
    out.write(question)
    out.flush()
    answer = stdin.readline()
    if not answer.endswith("\n"):
        out.write("\n")
    return answer.strip().lower() in {"y", "yes"}
