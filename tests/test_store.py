"""Progress in SQLite: resume, seen sections, settings, recovery, concurrency."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from tutor.store import FILENAME, SCHEMA_VERSION, Store, data_dir


def test_default_data_dir_comes_from_platformdirs(monkeypatch, tmp_path):
    from platformdirs import user_data_dir

    monkeypatch.delenv("TUTOR_DATA_DIR")
    assert data_dir() == Path(user_data_dir("tutor", appauthor=False))


def test_position_resumes_in_a_new_connection(store):
    store.set_position("algebra", "vectors")
    store.set_position("algebra", "matrices")
    reopened = Store.open()
    assert reopened.position("algebra") == "matrices"
    assert reopened.seen("algebra") == {"vectors", "matrices"}
    assert reopened.position("other") is None
    reopened.close()


def test_last_lesson_is_the_most_recently_moved_in(store):
    assert store.last_lesson() is None
    store.set_position("first", "a")
    store.set_position("second", "b")
    assert store.last_lesson() == "second"
    store.set_position("first", "c")
    assert store.last_lesson() == "first"


def test_settings_round_trip(store):
    assert store.setting("theme", "dark") == "dark"
    store.set_setting("theme", "light")
    store.set_setting("theme", "solarized")
    assert store.setting("theme") == "solarized"


def test_file_is_private_in_wal_mode_with_a_schema_version(store, data_dir):
    path = data_dir / FILENAME
    assert store.path == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_corrupt_file_is_moved_aside_and_a_fresh_one_started(data_dir):
    data_dir.mkdir(parents=True)
    path = data_dir / FILENAME
    garbage = b"this is not a database, it is a shopping list\n" * 100
    path.write_bytes(garbage)
    store = Store.open()
    assert store.notice is not None and "moved to" in store.notice
    moved = [p for p in data_dir.iterdir() if ".corrupt-" in p.name]
    assert len(moved) == 1
    assert moved[0].read_bytes() == garbage  # nothing the learner had is destroyed
    store.set_position("algebra", "vectors")
    assert Store.open().position("algebra") == "vectors"


def test_damaged_pages_are_detected(data_dir):
    store = Store.open()
    for n in range(300):
        store.set_position(f"lesson{n}", "x" * 200)
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = data_dir / FILENAME
    data = bytearray(path.read_bytes())
    data[5000:9000] = b"\xff" * 4000  # scribble over the middle of the b-tree
    path.write_bytes(bytes(data))
    reopened = Store.open()
    assert reopened.notice and "could not be read" in reopened.notice
    assert reopened.position("lesson1") is None


def test_newer_schema_is_left_untouched(data_dir):
    data_dir.mkdir(parents=True)
    path = data_dir / FILENAME
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    before = path.read_bytes()
    store = Store.open()
    assert store.path is None and "newer tutor" in store.notice
    store.set_position("algebra", "vectors")  # works, in memory
    assert store.position("algebra") == "vectors"
    assert path.read_bytes() == before


def test_unwritable_folder_falls_back_to_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("TUTOR_DATA_DIR", str(blocker / "inside"))
    store = Store.open()
    assert store.path is None and "will not be saved" in store.notice
    store.set_position("a", "b")
    assert store.position("a") == "b"


WRITER = """
import sys
from tutor.store import Store
store = Store.open()
name = sys.argv[1]
for n in range(int(sys.argv[2])):
    store.set_position(f"{name}-{n}", f"section-{n}")
    store.set_setting(f"{name}-setting-{n}", str(n))
"""


def test_two_sessions_writing_at_once_lose_nothing(data_dir):
    Store.open().close()  # both writers find an existing file, as two logins would
    count = 150
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, name, str(count)], env=os.environ.copy())
        for name in ("alice-ssh-1", "alice-ssh-2")
    ]
    assert [writer.wait(timeout=60) for writer in writers] == [0, 0]
    store = Store.open()
    for name in ("alice-ssh-1", "alice-ssh-2"):
        for n in range(count):
            assert store.position(f"{name}-{n}") == f"section-{n}"
            assert store.setting(f"{name}-setting-{n}") == str(n)


def test_data_dir_honours_override(monkeypatch, tmp_path):
    monkeypatch.setenv("TUTOR_DATA_DIR", str(tmp_path / "elsewhere"))
    assert data_dir() == tmp_path / "elsewhere"
    assert Store.open().path == tmp_path / "elsewhere" / FILENAME
