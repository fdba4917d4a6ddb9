"""Profiles, privacy, export, delete, content problems and the calm error screen."""

from __future__ import annotations

import json

import pytest

from app.store.progress import DB_NAME


def make_learner(ui, picture: str, nickname: str = "") -> None:
    ui.tap("Picture " + picture)
    if nickname:
        field = next(w for w in ui._widgets() if type(w).__name__ == "NicknameField")
        field.insert_text(nickname)
    ui.tap("Start")
    assert ui.screen == "bands"


def test_learners_choose_a_picture_and_keep_their_own_stars(ui):
    ui.tap("I'm a child")
    make_learner(ui, "3", "Star Fox")
    ui.app.store.record_lesson("new-online-friend", 3)
    ui.app.go_home()
    ui.tap("I'm a child")
    assert ui.screen == "who" and ui.sees("Star Fox")
    ui.tap("Someone new")
    make_learner(ui, "10")
    assert ui.app.store.completed() == {}, "a new learner starts with no stars"
    ui.app.go_home()
    ui.tap("I'm a child")
    assert ui.sees("Learner 2"), "no nickname is fine"
    ui.snapshot("grown-ups-who")
    ui.tap("Star Fox")
    assert ui.app.store.completed() == {"new-online-friend": 3}
    assert [p.avatar for p in ui.app.store.profiles()] == ["a3", "a10"]


def test_a_nickname_is_cut_at_twenty_characters(ui):
    ui.tap("I'm a child")
    make_learner(ui, "1", "A very very long nickname indeed")
    assert ui.app.store.profiles()[0].nickname == "A very very long nic"


def test_privacy_in_plain_words_for_children_and_adults(ui):
    ui.tap("Privacy")
    assert ui.sees("It never sends anything over the internet.")
    assert ui.sees("is never kept") and ui.sees("Never collected")
    ui.snapshot("grown-ups-privacy")


def test_export_writes_everything_as_json(ui):
    ui.tap("I'm a child")
    make_learner(ui, "2", "Kit")
    ui.app.go_home()
    ui.tap("For grown-ups")
    assert ui.sees("1 learner uses SafeSteps on this device.")
    ui.tap("Export all data (JSON file)")
    assert ui.sees("Data exported")
    exported = json.loads(ui.app.last_export.read_text("utf-8"))
    assert exported["profiles"][0]["nickname"] == "Kit"
    assert ui.app.last_export.parent == ui.app.data_dir / "exports"


def test_delete_asks_first_and_then_deletes_everything(ui):
    ui.tap("I'm a child")
    make_learner(ui, "5", "Nia")
    ui.app.store.record_lesson("new-online-friend", 2)
    ui.app.set_country("DE")
    ui.app.go_home()
    ui.tap("For grown-ups")
    ui.tap("Delete all data")
    assert ui.sees("This cannot be undone")
    ui.snapshot("grown-ups-delete")
    ui.tap("Keep everything")
    assert ui.screen == "grown-ups" and len(ui.app.store.profiles()) == 1
    ui.tap("Delete all data")
    ui.tap("Yes, delete everything")
    assert ui.screen == "grown-ups"
    assert ui.sees("All SafeSteps data on this device was deleted.")
    assert ui.app.store.profiles() == [] and ui.app.country == "GB"


def test_content_problems_are_listed_with_file_line_and_fix(ui, tmp_path):
    from app.core.loader import load_library
    from app.paths import LESSONS

    broken = tmp_path / "lessons"
    broken.mkdir()
    (broken / "bad.yaml").write_text("schema_version: 1\nid: Bad Id\n", encoding="utf-8")
    ui.app._library = load_library([LESSONS, broken])
    ui.tap("For grown-ups")
    assert ui.sees("Content check:") and ui.sees("problem")
    ui.tap(next(t for t in ui.texts() if t.startswith("Content check:")))
    assert ui.sees("bad.yaml:2") and ui.sees("Fix:")
    assert ui.sees("Lessons with problems are left out")
    ui.snapshot("grown-ups-content-problems")
    assert "Bad Id" not in ui.app.library.lessons


@pytest.fixture
def damaged_file(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"not a database at all " * 50)


def test_a_damaged_progress_file_is_explained_calmly_to_adults(damaged_file, ui, tmp_path):
    assert ui.sees("A note for grown-ups")
    ui.tap("For grown-ups")
    assert ui.sees("damaged") and ui.sees("safesteps.damaged-")
    assert list(tmp_path.glob("safesteps.damaged-*.sqlite3"))
    ui.snapshot("grown-ups-damaged-notice")


def test_an_unexpected_error_shows_the_calm_screen_and_writes_a_log(ui):
    ui.tap("I'm a child")
    make_learner(ui, "1")
    try:
        raise RuntimeError("boom in a view")
    except RuntimeError as error:
        assert ui.app.errors.handle_exception(error) == 1  # ExceptionManager.PASS
    ui.pump()
    assert ui.screen == "oops"
    assert ui.sees("Oops! Something went wrong.") and ui.sees("It's not your fault.")
    assert not any("Traceback" in t or "boom" in t for t in ui.texts()), "no stack trace"
    ui.snapshot("oops")
    log = ui.app.error_log_path.read_text("utf-8")
    assert "RuntimeError: boom in a view" in log and "Traceback" in log
    assert not ui.sees("Back") or ui.button("Back to the start")
    ui.tap("Back to the start")
    assert ui.screen == "home" and ui.app.history == []


def test_nonsense_settings_fall_back_to_defaults(ui):
    for key, value in (("country", "XX"), ("read_aloud", "sing"), ("reduce_motion", "maybe")):
        ui.app.store.set_setting(key, value)
    assert ui.app.country == "GB"
    assert ui.app.read_aloud_mode == "auto" and not ui.app.prefers_still
    ui.tap("I need help now")
    assert ui.sees("In danger right now? Call 999.") and ui.sees("Childline")


def test_one_learner_can_be_deleted_after_a_yes(ui):
    ui.tap("I'm a child")
    make_learner(ui, "1", "Ana")
    ui.app.store.record_lesson("new-online-friend", 3)
    ui.app.go_home()
    ui.tap("I'm a child")
    ui.tap("Someone new")
    make_learner(ui, "2", "Bo")
    ui.app.go_home()
    ui.tap("For grown-ups")
    ui.tap("Learners on this device")
    ui.tap("Delete Ana")
    assert ui.sees("Delete Ana and all their stars and answers?")
    ui.snapshot("grown-ups-learners-confirm")
    ui.tap("Keep")
    assert len(ui.app.store.profiles()) == 2
    ui.tap("Delete Ana")
    ui.tap("Yes, delete Ana")
    assert [p.nickname for p in ui.app.store.profiles()] == ["Bo"]
    assert not ui.sees("Ana")
    count = ui.app.store._db.execute("SELECT count(*) FROM lesson_progress").fetchone()[0]
    assert count == 0, "Ana's stars went with her"


def test_a_larger_text_size_makes_every_new_screen_bigger(ui):
    normal = ui.app.font_size("body")
    ui.tap("Settings")
    ui.tap("Larger")
    assert ui.app.text_size == "larger"
    assert ui.app.font_size("body") == pytest.approx(normal * 1.4)
    ui.tap("Back")
    ui.tap("I need help now")
    label = next(w for w in ui._widgets() if getattr(w, "text", "") == "Need help?")
    assert label.font_size == pytest.approx(ui.app.font_size("title"))
    ui.snapshot("settings-larger-text-help")
    ui.app.store.set_setting("text_size", "gigantic")
    ui.app._text_size = None
    assert ui.app.text_size == "normal"
