"""Picture choices (issue 5): children who cannot read yet choose pictures with labels.

The test lesson tests/ui/lessons/picture-choices.yaml has a quiz whose options are all
pictures and a sort whose cards have pictures.
"""

from __future__ import annotations

import pytest
from kivy.metrics import dp

from tests.ui.conftest import KEY_ENTER, KEY_SPACE
from tests.ui.test_sort import bin_button, drag_to_bin, on_screen, sort_view, touch
from tests.ui.test_touch_targets import assert_big_enough

LESSON = "test-picture-choices"
WHO = ["A grown-up he trusts", "A new game friend", "Nobody"]
UH_OH = ["Keep it secret", "Send a photo", "A surprise party", "Good game!"]
OK_BIN = "Put it in: OK"
UH_OH_BIN = "Put it in: Uh-oh: tell a grown-up you trust"
SIZES = [(360, 640), (1280, 800)]


def choices(ui):
    from app.ui.picture_choice import PictureChoice

    return [w for w in ui._widgets() if isinstance(w, PictureChoice)]


def grid(ui):
    from app.ui.picture_choice import PictureChoiceGrid

    found = [w for w in ui._widgets() if isinstance(w, PictureChoiceGrid)]
    assert len(found) == 1
    return found[0]


def resize(ui, size: tuple[int, int]) -> None:
    from kivy.core.window import Window

    Window.size = size
    ui.pump(5)


def rows_of(widgets) -> list[list]:
    """Widgets grouped by their top edge, top row first, each row left to right."""
    rows: dict[int, list] = {}
    for widget in widgets:
        rows.setdefault(round(widget.top), []).append(widget)
    return [sorted(rows[top], key=lambda w: w.x) for top in sorted(rows, reverse=True)]


def whole_words_per_line(choice) -> bool:
    """The label wrapped between words, never inside one (no "Nob / ody")."""
    words = choice.text.split()
    lines = [
        "".join(word.text for word in line.words).strip()
        for line in choice._label._cached_lines
        if line.words
    ]
    return " ".join(lines).split() == words and all(
        set(line.split()) <= set(words) for line in lines
    )


def assert_laid_out_well(ui, where: str) -> None:
    """Every picture choice: big enough, picture above a label that is not clipped, and
    no card overlapping another."""
    found = choices(ui)
    assert found, where
    for choice in found:
        label = f"{where}: {choice.text!r}"
        assert choice.width >= dp(48) and choice.height >= dp(48), label
        art = choice.art
        assert art is not None and art.height > dp(40), label
        # The label's text is drawn whole inside the card, under the picture.
        tex_w, tex_h = choice.texture_size
        assert tex_w <= choice.width and tex_h <= choice.height, label
        text_top = choice.center_y + tex_h / 2 - choice.padding[1]
        text_bottom = choice.center_y - tex_h / 2 + choice.padding[3]
        assert text_top - text_bottom >= choice.font_size * 0.9, label
        assert art.y >= text_top - 1, f"{label}: the picture overlaps the label"
        assert art.top <= choice.top and art.x >= choice.x and art.right <= choice.right, label
        assert text_bottom >= choice.y, label
        assert whole_words_per_line(choice), label
    for i, one in enumerate(found):
        for other in found[i + 1 :]:
            apart = (
                one.right <= other.x
                or other.right <= one.x
                or one.top <= other.y
                or other.top <= one.y
            )
            assert apart, f"{where}: {one.text!r} overlaps {other.text!r}"


# --- the quiz ------------------------------------------------------------------------


def test_picture_options_are_a_grid_chosen_by_touch(ui):
    ui.open_activity(LESSON, 1)
    found = choices(ui)
    assert [c.text for c in found] == WHO
    assert all(c.art is not None and c.art.picture is not None for c in found)
    # A phone: two cards in a row, the third centred under them.
    rows = rows_of(found)
    assert [[c.text for c in row] for row in rows] == [WHO[:2], WHO[2:]]
    assert abs(rows[1][0].center_x - grid(ui).center_x) < 1
    assert rows[0][0].height == rows[0][1].height, "cards in a row are equally tall"
    assert_laid_out_well(ui, "phone, question 1")
    ui.snapshot("picture-choices-phone-question")

    ui.tap("A grown-up he trusts")
    assert ui.sees("That's right!")
    assert ui.sees("Yes! A grown-up he trusts can help.")
    assert ui.sees("A grown-up he trusts  (Right answer)")
    # Each explanation shows its option's picture, small, beside the words.
    from app.ui.picture_choice import ChoiceArt

    thumbnails = [w for w in ui._widgets() if isinstance(w, ChoiceArt)]
    assert len(thumbnails) == 3 and all(t.height >= dp(40) for t in thumbnails)
    ui.snapshot("picture-choices-phone-answer")
    ui.tap("Next question")

    # Multiple choice: a tap marks a card chosen (thick border, tick), a second unmarks it.
    assert ui.sees("Choose all the answers that are right.")
    assert [c.text for c in choices(ui)] == UH_OH
    ui.tap("Keep it secret")
    ui.tap("Good game!")
    chosen = {c.text for c in choices(ui) if c.selected}
    assert chosen == {"Keep it secret", "Good game!"}
    marked = next(c for c in choices(ui) if c.text == "Keep it secret")
    assert marked.border_width > 2 and len(marked._tick.children) > 0, "not colour alone"
    plain = next(c for c in choices(ui) if c.text == "Send a photo")
    assert plain.border_width < 2 and len(plain._tick.children) == 0
    ui.snapshot("picture-choices-phone-multiple")
    ui.tap("Good game!")
    ui.tap("Send a photo")
    ui.tap("Check my answer")
    assert ui.sees("That's right!")
    ui.tap("Next question")

    # True/false has no pictures: the ordinary buttons.
    assert choices(ui) == [] and ui.sees("True") and ui.sees("False")
    ui.tap("True")
    ui.tap("See my score")
    assert ui.sees("You got 3 of 3 right.")


def test_picture_options_by_keys_only(ui):
    ui.open_activity(LESSON, 1)
    ui.tab_to("A new game friend")
    ui.snapshot("picture-choices-phone-keyboard-focus")
    ui.press_key(KEY_ENTER)
    assert ui.sees("Not quite. Here's why:")
    assert ui.sees("A new game friend  (Your choice)")
    ui.key_choose("Next question")
    # Space marks, focus stays on the same card after the page is rebuilt.
    ui.key_choose("Send a photo", KEY_SPACE)
    ui.pump()
    assert ui.focused_text() == "Send a photo"
    ui.key_choose("Keep it secret", KEY_SPACE)
    assert {c.text for c in choices(ui) if c.selected} == {"Send a photo", "Keep it secret"}
    ui.key_choose("Check my answer")
    assert ui.sees("That's right!")
    view = next(w for w in ui._widgets() if type(w).__name__ == "QuizView")
    assert [a.correct for a in view.run.answers] == [False, True]


def test_read_aloud_reads_the_labels(ui):
    ui.open_activity(LESSON, 1)
    spoken = ui.app.manager.current_screen.narration()
    assert "Leo has an uh-oh feeling. Who can he tell?" in spoken
    for label in WHO:
        assert label in spoken


@pytest.mark.parametrize("size", SIZES)
def test_every_picture_choice_is_big_enough_and_its_label_fits(ui, size):
    resize(ui, size)
    ui.open_activity(LESSON, 1)
    assert_big_enough(ui, f"{size} question 1")
    assert_laid_out_well(ui, f"{size} question 1")
    ui.tap("Nobody")
    ui.tap("Next question")
    assert_big_enough(ui, f"{size} question 2")
    assert_laid_out_well(ui, f"{size} question 2")
    columns = grid(ui).columns
    found = choices(ui)
    if size[0] >= 1000:
        # Wide: four cards side by side, each still card-shaped.
        assert columns == 4 and len(rows_of(found)) == 1
    else:
        assert columns == 2 and len(rows_of(found)) == 2


def test_larger_text_still_fits(ui):
    ui.app.set_text_size("larger")
    ui.open_activity(LESSON, 1)
    ui.tap("Nobody")
    ui.tap("Next question")
    assert_laid_out_well(ui, "larger text")


def test_options_without_pictures_are_the_ordinary_buttons(ui):
    from app.ui.widgets import AppButton

    ui.open_activity("every-activity-type", 5)
    assert ui.sees("Choose one answer.")
    assert choices(ui) == []
    options = [w for w in ui._widgets() if isinstance(w, AppButton) and w.style == "choice"]
    assert options and all(type(w) is AppButton for w in options)


def test_a_picture_choice_without_a_picture_is_a_plain_choice_button(ui):
    from app.ui.picture_choice import PictureChoice
    from app.ui.widgets import AppButton

    pressed = []
    plain = AppButton(text="OK", style="choice")
    choice = PictureChoice(None, "OK", on_press=lambda: pressed.append(1))
    for button in (plain, choice):
        button.width = dp(200)
        button.texture_update()
    ui.pump()
    assert choice.art is None and choice.height == plain.height
    assert list(choice.padding) == [0, 0, 0, 0] and choice.style == "choice"


# --- the sort ------------------------------------------------------------------------


def test_sort_cards_show_their_picture_above_the_text(ui):
    from app.ui.picture_choice import ChoiceArt

    ui.open_activity(LESSON, 2)
    view = sort_view(ui)
    face = view.face
    arts = [w for w in face.walk(restrict=True) if isinstance(w, ChoiceArt)]
    assert len(arts) == 1 and arts[0].picture == view.run.card.picture
    text = next(w for w in face.children if getattr(w, "text", "") == view.run.card.text.source)
    assert arts[0].y >= text.top - 1, "the picture is above the card's words"
    # The card and the bins fit on a phone together.
    assert on_screen(ui, face)
    assert on_screen(ui, bin_button(ui, OK_BIN)) and on_screen(ui, bin_button(ui, UH_OH_BIN))
    ui.snapshot("picture-choices-phone-sort")
    assert "Gran gives Leo a birthday gift." in view.narration()

    # While it is dragged, the card keeps its picture.
    from kivy.tests.common import UnitTestTouch

    start = face.to_window(*face.center)
    finger = UnitTestTouch(*start)
    finger.touch_down()
    ui.pump(1)
    finger.touch_move(start[0], start[1] - dp(40))
    ui.pump(1)
    ghost = view._ghost
    assert ghost is not None
    assert any(isinstance(w, ChoiceArt) for w in ghost.walk(restrict=True))
    ui.snapshot("picture-choices-phone-sort-dragging")
    finger.touch_up()
    ui.pump(30)

    drag_to_bin(ui, OK_BIN)
    assert ui.sees("Yes! It goes in \u201cOK\u201d.")
    ui.tap("Next card")
    touch(ui, bin_button(ui, UH_OH_BIN))
    ui.tap("Next card")
    ui.key_choose(OK_BIN)
    ui.key_choose("Next card")
    assert on_screen(ui, sort_view(ui).face)
    ui.snapshot("picture-choices-phone-sort-props")
    touch(ui, bin_button(ui, UH_OH_BIN))
    ui.tap("See how I did")
    assert ui.sees("You sorted 4 of 4 the way a grown-up you trust would.")


def test_sort_on_a_wide_screen(ui):
    resize(ui, (1280, 800))
    ui.open_activity(LESSON, 2)
    view = sort_view(ui)
    assert on_screen(ui, view.face) and on_screen(ui, bin_button(ui, OK_BIN))


def test_grid_columns_and_right_to_left_rows(ui, monkeypatch):
    from app.ui import picture_choice
    from app.ui.picture_choice import grid_columns

    # 2 per row on a phone, up to 4 on a wide screen, evened out over the rows.
    assert [grid_columns(n, dp(328), dp(150), dp(12)) for n in (2, 3, 4, 5, 6)] == [2] * 5
    assert [grid_columns(n, dp(850), dp(150), dp(12)) for n in (2, 3, 4, 5, 6)] == [2, 3, 4, 3, 3]

    ui.open_activity(LESSON, 1)
    layout = grid(ui)
    left_to_right = [c.text for c in rows_of(choices(ui))[0]]
    assert left_to_right == WHO[:2]

    class Arabic:
        is_rtl = True

    monkeypatch.setattr(picture_choice, "current", lambda: Arabic())
    layout.do_layout()
    assert [c.text for c in rows_of(choices(ui))[0]] == list(reversed(WHO[:2]))
