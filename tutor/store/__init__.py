"""Progress in SQLite: where the learner is, what they have seen, their settings.

The file lives at `platformdirs.user_data_dir("tutor")/progress.sqlite3`
(`TUTOR_DATA_DIR` overrides the folder). It runs in WAL mode with a busy
timeout, so two sessions of the same learner (two SSH logins) can write at
once without losing each other's rows. The file is private (mode 0600).

Nothing the learner has done is thrown away: a file SQLite cannot read is
moved aside as `progress.sqlite3.corrupt-<timestamp>` and a fresh one is
started; a file written by a newer tutor is left untouched and this session
keeps its progress in memory. Either way `Store.notice` says what happened.

The package keeps the queries (`_store`) apart from opening and recovering the
file (`_opening`) and from the schema and its migrations (`_schema`).
"""

from tutor.store._opening import FILENAME, data_dir
from tutor.store._schema import SCHEMA_VERSION, NewerSchemaError
from tutor.store._store import HISTORY_LIMIT, SkillAnswer, Store

__all__ = ["FILENAME", "HISTORY_LIMIT", "SCHEMA_VERSION", "NewerSchemaError", "SkillAnswer", "Store", "data_dir"]
