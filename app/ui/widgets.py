"""Reusable widgets: wrapping labels, big rounded buttons, cards, stars and avatars."""

from __future__ import annotations

import math
from collections.abc import Callable

from kivy.graphics import Color, Ellipse, Line, Mesh
from kivy.metrics import dp
from kivy.properties import (
    BooleanProperty,
    ColorProperty,
    NumericProperty,
    OptionProperty,
    StringProperty,
)
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label
from kivy.uix.widget import Widget

from app.ui import theme

# name -> (background, pressed background, text, border)
BUTTON_STYLES = {
    "primary": (theme.PRIMARY, theme.PRIMARY_DOWN, theme.ON_PRIMARY, theme.PRIMARY),
    "secondary": (theme.SECONDARY, "#D3E0F0", theme.ON_SECONDARY, theme.BORDER),
    "choice": (theme.SURFACE, theme.SECONDARY, theme.TEXT, theme.PRIMARY),
    "help": (theme.HELP, "#46226F", theme.ON_HELP, theme.HELP),
    "quiet": (theme.BACKGROUND, theme.SECONDARY, theme.PRIMARY, theme.BORDER),
}


class WrapLabel(Label):
    """A label that wraps to its width and grows to fit its text."""

    size_role = OptionProperty("body", options=["small", "body", "large", "title", "hero"])


class AppButton(ButtonBehavior, Label):
    """A large rounded button (at least 56 dp tall) whose text wraps."""

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
            self.bind(on_release=lambda *_: on_press())

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


class Column(BoxLayout):
    """A vertical stack that grows with its content (for use inside a ScrollView)."""


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
                filled = index < self.earned
                Color(*theme.rgba(theme.STAR if filled else theme.STAR_EMPTY))
                _star(start_x + index * spacing, self.center_y, radius)


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


class Avatar(Widget):
    """A friendly round avatar: a coloured circle with the account's initial."""

    colour = StringProperty("#3f7fbf")
    initial = StringProperty("?")

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._label = Label(bold=True, color=theme.rgba("#FFFFFF"))
        self.add_widget(self._label)
        self.bind(pos=self._draw, size=self._draw, colour=self._draw, initial=self._draw)

    def _draw(self, *_args) -> None:
        self.canvas.before.clear()
        with self.canvas.before:
            Color(*theme.rgba(self.colour))
            Ellipse(pos=self.pos, size=self.size)
            Color(1, 1, 1, 0.9)
            Line(circle=(self.center_x, self.center_y, min(self.size) / 2), width=dp(1.5))
        self._label.text = self.initial
        self._label.font_size = min(self.size) * 0.5
        self._label.pos, self._label.size = self.pos, self.size
