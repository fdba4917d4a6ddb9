"""Reusable widgets: wrapping labels, big rounded buttons, cards, stars and avatars."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache

from kivy.animation import Animation
from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.graphics import Color, Ellipse, Line, Mesh, RoundedRectangle
from kivy.metrics import dp
from kivy.properties import (
    BooleanProperty,
    ColorProperty,
    NumericProperty,
    OptionProperty,
)
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label
from kivy.uix.screenmanager import Screen
from kivy.uix.textinput import TextInput
from kivy.uix.widget import Widget

from app.i18n import current
from app.i18n.bidi import has_rtl, shape, visual_text
from app.ui import theme

# name -> (background, pressed background, text, border)
BUTTON_STYLES = {
    "primary": (theme.PRIMARY, theme.PRIMARY_DOWN, theme.ON_PRIMARY, theme.PRIMARY),
    "secondary": (theme.SECONDARY, theme.SECONDARY_DOWN, theme.ON_SECONDARY, theme.BORDER),
    "choice": (theme.SURFACE, theme.SECONDARY, theme.TEXT, theme.PRIMARY),
    "help": (theme.HELP, theme.HELP_DOWN, theme.ON_HELP, theme.HELP),
    "quiet": (theme.BACKGROUND, theme.SECONDARY, theme.PRIMARY, theme.BORDER),
}


def is_showing(widget: Widget) -> bool:
    """Is the control still in front of the child: in the window and on the current screen?

    A control acts only then. Two fingers on one button, or a finger held on it while
    Enter presses it, release it twice; the first release may already have moved on
    (to another screen, or rebuilt the page), and the second must not act again on what
    is no longer there (e.g. "Back to lessons" twice would leave no way back home).
    """
    if widget.get_root_window() is None:
        return False
    parent = widget.parent
    while parent is not None and not isinstance(parent, Screen):
        parent = parent.parent
    manager = getattr(parent, "manager", None)
    return manager is None or manager.current_screen is parent


def when_showing(action: Callable[[], object], widget: Widget) -> Callable[..., None]:
    """An on_release handler that runs `action` only while `widget` is showing."""

    def handler(*_args) -> None:
        if is_showing(widget):
            action()

    return handler


MIRRORED_ALIGN = {"left": "right", "right": "left"}
MIN_WORD_FIT = 0.75  # a long word may shrink the type to 75%, no further


def rtl() -> bool:
    return current().is_rtl


class RtlLabel:
    """Mixin for a Label: right-to-left text laid out the Arabic way; long words fit.

    Kivy draws glyphs in the order given, so the text is wrapped to the label's width,
    shaped and reordered per line here (app.i18n.bidi), and `halign` is mirrored: a label
    that starts at the left in English starts at the right in Arabic.

    A word wider than the label (a German compound on a narrow tile) would be split
    mid-word; instead the type shrinks a little (`word_fit`, at most to MIN_WORD_FIT).
    """

    word_fit = NumericProperty(1.0)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._refit = Clock.create_trigger(self._fit_words)
        self.bind(text=self._refit, text_size=self._refit, bold=self._refit)

    def _fit_words(self, *_args) -> None:
        width = self.text_size[0]
        if width is None or width <= 0 or not self.text.strip():
            return
        longest = longest_word_width(self)
        # 4% to spare: glyph widths do not scale exactly with the type size (hinting).
        fit = width / longest * 0.96 if longest else 1.0
        self.word_fit = max(MIN_WORD_FIT, min(1.0, fit))

    def texture_update(self, *largs) -> None:
        core = self._label
        if not self.markup:  # markup labels are drawn as written
            right_to_left = rtl()
            core.options["halign"] = (
                MIRRORED_ALIGN.get(self.halign, self.halign) if right_to_left else self.halign
            )
            if has_rtl(self.text):  # also an Arabic name on an English screen
                width = self.text_size[0]
                core.text = visual_text(
                    self.text, None if width is None else width - 1, self._text_width, right_to_left
                )
            else:
                core.text = self.text
        super().texture_update(*largs)

    def _text_width(self, text: str) -> float:
        return _text_width(current().language, self.font_name, self.font_size, self.bold, text)


_MEASURES: dict[tuple, CoreLabel] = {}


@lru_cache(maxsize=20000)
def _text_width(language: str, font: str, size: float, bold: bool, text: str) -> float:
    """Width of one line as the text provider draws it (a measuring label per font)."""
    key = (language, font, size, bold)
    measure = _MEASURES.get(key)
    if measure is None:
        measure = _MEASURES[key] = CoreLabel(font_name=font, font_size=size, bold=bold)
    return measure.get_extents(text)[0]


def longest_word_width(label: Label) -> float:
    """The widest word of a label's text at its full type size (before any word_fit)."""
    base = label.font_size / getattr(label, "word_fit", 1.0)
    language = current().language
    return max(
        (
            _text_width(language, label.font_name, base, label.bold, shape(word))
            for word in label.text.split()
        ),
        default=0.0,
    )


def fits_in(label: Label, text_width: float) -> bool:
    """Can every word of the label be drawn whole in text_width, shrunk at most to
    MIN_WORD_FIT?"""
    return longest_word_width(label) * MIN_WORD_FIT <= text_width * 0.96


class AppTextInput(TextInput):
    """A text field on the keyboard-focus ring; Tab moves on; Arabic typing starts at the
    right. (Kivy's TextInput does not shape Arabic while typing: a known limit.)"""

    keyboard_focusable = True

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("halign", "right" if rtl() else "left")
        kwargs.setdefault("write_tab", False)
        super().__init__(**kwargs)


class Row(BoxLayout):
    """A horizontal box that runs right to left in a right-to-left language.

    Back and Next, a chat bubble and its avatar, a picture beside its words: every row
    is laid out as in English and then mirrored, so no screen needs its own RTL code.
    """

    def do_layout(self, *args) -> None:
        super().do_layout(*args)
        if self.orientation == "horizontal" and rtl():
            for child in self.children:
                # Set pos, not x: a change of x alone reaches `pos` observers before
                # center_x is updated, so drawings placed by their centre would lag.
                child.pos = (self.x + (self.right - child.right), child.y)


class WrapLabel(RtlLabel, Label):
    """A label that wraps to its width and grows to fit its text."""

    size_role = OptionProperty("body", options=["small", "body", "large", "title", "hero"])


class AppButton(ButtonBehavior, RtlLabel, Label):
    """A large rounded button (at least 56 dp tall) whose text wraps."""

    keyboard_focusable = True
    style = OptionProperty("primary", options=list(BUTTON_STYLES))
    selected = BooleanProperty(False)
    bg = ColorProperty(theme.rgba(theme.PRIMARY))
    bg_down = ColorProperty(theme.rgba(theme.PRIMARY_DOWN))
    fg = ColorProperty(theme.rgba(theme.ON_PRIMARY))
    border = ColorProperty(theme.rgba(theme.PRIMARY))
    border_width = NumericProperty(1.5)

    def __init__(self, on_press: Callable[[], None] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self._apply_style()
        self.bind(style=self._apply_style, selected=self._apply_style)
        if on_press is not None:
            self.bind(on_release=when_showing(on_press, self))

    def _apply_style(self, *_args) -> None:
        bg, down, fg, border = BUTTON_STYLES[self.style]
        if self.selected:
            bg, border = theme.SECONDARY, theme.PRIMARY
        self.bg, self.bg_down = theme.rgba(bg), theme.rgba(down)
        self.fg, self.border = theme.rgba(fg), theme.rgba(border)
        self.border_width = 3 if self.selected else 1.5


class Card(BoxLayout):
    """A rounded panel that grows with its content."""

    bg = ColorProperty(theme.rgba(theme.SURFACE))
    border = ColorProperty(theme.rgba(theme.BORDER))


def tone_card(safe: bool, heading: str, body: str) -> Card:
    """A green card for safe outcomes, a warm amber one for "let's think again"."""
    background, text = (
        (theme.SAFE_BG, theme.SAFE_TEXT) if safe else (theme.CAUTION_BG, theme.CAUTION_TEXT)
    )
    card = Card(bg=theme.rgba(background), border=theme.rgba(text))
    colour = theme.rgba(text)
    card.add_widget(WrapLabel(text=heading, bold=True, size_role="large", color=colour))
    card.add_widget(WrapLabel(text=body, color=colour))
    return card


class Bubble(BoxLayout):
    """A rounded box around one label; `tail` names a sharper corner, as chat bubbles have."""

    bg = ColorProperty(theme.rgba(theme.SURFACE))
    border = ColorProperty(theme.rgba(theme.BORDER))
    border_width = NumericProperty(1)
    tail = OptionProperty("none", options=["none", "left", "right"])

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("padding", (dp(14), dp(10)))
        super().__init__(**kwargs)
        self.bind(
            pos=self._draw, size=self._draw, bg=self._draw, border=self._draw, tail=self._draw
        )
        self.bind(border_width=self._draw)

    def look(self, look: tuple[str, str, str, float]) -> str:
        """Set background and border from a look; returns its text colour."""
        bg, text, border, width = look
        self.bg, self.border, self.border_width = theme.rgba(bg), theme.rgba(border), width
        return text

    def _draw(self, *_args) -> None:
        self.canvas.before.clear()
        big, small = dp(theme.RADIUS), dp(4)
        tail = MIRRORED_ALIGN.get(self.tail, self.tail) if rtl() else self.tail
        corners = {
            "none": [big] * 4,
            "left": [small, big, big, big],
            "right": [big, small, big, big],
        }[tail]
        inset = dp(self.border_width) / 2
        with self.canvas.before:
            Color(*self.bg)
            RoundedRectangle(pos=self.pos, size=self.size, radius=corners)
            Color(*self.border)
            Line(
                rounded_rectangle=(
                    self.x + inset,
                    self.y + inset,
                    self.width - 2 * inset,
                    self.height - 2 * inset,
                    *corners,
                ),
                width=dp(self.border_width),
            )


class Column(BoxLayout):
    """A vertical stack that grows with its content (for use inside a ScrollView)."""


class ButtonGrid(BoxLayout):
    """Buttons in rows of 2 (3 on wide screens), fewer when a word would not fit whole;
    the buttons in a row share one height; rows run right to left in Arabic."""

    WIDE = 640

    def __init__(self, buttons: list[AppButton], **kwargs) -> None:
        kwargs.setdefault("orientation", "vertical")
        kwargs.setdefault("size_hint_y", None)
        kwargs.setdefault("spacing", dp(theme.GAP))
        super().__init__(**kwargs)
        self.buttons = buttons
        self.cols = 0
        self._keepers: dict[AppButton, Callable] = {}
        self.bind(minimum_height=self.setter("height"), width=self._arrange)
        self._arrange()

    def _arrange(self, *_args) -> None:
        cols = 3 if self.width > dp(self.WIDE) else 2
        # Fewer, wider buttons when a word would not fit whole (a long Dutch compound).
        while cols > 1 and not all(fits_in(b, self._text_width(cols)) for b in self.buttons):
            cols -= 1
        if cols == self.cols:
            return
        self.cols = cols
        for row in self.children:
            row.clear_widgets()
        self.clear_widgets()
        for start in range(0, len(self.buttons), cols):
            row = Row(size_hint_y=None, spacing=self.spacing)
            chunk = self.buttons[start : start + cols]
            for button in chunk:
                button.size_hint_y = 1
                row.add_widget(button)
                # One height keeper per button: the one for its previous row goes.
                if button in self._keepers:
                    button.unbind(texture_size=self._keepers[button])
                keeper = self._keepers[button] = lambda *_a, r=row, c=chunk: self._fit_row(r, c)
                button.bind(texture_size=keeper)
            for _pad in range(cols - len(chunk)):
                row.add_widget(Widget())  # keep the last buttons as wide as the others
            self._fit_row(row, chunk)
            self.add_widget(row)

    def _text_width(self, cols: int) -> float:
        """Room for text on a button when `cols` share a row (AppButton pads 16 dp a side)."""
        return (self.width - self.spacing * (cols - 1)) / cols - dp(32)

    @staticmethod
    def _fit_row(row: BoxLayout, buttons: list[AppButton]) -> None:
        row.height = max(
            max(dp(theme.TOUCH_MIN), button.texture_size[1] + dp(24)) for button in buttons
        )


class StepBar(Widget):
    """Lesson progress as rounded segments: done ones filled, the current one outlined."""

    done = NumericProperty(0)
    total = NumericProperty(1)

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("size_hint_y", None)
        kwargs.setdefault("height", dp(10))
        super().__init__(**kwargs)
        self.bind(pos=self._draw, size=self._draw, done=self._draw, total=self._draw)

    def _draw(self, *_args) -> None:
        self.canvas.clear()
        count, gap = max(1, int(self.total)), dp(6)
        width = (self.width - gap * (count - 1)) / count
        with self.canvas:
            for index in range(count):
                # Progress runs the way the language reads: from the right in Arabic.
                place = count - 1 - index if rtl() else index
                x = self.x + place * (width + gap)
                filled = index < self.done
                Color(*theme.rgba(theme.PRIMARY if filled else theme.STAR_EMPTY))
                RoundedRectangle(pos=(x, self.y), size=(width, self.height), radius=[dp(5)])
                if index == self.done:
                    Color(*theme.rgba(theme.PRIMARY))
                    Line(
                        rounded_rectangle=(x, self.y, width, self.height, dp(5)),
                        width=dp(1.5),
                    )


class StarRow(Widget):
    """`earned` filled stars out of `total`, drawn as vector shapes so they stay crisp."""

    earned = NumericProperty(0)
    total = NumericProperty(3)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.bind(pos=self._draw, size=self._draw, earned=self._draw, total=self._draw)

    def _draw(self, *_args) -> None:
        self.canvas.clear()
        count = int(self.total)
        if count <= 0:
            return
        radius = min(self.height / 2, self.width / (count * 2.4))
        spacing = radius * 2.4
        start_x = self.center_x - spacing * (count - 1) / 2
        with self.canvas:
            for index in range(count):
                Color(*theme.rgba(theme.STAR_EMPTY))
                _star(start_x + index * spacing, self.center_y, radius)
                fill = max(0.0, min(1.0, self.earned - index))  # 0..1: this star's growth
                if fill > 0:
                    Color(*theme.rgba(theme.STAR))
                    _star(start_x + index * spacing, self.center_y, radius * fill)

    def fill_to(self, stars: int, reduce_motion: bool = False) -> None:
        """Fill the stars one after another (about a third of a second each)."""
        if reduce_motion or stars <= 0:
            self.earned = stars
            return
        self.earned = 0
        Animation(earned=stars, duration=0.35 * stars, t="out_quad").start(self)


def _star(cx: float, cy: float, radius: float) -> None:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    vertices = [cx, cy, 0, 0]
    for x, y in [*points, points[0]]:
        vertices += [x, y, 0, 0]
    Mesh(vertices=vertices, indices=list(range(len(vertices) // 4)), mode="triangle_fan")


class SpeakerButton(ButtonBehavior, Widget):
    """Read aloud: a speaker with sound waves, drawn as vector shapes, 56 dp square."""

    keyboard_focusable = True
    text = "Read aloud"  # for keyboard focus memory and tests; not drawn

    def __init__(self, on_press: Callable[[], None], **kwargs) -> None:
        kwargs.setdefault("size_hint", (None, None))
        kwargs.setdefault("size", (dp(theme.TOUCH_MIN), dp(theme.TOUCH_MIN)))
        kwargs.setdefault("pos_hint", {"center_y": 0.5})
        super().__init__(**kwargs)
        self.bind(on_release=when_showing(on_press, self))
        self.bind(pos=self._draw, size=self._draw, state=self._draw)

    def _draw(self, *_args) -> None:
        self.canvas.clear()
        s, x, y = min(self.size), self.x, self.y
        with self.canvas:
            Color(*theme.rgba(theme.SECONDARY if self.state == "normal" else theme.SECONDARY_DOWN))
            Ellipse(pos=(x, y), size=(s, s))
            Color(*theme.rgba(theme.PRIMARY))
            # The speaker: a box and a cone, then two sound waves.
            Mesh(
                vertices=_flat(
                    (x + s * 0.24, y + s * 0.42),
                    (x + s * 0.36, y + s * 0.42),
                    (x + s * 0.52, y + s * 0.28),
                    (x + s * 0.52, y + s * 0.72),
                    (x + s * 0.36, y + s * 0.58),
                    (x + s * 0.24, y + s * 0.58),
                ),
                indices=list(range(6)),
                mode="triangle_fan",
            )
            for radius in (0.12, 0.22):
                Line(
                    circle=(x + s * 0.52, y + s * 0.5, s * radius, 50, 130),
                    width=dp(2),
                    cap="round",
                )


def _flat(*points: tuple[float, float]) -> list[float]:
    """Mesh vertices (x, y, u, v) for a list of points."""
    return [value for x, y in points for value in (x, y, 0, 0)]
