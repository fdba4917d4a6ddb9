"""The lesson model: what a loaded, validated lesson file becomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

AGE_BANDS = ("5-7", "8-10", "11-13", "14-16")
BADGE_ICONS = ("star", "shield", "heart", "chat", "eye", "hand", "lock", "speech")


@dataclass(frozen=True)
class Text:
    """A translatable string: its stable ID (the gettext msgctxt) and its English source."""

    id: str
    source: str


@dataclass(frozen=True)
class CurriculumLink:
    framework: str
    strand: str
    band: str
    outcome: Text


class ActivityRun(Protocol):
    """One child's pass through one activity."""

    @property
    def finished(self) -> bool: ...

    @property
    def score(self) -> float:
        """0.0-1.0: the share of safe or correct answers so far."""
        ...


class Activity(Protocol):
    id: str
    type: str
    title: Text

    def start(self) -> ActivityRun: ...


@dataclass(frozen=True)
class Debrief:
    """What every lesson ends with (CONTENT_GUIDE rule 2)."""

    learned: tuple[Text, ...]
    never_your_fault: Text
    tell_someone: Text


@dataclass(frozen=True)
class Badge:
    """What a child earns for finishing a lesson: a named emblem, never a ranking."""

    title: Text
    icon: str  # one of BADGE_ICONS, drawn by the UI


@dataclass(frozen=True)
class ActivityNote:
    activity: str  # the id of one of the lesson's activities
    text: Text


@dataclass(frozen=True)
class DiscussionQuestion:
    id: str
    question: Text
    points: tuple[Text, ...]


@dataclass(frozen=True)
class TeacherGuide:
    """The lesson plan: everything a teacher needs to run the lesson in class."""

    materials: tuple[Text, ...]
    ground_rules: tuple[Text, ...]
    starter: Text
    activity_notes: tuple[ActivityNote, ...]
    discussion: tuple[DiscussionQuestion, ...]
    safeguarding: Text
    send: Text
    eal: Text
    plenary: Text
    home_link: Text


@dataclass(frozen=True)
class ParentNote:
    """The home link: what a parent or carer needs to carry the lesson on at home."""

    learned: Text
    conversation_starter: Text
    home_activity: Text


@dataclass(frozen=True)
class Lesson:
    id: str
    schema_version: int
    age_band: str
    order: int
    title: Text
    summary: Text
    duration_minutes: int
    objectives: tuple[Text, ...]
    curriculum: tuple[CurriculumLink, ...]
    intro: tuple[Text, ...]
    activities: tuple[Activity, ...]
    debrief: Debrief
    badge: Badge
    source_file: str
    skills: tuple[str, ...] = ()
    teacher: TeacherGuide | None = None  # None in drafts; `check` asks for it
    parent: ParentNote | None = None
    # The line of each text's id in the file, for messages about wording (not compared).
    text_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
