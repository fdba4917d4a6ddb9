"""Property: every path through every chat in assets/ reaches an ending.

Hypothesis picks the child's replies (and whether to retry risky ones) at random; every
walk must end within as many replies as the chat has states, plus one retry per reply.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.activities.chat.logic import ChatActivity
from app.core.loader import load_library
from app.paths import LESSONS

LIBRARY = load_library([LESSONS])
CHATS = [
    pytest.param(activity, id=f"{lesson.id}/{activity.id}")
    for lesson in LIBRARY.lessons.values()
    for activity in lesson.activities
    if isinstance(activity, ChatActivity)
]


def test_assets_have_chats_and_no_problems():
    assert LIBRARY.problems == []
    assert CHATS


@pytest.mark.parametrize("chat", CHATS)
def test_every_chat_has_a_safe_and_a_caution_ending(chat: ChatActivity):
    outcomes = [s.ending.outcome for s in chat.states.values() if s.ending]
    assert len(outcomes) >= 2
    assert {"safe", "caution"} <= set(outcomes)


@pytest.mark.parametrize("chat", CHATS)
@settings(max_examples=300, deadline=None)
@given(picks=st.lists(st.tuples(st.integers(0, 3), st.booleans()), min_size=40, max_size=40))
def test_every_path_reaches_an_ending(chat: ChatActivity, picks):
    run = chat.start()
    limit = 2 * len(chat.states)
    for steps, (pick, retry) in enumerate(picks):
        if run.finished:
            break
        assert steps < limit, f"no ending after {steps} replies: {run.path}"
        choices = run.available_choices()
        assert 2 <= len(choices) <= 4
        choice = run.choose(choices[pick % len(choices)].id)
        assert choice.feedback.source
        if retry and not choice.safe:
            run.retry()
        else:
            run.proceed()
    assert run.finished, f"walk did not end: {run.path}"
    assert run.ending.debrief.source


@pytest.mark.parametrize("chat", CHATS)
def test_every_state_is_visited_by_some_path(chat: ChatActivity):
    from app.cli import chat_paths

    visited = {step.split(" ")[0] for route in chat_paths(chat) for step in route}
    assert visited == set(chat.states)
