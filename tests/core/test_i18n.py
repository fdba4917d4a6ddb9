"""Translation: the pipeline, the catalogs' completeness and health, locale formatting."""

from __future__ import annotations

import datetime as dt
import gettext
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po

from app import i18n
from app.core.loader import load_library
from app.i18n.catalogs import (
    TEMPLATE,
    coverage,
    po_path,
    pseudo,
    read_catalog,
    translated_languages,
)
from app.i18n.extract import content_messages, extract_kv, walk_texts
from app.i18n.languages import languages, load_languages
from app.paths import FONTS, HELPLINES, LESSONS, PROJECT_ROOT

SHIPPED = ["en", "de", "fr", "es", "it", "nl", "pl", "pt_PT", "ro", "tr", "uk", "ar"]
TRANSLATED = [x.code for x in translated_languages()]


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    i18n.set_language("en")


# --- the languages file ------------------------------------------------------------------


def test_the_twelve_languages_ship_each_named_in_itself() -> None:
    known = languages()
    assert known.problems == []
    assert known.codes == SHIPPED
    for language in known.shipped:
        own_name = Locale.parse(language.code).get_language_name(language.code)
        assert language.name.casefold() == own_name.casefold(), language.code
        assert (FONTS / known.fonts[language.font].regular).exists()
        assert language.review  # an honest status, never blank


def test_only_arabic_is_right_to_left() -> None:
    assert [x.code for x in languages().shipped if x.is_rtl] == ["ar"]


def test_a_wrong_font_key_is_reported_with_its_line(tmp_path: Path) -> None:
    text = (PROJECT_ROOT / "locales" / "languages.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "languages.yaml"
    broken.write_text(text.replace("font: arabic, review", "font: arabc, review"), "utf-8")
    problems = load_languages(broken).problems
    assert len(problems) == 1
    line = text.splitlines()[problems[0].line - 1]
    assert "code: ar" in line and "use one of: latin, arabic" in problems[0].fix


# --- extraction ---------------------------------------------------------------------------


def test_every_lesson_string_is_extracted_with_its_stable_id() -> None:
    lesson = load_library([LESSONS]).lessons["new-online-friend"]
    source = Path(lesson.source_file).read_text(encoding="utf-8")
    extracted = content_messages(source, lesson.source_file)
    assert {t.id for _line, t, _note in extracted} == {t.id for t in walk_texts(lesson)}
    notes = {t.id: note for _line, t, note in extracted}
    assert notes["new-online-friend.title"].startswith("ages 8-10")
    assert notes[lesson.teacher.starter.id] == "for teachers and parents"
    line, text, _ = extracted[0]
    assert text.source in source.splitlines()[line - 1]


def test_helpline_strings_are_extracted() -> None:
    extracted = content_messages(HELPLINES.read_text(encoding="utf-8"), "helplines.yaml")
    assert any(t.id == "helplines.GB.childline" for _line, t, _note in extracted)


def test_kv_rules_are_extracted() -> None:
    rules = b"<Thing>:\n    text: _('Hello there')\n    # text: _('a comment')\n"
    found = list(extract_kv(io.BytesIO(rules), {"_": None}, [], {}))
    assert [(line, message) for line, _f, message, _c in found] == [(2, "Hello there")]


def test_the_template_is_up_to_date(tmp_path: Path) -> None:
    """Someone added or changed a string without running `make i18n`."""
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg"]
        + ["-k", "_", "-k", "ngettext:1,2", "-k", "plural:1,2", "-k", "N_", "-o", str(fresh), "."],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )

    def keys(path: Path) -> set:
        return {(m.context, m.id) for m in read_catalog(path) if m.id}

    stale, missing = keys(TEMPLATE) - keys(fresh), keys(fresh) - keys(TEMPLATE)
    assert not missing and not stale, (
        f"run `make i18n`: {len(missing)} new or changed, {len(stale)} gone; e.g. "
        f"{sorted(missing, key=str)[:3]}"
    )


# --- the catalogs -------------------------------------------------------------------------


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_string_is_translated(code: str) -> None:
    found = coverage(languages().get(code))
    assert found.translated == found.total, (
        f"{code}: {found.translated}/{found.total} translated; first missing: "
        f"{list(found.missing[:5])}"
    )


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs gettext's msgfmt")
@pytest.mark.parametrize("code", TRANSLATED)
def test_msgfmt_check_passes(code: str) -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po_path(code))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_dennis_finds_no_errors() -> None:
    dennis = Path(sys.executable).with_name("dennis-cmd")
    result = subprocess.run(
        [str(dennis), "lint", "--errorsonly", "--varformat", "python-brace-format"]
        + [str(po_path(code)) for code in TRANSLATED],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Error:" not in result.stdout, result.stdout


@pytest.mark.parametrize("code", TRANSLATED)
def test_placeholders_survive_translation(code: str) -> None:
    import re

    braces = re.compile(r"\{[a-z_]+\}")
    for message in read_catalog(po_path(code), code):
        if not message.id or not message.string:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(braces.findall(s) for s in sources))
        for string in filter(None, strings):
            assert set(braces.findall(string)) == wanted, (code, message.id, string)


# --- plurals and formatting ---------------------------------------------------------------


def test_arabic_has_six_plural_forms_and_uses_them() -> None:
    with po_path("ar").open("rb") as file:
        catalog = read_po(file, locale="ar")
    assert catalog.num_plurals == 6
    form_of = gettext.c2py(catalog.plural_expr)
    numbers = (0, 1, 2, 3, 11, 100)  # zero, one, two, few, many, other
    assert [form_of(n) for n in numbers] == [0, 1, 2, 3, 4, 5]
    strings = catalog.get(("{n} learner", "{n} learners")).string
    i18n.set_language("ar")
    for n in numbers:
        assert i18n.ngettext("{n} learner", "{n} learners", n) == strings[form_of(n)]


def test_numbers_dates_and_lists_follow_the_language() -> None:
    i18n.set_language("de")
    assert i18n.number(1234.5) == "1.234,5"
    assert i18n.join_list(["A", "B", "C"]) == "A, B und C"
    assert i18n.date(dt.date(2026, 11, 28)) == "28. November 2026"
    i18n.set_language("fr")
    assert i18n.plural("{n} lesson", "{n} lessons", 2) == i18n.ngettext(
        "{n} lesson", "{n} lessons", 2
    ).format(n="2")


def test_an_unknown_language_falls_back_to_english_as_a_whole() -> None:
    i18n.set_language("xx")
    assert i18n.current().language == "en"
    assert i18n._("Settings") == "Settings"


# --- the pseudo-locale --------------------------------------------------------------------


def test_pseudo_is_bracketed_accented_and_about_forty_percent_longer() -> None:
    assert pseudo("Settings") == "[Šééţţîîñĝš]"
    template = [m for m in read_catalog(TEMPLATE) if m.id and isinstance(m.id, str)]
    ratio = sum(len(pseudo(m.id)) - 2 for m in template) / sum(len(m.id) for m in template)
    assert 1.3 <= ratio <= 1.5


def test_pseudo_keeps_placeholders_and_markup() -> None:
    assert pseudo("Hi {name}, [b]well[/b] done") == "[Ĥîî {name}, [b]ŵééļļ[/b] đööñéé]"


def test_the_pseudo_locale_is_for_developers_only() -> None:
    assert languages().pseudo.code not in languages().codes


def test_a_damaged_languages_file_is_reported_and_english_still_works(
    tmp_path: Path, monkeypatch
) -> None:
    module = sys.modules["app.i18n.languages"]  # the package exports a function of that name
    broken = tmp_path / "languages.yaml"
    broken.write_text("schema_version: 1\nlanguages: [\n", encoding="utf-8")
    monkeypatch.setattr(module, "LANGUAGES_FILE", broken)
    module.languages.cache_clear()
    try:
        found = module.languages()
        assert found.shipped == [] and found.problems
        assert found.problems[0].file.endswith("languages.yaml")
        i18n.set_language("en")
        assert not i18n.current().is_rtl and i18n._("Settings") == "Settings"
    finally:
        monkeypatch.undo()
        module.languages.cache_clear()
