"""Translation and locale formatting: gettext catalogs and CLDR data through Babel.

Never imports Kivy. UI strings are plain gettext messages (marked with _()). Content
strings (lessons, checks, helplines) are looked up by their stable ID as message context,
so editing one English sentence never orphans another. The shipped languages are listed
in locales/languages.yaml; their catalogs are compiled by `make run` and `make test`.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Sequence
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from app.core.model import Text
from app.i18n.languages import babel_locale, languages
from app.paths import LOCALES

DEFAULT_LANGUAGE = "en"


class Translator:
    def __init__(self, language: str = DEFAULT_LANGUAGE, locales: Path = LOCALES) -> None:
        loaded = Translations.load(str(locales), [language], domain="messages")
        found = isinstance(loaded, Translations)
        self._catalog: gettext.NullTranslations = loaded if found else NullTranslations()
        # A language without a catalog falls back to English as a whole, so that dates,
        # country names and text direction never mix with untranslated English text.
        self.requested = language
        self.language = language if found else DEFAULT_LANGUAGE

    @property
    def is_rtl(self) -> bool:
        language = languages().get(self.language)
        return language is not None and language.is_rtl

    @property
    def locale(self) -> Locale:
        return babel_locale(self.language)

    def ui(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ui_plural(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)

    def text(self, text: Text) -> str:
        """A lesson string in the current language, found by its stable ID."""
        return self._catalog.pgettext(text.id, text.source)


_current = Translator()


def set_language(language: str) -> None:
    global _current
    _current = Translator(language)


def current() -> Translator:
    return _current


def _(message: str) -> str:
    """Translate a UI string now."""
    return _current.ui(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ui_plural(singular, plural, n)


def tr(text: Text) -> str:
    return _current.text(text)


def number(value: float) -> str:
    """A number as the current language writes it (1,234.5 / 1.234,5 / ١٬٢٣٤٫٥...)."""
    return format_decimal(value, locale=_current.locale)


def plural(singular: str, plural_: str, n: int, **values: object) -> str:
    """ngettext with the language's plural rules, then `{n}` filled in as a local number."""
    return ngettext(singular, plural_, n).format(n=number(n), **values)


def date(day: dt.date, form: str = "long") -> str:
    return format_date(day, format=form, locale=_current.locale)


def join_list(items: Sequence[str]) -> str:
    """ "a, b and c" in the current language."""
    return format_list(list(items), locale=_current.locale) if items else ""
