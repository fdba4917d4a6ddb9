"""Story: panels read with Next and Back, scored 1.0 at the end, checked with clear fixes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.activities import ACTIVITY_TYPES
from app.activities.story.logic import StoryRun, finish_well
from app.core.loader import load_lesson_text
from app.core.pictures import PersonSpec
from tests.core.sample import LESSON_HEAD, line_of, only_problem

LESSON = (Path(__file__).parents[1] / "ui" / "lessons" / "story.yaml").read_text(encoding="utf-8")

HEAD = (
    LESSON_HEAD
    + """\
debrief:
  learned:
    - id: pretend
      text: People can pretend.
  never_your_fault: It is never your fault.
  tell_someone: You can always tell.
activities:
  - id: tale
    type: story
    title: A tale
    cast:
      sam: {skin: 2, hair: curly, top: coral}
    panels:
      - id: one
        picture:
          scene: bedroom
          people: [sam]
          props: [tablet]
        lines:
          - id: first
            text: Sam is playing a game.
      - id: two
        speaker: Grandad
        picture:
          scene: kitchen
          people:
            - {as: sam, mood: calm}
            - {skin: 5, hair: bald, hair_colour: grey, age: adult, extras: [glasses]}
        lines:
          - id: thanks
            text: Thank you for telling me.
          - id: together
            text: Let's report it together.
      - id: three
        lines:
          - id: end
            text: Sam feels better.
"""
)


def load(text: str = HEAD):
    result = load_lesson_text(text, "lesson.yaml")
    return result


def story():
    result = load()
    assert result.problems == []
    return result.lesson.activities[0]


def test_story_is_registered():
    assert "story" in ACTIVITY_TYPES
    assert ACTIVITY_TYPES["story"].view == "app.activities.story.view:StoryView"


def test_builds_panels_with_stable_text_ids_and_pictures():
    activity = story()
    assert [p.id for p in activity.panels] == ["one", "two", "three"]
    one, two, three = activity.panels
    assert one.lines[0].id == "sample.tale.one.first"
    assert two.speaker.id == "sample.tale.two.speaker"
    assert two.speaker.source == "Grandad"
    assert one.speaker is None
    assert three.picture is None
    assert one.picture.scene == "bedroom"
    assert one.picture.devices == ("tablet",)
    sam = one.picture.people[0]
    assert (sam.skin, sam.hair, sam.top, sam.mood) == (2, "curly", "coral", "happy")
    # `as: sam` starts from the cast's Sam and changes only the mood.
    calm_sam, grandad = two.picture.people
    assert calm_sam == PersonSpec(2, "curly", sam.hair_colour, "coral", "calm")
    assert grandad.age == "adult" and grandad.has("glasses")


def test_next_back_and_finishing_score():
    run = story().start()
    assert isinstance(run, StoryRun)
    assert (run.index, run.is_first, run.finished, run.score) == (0, True, False, 0.0)
    run.back()  # nothing before the first panel
    assert run.index == 0
    run.next()
    assert run.panel.id == "two"
    run.back()
    assert run.panel.id == "one"
    run.next()
    run.next()
    assert run.is_last and not run.finished
    run.next()  # the last panel's button finishes
    assert run.finished and run.score == 1.0


def test_finish_well_reads_to_the_end():
    run = story().start()
    finish_well(run)
    assert run.finished and run.score == 1.0


def test_test_lesson_loads_and_follows_the_format():
    result = load_lesson_text(LESSON, "story.yaml")
    assert result.problems == []
    activity = result.lesson.activities[0]
    assert 4 <= len(activity.panels) <= 5
    assert activity.panels[-1].speaker.source == "Grandad"
    amira = activity.panels[0].picture.people[0]
    assert amira.has("wheelchair")
    # A speaker who is in the cast gets their own face; an account gets an ordinary one.
    assert activity.panels[-1].speaker_person.age == "adult"
    secret = next(p for p in activity.panels if p.id == "secret")
    assert secret.speaker.source == "SkyFox99" and secret.speaker_person is None


def test_unknown_scene_suggests_the_nearest_name():
    text = HEAD.replace("scene: bedroom", "scene: bedrom")
    problem = only_problem(text)
    assert "unknown scene 'bedrom'" in problem.message
    assert problem.line == line_of(text, "scene: bedrom")
    assert "did you mean 'bedroom'?" in problem.fix


def test_unknown_prop_suggests_the_nearest_name():
    text = HEAD.replace("props: [tablet]", "props: [tablet, hart]")
    problem = only_problem(text)
    assert "unknown prop 'hart'" in problem.message
    assert problem.line == line_of(text, "props: [tablet, hart]")
    assert "did you mean 'heart'?" in problem.fix


def test_unknown_person_key_and_hair_style():
    text = HEAD.replace("{skin: 2, hair: curly, top: coral}", "{skin: 2, hiar: curly}")
    problem = only_problem(text)
    assert "unknown key 'hiar'" in problem.message
    assert "did you mean 'hair'?" in problem.fix
    assert problem.line == line_of(text, "hiar")
    text = HEAD.replace("hair: bald", "hair: bold")
    problem = only_problem(text)
    assert "unknown hair style 'bold'" in problem.message
    assert "did you mean 'bald'?" in problem.fix
    assert problem.line == line_of(text, "hair: bold")


def test_unknown_cast_name():
    text = HEAD.replace("people: [sam]", "people: [sma]")
    problem = only_problem(text)
    assert "unknown person 'sma'" in problem.message
    assert "did you mean 'sam'?" in problem.fix
    assert problem.line == line_of(text, "people: [sma]")


def test_skin_tone_out_of_range():
    text = HEAD.replace("skin: 5", "skin: 7")
    problem = only_problem(text)
    assert "'7' is too large" in problem.message
    assert problem.line == line_of(text, "skin: 7")
    assert "1 (lightest) to 6" in problem.fix


def test_panel_with_long_text_gets_a_suggestion_to_split():
    long = "Sam is playing a game with friends and chatting about levels. " * 4
    text = HEAD.replace("text: Sam is playing a game.", f"text: {long.strip()}")
    problem = only_problem(text)
    assert "panel 'one' has" in problem.message
    assert "characters of text" in problem.message
    assert "split it into two panels" in problem.fix
    assert problem.line == line_of(text, "lines:")


def test_too_many_panels_and_too_many_lines():
    panels = "".join(
        f"      - id: extra{i}\n        lines:\n          - id: l\n            text: More.\n"
        for i in range(10)
    )
    text = HEAD + panels
    problem = only_problem(text)
    assert "has 13 items; allows at most 12" in problem.message
    assert problem.line == line_of(text, "    panels:")
    text = HEAD.replace(
        "            text: Sam feels better.\n",
        "            text: Sam feels better.\n"
        "          - id: b\n            text: B.\n          - id: c\n            text: C.\n",
    )
    problem = only_problem(text)
    assert "has 3 items; allows at most 2" in problem.message


def test_missing_lines():
    text = HEAD.replace("          - id: end\n            text: Sam feels better.\n", "")
    text = text.replace("      - id: three\n        lines:\n", "      - id: three\n")
    problem = only_problem(text)
    assert "missing key 'lines'" in problem.message
    assert problem.line == line_of(text, "- id: three")


@pytest.mark.parametrize("seed", ["StarPlayer22", "Jay", "", 7])
def test_people_from_a_seed_are_stable_and_ordinary(seed):
    person = PersonSpec.from_seed(seed)
    assert person == PersonSpec.from_seed(seed)
    assert person.mood in ("happy", "calm")
    assert person.hair != "bald" and not person.has("wheelchair")


def test_terminal_reads_each_panel_and_can_go_back_or_skip():
    import io

    from app.activities.story.terminal import play
    from app.terminal import TerminalPlayer

    answers = iter(["", "b", "", "", ""])
    out = io.StringIO()
    run = story().start()
    assert play(TerminalPlayer(lambda _prompt: next(answers), out), run) is False
    assert run.finished
    text = out.getvalue()
    assert "[1/3]" in text and "Sam is playing a game." in text
    assert "Grandad: Thank you for telling me." in text
    assert text.count("[1/3]") == 2  # "b" went back to the first panel

    out = io.StringIO()
    run = story().start()
    assert play(TerminalPlayer(lambda _prompt: "s", out), run) is True
    assert not run.finished
