"""A child's pass through one lesson: activities in order, skip, finish, stars."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from app.core.model import Lesson

MAX_STARS = 3


class Outcome(Enum):
    DONE = "done"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ActivityResult:
    activity_id: str
    outcome: Outcome
    score: float  # 0.0-1.0; a skipped activity scores 0


def activity_stars(result: ActivityResult) -> int:
    """Stars for one activity: 1 for doing it, more for safe and correct answers; 0 if skipped."""
    if result.outcome is Outcome.SKIPPED:
        return 0
    return 1 + (result.score >= 0.5) + (result.score >= 0.8)


def stars_for(results: list[ActivityResult]) -> int:
    """One star for finishing the lesson, more for safe and correct answers.

    No timers and no penalties beyond a missed star: finishing is always worth one.
    """
    if not results:
        return 1
    mean = sum(r.score for r in results) / len(results)
    return 1 + (mean >= 0.5) + (mean >= 0.8)


@dataclass
class LessonSession:
    lesson: Lesson
    index: int = 0
    results: list[ActivityResult] = field(default_factory=list)
    run: Any = None  # the ActivityRun of the current activity

    def __post_init__(self) -> None:
        self._start_current()

    @property
    def finished(self) -> bool:
        return self.index >= len(self.lesson.activities)

    @property
    def activity(self) -> Any:
        return None if self.finished else self.lesson.activities[self.index]

    @property
    def stars(self) -> int:
        return stars_for(self.results)

    def complete(self) -> ActivityResult:
        """The current activity is done: record its score and move on."""
        if self.run is None or not self.run.finished:
            raise RuntimeError("the current activity is not finished yet")
        return self._record(Outcome.DONE, self.run.score)

    def skip(self) -> ActivityResult:
        """The child chose to skip: always allowed (CONTENT_GUIDE rule 5)."""
        if self.finished:
            raise RuntimeError("the lesson is already finished")
        return self._record(Outcome.SKIPPED, 0.0)

    def go_to(self, index: int) -> None:
        """Open activity `index` directly (screenshots, teacher jumping ahead)."""
        if not 0 <= index < len(self.lesson.activities):
            raise IndexError(f"lesson '{self.lesson.id}' has no activity {index + 1}")
        self.index = index
        self._start_current()

    def restart_current(self) -> None:
        """Start the current activity afresh (after something went wrong inside it)."""
        self._start_current()

    def _record(self, outcome: Outcome, score: float) -> ActivityResult:
        result = ActivityResult(self.activity.id, outcome, score)
        self.results.append(result)
        self.index += 1
        self._start_current()
        return result

    def _start_current(self) -> None:
        self.run = None if self.finished else self.activity.start()
