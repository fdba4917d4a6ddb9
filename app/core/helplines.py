"""Helplines and report routes per country, from assets/helplines.yaml (validated)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from jsonschema import Draft202012Validator

from app.core.activity_type import id_property, text_property
from app.core.model import Text
from app.core.problems import Problem, display_path
from app.core.validation import Reporter, parse_mapping, read_source

_SERVICE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "name", "audience", "about", "source", "last_checked"],
    "properties": {
        "id": id_property("service"),
        "name": text_property("the service's own name"),
        "audience": {"enum": ["children", "adults"], "description": "who the service is for"},
        "phone": text_property("the number exactly as the service publishes it"),
        "sms": text_property("how to reach it by text message"),
        "web": text_property("its web address, without https://"),
        "about": text_property("one plain sentence: who it is for, cost, hours"),
        "about_young": text_property(
            "optional: the same for ages 5-10, without words like 'nude' or 'sexual' "
            "(CONTENT_GUIDE rule 1); shown when the child chose a younger age band"
        ),
        "source": text_property("where this fact was checked"),
        "last_checked": {
            "type": "string",
            "format": "date",
            "description": "the date the entry was last checked, YYYY-MM-DD",
        },
    },
}

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["schema_version", "countries"],
    "properties": {
        "schema_version": {"const": 1, "description": "the helpline file format version"},
        "worldwide": {
            "type": "array",
            "items": _SERVICE,
            "description": "services for every country (shown after the country's own)",
        },
        "countries": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["code", "emergency", "services"],
                "properties": {
                    "code": {
                        "type": "string",
                        "pattern": "^[A-Z]{2}$",
                        "description": "ISO 3166 two-letter country code, e.g. GB",
                    },
                    "emergency": text_property("the emergency number, e.g. 112"),
                    "services": {"type": "array", "items": _SERVICE},
                },
            },
        },
    },
}
_VALIDATOR = Draft202012Validator(SCHEMA)


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    audience: str
    about: Text
    phone: str = ""
    about_young: Text | None = None
    sms: str = ""
    web: str = ""
    source: str = ""
    last_checked: str = ""


@dataclass(frozen=True)
class Country:
    code: str
    emergency: str
    services: tuple[Service, ...]


@dataclass
class Helplines:
    countries: dict[str, Country] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    text_lines: dict[str, int] = field(default_factory=dict, repr=False)


def load_helplines(path: Path) -> Helplines:
    name = display_path(path)
    text, problems = read_source(path, name)
    if text is None:
        return Helplines(problems=problems)
    return load_helplines_text(text, name)


def load_helplines_text(text: str, name: str = "<helplines>") -> Helplines:
    located, problems = parse_mapping(text, name, "the helpline file")
    if located is None:
        return Helplines(problems=problems)
    _dates_as_text(located.data)
    reporter = Reporter(name, located)
    reporter.schema_errors(_VALIDATOR.iter_errors(located.data), ())
    if reporter.problems:
        return Helplines(problems=reporter.sorted())
    data = located.data
    result = Helplines()
    worldwide = tuple(
        _service(raw, "world", ("worldwide", j), located, result)
        for j, raw in enumerate(data.get("worldwide", []))
    )
    for i, country in enumerate(data["countries"]):
        code = country["code"]
        own = tuple(
            _service(raw, code, ("countries", i, "services", j), located, result)
            for j, raw in enumerate(country["services"])
        )
        result.countries[code] = Country(code, country["emergency"], own + worldwide)
    return result


def _service(raw: dict, scope: str, where: tuple, located, result: Helplines) -> Service:
    """One service; its texts get IDs like helplines.DE.nummer-gegen-kummer(.young)."""
    about_id = f"helplines.{scope}.{raw['id']}"
    result.text_lines[about_id] = located.line((*where, "about"))
    young = None
    if "about_young" in raw:
        young = Text(f"{about_id}.young", raw["about_young"])
        result.text_lines[young.id] = located.line((*where, "about_young"))
    return Service(
        id=raw["id"],
        name=raw["name"],
        audience=raw["audience"],
        about=Text(about_id, raw["about"]),
        about_young=young,
        phone=raw.get("phone", ""),
        sms=raw.get("sms", ""),
        web=raw.get("web", ""),
        source=raw["source"],
        last_checked=raw["last_checked"],
    )


def _dates_as_text(data: object) -> None:
    """YAML reads an unquoted date as a date object; the schema expects text."""
    if not isinstance(data, dict):
        return
    services = [s for s in data.get("worldwide") or [] if isinstance(s, dict)]
    countries = data.get("countries")
    for country in countries if isinstance(countries, list) else []:
        own = country.get("services") if isinstance(country, dict) else None
        services += [s for s in own if isinstance(s, dict)] if isinstance(own, list) else []
    for service in services:
        if isinstance(service.get("last_checked"), dt.date):
            service["last_checked"] = service["last_checked"].isoformat()
