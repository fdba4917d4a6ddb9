"""Find clipped and overflowing text on every screen, in every language, at every size.

Used by tests/ui/test_layout_audit.py: the default run is a small matrix inside CI time;
`make layout-audit` runs every shipped language and the pseudo-locale at three sizes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kivy.core.text import Label as CoreLabel
from kivy.uix.label import Label

from app.core.model import AGE_BANDS
from app.ui.launch import DIRECT_SCREENS, open_direct

SIZES = [(360, 640), (1024, 768), (1920, 1080)]
SLACK = 1.5  # px: rounding in Kivy's own layout


@dataclass(frozen=True)
class Shot:
    """One screen to audit: `--screen`, `--lesson` and `--activity` as on the command line."""

    screen: str
    lesson: str | None = None
    activity: int = 1

    def __str__(self) -> str:
        extra = f" {self.lesson}#{self.activity}" if self.lesson else ""
        return self.screen + extra


def every_shot(library) -> list[Shot]:
    """Every screen, each activity type once (in a real lesson), the check's question."""
    shots = [Shot(s) for s in DIRECT_SCREENS if s not in ("activity", "check", "lesson-plan")]
    seen: set[str] = set()
    lessons = sorted(library.lessons.values(), key=lambda x: (AGE_BANDS.index(x.age_band), x.order))
    for lesson in lessons:
        for number, activity in enumerate(lesson.activities, start=1):
            if activity.type not in seen:
                seen.add(activity.type)
                shots.append(Shot("activity", lesson.id, number))
    youngest, oldest = lessons[0], lessons[-1]
    shots += [Shot("check", youngest.id, 1), Shot("check", oldest.id, 1)]
    shots.append(Shot("lesson-plan", oldest.id))
    return shots


def show(app, shot: Shot) -> None:
    app.history.clear()
    open_direct(app, shot.screen, shot.lesson, shot.activity)


def problems_on_screen(app, window_width: float) -> Iterator[str]:
    """Text a person could not read in full: cut off, spilling out, or a word split."""
    screen = app.manager.current_screen
    for label in screen.walk(restrict=True):
        if not isinstance(label, Label) or not label.text.strip() or label.opacity == 0:
            continue
        if label.get_root_window() is None or label.width <= 1:
            continue
        name = repr(label.text[:40])
        tex_w, tex_h = label.texture_size
        if tex_w > label.width + SLACK:
            yield f"{name} is {tex_w:.0f} px wide in a {label.width:.0f} px widget"
        if tex_h > label.height + SLACK:
            yield f"{name} is {tex_h:.0f} px tall in a {label.height:.0f} px widget"
        left, _ = label.to_window(label.x, label.y)
        if left < -SLACK or left + label.width > window_width + SLACK:
            yield f"{name} runs past the window's edge"
        word = longest_word_that_does_not_fit(label)
        if word:
            yield f"{name}: the word {word!r} is wider than the widget and gets split"


def longest_word_that_does_not_fit(label: Label) -> str | None:
    width = label.text_size[0]
    if width is None or label.markup:
        return None
    measure = CoreLabel(font_name=label.font_name, font_size=label.font_size, bold=label.bold)
    # File paths and web addresses may break anywhere; words may not.
    words = [w for w in set(label.text.split()) if "/" not in w and "\\" not in w]
    words = sorted(words, key=len, reverse=True)[:3]
    for word in words:
        if measure.get_extents(word)[0] > width + SLACK:
            return word
    return None
