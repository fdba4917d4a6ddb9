"""Babel extractors for SafeSteps content YAML and Kivy .kv rules. Never imports Kivy.

Registered as entry points in pyproject.toml (group "babel.extractors") and used by
babel.cfg, so `pybabel extract` (run by `make i18n`) sees lessons, knowledge checks and
helplines beside the Python strings. Every content string is yielded as pgettext with its
stable ID as msgctxt: rewording the English marks one translation as changed, and two
identical English sentences in different places can still be translated differently.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from typing import Any, BinaryIO

from babel.messages.extract import extract_python

from app.core.model import Text

# What Babel expects from an extractor: (line, function name, message(s), comments).
Extracted = tuple[int, str, Any, list[str]]

# Lesson fields written for grown-ups (teacher guide, parent note...): a translator may
# use precise adult words there, and nowhere else.
ADULT_FIELDS = frozenset({"objectives", "curriculum", "teacher", "parent", "for_adults"})
AUDIENCE_NOTE = {
    "5-7": "ages 5-7: read aloud to the child; short, simple, warm words",
    "8-10": "ages 8-10: the child reads this; simple words",
    "11-13": "ages 11-13: the child reads this; plain, respectful, not childish",
    "14-16": "ages 14-16: the teenager reads this; plain, direct, never preachy",
}
ADULT_NOTE = "for teachers and parents"


def walk_texts(node: Any, skip: frozenset[str] = frozenset()) -> Iterator[Text]:
    """Every Text inside a loaded lesson, check or helpline, in file order."""
    if isinstance(node, Text):
        yield node
    elif is_dataclass(node):
        for f in fields(node):
            if f.name not in skip and f.name != "text_lines":
                yield from walk_texts(getattr(node, f.name), skip)
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from walk_texts(item, skip)
    elif isinstance(node, dict):
        for item in node.values():
            yield from walk_texts(item, skip)


def content_messages(source: str, name: str) -> list[tuple[int, Text, str]]:
    """(line, text, note for translators) for one content file; [] if it does not load.

    A file that does not validate yields nothing here: `python -m app check` names its
    problems, and extraction never invents IDs for content the app would not show.
    """
    if _looks_like(source, "countries:"):
        return _helpline_messages(source, name)
    if _looks_like(source, "items:"):
        return _check_messages(source, name)
    return _lesson_messages(source, name)


def _looks_like(source: str, top_key: str) -> bool:
    return any(line.startswith(top_key) for line in source.splitlines())


def _lesson_messages(source: str, name: str) -> list[tuple[int, Text, str]]:
    from app.core.loader import load_lesson_text

    lesson = load_lesson_text(source, name).lesson
    if lesson is None:
        return []
    young = {t.id for t in walk_texts(lesson, ADULT_FIELDS)}
    child_note = AUDIENCE_NOTE.get(lesson.age_band, "")
    return [
        (lesson.text_lines.get(t.id, 1), t, child_note if t.id in young else ADULT_NOTE)
        for t in walk_texts(lesson)
    ]


def _check_messages(source: str, name: str) -> list[tuple[int, Text, str]]:
    from app.core.checks import load_check_text

    check = load_check_text(source, name).check
    if check is None:
        return []
    note = "knowledge check, " + AUDIENCE_NOTE.get(check.age_band, "")
    return [(check.text_lines.get(t.id, 1), t, note) for t in walk_texts(check)]


def _helpline_messages(source: str, name: str) -> list[tuple[int, Text, str]]:
    from app.core.helplines import load_helplines_text

    helplines = load_helplines_text(source, name)
    messages = []
    for text in walk_texts(list(helplines.countries.values())):
        note = "helpline for ages 5-10" if text.id.endswith(".young") else "helpline"
        messages.append((helplines.text_lines.get(text.id, 1), text, note))
    return messages


def extract_content(
    fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[Extracted]:
    """Babel extractor for lesson, check and helpline YAML."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    name = getattr(fileobj, "name", "<content>")
    for line, text, note in content_messages(source, str(name)):
        yield line, "pgettext", (text.id, text.source), [note] if note else []


def extract_kv(
    fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[Extracted]:
    """Babel extractor for Kivy rules: the Python expression after each `property:`."""
    for number, raw in enumerate(fileobj.read().decode("utf-8").splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#") or ":" not in line:
            continue
        expression = line.split(":", 1)[1].strip()
        if not any(f"{keyword}(" in expression for keyword in keywords):
            continue
        found = extract_python(io.BytesIO(expression.encode()), keywords, comment_tags, {})
        for _line, funcname, message, comments in found:
            yield number, funcname, message, comments
