"""The shipped content: lessons and helplines validate and follow the brief."""

from __future__ import annotations

from app.activities.chat.logic import ChatActivity
from app.activities.quiz.logic import QuizActivity
from app.core.helplines import load_helplines
from app.core.loader import load_library
from app.paths import EXAMPLES, HELPLINES, LESSONS, PROJECT_ROOT

# The UI tests' lessons are copied into the sample, so they follow the guide too.
TEST_LESSONS = PROJECT_ROOT / "tests" / "ui" / "lessons"

REQUIRED_COUNTRIES = {"GB", "IE", "DE", "FR", "US", "CA", "AU"}


def test_first_lesson_meets_the_walking_skeleton_brief():
    library = load_library([LESSONS])
    assert library.problems == []
    lesson = library.lessons["new-online-friend"]
    assert lesson.age_band == "8-10"
    chat = next(a for a in lesson.activities if isinstance(a, ChatActivity))
    quiz = next(a for a in lesson.activities if isinstance(a, QuizActivity))
    assert len(chat.states) >= 6
    endings = [s for s in chat.states.values() if s.ending]
    assert len(endings) >= 2
    assert {e.ending.outcome for e in endings} == {"safe", "caution"}
    assert len(quiz.questions) >= 4
    assert {q.kind for q in quiz.questions} == {"single", "multiple", "true_false"}
    # Rehearsal: every state with choices offers at least one safe reply to practise.
    for state in chat.states.values():
        assert not state.choices or any(c.safe for c in state.choices), state.id
    assert "never your fault" in lesson.debrief.never_your_fault.source
    assert "even if you promised" in lesson.debrief.tell_someone.source


def test_child_facing_text_avoids_words_the_guide_rules_out():
    banned = ("predator", "paedophile", "pedophile", "stranger danger", "sexual", "nude")
    library = load_library([LESSONS, EXAMPLES, TEST_LESSONS])
    assert len(library.lessons) >= 8 and not library.problems
    for lesson in library.lessons.values():
        if lesson.age_band not in ("5-7", "8-10"):
            continue
        text = repr(lesson).lower()
        for word in banned:
            assert word not in text, f"{lesson.id} uses '{word}'"


def test_helplines_cover_the_launch_countries_with_sources_and_dates():
    helplines = load_helplines(HELPLINES)
    assert helplines.problems == []
    assert set(helplines.countries) >= REQUIRED_COUNTRIES
    emergency = {c.code: c.emergency for c in helplines.countries.values()}
    assert emergency["GB"] == "999" and emergency["US"] == "911" and emergency["AU"] == "000"
    assert emergency["DE"] == "112" and emergency["FR"] == "112"
    for country in helplines.countries.values():
        assert country.services, country.code
        assert any(s.audience == "children" for s in country.services), country.code
        for service in country.services:
            assert service.source and service.last_checked
            assert service.phone or service.web


def test_helpline_numbers_match_the_content_guide():
    countries = load_helplines(HELPLINES).countries
    phones = {(c, s.id): s.phone for c, country in countries.items() for s in country.services}
    assert phones[("GB", "childline")] == "0800 1111"
    assert phones[("GB", "nspcc")] == "0808 800 5000"
    assert phones[("DE", "nummer-gegen-kummer")] == "116 111"
    assert phones[("US", "cybertipline")] == "1-800-843-5678"
    assert phones[("CA", "kids-help-phone")] == "1-800-668-6868"
    assert phones[("AU", "kids-helpline")] == "1800 55 1800"


def test_broken_helpline_file_is_reported_with_a_line(tmp_path):
    path = tmp_path / "helplines.yaml"
    path.write_text(
        "schema_version: 1\ncountries:\n  - code: gb\n    emergency: '999'\n    services: []\n"
    )
    problems = load_helplines(path).problems
    assert len(problems) == 1 and problems[0].line == 3
