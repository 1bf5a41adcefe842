"""The learner's progress, read and written: position, sections seen, settings, REPL history,
exercise code and attempts, quiz answers and scores, the skill answer log and the review
schedule. Every write is its own short transaction."""

from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from tutor.store._opening import FILENAME, data_dir, in_memory, open_file, read_only_copy

HISTORY_LIMIT = 1000
"""REPL inputs kept; older ones are dropped."""


@dataclass(frozen=True)
class SkillAnswer:
    """One answer that shows a skill, as the answer log keeps it."""

    lesson_id: str
    skill_id: str
    item_id: str
    """The question, checkpoint, drill or exercise answered."""
    source: str
    """Where it was answered: "quiz", "checkpoint", "review", "practice" or "exercise"."""
    correct: bool
    hinted: bool
    seconds: float | None
    rating: str
    """The review rating it earned: "again", "hard" or "good" (see tutor.practice.rating)."""
    at: float
    """When, in seconds since the epoch (the tutor's clock: TUTOR_NOW when set)."""


class Store:
    """The learner's progress. Every write is its own short transaction."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None, notice: str | None = None):
        self._db = connection
        self.path = path
        self.notice = notice

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None) -> "Store":
        """Open (or create) the progress file, recovering from what can go wrong (see `_opening`)."""
        return cls(*open_file(Path(path) if path is not None else data_dir() / FILENAME))

    @classmethod
    def read_only_copy(cls, path: Path, error: object) -> "Store":
        """What `path` holds, copied into memory: shown this session, never saved to the file."""
        return cls(*read_only_copy(path, error))

    @classmethod
    def in_memory(cls, notice: str | None = None) -> "Store":
        """A store that forgets everything when the tutor exits."""
        return cls(*in_memory(notice))

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

    # -- practice: the answer log and the review schedule ------------------------------

    def record_skill_answer(self, answer: SkillAnswer, card: str | None = None, due: float | None = None) -> None:
        """Log one answer that shows a skill and, with `card`, store the skill's new schedule."""
        with self._transaction():
            self._db.execute(
                "INSERT INTO skill_answers (lesson_id, skill_id, item_id, source, correct, hinted, seconds, rating, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (answer.lesson_id, answer.skill_id, answer.item_id, answer.source, int(answer.correct),
                 int(answer.hinted), answer.seconds, answer.rating, answer.at),
            )
            if card is not None and due is not None:
                self._db.execute(
                    "INSERT INTO skill_schedule (lesson_id, skill_id, card, due, updated) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (lesson_id, skill_id) DO UPDATE SET card = excluded.card, due = excluded.due, "
                    "updated = excluded.updated",
                    (answer.lesson_id, answer.skill_id, card, due, answer.at),
                )

    def skill_answers(self, lesson_id: str | None = None) -> list[SkillAnswer]:
        """Every logged answer (of one lesson, or of all), oldest first."""
        query = "SELECT lesson_id, skill_id, item_id, source, correct, hinted, seconds, rating, at FROM skill_answers"
        rows = (
            self._db.execute(query + " ORDER BY id")
            if lesson_id is None
            else self._db.execute(query + " WHERE lesson_id = ? ORDER BY id", (lesson_id,))
        )
        return [
            SkillAnswer(lesson, skill, item, source, bool(correct), bool(hinted), seconds, rating, at)
            for lesson, skill, item, source, correct, hinted, seconds, rating, at in rows
        ]

    def skill_card(self, lesson_id: str, skill_id: str) -> str | None:
        """The skill's FSRS card as JSON, or None if it was never scheduled."""
        row = self._db.execute(
            "SELECT card FROM skill_schedule WHERE lesson_id = ? AND skill_id = ?", (lesson_id, skill_id)
        ).fetchone()
        return row[0] if row else None

    def due_dates(self, lesson_id: str | None = None) -> dict[tuple[str, str], float]:
        """{(lesson id, skill id): due time} of every scheduled skill (one indexed read: cheap)."""
        query = "SELECT lesson_id, skill_id, due FROM skill_schedule"
        rows = (
            self._db.execute(query)
            if lesson_id is None
            else self._db.execute(query + " WHERE lesson_id = ?", (lesson_id,))
        )
        return {(lesson, skill): due for lesson, skill, due in rows}

    # -- reset ---------------------------------------------------------------------

    def reset(self, lesson_id: str | None = None) -> None:
        """Forget progress: of one lesson, or (None) of every lesson and the REPL history."""
        tables = (
            "position", "seen", "exercise_code", "exercise_attempts", "quiz_answers", "quiz_scores",
            "skill_answers", "skill_schedule",
        )
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
