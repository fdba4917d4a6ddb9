"""Keyboard operation: Tab and the arrow keys move a visible focus ring, Enter/Space press.

Any widget with `keyboard_focusable = True` takes part (AppButton and every activity's
own controls). Pressing is `trigger_action()` for buttons and `focus = True` for text
inputs, so keys and touches run exactly the same code.
"""

from __future__ import annotations

import time

from kivy.clock import Clock
from kivy.graphics import Color, InstructionGroup, Line
from kivy.metrics import dp
from kivy.uix.textinput import TextInput
from kivy.uix.widget import Widget

from app.i18n import current
from app.ui import theme

KEY_TAB, KEY_ENTER, KEY_KEYPAD_ENTER, KEY_SPACE = 9, 13, 271, 32
KEY_UP, KEY_DOWN, KEY_RIGHT, KEY_LEFT = 273, 274, 275, 276
FORWARD_KEYS = (KEY_DOWN, KEY_RIGHT)
BACKWARD_KEYS = (KEY_UP, KEY_LEFT)
PRESS_KEYS = (KEY_ENTER, KEY_KEYPAD_ENTER, KEY_SPACE)
# A text field handles Enter (and stops typing) before the app sees the same key.
STOPPED_TYPING_GRACE = 0.15


class KeyboardFocus:
    """Keeps track of the focused control on the current screen and draws its ring."""

    def __init__(self, screen_of) -> None:
        self._screen_of = screen_of  # () -> the current Screen
        self.widget: Widget | None = None
        self._ring: InstructionGroup | None = None
        self._remembered_text: str | None = None  # to find "the same" control after a rebuild
        self._stopped_typing_at = 0.0

    # --- keys -----------------------------------------------------------------------

    def on_key(self, key: int, modifiers: list[str]) -> bool:
        """Handle a key; True if it was used."""
        typing = isinstance(self.widget, TextInput) and self.widget.focus
        if key == KEY_TAB:
            self.move(-1 if "shift" in modifiers else 1)
            return True
        if typing:
            return False  # arrows, Enter and Space belong to the text field
        if key in FORWARD_KEYS or key in BACKWARD_KEYS:
            forward = key in FORWARD_KEYS
            if key in (KEY_LEFT, KEY_RIGHT) and current().is_rtl:
                forward = not forward  # Arabic reads right to left: Left goes on
            self.move(1 if forward else -1)
            return True
        if key in PRESS_KEYS and self.widget is not None and self._is_live(self.widget):
            if isinstance(self.widget, TextInput) and self._just_stopped_typing():
                return True  # this Enter ended typing; it must not start it again
            self.press(self.widget)
            return True
        return False

    def _just_stopped_typing(self) -> bool:
        return time.monotonic() - self._stopped_typing_at < STOPPED_TYPING_GRACE

    def _typing_changed(self, _field, typing: bool) -> None:
        if not typing:
            self._stopped_typing_at = time.monotonic()

    @staticmethod
    def press(widget: Widget) -> None:
        if isinstance(widget, TextInput):
            widget.focus = True
        else:
            widget.trigger_action(duration=0)

    # --- moving ---------------------------------------------------------------------

    def candidates(self) -> list[Widget]:
        screen = self._screen_of()
        if screen is None:
            return []
        return [w for w in screen.walk(restrict=True) if self._is_live(w)]

    @staticmethod
    def _is_live(widget: Widget) -> bool:
        return (
            getattr(widget, "keyboard_focusable", False)
            and not widget.disabled
            and widget.opacity > 0
            and widget.get_root_window() is not None
        )

    def move(self, step: int) -> None:
        items = self.candidates()
        if not items:
            return
        if self.widget in items:
            index = (items.index(self.widget) + step) % len(items)
        else:
            index = self._first_content_index(items) if step > 0 else len(items) - 1
        self.focus(items[index])

    def _first_content_index(self, items: list[Widget]) -> int:
        # After the content was rebuilt, start in the content, not on the Back button.
        column = getattr(self._screen_of(), "column", None)
        for index, widget in enumerate(items):
            if column is not None and is_inside(widget, column):
                return index
        return 0

    def focus(self, widget: Widget | None) -> None:
        self._clear_ring()
        self.widget = widget
        if widget is None:
            return
        if isinstance(widget, TextInput):
            self._remembered_text = None  # never hold on to what a child typed
            widget.funbind("focus", self._typing_changed)
            widget.fbind("focus", self._typing_changed)
            widget.focus = True
        else:
            self._remembered_text = getattr(widget, "text", None)
        self._draw_ring()
        self._scroll_into_view(widget)

    def content_changed(self) -> None:
        """The screen was rebuilt: if a keyboard user had focus, put it back nearby."""
        if self.widget is None:
            return
        self._clear_ring()
        Clock.schedule_once(lambda *_: self._restore(), 0)

    def _restore(self) -> None:
        items = self.candidates()
        if not items:
            self.widget = None
            return
        same = [w for w in items if getattr(w, "text", None) == self._remembered_text]
        self.focus(same[0] if same else items[self._first_content_index(items)])

    def _scroll_into_view(self, widget: Widget) -> None:
        scroll = getattr(self._screen_of(), "scroll", None)
        if scroll is not None and is_inside(widget, scroll):
            scroll.scroll_to(widget, padding=dp(16), animate=False)

    # --- the ring ------------------------------------------------------------------

    def _draw_ring(self, *_args) -> None:
        widget = self.widget
        if widget is None:
            return
        if self._ring is None:
            self._ring = InstructionGroup()
            widget.canvas.after.add(self._ring)
            widget.bind(pos=self._draw_ring, size=self._draw_ring)
        self._ring.clear()
        gap, radius = dp(4), dp(theme.RADIUS) + dp(4)
        box = (widget.x - gap, widget.y - gap, widget.width + 2 * gap, widget.height + 2 * gap)
        self._ring.add(Color(*theme.rgba(theme.FOCUS)))
        self._ring.add(Line(rounded_rectangle=(*box, radius), width=dp(2.5)))
        inner = (widget.x + dp(1), widget.y + dp(1), widget.width - dp(2), widget.height - dp(2))
        self._ring.add(Color(*theme.rgba(theme.FOCUS_INNER)))
        self._ring.add(Line(rounded_rectangle=(*inner, dp(theme.RADIUS) - dp(1)), width=dp(1)))

    def _clear_ring(self) -> None:
        if self.widget is not None and self._ring is not None:
            self.widget.canvas.after.remove(self._ring)
            self.widget.unbind(pos=self._draw_ring, size=self._draw_ring)
        self._ring = None


def is_inside(widget: Widget, ancestor: Widget) -> bool:
    parent = widget.parent
    while parent is not None and parent is not parent.parent:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False
