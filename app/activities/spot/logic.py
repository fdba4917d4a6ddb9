"""Spot the signs: a conversation or a profile where the child taps every warning sign.

After "Check", every sign found, every sign missed and every item picked that was fine
gets its own explanation. There is no fail state: the child sees how many signs they
found and always goes on. No Kivy here; the view lives beside it in view.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core.activity_type import (
    ActivityType,
    Finding,
    TextFactory,
    common_activity_properties,
    id_property,
    text_property,
)
from app.core.model import Text
from app.core.yamlsource import Path_

LAYOUTS = ("conversation", "profile")
SENDERS = ("them", "me")
KINDS = ("name", "bio", "post")

# What the child's pick means for one item once checked.
FOUND, MISSED, WRONG, FINE = "found", "missed", "wrong", "fine"


@dataclass(frozen=True)
class SpotItem:
    id: str
    text: Text
    sign: bool
    explanation: Text
    sender: str = "them"  # conversation: "them" (the account) or "me" (the character)
    kind: str = "post"  # profile: "name", "bio" or "post"


@dataclass(frozen=True)
class SpotActivity:
    id: str
    type: str
    title: Text
    layout: str  # "conversation" or "profile"
    instruction: Text
    account_name: Text
    account_colour: str
    player: Text | None  # conversation: the character the child's side belongs to
    items: tuple[SpotItem, ...]
    summary: Text

    @property
    def signs(self) -> tuple[SpotItem, ...]:
        return tuple(i for i in self.items if i.sign)

    def item(self, item_id: str) -> SpotItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"spot activity '{self.id}' has no item '{item_id}'")

    def start(self) -> SpotRun:
        return SpotRun(self)


@dataclass
class SpotRun:
    """One pass: the child toggles items, then checks once and reads the feedback."""

    activity: SpotActivity
    selected: set[str] = field(default_factory=set)
    checked: bool = False

    @property
    def finished(self) -> bool:
        return self.checked

    def is_selected(self, item_id: str) -> bool:
        return item_id in self.selected

    def toggle(self, item_id: str) -> bool:
        """Pick or unpick an item; returns whether it is picked now."""
        if self.checked:
            raise RuntimeError("the answers are already checked")
        self.activity.item(item_id)  # KeyError for an unknown id
        self.selected ^= {item_id}
        return item_id in self.selected

    def check(self) -> None:
        """Show the feedback. Allowed with nothing picked: every sign is then explained."""
        self.checked = True

    def result(self, item: SpotItem) -> str:
        picked = item.id in self.selected
        if item.sign:
            return FOUND if picked else MISSED
        return WRONG if picked else FINE

    @property
    def found(self) -> int:
        return sum(1 for i in self.activity.items if i.sign and i.id in self.selected)

    @property
    def wrong(self) -> int:
        return sum(1 for i in self.activity.items if not i.sign and i.id in self.selected)

    @property
    def total_signs(self) -> int:
        return len(self.activity.signs)

    @property
    def score(self) -> float:
        """(signs found - items wrongly picked, never below 0) / number of signs."""
        total = self.total_signs
        return max(0, self.found - self.wrong) / total if total else 1.0


# --- loading -------------------------------------------------------------------------

_ITEM_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "text", "sign", "explanation"],
    "properties": {
        "id": id_property("item"),
        "text": text_property("the message, or the line of the profile, as the child sees it"),
        "sender": {
            "enum": list(SENDERS),
            "description": "conversations only: 'them' for the account (the default) or 'me' "
            "for the character the child is helping",
        },
        "kind": {
            "enum": list(KINDS),
            "description": "profiles only: 'name' (the display name line), 'bio' (a line of "
            "the bio) or 'post' (the default)",
        },
        "sign": {
            "type": "boolean",
            "description": "true if this item is a warning sign the child should tap",
        },
        "explanation": text_property(
            "shown after checking: why this is a warning sign, or (kindly) why it is OK"
        ),
    },
}

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "type", "title", "layout", "instruction", "account", "items", "summary"],
    "properties": {
        **common_activity_properties("spot"),
        "layout": {
            "enum": list(LAYOUTS),
            "description": "'conversation' (chat messages) or 'profile' (a profile page)",
        },
        "instruction": text_property(
            "one or two sentences: whose chat or profile this is and what to tap, e.g. "
            "'Mia got these messages in a game. Tap every warning sign.'"
        ),
        "player": text_property(
            "conversations: the name of the character the child is helping, e.g. 'Mia'"
        ),
        "account": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "properties": {
                "name": text_property("the account's display name, e.g. 'GamerGirl_11'"),
                "colour": {
                    "type": "string",
                    "pattern": "^#[0-9a-fA-F]{6}$",
                    "description": "the avatar circle colour as #rrggbb (optional; by default "
                    "a soft colour chosen from the name)",
                },
            },
        },
        "items": {
            "type": "array",
            "minItems": 2,
            "maxItems": 16,
            "items": _ITEM_SCHEMA,
            "description": "2 to 16 messages or profile lines, in the order they are shown",
        },
        "summary": text_property(
            "shown after checking: what these signs have in common and what the character "
            "can do (stop, screenshot, block, report, tell a trusted adult)"
        ),
    },
}


def build(data: dict[str, Any], texts: TextFactory, path: Path_) -> SpotActivity:
    aid = data["id"]
    items = tuple(
        SpotItem(
            id=raw["id"],
            text=texts.make((aid, raw["id"]), raw["text"], (*path, "items", i, "id")),
            sign=raw["sign"],
            explanation=texts.make(
                (aid, raw["id"], "why"), raw["explanation"], (*path, "items", i)
            ),
            sender=raw.get("sender", "them"),
            kind=raw.get("kind", "post"),
        )
        for i, raw in enumerate(data["items"])
    )
    player = data.get("player")
    return SpotActivity(
        id=aid,
        type="spot",
        title=texts.make((aid, "title"), data["title"], (*path, "title")),
        layout=data["layout"],
        instruction=texts.make((aid, "instruction"), data["instruction"], (*path, "instruction")),
        account_name=texts.make((aid, "account"), data["account"]["name"], (*path, "account")),
        account_colour=data["account"].get("colour", ""),
        player=texts.make((aid, "player"), player, (*path, "player")) if player else None,
        items=items,
        summary=texts.make((aid, "summary"), data["summary"], (*path, "summary")),
    )


def check(data: dict[str, Any]) -> list[Finding]:
    """Something to discriminate (signs and non-signs), and keys that fit the layout."""
    findings: list[Finding] = []
    items = data["items"]
    layout = data["layout"]
    signs = sum(1 for item in items if item["sign"])
    if signs == 0:
        findings.append(
            Finding(
                ("items",),
                "no item is a warning sign, so there is nothing to spot",
                "mark at least one item 'sign: true'",
                on_key=True,
            )
        )
    elif signs == len(items):
        findings.append(
            Finding(
                ("items",),
                "every item is a warning sign, so the child has nothing to tell apart",
                "add at least one ordinary item with 'sign: false' (e.g. 'good game!')",
                on_key=True,
            )
        )
    wrong_key, right_key = ("kind", "sender") if layout == "conversation" else ("sender", "kind")
    for i, item in enumerate(items):
        if wrong_key in item:
            findings.append(
                Finding(
                    ("items", i, wrong_key),
                    f"item '{item['id']}' has '{wrong_key}', but this is a {layout}",
                    f"use '{right_key}' in a {layout}, or change 'layout'",
                    on_key=True,
                )
            )
    if layout == "profile":
        if "player" in data:
            findings.append(
                Finding(
                    ("player",),
                    "'player' is only used in a conversation",
                    "remove 'player', or use layout: conversation",
                    on_key=True,
                )
            )
        names = [i for i, item in enumerate(items) if item.get("kind") == "name"]
        for i in names[1:]:
            findings.append(
                Finding(
                    ("items", i, "kind"),
                    "a profile has one name line, but this is the second 'kind: name'",
                    "use 'kind: bio' for this line",
                    on_key=True,
                )
            )
    elif "player" not in data and any(item.get("sender") == "me" for item in items):
        first = next(i for i, item in enumerate(items) if item.get("sender") == "me")
        findings.append(
            Finding(
                ("items", first, "sender"),
                "this message is from 'me', but the conversation has no 'player'",
                "add 'player:' with the name of the character the child is helping, e.g. 'Mia'",
                on_key=True,
            )
        )
    return findings


def finish_well(run: SpotRun) -> None:
    """Pick exactly the warning signs, then check."""
    if run.checked:
        return
    run.selected = {item.id for item in run.activity.items if item.sign}
    run.check()


ACTIVITY_TYPE = ActivityType(
    name="spot",
    schema=SCHEMA,
    build=build,
    check=check,
    view="app.activities.spot.view:SpotView",
    terminal="app.activities.spot.terminal:play",
    finish_well=finish_well,
)
