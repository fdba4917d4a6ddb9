"""Spot the signs: picking, scoring, the best walk, the terminal player and validation."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.activities import ACTIVITY_TYPES
from app.activities.spot.logic import FINE, FOUND, MISSED, WRONG
from app.activities.spot.terminal import play
from app.core.loader import load_lesson, load_lesson_text
from app.terminal import TerminalPlayer
from tests.core.sample import VALID, line_of, only_problem, problems_for

HEAD = VALID.split("activities:\n")[0]
DEBRIEF = "debrief:" + VALID.split("\ndebrief:")[1]

CHAT = """\
  - id: game-chat
    type: spot
    title: Mia's game chat
    layout: conversation
    instruction: Tap every warning sign.
    player: Mia
    account:
      name: GamerGirl_11
      colour: "#8a4fb0"
    items:
      - id: good-game
        text: Good game!
        sign: false
        explanation: Players say that all the time.
      - id: thanks
        sender: me
        text: Thanks!
        sign: false
        explanation: Mia's own polite reply.
      - id: keep-secret
        text: Keep this our secret.
        sign: true
        explanation: Secrets from family are a warning sign.
      - id: which-room
        text: Which room is your tablet in?
        sign: true
        explanation: Asking where the device is can be a warning sign.
      - id: free-gems
        text: Want free gems?
        sign: true
        explanation: Gifts can be a warning sign.
    summary: Stop, block, report and tell a trusted adult.
"""

PROFILE = """\
  - id: profile
    type: spot
    title: A profile
    layout: profile
    instruction: Tap every warning sign on this profile.
    account:
      name: Jade_Star12
    items:
      - id: display-name
        kind: name
        text: Jade, 12
        sign: false
        explanation: A name and age alone are fine.
      - id: scout
        kind: bio
        text: Modelling scout.
        sign: true
        explanation: A 12-year-old can't be a scout.
      - id: cat
        text: My cat is asleep.
        sign: false
        explanation: An ordinary post.
    summary: A profile can pretend.
"""


def lesson_text(*activities: str) -> str:
    return HEAD + "activities:\n" + "".join(activities) + DEBRIEF


def load(*activities: str):
    result = load_lesson_text(lesson_text(*activities), "lesson.yaml")
    assert result.problems == [], "\n".join(map(str, result.problems))
    return result.lesson


@pytest.fixture
def chat():
    return load(CHAT, PROFILE).activities[0]


# --- the model and text IDs -------------------------------------------------------------


def test_builds_items_with_stable_text_ids(chat):
    assert chat.type == "spot" and chat.layout == "conversation"
    assert [i.id for i in chat.signs] == ["keep-secret", "which-room", "free-gems"]
    secret = chat.item("keep-secret")
    assert secret.text.id == "sample.game-chat.keep-secret"
    assert secret.explanation.id == "sample.game-chat.keep-secret.why"
    assert chat.instruction.id == "sample.game-chat.instruction"
    assert chat.summary.id == "sample.game-chat.summary"
    assert chat.account_name.source == "GamerGirl_11" and chat.account_colour == "#8a4fb0"
    assert chat.player.source == "Mia"
    assert [i.sender for i in chat.items][:2] == ["them", "me"]


def test_profile_items_have_kinds_and_no_colour_unless_given():
    profile = load(CHAT, PROFILE).activities[1]
    assert profile.layout == "profile" and profile.player is None
    assert [i.kind for i in profile.items] == ["name", "bio", "post"]
    assert profile.account_colour == "", "the face picks a soft colour from the name"


# --- a run ---------------------------------------------------------------------------


def test_tapping_toggles_a_pick(chat):
    run = chat.start()
    assert run.toggle("keep-secret") is True
    assert run.is_selected("keep-secret")
    assert run.toggle("keep-secret") is False
    assert not run.is_selected("keep-secret")
    with pytest.raises(KeyError):
        run.toggle("no-such-item")
    assert not run.finished


def test_check_explains_found_missed_and_wrong_picks(chat):
    run = chat.start()
    run.toggle("keep-secret")
    run.toggle("good-game")
    run.check()
    assert run.finished
    results = {item.id: run.result(item) for item in chat.items}
    assert results == {
        "good-game": WRONG,
        "thanks": FINE,
        "keep-secret": FOUND,
        "which-room": MISSED,
        "free-gems": MISSED,
    }
    assert (run.found, run.total_signs, run.wrong) == (1, 3, 1)
    with pytest.raises(RuntimeError):
        run.toggle("which-room")  # the answers are shown: picks are final


@pytest.mark.parametrize(
    ("picks", "score"),
    [
        ({"keep-secret", "which-room", "free-gems"}, 1.0),
        ({"keep-secret", "which-room"}, 2 / 3),
        ({"keep-secret", "which-room", "free-gems", "good-game"}, 2 / 3),
        ({"keep-secret", "good-game"}, 0.0),
        ({"keep-secret", "good-game", "thanks"}, 0.0),  # floored at 0, never negative
        ({"good-game", "thanks"}, 0.0),
        (set(), 0.0),
    ],
)
def test_score_is_signs_found_minus_wrong_picks_over_signs(chat, picks, score):
    run = chat.start()
    for item_id in picks:
        run.toggle(item_id)
    run.check()
    assert run.score == pytest.approx(score)


def test_checking_with_nothing_picked_is_allowed_and_explains_every_sign(chat):
    run = chat.start()
    run.check()
    assert run.finished and run.found == 0
    assert [i.id for i in chat.items if run.result(i) == MISSED] == [
        "keep-secret",
        "which-room",
        "free-gems",
    ]


def test_finish_well_picks_exactly_the_signs(chat):
    run = chat.start()
    run.toggle("good-game")
    ACTIVITY_TYPES["spot"].finish_well(run)
    assert run.finished and run.score == 1.0
    assert run.selected == {"keep-secret", "which-room", "free-gems"}


def test_the_test_lesson_loads_and_plays_to_three_stars():
    from app.core.autoplay import play_safely
    from app.core.session import LessonSession

    result = load_lesson(Path(__file__).parents[1] / "ui" / "lessons" / "spot.yaml")
    assert result.problems == []
    lesson = result.lesson
    assert lesson.id == "test-spot" and lesson.age_band == "8-10"
    assert [a.layout for a in lesson.activities] == ["conversation", "profile"]
    session = LessonSession(lesson)
    play_safely(session)
    assert session.finished and session.stars == 3


# --- terminal player ------------------------------------------------------------------


def terminal(answers: list[str]) -> tuple[TerminalPlayer, io.StringIO]:
    out = io.StringIO()
    replies = iter(answers)
    return TerminalPlayer(lambda prompt: next(replies), out), out


def test_terminal_player_takes_numbers_separated_by_commas(chat):
    run = chat.start()
    player, out = terminal(["9", "1,3, 4"])
    assert play(player, run) is False
    text = out.getvalue()
    assert "1) [GamerGirl_11] Good game!" in text and "2) [Mia] Thanks!" in text
    assert "Please type one of the choices shown." in text  # 9 is not an item
    assert run.finished and run.selected == {"good-game", "keep-secret", "which-room"}
    assert "You found 2 of 3 signs." in text
    assert "MISSED  [GamerGirl_11] Want free gems?: Gifts can be a warning sign." in text
    assert "Stop, block, report and tell a trusted adult." in text


def test_terminal_player_can_skip(chat):
    player, _out = terminal(["s"])
    run = chat.start()
    assert play(player, run) is True
    assert not run.finished


# --- validation: each problem names its line -------------------------------------------


def test_no_sign_at_all_is_reported_on_the_items_line():
    activity = CHAT.replace("sign: true", "sign: false")
    text = lesson_text(activity)
    problem = only_problem(text)
    assert "no item is a warning sign" in problem.message
    assert problem.line == line_of(text, "    items:")
    assert "sign: true" in problem.fix


def test_every_item_a_sign_leaves_nothing_to_tell_apart():
    text = lesson_text(CHAT.replace("sign: false", "sign: true"))
    problem = only_problem(text)
    assert "every item is a warning sign" in problem.message
    assert problem.line == line_of(text, "    items:")
    assert "sign: false" in problem.fix


def test_item_without_explanation():
    text = lesson_text(CHAT.replace("        explanation: Gifts can be a warning sign.\n", ""))
    problem = only_problem(text)
    assert "missing key 'explanation'" in problem.message
    assert problem.line == line_of(text, "- id: free-gems")
    assert "why this is a warning sign" in problem.fix


def test_duplicate_item_ids_are_reported_with_both_lines():
    text = lesson_text(CHAT.replace("- id: which-room", "- id: keep-secret"))
    problem = only_problem(text)
    assert "id is used twice" in problem.message
    lines = [n for n, line in enumerate(text.splitlines(), 1) if "- id: keep-secret" in line]
    assert problem.line == lines[1]
    assert f"first on line {lines[0]}" in problem.message


def test_sender_in_a_profile_and_kind_in_a_conversation():
    text = lesson_text(CHAT.replace("        sender: me\n", "        kind: post\n"))
    problems = problems_for(text)
    kind = next(p for p in problems if "has 'kind', but this is a conversation" in p.message)
    assert kind.line == line_of(text, "kind: post")
    assert "'sender'" in kind.fix
    text = lesson_text(PROFILE.replace("        kind: bio\n", "        sender: them\n"))
    problem = only_problem(text)
    assert "has 'sender', but this is a profile" in problem.message
    assert problem.line == line_of(text, "sender: them")


def test_message_from_me_needs_a_player():
    text = lesson_text(CHAT.replace("    player: Mia\n", ""))
    problem = only_problem(text)
    assert "from 'me', but the conversation has no 'player'" in problem.message
    assert problem.line == line_of(text, "sender: me")


def test_profile_has_one_name_line_and_no_player():
    text = lesson_text(PROFILE.replace("kind: bio", "kind: name"))
    problem = only_problem(text)
    assert "second 'kind: name'" in problem.message
    names = [n for n, line in enumerate(text.splitlines(), 1) if "kind: name" in line]
    assert problem.line == names[1]
    text = lesson_text(
        PROFILE.replace("    layout: profile\n", "    layout: profile\n    player: Omar\n")
    )
    problem = only_problem(text)
    assert "'player' is only used in a conversation" in problem.message
    assert problem.line == line_of(text, "player: Omar")


def test_unknown_layout_and_misspelt_key():
    text = lesson_text(CHAT.replace("layout: conversation", "layout: chat"))
    problem = only_problem(text)
    assert "'layout' is 'chat', which is not allowed" in problem.message
    assert problem.line == line_of(text, "layout: chat")
    assert "'conversation'" in problem.fix
    text = lesson_text(
        CHAT.replace(
            "        sign: true\n        explanation: Gifts",
            "        signs: true\n        explanation: Gifts",
        )
    )
    problems = problems_for(text)
    unknown = next(p for p in problems if "unknown key 'signs'" in p.message)
    assert unknown.line == line_of(text, "signs: true")
    assert "did you mean 'sign'" in unknown.fix


def test_a_single_item_is_too_few():
    activity = CHAT.split("      - id: thanks")[0] + "    summary: Tell someone.\n"
    text = lesson_text(activity)
    problem = only_problem(text)
    assert "has 1 items" in problem.message
    assert problem.line == line_of(text, "    items:")
