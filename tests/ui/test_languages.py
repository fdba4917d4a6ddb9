"""Choosing a language in Settings: every visible string changes at once, no restart;
Arabic mirrors the layout."""

from __future__ import annotations

from app.i18n import Translator


def german(message: str) -> str:
    return Translator("de").ui(message)


def test_switching_language_changes_every_visible_string_at_once(ui) -> None:
    ui.tap("Settings")
    english = set(ui.texts())
    assert "Settings" in english
    ui.tap("Deutsch")
    assert ui.screen == "settings"
    now = set(ui.texts())
    assert german("Settings") in now and german("Settings") != "Settings"
    # Nothing English is left, apart from names that are the same in both languages.
    unchanged = {t for t in english & now if german(t) != t}
    assert not unchanged, f"still English after switching: {sorted(unchanged)[:5]}"
    assert ui.app.store.setting("language", "") == "de"
    ui.tap(german("Back"))
    assert ui.screen == "home"
    assert ui.sees(german("I'm a child"))
    assert not ui.sees("I'm a child")


def test_the_choice_is_remembered_for_next_time(ui, tmp_path) -> None:
    from app.ui.app import SafeStepsApp

    ui.app.choose_language("uk")
    assert ui.app.store.setting("language", "") == "uk"
    # A new start with the same data folder (no --lang) comes up in Ukrainian.
    ui.app.store.close()
    again = SafeStepsApp(data_dir=tmp_path, speech=None)
    try:
        assert again.language == "uk"
    finally:
        again.store.close()
        ui.app.use_language("en")


def test_lesson_content_follows_the_language(ui) -> None:
    ui.app.choose_language("de")
    ui.open_activity("my-helping-hand", 1)
    lesson = ui.app.library.lessons["my-helping-hand"]
    title = Translator("de").text(lesson.activities[0].title)
    assert title != lesson.activities[0].title.source
    assert ui.sees(title)


def test_arabic_mirrors_back_and_help_and_aligns_text_right(ui) -> None:
    from kivy.core.window import Window

    from app.ui.widgets import AppButton, WrapLabel

    ui.tap("Settings")
    ui.tap("\u0627\u0644\u0639\u0631\u0628\u064a\u0629")  # "Arabic", in Arabic
    arabic = Translator("ar")
    back = ui.button(arabic.ui("Back"))
    help_button = ui.button(arabic.ui("Help"))
    assert back.center_x > Window.width / 2 > help_button.center_x
    heading = next(
        w
        for w in ui.app.manager.current_screen.walk(restrict=True)
        if isinstance(w, WrapLabel) and w.text == arabic.ui("Settings")
    )
    assert heading._label.options["halign"] == "right"
    # The first choice of a row of buttons sits at the right.
    buttons = [
        w
        for w in ui.app.manager.current_screen.walk(restrict=True)
        if isinstance(w, AppButton) and w.text in ("English", "Deutsch")
    ]
    by_name = {w.text: w for w in buttons}
    assert by_name["English"].x > by_name["Deutsch"].x


def test_arabic_chat_puts_the_childs_own_messages_on_the_left(ui) -> None:
    from kivy.core.window import Window

    from app.ui import theme
    from app.ui.widgets import Bubble

    ui.app.choose_language("ar")
    ui.open_activity("new-online-friend", 1)
    lesson = ui.app.library.lessons["new-online-friend"]
    chat = lesson.activities[0]
    first_choice = chat.states[chat.start_state].choices[0]
    ui.tap(Translator("ar").text(first_choice.text))
    bubbles = [
        w for w in ui.app.manager.current_screen.walk(restrict=True) if isinstance(w, Bubble)
    ]
    mine = [b for b in bubbles if tuple(b.bg) == theme.rgba(theme.PRIMARY)]
    theirs = [b for b in bubbles if tuple(b.bg) == theme.rgba(theme.THEM_BUBBLE)]
    assert mine and theirs
    for bubble in mine:  # flush with the left edge, the space beside it on the right
        assert bubble.x <= bubble.parent.x + 1
        assert bubble.right < bubble.parent.right - Window.width * 0.1
    for bubble in theirs:  # the account's picture at the far right, its bubble beside it
        avatar = next(w for w in bubble.parent.children if type(w).__name__ == "AvatarFace")
        assert avatar.x > bubble.right - 1
        assert bubble.x > min(b.x for b in mine)
    assert {b.tail for b in mine} == {"right"}  # drawn mirrored: its sharp corner on the left


def test_in_arabic_the_left_arrow_moves_on_in_reading_order(ui) -> None:
    from tests.ui.conftest import KEY_TAB

    ui.app.choose_language("ar")
    ui.press_key(KEY_TAB)
    first = ui.focused
    ui.press_key(KEY_TAB)
    second = ui.focused
    ui.press_key(KEY_TAB, ["shift"])
    assert ui.focused is first
    ui.press_key(276)  # Left: forward, as Tab
    assert ui.focused is second
    ui.press_key(275)  # Right: back
    assert ui.focused is first


def test_the_helpline_country_follows_the_computer_then_the_language(ui, monkeypatch) -> None:
    monkeypatch.setenv("LC_MESSAGES", "de_AT.UTF-8")
    ui.app.use_language("de")
    assert ui.app.country == "AT"  # an Austrian computer: Austria's helplines
    monkeypatch.setenv("LC_MESSAGES", "C.UTF-8")
    assert ui.app.country == "DE"  # nothing known about the computer: the language's
    ui.app.use_language("ar")
    assert ui.app.country == "GB"  # Arabic names no country: the default until chosen
    ui.app.set_country("FR")
    assert ui.app.country == "FR"


def test_arabic_mirrors_the_spot_rows_and_the_sort_bins(ui) -> None:
    from app.activities.sort.view import BinsArea
    from app.activities.spot.view import ItemRow

    def badge_on_left() -> list[bool]:
        screen = ui.app.manager.current_screen
        rows = [w for w in screen.walk(restrict=True) if isinstance(w, ItemRow)]
        return [row.badge.x < row.bubble.x for row in rows]

    ui.open_activity("spot-the-red-flags", 1)
    english = badge_on_left()
    ui.app.choose_language("ar")
    ui.open_activity("spot-the-red-flags", 1)
    assert english and badge_on_left() == [not left for left in english]
    ui.open_activity("surprise-or-secret", 2)
    area = next(
        w for w in ui.app.manager.current_screen.walk(restrict=True) if isinstance(w, BinsArea)
    )
    first, second = area.bins
    assert first.x > second.x  # the first bin is read first: on the right
