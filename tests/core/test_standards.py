"""Content standards: what `python -m app check` asks of a lesson or check before it ships."""

from __future__ import annotations

from dataclasses import replace

from app.core.checks import load_check_text
from app.core.loader import load_lesson_text
from app.core.standards import (
    band_problems,
    check_problems,
    child_texts,
    lesson_problems,
    load_rules,
    reading_grade,
)
from app.paths import CONTENT_RULES
from tests.core.sample import CHECK_VALID, VALID, line_of

RULES = load_rules(CONTENT_RULES)

GROWN_UPS = """\
skills: [secrecy, gifts, pretending, trusted-adults]
teacher:
  materials:
    - {id: screen, text: SafeSteps on a shared screen.}
  ground_rules:
    - {id: no-stories, text: No personal stories.}
  starter: Ask what a red flag is.
  activity_notes:
    - {activity: talk, text: Pause after each reply.}
    - {activity: check, text: Discuss the answers.}
    - {activity: say, text: Practise in pairs.}
  discussion:
    - id: why
      question: Why might someone ask for secrets?
      points:
        - {id: hide, text: To hide what they are doing.}
  safeguarding: Listen calmly and tell the DSL at once.
  differentiation:
    send: Use the read-aloud button.
    eal: Pre-teach the words.
  plenary: Each child names one trusted adult.
  home_link: The parent note goes home.
parent:
  learned: Your child learned about red flags.
  conversation_starter: What would you tell Sam?
  home_activity: Make a list of trusted adults together.
"""

SAY_IT = """\
  - id: say
    type: say_it
    title: Say it
    goal: "no"
    situation: Pat asks Sam to keep a secret.
    question: What could Sam say?
    phrases:
      - id: no-tell
        text: No. I'm going to tell my dad.
        strong: true
        feedback: Strong and clear.
      - id: maybe
        text: Maybe later.
        strong: false
        feedback: A clearer no is easier to hear.
"""


def _lesson(text: str):
    result = load_lesson_text(text, "lesson.yaml")
    assert result.problems == [], result.problems
    return result.lesson


def _complete() -> str:
    return VALID.replace("debrief:\n", SAY_IT + "debrief:\n", 1) + GROWN_UPS


def test_a_complete_lesson_meets_the_standards():
    assert lesson_problems(_lesson(_complete()), RULES) == []


def test_a_draft_without_grown_up_sections_loads_but_is_not_ready():
    lesson = _lesson(VALID)
    messages = [p.message for p in lesson_problems(lesson, RULES)]
    assert "has no 'teacher' section" in messages
    assert "has no 'parent' section" in messages
    assert "has no 'skills' section" in messages
    assert "has 2 activities" in messages


def test_a_ruled_out_word_is_reported_on_its_line():
    text = _complete().replace("Keep it secret.", "Send a nude photo.")
    problems = lesson_problems(_lesson(text), RULES)
    (problem,) = [p for p in problems if "'nude'" in p.message]
    assert problem.line == line_of(text, "id: again")
    assert "ages 8-10" in problem.message
    # The same word is allowed in the teacher's notes, which are for grown-ups.
    teacher = _complete().replace("No personal stories.", "Grooming and nude images.")
    assert lesson_problems(_lesson(teacher), RULES) == []


def test_word_forms_are_caught_but_longer_words_are_not():
    assert RULES.banned_in("8-10", "He was groomed.") == ["groom"]
    assert RULES.banned_in("8-10", "Keep grooming quiet.") == ["groom", "grooming"]
    assert RULES.banned_in("8-10", "A new skill to learn.") == []
    assert RULES.banned_in("14-16", "Someone asks for a nude image.") == []


def test_reading_level_over_the_band_names_the_hardest_lines():
    hard = (
        "Unfortunately, communications from unidentified individuals frequently "
        "incorporate manipulative psychological techniques."
    )
    text = _complete().replace("Hi there!", hard)
    lesson = _lesson(text)
    assert reading_grade(child_texts(lesson)) > 4
    (problem,) = [p for p in lesson_problems(lesson, RULES) if "reading level" in p.message]
    assert "ages 8-10 need 4 or lower" in problem.message
    assert "Unfortunately" in problem.fix


def test_child_texts_leave_out_what_is_for_grown_ups():
    lesson = _lesson(_complete())
    sources = {t.source for t in child_texts(lesson)}
    assert "Hi there!" in sources and "No thanks." in sources
    assert "Know one thing." not in sources  # an objective
    assert "Pause after each reply." not in sources  # a teacher's note


def test_activity_notes_must_follow_the_activities():
    text = _complete().replace("activity: say, text", "activity: sayit, text")
    messages = [p.message for p in lesson_problems(_lesson(text), RULES)]
    assert any("activity_notes are for" in m for m in messages)


def test_no_rehearsal_no_game_no_ukcis_link():
    lesson = _lesson(_complete())
    story_only = replace(
        lesson,
        activities=tuple(a for a in lesson.activities if a.type == "quiz"),
        curriculum=(),
    )
    messages = [p.message for p in lesson_problems(story_only, RULES)]
    assert "has no rehearsal" in messages
    assert any("UKCIS" in m for m in messages)
    no_game = replace(lesson, activities=tuple(a for a in lesson.activities if a.type != "quiz"))
    assert "has no game" in [p.message for p in lesson_problems(no_game, RULES)]


def test_youngest_band_needs_a_picture_on_every_choice():
    text = _complete().replace('age_band: "8-10"', 'age_band: "5-7"')
    lesson = _lesson(text)
    problems = [p for p in lesson_problems(lesson, RULES) if "has no picture" in p.message]
    assert {p.message for p in problems} >= {"'Anyone' has no picture", "'Secrets' has no picture"}
    assert problems[0].line > 1


def test_a_check_where_the_longest_answer_wins_is_guessable():
    check = load_check_text(CHECK_VALID, "check.yaml").check
    assert check_problems(check, RULES) == []
    longest = CHECK_VALID.replace("Tell his dad.", "Tell his dad or another grown-up he trusts.")
    problems = check_problems(load_check_text(longest, "check.yaml").check, RULES)
    assert any("longest option in 8 of 8" in p.message for p in problems)


def test_a_band_needs_five_lessons_and_a_check_of_what_it_teaches():
    lesson = _lesson(_complete())
    check = load_check_text(CHECK_VALID, "check.yaml").check
    messages = [p.message for p in band_problems("8-10", [lesson], check, RULES)]
    assert "ages 8-10 have 1 lessons" in messages
    untaught = replace(lesson, skills=("secrecy",))
    messages = [p.message for p in band_problems("8-10", [untaught] * 5, check, RULES)]
    assert any("tests 'gifts', which no 8-10 lesson teaches" in m for m in messages)
    assert "ages 8-10 have no knowledge check" in [
        p.message for p in band_problems("8-10", [lesson] * 5, None, RULES)
    ]


def test_a_young_check_must_not_give_the_answer_away_by_its_picture():
    adult = "picture: {people: [{age: adult}]}"
    child = "picture: {people: [{age: child}]}"
    text = (
        CHECK_VALID.replace('age_band: "8-10"', 'age_band: "5-7"')
        .replace("correct: true}", f"correct: true, {adult}}}")
        .replace("Keep it quiet.}", f"Keep it quiet., {child}}}")
        .replace("Just reply back.}", f"Just reply back., {child}}}")
    )
    check = load_check_text(text, "check.yaml").check
    cues = [p for p in check_problems(check, RULES) if "shows a grown-up" in p.message]
    assert len(cues) == 8
    fair = text.replace(f"Keep it quiet., {child}", f"Keep it quiet., {adult}")
    check = load_check_text(fair, "check.yaml").check
    assert check_problems(check, RULES) == []
