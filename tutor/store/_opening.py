"""Finding, opening and recovering the progress file.

Nothing the learner has done is thrown away: a file SQLite cannot read is moved
aside as `progress.sqlite3.corrupt-<timestamp>` and a fresh one is started; a
file that cannot be written is read into memory for this session; a file written
by a newer tutor is left untouched. Each way out comes with a notice that says
what happened (`Store.notice`).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from tutor.store._schema import NewerSchemaError, migrate, refuse_newer

FILENAME = "progress.sqlite3"

def data_dir() -> Path:
    """The folder for the learner's data: `TUTOR_DATA_DIR` or the platform's."""
    override = os.environ.get("TUTOR_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("tutor", appauthor=False))



Opened = tuple[sqlite3.Connection, "Path | None", "str | None"]
"""A connection, the file it writes to (None: memory only), and the notice to show, if any."""


def open_file(path: Path) -> Opened:
    """Open (or create) the progress file at `path`, recovering from what can go wrong."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        return connect(path), path, None
    except NewerSchemaError as error:
        return in_memory(
            f"{path} was written by a newer tutor ({error}); it is left untouched "
            "and this session's progress will not be saved."
        )
    except sqlite3.OperationalError as error:
        # Healthy but not writable (a read-only folder or file): never moved aside.
        return read_only_copy(path, error)
    except sqlite3.DatabaseError as error:
        try:
            moved = move_aside(path)
        except OSError as second:
            return read_only_copy(path, f"{error}; it could not be moved aside: {second}")
        try:
            connection = connect(path)
        except (OSError, sqlite3.Error) as second:
            return in_memory(f"Could not open {path} ({second}); progress will not be saved.")
        return connection, path, (
            f"The progress file could not be read ({error}). It was moved to "
            f"{moved.name} and a fresh one was started."
        )
    except OSError as error:
        if path.is_file():
            return read_only_copy(path, error)
        return in_memory(f"Could not open {path} ({error}); progress will not be saved.")


def read_only_copy(path: Path, error: object) -> Opened:
    """What `path` holds, copied into memory: shown this session, never saved to the file."""
    notice = (
        f"Progress cannot be saved: {path} cannot be written ({error}). "
        "What you do now is kept only until you quit."
    )
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            refuse_newer(source)
            copy = sqlite3.connect(":memory:", isolation_level=None)
            source.backup(copy)
        finally:
            source.close()
        if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("integrity check failed")
        migrate(copy)
    except (sqlite3.Error, NewerSchemaError, OSError):
        return in_memory(notice)
    return copy, None, notice


def in_memory(notice: str | None = None) -> Opened:
    """A connection that forgets everything when the tutor exits."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    migrate(connection)
    return connection, None, notice


def connect(path: Path) -> sqlite3.Connection:
    """Connect, check the file is healthy, and bring its schema up to date."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)
    connection = sqlite3.connect(path, isolation_level=None, timeout=10)
    try:
        connection.execute("PRAGMA busy_timeout = 10000")
        refuse_newer(connection)  # before anything writes to a newer tutor's file
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {verdict}")
        migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def move_aside(path: Path) -> Path:
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
