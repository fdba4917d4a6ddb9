"""Play a lesson the best way: safe replies, right answers, every step done.

Used to open the finish screen directly for previews, and by tests as a reference walk.
"""

from __future__ import annotations

from app.activities import ACTIVITY_TYPES
from app.core.session import LessonSession


def play_safely(session: LessonSession) -> None:
    while not session.finished:
        ACTIVITY_TYPES[session.activity.type].finish_well(session.run)
        session.complete()
