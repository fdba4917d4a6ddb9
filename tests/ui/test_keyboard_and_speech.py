"""Keys only, and read aloud: the app works without a mouse and speaks when asked."""

from __future__ import annotations

from app.i18n import tr
from tests.ui.conftest import KEY_DOWN, KEY_ENTER, KEY_SPACE, KEY_TAB, KEY_UP
from tests.ui.test_lesson_walkthrough import QUIZ_ANSWERS


def ring_is_drawn_on(ui, widget) -> bool:
    ring = ui.app.focus._ring
    return ring is not None and ui.focused is widget and ring in widget.canvas.after.children


def safe_reply(ui) -> str:
    return tr(next(c for c in ui.app.session.run.available_choices() if c.safe).text)


def test_tab_moves_a_visible_ring_and_enter_presses(ui):
    assert ui.focused is None
    ui.press_key(KEY_TAB)
    first = ui.focused
    assert first.text == "I'm a child", "the first Tab starts in the content"
    assert ring_is_drawn_on(ui, first)
    ui.press_key(KEY_TAB)
    assert ring_is_drawn_on(ui, ui.focused) and not ring_is_drawn_on(ui, first)
    ui.press_key(KEY_TAB, ["shift"])
    assert ui.focused is first
    ui.press_key(KEY_ENTER)
    assert ui.screen == "new-learner"


def test_arrows_move_both_ways_and_shift_tab_goes_back(ui):
    ui.tab_to("I'm a child")
    ui.press_key(KEY_DOWN)
    assert ui.focused_text() == "I need help now"
    ui.press_key(KEY_UP)
    assert ui.focused_text() == "I'm a child"
    ui.press_key(KEY_TAB, ["shift"])
    assert ui.focused_text() != "I'm a child"


def test_the_whole_first_lesson_with_keys_only(ui):
    ui.key_choose("I'm a child")
    ui.key_choose("Picture 4", KEY_SPACE)
    ui.key_choose("Start")
    assert ui.app.store.profiles()[0].avatar == "a4"
    ui.key_choose("Ages 8\u201310")
    ui.tab_to("Open lesson")
    ui.press_key(KEY_SPACE)
    ui.key_choose("Let's start")
    assert ui.screen == "activity"
    ui.key_choose(safe_reply(ui))
    assert ui.sees("A safe reply!")
    # After the content changes, focus lands in the new content, not on Back.
    assert ui.focused_text() == "Keep going"
    ui.press_key(KEY_ENTER)
    while not ui.sees("Activity done!"):
        if ui.sees("A safe reply!"):
            ui.key_choose("Keep going")
        elif ui.sees("Safe replies:"):
            ui.key_choose("Next")
        else:
            ui.key_choose(safe_reply(ui))
    ui.key_choose("Next activity")
    assert ui.sees("Question 1 of 6")
    # The quiz by keys: a wrong single answer, then a multiple-choice set with Space.
    ui.key_choose("Sky is 11.")
    assert ui.sees("Not quite. Here's why:") and ui.sees("Right! People online can pretend.")
    ui.key_choose("Next question")
    for answer in QUIZ_ANSWERS[1]:
        ui.key_choose(answer, KEY_SPACE)
    ui.key_choose("Check my answer")
    assert ui.sees("That's right!")
    ui.press_key(27)
    assert ui.screen == "intro", "Escape goes back"


def test_speaker_reads_the_screen_in_the_current_language(ui):
    ui.tap_speaker()
    text, language = ui.app._speech.spoken[-1]
    assert "Learn how to stay safe online" in text and language == "en"


def test_read_aloud_is_automatic_for_ages_5_to_7_only(ui):
    from app.ui.app import YOUNGEST_BAND

    spoken = ui.app._speech.spoken
    ui.tap("I'm a child")
    assert spoken == [], "nothing is read unasked for older children by default"
    ui.app.band = YOUNGEST_BAND
    ui.app.show("bands")
    ui.pump()
    assert spoken and "How old are you?" in spoken[-1][0]


def test_settings_turn_read_aloud_on_for_everyone_and_motion_off(ui):
    ui.tap("Settings")
    ui.tap("Always read everything aloud")
    assert ui.app.read_aloud_mode == "always"
    ui.tap("Keep everything still")
    assert ui.app.store.setting("reduce_motion", "") == "yes"
    ui.tap("Back")
    ui.tap("I'm a child")
    assert "Choose your picture" in ui.app._speech.spoken[-1][0]


def test_without_a_speech_engine_there_is_no_speaker_button(ui):
    from app.ui.widgets import SpeakerButton

    assert any(isinstance(w, SpeakerButton) for w in ui._widgets())
    ui.app._speech = None
    ui.tap("I'm a child")
    assert not any(isinstance(w, SpeakerButton) for w in ui._widgets())


def test_new_messages_arrive_after_typing_dots_unless_motion_is_reduced(ui):
    import time

    ui.app.still_frames = False
    ui.app.choose_lesson("new-online-friend")
    ui.app.show("intro")
    ui.pump()
    ui.tap("Let's start")
    ui.tap(safe_reply(ui))
    ui.tap("Keep going")
    assert ui.sees("Sky_Builder is typing\u2026") and not ui.sees("What should Leo reply?")
    deadline = time.monotonic() + 5
    while ui.sees("is typing") and time.monotonic() < deadline:
        time.sleep(0.05)
        ui.pump(1)
    assert ui.sees("What should Leo reply?"), "the messages and replies arrive"

    ui.app.set_reduce_motion(True)
    ui.tap(safe_reply(ui))
    ui.tap("Keep going")
    assert not ui.sees("is typing") and ui.sees("What should Leo reply?")


def test_stars_fill_gently_then_stay(ui):
    import time

    from app.ui.widgets import StarRow

    ui.app.still_frames = False
    ui.open_activity("every-activity-type", 5)  # the quiz
    from app.activities import ACTIVITY_TYPES

    ACTIVITY_TYPES["quiz"].finish_well(ui.app.session.run)
    ui.app.manager.current_screen._done()
    ui.pump()
    stars = next(w for w in ui._widgets() if isinstance(w, StarRow))
    assert ui.sees("Activity done!") and ui.sees("Quick check")
    assert stars.earned < 3, "the stars are still filling"
    deadline = time.monotonic() + 5
    while stars.earned < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
        ui.pump(1)
    assert stars.earned == 3


def test_enter_in_a_text_field_stops_typing_and_a_later_enter_starts_again(ui):
    import time

    from kivy.metrics import dp
    from kivy.uix.textinput import TextInput

    class Field(TextInput):
        keyboard_focusable = True

    field = Field(multiline=False, size_hint_y=None, height=dp(56))
    ui.app.manager.current_screen.column.add_widget(field)
    ui.pump()
    for _ in range(10):
        if ui.focused is field:
            break
        ui.press_key(KEY_TAB)
    assert ui.focused is field and field.focus, "Tab into a text field starts typing"
    ui.press_key(KEY_ENTER)
    assert not field.focus, "Enter ends typing and does not start it again at once"
    time.sleep(0.2)
    ui.press_key(KEY_ENTER)
    assert field.focus, "a later Enter on the ringed field starts typing again"


def test_back_to_a_screen_not_in_the_history_keeps_a_way_home(ui):
    ui.tap("I'm a child")
    ui.tap("Start")
    ui.app.back_to("lessons")  # never passed through the lessons screen
    assert ui.screen == "lessons" and ui.app.history[0] == "home"
    ui.app.back_to("lessons")  # a second tap on "Back to lessons"
    ui.app.show("lessons")  # and showing it again adds no extra step back
    assert ui.screen == "lessons" and ui.app.history.count("lessons") == 0
    for _ in range(6):
        ui.press_key(27)
    assert ui.screen == "home"
