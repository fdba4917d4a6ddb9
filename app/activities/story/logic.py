"""Story: a few panels, each a picture and one or two short lines, read with Next and Back.

Stories set the scene before a chat or a quiz, or show a character doing the safe thing
(telling a trusted adult) so the child sees it modelled. There is nothing to get wrong:
a story scores 1.0 once the child reaches its end. No Kivy here; the view is view.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.activity_type import (
    ActivityType,
    Finding,
    TextFactory,
    common_activity_properties,
    id_property,
    text_item,
    text_property,
)
from app.core.model import Text
from app.core.pictures import (
    CAST_SCHEMA,
    PICTURE_SCHEMA,
    PersonSpec,
    Picture,
    build_cast,
    build_picture,
    check_cast,
    check_picture,
)
from app.core.yamlsource import Path_

MAX_PANELS = 12
MAX_LINES = 2
LONG_TEXT = 200  # characters in one panel: more is hard to read on one screen


@dataclass(frozen=True)
class Panel:
    id: str
    picture: Picture | None
    lines: tuple[Text, ...]
    speaker: Text | None  # who is talking in this panel, e.g. "Grandad"; None = narration
    # The speaker's face: their cast person when the speaker is someone in the cast,
    # else None and the view draws an ordinary face from the name (like any chat account).
    speaker_person: PersonSpec | None = None


@dataclass(frozen=True)
class StoryActivity:
    id: str
    type: str
    title: Text
    panels: tuple[Panel, ...]

    def start(self) -> StoryRun:
        return StoryRun(self)


@dataclass
class StoryRun:
    activity: StoryActivity
    index: int = 0
    finished: bool = False

    @property
    def panel(self) -> Panel:
        return self.activity.panels[self.index]

    @property
    def total(self) -> int:
        return len(self.activity.panels)

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == self.total - 1

    @property
    def score(self) -> float:
        return 1.0 if self.finished else 0.0

    def next(self) -> None:
        """Turn the page; on the last panel this finishes the story."""
        if self.is_last:
            self.finished = True
        else:
            self.index += 1

    def back(self) -> None:
        if self.index > 0:
            self.index -= 1


# --- loading -------------------------------------------------------------------------

_LINE_SCHEMA = text_item("line", "one short sentence or two")

_PANEL_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "lines"],
    "properties": {
        "id": id_property("panel"),
        "picture": PICTURE_SCHEMA,
        "speaker": text_property("who says this panel's lines, e.g. 'Grandad' (optional)"),
        "lines": {
            "type": "array",
            "minItems": 1,
            "maxItems": MAX_LINES,
            "items": _LINE_SCHEMA,
            "description": f"1 or {MAX_LINES} lines, each with an id and a text",
        },
    },
}

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "type", "title", "panels"],
    "properties": {
        **common_activity_properties("story"),
        "cast": CAST_SCHEMA,
        "panels": {
            "type": "array",
            "minItems": 1,
            "maxItems": MAX_PANELS,
            "items": _PANEL_SCHEMA,
            "description": f"1 to {MAX_PANELS} panels; split a longer story into two stories",
        },
    },
}


def cast_key(name: str) -> str:
    """'Grandad' or 'Aunt Bea' -> 'grandad' / 'aunt-bea': how a speaker finds its cast person."""
    return "-".join(name.lower().split())


def build(data: dict[str, Any], texts: TextFactory, path: Path_) -> StoryActivity:
    aid = data["id"]
    cast = build_cast(data.get("cast"))
    panels = []
    for i, raw in enumerate(data["panels"]):
        pid, where = raw["id"], (*path, "panels", i)
        speaker = raw.get("speaker")
        speaker_person = cast.get(cast_key(speaker)) if speaker else None
        panels.append(
            Panel(
                id=pid,
                picture=build_picture(raw["picture"], cast) if "picture" in raw else None,
                lines=tuple(
                    texts.make((aid, pid, line["id"]), line["text"], (*where, "lines", j, "id"))
                    for j, line in enumerate(raw["lines"])
                ),
                speaker=texts.make((aid, pid, "speaker"), speaker, (*where, "speaker"))
                if speaker
                else None,
                speaker_person=speaker_person,
            )
        )
    return StoryActivity(
        id=aid,
        type="story",
        title=texts.make((aid, "title"), data["title"], (*path, "title")),
        panels=tuple(panels),
    )


def check(data: dict[str, Any]) -> list[Finding]:
    findings = check_cast(data.get("cast"), ("cast",))
    cast = list(data.get("cast") or {})
    for i, panel in enumerate(data["panels"]):
        if "picture" in panel:
            findings += check_picture(panel["picture"], ("panels", i, "picture"), cast)
        length = sum(len(line["text"]) for line in panel["lines"])
        if length > LONG_TEXT:
            findings.append(
                Finding(
                    ("panels", i, "lines"),
                    f"panel '{panel['id']}' has {length} characters of text; "
                    f"more than about {LONG_TEXT} is hard to read on one screen",
                    "split it into two panels, or shorten the sentences",
                    on_key=True,
                )
            )
    return findings


def finish_well(run: StoryRun) -> None:
    """Read every panel to the end."""
    while not run.finished:
        run.next()


ACTIVITY_TYPE = ActivityType(
    name="story",
    schema=SCHEMA,
    build=build,
    check=check,
    view="app.activities.story.view:StoryView",
    terminal="app.activities.story.terminal:play",
    finish_well=finish_well,
)
