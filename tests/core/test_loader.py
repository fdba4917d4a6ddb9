"""The loader reports every problem at once, each naming file, line and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.loader import load_lesson, load_lesson_text, load_library
from tests.core.sample import VALID, line_of, only_problem, problems_for


def test_valid_sample_loads():
    result = load_lesson_text(VALID, "lesson.yaml")
    assert result.problems == []
    lesson = result.lesson
    assert [a.type for a in lesson.activities] == ["chat", "quiz"]
    chat = lesson.activities[0]
    assert chat.states["start"].choices[0].text.id == "sample.talk.start.safe-reply"
    assert chat.states["start"].choices[0].feedback.id == "sample.talk.start.safe-reply.feedback"


def test_unknown_key_names_its_line_and_suggests_the_right_key():
    text = VALID.replace("    setting: Sam is online.", "    settting: Sam is online.")
    problems = problems_for(text)
    unknown = next(p for p in problems if "unknown key 'settting'" in p.message)
    assert unknown.line == line_of(text, "settting:")
    assert "did you mean 'setting'" in unknown.fix
    # The same slip also leaves 'setting' missing: both are reported at once.
    assert any("missing key 'setting'" in p.message for p in problems)


def test_missing_key_is_reported_where_it_belongs():
    text = VALID.replace("duration_minutes: 20\n", "")
    problem = only_problem(text)
    assert "missing key 'duration_minutes'" in problem.message
    assert problem.line == 1
    assert "minutes" in problem.fix


def test_wrong_type_names_the_line_and_what_was_expected():
    text = VALID.replace("duration_minutes: 20", "duration_minutes: twenty")
    problem = only_problem(text)
    assert problem.line == line_of(text, "duration_minutes")
    assert "should be a whole number" in problem.message


def test_duplicate_ids_are_reported_with_both_lines():
    text = VALID.replace("          - id: risky-reply", "          - id: safe-reply")
    problem = only_problem(text)
    assert "id is used twice" in problem.message
    second = [n for n, line in enumerate(text.splitlines(), 1) if "- id: safe-reply" in line]
    assert problem.line == second[1]
    assert f"first on line {second[0]}" in problem.message


def test_next_that_names_no_state():
    text = VALID.replace("next: middle", "next: midle")
    problems = problems_for(text)
    broken = next(p for p in problems if "goes to 'midle'" in p.message)
    assert broken.line == line_of(text, "next: midle")
    assert "'middle'" in broken.fix
    # 'middle' is now unreachable too; both problems come in one report.
    assert any("'middle' can never be reached" in p.message for p in problems)


def test_unreachable_state():
    text = VALID.replace("            next: worried-end", "            next: good-end")
    problem = only_problem(text)
    assert "state 'worried-end' can never be reached" in problem.message
    assert problem.line == line_of(text, "- id: worried-end")


def test_state_that_can_never_reach_an_ending():
    # middle's two choices both lead back to start: a loop with no way out
    text = VALID.replace(
        "            next: good-end\n          - id: hide",
        "            next: start\n          - id: hide",
    )
    text = text.replace("next: worried-end", "next: start")
    problems = problems_for(text)
    assert any("go round in a loop" in p.message for p in problems)
    text_no_exit = VALID.replace(
        "            next: good-end\n          - id: risky-reply",
        "            next: middle\n          - id: risky-reply",
    )
    text_no_exit = text_no_exit.replace(
        "            next: good-end\n          - id: hide",
        "            next: start\n          - id: hide",
    ).replace("next: worried-end", "next: middle")
    messages = [p for p in problems_for(text_no_exit) if "can never reach an ending" in p.message]
    assert {line_of(text_no_exit, "- id: start"), line_of(text_no_exit, "- id: middle")} == {
        p.line for p in messages
    }


def test_choice_without_feedback():
    text = VALID.replace("            feedback: Good choice.\n", "")
    problem = only_problem(text)
    assert problem.message.endswith("this choice has no feedback")
    assert problem.line == line_of(text, "- id: safe-reply")
    assert "feedback:" in problem.fix


def test_unknown_activity_type_suggests_a_known_one():
    text = VALID.replace("type: quiz", "type: quizz")
    problem = only_problem(text)
    assert "unknown activity type 'quizz'" in problem.message
    assert problem.line == line_of(text, "type: quizz")
    assert "did you mean 'quiz'" in problem.fix


def test_yaml_syntax_error_names_the_line():
    text = VALID.replace("title: Sample", "title: [Sample")
    problem = only_problem(text)
    assert "not valid YAML" in problem.message
    assert problem.line >= line_of(text, "title: [Sample")


def test_key_written_twice_is_an_error_not_a_silent_overwrite():
    text = VALID.replace("order: 1\n", "order: 1\norder: 2\n")
    problem = only_problem(text)
    assert "written twice" in problem.message
    assert problem.line == line_of(text, "order: 2")


def test_single_choice_question_needs_exactly_one_right_answer():
    text = VALID.replace(
        "            text: Nobody\n            correct: false",
        "            text: Nobody\n            correct: true",
    )
    problem = only_problem(text)
    assert "has 2 correct options" in problem.message


def test_true_false_needs_an_answer():
    text = VALID.replace("        answer: false\n", "")
    problem = only_problem(text)
    assert "missing key 'answer'" in problem.message
    assert problem.line == line_of(text, "- id: q2")


def test_several_problems_in_one_file_are_all_reported():
    text = (
        VALID.replace("type: quiz", "type: puzzle")
        .replace("next: middle", "next: nowhere")
        .replace('age_band: "8-10"', 'age_band: "9-10"')
    )
    messages = " | ".join(p.message for p in problems_for(text))
    assert "unknown activity type 'puzzle'" in messages
    assert "goes to 'nowhere'" in messages
    assert "'age_band' is '9-10'" in messages


def test_problem_text_names_file_line_and_fix():
    text = VALID.replace("duration_minutes: 20", "duration_minutes: twenty")
    problem = only_problem(text)
    rendered = str(problem)
    assert rendered.startswith(f"lesson.yaml:{problem.line}: ")
    assert "fix:" in rendered


def test_library_keeps_good_lessons_when_one_is_broken(tmp_path: Path):
    (tmp_path / "good.yaml").write_text(VALID)
    (tmp_path / "broken.yaml").write_text(
        VALID.replace("id: sample", "id: other").replace("type: quiz", "type: nope")
    )
    (tmp_path / "copy.yaml").write_text(VALID)
    library = load_library([tmp_path])
    assert list(library.lessons) == ["sample"]
    text = "\n".join(map(str, library.problems))
    assert "broken.yaml" in text and "unknown activity type 'nope'" in text
    assert "already used by" in text


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"\xff\xfe\x00 not utf-8")
    result = load_lesson(path)
    assert result.lesson is None and "cannot read" in result.problems[0].message


@pytest.mark.parametrize("text", ["", "- a list\n", "just text", "42"])
def test_not_a_mapping(text):
    problem = only_problem(text)
    assert "must be a mapping" in problem.message


def test_a_misspelt_choice_of_value_gets_a_did_you_mean():
    text = VALID.replace('age_band: "8-10"', 'age_band: "8-1O"')
    problem = only_problem(text)
    assert problem.line == line_of(text, "age_band:")
    assert "did you mean '8-10'?" in problem.fix


def test_a_badge_icon_must_be_one_the_app_can_draw():
    text = VALID.replace("debrief:\n", "badge:\n  title: Chat champ\n  icon: sheild\ndebrief:\n")
    problem = only_problem(text)
    assert problem.line == line_of(text, "icon: sheild")
    assert "did you mean 'shield'?" in problem.fix


def test_a_chat_state_without_a_safe_reply_is_a_problem():
    text = VALID.replace(
        "          - id: tell\n            text: I'm telling my dad.\n            safe: true",
        "          - id: tell\n            text: I'm telling my dad.\n            safe: false",
    )
    problem = only_problem(text)
    assert "has no safe reply" in problem.message
    assert problem.line == line_of(text, "      - id: middle") + 4


def test_an_id_ending_in_a_newline_is_not_an_id():
    text = VALID.replace("id: sample\n", "id: |\n  sample\n", 1)
    problem = only_problem(text)
    assert "'id'" in problem.message and problem.line == 2
