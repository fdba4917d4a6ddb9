"""Every screen by name: what `app.show(name)` and `--screen NAME` open."""

from __future__ import annotations

from app.ui.grown_ups import (
    ContentProblemsScreen,
    DeleteScreen,
    GrownUpsScreen,
    LearnersScreen,
    PrivacyScreen,
)
from app.ui.oops import OopsScreen
from app.ui.profiles import NewLearnerScreen, WhoScreen
from app.ui.screens import (
    ActivityScreen,
    BandsScreen,
    FinishScreen,
    HelpScreen,
    HomeScreen,
    IntroScreen,
    LessonsScreen,
    SettingsScreen,
)

SCREENS = {
    "home": HomeScreen,
    "who": WhoScreen,
    "new-learner": NewLearnerScreen,
    "bands": BandsScreen,
    "lessons": LessonsScreen,
    "intro": IntroScreen,
    "activity": ActivityScreen,
    "finish": FinishScreen,
    "help": HelpScreen,
    "settings": SettingsScreen,
    "privacy": PrivacyScreen,
    "grown-ups": GrownUpsScreen,
    "learners": LearnersScreen,
    "delete": DeleteScreen,
    "content-problems": ContentProblemsScreen,
    "oops": OopsScreen,
}
