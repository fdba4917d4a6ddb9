"""Lesson badges: a rosette with an icon, drawn from vector shapes so it is crisp at any size."""

from __future__ import annotations

import math

from kivy.animation import Animation
from kivy.graphics import (
    Color,
    Ellipse,
    Line,
    Mesh,
    Rectangle,
    RoundedRectangle,
    Triangle,
)
from kivy.properties import BooleanProperty, NumericProperty, StringProperty
from kivy.uix.widget import Widget

from app.ui import theme

# icon -> rosette colour; each sits behind a white disc, so the icon colour is PRIMARY.
ROSETTE_COLOURS = {
    "star": "#E9A100",
    "shield": "#2F7D4F",
    "heart": "#C2456B",
    "chat": "#2F6DB5",
    "eye": "#7A4DB3",
    "hand": "#D9722B",
    "lock": "#3B7F8C",
    "speech": "#B0485A",
}


class BadgeEmblem(Widget):
    """A round rosette with an icon; greyed out until earned."""

    icon = StringProperty("star")
    earned = BooleanProperty(True)
    grow = NumericProperty(1.0)  # animated from small to full size when a badge is won

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.bind(pos=self._draw, size=self._draw, icon=self._draw, earned=self._draw)
        self.bind(grow=self._draw)

    def celebrate(self, reduce_motion: bool = False) -> None:
        """A gentle pop: grow from 60% with a small overshoot. Nothing flashes."""
        if reduce_motion:
            return
        self.grow = 0.6
        Animation(grow=1.0, duration=0.45, t="out_back").start(self)

    def _draw(self, *_args) -> None:
        self.canvas.clear()
        size = min(self.size) * self.grow
        cx, cy = self.center
        radius = size / 2
        rosette = ROSETTE_COLOURS.get(self.icon, theme.STAR) if self.earned else theme.STAR_EMPTY
        with self.canvas:
            Color(*theme.rgba(rosette))
            bumps = 14
            for index in range(bumps):
                angle = 2 * math.pi * index / bumps
                bx = cx + radius * 0.8 * math.cos(angle)
                by = cy + radius * 0.8 * math.sin(angle)
                Ellipse(pos=(bx - radius * 0.2, by - radius * 0.2), size=(radius * 0.4,) * 2)
            Ellipse(pos=(cx - radius * 0.84, cy - radius * 0.84), size=(radius * 1.68,) * 2)
            Color(1, 1, 1, 1)
            Ellipse(pos=(cx - radius * 0.64, cy - radius * 0.64), size=(radius * 1.28,) * 2)
            Color(*theme.rgba(theme.PRIMARY if self.earned else theme.TEXT_MUTED))
            ICONS.get(self.icon, draw_star)(cx, cy, radius * 0.42)


def draw_star(cx: float, cy: float, r: float) -> None:
    points = []
    for i in range(10):
        reach = r if i % 2 == 0 else r * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        points += [cx + reach * math.cos(angle), cy + reach * math.sin(angle), 0, 0]
    vertices = [cx, cy, 0, 0, *points, *points[:4]]
    Mesh(vertices=vertices, indices=list(range(len(vertices) // 4)), mode="triangle_fan")


def draw_shield(cx: float, cy: float, r: float) -> None:
    outline = [
        (cx, cy + r),
        (cx + r * 0.85, cy + r * 0.7),
        (cx + r * 0.8, cy - r * 0.1),
        (cx, cy - r),
        (cx - r * 0.8, cy - r * 0.1),
        (cx - r * 0.85, cy + r * 0.7),
    ]
    vertices = [cx, cy, 0, 0]
    for x, y in [*outline, outline[0]]:
        vertices += [x, y, 0, 0]
    Mesh(vertices=vertices, indices=list(range(len(vertices) // 4)), mode="triangle_fan")
    Color(1, 1, 1, 1)  # a tick on the shield
    Line(
        points=[cx - r * 0.35, cy, cx - r * 0.08, cy - r * 0.3, cx + r * 0.4, cy + r * 0.3],
        width=r * 0.1,
        cap="round",
        joint="round",
    )


def draw_heart(cx: float, cy: float, r: float) -> None:
    lobe = r * 0.52
    Ellipse(pos=(cx - lobe * 1.9, cy - lobe * 0.2), size=(lobe * 2, lobe * 2))
    Ellipse(pos=(cx - lobe * 0.1, cy - lobe * 0.2), size=(lobe * 2, lobe * 2))
    Triangle(points=[cx - r * 0.98, cy + lobe * 0.55, cx + r * 0.98, cy + lobe * 0.55, cx, cy - r])


def draw_chat(cx: float, cy: float, r: float) -> None:
    RoundedRectangle(pos=(cx - r, cy - r * 0.45), size=(r * 2, r * 1.35), radius=[r * 0.35])
    Triangle(points=[cx - r * 0.5, cy - r * 0.4, cx - r * 0.1, cy - r * 0.4, cx - r * 0.6, cy - r])
    Color(1, 1, 1, 1)
    for dx in (-0.5, 0, 0.5):
        Ellipse(pos=(cx + dx * r - r * 0.13, cy + r * 0.1), size=(r * 0.26, r * 0.26))


def draw_eye(cx: float, cy: float, r: float) -> None:
    Ellipse(pos=(cx - r, cy - r * 0.55), size=(r * 2, r * 1.1))
    Color(1, 1, 1, 1)
    Ellipse(pos=(cx - r * 0.42, cy - r * 0.42), size=(r * 0.84, r * 0.84))
    Color(*theme.rgba(theme.PRIMARY))
    Ellipse(pos=(cx - r * 0.22, cy - r * 0.22), size=(r * 0.44, r * 0.44))


def draw_hand(cx: float, cy: float, r: float) -> None:
    RoundedRectangle(pos=(cx - r * 0.55, cy - r), size=(r * 1.1, r * 1.05), radius=[r * 0.3])
    for dx, top in ((-0.45, 0.55), (-0.15, 0.85), (0.15, 0.9), (0.45, 0.7)):
        RoundedRectangle(
            pos=(cx + dx * r - r * 0.12, cy - r * 0.2),
            size=(r * 0.24, r * (top + 0.2)),
            radius=[r * 0.12],
        )
    RoundedRectangle(  # the thumb, leaning out
        pos=(cx - r * 0.95, cy - r * 0.55), size=(r * 0.5, r * 0.24), radius=[r * 0.12]
    )


def draw_lock(cx: float, cy: float, r: float) -> None:
    arm, top = r * 0.45, cy + r * 0.45  # the closed shackle: two arms and a half circle
    Line(points=[cx - arm, cy, cx - arm, top], width=r * 0.13)
    Line(points=[cx + arm, cy, cx + arm, top], width=r * 0.13)
    Line(circle=(cx, top, arm, -90, 90), width=r * 0.13)
    RoundedRectangle(pos=(cx - r * 0.75, cy - r), size=(r * 1.5, r * 1.15), radius=[r * 0.2])
    Color(1, 1, 1, 1)
    Ellipse(pos=(cx - r * 0.15, cy - r * 0.5), size=(r * 0.3, r * 0.3))
    Rectangle(pos=(cx - r * 0.06, cy - r * 0.75), size=(r * 0.12, r * 0.3))


def draw_speech(cx: float, cy: float, r: float) -> None:
    """Someone speaking up: a head in profile with sound lines."""
    Ellipse(pos=(cx - r * 0.95, cy - r * 0.2), size=(r * 0.9, r * 0.9))
    RoundedRectangle(pos=(cx - r * 1.05, cy - r), size=(r * 1.1, r * 0.75), radius=[r * 0.35])
    for radius in (0.35, 0.65):
        Line(circle=(cx + r * 0.05, cy + r * 0.25, r * radius, 50, 130), width=r * 0.1, cap="round")


ICONS = {
    "star": draw_star,
    "shield": draw_shield,
    "heart": draw_heart,
    "chat": draw_chat,
    "eye": draw_eye,
    "hand": draw_hand,
    "lock": draw_lock,
    "speech": draw_speech,
}
