"""No text is clipped or overflows, on any screen, in any language, at any window size.

The default run (inside CI time) covers English, German (long words), Arabic (right to
left) and the pseudo-locale (40% longer) on a phone, and German and Arabic on a desktop.
`make layout-audit` (LAYOUT_AUDIT=full) runs every shipped language and the pseudo-locale
at 360x640, 1024x768 and 1920x1080.
"""

from __future__ import annotations

import os

import pytest

from app.i18n.languages import languages
from tests.ui.layout_audit import SIZES, every_shot, problems_on_screen, show

if os.environ.get("LAYOUT_AUDIT") == "full":
    CODES = [*languages().codes, languages().pseudo.code]
    MATRIX = [(code, size) for code in CODES for size in SIZES]
else:
    MATRIX = [
        ("en", (360, 640)),
        ("de", (360, 640)),
        ("ar", (360, 640)),
        (languages().pseudo.code, (360, 640)),
        ("de", (1920, 1080)),
        ("ar", (1024, 768)),
    ]


@pytest.mark.parametrize(("code", "size"), MATRIX, ids=[f"{c}-{w}x{h}" for c, (w, h) in MATRIX])
def test_no_text_is_clipped(ui, code: str, size: tuple[int, int]) -> None:
    from kivy.core.window import Window

    Window.size = size
    ui.app.use_language(code)
    found = []
    for shot in every_shot(ui.app.library):
        show(ui.app, shot)
        ui.pump(4)
        found += [f"{shot}: {problem}" for problem in problems_on_screen(ui.app, Window.width)]
        ui.snapshot(f"audit-{code}-{size[0]}x{size[1]}-{shot}".replace(" ", "-").replace("#", "-"))
    assert not found, f"{len(found)} problems in {code} at {size}:\n" + "\n".join(found[:40])
