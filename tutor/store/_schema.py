"""The progress file's schema and its migrations: how a file of any older version is brought up to date.

Each migration runs in its own `BEGIN IMMEDIATE` transaction and re-reads the version
first, so two sessions opening an old file at once migrate it once.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 3

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
    # 3: practice. Every answer that shows a skill (quiz, checkpoint, drill, review, an
    # exercise's first pass) and each skill's review schedule (an FSRS card as JSON).
    """
    CREATE TABLE skill_answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lesson_id TEXT NOT NULL,
        skill_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        source TEXT NOT NULL,
        correct INTEGER NOT NULL,
        hinted INTEGER NOT NULL DEFAULT 0,
        seconds REAL,
        rating TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE INDEX skill_answers_by_skill ON skill_answers (lesson_id, skill_id, id);
    CREATE TABLE skill_schedule (
        lesson_id TEXT NOT NULL,
        skill_id TEXT NOT NULL,
        card TEXT NOT NULL,
        due REAL NOT NULL,
        updated REAL NOT NULL,
        PRIMARY KEY (lesson_id, skill_id)
    );
    """,
)

class NewerSchemaError(Exception):
    """The file was written by a newer tutor; it is left as it is."""


def refuse_newer(connection: sqlite3.Connection) -> int:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(f"schema {version}, this tutor knows up to {SCHEMA_VERSION}")
    return version


def migrate(connection: sqlite3.Connection) -> None:
    version = refuse_newer(connection)
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
