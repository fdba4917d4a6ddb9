"""Every control on every screen is big enough for a child's finger (at least 48 dp)."""

from __future__ import annotations

import pytest
from kivy.metrics import dp

SAMPLE = "every-activity-type"
MIN_TARGET = 48


def controls(ui):
    return [w for w in ui._widgets() if ui.app.focus._is_live(w)]


def assert_big_enough(ui, where: str) -> None:
    found = controls(ui)
    assert found, f"{where}: no controls at all"
    small = [
        f"{getattr(w, 'text', type(w).__name__)!r} {w.width:.0f}x{w.height:.0f}"
        for w in found
        if w.height < dp(MIN_TARGET) - 0.5 or w.width < dp(MIN_TARGET) - 0.5
    ]
    assert not small, f"{where}: too small to tap: " + ", ".join(small)


SCREENS = ["home", "who", "new-learner", "settings", "bands", "lessons", "intro", "help"]
SCREENS += ["privacy", "grown-ups", "learners", "delete", "content-problems", "oops"]


@pytest.mark.parametrize("screen", SCREENS)
def test_screens(ui, screen):
    from app.ui.launch import open_direct

    open_direct(ui.app, screen, None, 1)
    ui.pump()
    assert_big_enough(ui, screen)


def test_every_activity_type_of_the_sample(ui):
    sample = ui.app.library.lessons[SAMPLE]
    for number, activity in enumerate(sample.activities, start=1):
        ui.open_activity(SAMPLE, number)
        assert_big_enough(ui, f"activity {number} ({activity.type})")
