"""The translation catalogs: update from the template, compile, measure, pseudo-translate.

Never imports Kivy. `make i18n` extracts locales/messages.pot with pybabel and then runs
update_catalogs(); `make run` and `make test` run compile_catalogs() so the .mo files the
app reads are never older than the .po files in git.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from app.i18n.languages import Language, languages
from app.paths import LOCALES

SOURCE_LANGUAGE = "en"
TEMPLATE = LOCALES / "messages.pot"


def po_path(code: str, locales: Path = LOCALES) -> Path:
    return locales / code / "LC_MESSAGES" / "messages.po"


def mo_path(code: str, locales: Path = LOCALES) -> Path:
    return locales / code / "LC_MESSAGES" / "messages.mo"


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale)


def translated_languages() -> list[Language]:
    """Shipped languages that have a catalog: every one except the English source."""
    return [x for x in languages().shipped if x.code != SOURCE_LANGUAGE]


# --- make i18n ---------------------------------------------------------------------------


def update_catalogs(template: Path = TEMPLATE, locales: Path = LOCALES) -> list[Path]:
    """Bring every language's .po in line with the template; create missing ones.

    No fuzzy matching: content messages are keyed by stable IDs, and a guessed match
    from a similar sentence elsewhere would show a child the wrong text.
    """
    pot = read_catalog(template)
    written = []
    for language in translated_languages():
        path = po_path(language.code, locales)
        if path.exists():
            catalog = read_catalog(path, language.code)
            catalog.update(pot, no_fuzzy_matching=True, update_header_comment=False)
        else:
            catalog = Catalog(locale=language.code, project=pot.project, version=pot.version)
            catalog.update(pot, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as file:
            write_po(file, catalog, width=0, ignore_obsolete=True)
        written.append(path)
    return written


# --- make run / make test ------------------------------------------------------------------


def compile_catalogs(template: Path = TEMPLATE, locales: Path = LOCALES) -> list[Path]:
    """Compile each .po that changed since its .mo, and the pseudo-locale from the template."""
    compiled = []
    for language in translated_languages():
        source, target = po_path(language.code, locales), mo_path(language.code, locales)
        if source.exists() and _stale(target, source):
            _write_mo(read_catalog(source, language.code), target)
            compiled.append(target)
    pseudo = languages().pseudo
    if pseudo is not None and template.exists():
        target = mo_path(pseudo.code, locales)
        if _stale(target, template):
            _write_mo(pseudo_catalog(read_catalog(template)), target)
            compiled.append(target)
    return compiled


def _stale(target: Path, source: Path) -> bool:
    return not target.exists() or target.stat().st_mtime < source.stat().st_mtime


def _write_mo(catalog: Catalog, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".mo.tmp")
    with partial.open("wb") as file:
        write_mo(file, catalog)  # fuzzy entries are left out: English shows instead
    partial.replace(target)  # a crash mid-write never leaves a broken catalog


# --- python -m app i18n-status -----------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    language: Language
    translated: int
    total: int
    fuzzy: int
    missing: tuple[str, ...]  # "context | message" of the first untranslated entries

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def coverage(language: Language, template: Path = TEMPLATE, locales: Path = LOCALES) -> Coverage:
    pot = read_catalog(template)
    wanted = [m for m in pot if m.id]
    if language.code == SOURCE_LANGUAGE:
        return Coverage(language, len(wanted), len(wanted), 0, ())
    path = po_path(language.code, locales)
    catalog = read_catalog(path, language.code) if path.exists() else Catalog()
    translated, fuzzy, missing = 0, 0, []
    for message in wanted:
        found = catalog.get(message.id, message.context)
        if found is not None and found.fuzzy and _filled(found):
            fuzzy += 1
        if found is not None and not found.fuzzy and _filled(found):
            translated += 1
        else:
            missing.append(f"{message.context or '-'} | {_first(message.id)}")
    return Coverage(language, translated, len(wanted), fuzzy, tuple(missing[:20]))


def _filled(message: Message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return all(s.strip() for s in strings)


def _first(msgid: str | tuple[str, ...]) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid


# --- the pseudo-locale ---------------------------------------------------------------------

# Kept as they are: {placeholders} and Kivy [markup] tags.
_PROTECTED = re.compile(r"(\{[^{}]*\}|\[/?[a-z]+(?:=[^\]]*)?\])")
_ACCENTED = str.maketrans(
    "aeiouyAEIOUYcCnNsSzZgGlLtTrRdDkKhHwW",
    "áéîöûýÁÉÎÖÛÝçÇñÑšŠžŽĝĜļĻţŢŕŔđĐķĶĥĤŵŴ",
)
_VOWELS = frozenset("aeiouyAEIOUY")


def pseudo(text: str) -> str:
    """ "Settings" -> "[Šééţţîîñĝš]": accented, vowels doubled (about 40% longer), bracketed."""
    parts = _PROTECTED.split(text)
    for i in range(0, len(parts), 2):  # even parts are plain text
        parts[i] = "".join(
            (ch + ch if ch in _VOWELS else ch).translate(_ACCENTED) for ch in parts[i]
        )
    return "[" + "".join(parts) + "]"


def pseudo_catalog(template: Catalog) -> Catalog:
    catalog = Catalog(locale="en")
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            string: str | tuple[str, ...] = tuple(pseudo(x) for x in message.id)
        else:
            string = pseudo(message.id)
        catalog.add(message.id, string, context=message.context)
    return catalog
