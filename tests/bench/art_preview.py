"""Render a grid of procedural pictures and avatar faces to PNG, for people to look at.

Usage: SDL_VIDEODRIVER=offscreen python tests/bench/art_preview.py OUT_DIR
Writes scenes.png (every scene with people and props), people.png (many people) and
avatars.png (faces from specs and from seeds, at several sizes).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("KIVY_NO_ARGS", "1")
os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")
os.environ.setdefault("KIVY_NO_FILELOG", "1")

from kivy.config import Config  # noqa: E402

Config.set("graphics", "width", "1600")
Config.set("graphics", "height", "1000")

from kivy.base import EventLoop  # noqa: E402
from kivy.core.window import Window  # noqa: E402
from kivy.uix.gridlayout import GridLayout  # noqa: E402

from app.core.pictures import (  # noqa: E402
    HAIR_STYLES,
    MOODS,
    SCENES,
    SYMBOL_PROPS,
    PersonSpec,
    Picture,
)
from app.ui.art import AvatarFace, PictureView  # noqa: E402

P = PersonSpec
AMIRA = P(4, "headscarf", "teal", "coral", "happy", "child", ("wheelchair",))
GRANDAD = P(4, "bald", "grey", "navy", "calm", "adult", ("glasses", "beard"))
SAM = P(2, "curly", "auburn", "yellow", "thinking", "child", ("freckles", "hearing-aid"))
MUM = P(6, "braids", "black", "purple", "happy", "adult")
TEEN = P(3, "ponytail", "dark-brown", "green", "unsure", "teen")
KAI = P(5, "shaved", "black", "blue", "calm", "child", ("glasses",))


def shoot(root, name: str, out: Path) -> None:
    Window.clear()
    for child in list(Window.children):
        Window.remove_widget(child)
    Window.add_widget(root)
    for _ in range(4):
        EventLoop.idle()
    Window.dispatch("on_draw")
    saved = Window.screenshot(name=str(out / name) + "%(counter)s.png")
    Path(saved).replace(out / f"{name}.png")


def scenes() -> GridLayout:
    grid = GridLayout(cols=3, padding=12, spacing=12)
    casts = [(AMIRA,), (SAM, MUM), (TEEN, KAI, GRANDAD), (GRANDAD, AMIRA), (MUM, SAM), ()]
    props = [
        ("tablet", "heart"),
        ("chat-bubble", "star"),
        ("phone", "lock", "shield"),
        ("chat-bubble",),
        ("game-console", "gift", "question-mark"),
        ("laptop", "thumbs-up"),
    ]
    for scene, people, prop in zip(SCENES, casts, props, strict=True):
        grid.add_widget(PictureView(picture=Picture(scene, people, prop), size_hint_y=1))
    return grid


def people() -> GridLayout:
    grid = GridLayout(cols=4, padding=12, spacing=12)
    colours = ["black", "dark-brown", "brown", "auburn", "red", "blonde", "grey", "white", "pink"]
    tops = ["teal", "coral", "yellow", "blue", "purple", "green", "orange", "pink", "red"]
    for i in range(12):
        group = []
        for j in range(3):
            k = i * 3 + j
            hair = HAIR_STYLES[k % len(HAIR_STYLES)]
            group.append(
                P(
                    1 + k % 6,
                    hair,
                    colours[k % len(colours)] if hair != "headscarf" else tops[k % 9],
                    tops[(k * 5) % 9],
                    MOODS[k % 4],
                    ("child", "teen", "adult")[(k // 2) % 3],
                    (("glasses",), ("hearing-aid",), (), ("freckles",), ("beard",), ())[k % 6],
                )
            )
        grid.add_widget(PictureView(picture=Picture("plain", tuple(group), ()), size_hint_y=1))
    return grid


def avatars() -> GridLayout:
    grid = GridLayout(cols=8, padding=12, spacing=12)
    for person in (AMIRA, GRANDAD, SAM, MUM, TEEN, KAI):
        grid.add_widget(AvatarFace(person=person))
    for seed in ("StarPlayer22", "Jay", "PixelPal", "coolgamer", "Mia_09", "Robin", "Zed", "Alex"):
        grid.add_widget(AvatarFace(seed=seed))
    for size in (24, 32, 44, 64, 96, 128):
        grid.add_widget(AvatarFace(seed=f"size{size}", size_hint=(None, None), size=(size, size)))
    for symbol in SYMBOL_PROPS:
        grid.add_widget(PictureView(picture=Picture("plain", (), (symbol,)), size_hint_y=1))
    return grid


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/art")
    out.mkdir(parents=True, exist_ok=True)
    EventLoop.ensure_window()
    Window.clearcolor = (0.98, 0.97, 0.95, 1)
    shoot(scenes(), "scenes", out)
    shoot(people(), "people", out)
    shoot(avatars(), "avatars", out)


if __name__ == "__main__":
    main()
