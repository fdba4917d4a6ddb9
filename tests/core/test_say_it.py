"""Say it out loud: choosing and building words, scoring, best play and author errors."""

from __future__ import annotations

import pytest

from app.activities.say_it.logic import BUILD, CHOOSE, DONE, REHEARSE, finish_well
from app.core.loader import load_lesson_text
from tests.core.sample import VALID, line_of, only_problem

HEAD = VALID[: VALID.index("activities:\n")]
DEBRIEF = VALID[VALID.index("debrief:\n") :]

ACTIVITY = """\
activities:
  - id: say-no
    type: say_it
    title: Maya says no
    goal: "no"
    situation: Someone in a game asks Maya to keep a secret.
    question: What could Maya say?
    phrases:
      - id: stop
        text: Stop. I don't want to do that.
        strong: true
        feedback: Clear and firm.
      - id: maybe
        text: Um, maybe not...
        strong: false
        feedback: Understandable, but clearer words show you mean it.
    parts:
      - id: opener
        prompt: First, say no.
        options:
          - id: say-no
            text: No.
            strong: true
            feedback: Clear.
          - id: sorry
            text: Sorry...
            strong: false
            feedback: No need to say sorry.
      - id: leave
        prompt: Then leave.
        options:
          - id: leaving
            text: I'm leaving now.
            strong: true
            feedback: Strong.
          - id: later
            text: Maybe later.
            strong: false
            feedback: It can sound like yes.
"""

LESSON = HEAD + ACTIVITY + DEBRIEF


def activity(text: str = LESSON):
    result = load_lesson_text(text, "lesson.yaml")
    assert result.problems == [], "\n".join(map(str, result.problems))
    return result.lesson.activities[0]


def test_loads_with_stable_text_ids():
    say = activity()
    assert say.type == "say_it" and say.goal == "no"
    assert say.situation.id == "sample.say-no.situation"
    assert say.question.id == "sample.say-no.question"
    assert say.phrases[0].text.id == "sample.say-no.stop"
    assert say.phrases[1].feedback.id == "sample.say-no.maybe.feedback"
    assert say.parts[0].prompt.id == "sample.say-no.opener.prompt"
    assert say.parts[1].options[0].text.id == "sample.say-no.leave.leaving"
    assert say.parts[1].options[1].feedback.id == "sample.say-no.leave.later.feedback"


def test_a_bare_no_in_yaml_still_means_no():
    say = activity(LESSON.replace('goal: "no"', "goal: no"))
    assert say.goal == "no"


def test_picking_a_strong_phrase_and_saying_it_scores_full():
    run = activity().start()
    assert run.stage == CHOOSE and not run.finished and run.score == 0.0
    words = run.pick("stop")
    assert run.stage == REHEARSE and words.strong and not words.built
    assert run.words.sentences[0].text.source == "Stop. I don't want to do that."
    assert not run.finished  # choosing is not practising
    run.said_it()
    assert run.stage == DONE and run.finished and run.score == 1.0


def test_weaker_words_score_half_until_strong_words_are_practised():
    run = activity().start()
    words = run.pick("maybe")
    assert not words.strong
    run.said_it()
    assert run.finished and run.score == 0.5 and not run.practised_strong
    run.again()
    assert run.stage == CHOOSE and run.words is None
    run.pick("stop")
    run.said_it()
    assert run.score == 1.0 and len(run.said) == 2
    # Practising weaker words afterwards never takes the full score away.
    run.again()
    run.pick("maybe")
    run.said_it()
    assert run.score == 1.0


def test_say_it_again_goes_back_without_saying():
    run = activity().start()
    run.pick("maybe")
    run.again()
    assert run.stage == CHOOSE and not run.finished


def test_building_words_one_whole_sentence_per_part():
    run = activity().start()
    run.start_building()
    assert run.stage == BUILD and run.part.id == "opener"
    assert run.choose_part("say-no") is None
    assert run.part.id == "leave" and [s.id for s in run.building] == ["say-no"]
    words = run.choose_part("leaving")
    assert run.stage == REHEARSE and words.built and words.strong
    assert [s.text.source for s in words.sentences] == ["No.", "I'm leaving now."]
    run.said_it()
    assert run.score == 1.0


def test_built_words_with_one_weaker_sentence_are_not_strong():
    run = activity().start()
    run.start_building()
    run.choose_part("say-no")
    words = run.choose_part("later")
    assert not words.strong
    run.said_it()
    assert run.score == 0.5


def test_restart_building_clears_the_parts_chosen():
    run = activity().start()
    run.start_building()
    run.choose_part("sorry")
    run.restart_building()
    assert run.building == [] and run.part.id == "opener"


def test_parts_only_start_by_building():
    text = LESSON
    start, end = text.index("    phrases:\n"), text.index("    parts:\n")
    run = activity(text[:start] + text[end:]).start()
    assert run.stage == BUILD
    with pytest.raises(RuntimeError):
        run.pick("stop")
    finish_well(run)
    assert run.finished and run.score == 1.0
    assert [s.id for s in run.said[-1].sentences] == ["say-no", "leaving"]


def test_moves_out_of_order_are_refused():
    run = activity().start()
    with pytest.raises(RuntimeError):
        run.said_it()
    with pytest.raises(RuntimeError):
        run.choose_part("say-no")
    with pytest.raises(KeyError):
        run.pick("no-such-phrase")
    run.start_building()
    with pytest.raises(KeyError):
        run.choose_part("no-such-option")


@pytest.mark.parametrize("moves", [[], ["maybe"], ["maybe", "said"], ["build"]])
def test_finish_well_practises_a_strong_phrase_from_anywhere(moves):
    run = activity().start()
    for move in moves:
        if move == "said":
            run.said_it()
        elif move == "build":
            run.start_building()
            run.choose_part("sorry")
        else:
            run.pick(move)
    finish_well(run)
    assert run.finished and run.score == 1.0 and run.stage == DONE


# --- author errors: message and line ---------------------------------------------------


def test_phrases_need_a_strong_one():
    text = LESSON.replace(
        "        strong: true\n        feedback: Clear and firm.",
        "        strong: false\n        feedback: Clear and firm.",
    )
    problem = only_problem(text)
    assert "has no strong phrase" in problem.message
    assert problem.line == line_of(text, "    phrases:")
    assert "strong: true" in problem.fix


def test_every_phrase_needs_feedback():
    text = LESSON.replace("        feedback: Clear and firm.\n", "")
    problem = only_problem(text)
    assert problem.message.endswith("has no feedback")
    assert problem.line == line_of(text, "      - id: stop")


def test_every_part_option_needs_feedback():
    text = LESSON.replace("            feedback: Strong.\n", "")
    problem = only_problem(text)
    assert problem.message.endswith("has no feedback")
    assert problem.line == line_of(text, "          - id: leaving")


def test_every_part_needs_a_strong_option():
    text = LESSON.replace(
        "            strong: true\n            feedback: Strong.",
        "            strong: false\n            feedback: Strong.",
    )
    problem = only_problem(text)
    assert "part 'leave' has no strong option" in problem.message
    lines = [n for n, line in enumerate(text.splitlines(), 1) if "options:" in line]
    assert problem.line == lines[1]


def test_no_phrases_and_no_parts():
    text = LESSON[: LESSON.index("    phrases:\n")] + DEBRIEF
    problem = only_problem(text)
    assert "has no words to practise" in problem.message
    assert problem.line == line_of(text, "type: say_it")
    assert "phrases" in problem.fix and "parts" in problem.fix


def test_unknown_goal():
    text = LESSON.replace('goal: "no"', "goal: run")
    problem = only_problem(text)
    assert "'goal' is 'run', which is not allowed" in problem.message
    assert problem.line == line_of(text, "goal: run")
    assert "'leave'" in problem.fix and "'tell'" in problem.fix


def test_one_phrase_is_not_a_choice():
    start = LESSON.index("      - id: maybe\n")
    end = LESSON.index("    parts:\n")
    text = LESSON[:start] + LESSON[end:]
    problem = only_problem(text)
    assert "has 1 items; needs at least 2" in problem.message
    assert problem.line == line_of(text, "    phrases:")


def test_repeated_phrase_words():
    text = LESSON.replace("text: Um, maybe not...", "text: Stop.  I don't want to do that.")
    problem = only_problem(text)
    assert "phrase 'maybe' repeats the words of phrase 'stop'" in problem.message
    assert problem.line == line_of(text, "text: Stop.  I don't")


def test_missing_question():
    text = LESSON.replace("    question: What could Maya say?\n", "")
    problem = only_problem(text)
    assert "missing key 'question'" in problem.message
    assert problem.line == line_of(text, "  - id: say-no")


def test_duplicate_phrase_ids():
    text = LESSON.replace("      - id: maybe\n", "      - id: stop\n")
    problem = only_problem(text)
    assert "id is used twice" in problem.message
    second = [n for n, line in enumerate(text.splitlines(), 1) if "- id: stop" in line]
    assert problem.line == second[1]


def scripted(*answers: str):
    import io

    from app.terminal import TerminalPlayer

    replies = iter(answers)
    out = io.StringIO()
    return TerminalPlayer(lambda _prompt: next(replies), out), out


def test_terminal_play_picks_builds_and_says():
    from app.activities.say_it.terminal import play

    run = activity().start()
    # weaker phrase, choose again, build (option 3), strong parts, "I said it!"
    player, out = scripted("2", "a", "3", "1", "1", "d")
    assert play(player, run) is False
    assert run.finished and run.score == 1.0 and run.said[-1].built
    text = out.getvalue()
    assert "COULD BE CLEARER" in text and "STRONG" in text and "First, say no." in text


def test_terminal_play_can_skip():
    from app.activities.say_it.terminal import play

    player, _out = scripted("s")
    run = activity().start()
    assert play(player, run) is True and not run.finished
