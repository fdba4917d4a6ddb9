"""The shipped content: lessons and helplines validate and follow the brief."""

from __future__ import annotations

import pytest

from app.activities.chat.logic import ChatActivity
from app.activities.quiz.logic import QuizActivity
from app.core.checks import load_checks
from app.core.curriculum_docs import curriculum_docs
from app.core.helplines import load_helplines
from app.core.loader import load_library
from app.core.model import AGE_BANDS
from app.core.standards import child_texts, load_rules, reading_grade
from app.paths import CHECKS, CONTENT_RULES, DOCS, EXAMPLES, HELPLINES, LESSONS, PROJECT_ROOT

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
    """Per band (assets/content-rules.yaml); teacher and parent notes may be precise."""
    rules = load_rules(CONTENT_RULES)
    library = load_library([LESSONS, EXAMPLES, TEST_LESSONS])
    checks = load_checks([CHECKS])
    assert len(library.lessons) >= 8 and not library.problems and not checks.problems
    for item in [*library.lessons.values(), *checks.checks.values()]:
        for text in child_texts(item):
            used = rules.banned_in(item.age_band, text.source)
            assert not used, f"{item.id}: {text.id} uses {used}"


SHIPPED = load_library([LESSONS])
SHIPPED_CHECKS = load_checks([CHECKS])


def test_every_band_has_five_lessons_in_order_and_a_check():
    for band in AGE_BANDS:
        lessons = SHIPPED.by_band(band)
        assert len(lessons) >= 5, band
        assert [x.order for x in lessons] == list(range(1, len(lessons) + 1)), band
        check = SHIPPED_CHECKS.checks[band]
        assert 8 <= len(check.items) <= 12
        assert {i.kind for i in check.items} == {"vignette", "knowledge"}
        taught = {skill for x in lessons for skill in x.skills}
        assert {i.skill for i in check.items} <= taught, band


@pytest.mark.parametrize("lesson", SHIPPED.lessons.values(), ids=lambda x: x.id)
def test_every_lesson_has_every_teacher_and_parent_field(lesson):
    teacher, parent = lesson.teacher, lesson.parent
    assert teacher is not None and parent is not None and lesson.skills
    for text in child_texts_of_grown_up_sections(lesson):
        assert text.source.strip(), text.id
    assert [n.activity for n in teacher.activity_notes] == [a.id for a in lesson.activities]
    assert teacher.discussion and all(q.points for q in teacher.discussion)
    assert teacher.materials and teacher.ground_rules


def child_texts_of_grown_up_sections(lesson):
    """Every Text of the teacher guide and parent note."""
    return child_texts(lesson.teacher) + child_texts(lesson.parent)


@pytest.mark.parametrize(
    "item",
    [*SHIPPED.lessons.values(), *SHIPPED_CHECKS.checks.values()],
    ids=lambda x: f"{x.age_band}/{x.id}",
)
def test_reading_level_fits_the_age_band(item):
    limit = load_rules(CONTENT_RULES).reading_level[item.age_band]
    grade = reading_grade(child_texts(item))
    assert grade <= limit, f"{item.id}: grade {grade:.1f} > {limit}"


@pytest.mark.parametrize("lesson", SHIPPED.lessons.values(), ids=lambda x: x.id)
def test_every_lesson_rehearses_plays_and_ends_with_both_messages(lesson):
    types = {a.type for a in lesson.activities}
    assert 3 <= len(lesson.activities) <= 6
    assert types & {"chat", "say_it"} and types & {"quiz", "sort", "spot", "helping_hand"}
    assert "fault" in lesson.debrief.never_your_fault.source.lower()
    assert "promise" in lesson.debrief.tell_someone.source.lower()


def test_the_curriculum_map_and_lesson_plans_in_docs_are_up_to_date():
    pages = curriculum_docs(SHIPPED.lessons.values(), SHIPPED_CHECKS.checks)
    for relative, text in pages.items():
        path = DOCS / relative
        assert path.is_file(), f"run `python -m app curriculum-map` ({relative} is missing)"
        assert path.read_text(encoding="utf-8") == text, (
            f"run `python -m app curriculum-map` ({relative} is out of date)"
        )
    on_disk = {p.relative_to(DOCS).as_posix() for p in (DOCS / "lesson-plans").rglob("*.md")}
    assert on_disk == {str(p) for p in pages if p.parts[0] == "lesson-plans"}


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


EU_EEA_WITH_116111 = {
    "BG", "CZ", "DK", "EE", "ES", "FI", "GR", "HR", "HU", "LT", "LU", "LV", "NO", "PL",
    "PT", "RO", "SE", "SI", "SK", "DE",
}  # fmt: skip


def test_help_in_at_least_thirty_countries_with_a_way_to_report_everywhere():
    helplines = load_helplines(HELPLINES)
    assert len(helplines.countries) >= 30
    for code in EU_EEA_WITH_116111:
        country = helplines.countries[code]
        assert country.emergency == "112", code
        assert any(s.phone == "116 111" for s in country.services), code
    for country in helplines.countries.values():
        ids = {s.id for s in country.services}
        assert {"take-it-down", "inhope"} <= ids, country.code  # removal and reporting
        assert country.emergency.isdigit(), country.code


def test_helplines_shown_to_children_under_11_avoid_ruled_out_words():
    rules = load_rules(CONTENT_RULES)
    for country in load_helplines(HELPLINES).countries.values():
        for service in country.services:
            shown = service.about_young or service.about
            assert not rules.banned_in("5-7", shown.source), (country.code, service.id)


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
