"""Faults that lose nothing: a damaged or unwritable progress file, two sessions, a kill mid-save, bad lessons.

Everything here is real: a real SQLite file on disk, real processes (killed with SIGKILL),
the real app in Pilot and the installed `tutor` in tmux.

The read-only data folder: root ignores file permissions, and CI runs as root. So when the
tests run as root, the tutor is started with `unshare --user` (util-linux): in a fresh user
namespace the same process is no longer privileged over root's files, and a folder of mode
0500 really is read-only to it. Run as an ordinary user, the tests use the folder's mode alone.
"""

from __future__ import annotations

import os
import random
import shlex
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lessons.maths_foundations import LESSON
from tests.conftest import entry_point
from tests.helpers import TUTOR, wait_until
from tests.tmux import HAVE_TMUX, Terminal
from tutor.app import TutorApp
from tutor.lesson.registry import discover
from tutor.store import FILENAME, Store

ROOT = Path(__file__).resolve().parents[1]


def toasts(app) -> str:
    """The text of every notification on screen, as one string."""
    return " ".join(" ".join(str(toast.render()).split()) for toast in app.screen.query("Toast"))


async def wait_for_toast(pilot, words: str) -> str:
    await wait_until(pilot, lambda: words in toasts(pilot.app), timeout=10, what=f"a notification that says {words!r}")
    return toasts(pilot.app)


# -- a damaged progress file ------------------------------------------------------------------------

async def test_a_corrupt_progress_file_is_moved_aside_and_the_learner_is_told(data_dir, sample_catalogue):
    data_dir.mkdir(parents=True)
    garbage = os.urandom(3000) + b"SQLite format 3\x00" + os.urandom(5000)
    (data_dir / FILENAME).write_bytes(garbage)

    store = Store.open()
    app = TutorApp(catalogue=sample_catalogue, store=store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        shown = await wait_for_toast(pilot, "could not be read")
        assert "moved to progress.sqlite3.corrupt-" in shown and "fresh one was started" in shown
        await pilot.press("enter", "n")  # the fresh file takes progress at once
        await pilot.pause()
        assert store.position("sample") == "part_2"
    moved = [path for path in data_dir.iterdir() if ".corrupt-" in path.name]
    assert len(moved) == 1 and moved[0].read_bytes() == garbage  # the damaged file, byte for byte
    reopened = Store.open()
    assert reopened.notice is None and reopened.position("sample") == "part_2"
    reopened.close()


# -- a read-only data folder ------------------------------------------------------------------------

def unprivileged() -> list[str]:
    """The prefix that makes a process obey file permissions: nothing for a user, `unshare --user` for root."""
    if os.geteuid() != 0:
        return []
    probe = subprocess.run(["unshare", "--user", "true"], capture_output=True, timeout=30)
    if probe.returncode != 0:
        pytest.skip(f"running as root and `unshare --user` is not allowed here: {probe.stderr.decode().strip()}")
    return ["unshare", "--user"]


@pytest.fixture
def read_only_data(tmp_path) -> tuple[Path, bytes]:
    """A data folder (0500) holding a progress file (0400) with the learner at part 2 of the sample."""
    folder = tmp_path / "data"
    store = Store.open(folder / FILENAME)
    store.set_position("sample", "part_1")
    store.set_position("sample", "part_2")
    store.set_position(LESSON.id, LESSON.sections[1].id)
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    (folder / FILENAME).chmod(0o400)
    folder.chmod(0o500)
    before = (folder / FILENAME).read_bytes()
    yield folder, before
    folder.chmod(0o700)


READ_ONLY_PILOT = """
import asyncio, sys
from tests.conftest import entry_point
from tests.test_faults import toasts
from tutor.app import TutorApp
from tutor.lesson.registry import discover
from tutor.store import Store

async def main():
    store = Store.open()
    assert store.path is None, "the store claims it can save"
    catalogue = discover([entry_point("sample", "tests.fixtures.sample_lesson"),
                          entry_point("maths_foundations", "lessons.maths_foundations")])
    app = TutorApp(catalogue=catalogue, store=store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if "cannot be saved" in toasts(app):
                break
        print("TOAST", toasts(app))
        print("RESUMED", app.screen.__class__.__name__, getattr(app.screen, "index", None))
        await pilot.press("n", "p", "n")
        await pilot.pause()
        print("NOW", store.position("maths_foundations"), store.position("sample"))
        await pilot.press("escape", "q")
    print("RETURN", app.return_code)

asyncio.run(main())
"""


def test_a_read_only_data_folder_in_pilot_runs_says_so_and_keeps_the_file(read_only_data):
    folder, before = read_only_data
    env = {**os.environ, "TUTOR_DATA_DIR": str(folder), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([*unprivileged(), sys.executable, "-c", READ_ONLY_PILOT], capture_output=True,
                            text=True, timeout=120, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Progress cannot be saved" in result.stdout and "kept only until you quit" in result.stdout
    assert "RESUMED LessonScreen 1" in result.stdout  # what was saved before is still shown
    assert f"NOW {LESSON.sections[2].id} part_2" in result.stdout  # and this session moves on, in memory
    assert "RETURN 0" in result.stdout.replace("RETURN None", "RETURN 0")
    assert (folder / FILENAME).read_bytes() == before
    assert sorted(path.name for path in folder.iterdir()) == [FILENAME]


@pytest.mark.terminal
@pytest.mark.skipif(not HAVE_TMUX, reason="tmux is not installed (.ci/run installs it)")
def test_a_read_only_data_folder_in_a_real_terminal(read_only_data, tmp_path):
    folder, before = read_only_data
    command = shlex.join([*unprivileged(), str(TUTOR)])
    env = {"PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "TUTOR_DATA_DIR": str(folder), "HOME": str(tmp_path)}
    terminal = Terminal(command, env)
    try:
        shown = terminal.wait_until(lambda text: "cannot be saved" in " ".join(text.replace("▌", " ").split()),
                                    "the 'cannot be saved' notice")
        assert f"Section 2 of {len(LESSON.sections)}" in shown  # resumed from the read-only file
        terminal.keys("n")
        terminal.wait_for(f"Section 3 of {len(LESSON.sections)}")
        terminal.keys("Escape")
        terminal.wait_for("Lessons")
        terminal.keys("q")
        terminal.wait_for("[exited 0]")
    finally:
        terminal.close()
    assert (folder / FILENAME).read_bytes() == before


# -- two sessions at once ---------------------------------------------------------------------------

HAMMER = """
import os, sys, time
from pathlib import Path
from tutor.store import Store
name, count, go = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
store = Store.open()
assert store.path is not None, store.notice
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
for n in range(count):
    store.set_position(f"{name}-lesson", f"section-{n}")
    store.set_position(f"{name}-{n}", "x")
    store.set_setting(f"{name}-{n}", str(n))
    store.add_history(f"{name} {n}")
    store.save_exercise_code(name, f"ex{n}", f"code {n}")
    store.record_attempt(name, f"ex{n}", n % 2 == 0, f"attempt {n}")
    store.record_answer(name, f"q{n}", str(n), n % 3 == 0)
print("done", flush=True)
"""


def test_two_tutors_of_one_learner_writing_at_once_lose_no_write(data_dir, tmp_path):
    Store.open().close()
    go, count, names = tmp_path / "go", 120, ("ssh-login-1", "ssh-login-2")
    writers = [subprocess.Popen([sys.executable, "-c", HAMMER, name, str(count), str(go)], stdout=subprocess.PIPE,
                                text=True, env=os.environ.copy(), cwd=ROOT) for name in names]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready"
    go.touch()  # both start together
    for writer in writers:
        out, _ = writer.communicate(timeout=120)
        assert writer.returncode == 0 and out.strip() == "done"

    store = Store.open()
    history = store.history()
    for name in names:
        assert store.position(f"{name}-lesson") == f"section-{count - 1}"
        assert {n for n in range(count) if store.position(f"{name}-{n}") == "x"} == set(range(count))
        assert [store.setting(f"{name}-{n}") for n in range(count)] == [str(n) for n in range(count)]
        assert [line for line in history if line.startswith(name)] == [f"{name} {n}" for n in range(count)]
        assert [store.exercise_code(name, f"ex{n}") for n in range(count)] == [f"code {n}" for n in range(count)]
        assert sum(len(store.attempts(name, f"ex{n}")) for n in range(count)) == count
        assert len(store.answers(name)) == count
    store.close()


# -- SIGKILL in the middle of saving exercise code ---------------------------------------------------

SAVER = """
import sys
from tutor.store import Store
store = Store.open()
assert store.path is not None, store.notice
old = store.exercise_code("lesson", "exercise")
version = int(old.split(":", 1)[0]) if old else 0
print("saving", flush=True)
while True:
    version += 1
    store.save_exercise_code("lesson", "exercise", f"{version}:" + ("def f(x):\\n    return x  # %d\\n" % version) * 4000)
"""


def intact(code: str) -> bool:
    version, body = code.split(":", 1)
    return body == ("def f(x):\n    return x  # %d\n" % int(version)) * 4000


def test_sigkill_while_saving_exercise_code_leaves_the_old_code_or_the_new(data_dir):
    Store.open().close()
    rng = random.Random(10)
    versions = []
    for _ in range(12):
        saver = subprocess.Popen([sys.executable, "-c", SAVER], stdout=subprocess.PIPE, text=True,
                                 env=os.environ.copy(), cwd=ROOT)
        assert saver.stdout.readline().strip() == "saving"
        time.sleep(rng.uniform(0.02, 0.25))  # somewhere in the stream of saves, each 150 KB
        saver.send_signal(signal.SIGKILL)
        saver.wait(timeout=30)
        assert saver.returncode == -signal.SIGKILL

        with sqlite3.connect(data_dir / FILENAME) as raw:  # as the next tutor would find it
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store = Store.open()
        assert store.notice is None, store.notice
        code = store.exercise_code("lesson", "exercise")
        store.close()
        if code is not None:
            assert intact(code), "a torn save: neither the old code nor the new"
            versions.append(int(code.split(":", 1)[0]))
    assert versions == sorted(versions) and versions[-1] > 12  # saves were under way when killed


# -- lessons that are broken in three ways ------------------------------------------------------------

@pytest.fixture
def bad_lessons_installed(tmp_path) -> dict[str, str]:
    """The three bad fixtures installed as a package beside the real lesson."""
    info = tmp_path / "bad_lessons-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: bad-lessons\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[tutor.lessons]\n"
        "broken = tests.fixtures.broken_lesson:LESSON\n"
        "invalid = tests.fixtures.invalid_lesson:LESSON\n"
        "figure_raises = tests.fixtures.figure_raises_lesson:LESSON\n"
    )
    return {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}


def test_lessons_check_reports_each_bad_lesson_where_it_is_and_passes_the_rest(bad_lessons_installed):
    check = subprocess.run([sys.executable, "-m", "tutor", "lessons", "--check"], capture_output=True, text=True,
                           timeout=120, env=bad_lessons_installed, stdin=subprocess.DEVNULL)
    assert check.returncode == 1, check.stdout + check.stderr
    lines = check.stdout.splitlines()

    def line(lesson_id: str) -> str:
        return next(text for text in lines if f" {lesson_id}:" in text)

    assert line("broken").startswith("BROKEN") and "RuntimeError: this lesson is deliberately broken" in line("broken")
    assert line("invalid").startswith("BROKEN") and "no title" in line("invalid") and "no sections" in line("invalid")
    figure = line("figure_raises")
    assert figure.startswith("BROKEN")
    assert "section 2 (The broken figure)" in figure and "'A plot that divides by zero'" in figure
    assert "ZeroDivisionError: the figure's data divides by zero" in figure
    for lesson_id in ("broken", "invalid", "figure_raises"):
        assert line(lesson_id).endswith("[package bad-lessons]")
    assert line(LESSON.id).startswith("ok") and line(LESSON.id).endswith("[package tutor]")
    assert f"{len(discover().lessons)} ok, 3 broken" in check.stdout


async def test_bad_lessons_show_as_broken_and_the_rest_of_the_tutor_works(store):
    catalogue = discover([
        entry_point("sample", "tests.fixtures.sample_lesson"),
        entry_point("broken", "tests.fixtures.broken_lesson"),
        entry_point("invalid", "tests.fixtures.invalid_lesson"),
        entry_point("figure_raises", "tests.fixtures.figure_raises_lesson"),
    ])
    assert [entry.id for entry in catalogue.broken] == ["broken", "invalid"]
    app = TutorApp(catalogue=catalogue, store=store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        home = app.screen
        await pilot.press("down", "down", "down", "enter")  # the last card: broken or invalid
        shown = await wait_for_toast(pilot, "Lesson failed to load")
        assert "not a valid lesson" in shown or "deliberately broken" in shown
        assert app.screen is home

        app.open_lesson("figure_raises", 1)  # the section whose figure raises
        await pilot.pause(0.5)
        assert app.is_running and app.screen.index == 1
        await pilot.press("escape")
        app.open_lesson("sample", 0)
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert store.position("sample") == "part_2"
        await pilot.press("escape", "q")
        await wait_until(pilot, lambda: not app.is_running, what="q on the home screen to quit")
    assert app._exception is None
    assert app.return_code == 0, f"q on the home screen did not quit cleanly: return code {app.return_code}"
