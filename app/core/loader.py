"""Load lesson files, reporting every problem at once with file, line and fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from app.activities import ACTIVITY_TYPES
from app.core.activity_type import TextFactory
from app.core.model import (
    AGE_BANDS,
    ActivityNote,
    Badge,
    CurriculumLink,
    Debrief,
    DiscussionQuestion,
    Lesson,
    ParentNote,
    TeacherGuide,
    Text,
)
from app.core.problems import Problem, display_path
from app.core.schema import LESSON_SCHEMA
from app.core.validation import Reporter, parse_mapping, read_source
from app.core.yamlsource import Path_

_LESSON_VALIDATOR = Draft202012Validator(LESSON_SCHEMA)
_TYPE_VALIDATORS = {name: Draft202012Validator(t.schema) for name, t in ACTIVITY_TYPES.items()}


@dataclass
class LoadResult:
    lesson: Lesson | None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Library:
    """Every lesson that loaded cleanly, plus the problems of those that did not."""

    lessons: dict[str, Lesson] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def by_band(self, band: str) -> list[Lesson]:
        return sorted(
            (x for x in self.lessons.values() if x.age_band == band), key=lambda x: (x.order, x.id)
        )

    def bands(self) -> list[str]:
        """Age bands that have at least one lesson, youngest first."""
        present = {x.age_band for x in self.lessons.values()}
        return [band for band in AGE_BANDS if band in present]


def load_lesson(path: Path) -> LoadResult:
    name = display_path(path)
    text, problems = read_source(path, name)
    if text is None:
        return LoadResult(None, problems)
    return load_lesson_text(text, name)


def load_lesson_text(text: str, name: str = "<lesson>") -> LoadResult:
    located, problems = parse_mapping(text, name, "a lesson file")
    if located is None:
        return LoadResult(None, problems)
    data = located.data
    reporter = Reporter(name, located)
    reporter.schema_errors(_LESSON_VALIDATOR.iter_errors(data), ())
    activities = data.get("activities")
    if isinstance(activities, list):
        for index, activity in enumerate(activities):
            _check_activity(activity, (index,), reporter)
    if reporter.problems:
        return LoadResult(None, reporter.sorted())
    lesson = _build(data, name, reporter)
    return LoadResult(None if reporter.problems else lesson, reporter.sorted())


def load_library(paths: Iterable[Path]) -> Library:
    """Load many lesson files; a broken file is reported and left out, the rest still load."""
    library = Library()
    first_file: dict[str, str] = {}
    for path in _lesson_files(paths):
        result = load_lesson(path)
        library.problems.extend(result.problems)
        lesson = result.lesson
        if lesson is None:
            continue
        if lesson.id in library.lessons:
            library.problems.append(
                Problem(
                    lesson.source_file,
                    1,
                    f"lesson id '{lesson.id}' is already used by {first_file[lesson.id]}",
                    "give each lesson its own id",
                )
            )
            continue
        first_file[lesson.id] = lesson.source_file
        library.lessons[lesson.id] = lesson
    return library


def _lesson_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.rglob("*.yaml")))
        else:
            files.append(path)
    return files


def _check_activity(activity: Any, index: Path_, reporter: Reporter) -> None:
    path = ("activities", *index)
    if not isinstance(activity, dict) or not isinstance(activity.get("type"), str):
        return  # the lesson schema has already reported it
    type_name = activity["type"]
    activity_type = ACTIVITY_TYPES.get(type_name)
    if activity_type is None:
        known = ", ".join(sorted(ACTIVITY_TYPES))
        close = difflib.get_close_matches(type_name, ACTIVITY_TYPES, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        reporter.add(
            (*path, "type"),
            f"unknown activity type '{type_name}'",
            f"{hint}known types are: {known}",
        )
        return
    before = len(reporter.problems)
    reporter.schema_errors(_TYPE_VALIDATORS[type_name].iter_errors(activity), path)
    if len(reporter.problems) > before:
        return  # the type's own checks assume schema-valid data
    for finding in activity_type.check(activity):
        reporter.add((*path, *finding.path), finding.message, finding.fix, on_key=finding.on_key)


def _badge(data: dict[str, Any], texts: TextFactory, title: Text) -> Badge:
    """The lesson's badge; without one, a star named after the lesson."""
    raw = data.get("badge")
    if raw is None:
        return Badge(title, "star")
    return Badge(texts.make(("badge",), raw["title"], ("badge", "title")), raw["icon"])


def _text_list(texts: TextFactory, key: tuple[str, ...], entries: list[dict], path: Path_) -> tuple:
    return tuple(
        texts.make((*key, e["id"]), e["text"], (*path, i, "id")) for i, e in enumerate(entries)
    )


def _teacher(raw: dict[str, Any] | None, texts: TextFactory) -> TeacherGuide | None:
    if raw is None:
        return None

    def one(key: str, path: Path_ = ()) -> Text:
        path = path or ("teacher", key)
        return texts.make(("teacher", *path[1:]), _get(raw, path[1:]), path)

    return TeacherGuide(
        materials=_text_list(
            texts, ("teacher", "materials"), raw["materials"], ("teacher", "materials")
        ),
        ground_rules=_text_list(
            texts, ("teacher", "ground-rules"), raw["ground_rules"], ("teacher", "ground_rules")
        ),
        starter=one("starter"),
        activity_notes=tuple(
            ActivityNote(
                n["activity"],
                texts.make(
                    ("teacher", "notes", n["activity"]), n["text"], ("teacher", "activity_notes", i)
                ),
            )
            for i, n in enumerate(raw["activity_notes"])
        ),
        discussion=tuple(
            DiscussionQuestion(
                q["id"],
                texts.make(
                    ("teacher", "discussion", q["id"]), q["question"], ("teacher", "discussion", i)
                ),
                _text_list(
                    texts,
                    ("teacher", "discussion", q["id"]),
                    q["points"],
                    ("teacher", "discussion", i, "points"),
                ),
            )
            for i, q in enumerate(raw["discussion"])
        ),
        safeguarding=one("safeguarding"),
        send=one("", ("teacher", "differentiation", "send")),
        eal=one("", ("teacher", "differentiation", "eal")),
        plenary=one("plenary"),
        home_link=texts.make(("teacher", "home-link"), raw["home_link"], ("teacher", "home_link")),
    )


def _parent(raw: dict[str, Any] | None, texts: TextFactory) -> ParentNote | None:
    if raw is None:
        return None
    return ParentNote(
        *(
            texts.make(("parent", key.replace("_", "-")), raw[key], ("parent", key))
            for key in ("learned", "conversation_starter", "home_activity")
        )
    )


def _get(data: Any, path: Path_) -> Any:
    for key in path:
        data = data[key]
    return data


def _build(data: dict[str, Any], name: str, reporter: Reporter) -> Lesson:
    texts = TextFactory(data["id"])

    def text_list(key: str, entries: list[dict]) -> tuple:
        return _text_list(texts, (key,), entries, (key,))

    activities = tuple(
        ACTIVITY_TYPES[a["type"]].build(a, texts, ("activities", i))
        for i, a in enumerate(data["activities"])
    )
    debrief = data["debrief"]
    title = texts.make(("title",), data["title"], ("title",))
    lesson = Lesson(
        id=data["id"],
        schema_version=data["schema_version"],
        age_band=data["age_band"],
        order=data["order"],
        title=title,
        summary=texts.make(("summary",), data["summary"], ("summary",)),
        duration_minutes=data["duration_minutes"],
        objectives=text_list("objectives", data["objectives"]),
        curriculum=tuple(
            CurriculumLink(
                c["framework"],
                c["strand"],
                c["band"],
                texts.make(("curriculum", str(i)), c["outcome"], ("curriculum", i)),
            )
            for i, c in enumerate(data["curriculum"])
        ),
        intro=text_list("intro", data["intro"]),
        activities=activities,
        debrief=Debrief(
            learned=text_list("learned", debrief["learned"]),
            never_your_fault=texts.make(
                ("never-your-fault",), debrief["never_your_fault"], ("debrief", "never_your_fault")
            ),
            tell_someone=texts.make(
                ("tell-someone",), debrief["tell_someone"], ("debrief", "tell_someone")
            ),
        ),
        badge=_badge(data, texts, title),
        source_file=name,
        skills=tuple(data.get("skills", ())),
        teacher=_teacher(data.get("teacher"), texts),
        parent=_parent(data.get("parent"), texts),
        text_lines={tid: reporter.located.line(path) for tid, path in texts.first_seen.items()},
    )
    reported_lines = set()
    for text_id, first, again in texts.clashes:
        line = reporter.located.line(again)
        if line in reported_lines:
            continue  # one id clash makes several text IDs clash; say it once
        reported_lines.add(line)
        reporter.add(
            again,
            f"an id is used twice (first on line {reporter.located.line(first)}), "
            f"so the text ID '{text_id}' would mean two things",
            "give each item its own id within its list",
        )
    return lesson
