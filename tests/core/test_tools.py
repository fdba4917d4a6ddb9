"""Author tools, translation lookup, storage, theme contrast, and the pure-core rule."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from app import cli
from app.core.model import Text
from app.i18n import Translator
from app.ui import theme
from tests.core.sample import VALID


def test_check_passes_on_shipped_content():
    out = io.StringIO()
    assert cli.check([], out) == 0
    assert "OK: 20 lesson(s) and 4 check(s) valid." in out.getvalue()


def test_check_fails_and_lists_problems(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(VALID.replace("next: middle", "next: nowhere"))
    out = io.StringIO()
    assert cli.check([str(bad)], out) == 1
    assert "bad.yaml:" in out.getvalue() and "goes to 'nowhere'" in out.getvalue()


def test_check_command_exit_code(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [")
    result = subprocess.run(
        [sys.executable, "-m", "app", "check", str(bad)], capture_output=True, text=True
    )
    assert result.returncode == 1 and "not valid YAML" in result.stdout


def scripted(*answers: str):
    queue = list(answers)
    return lambda _prompt: queue.pop(0)


def test_play_walks_a_branch_in_the_terminal():
    out = io.StringIO()
    # chat: say-thanks, keep-private, show-mum (ending); quiz: answers 2, 1235, false, 1, false,
    # 124; say it: the first strong phrase, then "I said it!"
    code = cli.play(
        "new-online-friend",
        read=scripted("1", "2", "3", "2", "1,2,4,5", "2", "1", "2", "1,2,4", "1", "d"),
        out=out,
    )
    text = out.getvalue()
    assert code == 0
    assert "ENDING (safe): Leo told a trusted adult" in text
    assert "Safe replies: 3 of 3" in text
    assert "Score: 6 of 6" in text
    assert "Well done! *** (3/3)" in text


def test_play_offers_a_retry_after_a_risky_reply():
    out = io.StringIO()
    cli.play("new-online-friend", read=scripted("1", "1", "r", "q"), out=out)
    text = out.getvalue()
    assert "THINK AGAIN" in text and "Stopped. Nothing was saved." in text


def test_play_lists_every_route():
    out = io.StringIO()
    assert cli.play("new-online-friend", show_paths=True, out=out) == 0
    assert "route(s)" in out.getvalue() and "(caution)" in out.getvalue()


def test_play_unknown_lesson():
    out = io.StringIO()
    assert cli.play("nope", out=out) == 2 and "new-online-friend" in out.getvalue()


def test_lesson_strings_are_looked_up_by_their_id(tmp_path: Path):
    catalog = Catalog(locale="de")
    catalog.add("Hello.", "Hallo.", context="sample.intro.hello")
    catalog.add("Back", "Zurück")
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / "messages.mo", "wb") as handle:
        write_mo(handle, catalog)
    german = Translator("de", locales=tmp_path)
    assert german.text(Text("sample.intro.hello", "Hello.")) == "Hallo."
    # Same English under another ID is a different message: never silently shared.
    assert german.text(Text("sample.other", "Hello.")) == "Hello."
    assert german.ui("Back") == "Zurück"
    (tmp_path / "ar" / "LC_MESSAGES").mkdir(parents=True)
    with open(tmp_path / "ar" / "LC_MESSAGES" / "messages.mo", "wb") as handle:
        write_mo(handle, Catalog(locale="ar"))
    assert Translator("ar", locales=tmp_path).is_rtl
    missing = Translator("fr", locales=tmp_path)
    assert missing.language == "en" and missing.requested == "fr" and not missing.is_rtl


def test_theme_contrast_meets_the_promised_ratios():
    for foreground, background, minimum in theme.CONTRAST_PAIRS:
        ratio = theme.contrast_ratio(foreground, background)
        assert ratio >= minimum, f"{foreground} on {background}: {ratio:.2f} < {minimum}"
    assert round(theme.contrast_ratio("#000000", "#FFFFFF"), 1) == 21.0


def test_core_store_i18n_and_activity_logic_never_import_kivy():
    code = (
        "import sys, app.core.loader, app.core.session, app.core.helplines, app.core.autoplay,"
        " app.store.progress, app.i18n, app.cli;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'kivy'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_play_finds_a_lesson_in_an_extra_folder():
    from app.cli import play
    from app.paths import EXAMPLES

    out = io.StringIO()
    assert play("every-activity-type", read=lambda _p: "q", out=out) == 2
    out = io.StringIO()
    code = play("every-activity-type", read=lambda _p: "q", out=out, extra_dirs=[EXAMPLES])
    assert code == 0 and "Every activity type" in out.getvalue()
    assert "Stopped. Nothing was saved." in out.getvalue()
