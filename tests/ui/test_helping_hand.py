"""A child builds their helping hand with touches, then again with the keyboard only."""

from __future__ import annotations

import json
import time

from tests.ui.conftest import KEY_ENTER, KEY_TAB

LESSON = "test-helping-hand"


def nickname_field(ui):
    from app.activities.helping_hand.view import NicknameInput

    found = [w for w in ui._widgets() if isinstance(w, NicknameInput)]
    assert len(found) == 1, f"{len(found)} nickname fields on screen"
    return found[0]


def touch(ui, widget) -> None:
    from kivy.tests.common import UnitTestTouch

    ui.app.manager.current_screen.scroll.scroll_to(widget, padding=10, animate=False)
    ui.pump()
    touch = UnitTestTouch(*widget.to_window(*widget.center))
    touch.touch_down()
    touch.touch_up()
    ui.pump()


def hand_drawing(ui):
    from app.activities.helping_hand.view import HandDrawing

    return next(w for w in ui._widgets() if isinstance(w, HandDrawing))


def test_child_fills_the_hand_with_touches_and_sees_it_again_later(ui):
    ui.open_activity(LESSON, 1)
    assert ui.sees("Choose a grown-up you trust for each finger.")
    assert ui.sees("Finger 1 of 5") and ui.sees("Who goes on your thumb?")
    assert list(hand_drawing(ui).filled) == [False] * 5 and hand_drawing(ui).current == 0
    spoken = ui.app.manager.current_screen.narration()  # what "read aloud" says
    assert "Who goes on your thumb?" in spoken and "School nurse" in spoken
    ui.snapshot("helping_hand-thumb")

    ui.tap("Grandparent")
    assert ui.sees("Great choice!") and ui.sees("Thumb: Grandparent")
    assert ui.sees("Nickname (optional, stays on this device)")
    assert hand_drawing(ui).filled[0]
    field = nickname_field(ui)
    assert field.text == "" and not field.multiline
    touch(ui, field)
    assert field.focus
    field.insert_text("Nana Joy")
    ui.pump()
    assert ui.app.session.run.people[0].nickname == "Nana Joy"
    ui.snapshot("helping_hand-nickname")

    # Changing your mind: choose someone else, then the same role again.
    ui.tap("Choose someone else")
    assert ui.sees("Who goes on your thumb?") and ui.button("Grandparent").selected
    ui.tap("Grandparent")
    assert nickname_field(ui).text == "Nana Joy"
    ui.tap("Next finger")

    assert ui.sees("Finger 2 of 5") and ui.sees("Who goes on your pointer finger?")
    assert not ui.sees("Choose a grown-up you trust for each finger.")
    for role, finger in [
        ("Teacher", "Pointer finger"),
        ("Teacher", "Middle finger"),  # two teachers are fine
        ("Coach", "Ring finger"),
    ]:
        ui.tap(role)
        assert ui.sees(f"{finger}: {role}")
        ui.tap("Next finger")
    assert ui.sees("Who goes on your little finger?")
    assert not ui.sees("Leave this finger empty")  # this lesson needs all five
    ui.tap("School nurse")
    ui.snapshot("helping_hand-last-finger")
    ui.tap("See my hand")

    assert ui.sees("Here is your helping hand!")
    for line in [
        "Thumb: Grandparent",
        "Nana Joy",
        "Pointer finger: Teacher",
        "Middle finger: Teacher",
        "Ring finger: Coach",
        "Little finger: School nurse",
        "You have 5 grown-ups you can tell.",
        "If one grown-up doesn't listen, tell the next finger.",
    ]:
        assert ui.sees(line), line
    assert list(hand_drawing(ui).filled) == [True] * 5
    assert ui.app.session.run.finished and ui.app.session.run.score == 1.0
    ui.snapshot("helping_hand-closing")

    # Only the hand is kept on this device: role ids and nicknames.
    saved = json.loads(ui.app.store.profile_setting("helping_hand", ""))
    assert saved["fingers"][0] == {"role": "grandparent", "nickname": "Nana Joy"}
    assert [f["role"] for f in saved["fingers"]] == [
        "grandparent",
        "teacher",
        "teacher",
        "coach",
        "school-nurse",
    ]

    # A returning child sees their hand again, and can change it.
    ui.open_activity(LESSON, 1)
    assert ui.sees("Welcome back! Here is your helping hand.")
    assert ui.sees("Nana Joy") and ui.sees("Little finger: School nurse")
    ui.snapshot("helping_hand-welcome-back")
    ui.tap("Change my hand")
    assert ui.sees("Who goes on your thumb?") and ui.button("Grandparent").selected
    ui.tap("Grandparent")
    assert nickname_field(ui).text == "Nana Joy"
    for role in ["Teacher", "Teacher", "Coach", "School nurse"]:
        ui.tap("Next finger")
        assert ui_selected(ui, role)  # each finger shows who is on it
        ui.tap(role)
    ui.tap("See my hand")
    assert ui.sees("Here is your helping hand!")
    ui.tap("Next")
    assert ui.sees("Activity done!")
    ui.tap("Finish the lesson")
    assert ui.screen == "finish"
    assert ui.sees("It is never your fault.")


def ui_selected(ui, text: str) -> bool:
    from app.ui.widgets import AppButton

    return any(isinstance(w, AppButton) and w.text == text and w.selected for w in ui._widgets())


def test_start_a_new_hand_forgets_the_old_one(ui):
    ui.app.store.set_profile_setting(
        "helping_hand",
        json.dumps(
            {"version": 1, "fingers": [{"role": "parent", "nickname": "Dad"}] * 5},
        ),
    )
    ui.open_activity(LESSON, 1)
    assert ui.sees("Welcome back! Here is your helping hand.") and ui.sees("Dad")
    ui.tap("Start a new hand")
    assert ui.sees("Who goes on your thumb?") and not ui_selected(ui, "Parent")
    assert ui.app.store.profile_setting("helping_hand", "unset") == ""


def test_nickname_is_one_short_line(ui):
    ui.open_activity(LESSON, 1)
    ui.tap("Aunt or uncle")
    field = nickname_field(ui)
    touch(ui, field)
    field.insert_text("Auntie Priya who lives next door")
    ui.pump()
    assert len(field.text) == 24
    assert ui.app.session.run.person.nickname == "Auntie Priya who lives n"


def type_text(ui, text: str) -> None:
    """Type like a keyboard: the window's text input event, as SDL sends it."""
    ui.loop.window.dispatch("on_textinput", text)
    ui.pump()


def test_keyboard_only(ui):
    from app.activities.helping_hand.view import NicknameInput

    ui.open_activity(LESSON, 1)
    ui.key_choose("Carer")
    assert ui.sees("Thumb: Carer")
    # Focus lands in the nickname field, ready for typing.
    ui.pump()
    assert isinstance(ui.focused, NicknameInput) and ui.focused.focus
    type_text(ui, "Ms Ade")
    assert nickname_field(ui).text == "Ms Ade"
    ui.press_key(KEY_TAB)  # Tab leaves the field
    assert ui.focused_text() == "Next finger" and not nickname_field(ui).focus
    ui.press_key(KEY_ENTER)
    assert ui.sees("Who goes on your pointer finger?")

    # Tab back to a nickname field and press Enter to start typing there.
    ui.key_choose("Teacher")
    ui.press_key(KEY_TAB)
    assert ui.focused_text() == "Next finger"
    ui.press_key(KEY_TAB, ["shift"])
    assert isinstance(ui.focused, NicknameInput) and ui.focused.focus
    ui.press_key(KEY_ENTER)  # Enter while typing ends typing; the focus ring stays
    assert isinstance(ui.focused, NicknameInput) and not ui.focused.focus
    time.sleep(0.2)  # a person's next key press comes later than the same frame
    ui.press_key(KEY_ENTER)  # Enter on the ring starts typing again
    assert nickname_field(ui).focus
    type_text(ui, "Mr Li")
    ui.key_choose("Next finger")

    for role in ["Neighbour", "Childminder", "Faith leader"]:
        ui.key_choose(role)
        ui.key_choose("See my hand" if role == "Faith leader" else "Next finger")
    assert ui.sees("Here is your helping hand!")
    assert ui.sees("Thumb: Carer") and ui.sees("Ms Ade") and ui.sees("Mr Li")
    assert ui.sees("Little finger: Faith leader")
    ui.snapshot("helping_hand-keys-closing")
    ui.key_choose("Next")
    assert ui.sees("Activity done!")
    ui.key_choose("Finish the lesson")
    assert ui.screen == "finish"
