"""Picture choices: big buttons showing a picture with a short label under it.

For children who cannot read yet (ages 5-7), an answer is a picture they can tap; the
label under it is what read aloud says.

    PictureChoice(picture, text, on_press=callback, **kwargs)

- `picture`: a `Picture` (app/core/pictures.py), or None for a label-only choice button.
- `text`: the short label, drawn under the picture. It is also the button's `text`, so
  keyboard focus, read aloud and the UI tests find the choice by it.
- `on_press`: called with no arguments when the choice is tapped or, with keyboard
  focus, pressed with Enter or Space, and only while it is showing (`when_showing`).
- `kwargs`: any `AppButton` keyword; `style` defaults to "choice", and `selected=True`
  shows the chosen state (a thick border, a light blue card and a tick on the picture,
  so it is never colour alone).

A PictureChoice is an `AppButton` (a Label): the picture is a child drawn in the space
that the label's top padding keeps free, so the button's height always fits picture and
label (never less than 56 dp) and the label is never clipped.

`PictureChoiceGrid(choices)` lays choices out as a grid of picture cards: 2 per row on a
phone, up to 4 on wide screens, each card no wider than CELL_MAX, an unfilled last row
centred, and every card in a row as tall as the tallest (the label stays right under its
picture). In right-to-left languages the rows run right to left.

`ChoiceArt` draws a picture for a choice or a card: a picture with people is drawn as
in a story; a picture of props alone (`{props: [gift]}`) is drawn as big symbols, easy
to see on a small card.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from kivy.app import App
from kivy.graphics import (
    Color,
    InstructionGroup,
    Line,
    RoundedRectangle,
    SmoothEllipse,
    StencilPop,
    StencilPush,
    StencilUnUse,
    StencilUse,
)
from kivy.metrics import dp
from kivy.properties import NumericProperty, ObjectProperty
from kivy.uix.layout import Layout

from app.core.pictures import DEVICE_PROPS, Picture
from app.i18n import current
from app.ui import theme
from app.ui.art import (
    CLOTHES,
    WHITE,
    Painter,
    PictureView,
    draw_picture,
    draw_scene,
    draw_symbol,
)
from app.ui.widgets import AppButton

RATIO = 1.3  # width / height of a choice's picture: a little squarer than a story's
INSET = 12  # dp between the card's edge and its picture (the label rule keeps 12 dp too)
LABEL_GAP = 8  # dp between the picture and the label
MAX_PICTURE_HEIGHT = 200  # dp (times the app's ui scale): a lone choice stays card-sized
CELL_MIN = 150  # dp (times ui scale): narrower than this and fewer cards share a row
CELL_MAX = 260  # dp (times ui scale): wider than this and the cards stay this wide
GRID_GAP = 12  # dp between cards
MAX_COLUMNS = 4
TICK = 15  # dp: radius of the "chosen" tick badge


def _scale() -> float:
    return getattr(App.get_running_app(), "ui_scale", 1.0) or 1.0


# --- the picture -----------------------------------------------------------------------

# Big symbols for a picture of props alone: (x offset, y, radius) in picture units, per
# count. Four go in a 2 x 2 block.
_SYMBOL_SPOTS = {
    1: [(0, 54, 30)],
    2: [(-27, 54, 23), (27, 54, 23)],
    3: [(-40, 54, 18), (0, 54, 18), (40, 54, 18)],
    4: [(-21, 73, 16), (21, 73, 16), (-21, 36, 16), (21, 36, 16)],
}


def draw_choice_picture(pa: Painter, picture: Picture, width: float) -> None:
    """A picture `width` units wide and 100 tall, props alone drawn as big symbols."""
    if picture.people:
        draw_picture(pa, picture, width)
        return
    draw_scene(pa, picture.scene, width)
    props = list(picture.props)[: len(_SYMBOL_SPOTS)]
    for name, (dx, y, radius) in zip(props, _SYMBOL_SPOTS.get(len(props), []), strict=False):
        if name in DEVICE_PROPS:
            draw_device_symbol(pa, name, width / 2 + dx, y, radius)
        else:
            draw_symbol(pa, name, width / 2 + dx, y, radius)


def draw_device_symbol(pa: Painter, name: str, x: float, y: float, s: float) -> None:
    """A device in a white badge of radius s, each its own shape (a phone is tall, a
    console is a game pad), so a child can tell them apart without reading."""
    pa.colour("#000000", 0.08)
    pa.circle(x + s * 0.06, y - s * 0.1, s)
    pa.colour(WHITE)
    pa.circle(x, y, s)
    k = s * 0.55
    dark, screen = "#3A3F4B", "#CFE8F5"
    if name == "phone":
        pa.colour(dark)
        pa.rect(x - k * 0.5, y - k * 0.9, k * 1.0, k * 1.8, k * 0.18)
        pa.colour(screen)
        pa.rect(x - k * 0.38, y - k * 0.62, k * 0.76, k * 1.38, k * 0.06)
        pa.colour(WHITE)
        pa.circle(x, y - k * 0.76, k * 0.07)
    elif name == "laptop":
        pa.colour(dark)
        pa.rect(x - k * 0.75, y - k * 0.35, k * 1.5, k * 1.05, k * 0.1)
        pa.colour(screen)
        pa.rect(x - k * 0.63, y - k * 0.23, k * 1.26, k * 0.81, k * 0.05)
        pa.colour("#6B7385")
        pa.rect(x - k * 0.98, y - k * 0.6, k * 1.96, k * 0.22, k * 0.1)
    elif name == "game-console":
        k *= 1.3  # a wide, flat shape: drawn bigger to fill the badge like the others
        pa.colour(dark)
        pa.circle(x - k * 0.55, y - k * 0.1, k * 0.45)
        pa.circle(x + k * 0.55, y - k * 0.1, k * 0.45)
        pa.rect(x - k * 0.6, y - k * 0.3, k * 1.2, k * 0.7, k * 0.3)
        pa.colour(WHITE)  # the cross pad and two buttons
        pa.rect(x - k * 0.75, y - k * 0.07, k * 0.4, k * 0.12)
        pa.rect(x - k * 0.61, y - k * 0.21, k * 0.12, k * 0.4)
        pa.colour(CLOTHES["coral"])
        pa.circle(x + k * 0.48, y + k * 0.06, k * 0.1)
        pa.colour(CLOTHES["teal"])
        pa.circle(x + k * 0.7, y - k * 0.14, k * 0.1)
    else:  # tablet
        pa.colour(dark)
        pa.rect(x - k * 0.8, y - k * 0.6, k * 1.6, k * 1.2, k * 0.15)
        pa.colour(screen)
        pa.rect(x - k * 0.68, y - k * 0.48, k * 1.36, k * 0.96, k * 0.08)


class ChoiceArt(PictureView):
    """A PictureView that draws a picture of props alone as big, easy-to-see symbols."""

    def _draw(self, *_args) -> None:
        picture = self.picture
        if picture is None or picture.people:
            super()._draw()
            return
        self.canvas.clear()
        if self.width <= 1 or self.height <= 1:
            return
        height = min(self.height, self.width / self.ratio)
        box_w = height * self.ratio
        x, y = self.center_x - box_w / 2, self.center_y - height / 2
        unit = height / 100.0
        with self.canvas:
            StencilPush()
            Color(1, 1, 1, 1)
            RoundedRectangle(pos=(x, y), size=(box_w, height), radius=[5 * unit])
            StencilUse()
            draw_choice_picture(Painter((x, y), unit), picture, self.ratio * 100)
            StencilUnUse()
            RoundedRectangle(pos=(x, y), size=(box_w, height), radius=[5 * unit])
            StencilPop()
            Color(*theme.rgba(theme.BORDER))
            Line(rounded_rectangle=(x, y, box_w, height, 5 * unit), width=1)


# --- the button ------------------------------------------------------------------------


class PictureChoice(AppButton):
    """A focusable choice button: a picture with its short label under it."""

    picture = ObjectProperty(None, allownone=True)
    # Height of picture + label + margins, without the space a grid adds to even up a row.
    natural_height = NumericProperty(0)
    # Extra space under the label, so every card in a grid row is equally tall.
    extra_bottom = NumericProperty(0)

    def __init__(
        self,
        picture: Picture | None,
        text: str,
        on_press: Callable[[], None] | None = None,
        **kwargs,
    ) -> None:
        kwargs.setdefault("style", "choice")
        self._text_height = 0.0
        self.art: ChoiceArt | None = None
        self._tick = InstructionGroup()
        super().__init__(text=text, on_press=on_press, **kwargs)
        self.canvas.after.add(self._tick)
        self.bind(width=self._fit, extra_bottom=self._fit, texture_size=self._measure)
        self.bind(pos=self._place, size=self._place, selected=self._place)
        self.bind(picture=self._set_picture)
        self.picture = picture
        self._set_picture()

    def _set_picture(self, *_args) -> None:
        if self.picture is None:
            if self.art is not None:
                self.remove_widget(self.art)
                self.art = None
        elif self.art is None:
            self.art = ChoiceArt(picture=self.picture, ratio=RATIO, size_hint=(None, None))
            self.add_widget(self.art)
        else:
            self.art.picture = self.picture
        self._fit()

    @property
    def picture_height(self) -> float:
        if self.art is None or self.width <= 0:
            return 0.0
        width = max(0.0, self.width - 2 * dp(INSET))
        return min(width / RATIO, dp(MAX_PICTURE_HEIGHT) * _scale())

    def _fit(self, *_args) -> None:
        """Keep room above the label for the picture, and under it for a grid's extra."""
        top = self.picture_height + dp(LABEL_GAP) if self.art is not None else 0
        padding = [0, top, 0, self.extra_bottom]
        if list(self.padding) != padding:
            self.padding = padding
        if self.art is not None:
            self.art.max_height = self.picture_height
            self.art.width = max(0.0, self.width - 2 * dp(INSET))
        self._update_natural()
        self._place()

    def _measure(self, *_args) -> None:
        # The texture was just drawn with the current padding: what is left is the text.
        self._text_height = max(0.0, self.texture_size[1] - self.padding[1] - self.padding[3])
        self._update_natural()

    def _update_natural(self) -> None:
        top = self.padding[1]
        self.natural_height = max(dp(theme.TOUCH_MIN), top + self._text_height + dp(24))

    def _place(self, *_args) -> None:
        rtl = current().is_rtl
        art = self.art
        if art is not None:
            # The label rule keeps 12 dp above the texture; the picture fills its top.
            art.pos = (self.x + dp(INSET), self.top - dp(12) - art.height)
        self._tick.clear()
        if not self.selected:
            return
        # Chosen: a tick badge in the picture's corner (or the card's), not colour alone.
        radius = dp(TICK)
        if art is not None:
            cy = art.top - radius * 0.55
            cx = art.x + radius * 0.55 if rtl else art.right - radius * 0.55
        else:
            cy = self.top - radius - dp(6)
            cx = self.x + radius + dp(6) if rtl else self.right - radius - dp(6)
        self._tick.add(Color(*theme.rgba(theme.SURFACE)))
        self._tick.add(
            SmoothEllipse(
                pos=(cx - radius - dp(2), cy - radius - dp(2)), size=[2 * radius + dp(4)] * 2
            )
        )
        self._tick.add(Color(*theme.rgba(theme.PRIMARY)))
        self._tick.add(SmoothEllipse(pos=(cx - radius, cy - radius), size=(2 * radius, 2 * radius)))
        self._tick.add(Color(*theme.rgba(theme.ON_PRIMARY)))
        r = radius * 0.5
        self._tick.add(
            Line(
                points=[cx - r, cy, cx - r * 0.25, cy - r * 0.7, cx + r, cy + r * 0.65],
                width=dp(2.2),
                cap="round",
                joint="round",
            )
        )


# --- the grid ----------------------------------------------------------------------------


def grid_columns(count: int, width: float, cell_min: float, gap: float) -> int:
    """How many cards share a row: as many as fit (2 to 4), then evened out over the rows
    (5 cards on a wide screen are 3 + 2, not 4 + 1)."""
    if count <= 1:
        return 1
    fit = int((width + gap) // (cell_min + gap))
    most = max(2, min(MAX_COLUMNS, fit, count))
    rows = math.ceil(count / most)
    return math.ceil(count / rows)


class PictureChoiceGrid(Layout):
    """Picture choices in rows of 2-4 equal cards; a short last row is centred."""

    def __init__(self, choices: Sequence[PictureChoice] = (), **kwargs) -> None:
        kwargs.setdefault("size_hint_y", None)
        super().__init__(**kwargs)
        self.choices: list[PictureChoice] = []
        self.fbind("width", self._trigger_layout)
        self.fbind("pos", self._trigger_layout)
        for choice in choices:
            self.add_widget(choice)

    def add_widget(self, widget, *args, **kwargs) -> None:
        widget.size_hint_x = None
        widget.fbind("natural_height", self._trigger_layout)
        self.choices.append(widget)
        super().add_widget(widget, *args, **kwargs)

    def remove_widget(self, widget, *args, **kwargs) -> None:
        widget.funbind("natural_height", self._trigger_layout)
        if widget in self.choices:
            self.choices.remove(widget)
        super().remove_widget(widget, *args, **kwargs)

    @property
    def columns(self) -> int:
        return grid_columns(len(self.choices), self.width, dp(CELL_MIN) * _scale(), dp(GRID_GAP))

    def do_layout(self, *_args) -> None:
        choices = self.choices
        if not choices or self.width <= 1:
            return
        gap = dp(GRID_GAP)
        cols = self.columns
        # Whole pixels: the cards' edges stay crisp.
        cell = math.floor(min((self.width - gap * (cols - 1)) / cols, dp(CELL_MAX) * _scale()))
        rows = [choices[i : i + cols] for i in range(0, len(choices), cols)]
        heights = []
        for row in rows:
            tallest = max(c.natural_height for c in row)
            heights.append(tallest)
            for choice in row:
                if choice.width != cell:
                    choice.width = cell
                extra = tallest - choice.natural_height
                if abs(choice.extra_bottom - extra) > 0.5:
                    choice.extra_bottom = extra
        total = sum(heights) + gap * (len(rows) - 1)
        if self.height != total:
            self.height = total
        rtl = current().is_rtl
        top = self.top
        for row, height in zip(rows, heights, strict=True):
            span = len(row) * cell + gap * (len(row) - 1)
            x = round(self.x + (self.width - span) / 2)
            for choice in reversed(row) if rtl else row:
                choice.pos = (x, round(top - choice.height))
                x += cell + gap
            top -= height + gap
