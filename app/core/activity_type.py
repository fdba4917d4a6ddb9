"""What an activity type plugs into the loader: its schema, a builder and its own checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from app.core.model import Text
from app.core.yamlsource import Path_


@dataclass(frozen=True)
class Finding:
    """A problem found by an activity type's own checks, at a path inside the activity."""

    path: Path_
    message: str
    fix: str = ""
    on_key: bool = False  # point at the key's line rather than the value's


class TextFactory:
    """Makes Text objects with IDs built from the ids of their parents, and spots clashes.

    An ID such as "new-online-friend.meet-jay.hello.say-thanks" only changes when an
    author renames an id, never when English wording changes or items are reordered.
    """

    def __init__(self, lesson_id: str) -> None:
        self.lesson_id = lesson_id
        self.first_seen: dict[str, Path_] = {}
        self.clashes: list[tuple[str, Path_, Path_]] = []

    def make(self, id_parts: Iterable[str], source: str, path: Path_) -> Text:
        text_id = ".".join((self.lesson_id, *id_parts))
        if text_id in self.first_seen:
            self.clashes.append((text_id, self.first_seen[text_id], path))
        else:
            self.first_seen[text_id] = path
        return Text(text_id, source)


@dataclass(frozen=True)
class ActivityType:
    """One activity type, registered once in app.activities.

    schema: JSON Schema for one activity mapping of this type (keys id, type, title included).
    build: turns schema-valid data into the activity model.
    check: finds problems the schema cannot see (broken links, unreachable states...).
    finish_well: plays a run to its end the best way (safe replies, right answers); used
        for previews, the finish-screen screenshot and as the reference walk in tests.
    view: "module:Class" of its Kivy view, imported only by the UI.
    terminal: "module:function" that plays a run in `python -m app play`; called as
        function(player, run) and returns True if the author skipped the activity.
    """

    name: str
    schema: dict[str, Any]
    build: Callable[[dict[str, Any], TextFactory, Path_], Any]
    check: Callable[[dict[str, Any]], list[Finding]] = field(default=lambda data: [])
    finish_well: Callable[[Any], None] = field(default=lambda run: None)
    view: str = ""
    terminal: str = ""


# (?!\n) because Python's $ also matches before a final newline ("abc\n").
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*(?!\n)$"


def id_property(what: str) -> dict[str, Any]:
    return {
        "type": "string",
        "pattern": ID_PATTERN,
        "description": f"a short stable id for this {what}, e.g. 'asks-for-photo' "
        "(lowercase letters, digits and hyphens)",
    }


def text_property(what: str) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "description": what}


def text_item(item: str, text_description: str) -> dict[str, Any]:
    """Schema of one `{id, text}` entry: a translatable line with its own stable id."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "text"],
        "properties": {"id": id_property(item), "text": text_property(text_description)},
    }


def common_activity_properties(type_name: str) -> dict[str, Any]:
    return {
        "id": id_property("activity"),
        "type": {"const": type_name},
        "title": text_property("the activity's title, shown to the child"),
    }
