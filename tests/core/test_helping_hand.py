"""My helping hand: filling fingers, nicknames, the saved hand and the loader's checks."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.activities.helping_hand.logic import (
    FINGER_COUNT,
    NICKNAME_MAX,
    clean_nickname,
    finish_well,
)
from app.activities.helping_hand.terminal import play
from app.core.autoplay import play_safely
from app.core.loader import load_lesson, load_lesson_text
from app.core.session import LessonSession
from app.terminal import QuitRequestError, TerminalPlayer
from tests.core.sample import line_of, only_problem

TEST_LESSON = Path(__file__).parents[1] / "ui" / "lessons" / "helping_hand.yaml"

LESSON = """\
schema_version: 1
id: hand
age_band: "5-7"
order: 1
title: Hand
summary: A hand.
duration_minutes: 10
objectives:
  - id: one
    text: Know one thing.
curriculum:
  - framework: UKCIS Education for a Connected World
    strand: Self-image and identity
    band: "4-7"
    outcome: An outcome.
intro:
  - id: hello
    text: Hello.
activities:
  - id: my-hand
    type: helping_hand
    title: My helping hand
    instructions: Choose a grown-up you trust for each finger.
    roles:
      - id: parent
        text: Parent
      - id: grandparent
        text: Grandparent
      - id: teacher
        text: Teacher
      - id: coach
        text: Coach
      - id: school-nurse
        text: School nurse
      - id: neighbour
        text: Neighbour
    min_people: 5
    closing: If one grown-up doesn't listen, tell the next finger.
debrief:
  learned:
    - id: five
      text: You have five grown-ups.
  never_your_fault: It is never your fault.
  tell_someone: You can always tell.
"""


def activity(text: str = LESSON):
    result = load_lesson_text(text, "lesson.yaml")
    assert result.problems == [], "\n".join(map(str, result.problems))
    return result.lesson.activities[0]


def fill(run, roles: list[str]) -> None:
    for role in roles:
        run.choose(role)
        run.next_finger()


# --- loading ---------------------------------------------------------------------------


def test_loads_with_stable_text_ids_and_default_min_people():
    hand = activity(LESSON.replace("    min_people: 5\n", ""))
    assert hand.type == "helping_hand" and hand.min_people == 5
    assert [r.id for r in hand.roles][:3] == ["parent", "grandparent", "teacher"]
    assert hand.roles[2].text.id == "hand.my-hand.roles.teacher"
    assert hand.instructions.id == "hand.my-hand.instructions"
    assert hand.closing.id == "hand.my-hand.closing"
    assert hand.closing.source == "If one grown-up doesn't listen, tell the next finger."


def test_the_test_lesson_is_valid_and_plays_to_three_stars():
    result = load_lesson(TEST_LESSON)
    assert result.problems == []
    lesson = result.lesson
    assert lesson.id == "test-helping-hand" and lesson.age_band == "5-7"
    assert [a.type for a in lesson.activities] == ["helping_hand"]
    session = LessonSession(lesson)
    play_safely(session)
    assert session.finished and session.stars == 3


def test_too_few_roles_names_the_line():
    cut = LESSON.replace("      - id: neighbour\n        text: Neighbour\n", "").replace(
        "      - id: coach\n        text: Coach\n", ""
    )
    problem = only_problem(cut)
    assert "roles: has 4 items; needs at least 5" in problem.message
    assert problem.line == line_of(cut, "    roles:")
    assert "roles to choose from" in problem.fix


@pytest.mark.parametrize(("value", "word"), [(2, "small"), (6, "large")])
def test_min_people_must_be_three_to_five(value, word):
    text = LESSON.replace("min_people: 5", f"min_people: {value}")
    problem = only_problem(text)
    assert f"'{value}' is too {word}" in problem.message
    assert problem.line == line_of(text, "min_people:")
    assert "3 to 5" in problem.fix


def test_min_people_must_be_a_whole_number():
    text = LESSON.replace("min_people: 5", "min_people: five")
    problem = only_problem(text)
    assert "'min_people' should be a whole number" in problem.message
    assert problem.line == line_of(text, "min_people:")


def test_duplicate_role_id_is_reported_at_the_second_one():
    text = LESSON.replace("      - id: coach\n", "      - id: teacher\n")
    problem = only_problem(text)
    assert "role id 'teacher' is used twice (first by role 3)" in problem.message
    lines = [n for n, line in enumerate(text.splitlines(), 1) if "- id: teacher" in line]
    assert problem.line == lines[1]
    assert "its own id" in problem.fix


def test_two_roles_with_the_same_words_are_reported():
    text = LESSON.replace("        text: Coach\n", "        text: teacher\n")
    problem = only_problem(text)
    assert "role 'teacher' is listed twice (first by role 3)" in problem.message
    assert problem.line == line_of(text, "text: teacher")


def test_missing_closing_and_unknown_key():
    text = LESSON.replace(
        "    closing: If one grown-up doesn't listen, tell the next finger.\n",
        "    closng: If one grown-up doesn't listen, tell the next finger.\n",
    )
    result = load_lesson_text(text, "lesson.yaml")
    messages = {p.message.split(": ", 1)[-1]: p for p in result.problems}
    unknown = messages["unknown key 'closng'"]
    assert unknown.line == line_of(text, "closng:")
    assert "did you mean 'closing'" in unknown.fix
    assert "missing key 'closing'" in messages


def test_role_needs_text():
    text = LESSON.replace("        text: Coach\n", "")
    problem = only_problem(text)
    assert "missing key 'text'" in problem.message
    assert problem.line == line_of(text, "- id: coach")


# --- playing ---------------------------------------------------------------------------


def test_fill_five_fingers_with_roles_and_nicknames():
    run = activity().start()
    assert run.finger == 0 and not run.finished and run.score == 0.0
    run.choose("grandparent")
    assert run.set_nickname("  Nana\n Joy ") == "Nana Joy"
    run.next_finger()
    fill(run, ["teacher", "teacher", "coach"])  # a role may be used twice
    assert run.finger == 4 and run.filled == 4
    run.choose("school-nurse")
    run.next_finger()
    assert run.finished and run.score == 1.0 and run.filled == FINGER_COUNT
    assert run.people[0].nickname == "Nana Joy"
    assert [p.role.id for p in run.people] == [
        "grandparent",
        "teacher",
        "teacher",
        "coach",
        "school-nurse",
    ]


def test_changing_the_role_drops_the_old_nickname_but_the_same_role_keeps_it():
    run = activity().start()
    run.choose("grandparent")
    run.set_nickname("Nana Joy")
    run.choose("grandparent")
    assert run.person.nickname == "Nana Joy"
    run.choose("coach")
    assert run.person.nickname == ""


def test_out_of_order_moves_are_refused():
    run = activity().start()
    with pytest.raises(RuntimeError):
        run.set_nickname("Nana")  # no role on this finger yet
    with pytest.raises(RuntimeError):
        run.next_finger()
    with pytest.raises(KeyError):
        run.choose("wizard")
    with pytest.raises(RuntimeError):
        run.leave_empty()  # min_people 5: every finger needs someone
    finish_well(run)
    with pytest.raises(RuntimeError):
        run.choose("parent")


def test_nicknames_are_one_short_line():
    assert clean_nickname("Uncle\tBen\r\n") == "Uncle Ben"
    assert clean_nickname("x" * 40) == "x" * NICKNAME_MAX
    assert clean_nickname("   ") == ""
    assert clean_nickname("Oma \u200dLotte") == "Oma \u200dLotte"  # joiners stay (emoji)


def test_with_min_people_three_two_fingers_may_stay_empty():
    run = activity(LESSON.replace("min_people: 5", "min_people: 3")).start()
    assert run.can_leave_empty
    run.leave_empty()
    run.leave_empty()
    assert not run.can_leave_empty  # three fingers left, three people needed
    fill(run, ["parent", "teacher", "coach"])
    assert run.finished and run.filled == 3 and run.people[:2] == [None, None]


def test_edit_and_clear():
    run = activity().start()
    finish_well(run)
    run.edit(2)
    assert run.finger == 2 and not run.finished and run.person is not None
    run.next_finger()
    run.next_finger()
    run.next_finger()
    assert run.finished and run.filled == 5
    with pytest.raises(IndexError):
        run.edit(5)
    run.clear()
    assert run.finger == 0 and run.filled == 0


def test_finish_well_fills_five_different_roles():
    run = activity().start()
    finish_well(run)
    assert run.finished and run.score == 1.0
    assert len({p.role.id for p in run.people}) == 5


# --- the saved hand --------------------------------------------------------------------


def test_saved_hand_holds_only_role_ids_and_nicknames():
    run = activity().start()
    run.choose("grandparent")
    run.set_nickname("Nana Joy")
    run.next_finger()
    fill(run, ["teacher", "coach", "parent", "neighbour"])
    saved = json.loads(run.to_json())
    assert saved == {
        "version": 1,
        "fingers": [
            {"role": "grandparent", "nickname": "Nana Joy"},
            {"role": "teacher", "nickname": ""},
            {"role": "coach", "nickname": ""},
            {"role": "parent", "nickname": ""},
            {"role": "neighbour", "nickname": ""},
        ],
    }
    again = activity().start()
    assert again.restore_json(run.to_json())
    assert again.finished and again.restored and again.people == run.people


def test_restore_copes_with_damaged_or_foreign_settings():
    hand = activity()
    for text in ("", "not json", "[]", '{"fingers": 3}', '{"fingers": [null, 7, {"role": 1}]}'):
        run = hand.start()
        assert not run.restore_json(text)
        assert run.filled == 0 and run.finger == 0 and not run.touched
    # A role this lesson does not offer is dropped: the hand is pre-filled, not finished.
    run = hand.start()
    saved = {"fingers": [{"role": "wizard"}] + [{"role": "teacher", "nickname": "Ms A"}] * 4}
    assert not run.restore_json(json.dumps(saved))
    assert run.finger == 0 and run.filled == 4 and not run.restored
    assert run.people[1].nickname == "Ms A"


# --- terminal --------------------------------------------------------------------------


def terminal(answers: list[str]) -> tuple[TerminalPlayer, io.StringIO]:
    replies = iter(answers)
    out = io.StringIO()

    def read(_prompt: str) -> str:
        try:
            return next(replies)
        except StopIteration:
            raise EOFError from None

    return TerminalPlayer(read, out), out


def test_terminal_player_fills_the_hand():
    player, out = terminal(["2", "Nana Joy", "3", "", "3", "", "4", "", "1", ""])
    run = activity().start()
    assert play(player, run) is False
    assert run.finished and run.people[0].nickname == "Nana Joy"
    text = out.getvalue()
    assert "thumb: Grandparent (Nana Joy)" in text
    assert "tell the next finger" in text


def test_terminal_player_can_leave_a_finger_empty_skip_or_quit():
    player, _ = terminal(["7", "1", "", "7", "2", "", "3", ""])
    run = activity(LESSON.replace("min_people: 5", "min_people: 3")).start()
    assert play(player, run) is False
    assert run.finished and run.filled == 3
    player, _ = terminal(["s"])
    assert play(player, activity().start()) is True
    player, _ = terminal(["1", "q"])
    with pytest.raises(QuitRequestError):
        play(player, activity().start())
