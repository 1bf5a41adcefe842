"""Security: progress is private to its owner, and only installed packages can bring lesson code.

- The progress database, its WAL companions and its folder are created owner-only (0600 and
  0700), even under a umask that would let everyone read them.
- `tutor lessons` and `tutor lessons --check` name the package each lesson comes from.
- The installed `tutor` command never imports lesson code from the folder it is started in.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.helpers import TUTOR

ROOT = Path(__file__).resolve().parents[1]

CREATE_UNDER_UMASK_0 = """
import os, sys
os.umask(0)
from tutor.store import Store
store = Store.open()
store.set_position("lesson", "section")  # the WAL files exist while the connection is open
print(store.path)
for suffix in ("", "-wal", "-shm"):
    print(suffix or "db", oct(os.stat(str(store.path) + suffix).st_mode & 0o777))
print("folder", oct(os.stat(store.path.parent).st_mode & 0o777))
"""


def test_progress_and_its_folder_are_created_owner_only_even_under_umask_0(tmp_path):
    env = {**os.environ, "TUTOR_DATA_DIR": str(tmp_path / "home" / ".local" / "share" / "tutor")}
    result = subprocess.run([sys.executable, "-c", CREATE_UNDER_UMASK_0], capture_output=True, text=True,
                            timeout=60, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    modes = dict(line.split() for line in result.stdout.splitlines()[1:])
    assert modes == {"db": "0o600", "-wal": "0o600", "-shm": "0o600", "folder": "0o700"}


def test_a_damaged_file_moved_aside_stays_private(data_dir):
    from tutor.store import FILENAME, Store

    data_dir.mkdir(mode=0o700, parents=True)
    damaged = data_dir / FILENAME
    damaged.write_bytes(b"not a database" * 100)
    damaged.chmod(0o600)
    store = Store.open()
    moved = next(path for path in data_dir.iterdir() if ".corrupt-" in path.name)
    assert stat.S_IMODE(moved.stat().st_mode) == 0o600
    assert stat.S_IMODE(Path(store.path).stat().st_mode) == 0o600
    store.close()


def installed_package(folder: Path) -> Path:
    """A package `extra-lessons` registering the sample lesson, on a PYTHONPATH folder."""
    info = folder / "extra_lessons-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: extra-lessons\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[tutor.lessons]\nsample = tests.fixtures.sample_lesson:LESSON\n")
    return folder


def test_lessons_and_the_check_name_each_lessons_package(tmp_path):
    env = {**os.environ, "PYTHONPATH": f"{installed_package(tmp_path)}{os.pathsep}{ROOT}"}
    for args in (["lessons"], ["lessons", "--check"]):
        result = subprocess.run([str(TUTOR), *args], capture_output=True, text=True, timeout=120, env=env,
                                stdin=subprocess.DEVNULL)
        assert result.returncode == 0, result.stdout + result.stderr
        lines = result.stdout.splitlines()
        assert any("maths_foundations" in line and line.endswith("[package tutor]") for line in lines), lines
        assert any(" sample" in line and line.endswith("[package extra-lessons]") for line in lines), lines


def test_the_tutor_never_imports_lesson_code_from_the_folder_it_starts_in(tmp_path):
    """A lesson dropped into the current folder (module and entry point) is not installed: it must not run."""
    planted = tmp_path / "untrusted"
    info = planted / "planted_lessons-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: planted-lessons\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[tutor.lessons]\nplanted = planted_lesson:LESSON\n")
    marker = tmp_path / "planted-code-ran"
    (planted / "planted_lesson.py").write_text(f"open({str(marker)!r}, 'w').close()\nLESSON = None\n")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run([str(TUTOR), "lessons", "--check"], capture_output=True, text=True, timeout=120,
                            env=env, cwd=planted, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "planted" not in result.stdout
    assert not marker.exists(), "lesson code from the current folder ran"
