"""Content standards beyond the file format: what a lesson or check needs before it ships.

The loader accepts a draft (no teacher guide yet, long words); `python -m app check`
holds shipped content to CONTENT_GUIDE.md: reading level, words ruled out per age band,
a rehearsal and a game in every lesson, a complete teacher guide and parent note, a
UKCIS link, five lessons and a fair knowledge check per band.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from app.core.checks import KnowledgeCheck
from app.core.model import Lesson, Text
from app.core.problems import Problem
from app.core.yamlsource import parse

UKCIS = "UKCIS Education for a Connected World"
UKCIS_STRANDS = (
    "Self-image and identity",
    "Online relationships",
    "Online reputation",
    "Online bullying",
    "Managing online information",
    "Health, wellbeing and lifestyle",
    "Privacy and security",
    "Copyright and ownership",
)
REHEARSALS = ("chat", "say_it")
GAMES = ("quiz", "sort", "spot", "helping_hand")
MIN_ACTIVITIES, MAX_ACTIVITIES = 3, 6
YOUNGEST = "5-7"
# Lesson fields written for grown-ups: not held to the children's reading level or words.
ADULT_FIELDS = frozenset(
    {"objectives", "curriculum", "teacher", "parent", "for_adults", "text_lines"}
)


@dataclass(frozen=True)
class ContentRules:
    reading_level: Mapping[str, float]
    banned_words: Mapping[str, tuple[str, ...]]
    check_longest_right_share: float
    lessons_per_band: int

    def banned_in(self, band: str, text: str) -> list[str]:
        """The ruled-out words (or their -s/-ed/-ing forms) that text uses."""
        return [w for w in self.banned_words.get(band, ()) if _word_pattern(w).search(text)]


def load_rules(path: Path) -> ContentRules:
    """The rules file is the project's own; a broken one is a bug, so it may raise."""
    data = parse(path.read_text(encoding="utf-8")).data
    return ContentRules(
        reading_level={band: float(v) for band, v in data["reading_level"].items()},
        banned_words={band: tuple(v) for band, v in data["banned_words"].items()},
        check_longest_right_share=float(data["check_longest_right_share"]),
        lessons_per_band=int(data["lessons_per_band"]),
    )


def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}(s|es|d|ed|ing|er|ers)?\b", re.IGNORECASE)


# --- child-facing text and its reading level -------------------------------------------


def child_texts(item: Any) -> list[Text]:
    """Every Text a child sees or hears in a lesson or check, in file order."""
    found: list[Text] = []

    def walk(node: Any) -> None:
        if isinstance(node, Text):
            found.append(node)
        elif is_dataclass(node):
            for f in fields(node):
                if f.name not in ADULT_FIELDS:
                    walk(getattr(node, f.name))
        elif isinstance(node, (list, tuple)):
            for x in node:
                walk(x)
        elif isinstance(node, dict):
            for x in node.values():
                walk(x)

    walk(item)
    return found


def as_prose(texts: Iterable[Text]) -> str:
    """Texts joined into sentences: a label without a full stop still ends a sentence."""
    parts = []
    for text in texts:
        source = " ".join(text.source.split())
        parts.append(source if source[-1:] in ".!?\"'”’" else source + ".")
    return " ".join(parts)


def reading_grade(texts: Iterable[Text]) -> float:
    """Flesch-Kincaid grade of the texts read as one passage (textstat, CMU dictionary)."""
    import textstat  # a test and author dependency, so only imported when measuring

    prose = as_prose(texts)
    return float(textstat.flesch_kincaid_grade(prose)) if prose else 0.0


def hardest(texts: Iterable[Text], count: int = 3) -> list[tuple[float, Text]]:
    """The texts that pull the grade up most: worth rewriting first."""
    import textstat

    graded = [(float(textstat.flesch_kincaid_grade(as_prose([t]))), t) for t in texts]
    return sorted(graded, key=lambda pair: -pair[0])[:count]


# --- lessons -------------------------------------------------------------------------


def lesson_problems(lesson: Lesson, rules: ContentRules) -> list[Problem]:
    def problem(message: str, fix: str, line: int = 1) -> Problem:
        return Problem(lesson.source_file, line, message, fix)

    found = list(_words_and_level(lesson, lesson.age_band, rules, problem, lesson.text_lines))
    types = [a.type for a in lesson.activities]
    if not MIN_ACTIVITIES <= len(types) <= MAX_ACTIVITIES:
        found.append(
            problem(
                f"has {len(types)} activities",
                f"a lesson has {MIN_ACTIVITIES}-{MAX_ACTIVITIES} activities",
            )
        )
    if not set(types) & set(REHEARSALS):
        found.append(
            problem("has no rehearsal", "add a 'chat' or 'say_it' activity to practise in")
        )
    if not set(types) & set(GAMES):
        found.append(problem("has no game", "add a quiz, sort, spot or helping_hand activity"))
    if not any(c.framework == UKCIS and c.strand in UKCIS_STRANDS for c in lesson.curriculum):
        found.append(
            problem(
                f"has no link to a {UKCIS} strand",
                f"add a curriculum link with framework '{UKCIS}' and a strand from: "
                + "; ".join(UKCIS_STRANDS),
            )
        )
    found += _grown_up_sections(lesson, problem)
    if lesson.age_band == YOUNGEST:
        found += _pictures_on_choices(lesson, problem)
    return found


def _grown_up_sections(lesson: Lesson, problem: Any) -> list[Problem]:
    fix = "see 'For teachers and parents' in docs/lesson-format.md"
    missing = [
        key
        for key, value in (
            ("skills", lesson.skills),
            ("teacher", lesson.teacher),
            ("parent", lesson.parent),
        )
        if not value
    ]
    found = [problem(f"has no '{key}' section", fix) for key in missing]
    if lesson.teacher is not None:
        noted = [n.activity for n in lesson.teacher.activity_notes]
        wanted = [a.id for a in lesson.activities]
        if noted != wanted:
            line = lesson.text_lines.get(f"{lesson.id}.teacher.starter", 1)
            found.append(
                problem(
                    f"teacher > activity_notes are for {noted}, but the activities are {wanted}",
                    "write one note per activity, with its id, in the activities' order",
                    line,
                )
            )
    return found


def _pictures_on_choices(lesson: Lesson, problem: Any) -> list[Problem]:
    """Ages 5-7 may not read yet: every quiz option and sort card needs a picture."""
    choices: list[Any] = []
    for activity in lesson.activities:
        choices += [o for q in getattr(activity, "questions", ()) for o in q.options if o.text]
        choices += list(getattr(activity, "cards", ()))
    return _missing_pictures(choices, lesson.text_lines, problem)


def _missing_pictures(choices: list[Any], lines: Mapping[str, int], problem: Any) -> list[Problem]:
    return [
        problem(
            f"'{choice.text.source}' has no picture",
            "ages 5-7: give every choice (quiz option, sort card, check option) a 'picture:'",
            lines.get(choice.text.id, 1),
        )
        for choice in choices
        if getattr(choice, "picture", None) is None
    ]


def _words_and_level(
    item: Any, band: str, rules: ContentRules, problem: Any, lines: Mapping[str, int]
) -> Iterator[Problem]:
    texts = child_texts(item)
    for text in texts:
        for word in rules.banned_in(band, text.source):
            yield problem(
                f"'{word}' is not for ages {band} (CONTENT_GUIDE, 'Language')",
                "reword: say 'someone online', 'this account', 'a photo they should not "
                "ask for'; see assets/content-rules.yaml",
                lines.get(text.id, 1),
            )
    limit = rules.reading_level.get(band)
    grade = reading_grade(texts)
    if limit is not None and grade > limit:
        worst = "; ".join(f"{t.source!r} ({g:.1f})" for g, t in hardest(texts))
        yield problem(
            f"reading level is grade {grade:.1f}; ages {band} need {limit:g} or lower",
            f"use shorter sentences and words; hardest: {worst}",
        )


# --- knowledge checks and whole bands ----------------------------------------------------


def check_problems(check: KnowledgeCheck, rules: ContentRules) -> list[Problem]:
    def problem(message: str, fix: str, line: int = 1) -> Problem:
        return Problem(check.source_file, line, message, fix)

    found = list(_words_and_level(check, check.age_band, rules, problem, check.text_lines))
    longest_right = [i.id for i in check.items if _right_is_longest(i)]
    share = len(longest_right) / len(check.items)
    if share > rules.check_longest_right_share:
        found.append(
            problem(
                f"the right answer is the longest option in {len(longest_right)} of "
                f"{len(check.items)} items ({', '.join(longest_right)})",
                "a child could score by picking the longest answer: shorten right answers "
                "or make the other options as full",
            )
        )
    if check.age_band == YOUNGEST:
        found += _adult_picture_cues(check, problem)
        options = [o for item in check.items for o in item.options]
        found += _missing_pictures(options, check.text_lines, problem)
    return found


def _adult_picture_cues(check: KnowledgeCheck, problem: Any) -> list[Problem]:
    """Children who cannot read answer from the pictures: if only the right answer shows a
    grown-up, "pick the grown-up" scores without knowing anything."""

    def has_adult(option: Any) -> bool:
        people = option.picture.people if option.picture is not None else ()
        return any(getattr(p, "age", "") == "adult" for p in people)

    found = []
    for item in check.items:
        with_adult = [o for o in item.options if has_adult(o)]
        if len(with_adult) == 1 and with_adult[0].correct:
            found.append(
                problem(
                    f"item '{item.id}': only the right answer's picture shows a grown-up",
                    "show a grown-up in another option's picture too, or in none",
                    check.text_lines.get(item.prompt.id, 1),
                )
            )
    return found


def _right_is_longest(item: Any) -> bool:
    right = len(next(o for o in item.options if o.correct).text.source)
    return all(right > len(o.text.source) for o in item.options if not o.correct)


def band_problems(
    band: str, lessons: list[Lesson], check: KnowledgeCheck | None, rules: ContentRules
) -> list[Problem]:
    """A band is a sequence with a before/after check that measures what it teaches."""
    where = lessons[0].source_file if lessons else f"assets/lessons/{band}"
    found = []
    if len(lessons) < rules.lessons_per_band:
        found.append(
            Problem(
                where,
                1,
                f"ages {band} have {len(lessons)} lessons",
                f"each band needs at least {rules.lessons_per_band} lessons",
            )
        )
    orders = [x.order for x in lessons]
    if len(set(orders)) != len(orders):
        found.append(
            Problem(where, 1, f"ages {band}: two lessons share an order", "number them 1, 2, 3...")
        )
    if check is None:
        found.append(
            Problem(
                where,
                1,
                f"ages {band} have no knowledge check",
                f"add assets/checks/{band}.yaml (docs/knowledge-check.md)",
            )
        )
        return found
    taught = {skill for x in lessons for skill in x.skills}
    for item in check.items:
        if item.skill not in taught:
            found.append(
                Problem(
                    check.source_file,
                    check.text_lines.get(item.prompt.id, 1),
                    f"item '{item.id}' tests '{item.skill}', which no {band} lesson teaches",
                    "test a skill listed in a lesson's 'skills:', or teach this one",
                )
            )
    return found
