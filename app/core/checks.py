"""Knowledge checks: the same few questions before a band's first lesson and after its last.

A check is a measure, not a lesson: it gives no feedback, so answering it "before" does
not teach the answers. Each item tests one skill (app/core/skills.py), so a class report
can say which warning signs and safe actions the children learned. The app shows the
options in a fixed shuffled order (the same before and after) and adds "I'm not sure",
so neither position nor a forced guess decides an answer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from app.core.activity_type import ID_PATTERN, Finding, TextFactory, text_item, text_property
from app.core.model import AGE_BANDS, Text
from app.core.pictures import PICTURE_SCHEMA, Picture, build_picture, check_picture
from app.core.problems import Problem, display_path
from app.core.skills import SKILLS
from app.core.validation import Reporter, parse_mapping, read_source
from app.core.yamlsource import Located

SCHEMA_VERSION = 1
ITEM_KINDS = ("vignette", "knowledge")
MIN_ITEMS, MAX_ITEMS = 8, 12
NOT_SURE = "not-sure"  # the app's own option: counted as not right, never as a guess
PHASES = ("before", "after")


@dataclass(frozen=True)
class CheckOption:
    id: str
    text: Text
    correct: bool
    picture: Picture | None = None


@dataclass(frozen=True)
class CheckItem:
    id: str
    kind: str  # "vignette" (what should a character do?) or "knowledge"
    skill: str
    prompt: Text
    options: tuple[CheckOption, ...]
    picture: Picture | None = None

    @property
    def correct_id(self) -> str:
        return next(o.id for o in self.options if o.correct)

    def shown_options(self) -> tuple[CheckOption, ...]:
        """The options in the order the child sees them: shuffled, but stable.

        Sorting by a hash of the item and option ids moves the right answer away from
        the author's habit (often first) and keeps it in the same place before and after.
        """

        def key(option: CheckOption) -> str:
            return hashlib.sha256(f"{self.id}/{option.id}".encode()).hexdigest()

        return tuple(sorted(self.options, key=key))


@dataclass(frozen=True)
class KnowledgeCheck:
    id: str
    age_band: str
    title: Text
    intro: tuple[Text, ...]
    outro: tuple[Text, ...]
    items: tuple[CheckItem, ...]
    source_file: str
    text_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def item(self, item_id: str) -> CheckItem | None:
        return next((i for i in self.items if i.id == item_id), None)


@dataclass
class CheckRun:
    """One child answering one check, before or after; answers are kept by the caller."""

    check: KnowledgeCheck
    phase: str
    answers: dict[str, str] = field(default_factory=dict)
    started: bool = False  # past the intro

    @property
    def item(self) -> CheckItem | None:
        return next((i for i in self.check.items if i.id not in self.answers), None)

    @property
    def finished(self) -> bool:
        return self.item is None

    @property
    def number(self) -> int:
        """1-based number of the item being answered (or the count, when finished)."""
        return min(len(self.answers) + 1, len(self.check.items))

    def answer(self, option_id: str) -> bool:
        """Record the answer to the current item; True if it was the right one."""
        item = self.item
        if item is None:
            raise RuntimeError("every item is already answered")
        if option_id != NOT_SURE and option_id not in {o.id for o in item.options}:
            raise ValueError(f"'{option_id}' is not an option of '{item.id}'")
        self.answers[item.id] = option_id
        return option_id == item.correct_id


# --- loading -------------------------------------------------------------------------

_OPTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "text"],
    "properties": {
        "id": {"type": "string", "pattern": ID_PATTERN},
        "text": text_property("the option, as short as the others"),
        "correct": {"const": True, "description": "write 'correct: true' on the right option only"},
        "picture": PICTURE_SCHEMA,
    },
}

_ITEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "kind", "skill", "prompt", "options"],
    "properties": {
        "id": {"type": "string", "pattern": ID_PATTERN},
        "kind": {"enum": list(ITEM_KINDS), "description": "vignette or knowledge"},
        "skill": {"enum": list(SKILLS), "description": "the skill this item tests"},
        "prompt": text_property("the question"),
        "picture": PICTURE_SCHEMA,
        "options": {
            "type": "array",
            "minItems": 3,
            "maxItems": 4,
            "description": "3 or 4 options, exactly one with 'correct: true'",
            "items": _OPTION_SCHEMA,
        },
    },
}

CHECK_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["schema_version", "id", "age_band", "title", "intro", "outro", "items"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "id": {"type": "string", "pattern": ID_PATTERN},
        "age_band": {"enum": list(AGE_BANDS), "description": "one of " + ", ".join(AGE_BANDS)},
        "title": text_property("the check's title, shown to the child"),
        "intro": {"type": "array", "minItems": 1, "items": text_item("line", "a kind opening")},
        "outro": {"type": "array", "minItems": 1, "items": text_item("line", "a kind thank-you")},
        "items": {
            "type": "array",
            "minItems": MIN_ITEMS,
            "maxItems": MAX_ITEMS,
            "description": f"{MIN_ITEMS}-{MAX_ITEMS} items, vignettes and knowledge items",
            "items": _ITEM_SCHEMA,
        },
    },
}

_VALIDATOR = Draft202012Validator(CHECK_SCHEMA)


@dataclass
class CheckLoad:
    check: KnowledgeCheck | None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class CheckLibrary:
    """Every check that loaded, by age band, and the problems of those that did not."""

    checks: dict[str, KnowledgeCheck] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def load_check(path: Path) -> CheckLoad:
    name = display_path(path)
    text, problems = read_source(path, name)
    if text is None:
        return CheckLoad(None, problems)
    return load_check_text(text, name)


def load_check_text(text: str, name: str = "<check>") -> CheckLoad:
    located, problems = parse_mapping(text, name, "a knowledge check file")
    if located is None:
        return CheckLoad(None, problems)
    reporter = Reporter(name, located)
    reporter.schema_errors(_VALIDATOR.iter_errors(located.data), ())
    if not reporter.problems:
        for finding in _findings(located.data):
            reporter.add(finding.path, finding.message, finding.fix, on_key=finding.on_key)
    if reporter.problems:
        return CheckLoad(None, reporter.sorted())
    return CheckLoad(_build(located, name), [])


def load_checks(paths: Iterable[Path]) -> CheckLibrary:
    """Load check files (or folders of them); one check per age band."""
    library = CheckLibrary()
    for path in paths:
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        for file in files:
            result = load_check(file)
            library.problems.extend(result.problems)
            check = result.check
            if check is None:
                continue
            if check.age_band in library.checks:
                other = library.checks[check.age_band].source_file
                library.problems.append(
                    Problem(
                        check.source_file,
                        1,
                        f"age band {check.age_band} already has a check ({other})",
                        "keep one check per age band, so before and after compare",
                    )
                )
                continue
            library.checks[check.age_band] = check
    return library


def _findings(data: dict[str, Any]) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()
    for i, item in enumerate(data["items"]):
        where = ("items", i)
        if item["id"] in seen:
            findings.append(
                Finding(
                    (*where, "id"),
                    f"item id '{item['id']}' is used twice",
                    "give each item its own id",
                )
            )
        seen.add(item["id"])
        right = [o for o in item["options"] if o.get("correct")]
        if len(right) != 1:
            findings.append(
                Finding(
                    (*where, "options"),
                    f"has {len(right)} options marked correct",
                    "mark exactly one option 'correct: true'",
                    on_key=True,
                )
            )
        option_ids = [o["id"] for o in item["options"]]
        if NOT_SURE in option_ids:
            j = option_ids.index(NOT_SURE)
            findings.append(
                Finding(
                    (*where, "options", j, "id"),
                    f"'{NOT_SURE}' is the app's own option",
                    'remove this option: the app always adds "I\'m not sure"',
                )
            )
        if len(set(option_ids)) != len(option_ids):
            findings.append(
                Finding(
                    (*where, "options"),
                    "two options share an id",
                    "give each option its own id",
                    on_key=True,
                )
            )
        if "picture" in item:
            findings += check_picture(item["picture"], (*where, "picture"))
        for j, option in enumerate(item["options"]):
            if "picture" in option:
                findings += check_picture(option["picture"], (*where, "options", j, "picture"))
    kinds = {k: sum(1 for x in data["items"] if x["kind"] == k) for k in ITEM_KINDS}
    for kind, count in kinds.items():
        if count < 3:
            findings.append(
                Finding(
                    ("items",),
                    f"has {count} {kind} items",
                    "write at least 3 vignette and 3 knowledge items",
                    on_key=True,
                )
            )
    return findings


def _build(located: Located, name: str) -> KnowledgeCheck:
    data = located.data
    texts = TextFactory(data["id"])

    def lines(key: str) -> tuple[Text, ...]:
        return tuple(
            texts.make((key, e["id"]), e["text"], (key, i)) for i, e in enumerate(data[key])
        )

    items = []
    for i, raw in enumerate(data["items"]):
        where = ("items", i)
        options = tuple(
            CheckOption(
                o["id"],
                texts.make((raw["id"], o["id"]), o["text"], (*where, "options", j)),
                bool(o.get("correct")),
                build_picture(o["picture"]) if "picture" in o else None,
            )
            for j, o in enumerate(raw["options"])
        )
        items.append(
            CheckItem(
                id=raw["id"],
                kind=raw["kind"],
                skill=raw["skill"],
                prompt=texts.make((raw["id"], "prompt"), raw["prompt"], (*where, "prompt")),
                options=options,
                picture=build_picture(raw["picture"]) if "picture" in raw else None,
            )
        )
    return KnowledgeCheck(
        id=data["id"],
        age_band=data["age_band"],
        title=texts.make(("title",), data["title"], ("title",)),
        intro=lines("intro"),
        outro=lines("outro"),
        items=tuple(items),
        source_file=name,
        text_lines={tid: located.line(path) for tid, path in texts.first_seen.items()},
    )
