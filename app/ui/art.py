"""Procedural illustrations: scenes, people and props drawn with Kivy canvas shapes.

Everything is drawn from a `Picture` / `PersonSpec` (app/core/pictures.py) in a flat,
friendly style, in units of the widget's size, so it is crisp at every size and needs
no image files. `PictureView` shows a whole picture (16:10, its height follows its width);
`AvatarFace` shows one person's head and shoulders in a circle, for chat contacts and
profiles. An account that shows warning signs gets an AvatarFace like any other.
"""

from __future__ import annotations

import math

from kivy.graphics import (
    Color,
    Ellipse,
    Line,
    Mesh,
    RoundedRectangle,
    SmoothEllipse,
    SmoothLine,
    SmoothRoundedRectangle,
    StencilPop,
    StencilPush,
    StencilUnUse,
    StencilUse,
)
from kivy.properties import NumericProperty, ObjectProperty, StringProperty
from kivy.uix.widget import Widget

from app.core.pictures import PersonSpec, Picture
from app.ui.theme import rgba

SKIN = ("#F7D9C4", "#EFC09C", "#D89C72", "#B4774F", "#8A5436", "#5C3724")
HAIR = {
    "black": "#2B2422",
    "dark-brown": "#4B3022",
    "brown": "#7B4F2E",
    "auburn": "#97452A",
    "red": "#C4612F",
    "blonde": "#E2BC68",
    "grey": "#A3A3AA",
    "white": "#E9E7E2",
}
CLOTHES = {
    "teal": "#2A9D8F",
    "coral": "#EF7C66",
    "yellow": "#F2C14E",
    "blue": "#4A90D9",
    "navy": "#2F4A7A",
    "purple": "#8E6CC4",
    "green": "#5DAE6B",
    "orange": "#F29A4A",
    "pink": "#EE8FB5",
    "red": "#D9544D",
    "grey": "#8C96A3",
}
INK = "#2B2B33"  # eyes, brows
MOUTH = "#8C3B3B"
CHEEK = "#F28C8C"
TROUSERS = "#34476B"
SHOES = "#2E2A2A"
WHITE = "#FFFFFF"
HEIGHTS = {"child": 56.0, "teen": 66.0, "adult": 74.0}  # standing, in picture units (of 100)
HEAD = {"child": 0.20, "teen": 0.17, "adult": 0.15}  # head radius as a share of height


def shade(hex_colour: str, factor: float) -> tuple[float, float, float, float]:
    """The colour darkened (factor < 1) or lightened towards white (factor > 1)."""
    r, g, b, _ = rgba(hex_colour)
    if factor <= 1:
        return (r * factor, g * factor, b * factor, 1.0)
    t = factor - 1
    return (r + (1 - r) * t, g + (1 - g) * t, b + (1 - b) * t, 1.0)


class Painter:
    """Draws in picture units: x to the right, y up, (0, 0) at `origin`, `unit` pixels each."""

    def __init__(self, origin: tuple[float, float], unit: float) -> None:
        self.ox, self.oy = origin
        self.u = unit

    def p(self, x: float, y: float) -> tuple[float, float]:
        return (self.ox + x * self.u, self.oy + y * self.u)

    def colour(self, c: str | tuple, alpha: float = 1.0) -> None:
        if isinstance(c, str):
            Color(*rgba(c, alpha))
        else:
            Color(c[0], c[1], c[2], alpha)

    def ellipse(self, x, y, rx, ry, start=0.0, end=360.0) -> None:
        """An ellipse centred at (x, y); start/end in degrees clockwise from 12 o'clock."""
        px, py = self.p(x - rx, y - ry)
        size = (2 * rx * self.u, 2 * ry * self.u)
        if start == 0.0 and end == 360.0:
            SmoothEllipse(pos=(px, py), size=size, segments=max(24, int(rx * self.u)))
        else:
            Ellipse(pos=(px, py), size=size, angle_start=start, angle_end=end, segments=48)

    def circle(self, x, y, r) -> None:
        self.ellipse(x, y, r, r)

    def rect(self, x, y, w, h, r=0.0) -> None:
        radius = max(0.0, min(r, w / 2, h / 2)) * self.u
        SmoothRoundedRectangle(
            pos=self.p(x, y), size=(w * self.u, h * self.u), radius=[radius], segments=12
        )

    def rect_corners(self, x, y, w, h, radii) -> None:
        """Rounded rectangle with corners (top-left, top-right, bottom-right, bottom-left)."""
        SmoothRoundedRectangle(
            pos=self.p(x, y),
            size=(w * self.u, h * self.u),
            radius=[max(0.0, r * self.u) for r in radii],
            segments=12,
        )

    def poly(self, points) -> None:
        """A filled convex polygon with an anti-aliased edge."""
        flat = [c for x, y in points for c in self.p(x, y)]
        vertices = []
        for i in range(0, len(flat), 2):
            vertices += [flat[i], flat[i + 1], 0, 0]
        Mesh(vertices=vertices, indices=list(range(len(points))), mode="triangle_fan")
        SmoothLine(points=flat, close=True, width=1.0)

    def line(self, points, width, cap="round") -> None:
        flat = [c for x, y in points for c in self.p(x, y)]
        SmoothLine(points=flat, width=max(1.0, width * self.u), cap=cap, joint="round")

    def arc(self, x, y, r, start, end, width) -> None:
        """An arc of a circle (degrees clockwise from 12 o'clock)."""
        steps = max(6, int(abs(end - start) / 8))
        points = []
        for i in range(steps + 1):
            a = math.radians(start + (end - start) * i / steps)
            points.append((x + r * math.sin(a), y + r * math.cos(a)))
        self.line(points, width)

    def curve(self, p0, p1, p2, width, steps=12) -> None:
        """A quadratic curve from p0 to p2 pulled towards p1."""
        points = []
        for i in range(steps + 1):
            t = i / steps
            a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
            points.append((a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]))
        self.line(points, width)

    def star(self, x, y, r) -> None:
        points = []
        for i in range(10):
            radius = r if i % 2 == 0 else r * 0.48
            a = math.pi / 2 + i * math.pi / 5
            points.append((x + radius * math.cos(a), y + radius * math.sin(a)))
        for i in range(0, 10, 2):  # five kite-shaped points around a pentagon: all convex
            self.poly([(x, y), points[i - 1], points[i], points[i + 1] if i < 9 else points[0]])


# --- people ------------------------------------------------------------------------


def skin_of(person: PersonSpec) -> str:
    return SKIN[max(1, min(len(SKIN), person.skin)) - 1]


def hair_of(person: PersonSpec) -> str:
    if person.hair == "headscarf":
        return CLOTHES.get(person.hair_colour, CLOTHES["purple"])
    return HAIR.get(person.hair_colour, HAIR["dark-brown"])


def top_of(person: PersonSpec) -> str:
    return CLOTHES.get(person.top, CLOTHES["teal"])


def draw_head(pa: Painter, person: PersonSpec, cx: float, cy: float, r: float) -> None:
    """A head of radius r centred at (cx, cy): back hair, ears, face, front hair, extras."""
    skin, hair = skin_of(person), hair_of(person)
    scarf = person.hair == "headscarf"
    _hair_back(pa, person, cx, cy, r, hair)
    if not scarf:
        for side in (-1, 1):  # ears
            pa.colour(skin)
            pa.ellipse(cx + side * r * 0.93, cy - r * 0.05, r * 0.2, r * 0.24)
            pa.colour(shade(skin, 0.86))
            pa.ellipse(cx + side * r * 0.95, cy - r * 0.05, r * 0.09, r * 0.12)
        if person.has("hearing-aid"):
            pa.colour("#3A8FB7")
            pa.ellipse(cx - r * 1.06, cy + r * 0.02, r * 0.1, r * 0.2)
            pa.colour("#F2C14E")
            pa.circle(cx - r * 0.96, cy - r * 0.12, r * 0.06)
    pa.colour(skin)
    pa.ellipse(cx, cy, r * (0.86 if scarf else 0.92), r * (0.92 if scarf else 1.0))
    if person.has("beard"):
        pa.colour(hair)
        pa.ellipse(cx, cy - r * 0.4, r * 0.78, r * 0.52, 90, 270)
        pa.ellipse(cx, cy - r * 0.36, r * 0.36, r * 0.13)
        pa.colour(skin)
        pa.ellipse(cx, cy - r * 0.5, r * 0.3, r * 0.16)
    _face(pa, person, cx, cy, r, skin)
    _hair_front(pa, person, cx, cy, r, hair)
    if person.has("glasses"):
        pa.colour("#3B3F4A")
        for side in (-1, 1):
            pa.arc(cx + side * r * 0.36, cy - r * 0.02, r * 0.24, 0, 360, r * 0.06)
        pa.arc(cx, cy - r * 0.06, r * 0.13, -60, 60, r * 0.05)
        for side in (-1, 1):
            pa.line(
                [(cx + side * r * 0.6, cy + r * 0.04), (cx + side * r * 0.86, cy + r * 0.1)],
                r * 0.05,
            )


def _face(pa: Painter, person: PersonSpec, cx, cy, r, skin) -> None:
    mood = person.mood
    deep = person.skin >= 5  # deeper skin: darker features and brighter eye lights
    eyes = "#141018" if deep else INK
    eye_y = cy - r * 0.02
    look = {"thinking": (r * 0.04, r * 0.05), "unsure": (-r * 0.03, 0)}.get(mood, (0, 0))
    for side in (-1, 1):
        ex = cx + side * r * 0.36
        if mood == "calm":  # relaxed, gently closed smiling eyes
            pa.colour(eyes)
            pa.arc(ex, eye_y - r * 0.06, r * 0.12, -70, 70, r * 0.055)
        else:
            pa.colour(eyes)
            pa.ellipse(ex + look[0], eye_y + look[1], r * 0.09, r * 0.115)
            pa.colour(WHITE)
            pa.circle(
                ex + look[0] + r * 0.03, eye_y + look[1] + r * 0.045, r * (0.04 if deep else 0.032)
            )
    # Eyebrows tell the mood: soft arches, one raised when thinking, tilted when unsure.
    brows = INK if person.hair == "headscarf" else shade(hair_of(person), 0.8)
    pa.colour("#1E1614" if deep else brows, 0.9)
    brow_y = eye_y + r * 0.22
    for side in (-1, 1):
        bx = cx + side * r * 0.36
        if mood == "unsure":
            pa.line(
                [
                    (bx - side * r * 0.14, brow_y + r * 0.05),
                    (bx + side * r * 0.12, brow_y - r * 0.02),
                ],
                r * 0.055,
            )
        else:
            lift = r * 0.07 if (mood == "thinking" and side == 1) else 0
            pa.curve(
                (bx - r * 0.13, brow_y + lift - r * 0.02),
                (bx, brow_y + lift + r * 0.05),
                (bx + r * 0.13, brow_y + lift - r * 0.02),
                r * 0.05,
            )
    if person.has("freckles"):
        pa.colour(shade(skin, 0.72), 0.8)
        for side in (-1, 1):
            for dx, dy in ((0.0, 0.0), (0.1, 0.05), (0.08, -0.07), (-0.06, -0.04)):
                pa.circle(cx + side * r * (0.42 + dx), cy - r * (0.27 + dy), r * 0.025)
    pa.colour(CHEEK, 0.35)
    for side in (-1, 1):
        pa.ellipse(cx + side * r * 0.52, cy - r * 0.3, r * 0.14, r * 0.09)
    pa.colour(shade(skin, 0.82))  # nose: a small soft shape
    pa.ellipse(cx, cy - r * 0.2, r * 0.08, r * 0.06)
    my = cy - r * 0.46
    pa.colour("#3A1414" if deep else MOUTH)
    if mood == "happy":
        pa.ellipse(cx, my + r * 0.06, r * 0.26, r * 0.2, 90, 270)
        pa.colour("#E98A8A")
        pa.ellipse(cx, my - r * 0.06, r * 0.12, r * 0.06, 90, 270)
    elif mood == "calm":
        pa.curve(
            (cx - r * 0.18, my + r * 0.04),
            (cx, my - r * 0.08),
            (cx + r * 0.18, my + r * 0.04),
            r * 0.055,
        )
    elif mood == "thinking":
        pa.curve(
            (cx - r * 0.06, my),
            (cx + r * 0.08, my - r * 0.03),
            (cx + r * 0.2, my + r * 0.04),
            r * 0.055,
        )
    else:  # unsure: a small wavy mouth, never a frown
        pa.line(
            [
                (cx - r * 0.17, my - r * 0.01),
                (cx - r * 0.06, my + r * 0.03),
                (cx + r * 0.06, my - r * 0.02),
                (cx + r * 0.17, my + r * 0.02),
            ],
            r * 0.05,
        )


def _hair_back(pa: Painter, person: PersonSpec, cx, cy, r, hair) -> None:
    style = person.hair
    pa.colour(hair)
    if style == "long":
        pa.rect_corners(cx - r * 1.08, cy - r * 1.35, r * 2.16, r * 2.2, (r, r, r * 0.3, r * 0.3))
    elif style == "curly":
        for angle in range(-130, 131, 26):
            a = math.radians(angle)
            pa.circle(cx + r * 0.98 * math.sin(a), cy + r * 0.12 + r * 0.98 * math.cos(a), r * 0.36)
    elif style == "bun":
        pa.circle(cx, cy + r * 1.12, r * 0.42)
    elif style == "ponytail":
        pa.ellipse(cx + r * 1.0, cy + r * 0.05, r * 0.3, r * 0.62)
    elif style == "braids":
        for side in (-1, 1):
            for i in range(5):
                pa.colour(shade(hair, 1.0 if i % 2 else 0.88))
                pa.ellipse(cx + side * r * 0.98, cy - r * (0.15 + i * 0.28), r * 0.17, r * 0.18)
            pa.colour("#F2C14E")
            pa.ellipse(cx + side * r * 0.98, cy - r * 1.47, r * 0.12, r * 0.07)
    elif style == "headscarf":
        pa.ellipse(cx, cy + r * 0.04, r * 1.1, r * 1.14)
        pa.poly(
            [
                (cx - r * 1.02, cy - r * 0.2),
                (cx + r * 1.02, cy - r * 0.2),
                (cx + r * 1.25, cy - r * 1.45),
                (cx - r * 1.25, cy - r * 1.45),
            ]
        )
        pa.ellipse(cx, cy - r * 1.45, r * 1.25, r * 0.2)


def _hair_front(pa: Painter, person: PersonSpec, cx, cy, r, hair) -> None:
    style = person.hair
    if style in ("bald", "headscarf"):
        if style == "bald":  # a little hair above the ears
            pa.colour(hair)
            for side in (-1, 1):
                pa.ellipse(cx + side * r * 0.82, cy + r * 0.28, r * 0.16, r * 0.3)
        else:  # the scarf's edge framing the face
            pa.colour(shade(hair, 0.85))
            pa.arc(cx, cy + r * 0.02, r * 0.9, -95, 95, r * 0.1)
        return
    if style == "shaved":
        pa.colour(hair, 0.55)
        pa.ellipse(cx, cy + r * 0.16, r * 0.93, r * 0.86, -90, 90)
        return
    pa.colour(hair)
    if style == "curly":
        for i in range(7):
            a = math.radians(-75 + i * 25)
            pa.circle(cx + r * 0.72 * math.sin(a), cy + r * 0.42 + r * 0.42 * math.cos(a), r * 0.3)
        return
    # A dome over the top of the head with a soft side-swept fringe.
    pa.ellipse(cx, cy + r * 0.3, r * 0.99, r * 0.8, -90, 90)
    pa.poly(
        [
            (cx - r * 0.55, cy + r * 0.38),
            (cx + r * 0.7, cy + r * 0.66),
            (cx - r * 0.1, cy + r * 0.24),
        ]
    )
    for side in (-1, 1):  # sideburns down to the ears
        pa.rect(cx + side * r * 0.84 - r * 0.13, cy - r * 0.05, r * 0.26, r * 0.4, r * 0.12)
    if style in ("long", "braids"):
        for side in (-1, 1):
            pa.rect(cx + side * r * 0.9 - r * 0.14, cy - r * 0.75, r * 0.28, r * 1.0, r * 0.14)
    pa.colour(shade(hair, 1.25), 0.5)  # a soft highlight
    pa.arc(cx - r * 0.05, cy + r * 0.25, r * 0.7, -40, -5, r * 0.07)


def draw_person(
    pa: Painter, person: PersonSpec, cx: float, ground: float, device: str = ""
) -> None:
    """A whole person standing (or sitting in a wheelchair) on `ground`, centred at cx."""
    height = HEIGHTS.get(person.age, HEIGHTS["child"])
    seated = person.has("wheelchair")
    r = height * HEAD.get(person.age, 0.2)
    top = top_of(person)
    torso_w, torso_h = r * 1.9, r * 2.0
    if seated:
        seat_y = ground + height * 0.3
        hip = seat_y + r * 0.1
        _wheelchair_back(pa, cx, ground, seat_y, r)
    else:
        hip = ground + height - 2 * r - torso_h + r * 0.15
    shoulder = hip + torso_h
    head_y = shoulder + r * 0.95
    pa.colour("#000000", 0.1)  # soft shadow
    pa.ellipse(cx, ground, r * (2.6 if seated else 1.4), r * 0.22)
    # Legs and shoes.
    leg_w = r * 0.62
    if seated:
        pa.colour(TROUSERS)
        pa.rect(cx - torso_w / 2 + r * 0.05, seat_y - r * 0.1, torso_w - r * 0.1, r * 0.75, r * 0.3)
        for side in (-1, 1):
            pa.colour(TROUSERS)
            lx = cx + side * r * 0.45 - leg_w / 2
            pa.rect(lx, ground + r * 0.55, leg_w, seat_y - ground - r * 0.3, leg_w / 2)
            pa.colour(SHOES)
            pa.ellipse(cx + side * r * 0.5, ground + r * 0.55, r * 0.42, r * 0.22)
    else:
        for side in (-1, 1):
            pa.colour(TROUSERS)
            lx = cx + side * r * 0.45 - leg_w / 2
            pa.rect(lx, ground + r * 0.15, leg_w, hip - ground, leg_w * 0.4)
            pa.colour(SHOES)
            pa.ellipse(cx + side * r * 0.55, ground + r * 0.18, r * 0.45, r * 0.24)
    # Neck, arms, torso.
    skin = skin_of(person)
    pa.colour(shade(skin, 0.88))
    pa.rect(cx - r * 0.26, shoulder - r * 0.3, r * 0.52, r * 0.6, r * 0.2)
    arm_w = r * 0.5
    holding = bool(device)
    for side in (-1, 1):
        pa.colour(shade(top, 0.88))
        ax = cx + side * (torso_w / 2 - arm_w * 0.05) - arm_w / 2
        arm_top = shoulder - r * 0.12
        if holding:
            pa.rect(ax, arm_top - torso_h * 0.55, arm_w, torso_h * 0.55, arm_w / 2)
        else:
            pa.rect(ax, shoulder - torso_h * 0.92, arm_w, torso_h * 0.8, arm_w / 2)
            pa.colour(skin)
            pa.circle(ax + arm_w / 2, shoulder - torso_h * 0.92 + arm_w * 0.3, arm_w * 0.48)
    pa.colour(top)
    pa.rect_corners(cx - torso_w / 2, hip, torso_w, torso_h, (r * 0.7, r * 0.7, r * 0.25, r * 0.25))
    pa.colour(shade(top, 0.85))  # collar
    pa.ellipse(cx, shoulder - r * 0.02, r * 0.38, r * 0.16, 90, 270)
    if person.hair == "headscarf":
        pa.colour(hair_of(person))
        pa.ellipse(cx, shoulder - r * 0.05, r * 0.95, r * 0.42, 90, 270)
    if seated:
        _wheelchair_front(pa, cx, ground, seat_y, r)
        pa.colour(shade(TROUSERS, 1.08))  # the lap, in front of the seat
        pa.rect(cx - torso_w / 2, seat_y - r * 0.32, torso_w, r * 0.55, r * 0.25)
    draw_head(pa, person, cx, head_y, r)
    if holding:
        _held_device(pa, device, cx, hip + torso_h * 0.42, r, skin, top)


def _held_device(pa: Painter, device: str, cx, cy, r, skin, top) -> None:
    if device == "game-console":
        pa.colour("#4A4F5C")
        pa.rect(cx - r * 1.0, cy - r * 0.38, r * 2.0, r * 0.76, r * 0.38)
        pa.colour("#8FD3C7")
        pa.rect(cx - r * 0.42, cy - r * 0.26, r * 0.84, r * 0.52, r * 0.08)
        pa.colour("#F2C14E")
        pa.circle(cx + r * 0.7, cy + r * 0.08, r * 0.09)
        pa.colour("#EF7C66")
        pa.circle(cx + r * 0.7, cy - r * 0.14, r * 0.09)
        pa.colour("#D8DCE3")
        pa.rect(cx - r * 0.82, cy - r * 0.04, r * 0.26, r * 0.08)
        pa.rect(cx - r * 0.73, cy - r * 0.13, r * 0.08, r * 0.26)
        hands = r * 1.0
    elif device == "phone":
        pa.colour("#3A3F4B")
        pa.rect(cx - r * 0.34, cy - r * 0.55, r * 0.68, r * 1.15, r * 0.12)
        pa.colour("#CFE8F5")
        pa.rect(cx - r * 0.27, cy - r * 0.45, r * 0.54, r * 0.95, r * 0.06)
        hands = r * 0.36
    elif device == "laptop":
        pa.colour("#9AA3B2")
        pa.rect(cx - r * 1.05, cy - r * 0.1, r * 2.1, r * 1.2, r * 0.1)
        pa.colour("#CFE8F5")
        pa.rect(cx - r * 0.92, cy + r * 0.02, r * 1.84, r * 0.98, r * 0.05)
        pa.colour("#7C8596")
        pa.rect(cx - r * 1.3, cy - r * 0.3, r * 2.6, r * 0.22, r * 0.1)
        hands = r * 0.85
        cy -= r * 0.3
    else:  # tablet
        pa.colour("#3A3F4B")
        pa.rect(cx - r * 0.85, cy - r * 0.6, r * 1.7, r * 1.2, r * 0.15)
        pa.colour("#CFE8F5")
        pa.rect(cx - r * 0.74, cy - r * 0.49, r * 1.48, r * 0.98, r * 0.07)
        pa.colour(WHITE)
        pa.rect(cx - r * 0.62, cy + r * 0.08, r * 0.8, r * 0.26, r * 0.1)
        pa.colour(CLOTHES["blue"])
        pa.rect(cx - r * 0.2, cy - r * 0.3, r * 0.8, r * 0.26, r * 0.1)
        hands = r * 0.88
    for side in (-1, 1):
        pa.colour(skin)
        pa.circle(cx + side * hands, cy - r * 0.05, r * 0.24)


def _wheelchair_back(pa: Painter, cx, ground, seat_y, r) -> None:
    pa.colour("#5B6475")  # the back rest, behind the person
    pa.rect(cx - r * 1.1, seat_y, r * 2.2, r * 2.0, r * 0.3)


def _wheelchair_front(pa: Painter, cx, ground, seat_y, r) -> None:
    wheel = (seat_y - ground) * 0.62
    wx, wy = cx + r * 1.15, ground + wheel
    pa.colour("#3F4757")
    pa.arc(wx, wy, wheel * 0.93, 0, 360, r * 0.16)
    pa.colour("#9AA3B2")
    pa.arc(wx, wy, wheel * 0.74, 0, 360, r * 0.06)
    for angle in range(0, 180, 45):
        a = math.radians(angle)
        dx, dy = math.sin(a) * wheel * 0.74, math.cos(a) * wheel * 0.74
        pa.line([(wx - dx, wy - dy), (wx + dx, wy + dy)], r * 0.03)
    pa.colour("#3F4757")
    pa.circle(wx, wy, r * 0.14)
    pa.circle(cx - r * 1.15, ground + r * 0.2, r * 0.2)  # small front wheel
    pa.line([(cx - r * 1.15, ground + r * 0.2), (cx - r * 0.9, seat_y - r * 0.1)], r * 0.1)
    pa.colour("#5B6475")
    pa.rect(cx - r * 1.25, seat_y - r * 0.2, r * 2.5, r * 0.22, r * 0.1)  # seat edge
    pa.rect(cx - r * 0.95, ground + r * 0.25, r * 1.9, r * 0.16, r * 0.08)  # foot rest


# --- symbols (props that float above the people) -------------------------------------


def draw_symbol(pa: Painter, name: str, x: float, y: float, s: float) -> None:
    """A prop in a white badge of radius s centred at (x, y)."""
    pa.colour("#000000", 0.08)
    pa.circle(x + s * 0.06, y - s * 0.1, s)
    pa.colour(WHITE)
    pa.circle(x, y, s)
    k = s * 0.55
    if name == "chat-bubble":
        pa.colour(CLOTHES["blue"])
        pa.rect(x - k, y - k * 0.5, 2 * k, k * 1.3, k * 0.4)
        pa.poly(
            [(x - k * 0.5, y - k * 0.4), (x - k * 0.1, y - k * 0.4), (x - k * 0.7, y - k * 0.95)]
        )
        pa.colour(WHITE)
        for dx in (-0.5, 0, 0.5):
            pa.circle(x + dx * k, y + k * 0.15, k * 0.15)
    elif name == "heart":
        pa.colour(CLOTHES["coral"])
        pa.circle(x - k * 0.45, y + k * 0.25, k * 0.5)
        pa.circle(x + k * 0.45, y + k * 0.25, k * 0.5)
        pa.poly([(x - k * 0.93, y + k * 0.12), (x + k * 0.93, y + k * 0.12), (x, y - k * 0.95)])
    elif name == "star":
        pa.colour("#E9A100")
        pa.star(x, y - k * 0.05, k * 1.05)
    elif name == "lock":
        pa.colour("#6B7385")
        pa.arc(x, y + k * 0.15, k * 0.45, -90, 90, k * 0.2)
        pa.line([(x - k * 0.45, y + k * 0.15), (x - k * 0.45, y)], k * 0.2, cap="none")
        pa.line([(x + k * 0.45, y + k * 0.15), (x + k * 0.45, y)], k * 0.2, cap="none")
        pa.colour("#E9A100")
        pa.rect(x - k * 0.75, y - k * 0.85, k * 1.5, k * 1.05, k * 0.2)
        pa.colour("#6B3A00")
        pa.circle(x, y - k * 0.3, k * 0.14)
    elif name == "shield":
        pa.colour(CLOTHES["green"])
        pa.poly(
            [
                (x, y + k),
                (x + k * 0.85, y + k * 0.65),
                (x + k * 0.75, y - k * 0.2),
                (x, y - k),
                (x - k * 0.75, y - k * 0.2),
                (x - k * 0.85, y + k * 0.65),
            ]
        )
        pa.colour(WHITE)
        pa.line(
            [(x - k * 0.38, y), (x - k * 0.08, y - k * 0.3), (x + k * 0.42, y + k * 0.3)], k * 0.16
        )
    elif name == "gift":
        pa.colour(CLOTHES["purple"])
        pa.rect(x - k * 0.8, y - k * 0.85, k * 1.6, k * 1.15, k * 0.12)
        pa.colour(shade(CLOTHES["purple"], 0.85))
        pa.rect(x - k * 0.92, y + k * 0.15, k * 1.84, k * 0.4, k * 0.1)
        pa.colour("#F2C14E")
        pa.rect(x - k * 0.14, y - k * 0.85, k * 0.28, k * 1.4)
        pa.ellipse(x - k * 0.35, y + k * 0.72, k * 0.32, k * 0.2)
        pa.ellipse(x + k * 0.35, y + k * 0.72, k * 0.32, k * 0.2)
    elif name == "question-mark":
        pa.colour(CLOTHES["purple"])
        pa.arc(x, y + k * 0.35, k * 0.45, -80, 180, k * 0.26)
        pa.line([(x, y - k * 0.1), (x, y - k * 0.35)], k * 0.26)
        pa.circle(x, y - k * 0.82, k * 0.17)
    elif name == "thumbs-up":
        pa.colour("#E9A100")
        pa.rect(x - k * 0.55, y - k * 0.85, k * 1.25, k * 1.05, k * 0.3)
        pa.rect(x - k * 0.35, y - k * 0.1, k * 0.45, k * 1.0, k * 0.22)
        pa.colour("#2F4A7A")
        pa.rect(x - k * 0.95, y - k * 0.85, k * 0.38, k * 1.0, k * 0.1)
    else:  # a device on its own
        pa.colour("#3A3F4B")
        pa.rect(x - k * 0.8, y - k * 0.6, k * 1.6, k * 1.2, k * 0.15)
        pa.colour("#CFE8F5")
        pa.rect(x - k * 0.68, y - k * 0.48, k * 1.36, k * 0.96, k * 0.08)


# --- scenes ------------------------------------------------------------------------

SCENE_COLOURS = {  # wall, floor
    "plain": ("#EAF2FB", "#D9E6F4"),
    "bedroom": ("#EDE6F7", "#D9B99A"),
    "classroom": ("#E5F3EA", "#CDB89D"),
    "living-room": ("#F8EBDD", "#C99F7C"),
    "park": ("#CDEBFA", "#9ED27F"),
    "kitchen": ("#FBF2D5", "#D6D9DE"),
}
FLOOR = 24.0  # the floor line, in picture units from the bottom


def draw_scene(pa: Painter, scene: str, width: float) -> None:
    wall, floor = SCENE_COLOURS.get(scene, SCENE_COLOURS["plain"])
    pa.colour(wall)
    pa.rect(0, 0, width, 100)
    pa.colour(floor)
    pa.rect(0, 0, width, FLOOR)
    pa.colour(shade(floor, 0.92))
    pa.rect(0, FLOOR - 1.2, width, 1.2)
    getattr(_Scenes, scene.replace("-", "_"), _Scenes.plain)(pa, width)


class _Scenes:
    @staticmethod
    def plain(pa: Painter, w: float) -> None:
        pa.colour(WHITE, 0.55)
        pa.circle(w * 0.18, 78, 16)
        pa.circle(w * 0.84, 62, 22)

    @staticmethod
    def _window(pa: Painter, x, y, w, h, sky="#BFE3F8") -> None:
        pa.colour(WHITE)
        pa.rect(x - 1.2, y - 1.2, w + 2.4, h + 2.4, 2)
        pa.colour(sky)
        pa.rect(x, y, w, h, 1.2)
        pa.colour(WHITE, 0.9)
        pa.circle(x + w * 0.3, y + h * 0.6, h * 0.12)
        pa.circle(x + w * 0.42, y + h * 0.62, h * 0.16)
        pa.colour(WHITE)
        pa.rect(x + w / 2 - 0.6, y, 1.2, h)
        pa.rect(x, y + h / 2 - 0.6, w, 1.2)

    @staticmethod
    def bedroom(pa: Painter, w: float) -> None:
        _Scenes._window(pa, w * 0.08, 52, 26, 28)
        pa.colour("#C7B2E6")  # curtains
        pa.rect(w * 0.08 - 5, 50, 6, 33, 3)
        pa.rect(w * 0.08 + 25, 50, 6, 33, 3)
        pa.colour("#F2C14E")  # a star poster
        pa.rect(w - 38, 56, 20, 24, 2)
        pa.colour(WHITE)
        pa.star(w - 28, 68, 7)
        pa.colour("#8E6CC4")  # the bed, on the right
        pa.rect(w - 52, FLOOR - 2, 50, 14, 3)
        pa.colour("#B79FE0")
        pa.rect(w - 54, FLOOR + 8, 54, 8, 4)
        pa.colour(WHITE)
        pa.rect(w - 16, FLOOR + 13, 14, 7, 3.5)
        pa.colour("#7A5A3A")
        pa.rect(w - 4, FLOOR - 2, 4, 30, 1.5)

    @staticmethod
    def classroom(pa: Painter, w: float) -> None:
        pa.colour("#8A6A48")
        pa.rect(w / 2 - 42, 44, 84, 44, 3)
        pa.colour("#2F5D50")
        pa.rect(w / 2 - 40, 46, 80, 40, 2)
        pa.colour(WHITE, 0.8)
        pa.line([(w / 2 - 32, 76), (w / 2 - 6, 76)], 0.9)
        pa.line([(w / 2 - 32, 69), (w / 2 + 14, 69)], 0.9)
        pa.line([(w / 2 + 16, 58), (w / 2 + 30, 58)], 0.9)
        pa.colour("#F29A4A")  # a bright display
        pa.rect(8, 56, 20, 26, 2)
        pa.colour(WHITE, 0.85)
        pa.rect(11, 70, 14, 8, 1)
        pa.rect(11, 60, 9, 7, 1)

    @staticmethod
    def living_room(pa: Painter, w: float) -> None:
        pa.colour("#E9C46A")  # a picture on the wall
        pa.rect(w / 2 - 12, 66, 24, 17, 2)
        pa.colour("#9ED27F")
        pa.poly([(w / 2 - 10, 68), (w / 2 - 2, 77), (w / 2 + 6, 68)])
        pa.colour("#5F8FC7")  # the sofa, wide behind everyone
        pa.rect(w * 0.12, FLOOR + 4, w * 0.76, 26, 6)
        pa.colour("#6E9DD3")
        pa.rect(w * 0.12 - 4, FLOOR + 2, 10, 20, 4)
        pa.rect(w * 0.88 - 6, FLOOR + 2, 10, 20, 4)
        pa.colour("#F2C14E")  # lamp
        pa.poly([(w - 16, 60), (w - 6, 60), (w - 9, 70), (w - 13, 70)])
        pa.colour("#7A5A3A")
        pa.rect(w - 11.6, FLOOR, 1.2, 36)
        pa.colour("#EF7C66", 0.5)  # rug
        pa.ellipse(w / 2, 9, w * 0.32, 5)

    @staticmethod
    def park(pa: Painter, w: float) -> None:
        pa.colour("#FFD866")
        pa.circle(w - 22, 82, 8)
        pa.colour(WHITE)
        for x, y in ((24, 82), (w * 0.55, 88)):
            pa.circle(x, y, 5)
            pa.circle(x + 6, y + 2, 6.5)
            pa.circle(x + 12, y, 5)
        pa.colour("#B7E09B")
        pa.ellipse(w * 0.25, FLOOR, w * 0.4, 16)
        pa.ellipse(w * 0.8, FLOOR, w * 0.35, 12)
        for x, s in ((12, 1.0), (w - 14, 1.2)):
            pa.colour("#8A6A48")
            pa.rect(x - 1.5 * s, FLOOR - 2, 3 * s, 24 * s, 1.5)
            pa.colour("#5DAE6B")
            pa.circle(x, FLOOR + 26 * s, 10 * s)
            pa.circle(x - 6 * s, FLOOR + 20 * s, 7 * s)
            pa.circle(x + 6 * s, FLOOR + 20 * s, 7 * s)
        pa.colour("#E8D9B5")
        pa.poly([(w / 2 - 10, FLOOR), (w / 2 + 10, FLOOR), (w / 2 + 30, 0), (w / 2 - 30, 0)])

    @staticmethod
    def kitchen(pa: Painter, w: float) -> None:
        _Scenes._window(pa, w / 2 - 14, 58, 28, 24)
        pa.colour(WHITE, 0.6)  # tiles
        for x in range(0, int(w), 8):
            pa.rect(x + 0.4, 46, 7.2, 8, 1)
        pa.colour("#6FA8A0")  # cupboards and worktop along the back
        pa.rect(0, FLOOR, w, 22, 0)
        pa.colour("#E8E2D6")
        pa.rect(0, FLOOR + 21, w, 3, 0)
        pa.colour(shade("#6FA8A0", 0.88))
        for x in range(6, int(w) - 6, 22):
            pa.rect(x, FLOOR + 2, 18, 17, 1.5)
            pa.colour(WHITE, 0.8)
            pa.rect(x + 14, FLOOR + 9, 1.6, 5, 0.8)
            pa.colour(shade("#6FA8A0", 0.88))
        pa.colour("#5DAE6B")  # a plant
        pa.circle(14, FLOOR + 30, 4)
        pa.circle(18, FLOOR + 32, 4)
        pa.colour("#EF7C66")
        pa.rect(11, FLOOR + 24, 10, 6, 1.5)


def draw_picture(pa: Painter, picture: Picture, width: float) -> None:
    """A whole picture, `width` units wide and 100 units tall."""
    draw_scene(pa, picture.scene, width)
    people = picture.people
    devices = picture.devices
    count = len(people)
    spacing = min(40.0, width * 0.8 / max(1, count))
    ground = 7.0
    for i, person in enumerate(people):
        cx = width / 2 + (i - (count - 1) / 2) * spacing
        draw_person(pa, person, cx, ground, devices[0] if (i == 0 and devices) else "")
    symbols = list(picture.symbols)
    if devices and not people:
        symbols.insert(0, devices[0])
    if symbols:
        s = 8.5
        # Props float in the top corners' open space: right first, then left.
        spots = [(width - 13, 86), (13, 86), (width - 13, 64), (13, 64)]
        if count == 0:
            spots = [
                (width / 2 + (i - (len(symbols) - 1) / 2) * 24, 55) for i in range(len(symbols))
            ]
            s = 10
        for name, (x, y) in zip(symbols, spots, strict=False):
            draw_symbol(pa, name, x, y, s)


# --- widgets -----------------------------------------------------------------------


class PictureView(Widget):
    """A picture drawn to fit its width; its height follows (16:10 by default).

    With `max_height` set (e.g. a share of the window), a wide column gets a picture
    no taller than that, centred, so the words under it stay in view.
    """

    picture = ObjectProperty(None, allownone=True)
    ratio = NumericProperty(1.6)  # width / height
    max_height = NumericProperty(0)  # 0: no limit

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("size_hint_y", None)
        super().__init__(**kwargs)
        self.bind(width=self._fit, ratio=self._fit, max_height=self._fit)
        self.bind(pos=self._draw, size=self._draw, picture=self._draw)
        self._fit()

    def _fit(self, *_args) -> None:
        height = self.width / self.ratio
        self.height = min(height, self.max_height) if self.max_height > 0 else height

    def _draw(self, *_args) -> None:
        self.canvas.clear()
        if self.picture is None or self.width <= 1 or self.height <= 1:
            return
        height = min(self.height, self.width / self.ratio)
        box_w = height * self.ratio
        x, y = self.center_x - box_w / 2, self.center_y - height / 2
        unit = height / 100.0
        pa = Painter((x, y), unit)
        with self.canvas:
            StencilPush()  # rounded corners: nothing is drawn outside the card
            Color(1, 1, 1, 1)
            RoundedRectangle(pos=(x, y), size=(box_w, height), radius=[5 * unit])
            StencilUse()
            draw_picture(pa, self.picture, self.ratio * 100)
            StencilUnUse()
            RoundedRectangle(pos=(x, y), size=(box_w, height), radius=[5 * unit])
            StencilPop()
            Color(*rgba("#C9D2DD"))
            Line(rounded_rectangle=(x, y, box_w, height, 5 * unit), width=1)


AVATAR_BACKGROUNDS = ("#CFE8F5", "#E2F3E7", "#FFF0D4", "#EDE6F7", "#FBE3DC", "#E6EEF8")


class AvatarFace(Widget):
    """A person's head and shoulders in a circle, from a PersonSpec or just a seed.

    `AvatarFace(seed="StarPlayer22")` always draws the same ordinary, friendly person for
    that name, so chat accounts and profiles get a face without an author describing one.
    """

    person = ObjectProperty(None, allownone=True)
    seed = StringProperty("")
    colour = StringProperty("")  # the circle's colour; by default a soft one from the seed

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.bind(pos=self._draw, size=self._draw, person=self._draw)
        self.bind(seed=self._draw, colour=self._draw)

    @property
    def spec(self) -> PersonSpec:
        return self.person or PersonSpec.from_seed(self.seed or "?")

    def _draw(self, *_args) -> None:
        self.canvas.clear()
        size = min(self.size)
        if size <= 1:
            return
        unit = size / 100.0
        ox = self.center_x - size / 2
        oy = self.center_y - size / 2
        pa = Painter((ox, oy), unit)
        person = self.spec
        background = (
            self.colour
            or AVATAR_BACKGROUNDS[sum(map(ord, self.seed or person.top)) % len(AVATAR_BACKGROUNDS)]
        )
        with self.canvas:
            StencilPush()
            Color(1, 1, 1, 1)
            Ellipse(pos=(ox + 0.5, oy + 0.5), size=(size - 1, size - 1), segments=64)
            StencilUse()
            pa.colour(background)
            pa.circle(50, 50, 50)
            r = 25.0
            top = top_of(person)
            pa.colour(shade(skin_of(person), 0.88))
            pa.rect(50 - r * 0.3, 20, r * 0.6, 20, r * 0.2)
            pa.colour(top)
            pa.rect_corners(50 - r * 1.7, -10, r * 3.4, 36, (r * 0.9, r * 0.9, 0, 0))
            pa.colour(shade(top, 0.85))
            pa.ellipse(50, 26, r * 0.42, r * 0.18, 90, 270)
            if person.hair == "headscarf":
                pa.colour(hair_of(person))
                pa.ellipse(50, 25, r * 1.05, r * 0.45, 90, 270)
            draw_head(pa, person, 50, 55, r)
            StencilUnUse()
            Ellipse(pos=(ox + 0.5, oy + 0.5), size=(size - 1, size - 1), segments=64)
            StencilPop()
            Color(1, 1, 1, 1)
            pa.arc(50, 50, 50 - 0.9 / unit, 0, 360, 1.6 / unit)
