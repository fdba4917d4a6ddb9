"""Pictures on quiz options and sort cards (issue 5): the optional `picture` key is checked
like a story panel's picture and built into QuizOption.picture / SortCard.picture."""

from __future__ import annotations

import io

from app.activities.quiz.logic import QuizActivity
from app.activities.quiz.terminal import play as play_quiz
from app.activities.sort.logic import SortActivity
from app.core.loader import load_lesson_text
from app.core.pictures import PersonSpec, Picture
from app.terminal import TerminalPlayer
from tests.core.sample import VALID, line_of, only_problem
from tests.core.test_sort import LESSON as SORT_LESSON

QUIZ_LESSON = VALID.replace(
    "            text: Anyone\n",
    "            text: Anyone\n            picture: {props: [gift]}\n",
).replace(
    "            text: Nobody\n",
    "            text: Nobody\n"
    "            picture:\n"
    "              scene: park\n"
    "              people: [{skin: 5, hair: braids, mood: unsure}]\n"
    "              props: [phone, question-mark]\n",
)

SORT_WITH_PICTURES = SORT_LESSON.replace(
    "        text: A surprise party for Grandma.\n",
    "        text: A surprise party for Grandma.\n        picture: {props: [gift, heart]}\n",
).replace(
    '        text: "Someone in a game says: keep our chats secret."\n',
    '        text: "Someone in a game says: keep our chats secret."\n'
    "        picture:\n"
    "          people: [{skin: 2, mood: unsure}]\n"
    "          props: [game-console, lock]\n",
)


def load(text: str):
    result = load_lesson_text(text, "lesson.yaml")
    assert result.problems == [], "\n".join(map(str, result.problems))
    return result.lesson


def quiz(text: str = QUIZ_LESSON) -> QuizActivity:
    return load(text).activities[1]


def sort(text: str = SORT_WITH_PICTURES) -> SortActivity:
    return load(text).activities[2]


# --- valid pictures build --------------------------------------------------------------


def test_quiz_option_pictures_build_and_a_props_only_picture_is_valid():
    question = quiz().questions[0]
    anyone, nobody = question.options
    assert anyone.picture == Picture(props=("gift",))
    assert nobody.picture.scene == "park"
    assert nobody.picture.people == (PersonSpec(skin=5, hair="braids", mood="unsure"),)
    assert nobody.picture.devices == ("phone",)
    assert nobody.picture.symbols == ("question-mark",)


def test_options_without_a_picture_have_none():
    activity = quiz()
    assert all(o.picture is None for o in activity.questions[1].options)  # true/false
    assert all(o.picture is None for o in activity.questions[2].options)
    assert all(o.picture is None for q in quiz(VALID).questions for o in q.options)


def test_sort_card_pictures_build():
    activity = sort()
    party, secret, good_game = activity.cards
    assert party.picture == Picture(props=("gift", "heart"))
    assert secret.picture.people[0].skin == 2 and secret.picture.devices == ("game-console",)
    assert good_game.picture is None
    assert all(c.picture is None for c in sort(SORT_LESSON).cards)


def test_terminal_quiz_ignores_pictures():
    run = quiz().start()
    out = io.StringIO()
    answers = iter(["1", "2", "1,2"])
    play_quiz(TerminalPlayer(lambda _prompt: next(answers), out), run)
    assert run.finished and "gift" not in out.getvalue()


# --- misspelt names are reported at their line with a fix ------------------------------


def test_misspelt_prop_on_a_quiz_option():
    text = QUIZ_LESSON.replace("props: [gift]", "props: [gfit]")
    problem = only_problem(text)
    assert problem.line == line_of(text, "gfit")
    assert "unknown prop 'gfit'" in problem.message
    assert problem.fix.startswith("did you mean 'gift'?")


def test_misspelt_prop_on_a_sort_card():
    text = SORT_WITH_PICTURES.replace("props: [gift, heart]", "props: [gift, hart]")
    problem = only_problem(text)
    assert problem.line == line_of(text, "hart")
    assert "unknown prop 'hart'" in problem.message
    assert problem.fix.startswith("did you mean 'heart'?")


def test_misspelt_person_and_scene_on_choices():
    text = QUIZ_LESSON.replace("mood: unsure}", "mood: unsur}").replace(
        "scene: park", "scene: parc"
    )
    result = load_lesson_text(text, "lesson.yaml")
    assert result.lesson is None
    found = {p.line: p for p in result.problems}
    assert len(found) == 2
    assert found[line_of(text, "unsur}")].fix.startswith("did you mean 'unsure'?")
    assert found[line_of(text, "scene: parc")].fix.startswith("did you mean 'park'?")


def test_a_cast_name_on_a_card_says_there_is_no_cast():
    text = SORT_WITH_PICTURES.replace("people: [{skin: 2, mood: unsure}]", "people: [mia]")
    problem = only_problem(text)
    assert problem.line == line_of(text, "people: [mia]")
    assert "no cast" in problem.message


def test_unknown_key_in_a_card_picture_gets_did_you_mean():
    text = SORT_WITH_PICTURES.replace("props: [gift, heart]", "prop: [gift, heart]")
    problem = only_problem(text)
    assert problem.line == line_of(text, "prop: [gift, heart]")
    assert "props" in problem.fix


def test_two_devices_on_an_option_are_reported():
    text = QUIZ_LESSON.replace("props: [phone, question-mark]", "props: [phone, tablet]")
    problem = only_problem(text)
    assert "one device" in problem.message
    assert problem.line == line_of(text, "props: [phone, tablet]")


def test_terminal_sort_ignores_pictures():
    from app.activities.sort.terminal import play as play_sort

    run = sort().start()
    out = io.StringIO()
    answers = iter(["1", "2", "1"])
    play_sort(TerminalPlayer(lambda _prompt: next(answers), out), run)
    assert run.finished and run.score == 1.0
    assert "A surprise party for Grandma." in out.getvalue() and "heart" not in out.getvalue()
