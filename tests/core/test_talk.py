"""Talk about it: hints on tap, finishing, best play and author errors."""

from __future__ import annotations

import dataclasses

import pytest

from app.activities.talk.logic import finish_well
from app.core.loader import load_lesson_text
from tests.core.sample import VALID, line_of, only_problem

HEAD = VALID[: VALID.index("activities:\n")]
DEBRIEF = VALID[VALID.index("debrief:\n") :]

ACTIVITY = """\
activities:
  - id: why-secret
    type: talk
    title: Why keep it secret?
    setting: Jo has been chatting with Rae for weeks.
    prompt: Why might someone online ask Jo to keep their chats secret?
    hints:
      - id: notice
        text: Who could notice if something was wrong?
      - id: special
        text: Could it make Jo feel stuck?
    for_adults:
      - id: warning-sign
        text: Secrecy is a warning sign.
"""

LESSON = HEAD + ACTIVITY + DEBRIEF


def activity(text: str = LESSON):
    result = load_lesson_text(text, "lesson.yaml")
    assert result.problems == [], "\n".join(map(str, result.problems))
    return result.lesson.activities[0]


def hints(count: int) -> str:
    return "".join(
        f"      - id: hint-{n}\n        text: Something to think about, number {n}.\n"
        for n in range(1, count + 1)
    )


def test_loads_with_stable_text_ids():
    talk = activity()
    assert talk.type == "talk" and talk.write_box
    assert talk.prompt.id == "sample.why-secret.prompt"
    assert talk.setting.id == "sample.why-secret.setting"
    assert [h.id for h in talk.hints] == [
        "sample.why-secret.hints.notice",
        "sample.why-secret.hints.special",
    ]
    assert talk.for_adults[0].id == "sample.why-secret.for-adults.warning-sign"


def test_only_a_prompt_is_needed():
    text = LESSON[: LESSON.index("    setting:")] + (
        "    prompt: What could Jo do?\n    write_box: false\n" + DEBRIEF
    )
    talk = activity(text)
    assert talk.setting is None and talk.hints == () and talk.for_adults == ()
    assert not talk.write_box
    run = talk.start()
    assert not run.more_hints
    with pytest.raises(RuntimeError):
        run.reveal()
    run.finish()
    assert run.finished and run.score == 1.0


def test_hints_are_revealed_in_order_and_finishing_scores_full():
    run = activity().start()
    assert not run.finished and run.score == 0.0
    assert run.shown_hints == () and run.more_hints
    assert run.reveal().source == "Who could notice if something was wrong?"
    assert [h.source for h in run.shown_hints] == ["Who could notice if something was wrong?"]
    run.reveal()
    assert not run.more_hints
    with pytest.raises(RuntimeError):
        run.reveal()
    run.finish()
    assert run.finished and run.score == 1.0


def test_finishing_without_hints_is_fine():
    run = activity().start()
    run.finish()
    assert run.finished and run.score == 1.0 and run.revealed == 0


def test_the_run_holds_nothing_typed():
    # Whatever a child writes stays in the view's text box; the run has no field for it.
    names = {f.name for f in dataclasses.fields(activity().start())}
    assert names == {"activity", "revealed", "done"}


def test_finish_well_shows_every_hint_then_finishes():
    run = activity().start()
    finish_well(run)
    assert run.finished and run.revealed == 2 and run.score == 1.0


# --- author errors: message and line ---------------------------------------------------


def test_at_most_five_hints():
    start, end = LESSON.index("    hints:\n"), LESSON.index("    for_adults:\n")
    text = LESSON[:start] + "    hints:\n" + hints(6) + LESSON[end:]
    problem = only_problem(text)
    assert "has 6 items; allows at most 5" in problem.message
    assert problem.line == line_of(text, "    hints:")
    assert activity(LESSON[:start] + "    hints:\n" + hints(5) + LESSON[end:]).hints


def test_empty_hints_list():
    start, end = LESSON.index("    hints:\n"), LESSON.index("    for_adults:\n")
    text = LESSON[:start] + "    hints: []\n" + LESSON[end:]
    problem = only_problem(text)
    assert "has 0 items; needs at least 1" in problem.message
    assert problem.line == line_of(text, "hints: []")


def test_prompt_is_one_question_not_a_list():
    text = LESSON.replace(
        "    prompt: Why might someone online ask Jo to keep their chats secret?\n",
        "    prompt:\n      - Why?\n      - How?\n",
    )
    problem = only_problem(text)
    assert "'prompt' should be text, not a list" in problem.message
    assert problem.line == line_of(text, "    prompt:")


def test_missing_prompt():
    text = LESSON.replace(
        "    prompt: Why might someone online ask Jo to keep their chats secret?\n", ""
    )
    problem = only_problem(text)
    assert "missing key 'prompt'" in problem.message
    assert problem.line == line_of(text, "  - id: why-secret")


def test_misspelt_key_gets_a_suggestion():
    text = LESSON.replace("    for_adults:", "    for_adult:")
    problem = only_problem(text)
    assert "unknown key 'for_adult'" in problem.message
    assert problem.line == line_of(text, "for_adult:")
    assert "did you mean 'for_adults'" in problem.fix


def test_a_hint_repeated_for_the_grown_up():
    text = LESSON.replace("Secrecy is a warning sign.", "Could it make  Jo feel stuck?")
    problem = only_problem(text)
    assert "'warning-sign' repeats the words of hints[1]" in problem.message
    assert problem.line == line_of(text, "text: Could it make  Jo")


def test_hint_without_text():
    text = LESSON.replace("        text: Could it make Jo feel stuck?\n", "")
    problem = only_problem(text)
    assert "missing key 'text'" in problem.message
    assert problem.line == line_of(text, "      - id: special")


def test_duplicate_hint_ids():
    text = LESSON.replace("      - id: special\n", "      - id: notice\n")
    problem = only_problem(text)
    assert "id is used twice" in problem.message
    second = [n for n, line in enumerate(text.splitlines(), 1) if "- id: notice" in line]
    assert problem.line == second[1]
    assert f"first on line {second[0]}" in problem.message


def test_terminal_play_shows_hints_then_finishes():
    import io

    from app.activities.talk.terminal import play
    from app.terminal import TerminalPlayer

    answers = iter(["h", "h", "h", "d"])  # the third "h" is refused: no hints left
    out = io.StringIO()
    run = activity().start()
    assert play(TerminalPlayer(lambda _p: next(answers), out), run) is False
    assert run.finished and run.revealed == 2
    text = out.getvalue()
    assert "Who could notice" in text and "For the grown-up: Secrecy is a warning sign." in text

    skipped = activity().start()
    assert play(TerminalPlayer(lambda _p: "s", io.StringIO()), skipped) is True
    assert not skipped.finished
