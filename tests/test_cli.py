"""The command line, run as a learner runs it: a real process, no screen."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from lessons.maths_foundations import LESSON
from tutor import __version__
from tutor.lesson.registry import discover


def tutor(*args: str, extra_path: str | None = None) -> subprocess.CompletedProcess:
    env = os.environ.copy()
    if extra_path:
        env["PYTHONPATH"] = extra_path + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "tutor", *args],
        capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def third_party_broken(tmp_path):
    """An installed third-party package whose lesson raises on import."""
    package = tmp_path / "shaky_lessons"
    package.mkdir()
    (package / "__init__.py").write_text("raise ImportError('shaky_lessons needs torch')\n")
    info = tmp_path / "shaky_lessons-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: shaky-lessons\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[tutor.lessons]\nshaky = shaky_lessons:LESSON\n")
    return str(tmp_path)


def test_help_lists_every_option_and_subcommand():
    result = tutor("--help")
    assert result.returncode == 0
    for word in ("--lesson", "--section", "--version", "lessons"):
        assert word in result.stdout
    sub = tutor("lessons", "--help")
    assert "--check" in sub.stdout


def test_version():
    result = tutor("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"tutor {__version__}"


def test_unknown_lesson_exits_2_naming_the_available_ones():
    result = tutor("--lesson", "astrology")
    assert result.returncode == 2
    assert "unknown lesson 'astrology'; available: maths_foundations" in result.stderr
    assert "\x1b[" not in result.stdout  # no screen was opened


@pytest.mark.parametrize("section", ["0", str(len(LESSON.sections) + 1), "-3"])
def test_unknown_section_exits_2_with_the_valid_range(section):
    result = tutor("--lesson", "maths_foundations", "--section", section)
    assert result.returncode == 2
    count = len(LESSON.sections)
    assert f"unknown section {section} of lesson 'maths_foundations'; valid sections are 1-{count}" in result.stderr


def test_section_without_lesson_is_refused():
    result = tutor("--section", "2")
    assert result.returncode == 2 and "--section needs --lesson" in result.stderr


def installed_lessons() -> int:
    """How many lessons the installed entry points hold (this package ships more than one)."""
    return len(discover().lessons)


def test_lessons_lists_and_checks_the_built_in_lesson():
    listing = tutor("lessons")
    assert listing.returncode == 0
    assert "maths_foundations" in listing.stdout and "Maths Foundations for ML" in listing.stdout
    check = tutor("lessons", "--check")
    assert check.returncode == 0, check.stdout
    assert f"{installed_lessons()} ok, 0 broken" in check.stdout


def test_a_broken_third_party_lesson_fails_the_check_and_the_others_still_list(third_party_broken):
    check = tutor("lessons", "--check", extra_path=third_party_broken)
    assert check.returncode == 1
    assert "BROKEN  shaky: failed to import shaky_lessons:LESSON: ImportError: shaky_lessons needs torch" in check.stdout
    assert "ok      maths_foundations" in check.stdout
    listing = tutor("lessons", extra_path=third_party_broken)
    assert listing.returncode == 1 and "Maths Foundations for ML" in listing.stdout
    opened = tutor("--lesson", "shaky", extra_path=third_party_broken)
    assert opened.returncode == 2 and "lesson 'shaky' is broken" in opened.stderr


def test_nothing_heavy_is_imported_to_parse_arguments():
    code = textwrap.dedent(
        """
        import sys
        from tutor.cli import main
        try:
            main(["lessons"])
        finally:
            heavy = sorted(m for m in ("numpy", "scipy", "textual") if m in sys.modules)
            print("HEAVY", heavy)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


@pytest.fixture
def third_party_syntax_error(tmp_path):
    """A lesson that imports fine but has an example that does not compile."""
    package = tmp_path / "typo_lessons"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent(
        """
        from tutor.lesson import Example, Lesson, Section
        LESSON = Lesson(id="typo", number=7, title="Typo", summary="s",
                        sections=(Section("a", "A", (Example("print(1"),)),))
        """
    ))
    info = tmp_path / "typo_lessons-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: typo-lessons\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[tutor.lessons]\ntypo = typo_lessons:LESSON\n")
    return str(tmp_path)


def test_check_compiles_every_example(third_party_syntax_error):
    check = tutor("lessons", "--check", extra_path=third_party_syntax_error)
    assert check.returncode == 1
    assert "BROKEN  typo: section 1 (A), block 1: example code does not compile" in check.stdout
    assert f"{installed_lessons()} ok, 1 broken" in check.stdout


def test_the_collector_is_on_again_after_every_command(capsys):
    """Start-up turns the garbage collector off while it builds; every way out turns it back on."""
    import gc

    from tutor.cli import main

    assert main(["lessons"]) == 0
    assert gc.isenabled()
    with pytest.raises(SystemExit):
        main(["--version"])
    assert gc.isenabled()
    assert main(["--lesson", "no_such_lesson"]) == 2
    assert gc.isenabled()
    capsys.readouterr()


def run_with_output_closed(*args: str) -> subprocess.CompletedProcess:
    """`tutor ARGS` writing to a pipe whose reader is already gone, as `| head -3` leaves it."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "tutor", *args],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60, stdin=subprocess.DEVNULL,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "args",
    [
        ("exercises",),
        ("lessons",),
        ("lessons", "--check"),
        ("progress",),
        ("progress", "--json"),
        ("reset", "--yes"),
        ("check", "matmul", "ATTEMPT"),
    ],
    ids=lambda args: " ".join(args),
)
def test_every_command_exits_quietly_when_its_output_is_closed(args, tmp_path):
    attempt = tmp_path / "matmul.py"
    attempt.write_text("def matmul(A, B):\n    return [[0]]\n")
    result = run_with_output_closed(*(str(attempt) if arg == "ATTEMPT" else arg for arg in args))
    assert result.stderr == ""  # no BrokenPipeError traceback, no "Exception ignored"
    assert result.returncode == 141  # 128 + SIGPIPE, as a shell reports a process the pipe ended


@pytest.mark.parametrize("args", [("--help",), ("--version",)])
def test_help_and_version_exit_quietly_when_their_output_is_closed(args):
    result = run_with_output_closed(*args)
    assert result.stderr == ""
    assert result.returncode in (0, 141)

