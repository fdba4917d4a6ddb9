"""The bundled fonts: the current language's as Kivy's default, each also by its own name.

Every label uses Kivy's default font name, so switching language only re-registers the
files behind that name (locales/languages.yaml says which font each language needs).
A label that shows another language's text, such as "العربية" in the language picker on
an English screen, names that language's font instead (font_name_for).
"""

from __future__ import annotations

from kivy.core.text import DEFAULT_FONT, LabelBase

from app.i18n.languages import languages
from app.paths import FONTS

FALLBACK = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")


def font_files(language_code: str) -> tuple[str, str]:
    """(regular, bold) file names of the language's font."""
    known = languages()
    language = known.get(language_code)
    font = known.fonts.get(language.font) if language is not None else None
    return (font.regular, font.bold) if font is not None else FALLBACK


def font_name_for(language_code: str) -> str:
    """A registered font name that draws this language's text on any screen."""
    language = languages().get(language_code)
    return f"SafeSteps-{language.font}" if language is not None else DEFAULT_FONT


def use_font_for(language_code: str) -> None:
    for key, font in languages().fonts.items():
        LabelBase.register(
            f"SafeSteps-{key}", fn_regular=str(FONTS / font.regular), fn_bold=str(FONTS / font.bold)
        )
    regular, bold = font_files(language_code)
    LabelBase.register(DEFAULT_FONT, fn_regular=str(FONTS / regular), fn_bold=str(FONTS / bold))
