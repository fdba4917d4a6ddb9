"""Progress survives: migrations keep old progress, damaged files are moved aside, never lost."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from app.store.progress import DB_NAME, MIGRATIONS, ProgressStore


def old_database(folder: Path, version: int) -> sqlite3.Connection:
    db = sqlite3.connect(folder / DB_NAME)
    for migration in MIGRATIONS[:version]:
        migration(db)
    db.execute(f"PRAGMA user_version = {version}")
    return db


def test_progress_keeps_best_stars_and_settings(tmp_path: Path):
    store = ProgressStore(tmp_path)
    assert store.schema_version == len(MIGRATIONS) and store.notice is None
    store.record_lesson("a", 3)
    store.record_lesson("a", 1)
    store.record_activity("a", "chat", 2)
    store.record_activity("a", "chat", 1)
    store.record_activity("b", "chat", 3)
    store.set_setting("country", "DE")
    store.close()
    again = ProgressStore(tmp_path)
    assert again.completed() == {"a": 3}
    assert again.activity_stars("a") == {"chat": 2}
    assert again.setting("country", "GB") == "DE"
    assert again.setting("missing", "x") == "x"


def test_each_profile_has_its_own_progress_and_settings(tmp_path: Path):
    store = ProgressStore(tmp_path)
    ana = store.add_profile("a3", "Ana")
    bo = store.add_profile("a7")
    store.use_profile(ana.id)
    store.record_lesson("a", 2)
    store.set_profile_setting("helping_hand", '{"fingers": []}')
    store.use_profile(bo.id)
    assert store.completed() == {} and store.profile_setting("helping_hand", "") == ""
    store.record_lesson("a", 3)
    assert [p.nickname for p in store.profiles()] == ["Ana", ""]
    store.delete_profile(bo.id)
    store.use_profile(ana.id)
    assert store.completed() == {"a": 2}
    assert [p.id for p in store.profiles()] == [ana.id]
    rows = store._db.execute("SELECT count(*) FROM lesson_progress").fetchone()[0]
    assert rows == 1, "deleting a profile deletes its progress"


def test_a_child_can_start_without_making_a_profile(tmp_path: Path):
    store = ProgressStore(tmp_path)
    store.record_activity("a", "chat", 2)
    assert len(store.profiles()) == 1 and store.activity_stars("a") == {"chat": 2}


def test_a_version_1_database_is_migrated_and_keeps_its_progress(tmp_path: Path):
    old = old_database(tmp_path, 1)
    old.execute("INSERT INTO lesson_progress VALUES ('a', 2, 1, '2026-01-01T00:00:00+00:00')")
    old.commit()
    old.close()
    store = ProgressStore(tmp_path)
    assert store.schema_version == len(MIGRATIONS)
    assert store.completed() == {"a": 2}
    store.record_activity("a", "quiz", 3)
    assert store.activity_stars("a") == {"quiz": 3}


def test_a_version_2_helping_hand_moves_to_the_first_profile(tmp_path: Path):
    old = old_database(tmp_path, 2)
    old.execute("INSERT INTO activity_progress VALUES ('a', 'hand', 3, '2026-01-01')")
    old.execute("INSERT INTO settings VALUES ('helping_hand', '{\"x\": 1}')")
    old.execute("INSERT INTO settings VALUES ('country', 'IE')")
    old.commit()
    old.close()
    store = ProgressStore(tmp_path)
    assert store.activity_stars("a") == {"hand": 3}
    assert store.profile_setting("helping_hand", "") == '{"x": 1}'
    assert store.setting("helping_hand", "gone") == "gone"
    assert store.setting("country", "GB") == "IE"


def test_knowledge_check_answers_are_kept_per_phase(tmp_path: Path):
    store = ProgressStore(tmp_path)
    store.record_check_answer("check-8-10", "before", "q1", "b", False)
    store.record_check_answer("check-8-10", "after", "q1", "a", True)
    store.record_check_answer("check-8-10", "after", "q1", "a", True)
    assert store.check_answers("check-8-10", "before") == {"q1": ("b", False)}
    assert store.check_answers("check-8-10", "after") == {"q1": ("a", True)}


def test_a_damaged_file_is_moved_aside_and_a_fresh_one_works(tmp_path: Path):
    garbage = b"this is not a database" * 200
    (tmp_path / DB_NAME).write_bytes(garbage)
    store = ProgressStore(tmp_path)
    assert store.notice and "damaged" in store.notice
    kept = list(tmp_path.glob("safesteps.damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == garbage, "the old file is kept as it was"
    assert kept[0].name in store.notice
    store.record_lesson("a", 1)
    assert store.persistent and store.completed() == {"a": 1}


def test_a_database_damaged_inside_is_caught_by_the_integrity_check(tmp_path: Path):
    store = ProgressStore(tmp_path)
    for number in range(400):
        store.record_activity("lesson", f"activity-{number}", 2)
    store.close()
    data = bytearray((tmp_path / DB_NAME).read_bytes())
    for offset in range(4096 + 100, len(data), 997):  # scribble over the data pages
        data[offset] = 0xFF
    (tmp_path / DB_NAME).write_bytes(bytes(data))
    again = ProgressStore(tmp_path)
    assert again.notice and list(tmp_path.glob("safesteps.damaged-*"))
    again.record_activity("lesson", "one", 3)
    assert again.activity_stars("lesson") == {"one": 3}


def test_a_file_from_a_newer_safesteps_is_kept_not_overwritten(tmp_path: Path):
    newer = old_database(tmp_path, len(MIGRATIONS))
    newer.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    newer.commit()
    newer.close()
    store = ProgressStore(tmp_path)
    assert "newer SafeSteps" in store.notice
    assert list(tmp_path.glob("safesteps.damaged-*.sqlite3"))


def test_a_folder_that_cannot_be_used_still_lets_children_play(tmp_path: Path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    store = ProgressStore(not_a_folder)
    assert store.notice and not store.persistent
    store.record_lesson("a", 2)
    assert store.completed() == {"a": 2}


def test_export_has_everything_and_delete_leaves_nothing(tmp_path: Path):
    store = ProgressStore(tmp_path)
    store.use_profile(store.add_profile("a2", "Sam").id)
    store.record_lesson("a", 3)
    store.record_activity("a", "chat", 3)
    store.record_check_answer("c", "before", "q1", "a", True)
    store.set_setting("country", "FR")
    store.set_profile_setting("helping_hand", "{}")
    exported = json.loads(store.export_to(tmp_path / "export.json").read_text("utf-8"))
    assert exported["profiles"][0]["nickname"] == "Sam"
    for table in ("lesson_progress", "activity_progress", "check_answers", "profile_settings"):
        assert len(exported[table]) == 1, table
    assert {"key": "country", "value": "FR"} in exported["settings"]
    store.delete_everything()
    emptied = store.export()
    for table in ("profiles", "settings", "lesson_progress", "activity_progress"):
        assert emptied[table] == [], table
    store.close()
    raw = (tmp_path / DB_NAME).read_bytes()
    assert b"Sam" not in raw, "deleted words are not left readable in the file"
