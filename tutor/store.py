"""Progress in SQLite: where the learner is, what they have seen, their settings.

The file lives at `platformdirs.user_data_dir("tutor")/progress.sqlite3`
(`TUTOR_DATA_DIR` overrides the folder). It runs in WAL mode with a busy
timeout, so two sessions of the same learner (two SSH logins) can write at
once without losing each other's rows. The file is private (mode 0600).

Nothing the learner has done is thrown away: a file SQLite cannot read is
moved aside as `progress.sqlite3.corrupt-<timestamp>` and a fresh one is
started; a file written by a newer tutor is left untouched and this session
keeps its progress in memory. Either way `Store.notice` says what happened.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

FILENAME = "progress.sqlite3"
SCHEMA_VERSION = 2

# Each entry upgrades the schema from version (index) to version (index + 1).
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE position (
        lesson_id TEXT PRIMARY KEY,
        section_id TEXT NOT NULL,
        updated REAL NOT NULL
    );
    CREATE TABLE seen (
        lesson_id TEXT NOT NULL,
        section_id TEXT NOT NULL,
        first_seen REAL NOT NULL,
        PRIMARY KEY (lesson_id, section_id)
    );
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    """
    CREATE TABLE repl_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE TABLE exercise_code (
        lesson_id TEXT NOT NULL,
        exercise_id TEXT NOT NULL,
        code TEXT NOT NULL,
        hints_shown INTEGER NOT NULL DEFAULT 0,
        updated REAL NOT NULL,
        PRIMARY KEY (lesson_id, exercise_id)
    );
    CREATE TABLE exercise_attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lesson_id TEXT NOT NULL,
        exercise_id TEXT NOT NULL,
        passed INTEGER NOT NULL,
        summary TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE TABLE quiz_answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lesson_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL,
        at REAL NOT NULL
    );
    CREATE TABLE quiz_scores (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lesson_id TEXT NOT NULL,
        score INTEGER NOT NULL,
        total INTEGER NOT NULL,
        at REAL NOT NULL
    );
    """,
)

HISTORY_LIMIT = 1000
"""REPL inputs kept; older ones are dropped."""


def data_dir() -> Path:
    """The folder for the learner's data: `TUTOR_DATA_DIR` or the platform's."""
    override = os.environ.get("TUTOR_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("tutor", appauthor=False))


class NewerSchemaError(Exception):
    """The file was written by a newer tutor; it is left as it is."""


class Store:
    """The learner's progress. Every write is its own short transaction."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None, notice: str | None = None):
        self._db = connection
        self.path = path
        self.notice = notice

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None) -> "Store":
        """Open (or create) the progress file, recovering from what can go wrong."""
        path = Path(path) if path is not None else data_dir() / FILENAME
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            return cls(_connect(path), path)
        except NewerSchemaError as error:
            return cls.in_memory(
                f"{path} was written by a newer tutor ({error}); it is left untouched "
                "and this session's progress will not be saved."
            )
        except sqlite3.OperationalError as error:
            # Healthy but not writable (a read-only folder or file): never moved aside.
            return cls.read_only_copy(path, error)
        except sqlite3.DatabaseError as error:
            try:
                moved = _move_aside(path)
            except OSError as second:
                return cls.read_only_copy(path, f"{error}; it could not be moved aside: {second}")
            try:
                store = cls(_connect(path), path)
            except (OSError, sqlite3.Error) as second:
                return cls.in_memory(f"Could not open {path} ({second}); progress will not be saved.")
            store.notice = (
                f"The progress file could not be read ({error}). It was moved to "
                f"{moved.name} and a fresh one was started."
            )
            return store
        except OSError as error:
            if path.is_file():
                return cls.read_only_copy(path, error)
            return cls.in_memory(f"Could not open {path} ({error}); progress will not be saved.")

    @classmethod
    def read_only_copy(cls, path: Path, error: object) -> "Store":
        """What `path` holds, copied into memory: shown this session, never saved to the file."""
        notice = (
            f"Progress cannot be saved: {path} cannot be written ({error}). "
            "What you do now is kept only until you quit."
        )
        try:
            source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
            try:
                _refuse_newer(source)
                copy = sqlite3.connect(":memory:", isolation_level=None)
                source.backup(copy)
            finally:
                source.close()
            if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
            _migrate(copy)
        except (sqlite3.Error, NewerSchemaError, OSError):
            return cls.in_memory(notice)
        return cls(copy, None, notice)

    @classmethod
    def in_memory(cls, notice: str | None = None) -> "Store":
        """A store that forgets everything when the tutor exits."""
        connection = sqlite3.connect(":memory:", isolation_level=None)
        _migrate(connection)
        return cls(connection, None, notice)

    def close(self) -> None:
        self._db.close()

    # -- position ------------------------------------------------------------

    def set_position(self, lesson_id: str, section_id: str) -> None:
        """Remember that the learner is at `section_id` of `lesson_id`, and that it was seen."""
        now = time.time()
        with self._transaction():
            self._db.execute(
                "INSERT INTO position VALUES (?, ?, ?) ON CONFLICT (lesson_id) "
                "DO UPDATE SET section_id = excluded.section_id, updated = excluded.updated",
                (lesson_id, section_id, now),
            )
            self._db.execute(
                "INSERT OR IGNORE INTO seen VALUES (?, ?, ?)", (lesson_id, section_id, now)
            )

    def position(self, lesson_id: str) -> str | None:
        """The section the learner was last at in `lesson_id`."""
        row = self._db.execute(
            "SELECT section_id FROM position WHERE lesson_id = ?", (lesson_id,)
        ).fetchone()
        return row[0] if row else None

    def last_lesson(self) -> str | None:
        """The lesson the learner moved in most recently."""
        row = self._db.execute(
            "SELECT lesson_id FROM position ORDER BY updated DESC LIMIT 1"
        ).fetchone()
        return row[0] if row else None

    def seen(self, lesson_id: str) -> set[str]:
        """The ids of the sections of `lesson_id` the learner has opened."""
        rows = self._db.execute("SELECT section_id FROM seen WHERE lesson_id = ?", (lesson_id,))
        return {row[0] for row in rows}

    # -- settings ------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- REPL history -----------------------------------------------------------

    def add_history(self, source: str) -> None:
        """Append one REPL input (a whole cell), keeping the newest HISTORY_LIMIT."""
        with self._transaction():
            self._db.execute("INSERT INTO repl_history (source, at) VALUES (?, ?)", (source, time.time()))
            self._db.execute(
                "DELETE FROM repl_history WHERE id <= (SELECT MAX(id) FROM repl_history) - ?",
                (HISTORY_LIMIT,),
            )

    def history(self) -> list[str]:
        """Every kept REPL input, oldest first."""
        return [row[0] for row in self._db.execute("SELECT source FROM repl_history ORDER BY id")]

    # -- exercises ---------------------------------------------------------------

    def exercise_code(self, lesson_id: str, exercise_id: str) -> str | None:
        """The learner's last saved code for an exercise, or None if they never typed any."""
        row = self._db.execute(
            "SELECT code FROM exercise_code WHERE lesson_id = ? AND exercise_id = ?", (lesson_id, exercise_id)
        ).fetchone()
        return row[0] if row else None

    def save_exercise_code(self, lesson_id: str, exercise_id: str, code: str) -> None:
        """Save the learner's code (one small transaction: the old or the new survives a kill)."""
        with self._transaction():
            self._db.execute(
                "INSERT INTO exercise_code (lesson_id, exercise_id, code, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (lesson_id, exercise_id) DO UPDATE SET code = excluded.code, updated = excluded.updated",
                (lesson_id, exercise_id, code, time.time()),
            )

    def save_replaced_code(self, lesson_id: str, exercise_id: str, code: str) -> None:
        """Keep the code a reset replaced (the newest one), so it can still be recovered
        after the editor's undo history is gone."""
        self.set_setting(f"replaced-code/{lesson_id}/{exercise_id}", code)

    def replaced_code(self, lesson_id: str, exercise_id: str) -> str | None:
        """The code the last reset of an exercise replaced, if it was ever reset."""
        return self.setting(f"replaced-code/{lesson_id}/{exercise_id}")

    def hints_shown(self, lesson_id: str, exercise_id: str) -> int:
        row = self._db.execute(
            "SELECT hints_shown FROM exercise_code WHERE lesson_id = ? AND exercise_id = ?", (lesson_id, exercise_id)
        ).fetchone()
        return row[0] if row else 0

    def set_hints_shown(self, lesson_id: str, exercise_id: str, count: int, starter: str = "") -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO exercise_code (lesson_id, exercise_id, code, hints_shown, updated) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (lesson_id, exercise_id) DO UPDATE SET hints_shown = excluded.hints_shown",
                (lesson_id, exercise_id, starter, count, time.time()),
            )

    def record_attempt(self, lesson_id: str, exercise_id: str, passed: bool, summary: str) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO exercise_attempts (lesson_id, exercise_id, passed, summary, at) VALUES (?, ?, ?, ?, ?)",
                (lesson_id, exercise_id, int(passed), summary, time.time()),
            )

    def attempts(self, lesson_id: str, exercise_id: str) -> list[tuple[bool, str, float]]:
        """(passed, summary, time) of every check run, oldest first."""
        rows = self._db.execute(
            "SELECT passed, summary, at FROM exercise_attempts WHERE lesson_id = ? AND exercise_id = ? ORDER BY id",
            (lesson_id, exercise_id),
        )
        return [(bool(passed), summary, at) for passed, summary, at in rows]

    def passed_exercises(self, lesson_id: str) -> set[str]:
        rows = self._db.execute(
            "SELECT DISTINCT exercise_id FROM exercise_attempts WHERE lesson_id = ? AND passed = 1", (lesson_id,)
        )
        return {row[0] for row in rows}

    # -- quiz ----------------------------------------------------------------------

    def record_answer(self, lesson_id: str, question_id: str, answer: str, correct: bool) -> None:
        """Every answer is kept, with its time."""
        with self._transaction():
            self._db.execute(
                "INSERT INTO quiz_answers (lesson_id, question_id, answer, correct, at) VALUES (?, ?, ?, ?, ?)",
                (lesson_id, question_id, answer, int(correct), time.time()),
            )

    def answers(self, lesson_id: str) -> list[tuple[str, str, bool, float]]:
        """(question id, answer, correct, time) of every answer, oldest first."""
        rows = self._db.execute(
            "SELECT question_id, answer, correct, at FROM quiz_answers WHERE lesson_id = ? ORDER BY id", (lesson_id,)
        )
        return [(qid, answer, bool(correct), at) for qid, answer, correct, at in rows]

    def record_score(self, lesson_id: str, score: int, total: int) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO quiz_scores (lesson_id, score, total, at) VALUES (?, ?, ?, ?)",
                (lesson_id, score, total, time.time()),
            )

    def best_score(self, lesson_id: str) -> tuple[int, int] | None:
        """The best (score, total) of a finished quiz, or None."""
        row = self._db.execute(
            "SELECT score, total FROM quiz_scores WHERE lesson_id = ? ORDER BY score * 1.0 / total DESC, at LIMIT 1",
            (lesson_id,),
        ).fetchone()
        return (row[0], row[1]) if row else None

    # -- reset ---------------------------------------------------------------------

    def reset(self, lesson_id: str | None = None) -> None:
        """Forget progress: of one lesson, or (None) of every lesson and the REPL history."""
        tables = ("position", "seen", "exercise_code", "exercise_attempts", "quiz_answers", "quiz_scores")
        with self._transaction():
            for table in tables:
                if lesson_id is None:
                    self._db.execute(f"DELETE FROM {table}")
                else:
                    self._db.execute(f"DELETE FROM {table} WHERE lesson_id = ?", (lesson_id,))
            # per-lesson settings: the code a reset replaced, and the reading place in a section
            for prefix in ("replaced-code/", "reading/"):
                pattern = f"{prefix}%" if lesson_id is None else f"{prefix}{lesson_id}%"
                self._db.execute("DELETE FROM settings WHERE key LIKE ?", (pattern,))
            if lesson_id is None:
                self._db.execute("DELETE FROM repl_history")

    def back_up(self, path: Path) -> None:
        """Copy the whole store to `path` (SQLite's online backup: consistent even mid-write)."""
        target = sqlite3.connect(path)
        try:
            self._db.backup(target)
        finally:
            target.close()

    # -- helpers ---------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on error (the connection is in autocommit mode)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")


def _connect(path: Path) -> sqlite3.Connection:
    """Connect, check the file is healthy, and bring its schema up to date."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)
    connection = sqlite3.connect(path, isolation_level=None, timeout=10)
    try:
        connection.execute("PRAGMA busy_timeout = 10000")
        _refuse_newer(connection)  # before anything writes to a newer tutor's file
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {verdict}")
        _migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _refuse_newer(connection: sqlite3.Connection) -> int:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(f"schema {version}, this tutor knows up to {SCHEMA_VERSION}")
    return version


def _migrate(connection: sqlite3.Connection) -> None:
    version = _refuse_newer(connection)
    for target in range(version, SCHEMA_VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            if connection.execute("PRAGMA user_version").fetchone()[0] != target:
                connection.execute("ROLLBACK")  # another session migrated first
                continue
            for statement in MIGRATIONS[target].split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {target + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def _move_aside(path: Path) -> Path:
    """Rename a damaged file (and its WAL companions) out of the way; return the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    for suffix in ("", "-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            companion.rename(Path(f"{target}{suffix}"))
    return target
