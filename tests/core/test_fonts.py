"""Every character a language shows has a glyph in that language's bundled font."""

from __future__ import annotations

import unicodedata
from functools import cache

import pytest
from fontTools.ttLib import TTFont

from app.i18n.bidi import shape
from app.i18n.catalogs import TEMPLATE, po_path, pseudo, read_catalog
from app.i18n.languages import languages
from app.paths import FONTS

EVERY = [*languages().shipped, languages().pseudo]


@cache
def glyphs(file: str) -> frozenset[int]:
    return frozenset(TTFont(FONTS / file).getBestCmap())


def shown_strings(code: str) -> list[str]:
    """What the language puts on screen: its translations, or English and its pseudo form."""
    if code == languages().pseudo.code:
        return [pseudo(s) for s in _english()]
    if code == "en":
        return _english()
    strings: list[str] = []
    for message in read_catalog(po_path(code), code):
        if message.id:
            found = message.string
            strings += list(found) if isinstance(found, tuple) else [found]
    return [s for s in strings if s]


def _english() -> list[str]:
    strings: list[str] = []
    for message in read_catalog(TEMPLATE):
        strings += list(message.id) if isinstance(message.id, tuple) else [message.id]
    return [s for s in strings if s]


def drawn(text: str) -> set[str]:
    """Characters the font must draw: Arabic in its joined forms; no spaces or controls."""
    return {ch for ch in shape(text) if unicodedata.category(ch)[0] not in "ZC"}


@pytest.mark.parametrize("language", EVERY, ids=lambda x: x.code)
def test_every_character_has_a_glyph(language) -> None:
    font = languages().fonts[language.font]
    needed = set().union(*(drawn(s) for s in shown_strings(language.code)))
    needed |= drawn(language.name)
    for file in (font.regular, font.bold):
        missing = sorted(ch for ch in needed if ord(ch) not in glyphs(file))
        assert not missing, f"{language.code}: {file} has no glyph for " + ", ".join(
            f"{ch!r} U+{ord(ch):04X} {unicodedata.name(ch, '?')}" for ch in missing[:10]
        )


def test_the_language_picker_can_draw_every_name_in_its_own_font() -> None:
    for language in languages().shipped:
        font = languages().fonts[language.font]
        assert all(ord(ch) in glyphs(font.regular) for ch in drawn(language.name))
