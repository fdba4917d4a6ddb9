"""Every registered activity type is complete: data, walk, terminal, docs and a sample."""

from __future__ import annotations

import io

import pytest

from app.activities import ACTIVITY_TYPES, load_hook
from app.cli import play_lesson
from app.core.autoplay import play_safely
from app.core.loader import load_library
from app.core.session import LessonSession
from app.paths import EXAMPLES, PROJECT_ROOT
from app.terminal import TerminalPlayer

SAMPLE_ID = "every-activity-type"
EXPECTED_TYPES = {"story", "chat", "spot", "sort", "quiz", "helping_hand", "say_it", "talk"}


@pytest.fixture(scope="module")
def sample():
    library = load_library([EXAMPLES])
    assert not library.problems, "\n".join(map(str, library.problems))
    return library.lessons[SAMPLE_ID]


def test_the_issue_s_eight_types_are_registered():
    assert set(ACTIVITY_TYPES) == EXPECTED_TYPES


def test_the_sample_lesson_uses_every_type(sample):
    assert {a.type for a in sample.activities} == set(ACTIVITY_TYPES)


@pytest.mark.parametrize("name", sorted(EXPECTED_TYPES))
def test_each_type_has_a_view_a_terminal_player_and_an_author_doc(name):
    activity_type = ACTIVITY_TYPES[name]
    assert activity_type.view.startswith(f"app.activities.{name}.view:")
    assert callable(load_hook(activity_type.terminal))
    doc = PROJECT_ROOT / "docs" / "activities" / f"{name}.md"
    assert doc.is_file() and f"type: {name}" in doc.read_text(encoding="utf-8")


def test_the_sample_plays_through_the_best_way_to_three_stars(sample):
    session = LessonSession(sample)
    play_safely(session)
    assert session.finished and session.stars == 3
    assert all(result.score == 1.0 for result in session.results)


def test_the_sample_can_be_skipped_all_the_way_in_the_terminal(sample):
    out = io.StringIO()
    play_lesson(LessonSession(sample), TerminalPlayer(lambda _prompt: "s", out))
    assert out.getvalue().count("-- Activity") == len(sample.activities)
    assert "never your fault" in out.getvalue().lower()
