"""The shipped languages, from locales/languages.yaml (validated). Never imports Kivy."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

from app.core.problems import Problem, display_path
from app.paths import LOCALES

LANGUAGES_FILE = LOCALES / "languages.yaml"

_LANGUAGE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["code", "name", "direction", "font", "review"],
    "properties": {
        "code": {
            "type": "string",
            "pattern": "^[a-z]{2,3}(_[A-Z]{2})?$",
            "description": "a gettext locale code such as de or pt_BR",
        },
        "name": {"type": "string", "minLength": 1, "description": "the name in the language"},
        "direction": {"enum": ["ltr", "rtl"], "description": "ltr or rtl"},
        "font": {"type": "string", "description": "a key of the fonts mapping"},
        "country": {
            "type": "string",
            "pattern": "^[A-Z]{2}$",
            "description": "the helpline country offered first, e.g. DE",
        },
        "review": {"type": "string", "minLength": 1, "description": "the review status"},
    },
}
_FONT = {
    "type": "object",
    "additionalProperties": False,
    "required": ["regular", "bold", "scripts"],
    "properties": {
        "regular": {"type": "string", "description": "a .ttf file in assets/fonts"},
        "bold": {"type": "string", "description": "a .ttf file in assets/fonts"},
        "scripts": {
            "type": "array",
            "items": {"type": "string", "pattern": "^[A-Z][a-z]{3}$"},
            "description": "ISO 15924 scripts the font covers, e.g. [Latn, Cyrl]",
        },
    },
}
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["schema_version", "fonts", "languages", "pseudo"],
    "properties": {
        "schema_version": {"const": 1, "description": "the languages file format version"},
        "fonts": {"type": "object", "additionalProperties": _FONT},
        "languages": {"type": "array", "minItems": 1, "items": _LANGUAGE},
        "pseudo": _LANGUAGE,
    },
}


@dataclass(frozen=True)
class Font:
    regular: str
    bold: str
    scripts: tuple[str, ...]


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    direction: str
    font: str
    review: str
    country: str | None = None

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def locale(self) -> Locale:
        """The Babel locale for dates, numbers, plurals and lists (English for pseudo)."""
        return babel_locale(self.code)


@dataclass
class Languages:
    shipped: list[Language] = field(default_factory=list)
    pseudo: Language | None = None
    fonts: dict[str, Font] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, code: str) -> Language | None:
        every = [*self.shipped, *([self.pseudo] if self.pseudo else [])]
        return next((x for x in every if x.code == code), None)

    @property
    def codes(self) -> list[str]:
        return [x.code for x in self.shipped]


@lru_cache(maxsize=32)
def babel_locale(code: str) -> Locale:
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(code.split("_")[0]) if "_" in code else Locale("en")


def load_languages(path: Path = LANGUAGES_FILE) -> Languages:
    """Validated against SCHEMA; every problem is named with its line and fix."""
    # jsonschema is imported here, not at start-up: the first frame needs only the
    # quick read in languages() below, and validation runs when that read fails.
    from jsonschema import Draft202012Validator

    from app.core.validation import Reporter, parse_mapping, read_source

    name = display_path(path)
    text, problems = read_source(path, name)
    if text is None:
        return Languages(problems=problems)
    located, problems = parse_mapping(text, name, "the languages file")
    if located is None:
        return Languages(problems=problems)
    reporter = Reporter(name, located)
    reporter.schema_errors(Draft202012Validator(SCHEMA).iter_errors(located.data), ())
    data = located.data
    if not reporter.problems:
        for i, raw in enumerate([*data["languages"], data["pseudo"]]):
            where = ("languages", i) if i < len(data["languages"]) else ("pseudo",)
            if raw["font"] not in data["fonts"]:
                reporter.add(
                    (*where, "font"),
                    f"font '{raw['font']}' is not in fonts",
                    f"use one of: {', '.join(data['fonts'])}",
                )
    if reporter.problems:
        return Languages(problems=reporter.sorted())
    return _build(data)


def _build(data: dict) -> Languages:
    return Languages(
        shipped=[Language(**raw) for raw in data["languages"]],
        pseudo=Language(**data["pseudo"]),
        fonts={
            key: Font(f["regular"], f["bold"], tuple(f["scripts"]))
            for key, f in data["fonts"].items()
        },
    )


@lru_cache(maxsize=1)
def languages() -> Languages:
    """The shipped languages, read once: a quick read of a well-formed file; anything
    unexpected gets the full validation, whose problems the content check page lists
    (the app then offers English only)."""
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
        data = yaml.load(LANGUAGES_FILE.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
        known = _build(data)
        if all(x.font in known.fonts for x in known.shipped) and known.shipped:
            return known
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError):
        pass
    return load_languages(LANGUAGES_FILE)
