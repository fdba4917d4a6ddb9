"""Sort logic, scoring, best play, the terminal player and the author's checks."""

from __future__ import annotations

import io

import pytest

from app.activities import ACTIVITY_TYPES
from app.activities.sort.logic import SortActivity, finish_well
from app.activities.sort.terminal import play
from app.core.autoplay import play_safely
from app.core.loader import load_lesson_text
from app.core.session import LessonSession
from app.terminal import TerminalPlayer
from tests.core.sample import VALID, line_of, only_problem

SORT = """\
  - id: sort-it
    type: sort
    title: OK or uh-oh?
    prompt: Help Sam sort these.
    wrap_up: Uh-oh? Tell a trusted adult.
    bins:
      - id: ok
        label: OK
        tone: safe
      - id: uh-oh
        label: "Uh-oh: tell a trusted adult"
        tone: caution
    cards:
      - id: party
        text: A surprise party for Grandma.
        bin: ok
        explanation: A surprise is fun and ends soon.
      - id: keep-secret
        text: "Someone in a game says: keep our chats secret."
        bin: uh-oh
        if_wrong: Games are fun, so this is easy to miss.
        explanation: Asking for secrets is a warning sign.
      - id: good-game
        text: "A friend from school says: good game!"
        bin: ok
        explanation: A kind message from a friend.
"""

LESSON = VALID.replace("debrief:\n", SORT + "debrief:\n")


def load(text: str = LESSON):
    return load_lesson_text(text, "lesson.yaml")


def sort_activity(text: str = LESSON) -> SortActivity:
    result = load(text)
    assert result.problems == [], "\n".join(map(str, result.problems))
    return result.lesson.activities[2]


# --- the model -----------------------------------------------------------------------


def test_sort_is_registered_and_builds_with_stable_text_ids():
    assert "sort" in ACTIVITY_TYPES
    activity = sort_activity()
    assert activity.type == "sort" and activity.title.source == "OK or uh-oh?"
    assert [b.id for b in activity.bins] == ["ok", "uh-oh"]
    assert [b.tone for b in activity.bins] == ["safe", "caution"]
    assert activity.bins[1].label.id == "sample.sort-it.bins.uh-oh"
    card = activity.cards[1]
    assert card.text.id == "sample.sort-it.cards.keep-secret"
    assert card.explanation.id == "sample.sort-it.cards.keep-secret.why"
    assert card.if_wrong.id == "sample.sort-it.cards.keep-secret.if-wrong"
    assert activity.cards[0].if_wrong is None
    assert activity.prompt.id == "sample.sort-it.prompt"
    assert activity.wrap_up.id == "sample.sort-it.wrap-up"
    assert [c.id for c in activity.cards_in("ok")] == ["party", "good-game"]


def test_prompt_wrap_up_and_tone_are_optional():
    text = (
        LESSON.replace("    prompt: Help Sam sort these.\n", "")
        .replace("    wrap_up: Uh-oh? Tell a trusted adult.\n", "")
        .replace("        tone: safe\n", "")
    )
    activity = sort_activity(text)
    assert activity.prompt is None and activity.wrap_up is None
    assert activity.bins[0].tone is None


# --- a run ---------------------------------------------------------------------------


def test_one_card_at_a_time_and_the_score_counts_right_first_placements():
    run = sort_activity().start()
    assert run.card.id == "party" and run.remaining == 3 and not run.finished
    first = run.place("ok")
    assert first.correct and run.card.id == "keep-secret"
    wrong = run.place("ok")
    assert not wrong.correct and wrong.card.bin == "uh-oh"  # the child is shown where it goes
    assert run.card.id == "good-game"
    run.place("ok")
    assert run.finished and run.card is None and run.remaining == 0
    assert run.correct_count == 2 and run.score == pytest.approx(2 / 3)


def test_placing_refuses_unknown_bins_and_a_finished_run():
    run = sort_activity().start()
    with pytest.raises(KeyError):
        run.place("maybe")
    assert run.placements == []
    finish_well(run)
    with pytest.raises(RuntimeError):
        run.place("ok")


def test_finish_well_puts_every_card_where_it_belongs():
    run = sort_activity().start()
    run.place("uh-oh")  # a wrong first try stays wrong
    finish_well(run)
    assert run.finished and run.correct_count == 2
    fresh = sort_activity().start()
    finish_well(fresh)
    assert fresh.score == 1.0


def test_safe_play_of_the_whole_lesson_earns_three_stars():
    session = LessonSession(load().lesson)
    play_safely(session)
    assert session.finished and session.stars == 3


def test_terminal_play_explains_each_card():
    run = sort_activity().start()
    answers = iter(["1", "1", "1"])
    out = io.StringIO()
    skipped = play(TerminalPlayer(lambda _prompt: next(answers), out), run)
    text = out.getvalue()
    assert not skipped and run.finished
    assert "Help Sam sort these." in text
    assert "NOT QUITE: it goes in 'Uh-oh: tell a trusted adult'." in text
    assert "Games are fun, so this is easy to miss." in text
    assert "Sorted right: 2 of 3" in text


def test_terminal_skip():
    run = sort_activity().start()
    assert play(TerminalPlayer(lambda _prompt: "s", io.StringIO()), run)
    assert run.placements == []


# --- the author's checks -------------------------------------------------------------


def test_a_card_naming_no_bin_gets_its_line_and_a_did_you_mean():
    text = LESSON.replace("        bin: uh-oh\n", "        bin: uh-ho\n")
    problem = only_problem(text)
    assert "card 'keep-secret' goes in bin 'uh-ho', but there is no such bin" in problem.message
    assert problem.line == line_of(text, "bin: uh-ho")
    assert "did you mean 'uh-oh'?" in problem.fix
    assert "the bins are: ok, uh-oh" in problem.fix


def test_a_bin_with_no_cards_is_reported_at_the_bin():
    text = LESSON.replace(
        "        tone: caution\n",
        "        tone: caution\n      - id: not-sure\n        label: Not sure\n",
    )
    problem = only_problem(text)
    assert "bin 'not-sure' has no cards" in problem.message
    assert problem.line == line_of(text, "- id: not-sure")
    assert "bin: not-sure" in problem.fix


def test_only_two_or_three_bins():
    one_bin = LESSON.replace(
        '      - id: uh-oh\n        label: "Uh-oh: tell a trusted adult"\n        tone: caution\n',
        "",
    )
    result = load(one_bin)
    assert result.lesson is None
    too_few = next(p for p in result.problems if "has 1 items; needs at least 2" in p.message)
    assert too_few.line == line_of(one_bin, "    bins:")
    extra = "".join(f"      - id: extra-{n}\n        label: Extra {n}\n" for n in range(2))
    four_bins = LESSON.replace("    cards:\n", extra + "    cards:\n", 1)
    problems = load(four_bins).problems
    too_many = next(p for p in problems if "has 4 items; allows at most 3" in p.message)
    assert too_many.line == line_of(four_bins, "    bins:")


def test_at_least_three_cards():
    text = LESSON.replace(
        '      - id: good-game\n        text: "A friend from school says: good game!"\n'
        "        bin: ok\n        explanation: A kind message from a friend.\n",
        "",
    )
    problem = only_problem(text)
    assert "has 2 items; needs at least 3" in problem.message
    assert problem.line == line_of(text, "    cards:")


def test_a_card_without_explanation_and_a_misspelt_key():
    text = LESSON.replace("        explanation: A kind message from a friend.\n", "")
    problem = only_problem(text)
    assert "missing key 'explanation'" in problem.message
    assert problem.line == line_of(text, "- id: good-game")
    typo = LESSON.replace("        if_wrong:", "        if_wrongg:")
    problem = next(p for p in load(typo).problems if "unknown key" in p.message)
    assert problem.line == line_of(typo, "if_wrongg:")
    assert "did you mean 'if_wrong'?" in problem.fix


def test_a_bad_tone_and_a_repeated_card_id():
    text = LESSON.replace("tone: caution", "tone: danger")
    problem = only_problem(text)
    assert "'tone' is 'danger'" in problem.message
    assert problem.line == line_of(text, "tone: danger")
    twice = LESSON.replace("      - id: good-game", "      - id: party")
    problem = only_problem(twice)
    assert "an id is used twice" in problem.message
    lines = [n for n, line in enumerate(twice.splitlines(), 1) if "- id: party" in line]
    assert problem.line == lines[1]


def test_the_ui_test_lesson_is_valid():
    from tests.ui.conftest import TEST_LESSONS

    result = load_lesson_text((TEST_LESSONS / "sort.yaml").read_text(encoding="utf-8"))
    assert result.problems == []
    lesson = result.lesson
    assert lesson.id == "test-sort" and {a.type for a in lesson.activities} == {"sort"}
    for activity in lesson.activities:
        assert 2 <= len(activity.bins) <= 3 and len(activity.cards) >= 3
