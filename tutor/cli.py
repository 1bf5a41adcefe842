"""The `tutor` command line: argument parsing, and nothing that needs a screen.

`tutor` opens the app (resuming where the learner left off), `tutor --lesson
ID [--section N]` opens a lesson directly, and `tutor lessons [--check]`
lists or validates the installed lessons without opening a screen.
"""

from __future__ import annotations

import argparse
import sys

from tutor import __version__
from tutor.lesson.format import validate
from tutor.lesson.registry import Catalogue, discover

USAGE_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tutor",
        usage="tutor [--lesson ID [--section N]]\n       tutor lessons [--check]\n       tutor --help | --version",
        description="A full-screen terminal tutor for the maths behind machine learning.",
        epilog="With no options the tutor opens where you left off. "
        "Set TUTOR_DATA_DIR to keep progress somewhere other than the default data folder.",
    )
    parser.add_argument("--version", action="version", version=f"tutor {__version__}")
    parser.add_argument("--lesson", metavar="ID", help="open this lesson directly (see `tutor lessons`)")
    parser.add_argument(
        "--section", metavar="N", type=int, help="with --lesson: open at section N (1 is the first)"
    )
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    lessons = commands.add_parser(
        "lessons", help="list the installed lessons", description="List the installed lessons."
    )
    lessons.add_argument(
        "--check", action="store_true", help="validate every lesson; exit 1 if any is broken"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    catalogue = discover()
    if args.command == "lessons":
        return check_lessons(catalogue) if args.check else list_lessons(catalogue)
    start = resolve_start(catalogue, args.lesson, args.section)
    if isinstance(start, str):
        print(f"tutor: {start}", file=sys.stderr)
        return USAGE_ERROR
    from tutor.app import TutorApp
    from tutor.store import Store

    app = TutorApp(catalogue=catalogue, store=Store.open(), start=start)
    app.run()
    return app.return_code or 0


def resolve_start(
    catalogue: Catalogue, lesson_id: str | None, section: int | None
) -> tuple[str, int | None] | None | str:
    """Where to open: (lesson id, section index or None), None to resume, or an error."""
    if lesson_id is None:
        return "--section needs --lesson" if section is not None else None
    entry = catalogue.get(lesson_id)
    if entry is None:
        available = ", ".join(catalogue.ids()) or "none installed"
        return f"unknown lesson {lesson_id!r}; available: {available}"
    if entry.lesson is None:
        return f"lesson {lesson_id!r} is broken: {entry.error}"
    if section is None:
        return (lesson_id, None)
    count = len(entry.lesson.sections)
    if not 1 <= section <= count:
        return f"unknown section {section} of lesson {lesson_id!r}; valid sections are 1-{count}"
    return (lesson_id, section - 1)


def list_lessons(catalogue: Catalogue) -> int:
    if not len(catalogue):
        print("No lessons are installed.")
        return 0
    for entry in catalogue:
        if entry.lesson is None:
            print(f"  ?  {entry.id:<22} BROKEN: {entry.error}")
        else:
            lesson = entry.lesson
            print(f"{lesson.number:>3}  {lesson.id:<22} {lesson.title} ({len(lesson.sections)} sections)")
    return 1 if catalogue.broken else 0


def check_lessons(catalogue: Catalogue) -> int:
    """Validate every lesson fully (examples compiled too); 1 if any is broken."""
    broken = 0
    for entry in catalogue:
        problems = [entry.error] if entry.lesson is None else validate(entry.lesson)
        if problems:
            broken += 1
            print(f"BROKEN  {entry.id}: " + "; ".join(problems))
        else:
            print(f"ok      {entry.id}: {len(entry.lesson.sections)} sections")
    print(f"{len(catalogue) - broken} ok, {broken} broken")
    return 1 if broken else 0
