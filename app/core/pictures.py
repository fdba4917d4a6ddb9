"""Pictures described as data: a scene, up to three people and a few props. No Kivy.

An author writes, inside any activity that shows a picture:

    picture:
      scene: bedroom
      people:
        - {skin: 4, hair: curly, hair_colour: black, top: teal, mood: thinking, extras: [glasses]}
        - grandad                 # or the name of a person from the activity's `cast`
      props: [tablet]

`PICTURE_SCHEMA` checks the shape (keys, types, ranges); `check_picture` checks the
names (scene, props, hair...) and answers a misspelt one with "did you mean ...?".
`build_picture` turns checked data into a `Picture`, which app/ui/art.py draws.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.core.activity_type import ID_PATTERN, Finding
from app.core.yamlsource import Path_

SCENES = ("plain", "bedroom", "classroom", "living-room", "park", "kitchen")
SKIN_TONES = 6  # 1 (lightest) to 6 (deepest)
HAIR_STYLES = (
    "short",
    "long",
    "curly",
    "braids",
    "bun",
    "ponytail",
    "shaved",
    "bald",
    "headscarf",
)
HAIR_ALIASES = {"hijab": "headscarf"}
HAIR_COLOURS = ("black", "dark-brown", "brown", "auburn", "red", "blonde", "grey", "white")
COLOURS = (
    "teal",
    "coral",
    "yellow",
    "blue",
    "navy",
    "purple",
    "green",
    "orange",
    "pink",
    "red",
    "grey",
)
MOODS = ("happy", "calm", "thinking", "unsure")
AGES = ("child", "teen", "adult")
EXTRAS = ("glasses", "hearing-aid", "wheelchair", "beard", "freckles")
DEVICE_PROPS = ("tablet", "phone", "laptop", "game-console")
SYMBOL_PROPS = (
    "chat-bubble",
    "heart",
    "star",
    "lock",
    "shield",
    "gift",
    "question-mark",
    "thumbs-up",
)
PROPS = DEVICE_PROPS + SYMBOL_PROPS
MAX_PEOPLE = 3
MAX_PROPS = 4


def _one_of(names: Iterable[str]) -> str:
    return "one of: " + ", ".join(names)


PERSON_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "description": "a person: skin, hair, hair_colour, top, mood, age, extras (all optional)",
    "properties": {
        "as": {
            "type": "string",
            "pattern": ID_PATTERN,
            "description": "start from this person in the cast and change only the keys "
            "given here, e.g. '{as: amira, mood: unsure}'",
        },
        "skin": {
            "type": "integer",
            "minimum": 1,
            "maximum": SKIN_TONES,
            "description": f"skin tone from 1 (lightest) to {SKIN_TONES} (deepest)",
        },
        "hair": {"type": "string", "description": "hair style, " + _one_of(HAIR_STYLES)},
        "hair_colour": {
            "type": "string",
            "description": "hair colour, "
            + _one_of(HAIR_COLOURS)
            + " (a headscarf takes a clothes colour)",
        },
        "top": {"type": "string", "description": "colour of their top, " + _one_of(COLOURS)},
        "mood": {"type": "string", "description": "face, " + _one_of(MOODS)},
        "age": {"type": "string", "description": "size, " + _one_of(AGES)},
        "extras": {
            "type": "array",
            "uniqueItems": True,
            "maxItems": len(EXTRAS),
            "items": {"type": "string"},
            "description": "extras, any of: " + ", ".join(EXTRAS),
        },
    },
}

PICTURE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "description": "a picture: scene, people and props",
    "properties": {
        "scene": {"type": "string", "description": "the background, " + _one_of(SCENES)},
        "people": {
            "type": "array",
            "maxItems": MAX_PEOPLE,
            "description": f"up to {MAX_PEOPLE} people, left to right: each a mapping "
            "(skin, hair, ...) or the name of someone in the activity's cast",
            "items": {
                "if": {"type": "string"},
                "then": {
                    "pattern": ID_PATTERN,
                    "description": "the name of a person in the cast, e.g. 'amira'",
                },
                "else": PERSON_SCHEMA,
            },
        },
        "props": {
            "type": "array",
            "maxItems": MAX_PROPS,
            "items": {"type": "string"},
            "description": f"up to {MAX_PROPS} things, any of: " + ", ".join(PROPS),
        },
    },
}

CAST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "people who appear in several pictures, by name, e.g. 'amira: {skin: 4}'",
    "propertyNames": {"pattern": ID_PATTERN},
    "additionalProperties": PERSON_SCHEMA,
}


@dataclass(frozen=True)
class PersonSpec:
    skin: int = 3
    hair: str = "short"
    hair_colour: str = "dark-brown"
    top: str = "teal"
    mood: str = "happy"
    age: str = "child"
    extras: tuple[str, ...] = ()

    def has(self, extra: str) -> bool:
        return extra in self.extras

    @classmethod
    def from_data(
        cls, raw: Mapping[str, Any], cast: Mapping[str, PersonSpec] | None = None
    ) -> PersonSpec:
        """A person from YAML; with `as: <name>`, the cast's person with some keys changed."""
        base = (cast or {}).get(raw.get("as", ""), cls())
        hair = HAIR_ALIASES.get(raw.get("hair", base.hair), raw.get("hair", base.hair))
        default_colour = base.hair_colour
        if hair == "headscarf" and base.hair != "headscarf":
            default_colour = "purple"
        return cls(
            skin=int(raw.get("skin", base.skin)),
            hair=hair,
            hair_colour=raw.get("hair_colour", default_colour),
            top=raw.get("top", base.top),
            mood=raw.get("mood", base.mood),
            age=raw.get("age", base.age),
            extras=tuple(raw.get("extras", base.extras)),
        )

    @classmethod
    def from_seed(cls, seed: str | int, age: str = "child") -> PersonSpec:
        """A friendly, ordinary-looking person picked from a seed (an account name, a
        profile id): the same seed always gives the same person."""
        digest = hashlib.sha256(str(seed).encode("utf-8")).digest()
        hair = HAIR_STYLES[digest[1] % len(HAIR_STYLES)]
        if hair == "bald":
            hair = "short"
        colours = COLOURS if hair == "headscarf" else HAIR_COLOURS[:6]
        return cls(
            skin=1 + digest[0] % SKIN_TONES,
            hair=hair,
            hair_colour=colours[digest[2] % len(colours)],
            top=COLOURS[digest[3] % (len(COLOURS) - 1)],  # never grey: it looks dull
            mood=("happy", "calm")[digest[4] % 2],
            age=age,
            extras=("glasses",) if digest[5] % 5 == 0 else (),
        )


@dataclass(frozen=True)
class Picture:
    scene: str = "plain"
    people: tuple[PersonSpec, ...] = ()
    props: tuple[str, ...] = ()

    @property
    def devices(self) -> tuple[str, ...]:
        return tuple(p for p in self.props if p in DEVICE_PROPS)

    @property
    def symbols(self) -> tuple[str, ...]:
        return tuple(p for p in self.props if p in SYMBOL_PROPS)


def build_cast(raw: Mapping[str, Any] | None) -> dict[str, PersonSpec]:
    return {name: PersonSpec.from_data(person) for name, person in (raw or {}).items()}


def build_picture(raw: Mapping[str, Any], cast: Mapping[str, PersonSpec] | None = None) -> Picture:
    """A checked picture mapping becomes a Picture (cast names become their people)."""
    cast = cast or {}
    people = tuple(
        cast[p] if isinstance(p, str) else PersonSpec.from_data(p, cast)
        for p in raw.get("people", ())
    )
    return Picture(raw.get("scene", "plain"), people, tuple(raw.get("props", ())))


# --- checks the schema cannot make --------------------------------------------------


def _name_finding(path: Path_, what: str, value: Any, allowed: Iterable[str]) -> Finding:
    allowed = list(allowed)
    close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
    fix = f"did you mean '{close[0]}'? " if close else ""
    return Finding(path, f"unknown {what} '{value}'", fix + _one_of(allowed))


def check_person(raw: Mapping[str, Any], path: Path_) -> list[Finding]:
    findings: list[Finding] = []
    hair = HAIR_ALIASES.get(raw.get("hair", ""), raw.get("hair", "short"))
    if hair not in HAIR_STYLES:
        findings.append(_name_finding((*path, "hair"), "hair style", hair, HAIR_STYLES))
    if "hair_colour" in raw:
        colours = COLOURS if hair == "headscarf" else HAIR_COLOURS
        if raw["hair_colour"] not in colours:
            what = "headscarf colour" if hair == "headscarf" else "hair colour"
            findings.append(
                _name_finding((*path, "hair_colour"), what, raw["hair_colour"], colours)
            )
    for key, what, allowed in (("top", "top colour", COLOURS), ("mood", "mood", MOODS)):
        if key in raw and raw[key] not in allowed:
            findings.append(_name_finding((*path, key), what, raw[key], allowed))
    if "age" in raw and raw["age"] not in AGES:
        findings.append(_name_finding((*path, "age"), "age", raw["age"], AGES))
    for i, extra in enumerate(raw.get("extras", ())):
        if extra not in EXTRAS:
            findings.append(_name_finding((*path, "extras", i), "extra", extra, EXTRAS))
    return findings


def check_cast(raw: Mapping[str, Any] | None, path: Path_) -> list[Finding]:
    findings: list[Finding] = []
    for name, person in (raw or {}).items():
        findings += check_person(person, (*path, name))
    return findings


def check_picture(raw: Mapping[str, Any], path: Path_, cast: Iterable[str] = ()) -> list[Finding]:
    """Names in a schema-valid picture: scene, props, each person (or cast name)."""
    cast = list(cast)
    findings: list[Finding] = []
    if "scene" in raw and raw["scene"] not in SCENES:
        findings.append(_name_finding((*path, "scene"), "scene", raw["scene"], SCENES))
    for i, prop in enumerate(raw.get("props", ())):
        if prop not in PROPS:
            findings.append(_name_finding((*path, "props", i), "prop", prop, PROPS))
    devices = [p for p in raw.get("props", ()) if p in DEVICE_PROPS]
    if len(devices) > 1:
        findings.append(
            Finding(
                (*path, "props"),
                f"a picture can show one device, not {len(devices)} ({', '.join(devices)})",
                "keep one of " + ", ".join(devices),
                on_key=True,
            )
        )
    for i, person in enumerate(raw.get("people", ())):
        if isinstance(person, dict) and "as" in person:
            findings += _cast_name(person["as"], (*path, "people", i, "as"), cast)
            findings += check_person(person, (*path, "people", i))
        elif isinstance(person, str):
            findings += _cast_name(person, (*path, "people", i), cast)
        else:
            findings += check_person(person, (*path, "people", i))
    return findings


def _cast_name(person: str, path: Path_, cast: list[str]) -> list[Finding]:
    if person in cast:
        return []
    if cast:
        return [_name_finding(path, "person", person, cast)]
    return [
        Finding(
            path,
            f"'{person}' names a person, but this activity has no cast",
            f"add 'cast:' to the activity with '{person}: {{skin: 3, ...}}', "
            "or describe the person here",
        )
    ]


# Pictures a child can choose for their profile: every skin tone, many hair styles, and
# glasses and hearing aids, so every child can find one that feels like them.
PROFILE_AVATARS: dict[str, PersonSpec] = {
    "a1": PersonSpec(skin=2, hair="short", hair_colour="brown", top="teal"),
    "a2": PersonSpec(skin=5, hair="braids", hair_colour="black", top="coral"),
    "a3": PersonSpec(skin=3, hair="headscarf", hair_colour="purple", top="yellow"),
    "a4": PersonSpec(skin=1, hair="curly", hair_colour="red", top="blue", extras=("freckles",)),
    "a5": PersonSpec(skin=6, hair="shaved", hair_colour="black", top="green"),
    "a6": PersonSpec(skin=4, hair="ponytail", hair_colour="dark-brown", top="pink"),
    "a7": PersonSpec(skin=3, hair="short", hair_colour="black", top="orange", extras=("glasses",)),
    "a8": PersonSpec(skin=5, hair="bun", hair_colour="dark-brown", top="purple"),
    "a9": PersonSpec(skin=2, hair="long", hair_colour="blonde", top="navy"),
    "a10": PersonSpec(
        skin=4, hair="curly", hair_colour="black", top="red", extras=("hearing-aid",)
    ),
    "a11": PersonSpec(skin=1, hair="long", hair_colour="auburn", top="green", extras=("glasses",)),
    "a12": PersonSpec(skin=6, hair="curly", hair_colour="black", top="yellow"),
}
