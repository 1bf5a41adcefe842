"""The `tutor` command line: argument parsing, and nothing that needs a screen.

`tutor` opens the app (resuming where the learner left off), `tutor --lesson
ID [--section N]` opens a lesson directly, and `tutor lessons [--check]`
lists or validates the installed lessons without opening a screen.
`tutor progress` and `tutor reset` live in `tutor.cli.progress_commands`;
`tutor exercises` and `tutor check` in `tutor.cli.exercise_commands`.

Every command ends quietly when the reader of its output goes away
(`tutor exercises | head -3`): no traceback, exit status 141 as for a
process that SIGPIPE ended.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from tutor import __version__
from tutor.cli import exercise_commands, practice_commands, progress_commands, serve_command
from tutor.lesson.format import validate
from tutor.practice import clock
from tutor.lesson.registry import Catalogue, discover

USAGE_ERROR = 2
OUTPUT_CLOSED = 141
"""The exit status when the output was closed early: 128 + SIGPIPE, as a shell reports it."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tutor",
        usage="tutor [--lesson ID [--section N]] [--theme NAME]\n       tutor lessons [--check]\n       tutor progress [--json]\n       tutor reset [--lesson ID] [--yes]\n       tutor skills [--lesson ID] [--json]\n       tutor review\n       tutor practice SKILL\n       tutor exercises\n       tutor check [--watch] EXERCISE_ID FILE\n       tutor serve [--host 127.0.0.1] [--port 8000] [--lesson ID] [--public]\n       tutor --help | --version",
        description="A full-screen terminal tutor for the maths behind machine learning.",
        epilog="With no options the tutor opens where you left off. "
        "Set TUTOR_DATA_DIR to keep progress somewhere other than the default data folder, "
        "and TUTOR_NOW (an ISO date-time such as 2026-12-08T09:00) to set the tutor's clock, "
        "for trying out reviews.",
    )
    parser.add_argument("--version", action="version", version=f"tutor {__version__}")
    parser.add_argument("--lesson", metavar="ID", help="open this lesson directly (see `tutor lessons`)")
    parser.add_argument(
        "--section", metavar="N", type=int, help="with --lesson: open at section N (1 is the first)"
    )
    parser.add_argument(
        "--theme", metavar="NAME", help="use this colour theme, now and next time (e.g. textual-light)"
    )
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    lessons = commands.add_parser(
        "lessons", help="list the installed lessons", description="List the installed lessons."
    )
    lessons.add_argument(
        "--check", action="store_true", help="validate every lesson; exit 1 if any is broken"
    )
    progress_commands.add_parsers(commands)
    practice_commands.add_parsers(commands)
    exercise_commands.add_commands(commands)
    serve_command.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        try:
            return _main(argv)
        finally:
            sys.stdout.flush()  # while a closed pipe can still be caught here (also after --help)
    except BrokenPipeError:
        # Whatever is still buffered goes nowhere, rather than failing once more at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return OUTPUT_CLOSED


def _main(argv: list[str] | None) -> int:
    # Start-up makes a few hundred thousand objects (Textual's modules, the lessons, the app)
    # that all live as long as the process: collecting while they are made frees nothing and
    # cost milliseconds of the first frame. The collector is off until the app is about to run
    # (then what exists is frozen, see `open_app`) or until a command starts.
    gc.disable()
    try:
        args = build_parser().parse_args(argv)
        if problem := clock.check():
            print(f"tutor: {problem}", file=sys.stderr)
            return USAGE_ERROR
        catalogue = discover()
        if args.command in ("review", "practice"):
            return open_app(args, catalogue)
        if args.command is not None:
            gc.enable()
            return run_command(args, catalogue)
        return open_app(args, catalogue)
    finally:
        gc.enable()


def run_command(args: argparse.Namespace, catalogue: Catalogue) -> int:
    """`tutor lessons`, `progress`, `reset`, `exercises` or `check`: no screen."""
    if args.command == "lessons":
        return check_lessons(catalogue) if args.check else list_lessons(catalogue)
    if args.command == "progress":
        return progress_commands.progress(catalogue, args.json)
    if args.command == "reset":
        return progress_commands.reset(catalogue, args.reset_lesson, args.yes)
    if args.command == "serve":
        return serve_command.run(args, catalogue)
    if args.command == "skills":
        return practice_commands.skills(catalogue, args.skills_lesson, args.json)
    return exercise_commands.run_command(args, catalogue)


def open_app(args: argparse.Namespace, catalogue: Catalogue) -> int:
    """The full-screen tutor, where the learner left off or where the options say
    (`tutor review` and `tutor practice SKILL` open it on the review screen)."""
    start = resolve_start(catalogue, args.lesson, args.section)
    if isinstance(start, str):
        print(f"tutor: {start}", file=sys.stderr)
        return USAGE_ERROR
    review: tuple[str, str] | bool = args.command == "review"
    if args.command == "practice":
        review = practice_commands.find_skill(catalogue, args.skill_id)
        if isinstance(review, str):
            print(f"tutor: {review}", file=sys.stderr)
            return USAGE_ERROR
    if args.theme is not None and (problem := unknown_theme(args.theme)):
        print(f"tutor: {problem}", file=sys.stderr)
        return USAGE_ERROR
    from tutor.app import TutorApp
    from tutor.store import Store

    store = Store.open()
    if args.theme is not None:
        store.set_setting("theme", args.theme)  # as the palette's theme switch does: kept for next time
    app = TutorApp(catalogue=catalogue, store=store, start=start, review=review or None)
    # Everything made so far lives as long as the process: frozen, it is out of the collector's
    # sight, and a full collection during the first frames scans only what the app makes next
    # (one that scanned it all cost 13 ms of the lesson screen's first frame).
    gc.freeze()
    gc.enable()
    # Textual hands each finished frame to a writer thread. With CPython's default 5 ms
    # switch interval a busy main thread could hold a drawn frame back that long.
    sys.setswitchinterval(0.001)
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


def unknown_theme(name: str) -> str | None:
    """Why `name` is not a theme the tutor can use, listing the valid ones; None if it is."""
    from textual.theme import BUILTIN_THEMES

    if name in BUILTIN_THEMES:
        return None
    return f"unknown theme {name!r}; valid themes: {', '.join(sorted(BUILTIN_THEMES))}"


def packages() -> dict[str, str]:
    """The installed distribution that registers each lesson name (the first wins, as in `discover`)."""
    from importlib.metadata import entry_points

    from tutor.lesson.registry import GROUP

    found: dict[str, str] = {}
    for entry_point in entry_points(group=GROUP):
        found.setdefault(entry_point.name, entry_point.dist.name if entry_point.dist else "unknown")
    return found


def list_lessons(catalogue: Catalogue) -> int:
    if not len(catalogue):
        print("No lessons are installed.")
        return 0
    package = packages()
    for entry in catalogue:
        origin = f"[package {package.get(entry.id, 'unknown')}]"
        if entry.lesson is None:
            print(f"  ?  {entry.id:<22} BROKEN: {entry.error} {origin}")
        else:
            lesson = entry.lesson
            print(f"{lesson.number:>3}  {lesson.id:<22} {lesson.title} ({len(lesson.sections)} sections) {origin}")
    return 1 if catalogue.broken else 0


def check_lessons(catalogue: Catalogue) -> int:
    """Validate every lesson fully (examples compiled too); 1 if any is broken."""
    broken = 0
    package = packages()
    for entry in catalogue:
        origin = f"[package {package.get(entry.id, 'unknown')}]"
        problems = [entry.error] if entry.lesson is None else validate(entry.lesson)
        if not problems and entry.lesson is not None:
            problems = build_problems(entry.lesson)
        if problems:
            broken += 1
            print(f"BROKEN  {entry.id}: " + "; ".join(problems) + f" {origin}")
        else:
            print(f"ok      {entry.id}: {len(entry.lesson.sections)} sections {origin}")
    print(f"{len(catalogue) - broken} ok, {broken} broken")
    return 1 if broken else 0


def build_problems(lesson) -> list[str]:
    """Build every figure, and every explorable at its defaults and extremes, as a screen would."""
    from tutor.lesson.figure_audit import check_figures

    return check_figures(lesson).problems
