"""Translation: gettext catalogs through Babel. Never imports Kivy.

UI strings are plain gettext messages (marked with _()). Lesson strings are looked up by
their stable ID as message context, so editing one English sentence never orphans another.
Only English ships today; a language is added by dropping its compiled catalog into
locales/<lang>/LC_MESSAGES/messages.mo, with no code change.
"""

from __future__ import annotations

import gettext
from pathlib import Path

from babel.support import NullTranslations, Translations

from app.core.model import Text
from app.paths import LOCALES

DEFAULT_LANGUAGE = "en"
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur"})


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
        return self.language.split("_")[0] in RTL_LANGUAGES

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
