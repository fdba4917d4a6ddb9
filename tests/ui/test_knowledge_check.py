"""The knowledge check before and after a band, and what grown-ups see of it."""

from __future__ import annotations

import pytest

from app.core.checks import NOT_SURE
from tests.core.sample import CHECK_VALID
from tests.ui.test_grown_ups import make_learner

BAND = "8-10"


@pytest.fixture
def checked(ui, tmp_path):
    """The app with the sample check for ages 8-10 and a learner on the lesson list."""
    folder = tmp_path / "checks"
    folder.mkdir()
    (folder / f"{BAND}.yaml").write_text(CHECK_VALID)
    ui.app.check_dirs, ui.app._checks = [folder], None
    ui.tap("I'm a child")
    make_learner(ui, "4")
    ui.tap("Ages 8\u201310")
    assert ui.screen == "lessons"
    return ui


def answer_all(ui, right: int, by_keys: bool = False) -> None:
    """Answer every item: the first `right` with the right answer, the rest "not sure"."""
    check = ui.app.check_run.check
    for number, item in enumerate(check.items, start=1):
        assert ui.sees(f"Question {number} of {len(check.items)}")
        assert ui.sees(item.prompt.source)
        label = "Tell his dad." if number <= right else "I'm not sure"
        if by_keys:
            ui.key_choose(label)
        else:
            ui.tap(label)
    assert ui.sees("All done!") and ui.sees("Thank you!")


def test_before_the_first_lesson_a_child_answers_without_feedback(checked):
    ui = checked
    assert ui.sees("Before you start")
    ui.snapshot("check-invitation")
    ui.tap("Answer the questions")
    assert ui.screen == "check" and ui.sees("This is not a test.")
    ui.snapshot("check-intro")
    ui.tap("Let's start")
    ui.snapshot("check-question")
    texts = set(ui.texts())
    ui.tap("Tell his dad.")
    # No right or wrong is shown: the next question simply appears.
    assert ui.sees("Question 2 of 8")
    assert not {"Right!", "Correct", "Not quite", "Well done!"} & set(ui.texts())
    assert len(texts) > 3
    answer_rest = ui.app.check_run
    assert answer_rest.answers == {"item-1": "tell"}
    for _ in range(7):
        ui.tap("I'm not sure")
    assert ui.sees("All done!")
    ui.snapshot("check-done")
    saved = ui.app.store.check_answers("check-sample", "before")
    assert len(saved) == 8
    assert saved["item-1"] == ("tell", True) and saved["item-2"] == (NOT_SURE, False)
    ui.tap("Back to lessons")
    assert ui.screen == "lessons" and not ui.sees("Before you start")


def test_not_now_and_coming_back_later_keep_every_answer(checked):
    ui = checked
    ui.tap("Answer the questions")
    ui.tap("Not now")
    assert ui.screen == "lessons" and ui.sees("Before you start")
    ui.tap("Answer the questions")
    ui.tap("Let's start")
    ui.tap("Tell his dad.")
    ui.tap("Tell his dad.")
    ui.tap("Back")
    assert ui.screen == "lessons"
    ui.tap("Answer the questions")
    assert ui.sees("Question 3 of 8"), "a check carries on where the child stopped"


def test_after_the_last_lesson_the_same_check_comes_again_by_keys(checked):
    ui = checked
    ui.tap("Answer the questions")
    ui.tap("Let's start")
    answer_all(ui, right=4)
    ui.tap("Back to lessons")
    # Once a lesson is done, "before" is no longer offered: it would not be a start point.
    for lesson in ui.app.library.by_band(BAND):
        ui.app.store.record_lesson(lesson.id, 3)
    ui.app.back_to("lessons")
    assert ui.sees("You finished every lesson!")
    ui.key_choose("Answer the questions")
    ui.key_choose("Let's start")
    answer_all(ui, right=8, by_keys=True)
    after = ui.app.store.check_answers("check-sample", "after")
    assert all(correct for _, correct in after.values()) and len(after) == 8


def test_grown_ups_see_the_class_before_and_after(checked):
    ui = checked
    store = ui.app.store
    check = ui.app.checks.checks[BAND]
    first = store.profile_id
    for learner, (before, after) in enumerate(((2, 6), (4, 8), (3, 5))):
        if learner:
            store.use_profile(store.add_profile(f"a{learner + 5}").id)
        for phase, right in (("before", before), ("after", after)):
            for n, item in enumerate(check.items):
                answer = item.correct_id if n < right else NOT_SURE
                store.record_check_answer(check.id, phase, item.id, answer, n < right)
    store.use_profile(first)
    ui.app.go_home()
    ui.tap("For grown-ups")
    ui.tap("Knowledge check results")
    assert ui.screen == "results"
    assert ui.sees("Ages 8\u201310")
    assert ui.sees("Before: 3 learners, 38% right on average")
    assert ui.sees("After: 3 learners, 79% right on average")
    assert any(
        "3 learners answered both times: 42 points more on average." in t for t in ui.texts()
    )
    assert any("Effect size" in t for t in ui.texts())
    ui.snapshot("check-results")


def test_results_say_so_when_there_are_none(ui):
    ui.tap("For grown-ups")
    ui.tap("Knowledge check results")
    assert ui.sees("No results yet. Children answer a check from their lesson list.")


def test_every_lesson_plan_opens_for_teachers(ui):
    ui.tap("For grown-ups")
    ui.tap("Lesson plans and notes for parents")
    assert ui.screen == "lesson-plans"
    ui.tap("1. A new online friend")
    assert ui.screen == "lesson-plan"
    for heading in ("Objectives", "Materials", "Ground rules", "Starter", "Activities"):
        assert ui.sees(heading), heading
    for heading in ("Plenary", "If a child tells you something", "For parents and carers"):
        assert ui.sees(heading), heading
    ui.snapshot("lesson-plan")
