"""Every screen by name: what `app.show(name)` and `--screen NAME` open.

Screens are imported the first time they are shown, so the first frame (home) does not
wait for the drawing code of profiles, pictures or the grown-ups' pages.
"""

from __future__ import annotations

import importlib

SCREENS = {
    "home": "app.ui.screens:HomeScreen",
    "who": "app.ui.profiles:WhoScreen",
    "new-learner": "app.ui.profiles:NewLearnerScreen",
    "bands": "app.ui.screens:BandsScreen",
    "lessons": "app.ui.screens:LessonsScreen",
    "intro": "app.ui.screens:IntroScreen",
    "activity": "app.ui.screens:ActivityScreen",
    "check": "app.ui.knowledge_check:CheckScreen",
    "finish": "app.ui.screens:FinishScreen",
    "help": "app.ui.screens:HelpScreen",
    "settings": "app.ui.screens:SettingsScreen",
    "country": "app.ui.screens:CountryScreen",
    "privacy": "app.ui.grown_ups:PrivacyScreen",
    "grown-ups": "app.ui.grown_ups:GrownUpsScreen",
    "learners": "app.ui.grown_ups:LearnersScreen",
    "delete": "app.ui.grown_ups:DeleteScreen",
    "content-problems": "app.ui.grown_ups:ContentProblemsScreen",
    "results": "app.ui.for_teachers:ResultsScreen",
    "lesson-plans": "app.ui.for_teachers:LessonPlansScreen",
    "lesson-plan": "app.ui.for_teachers:LessonPlanScreen",
    "oops": "app.ui.oops:OopsScreen",
}


def screen_class(name: str) -> type:
    module_name, class_name = SCREENS[name].split(":")
    return getattr(importlib.import_module(module_name), class_name)
