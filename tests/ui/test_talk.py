"""A class talks about Jo's chats: hints on tap, a scratch box that is never saved."""

from __future__ import annotations

from app.activities.talk.view import IdeasInput

PROMPT = "Why might someone online ask Jo to keep their chats secret?"
SHOW = "Show something to think about"
TYPED = "Rae wants nobody else to see the chats zqx"


def ideas_box(ui) -> IdeasInput | None:
    boxes = [w for w in ui._widgets() if isinstance(w, IdeasInput)]
    assert len(boxes) <= 1
    return boxes[0] if boxes else None


def nothing_kept(ui, tmp_path) -> None:
    """What was typed is on no screen, in no run, and in no file the app wrote."""
    assert not any(TYPED in t for t in ui.texts())
    assert TYPED not in repr(ui.app.session.run) + repr(ui.app.session.results)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert TYPED.encode() not in path.read_bytes(), path


def test_talk_with_hints_the_grown_up_panel_and_a_box_that_is_not_saved(ui, tmp_path):
    ui.open_activity("test-talk", 1)
    assert ui.sees("Activity 1 of 2") and ui.sees("Why keep it secret?")
    assert ui.sees("Talk about it together") and ui.sees(PROMPT)
    assert ui.sees("Let's keep our chats just between us.")
    assert ui.sees("Things to think about") and not ui.sees("(0 of 3)")
    assert ui.sees("Write your ideas (not saved)")
    assert ui.sees("What you write is never saved")
    assert not ui.sees("Asking for secrecy is a warning sign.")  # behind "For the grown-up"
    ui.snapshot("talk-start")

    ui.tap(SHOW)
    assert ui.sees("If nobody else sees the chats, who could notice if something was wrong?")
    assert ui.sees("Things to think about (1 of 3)")
    box = ideas_box(ui)
    box.insert_text(TYPED)
    ui.tap(SHOW)
    assert ui.sees("Could it also make Jo feel stuck?")
    assert ideas_box(ui).text == TYPED  # still there while the class talks
    ui.tap(SHOW)
    assert ui.sees("Things to think about (3 of 3)")
    assert ui.sees("Would a real friend mind")
    assert not any(b.text == SHOW for b in ui._widgets() if hasattr(b, "trigger_action"))

    ui.tap("For the grown-up")
    assert ui.sees("Points you might draw out:")
    assert ui.sees("Asking for secrecy is a warning sign.")
    assert ui.sees("it is never too late to tell")
    ui.snapshot("talk-hints-and-grown-up")
    ui.tap("For the grown-up")
    assert not ui.sees("Asking for secrecy is a warning sign.")

    ui.tap("We talked about it")
    assert ui.sees("Activity done!") and ui.sees("3 stars for this activity.")
    ui.tap("Next activity")
    assert ui.screen == "activity" and ui.sees("Activity 2 of 2")
    assert ui.app.session.results[0].score == 1.0
    assert box.text == ""
    nothing_kept(ui, tmp_path)

    assert ui.sees("What could Jo do now, and who could help?")
    assert ideas_box(ui) is None and not ui.sees("Write your ideas")  # write_box: false
    ui.snapshot("talk-second")
    ui.tap("We talked about it")
    ui.tap("Finish the lesson")
    assert ui.screen == "finish"
    assert ui.sees("it is never your fault")
    nothing_kept(ui, tmp_path)


def test_keyboard_only(ui, tmp_path):
    ui.open_activity("test-talk", 1)
    ui.key_choose(SHOW)
    assert ui.sees("Things to think about (1 of 3)")
    ui.key_choose(SHOW, key=32)
    assert ui.sees("Things to think about (2 of 3)")

    # Tab reaches the writing box and focuses it for typing; Tab moves on again.
    for _ in range(10):
        if isinstance(ui.focused, IdeasInput):
            break
        ui.press_key(9)
    box = ui.focused
    assert isinstance(box, IdeasInput) and box.focus
    box.insert_text(TYPED)
    ui.snapshot("talk-keys-typing")
    ui.press_key(9)
    assert ui.focused_text() == "We talked about it"
    assert not box.focus  # keys no longer type into the box

    ui.key_choose("For the grown-up")
    assert ui.sees("Asking for secrecy is a warning sign.")
    ui.key_choose("We talked about it")
    ui.key_choose("Next activity")
    assert ui.sees("Activity 2 of 2")
    ui.key_choose("Show something to think about")
    assert ui.sees("Which trusted adults could Jo talk to")
    ui.key_choose("We talked about it")
    ui.key_choose("Finish the lesson")
    assert ui.screen == "finish"
    assert [r.score for r in ui.app.session.results] == [1.0, 1.0]
    nothing_kept(ui, tmp_path)
