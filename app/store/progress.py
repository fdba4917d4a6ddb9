"""Progress and settings in one SQLite file on this device only.

Stores lesson and activity completion (best stars) and settings such as the chosen
country. Nothing a child types is stored. The schema is versioned; migrations run in order at open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

DB_NAME = "safesteps.sqlite3"


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE lesson_progress ("
        " lesson_id TEXT PRIMARY KEY,"
        " best_stars INTEGER NOT NULL,"
        " times_completed INTEGER NOT NULL,"
        " last_completed TEXT NOT NULL)"
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v2(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE activity_progress ("
        " lesson_id TEXT NOT NULL,"
        " activity_id TEXT NOT NULL,"
        " best_stars INTEGER NOT NULL,"
        " last_done TEXT NOT NULL,"
        " PRIMARY KEY (lesson_id, activity_id))"
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2]


class ProgressStore:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / DB_NAME
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._migrate()

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._db:
                migration(self._db)
                self._db.execute(f"PRAGMA user_version = {number}")

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def record_lesson(self, lesson_id: str, stars: int) -> None:
        """Keep the best stars; a later, lower score never takes stars away."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._db:
            self._db.execute(
                "INSERT INTO lesson_progress VALUES (?, ?, 1, ?) ON CONFLICT(lesson_id) DO UPDATE"
                " SET best_stars = max(best_stars, excluded.best_stars),"
                " times_completed = times_completed + 1, last_completed = excluded.last_completed",
                (lesson_id, stars, now),
            )

    def record_activity(self, lesson_id: str, activity_id: str, stars: int) -> None:
        """One finished activity, committed on its own so a crash later cannot lose it."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._db:
            self._db.execute(
                "INSERT INTO activity_progress VALUES (?, ?, ?, ?)"
                " ON CONFLICT(lesson_id, activity_id) DO UPDATE"
                " SET best_stars = max(best_stars, excluded.best_stars),"
                " last_done = excluded.last_done",
                (lesson_id, activity_id, stars, now),
            )

    def activity_stars(self, lesson_id: str) -> dict[str, int]:
        """activity id -> best stars, for the activities of one lesson done so far."""
        rows = self._db.execute(
            "SELECT activity_id, best_stars FROM activity_progress WHERE lesson_id = ?",
            (lesson_id,),
        )
        return dict(rows)

    def completed(self) -> dict[str, int]:
        """lesson id -> best stars, for every lesson finished at least once."""
        return dict(self._db.execute("SELECT lesson_id, best_stars FROM lesson_progress"))

    def setting(self, key: str, default: str) -> str:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._db:
            self._db.execute(
                "INSERT INTO settings VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                " SET value = excluded.value",
                (key, value),
            )

    def close(self) -> None:
        self._db.close()
