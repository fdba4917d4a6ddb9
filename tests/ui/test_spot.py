"""A child spots the warning signs in a game chat and on a profile, by touch and by keys."""

from __future__ import annotations

from tests.ui.conftest import KEY_ENTER, KEY_SPACE

SECRET = "But keep this our secret, OK? Don't tell your mum."
ROOM = "Which room is your tablet in? Is anyone else there with you?"
GOOD_GAME = "Good game! That last race was so close."
LEVEL = "What level are you on?"


def toggle(ui, text: str):
    """The flaggable message or profile line showing `text`."""
    from app.activities.spot.view import SpotToggle

    found = [
        w
        for w in ui.app.manager.current_screen.walk(restrict=True)
        if isinstance(w, SpotToggle) and w.text == text
    ]
    assert len(found) == 1, f"{len(found)} flaggable items say {text!r}"
    return found[0]


def tap_item(ui, text: str) -> None:
    """Scroll the item into view and touch its middle, as a finger would."""
    ui.touch_widget(toggle(ui, text))


def flagged(ui, text: str) -> bool:
    widget = toggle(ui, text)
    return widget.badge.mark == "picked" and widget.bubble.border_width == 3


def test_child_flags_signs_by_touch_and_reads_why(ui):
    ui.open_activity("test-spot", 1)
    assert ui.screen == "activity" and ui.sees("Activity 1 of 2")
    assert ui.sees("Tap every message that is a warning sign")
    assert ui.sees("Mia is chatting with GamerGirl_11")
    assert ui.sees(GOOD_GAME) and ui.sees("Thanks! You were fast too.")
    ui.snapshot("spot-chat-start")

    tap_item(ui, SECRET)
    tap_item(ui, ROOM)
    tap_item(ui, GOOD_GAME)
    assert flagged(ui, SECRET) and flagged(ui, ROOM) and flagged(ui, GOOD_GAME)
    tap_item(ui, LEVEL)
    tap_item(ui, LEVEL)  # a second tap takes the flag off again
    assert not flagged(ui, LEVEL)
    run = ui.app.session.run
    assert run.selected == {"keep-secret", "which-room", "good-game"} and not run.finished
    ui.snapshot("spot-chat-flagged")

    ui.tap("Check")
    assert ui.sees("You found 2 of 5 warning signs.")
    assert ui.sees("You also flagged 1 message that is OK. See why below.")
    assert not ui.sees("Good looking")
    # Each sign found, each sign missed and the OK message picked gets its explanation.
    assert ui.sees("A warning sign, and you spotted it!")
    assert ui.sees("Asking Mia to keep a secret from her family is a big warning sign.")
    assert ui.sees("This is a warning sign too.")
    assert ui.sees("Free gifts, like game gems, can be used")
    assert ui.sees("Good to be careful! This one is OK.")
    assert ui.sees('Players say "good game" to each other all the time.')
    assert not ui.sees("Asking about the game is a normal thing")  # not picked: nothing to say
    assert ui.sees("Mia can stop chatting, take a screenshot, block and report the account")
    assert run.finished and run.score == (2 - 1) / 5
    ui.snapshot("spot-chat-checked")
    narration = ui.app.manager.current_screen.view.narration()
    assert narration.startswith("You found 2 of 5 warning signs.")
    assert f"GamerGirl_11 says: {SECRET}" in narration
    assert "Mia says: Thanks! You were fast too." in narration

    ui.tap("Next")
    assert ui.sees("Activity done!") and ui.sees("1 star for this activity.")
    ui.tap("Next activity")
    assert ui.sees("Activity 2 of 2") and ui.sees("Jade_Star12")
    assert ui.sees("About") and ui.sees("Posts")
    ui.snapshot("spot-profile-start")
    for sign in (
        "Modelling scout. I find new faces for a top agency!",
        "Want to be a model? Message me your photos. Ages 9 to 14 only!",
        "Giving free gift cards to my 10 favourite followers. Message me to win, "
        "but don't tell anyone!",
    ):
        tap_item(ui, sign)
    ui.snapshot("spot-profile-flagged")
    ui.tap("Check")
    assert ui.sees("You found 3 of 3 warning signs.")
    assert ui.sees("Great detective work! Read why each one is a warning sign.")
    assert ui.sees("A 12-year-old can't be a modelling scout.")
    assert not ui.sees("This one is OK")
    ui.snapshot("spot-profile-checked")
    ui.tap("Next")
    assert ui.sees("Activity done!") and ui.sees("3 stars for this activity.")
    ui.tap("Finish the lesson")
    assert ui.screen == "finish"
    ui.snapshot("spot-finish")


def test_child_flags_signs_with_keys_only(ui):
    ui.open_activity("test-spot", 1)
    ui.tab_to(SECRET)
    ui.press_key(KEY_SPACE)
    assert flagged(ui, SECRET)
    ui.key_choose(ROOM)  # Enter flags too
    assert flagged(ui, ROOM)
    ui.press_key(KEY_SPACE)  # and pressing again takes the flag off
    assert not flagged(ui, ROOM)
    ui.press_key(KEY_ENTER)
    assert flagged(ui, ROOM)
    assert ui.focused_text() == ROOM  # toggling keeps the focus where it was
    ui.snapshot("spot-keys-flagged")

    ui.key_choose("Check")
    assert ui.sees("You found 2 of 5 warning signs.")
    assert not ui.sees("You also flagged")
    assert ui.sees("Well done for looking carefully!")
    # After checking, the items are no longer controls: Tab goes to Next, not to a message.
    ui.key_choose("Next")
    ui.key_choose("Next activity")
    assert ui.sees("Activity 2 of 2")

    ui.key_choose("Jade, 12")
    ui.key_choose("Check")
    assert ui.sees("You found 0 of 3 warning signs.")
    assert ui.sees("Good try! Read about each warning sign below")
    assert ui.sees("You also flagged 1 part that is OK. See why below.")
    assert ui.sees("A name and an age on their own are not a warning sign.")
    assert ui.app.session.run.score == 0.0  # never below zero, and never a fail screen
    ui.key_choose("Next")
    ui.key_choose("Finish the lesson")
    assert ui.screen == "finish"
