"""My helping hand: the child puts a grown-up they trust on each finger of a hand.

One finger at a time the child picks a role from the lesson's list (teacher, grandparent,
coach...) and may add a nickname ("Nana Joy"). A closing screen shows the whole hand and
the lesson's message ("If one grown-up doesn't listen, tell the next finger").

Nicknames live in the run. The view keeps only the finished hand (role ids + nicknames)
in the device's settings, as `to_json()` writes it, so a returning child sees their hand.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
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

FINGERS = ("thumb", "pointer", "middle", "ring", "little")
FINGER_COUNT = len(FINGERS)
MIN_ROLES = 5
MAX_ROLES = 16
DEFAULT_MIN_PEOPLE = 5
LOWEST_MIN_PEOPLE = 3
NICKNAME_MAX = 24
SAVED_VERSION = 1


@dataclass(frozen=True)
class Role:
    id: str
    text: Text


@dataclass(frozen=True)
class HelpingHandActivity:
    id: str
    type: str
    title: Text
    instructions: Text
    roles: tuple[Role, ...]
    closing: Text
    min_people: int = DEFAULT_MIN_PEOPLE

    def role(self, role_id: str) -> Role:
        for role in self.roles:
            if role.id == role_id:
                return role
        raise KeyError(f"no role '{role_id}'; roles are {[r.id for r in self.roles]}")

    def start(self) -> HelpingHandRun:
        return HelpingHandRun(self)


@dataclass(frozen=True)
class Person:
    """A grown-up on one finger: the role the child chose and an optional nickname."""

    role: Role
    nickname: str = ""


def clean_nickname(text: str) -> str:
    """One line of at most NICKNAME_MAX characters: no control characters, single spaces."""
    printable = "".join(
        " " if unicodedata.category(ch) == "Cc" or unicodedata.category(ch).startswith("Z") else ch
        for ch in text
    )
    return " ".join(printable.split())[:NICKNAME_MAX].strip()


@dataclass
class HelpingHandRun:
    """Filling the hand finger by finger; `finger` is None once the hand is finished."""

    activity: HelpingHandActivity
    people: list[Person | None] = field(default_factory=lambda: [None] * FINGER_COUNT)
    finger: int | None = 0
    touched: bool = False  # the child (or a restore) has changed something
    restored: bool = False  # the hand came back from this device's settings

    @property
    def finished(self) -> bool:
        return self.finger is None

    @property
    def score(self) -> float:
        return 1.0 if self.finished else 0.0

    @property
    def filled(self) -> int:
        return sum(person is not None for person in self.people)

    @property
    def person(self) -> Person | None:
        """Who is on the finger being filled now."""
        return None if self.finger is None else self.people[self.finger]

    def _current(self) -> int:
        if self.finger is None:
            raise RuntimeError("the hand is finished; call edit() to change it")
        return self.finger

    def choose(self, role_id: str) -> Person:
        """Put a grown-up with this role on the current finger (roles may repeat)."""
        index = self._current()
        role = self.activity.role(role_id)
        before = self.people[index]
        # A new role gets a fresh nickname: "Nana Joy" was the grandparent, not the coach.
        nickname = before.nickname if before is not None and before.role.id == role_id else ""
        self.people[index] = Person(role, nickname)
        self.touched = True
        return self.people[index]

    def set_nickname(self, nickname: str) -> str:
        index = self._current()
        person = self.people[index]
        if person is None:
            raise RuntimeError("choose a role for this finger before its nickname")
        cleaned = clean_nickname(nickname)
        self.people[index] = Person(person.role, cleaned)
        self.touched = True
        return cleaned

    @property
    def can_leave_empty(self) -> bool:
        """May the current finger stay empty and still leave room for min_people?"""
        if self.finger is None:
            return False
        possible = sum(
            1
            for i, person in enumerate(self.people)
            if i != self.finger and (person is not None or i > self.finger)
        )
        return possible >= self.activity.min_people

    def leave_empty(self) -> None:
        if not self.can_leave_empty:
            raise RuntimeError(
                f"this hand needs at least {self.activity.min_people} grown-ups; "
                "choose someone for this finger"
            )
        self.people[self._current()] = None
        self.touched = True
        self._advance()

    def next_finger(self) -> None:
        """The current finger is done: go to the next one, or finish after the last."""
        if self.people[self._current()] is None:
            raise RuntimeError("choose someone for this finger first (or leave it empty)")
        self._advance()

    def _advance(self) -> None:
        following = self._current() + 1
        self.finger = following if following < FINGER_COUNT else None
        if self.finger is None and self.filled < self.activity.min_people:
            # Cannot happen through leave_empty(); guards against a hand restored short.
            self.finger = next(i for i, p in enumerate(self.people) if p is None)

    def edit(self, finger: int = 0) -> None:
        """Go back to change the hand, keeping everyone on it."""
        if not 0 <= finger < FINGER_COUNT:
            raise IndexError(f"a hand has fingers 0 to {FINGER_COUNT - 1}")
        self.finger = finger
        self.touched = True

    def clear(self) -> None:
        """Start a new, empty hand."""
        self.people = [None] * FINGER_COUNT
        self.finger = 0
        self.touched = True
        self.restored = False

    # --- keeping the finished hand on this device --------------------------------------

    def to_json(self) -> str:
        """The hand as settings text: role ids and nicknames, nothing else."""
        fingers = [
            None if p is None else {"role": p.role.id, "nickname": p.nickname} for p in self.people
        ]
        return json.dumps({"version": SAVED_VERSION, "fingers": fingers}, ensure_ascii=False)

    def restore_json(self, text: str) -> bool:
        """Fill the hand from to_json() text; True if a finished hand came back.

        Roles this lesson does not offer are left out, and anything unreadable is ignored:
        a damaged setting never stops the child from playing.
        """
        try:
            data = json.loads(text) if text else None
        except ValueError:
            return False
        fingers = data.get("fingers") if isinstance(data, dict) else None
        if not isinstance(fingers, list):
            return False
        known = {role.id: role for role in self.activity.roles}
        people: list[Person | None] = [None] * FINGER_COUNT
        for index, saved in enumerate(fingers[:FINGER_COUNT]):
            if not isinstance(saved, dict) or saved.get("role") not in known:
                continue
            nickname = saved.get("nickname")
            people[index] = Person(
                known[saved["role"]], clean_nickname(nickname if isinstance(nickname, str) else "")
            )
        if not any(people):
            return False
        self.people = people
        self.touched = True
        complete = self.filled >= self.activity.min_people
        self.finger = None if complete else 0
        self.restored = complete
        return complete


# --- loading -------------------------------------------------------------------------

_ROLE_SCHEMA = text_item("role", "the grown-up's role as the child reads it, e.g. 'Teacher'")

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "type", "title", "instructions", "roles", "closing"],
    "properties": {
        **common_activity_properties("helping_hand"),
        "instructions": text_property(
            "what to do, shown above the hand, e.g. 'Put a grown-up you trust on each finger.'"
        ),
        "roles": {
            "type": "array",
            "minItems": MIN_ROLES,
            "maxItems": MAX_ROLES,
            "items": _ROLE_SCHEMA,
            "description": f"{MIN_ROLES} to {MAX_ROLES} roles to choose from "
            "({id, text}: parent, teacher, coach, school nurse...)",
        },
        "min_people": {
            "type": "integer",
            "minimum": LOWEST_MIN_PEOPLE,
            "maximum": FINGER_COUNT,
            "description": f"how many fingers need a grown-up: {LOWEST_MIN_PEOPLE} to "
            f"{FINGER_COUNT} (default {DEFAULT_MIN_PEOPLE})",
        },
        "closing": text_property(
            "the message shown with the finished hand, e.g. "
            "'If one grown-up doesn't listen, tell the next finger.'"
        ),
    },
}


def build(data: dict[str, Any], texts: TextFactory, path: Path_) -> HelpingHandActivity:
    aid = data["id"]
    return HelpingHandActivity(
        id=aid,
        type="helping_hand",
        title=texts.make((aid, "title"), data["title"], (*path, "title")),
        instructions=texts.make(
            (aid, "instructions"), data["instructions"], (*path, "instructions")
        ),
        roles=tuple(
            Role(r["id"], texts.make((aid, "roles", r["id"]), r["text"], (*path, "roles", i)))
            for i, r in enumerate(data["roles"])
        ),
        closing=texts.make((aid, "closing"), data["closing"], (*path, "closing")),
        min_people=data.get("min_people", DEFAULT_MIN_PEOPLE),
    )


def check(data: dict[str, Any]) -> list[Finding]:
    findings = []
    seen_ids: dict[str, int] = {}
    seen_texts: dict[str, int] = {}
    for index, role in enumerate(data["roles"]):
        role_id, text = role["id"], " ".join(role["text"].split()).casefold()
        if role_id in seen_ids:
            findings.append(
                Finding(
                    ("roles", index, "id"),
                    f"role id '{role_id}' is used twice (first by role {seen_ids[role_id] + 1})",
                    "give each role its own id",
                    on_key=True,
                )
            )
        else:
            seen_ids[role_id] = index
        if text in seen_texts:
            findings.append(
                Finding(
                    ("roles", index, "text"),
                    f"role '{role['text']}' is listed twice "
                    f"(first by role {seen_texts[text] + 1}), so two buttons would look the same",
                    "remove one, or reword it",
                    on_key=True,
                )
            )
        else:
            seen_texts[text] = index
    return findings


def finish_well(run: HelpingHandRun) -> None:
    """Put a different grown-up on every finger."""
    roles = run.activity.roles
    while not run.finished:
        run.choose(roles[run.finger % len(roles)].id)
        run.next_finger()


ACTIVITY_TYPE = ActivityType(
    name="helping_hand",
    schema=SCHEMA,
    build=build,
    check=check,
    view="app.activities.helping_hand.view:HelpingHandView",
    terminal="app.activities.helping_hand.terminal:play",
    finish_well=finish_well,
)
