"""Talk about it: a discussion prompt for class or home, with hints revealed on tap.

Optional points for the grown-up leading the talk sit behind a "For the grown-up" panel.
The child may jot ideas in a box that is never saved: the run does not hold what was
typed, only how many hints were shown and whether the talk is finished. No Kivy here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.activity_type import (
    ActivityType,
    Finding,
    TextFactory,
    common_activity_properties,
    text_item,
    text_property,
)
from app.core.model import Text
from app.core.yamlsource import Path_

MAX_HINTS = 5
MAX_ADULT_POINTS = 6


@dataclass(frozen=True)
class TalkActivity:
    id: str
    type: str
    title: Text
    setting: Text | None
    prompt: Text
    hints: tuple[Text, ...]
    for_adults: tuple[Text, ...]
    write_box: bool

    def start(self) -> TalkRun:
        return TalkRun(self)


@dataclass
class TalkRun:
    activity: TalkActivity
    revealed: int = 0  # hints shown so far, in order
    done: bool = False

    @property
    def finished(self) -> bool:
        return self.done

    @property
    def score(self) -> float:
        return 1.0 if self.done else 0.0

    @property
    def shown_hints(self) -> tuple[Text, ...]:
        return self.activity.hints[: self.revealed]

    @property
    def more_hints(self) -> bool:
        return self.revealed < len(self.activity.hints)

    def reveal(self) -> Text:
        """Show the next hint."""
        if not self.more_hints:
            raise RuntimeError("every hint is already shown")
        self.revealed += 1
        return self.activity.hints[self.revealed - 1]

    def finish(self) -> None:
        """ "We talked about it"."""
        self.done = True


# --- loading -------------------------------------------------------------------------


def _point_list(what: str, most: int) -> dict[str, Any]:
    return {
        "type": "array",
        "minItems": 1,
        "maxItems": most,
        "description": f"up to {most} {what}, each {{id, text}}",
        "items": text_item(what, what),
    }


SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "type", "title", "prompt"],
    "properties": {
        **common_activity_properties("talk"),
        "setting": text_property(
            "optional: a short scene before the question, e.g. 'Jo has been chatting with "
            "someone from a game for weeks.'"
        ),
        "prompt": text_property(
            "one open question about a character, e.g. 'Why might someone online ask Jo "
            "to keep their chats secret?'"
        ),
        "hints": _point_list("things to think about, shown one at a time on tap", MAX_HINTS),
        "for_adults": _point_list(
            "points a teacher or parent might draw out, under 'For the grown-up'",
            MAX_ADULT_POINTS,
        ),
        "write_box": {
            "type": "boolean",
            "description": "show the 'Write your ideas (not saved)' box (default true)",
        },
    },
}


def _texts(
    entries: list[dict[str, Any]], key: str, aid: str, texts: TextFactory, path: Path_
) -> tuple[Text, ...]:
    group = key.replace("_", "-")  # text IDs such as lesson.activity.hints.<id>
    return tuple(
        texts.make((aid, group, e["id"]), e["text"], (*path, key, i, "id"))
        for i, e in enumerate(entries)
    )


def build(data: dict[str, Any], texts: TextFactory, path: Path_) -> TalkActivity:
    aid = data["id"]
    return TalkActivity(
        id=aid,
        type="talk",
        title=texts.make((aid, "title"), data["title"], (*path, "title")),
        setting=(
            texts.make((aid, "setting"), data["setting"], (*path, "setting"))
            if "setting" in data
            else None
        ),
        prompt=texts.make((aid, "prompt"), data["prompt"], (*path, "prompt")),
        hints=_texts(data.get("hints", []), "hints", aid, texts, path),
        for_adults=_texts(data.get("for_adults", []), "for_adults", aid, texts, path),
        write_box=data.get("write_box", True),
    )


def check(data: dict[str, Any]) -> list[Finding]:
    findings: list[Finding] = []
    seen: dict[str, tuple[str, int]] = {}
    for key in ("hints", "for_adults"):
        for i, entry in enumerate(data.get(key, [])):
            words = " ".join(entry["text"].split()).casefold()
            if words in seen:
                first_key, first = seen[words]
                findings.append(
                    Finding(
                        (key, i, "text"),
                        f"'{entry['id']}' repeats the words of {first_key}[{first}]",
                        "give each hint and each point for the grown-up different words",
                    )
                )
            else:
                seen[words] = (key, i)
    return findings


def finish_well(run: TalkRun) -> None:
    """Look at every hint, then finish the talk."""
    while run.more_hints:
        run.reveal()
    run.finish()


ACTIVITY_TYPE = ActivityType(
    name="talk",
    schema=SCHEMA,
    build=build,
    check=check,
    view="app.activities.talk.view:TalkView",
    terminal="app.activities.talk.terminal:play",
    finish_well=finish_well,
)
