"""Sort: a child drags cards into bins, taps bins instead, or uses only the keyboard."""

from __future__ import annotations

from tests.ui.conftest import KEY_ENTER, KEY_TAB

OK = "Put it in: OK"
UH_OH = "Put it in: Uh-oh: tell a grown-up you trust"
SURPRISE = "Put it in: Surprise: fun, and it ends soon"
PRIVATE = "Put it in: Private: keep it out of games"
TELL = "Put it in: Tell a grown-up you trust"
# Activity 1, in lesson order: the bin each card belongs in.
FIRST_ACTIVITY = [OK, UH_OH, OK, UH_OH, OK, UH_OH, UH_OH]


def sort_view(ui):
    from app.activities.sort.view import SortView

    views = [w for w in ui._widgets() if isinstance(w, SortView)]
    assert len(views) == 1
    return views[0]


def bin_button(ui, text: str):
    from app.activities.sort.view import SortBinButton

    found = [w for w in ui._widgets() if isinstance(w, SortBinButton) and w.text == text]
    assert len(found) == 1, f"no bin {text!r}"
    return found[0]


def window_centre(widget) -> tuple[float, float]:
    return widget.to_window(*widget.center)


def on_screen(ui, widget) -> bool:
    """Visible inside the scrolling area (not under the top or bottom bar)."""
    scroll = ui.app.manager.current_screen.scroll
    sx, sy = scroll.to_window(scroll.x, scroll.y)
    x, y = widget.to_window(widget.x, widget.y)
    return sy <= y and y + widget.height <= sy + scroll.height and sx <= x


def touch(ui, widget) -> None:
    """A finger taps the middle of a widget (no scrolling: it must already be in view)."""
    from kivy.tests.common import UnitTestTouch

    assert on_screen(ui, widget), f"{getattr(widget, 'text', widget)!r} is not in view"
    finger = UnitTestTouch(*window_centre(widget))
    finger.touch_down()
    finger.touch_up()
    ui.pump()


def drag(ui, to: tuple[float, float], check_hover=None) -> None:
    """Put a finger on the card, move it in small steps to `to` (window coordinates), let go."""
    from kivy.tests.common import UnitTestTouch

    face = sort_view(ui).face
    assert face is not None and on_screen(ui, face)
    start = window_centre(face)
    finger = UnitTestTouch(*start)
    finger.touch_down()
    ui.pump(1)
    steps = 6
    for step in range(1, steps + 1):
        finger.touch_move(
            start[0] + (to[0] - start[0]) * step / steps,
            start[1] + (to[1] - start[1]) * step / steps,
        )
        ui.pump(1)
    if check_hover is not None:
        check_hover()
    finger.touch_up()
    ui.pump()


def drag_to_bin(ui, text: str) -> None:
    target = bin_button(ui, text)
    assert on_screen(ui, target), "the bins must be in view together with the card"

    def lit() -> None:
        assert target.hovered, "the bin under the card lights up"
        others = [b for b in sort_view(ui).bins if b is not target]
        assert not any(b.hovered for b in others)

    drag(ui, window_centre(target), check_hover=lit)


def past_activity_done(ui, button: str) -> None:
    """After the activity's own Next: the screen's "Activity done!" stars, then move on."""
    assert ui.sees("Activity done!")
    ui.tap(button)


def test_drag_tap_and_summary(ui):
    ui.open_activity("test-sort", 1)
    view = sort_view(ui)
    assert ui.sees("Help Mia sort these. Is each one OK, or an uh-oh?")
    assert ui.sees("Card 1 of 7") and ui.sees("let's plan a surprise party for Grandma!")
    assert ui.sees("Drag the card into a box, or tap a box.")
    ui.snapshot("sort-phone-card")

    # A real drag: finger down on the card, move onto the OK bin, let go.
    scroll = ui.app.manager.current_screen.scroll
    drag_to_bin(ui, OK)
    assert scroll.scroll_y == 1, "dragging the card must not scroll the page"
    assert view.run.placements[-1].correct
    assert ui.sees("Yes! It goes in \u201cOK\u201d.")
    assert ui.sees("A surprise is fun. It ends soon, at the party.")
    ui.snapshot("sort-phone-right")
    ui.tap("Next card")

    # Let go away from every bin: the card goes back and nothing is sorted.
    assert ui.sees("Card 2 of 7")
    hint = view.hint
    drag(ui, window_centre(hint))
    assert len(view.run.placements) == 1 and ui.sees("Card 2 of 7")
    assert not any(b.hovered for b in view.bins)
    ui.pump(30)  # the slide back is short; afterwards the card is whole again
    assert view.face.opacity == 1 and view._ghost is None

    # Tap to choose: tap the card (the hint changes), then tap a bin. This one is wrong.
    touch(ui, view.face)
    assert ui.sees("Now tap the box where it goes.")
    assert all(b.ready for b in view.bins), "the bins light up, waiting for a tap"
    touch(ui, bin_button(ui, OK))
    assert ui.sees("Let's look again")
    assert ui.sees("The game is fun, so this is easy to miss.")
    assert ui.sees("This one goes in \u201cUh-oh: tell a grown-up you trust\u201d.")
    assert ui.sees("Asking for a secret is an uh-oh.")
    assert not view.run.placements[-1].correct
    ui.snapshot("sort-phone-wrong")
    ui.tap("Next card")

    # The rest: tapping a bin straight away works too, and so does dragging.
    for number, target in enumerate(FIRST_ACTIVITY[2:], start=3):
        assert ui.sees(f"Card {number} of 7")
        if number % 2:
            touch(ui, bin_button(ui, target))
        else:
            drag_to_bin(ui, target)
        assert ui.sees("Yes! It goes in"), number
        ui.tap("See how I did" if number == 7 else "Next card")

    assert ui.sees("You sorted 6 of 7 the way a grown-up you trust would.")
    assert ui.sees("Got an uh-oh feeling? Tell a grown-up you trust.")
    assert ui.sees("Where each card goes:")
    assert ui.sees("\u2022 A game friend says: don't tell your mum about me.")
    ui.snapshot("sort-phone-summary")
    assert view.run.finished and abs(view.run.score - 6 / 7) < 1e-9
    ui.tap("Next")
    past_activity_done(ui, "Next activity")

    # Three bins stack on a phone; dragging into the lowest one still works.
    assert ui.screen == "activity" and ui.sees("Activity 2 of 2")
    view = sort_view(ui)
    assert ui.sees("A card Mia made for Mum's birthday.")
    ui.snapshot("sort-phone-three-bins")
    drag_to_bin(ui, SURPRISE)
    assert ui.sees("Yes! It goes in \u201cSurprise: fun, and it ends soon\u201d.")
    ui.tap("Next card")
    drag_to_bin(ui, TELL)  # wrong: the address is private
    assert ui.sees("Addresses are tricky. Her grown-ups can know it.")
    assert ui.sees("This one goes in \u201cPrivate: keep it out of games\u201d.")
    ui.tap("Next card")
    touch(ui, bin_button(ui, TELL))
    ui.tap("Next card")
    touch(ui, bin_button(ui, PRIVATE))
    ui.tap("See how I did")
    assert ui.sees("You sorted 3 of 4 the way a grown-up you trust would.")
    ui.tap("Next")
    past_activity_done(ui, "Finish the lesson")
    assert ui.screen == "finish"


def test_keyboard_only(ui):
    ui.open_activity("test-sort", 2)
    view = sort_view(ui)
    assert ui.sees("Card 1 of 4")
    ui.tab_to(SURPRISE)
    ui.snapshot("sort-phone-keyboard-focus")
    ui.press_key(KEY_ENTER)
    assert ui.sees("Yes! It goes in \u201cSurprise: fun, and it ends soon\u201d.")
    assert ui.sees("It is a fun surprise. Mum sees it soon.")
    ui.key_choose("Next card")
    assert ui.sees("Card 2 of 4")
    ui.key_choose(PRIVATE)
    ui.key_choose("Next card")
    # The focus ring walks the bins in reading order with Tab.
    ui.tab_to(SURPRISE)
    ui.press_key(KEY_TAB)
    assert ui.focused_text() == PRIVATE
    ui.press_key(KEY_TAB)
    assert ui.focused_text() == TELL
    ui.press_key(KEY_ENTER)
    assert ui.sees("Mia will not be in trouble. A scary secret is one to tell.")
    ui.key_choose("Next card")
    ui.key_choose(SURPRISE)  # wrong on purpose: kind feedback, and where it goes
    assert ui.sees("Let's look again") and ui.sees("That one is tricky.")
    assert ui.sees("This one goes in \u201cPrivate: keep it out of games\u201d.")
    ui.key_choose("See how I did")
    assert ui.sees("You sorted 3 of 4 the way a grown-up you trust would.")
    assert view.run.score == 0.75
    ui.key_choose("Next")
    assert ui.sees("Activity done!")
    ui.key_choose("Finish the lesson")
    assert ui.screen == "finish"


def test_read_aloud_names_the_card_and_the_bins(ui):
    ui.open_activity("test-sort", 1)
    spoken = sort_view(ui).narration().splitlines()
    assert spoken == [
        "Help Mia sort these. Is each one OK, or an uh-oh?",
        "Card 1 of 7",
        "Dad says: let's plan a surprise party for Grandma!",
        "Drag the card into a box, or tap a box.",
        OK,
        UH_OH,
    ]


def test_bins_sit_in_a_row_when_there_is_room_and_stack_when_there_is_not(ui):
    from kivy.metrics import dp

    from app.activities.sort.view import BinsArea
    from app.ui import theme

    ui.open_activity("test-sort", 2)
    bins = sort_view(ui).bins
    area = next(w for w in ui._widgets() if isinstance(w, BinsArea))
    # A 360 dp phone: three compact bins side by side, all in view under the card.
    assert area.orientation == "horizontal" and len({round(b.y) for b in bins}) == 1
    assert all(on_screen(ui, b) for b in bins) and on_screen(ui, sort_view(ui).face)
    assert all(b.height >= dp(theme.TOUCH_MIN) and b.width >= dp(48) for b in bins)
    assert not ui.sees("Put it in:")  # compact: the bin names only
    # A whiteboard-wide column: roomy bins with "Put it in:" above each name.
    area.size_hint_x = None
    area.width = dp(1100)
    ui.pump()
    assert area.orientation == "horizontal" and ui.sees("Put it in:")
    # Too narrow for a row: the bins stack, each a full-width button.
    area.width = dp(240)
    ui.pump()
    assert area.orientation == "vertical"
    assert len({round(b.y) for b in bins}) == 3
    assert all(b.height >= dp(theme.TOUCH_MIN) for b in bins)
    assert area.height >= sum(b.height for b in bins)
