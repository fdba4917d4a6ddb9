"""Sort: cards go into 2-3 bins (e.g. "OK" and "Uh-oh: tell a trusted adult").

One card is offered at a time; the child puts it in a bin and sees right away where it
belongs and why. A card put in another bin counts as not right for the score, and the
child still sees where it goes. Score = cards put in the right bin first time / cards.
"""

from __future__ import annotations

import difflib
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
from app.core.pictures import PICTURE_SCHEMA, Picture, build_picture, check_picture
from app.core.yamlsource import Path_

TONES = ("safe", "caution")
MIN_BINS, MAX_BINS, MIN_CARDS = 2, 3, 3


@dataclass(frozen=True)
class SortBin:
    id: str
    label: Text
    tone: str | None  # "safe", "caution" or None (a plain bin)


@dataclass(frozen=True)
class SortCard:
    id: str
    text: Text
    bin: str  # the id of the bin it belongs in
    explanation: Text  # why it belongs there, shown after placing
    if_wrong: Text | None  # shown first when it went in another bin: what was understandable
    # Drawn above the text for children who cannot read yet (optional). Sorts have no
    # cast, so people are described inline.
    picture: Picture | None = None


@dataclass(frozen=True)
class Placement:
    card: SortCard
    bin: str  # where the child put it

    @property
    def correct(self) -> bool:
        return self.bin == self.card.bin


@dataclass(frozen=True)
class SortActivity:
    id: str
    type: str
    title: Text
    prompt: Text | None
    wrap_up: Text | None
    bins: tuple[SortBin, ...]
    cards: tuple[SortCard, ...]

    def bin(self, bin_id: str) -> SortBin:
        for candidate in self.bins:
            if candidate.id == bin_id:
                return candidate
        raise KeyError(bin_id)

    def cards_in(self, bin_id: str) -> tuple[SortCard, ...]:
        """The cards that belong in a bin, in lesson order."""
        return tuple(c for c in self.cards if c.bin == bin_id)

    def start(self) -> SortRun:
        return SortRun(self)


@dataclass
class SortRun:
    activity: SortActivity
    placements: list[Placement] = field(default_factory=list)

    @property
    def card(self) -> SortCard | None:
        """The card to sort now, or None when every card is sorted."""
        cards = self.activity.cards
        return cards[len(self.placements)] if len(self.placements) < len(cards) else None

    @property
    def finished(self) -> bool:
        return self.card is None

    @property
    def total(self) -> int:
        return len(self.activity.cards)

    @property
    def correct_count(self) -> int:
        return sum(p.correct for p in self.placements)

    @property
    def score(self) -> float:
        return self.correct_count / self.total if self.total else 1.0

    @property
    def remaining(self) -> int:
        return self.total - len(self.placements)

    def place(self, bin_id: str) -> Placement:
        """Put the current card in a bin; the next card comes up."""
        card = self.card
        if card is None:
            raise RuntimeError("every card is already sorted")
        known = [b.id for b in self.activity.bins]
        if bin_id not in known:
            raise KeyError(f"no bin '{bin_id}'; bins are {known}")
        placement = Placement(card, bin_id)
        self.placements.append(placement)
        return placement


# --- loading -------------------------------------------------------------------------

_BIN_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "label"],
    "properties": {
        "id": id_property("bin"),
        "label": text_property("the bin's name, e.g. 'OK' or 'Uh-oh: tell a trusted adult'"),
        "tone": {
            "enum": list(TONES),
            "description": "optional colour: safe (green) or caution (amber)",
        },
    },
}

_CARD_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "text", "bin", "explanation"],
    "properties": {
        "id": id_property("card"),
        "text": text_property("what happens, e.g. 'Someone in a game says: keep our chats secret'"),
        "bin": text_property("the id of the bin this card belongs in"),
        "explanation": text_property("why it belongs in that bin, shown after placing it"),
        "if_wrong": text_property(
            "optional: shown first when the card went in another bin; say what was "
            "understandable about that choice (never blame)"
        ),
        "picture": {
            **PICTURE_SCHEMA,
            "description": "optional: a picture shown above the card's text, e.g. "
            "'{props: [gift]}' (for children who cannot read yet)",
        },
    },
}

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "type", "title", "bins", "cards"],
    "properties": {
        **common_activity_properties("sort"),
        "prompt": text_property("optional: the task, e.g. 'Help Mia sort what happens online.'"),
        "wrap_up": text_property("optional: one line shown with the score at the end"),
        "bins": {
            "type": "array",
            "minItems": MIN_BINS,
            "maxItems": MAX_BINS,
            "items": _BIN_SCHEMA,
            "description": f"{MIN_BINS} or {MAX_BINS} bins, each with id and label",
        },
        "cards": {
            "type": "array",
            "minItems": MIN_CARDS,
            "items": _CARD_SCHEMA,
            "description": f"at least {MIN_CARDS} cards, each with id, text, bin and explanation",
        },
    },
}


def build(data: dict[str, Any], texts: TextFactory, path: Path_) -> SortActivity:
    aid = data["id"]

    def optional(key: str, id_part: str) -> Text | None:
        value = data.get(key)
        return texts.make((aid, id_part), value, (*path, key)) if value else None

    bins = tuple(
        SortBin(
            b["id"],
            texts.make((aid, "bins", b["id"]), b["label"], (*path, "bins", i, "id")),
            b.get("tone"),
        )
        for i, b in enumerate(data["bins"])
    )
    cards = []
    for i, c in enumerate(data["cards"]):
        where = (*path, "cards", i)
        cid = c["id"]
        cards.append(
            SortCard(
                cid,
                texts.make((aid, "cards", cid), c["text"], (*where, "id")),
                c["bin"],
                # Every text of a card points at its "- id:" line, so a repeated card id is
                # reported once.
                texts.make((aid, "cards", cid, "why"), c["explanation"], where),
                texts.make((aid, "cards", cid, "if-wrong"), c["if_wrong"], where)
                if c.get("if_wrong")
                else None,
                build_picture(c["picture"]) if "picture" in c else None,
            )
        )
    return SortActivity(
        id=aid,
        type="sort",
        title=texts.make((aid, "title"), data["title"], (*path, "title")),
        prompt=optional("prompt", "prompt"),
        wrap_up=optional("wrap_up", "wrap-up"),
        bins=bins,
        cards=tuple(cards),
    )


def check(data: dict[str, Any]) -> list[Finding]:
    findings = []
    bin_ids = [b["id"] for b in data["bins"]]
    used = {c["bin"] for c in data["cards"]}
    for i, card in enumerate(data["cards"]):
        if "picture" in card:
            findings += check_picture(card["picture"], ("cards", i, "picture"))
        if card["bin"] in bin_ids:
            continue
        close = difflib.get_close_matches(card["bin"], bin_ids, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        used.update(close)  # a misspelt bin is not also reported as an empty one
        findings.append(
            Finding(
                ("cards", i, "bin"),
                f"card '{card['id']}' goes in bin '{card['bin']}', but there is no such bin",
                f"{hint}the bins are: {', '.join(bin_ids)}",
            )
        )
    seen: set[str] = set()
    for i, bin_ in enumerate(data["bins"]):
        if bin_["id"] in seen:
            continue  # a repeated id is reported once, by the id check
        seen.add(bin_["id"])
        if bin_["id"] not in used:
            findings.append(
                Finding(
                    ("bins", i),
                    f"bin '{bin_['id']}' has no cards; every bin needs at least one",
                    f"add a card with 'bin: {bin_['id']}', or remove this bin",
                )
            )
    return findings


def finish_well(run: SortRun) -> None:
    """Put every card in the bin it belongs in."""
    while not run.finished:
        run.place(run.card.bin)


ACTIVITY_TYPE = ActivityType(
    name="sort",
    schema=SCHEMA,
    build=build,
    check=check,
    view="app.activities.sort.view:SortView",
    terminal="app.activities.sort.terminal:play",
    finish_well=finish_well,
)
