"""Play a lesson by always taking the safe reply and the right answer.

Used to open the finish screen directly for previews, and by tests as a reference walk.
"""

from __future__ import annotations

from app.activities.chat.logic import ChatRun
from app.activities.quiz.logic import QuizRun
from app.core.session import LessonSession


def finish_activity_safely(run: ChatRun | QuizRun) -> None:
    if isinstance(run, ChatRun):
        while not run.finished:
            run.choose(next(c for c in run.available_choices() if c.safe).id)
            run.proceed()
    else:
        while not run.finished:
            run.answer(run.question.correct_ids)


def play_safely(session: LessonSession) -> None:
    while not session.finished:
        finish_activity_safely(session.run)
        session.complete()
