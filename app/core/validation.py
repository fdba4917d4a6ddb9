"""Turn schema errors and findings into problems an author can act on: file, line, fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jsonschema import ValidationError

from app.core.problems import Problem
from app.core.yamlsource import Located, Path_, YamlSyntaxError, line_at, parse

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_source(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """A file's text, or a Problem: unreadable, or the line where it stops being UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [
            Problem(
                name,
                1,
                f"cannot read this file: {error.strerror or error}",
                "check that it is a file you can open, not a folder",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if raw.startswith(_UTF16_BOMS):
            return None, [
                Problem(
                    name, 1, "cannot read this file: it is saved as UTF-16", "save it as UTF-8 text"
                )
            ]
        before = raw[: error.start].decode("utf-8")
        return None, [
            Problem(
                name,
                line_at(before, len(before)),
                f"cannot read this line: byte 0x{raw[error.start]:02x} is not UTF-8 text",
                "save the file as UTF-8 text, or retype the line's unusual characters",
            )
        ]
    # Like Path.read_text: Windows and old Mac line ends become plain newlines.
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def parse_mapping(text: str, name: str, what: str) -> tuple[Located | None, list[Problem]]:
    """Parse YAML text that must hold a mapping; a syntax error becomes a Problem."""
    try:
        located = parse(text)
    except YamlSyntaxError as error:
        return None, [
            Problem(
                name,
                error.line,
                error.message,
                error.fix or "check indentation, colons and quotes on this line",
            )
        ]
    if not isinstance(located.data, dict):
        return None, [
            Problem(
                name,
                1,
                f"{what} must be a mapping of keys",
                "start from an existing file of this kind in assets/",
            )
        ]
    return located, []


class Reporter:
    """Collects problems, turning paths into line numbers and schema errors into advice."""

    def __init__(self, name: str, located: Located) -> None:
        self.name = name
        self.located = located
        self.problems: list[Problem] = []

    def add(self, path: Path_, message: str, fix: str = "", on_key: bool = False) -> None:
        line = self.located.key_line(path) if on_key else self.located.line(path)
        where = _describe_path(self.located.data, path)
        self.problems.append(
            Problem(self.name, line, f"{where}: {message}" if where else message, fix)
        )

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems))

    def schema_errors(self, errors: Iterable[ValidationError], prefix: Path_) -> None:
        for error in errors:
            self._schema_error(error, (*prefix, *error.absolute_path))

    def _schema_error(self, error: ValidationError, path: Path_) -> None:
        kind, schema, instance = error.validator, error.schema, error.instance
        if kind == "additionalProperties":
            allowed = list(schema.get("properties", {}))
            for key in (k for k in instance if k not in allowed):
                close = difflib.get_close_matches(str(key), allowed, n=1)
                fix = (
                    f"did you mean '{close[0]}'?"
                    if close
                    else "remove it; keys allowed here: " + ", ".join(allowed)
                )
                self.add((*path, key), f"unknown key '{key}'", fix, on_key=True)
        elif kind == "required":
            for key in (k for k in error.validator_value if k not in instance):
                self.add(path, *_missing_key_advice(key, schema))
        elif kind in ("type", "const", "enum", "pattern"):
            self.add(path, *_value_advice(error), on_key=True)
        elif kind in ("minItems", "maxItems"):
            self.add(
                path,
                f"has {len(instance)} items; {_bound_text(kind, error.validator_value)}",
                schema.get("description", ""),
                on_key=True,
            )
        elif kind in ("minimum", "maximum", "minLength"):
            self.add(
                path,
                f"'{instance}' is too {'small' if 'min' in kind else 'large'} "
                f"({kind} {error.validator_value})",
                schema.get("description", ""),
                on_key=True,
            )
        else:
            self.add(path, error.message, schema.get("description", ""))


def _missing_key_advice(key: str, schema: dict[str, Any]) -> tuple[str, str]:
    description = schema.get("properties", {}).get(key, {}).get("description", "")
    if key == "feedback":
        return ("this choice has no feedback", f"add 'feedback:' — {description}")
    return (
        f"missing key '{key}'",
        f"add '{key}:' — {description}" if description else f"add '{key}:'",
    )


def _value_advice(error: ValidationError) -> tuple[str, str]:
    key = error.absolute_path[-1] if error.absolute_path else "value"
    description = error.schema.get("description", "")
    shown = (
        _short_repr(error.instance)
        if not isinstance(error.instance, (dict, list))
        else ("a mapping" if isinstance(error.instance, dict) else "a list")
    )
    if error.validator == "type":
        wanted = error.validator_value
        if isinstance(error.instance, bool) and "string" in wanted:
            # YAML 1.1 reads a bare yes/no/on/off as true/false.
            description = "YAML reads a bare yes, no, on or off as true/false: put it in quotes"
        return (f"'{key}' should be {_type_name(wanted)}, not {shown}", description)
    if error.validator == "enum":
        options = ", ".join(repr(v) for v in error.validator_value)
        close = difflib.get_close_matches(
            str(error.instance), [str(v) for v in error.validator_value], n=1
        )
        hint = f"did you mean {close[0]!r}? " if close else ""
        return (f"'{key}' is {shown}, which is not allowed", f"{hint}use one of {options}")
    if error.validator == "const":
        return (f"'{key}' must be {error.validator_value!r}, not {shown}", description)
    return (f"'{key}' value {shown} is not in the right form", description)


def _short_repr(value: Any, most: int = 60) -> str:
    """repr() for a message: a pasted paragraph or a huge value is cut to one line."""
    text = repr(value)
    return text if len(text) <= most else text[: most - 3] + "..."


def _type_name(wanted: str | list[str]) -> str:
    names = {
        "string": "text",
        "integer": "a whole number",
        "boolean": "true or false",
        "array": "a list",
        "object": "a mapping of keys",
        "number": "a number",
    }
    if isinstance(wanted, list):
        return " or ".join(names.get(w, w) for w in wanted)
    return names.get(wanted, wanted)


def _bound_text(kind: str, value: int) -> str:
    return f"needs at least {value}" if kind == "minItems" else f"allows at most {value}"


def _describe_path(data: Any, path: Path_) -> str:
    """'activities[1] (chat 'meet-jay') > states[2] ('asks-photo')' for a readable message."""
    parts: list[str] = []
    node = data
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(step, int):
            label = f"[{step}]"
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                label += f" ('{node['id']}')"
            if parts:
                parts[-1] += label
            else:
                parts.append(label)
        elif isinstance(node, (dict, list)):
            parts.append(str(step))
    return " > ".join(parts)
