"""Progress, profiles and settings in one SQLite file on this device only.

What is kept: pseudonymous profiles (an avatar and an optional nickname), best stars per
lesson and per activity, knowledge-check answers, and settings. Nothing a child types in
a free-text box is kept; the only typed words stored are the optional profile and
helping-hand nicknames, which never leave the device. The schema is versioned and
migrations run in order at open. A damaged file is moved aside, never deleted.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DB_NAME = "safesteps.sqlite3"
SIDE_FILES = ("-wal", "-shm")  # SQLite's write-ahead log and its index


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- migrations: append only; never edit one that has shipped -------------------------


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


def _v3(db: sqlite3.Connection) -> None:
    """Profiles: progress becomes per profile; existing progress goes to a first profile."""
    db.execute(
        "CREATE TABLE profiles ("
        " id INTEGER PRIMARY KEY,"
        " nickname TEXT NOT NULL DEFAULT '',"
        " avatar TEXT NOT NULL,"
        " created TEXT NOT NULL)"
    )
    had_progress = db.execute(
        "SELECT (SELECT count(*) FROM lesson_progress) + (SELECT count(*) FROM activity_progress)"
    ).fetchone()[0]
    if had_progress:
        db.execute("INSERT INTO profiles VALUES (1, '', 'a1', ?)", (_now(),))
    # SQLite cannot change a primary key in place: build the new tables and copy.
    db.execute(
        "CREATE TABLE lesson_progress_v3 ("
        " profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
        " lesson_id TEXT NOT NULL,"
        " best_stars INTEGER NOT NULL,"
        " times_completed INTEGER NOT NULL,"
        " last_completed TEXT NOT NULL,"
        " PRIMARY KEY (profile_id, lesson_id))"
    )
    db.execute(
        "CREATE TABLE activity_progress_v3 ("
        " profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
        " lesson_id TEXT NOT NULL,"
        " activity_id TEXT NOT NULL,"
        " best_stars INTEGER NOT NULL,"
        " last_done TEXT NOT NULL,"
        " PRIMARY KEY (profile_id, lesson_id, activity_id))"
    )
    for table in ("lesson_progress", "activity_progress"):
        db.execute(f"INSERT INTO {table}_v3 SELECT 1, * FROM {table}")
        db.execute(f"DROP TABLE {table}")
        db.execute(f"ALTER TABLE {table}_v3 RENAME TO {table}")
    db.execute(
        "CREATE TABLE check_answers ("
        " profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
        " check_id TEXT NOT NULL,"
        " phase TEXT NOT NULL CHECK (phase IN ('before', 'after')),"
        " item_id TEXT NOT NULL,"
        " answer TEXT NOT NULL,"
        " correct INTEGER NOT NULL,"
        " answered TEXT NOT NULL,"
        " PRIMARY KEY (profile_id, check_id, phase, item_id))"
    )
    db.execute(
        "CREATE TABLE profile_settings ("
        " profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
        " key TEXT NOT NULL,"
        " value TEXT NOT NULL,"
        " PRIMARY KEY (profile_id, key))"
    )
    if had_progress:  # the helping hand belonged to the one child who used the app
        db.execute(
            "INSERT INTO profile_settings SELECT 1, key, value FROM settings"
            " WHERE key = 'helping_hand'"
        )
    db.execute("DELETE FROM settings WHERE key = 'helping_hand'")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3]


# --- the store ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    id: int
    nickname: str  # optional; may be ""
    avatar: str  # a key of app.core.pictures.PROFILE_AVATARS


class ProgressStore:
    """The one place that reads and writes the device's SQLite file.

    Progress calls act on the current profile (`use_profile`); a store with no profile
    chosen creates one on first use, so a child can always start straight away.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / DB_NAME
        self.notice: str | None = None  # for adults: what went wrong at open, said calmly
        self.profile_id: int | None = None
        self._db = self._open()

    # --- opening, checking and recovering ------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            return self._connect_and_check()
        except (sqlite3.DatabaseError, ValueError) as problem:
            moved = self._move_aside()
            if moved is not None:
                self.notice = (
                    "SafeSteps found that its progress file was damaged and started a new "
                    f"one. The old file was kept as {moved.name} in {self.folder}. "
                    f"({problem})"
                )
                try:
                    return self._connect_and_check()
                except (sqlite3.DatabaseError, ValueError, OSError):
                    pass
        except OSError as problem:
            self.notice = (
                f"SafeSteps cannot write to {self.folder} ({problem.strerror or problem}). "
                "Lessons work, but progress will not be kept after SafeSteps closes."
            )
        return self._in_memory()

    def _connect_and_check(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=5)
        try:
            status = db.execute("PRAGMA integrity_check").fetchone()[0]
            if status != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {status}")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise ValueError(f"made by a newer SafeSteps (version {version})")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            self._migrate(db)
        except BaseException:
            db.close()
            raise
        return db

    def _in_memory(self) -> sqlite3.Connection:
        if self.notice is None:
            self.notice = (
                "SafeSteps could not open or repair its progress file, so progress will "
                "not be kept after SafeSteps closes."
            )
        db = sqlite3.connect(":memory:")
        db.execute("PRAGMA foreign_keys=ON")
        self._migrate(db)
        return db

    def _move_aside(self) -> Path | None:
        """Rename the damaged file (and its log) with a timestamp; never delete it."""
        if not self.path.exists():
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"safesteps.damaged-{stamp}.sqlite3")
        try:
            shutil.move(self.path, target)
            for suffix in SIDE_FILES:
                side = Path(f"{self.path}{suffix}")
                if side.exists():
                    shutil.move(side, Path(f"{target}{suffix}"))
        except OSError:
            return None
        return target

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with db:  # each migration and its version bump in one transaction
                migration(db)
                db.execute(f"PRAGMA user_version = {number}")

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    @property
    def persistent(self) -> bool:
        """False when progress only lives in memory (the folder could not be used)."""
        return self._db.execute("PRAGMA database_list").fetchone()[2] != ""

    # --- profiles ---------------------------------------------------------------------

    def profiles(self) -> list[Profile]:
        rows = self._db.execute("SELECT id, nickname, avatar FROM profiles ORDER BY id")
        return [Profile(*row) for row in rows]

    def add_profile(self, avatar: str, nickname: str = "") -> Profile:
        with self._db:
            cursor = self._db.execute(
                "INSERT INTO profiles (nickname, avatar, created) VALUES (?, ?, ?)",
                (nickname.strip(), avatar, _now()),
            )
        return Profile(cursor.lastrowid, nickname.strip(), avatar)

    def delete_profile(self, profile_id: int) -> None:
        """The profile and everything kept for it (progress, answers, its settings)."""
        with self._db:
            self._db.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))
        if self.profile_id == profile_id:
            self.profile_id = None

    def use_profile(self, profile_id: int) -> None:
        self.profile_id = profile_id

    def _profile(self) -> int:
        if self.profile_id is None:
            known = self.profiles()
            self.profile_id = known[0].id if known else self.add_profile("a1").id
        return self.profile_id

    # --- progress (of the current profile) ---------------------------------------------

    def record_activity(self, lesson_id: str, activity_id: str, stars: int) -> None:
        """One finished activity, committed on its own so a crash later cannot lose it."""
        with self._db:
            self._db.execute(
                "INSERT INTO activity_progress VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(profile_id, lesson_id, activity_id) DO UPDATE"
                " SET best_stars = max(best_stars, excluded.best_stars),"
                " last_done = excluded.last_done",
                (self._profile(), lesson_id, activity_id, stars, _now()),
            )

    def record_lesson(self, lesson_id: str, stars: int) -> None:
        """Keep the best stars; a later, lower score never takes stars away."""
        with self._db:
            self._db.execute(
                "INSERT INTO lesson_progress VALUES (?, ?, ?, 1, ?)"
                " ON CONFLICT(profile_id, lesson_id) DO UPDATE"
                " SET best_stars = max(best_stars, excluded.best_stars),"
                " times_completed = times_completed + 1, last_completed = excluded.last_completed",
                (self._profile(), lesson_id, stars, _now()),
            )

    def completed(self) -> dict[str, int]:
        """lesson id -> best stars, for every lesson finished at least once (= its badge)."""
        rows = self._db.execute(
            "SELECT lesson_id, best_stars FROM lesson_progress WHERE profile_id = ?",
            (self._profile(),),
        )
        return dict(rows)

    def activity_stars(self, lesson_id: str) -> dict[str, int]:
        """activity id -> best stars, for the activities of one lesson done so far."""
        rows = self._db.execute(
            "SELECT activity_id, best_stars FROM activity_progress"
            " WHERE profile_id = ? AND lesson_id = ?",
            (self._profile(), lesson_id),
        )
        return dict(rows)

    def record_check_answer(
        self, check_id: str, phase: str, item_id: str, answer: str, correct: bool
    ) -> None:
        """A knowledge-check answer, before or after the lessons; a new answer replaces it."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO check_answers VALUES (?, ?, ?, ?, ?, ?, ?)",
                (self._profile(), check_id, phase, item_id, answer, int(correct), _now()),
            )

    def check_answers(self, check_id: str, phase: str) -> dict[str, tuple[str, bool]]:
        """item id -> (answer, correct) for one check and phase."""
        rows = self._db.execute(
            "SELECT item_id, answer, correct FROM check_answers"
            " WHERE profile_id = ? AND check_id = ? AND phase = ?",
            (self._profile(), check_id, phase),
        )
        return {item: (answer, bool(correct)) for item, answer, correct in rows}

    def class_check_answers(self, check_id: str) -> list[tuple[int, str, str, bool]]:
        """(learner, phase, item id, correct) for every learner on this device: the class
        report. Learners are numbers only; the report never shows names."""
        rows = self._db.execute(
            "SELECT profile_id, phase, item_id, correct FROM check_answers"
            " WHERE check_id = ? ORDER BY profile_id, phase, item_id",
            (check_id,),
        )
        return [(learner, phase, item, bool(correct)) for learner, phase, item, correct in rows]

    # --- settings ---------------------------------------------------------------------

    def setting(self, key: str, default: str) -> str:
        """A device-wide setting (language, country, read aloud...)."""
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row and isinstance(row[0], str) else default

    def set_setting(self, key: str, value: str) -> None:
        with self._db:
            self._db.execute(
                "INSERT INTO settings VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                " SET value = excluded.value",
                (key, value),
            )

    def profile_setting(self, key: str, default: str) -> str:
        """A setting of the current profile only (e.g. their helping hand)."""
        row = self._db.execute(
            "SELECT value FROM profile_settings WHERE profile_id = ? AND key = ?",
            (self._profile(), key),
        ).fetchone()
        return row[0] if row and isinstance(row[0], str) else default

    def set_profile_setting(self, key: str, value: str) -> None:
        with self._db:
            self._db.execute(
                "INSERT INTO profile_settings VALUES (?, ?, ?)"
                " ON CONFLICT(profile_id, key) DO UPDATE SET value = excluded.value",
                (self._profile(), key, value),
            )

    # --- the adult's rights: see it all, delete it all -----------------------------------

    def export(self) -> dict[str, Any]:
        """Everything kept on this device, as JSON-ready data."""

        def rows(sql: str) -> list[dict[str, Any]]:
            cursor = self._db.execute(sql)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]

        return {
            "app": "SafeSteps",
            "exported": _now(),
            "schema_version": self.schema_version,
            "settings": rows("SELECT key, value FROM settings ORDER BY key"),
            "profiles": rows("SELECT id, nickname, avatar, created FROM profiles ORDER BY id"),
            "profile_settings": rows("SELECT * FROM profile_settings ORDER BY profile_id, key"),
            "lesson_progress": rows("SELECT * FROM lesson_progress ORDER BY profile_id"),
            "activity_progress": rows("SELECT * FROM activity_progress ORDER BY profile_id"),
            "check_answers": rows("SELECT * FROM check_answers ORDER BY profile_id"),
        }

    def export_to(self, target: Path) -> Path:
        target.write_text(json.dumps(self.export(), indent=2, ensure_ascii=False), "utf-8")
        return target

    def delete_everything(self) -> None:
        """Every profile, all progress and every setting, in one transaction."""
        with self._db:
            for table in ("check_answers", "activity_progress", "lesson_progress"):
                self._db.execute(f"DELETE FROM {table}")
            for table in ("profile_settings", "profiles", "settings"):
                self._db.execute(f"DELETE FROM {table}")
        self._db.execute("VACUUM")  # no deleted rows left readable in free pages
        self.profile_id = None

    def close(self) -> None:
        self._db.close()
