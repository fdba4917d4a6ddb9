"""Chat and quiz logic, sessions and stars: plain Python, no window."""

from __future__ import annotations

import pytest

from app.core.autoplay import play_safely
from app.core.loader import load_lesson_text
from app.core.session import ActivityResult, LessonSession, Outcome, stars_for
from tests.core.sample import VALID


@pytest.fixture
def lesson():
    return load_lesson_text(VALID).lesson


def test_chat_shows_messages_and_counts_safe_choices(lesson):
    run = lesson.activities[0].start()
    assert [line.text.source for line in run.transcript] == ["Hi there!"]
    assert [c.id for c in run.available_choices()] == ["safe-reply", "risky-reply"]
    choice = run.choose("risky-reply")
    assert not choice.safe and run.pending is choice
    assert run.available_choices() == ()  # feedback first
    assert run.transcript[-1].sender == "me"
    run.proceed()
    assert run.state_id == "middle"
    run.choose("tell")
    run.proceed()
    assert run.finished and run.ending.outcome == "safe"
    assert (run.safe_choices, run.choices_made) == (1, 2)
    assert run.score == 0.5
    assert run.path == ["start", "middle", "good-end"]


def test_retry_takes_back_a_risky_reply_so_the_child_can_practise(lesson):
    run = lesson.activities[0].start()
    run.choose("risky-reply")
    run.retry()
    assert run.pending is None and run.state_id == "start"
    assert [line.sender for line in run.transcript] == ["them"]
    run.choose("safe-reply")
    run.proceed()
    assert run.finished and run.choices_made == 2 and run.safe_choices == 1


def test_chat_refuses_out_of_order_moves(lesson):
    run = lesson.activities[0].start()
    with pytest.raises(RuntimeError):
        run.proceed()
    run.choose("safe-reply")
    with pytest.raises(RuntimeError):
        run.choose("safe-reply")
    with pytest.raises(KeyError):
        lesson.activities[0].start().choose("no-such-choice")


def test_quiz_single_multiple_and_true_false(lesson):
    run = lesson.activities[1].start()
    assert run.answer({"anyone"}).correct
    tf = run.question
    assert [o.id for o in tf.options] == ["true", "false"]
    assert not run.answer({"true"}).correct
    with pytest.raises(ValueError):
        run.answer({"secret", "nope"})
    partly = run.answer({"secret"})
    assert not partly.correct  # multiple choice needs every right option
    assert run.finished and run.correct_count == 1
    assert run.score == pytest.approx(1 / 3)


def test_single_choice_takes_one_answer(lesson):
    run = lesson.activities[1].start()
    with pytest.raises(ValueError):
        run.answer({"anyone", "nobody"})
    with pytest.raises(ValueError):
        run.answer(set())


def test_session_progress_skip_and_stars(lesson):
    session = LessonSession(lesson)
    assert session.activity.id == "talk"
    with pytest.raises(RuntimeError):
        session.complete()
    assert session.skip().outcome is Outcome.SKIPPED
    assert session.activity.id == "check"
    session.skip()
    assert session.finished and session.stars == 1
    with pytest.raises(RuntimeError):
        session.skip()


def test_safe_play_earns_three_stars(lesson):
    session = LessonSession(lesson)
    play_safely(session)
    assert session.finished and session.stars == 3
    assert [r.outcome for r in session.results] == [Outcome.DONE, Outcome.DONE]


def test_go_to_opens_an_activity_directly(lesson):
    session = LessonSession(lesson)
    session.go_to(1)
    assert session.activity.id == "check" and session.run.question.id == "q1"
    with pytest.raises(IndexError):
        session.go_to(5)


@pytest.mark.parametrize(
    ("scores", "stars"),
    [([], 1), ([0.0, 0.0], 1), ([0.5, 0.5], 2), ([0.75, 1.0], 3), ([1.0, 0.0], 2)],
)
def test_stars_reward_practice_and_never_drop_below_one(scores, stars):
    results = [ActivityResult(str(i), Outcome.DONE, s) for i, s in enumerate(scores)]
    assert stars_for(results) == stars
