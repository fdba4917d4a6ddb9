"""Kivy view of My helping hand: a hand drawn with vector shapes, one finger per grown-up.

Steps: for each finger, choose a role (a grid of big buttons), then optionally type a
nickname; then the whole hand with everyone on it and the lesson's closing message.
The finished hand (role ids and nicknames only) is kept in this device's settings so a
returning child sees it again; "Start a new hand" clears it.
"""

from __future__ import annotations

import math

from kivy.animation import Animation
from kivy.graphics import (
    Color,
    Ellipse,
    Line,
    Mesh,
    PopMatrix,
    PushMatrix,
    Rotate,
    RoundedRectangle,
)
from kivy.metrics import dp
from kivy.properties import ListProperty, NumericProperty
from kivy.uix.textinput import TextInput
from kivy.uix.widget import Widget

from app.activities.helping_hand.logic import (
    FINGER_COUNT,
    NICKNAME_MAX,
    HelpingHandRun,
    Person,
)
from app.i18n import _, plural, tr
from app.ui import theme
from app.ui.activity_view import ActivityView
from app.ui.widgets import (
    AppButton,
    AppTextInput,
    ButtonGrid,
    Card,
    Column,
    Row,
    WrapLabel,
    tone_card,
)

SETTING_KEY = "helping_hand"

# Decorative fills, one per finger (thumb first). They carry no text except a face drawn
# in theme.TEXT, which keeps at least 7:1 on each of them; every shape has a dark outline.
FINGER_COLOURS = ("#F6C85F", "#8FD3B6", "#9CC3F0", "#F4A9A0", "#C9B6F2")
PALM = "#FFF1DA"
HEART = "#D9534F"
LINE = theme.TEXT_MUTED

# The hand in a 100 x 104 design box, origin bottom-left: (base x, base y, width, length,
# angle in degrees, counter-clockwise) for thumb, pointer, middle, ring and little finger.
_BOX_W, _BOX_H = 100.0, 104.0
_FINGERS = (
    (34.0, 22.0, 16.0, 36.0, 48.0),
    (34.0, 46.0, 14.5, 46.0, 7.0),
    (48.5, 48.0, 14.5, 53.0, 1.0),
    (63.0, 46.0, 14.5, 48.0, -5.0),
    (77.0, 42.0, 13.5, 38.0, -13.0),
)
_PALM = (26.5, 2.0, 58.0, 54.0)  # x, y, width, height


def finger_names() -> tuple[str, ...]:
    return (
        _("Thumb"),
        _("Pointer finger"),
        _("Middle finger"),
        _("Ring finger"),
        _("Little finger"),
    )


def finger_prompts() -> tuple[str, ...]:
    return (
        _("Who goes on your thumb?"),
        _("Who goes on your pointer finger?"),
        _("Who goes on your middle finger?"),
        _("Who goes on your ring finger?"),
        _("Who goes on your little finger?"),
    )


class HandDrawing(Widget):
    """A friendly open hand: a palm with a heart and five fingers, drawn as vector shapes.

    `filled[i]` says whether finger i has a grown-up (it then gets its colour and a smiling
    face); `current` is the finger being chosen now (-1 for none), drawn with a thick
    outline. Crisp at every size because nothing is a bitmap.
    """

    filled = ListProperty([False] * FINGER_COUNT)
    current = NumericProperty(-1)
    glow = NumericProperty(1.0)  # 0..1: the newest finger fades in
    glow_finger = NumericProperty(-1)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.bind(
            pos=self._draw,
            size=self._draw,
            filled=self._draw,
            current=self._draw,
            glow=self._draw,
        )

    def fade_in(self, finger: int) -> None:
        self.glow_finger, self.glow = finger, 0.0
        Animation(glow=1.0, duration=0.35, t="out_quad").start(self)

    def _draw(self, *_args) -> None:
        self.canvas.clear()
        scale = min(self.width / _BOX_W, self.height / _BOX_H)
        if scale <= 0:
            return
        ox = self.center_x - _BOX_W * scale / 2
        oy = self.center_y - _BOX_H * scale / 2

        def at(x: float, y: float) -> tuple[float, float]:
            return ox + x * scale, oy + y * scale

        outline = max(dp(1.5), scale * 1.1)
        with self.canvas:
            for index, (bx, by, width, length, angle) in enumerate(_FINGERS):
                self._finger(index, at(bx, by), width * scale, length * scale, angle, outline)
            px, py, pw, ph = _PALM
            x, y = at(px, py)
            w, h = pw * scale, ph * scale
            radii = [(12 * scale, 12 * scale)] * 2 + [(22 * scale, 22 * scale)] * 2
            Color(*theme.rgba(PALM))
            RoundedRectangle(pos=(x, y), size=(w, h), radius=radii)
            Color(*theme.rgba(LINE))
            Line(
                rounded_rectangle=(x, y, w, h, 12 * scale, 12 * scale, 22 * scale, 22 * scale),
                width=outline,
            )
            Color(*theme.rgba(HEART))
            _heart(*at(px + pw / 2, py + ph * 0.48), 11 * scale)

    def _finger(
        self, index: int, base: tuple[float, float], width: float, length: float, angle, outline
    ) -> None:
        bx, by = base
        filled = bool(self.filled[index])
        current = index == self.current
        PushMatrix()
        Rotate(angle=angle, origin=base)
        x, y = bx - width / 2, by
        if filled:
            alpha = self.glow if index == self.glow_finger else 1.0
            Color(*theme.rgba(theme.SURFACE))
            RoundedRectangle(pos=(x, y), size=(width, length), radius=[width / 2])
            Color(*theme.rgba(FINGER_COLOURS[index], alpha))
        else:
            Color(*theme.rgba(theme.SECONDARY if current else theme.SURFACE))
        RoundedRectangle(pos=(x, y), size=(width, length), radius=[width / 2])
        Color(*theme.rgba(theme.PRIMARY if current else LINE))
        Line(
            rounded_rectangle=(x, y, width, length, width / 2),
            width=outline * (2.2 if current else 1.0),
        )
        if filled:
            _face(bx, y + length - width * 0.85, width * 0.34, outline)
        PopMatrix()


def _face(cx: float, cy: float, size: float, line: float) -> None:
    """Two eyes and a smile, in the theme's text colour."""
    Color(*theme.rgba(theme.TEXT))
    eye = max(size * 0.2, dp(1.6))
    for side in (-1, 1):
        Ellipse(pos=(cx + side * size * 0.45 - eye, cy + size * 0.2 - eye), size=(eye * 2, eye * 2))
    Line(circle=(cx, cy, size * 0.6, 115, 245), width=max(line * 0.8, dp(1.2)), cap="round")


def _heart(cx: float, cy: float, size: float) -> None:
    """A heart as one triangle fan: two lobes and a point."""
    points = []
    for step in range(41):
        t = math.pi * 2 * step / 40
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        points.append((cx + x * size / 16, cy + y * size / 16))
    vertices = [cx, cy, 0, 0]
    for x, y in points:
        vertices += [x, y, 0, 0]
    Mesh(vertices=vertices, indices=list(range(len(points) + 1)), mode="triangle_fan")


class FingerBadge(Widget):
    """A finger's colour as a round badge with the same smiling face, for the list."""

    def __init__(self, finger: int, **kwargs) -> None:
        kwargs.setdefault("size_hint", (None, None))
        kwargs.setdefault("size", (dp(40), dp(40)))
        super().__init__(**kwargs)
        self.finger = finger
        self.bind(pos=self._draw, size=self._draw)

    def _draw(self, *_args) -> None:
        self.canvas.clear()
        s = min(self.size)
        with self.canvas:
            Color(*theme.rgba(FINGER_COLOURS[self.finger]))
            Ellipse(pos=self.pos, size=(s, s))
            Color(*theme.rgba(LINE))
            Line(circle=(self.x + s / 2, self.y + s / 2, s / 2), width=dp(1.2))
            _face(self.x + s / 2, self.y + s * 0.46, s * 0.36, dp(1.2))


class NicknameInput(AppTextInput):
    """One line, at most NICKNAME_MAX characters; Tab leaves, Enter (on the ring) types."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("multiline", False)
        super().__init__(**kwargs)
        self.bind(focus=self._draw, pos=self._draw, size=self._draw)

    def insert_text(self, substring: str, from_undo: bool = False):
        room = NICKNAME_MAX - len(self.text) + len(self.selection_text)
        return super().insert_text(substring[: max(0, room)], from_undo=from_undo)

    def keyboard_on_key_down(self, window, keycode, text, modifiers):
        if keycode[1] == "tab":
            # Leave moving on to the app's keyboard focus (app/ui/focus.py).
            self.focus = False
            return False
        return super().keyboard_on_key_down(window, keycode, text, modifiers)

    def _draw(self, *_args) -> None:
        self.canvas.after.remove_group("frame")
        with self.canvas.after:
            Color(*theme.rgba(theme.PRIMARY if self.focus else LINE), group="frame")
            Line(
                rounded_rectangle=(self.x, self.y, self.width, self.height, dp(10)),
                width=dp(2.5 if self.focus else 1.2),
                group="frame",
            )


class SideBySide(Row):
    """Two widgets side by side on wide screens, one above the other on narrow ones."""

    WIDE = 600

    def __init__(self, first: Widget, second: Widget, **kwargs) -> None:
        kwargs.setdefault("size_hint_y", None)
        kwargs.setdefault("spacing", dp(theme.GAP))
        super().__init__(**kwargs)
        self.add_widget(first)
        self.add_widget(second)
        for child in (first, second):
            child.bind(height=self._arrange)
        self.bind(width=self._arrange)
        self._arrange()

    def _arrange(self, *_args) -> None:
        wide = self.width > dp(self.WIDE)
        self.orientation = "horizontal" if wide else "vertical"
        heights = [child.height for child in self.children]
        self.height = max(heights) if wide else sum(heights) + self.spacing


class HelpingHandView(ActivityView):
    def __init__(self, run: HelpingHandRun, **kwargs) -> None:
        self.naming = False  # on the nickname step of the current finger
        self.just_filled = -1
        self.nickname_input: NicknameInput | None = None
        super().__init__(run=run, **kwargs)

    # --- the device's settings: only the finished hand -----------------------------------

    @property
    def _store(self):
        return getattr(self.app, "store", None)

    def _restore(self) -> None:
        if self._store is not None and not self.run.touched:
            self.run.restore_json(self._store.profile_setting(SETTING_KEY, ""))

    def _save(self, text: str) -> None:
        if self._store is not None:
            self._store.set_profile_setting(SETTING_KEY, text)

    # --- drawing -----------------------------------------------------------------------

    def render(self) -> None:
        if self.nickname_input is not None:
            self.nickname_input.focus = False
            self.nickname_input = None
        self.clear_widgets()
        self._restore()
        if self.run.finished:
            self._show_hand()
        elif self.naming and self.run.person is not None:
            self._show_nickname()
        else:
            self.naming = False
            self._show_roles()
        self.just_filled = -1
        self.changed()

    def _font(self, role: str) -> float:
        size = getattr(self.app, "font_size", None)
        return size(role) if size else dp(18)

    def _hand(self, height: float, add: bool = True) -> HandDrawing:
        run = self.run
        drawing = HandDrawing(
            filled=[p is not None for p in run.people],
            current=-1 if run.finger is None else run.finger,
            size_hint_y=None,
            height=dp(height) * getattr(self.app, "ui_scale", 1.0),
        )
        if self.just_filled >= 0:
            drawing.fade_in(self.just_filled)
        if add:
            self.add_widget(drawing)
        return drawing

    def _muted(self, text: str, **kwargs) -> WrapLabel:
        label = WrapLabel(text=text, color=theme.rgba(theme.TEXT_MUTED), **kwargs)
        self.add_widget(label)
        return label

    def _progress(self) -> None:
        self._muted(
            _("Finger {n} of {total}").format(n=self.run.finger + 1, total=FINGER_COUNT),
            bold=True,
            size_role="small",
        )

    def _beside_hand(self, widget: Widget) -> None:
        """The hand on the left, `widget` beside it: the choices below fit on a phone."""
        row = Row(size_hint_y=None, spacing=dp(theme.GAP))
        hand = self._hand(150, add=False)
        hand.size_hint_x, widget.size_hint_x = 0.4, 0.6
        row.add_widget(hand)
        row.add_widget(widget)

        def fit(*_args) -> None:
            row.height = max(hand.height, widget.height)

        widget.bind(height=fit)
        fit()
        self.add_widget(row)

    def _show_roles(self) -> None:
        run = self.run
        finger = run.finger
        if finger == 0:
            self.add_widget(WrapLabel(text=tr(run.activity.instructions)))
        self._progress()
        self._beside_hand(
            WrapLabel(
                text=finger_prompts()[finger],
                bold=True,
                size_role="large",
                pos_hint={"center_y": 0.5},
            )
        )
        chosen = run.person.role.id if run.person is not None else None
        buttons = [
            AppButton(
                text=tr(role.text),
                style="choice",
                selected=role.id == chosen,
                on_press=lambda r=role.id: self._choose(r),
            )
            for role in run.activity.roles
        ]
        self.add_widget(ButtonGrid(buttons))
        if run.can_leave_empty:
            self.add_widget(
                AppButton(
                    text=_("Leave this finger empty"), style="quiet", on_press=self._leave_empty
                )
            )

    def _show_nickname(self) -> None:
        run = self.run
        finger, person = run.finger, run.person
        self._progress()
        card = Card(
            bg=theme.rgba(theme.SAFE_BG),
            border=theme.rgba(theme.SAFE_TEXT),
            pos_hint={"center_y": 0.5},
        )
        colour = theme.rgba(theme.SAFE_TEXT)
        card.add_widget(
            WrapLabel(text=_("Great choice!"), bold=True, size_role="large", color=colour)
        )
        card.add_widget(WrapLabel(text=self._line(finger, person), color=colour))
        self._beside_hand(card)
        self.add_widget(WrapLabel(text=_("Nickname (optional, stays on this device)"), bold=True))
        field = NicknameInput(
            text=person.nickname,
            hint_text=_("For example: Nana Joy"),
            font_size=self._font("body"),
            size_hint_y=None,
            background_normal="",
            background_active="",
            background_color=theme.rgba(theme.SURFACE),
            foreground_color=theme.rgba(theme.TEXT),
            hint_text_color=theme.rgba(theme.TEXT_MUTED),
            cursor_color=theme.rgba(theme.PRIMARY),
        )
        field.bind(line_height=self._fit_field, font_size=self._fit_field)
        self._fit_field(field)
        field.bind(text=self._typed)
        self.nickname_input = field
        self.add_widget(field)
        last = finger == FINGER_COUNT - 1
        self.add_widget(
            AppButton(text=_("See my hand") if last else _("Next finger"), on_press=self._next)
        )
        self.add_widget(
            AppButton(text=_("Choose someone else"), style="quiet", on_press=self._rechoose)
        )

    @staticmethod
    def _fit_field(field: TextInput, *_args) -> None:
        field.height = max(dp(theme.TOUCH_MIN), field.line_height + dp(24))
        pad_y = (field.height - field.line_height) / 2
        field.padding = [dp(14), pad_y, dp(14), pad_y]

    def _line(self, finger: int, person: Person | None) -> str:
        name = finger_names()[finger]
        if person is None:
            return _("{finger}: free for now").format(finger=name)
        return _("{finger}: {role}").format(finger=name, role=tr(person.role.text))

    def _show_hand(self) -> None:
        run = self.run
        heading = (
            _("Welcome back! Here is your helping hand.")
            if run.restored
            else _("Here is your helping hand!")
        )
        self.add_widget(WrapLabel(text=heading, bold=True, size_role="large"))
        people = Column(spacing=dp(8), pos_hint={"center_y": 0.5})
        for finger, person in enumerate(run.people):
            people.add_widget(self._person_row(finger, person))
        self.add_widget(SideBySide(self._hand(240, add=False), people))
        count = run.filled
        card = tone_card(
            True,
            tr(run.activity.closing),
            plural(
                "You have {n} grown-up you can tell.", "You have {n} grown-ups you can tell.", count
            ),
        )
        self.add_widget(card)
        self.add_widget(AppButton(text=_("Next"), on_press=self.on_done))
        self.add_widget(AppButton(text=_("Change my hand"), style="secondary", on_press=self._edit))
        if run.restored:
            self.add_widget(
                AppButton(text=_("Start a new hand"), style="quiet", on_press=self._new_hand)
            )

    def _person_row(self, finger: int, person: Person | None) -> Widget:
        scale = getattr(self.app, "ui_scale", 1.0)
        badge = dp(40) * scale
        row = Row(size_hint_y=None, spacing=dp(12))
        badge_box = Row(size_hint=(None, 1), width=badge)
        if person is not None:
            badge_box.add_widget(
                FingerBadge(finger, size=(badge, badge), pos_hint={"center_y": 0.5})
            )
        row.add_widget(badge_box)
        text = Column(spacing=dp(2), pos_hint={"center_y": 0.5})
        text.add_widget(
            WrapLabel(
                text=self._line(finger, person),
                bold=person is not None,
                color=theme.rgba(theme.TEXT if person is not None else theme.TEXT_MUTED),
            )
        )
        if person is not None and person.nickname:
            text.add_widget(WrapLabel(text=person.nickname))
        row.add_widget(text)
        text.bind(height=lambda *_args: setattr(row, "height", max(badge + dp(4), text.height)))
        return row

    # --- what the child does -----------------------------------------------------------

    def _choose(self, role_id: str) -> None:
        self.run.choose(role_id)
        self.naming = True
        self.just_filled = self.run.finger
        self.render()

    def _typed(self, _field, text: str) -> None:
        if self.run.person is not None:
            self.run.set_nickname(text)

    def _next(self) -> None:
        self.naming = False
        self.run.next_finger()
        if self.run.finished:
            self._save(self.run.to_json())
        self.render()

    def _rechoose(self) -> None:
        self.naming = False
        self.render()

    def _leave_empty(self) -> None:
        self.run.leave_empty()
        if self.run.finished:
            self._save(self.run.to_json())
        self.render()

    def _edit(self) -> None:
        self.run.edit(0)
        self.run.restored = False
        self.render()

    def _new_hand(self) -> None:
        self.run.clear()
        self._save("")
        self.render()
