"""Build assets/fonts/SafeStepsArabic-*.ttf: Noto Sans Arabic merged with Noto Sans.

Kivy draws a label with one font and has no fallback, and Arabic lessons contain Latin
names, web addresses and digits; neither Noto Sans Arabic (no Latin) nor Noto Sans (no
Arabic) can draw such a line alone. Both are under the SIL Open Font License 1.1, which
allows a merged, renamed font under the same licence (assets/fonts/OFL.txt).

Run `make fonts` (needs fontTools and Debian's fonts-noto-core) after updating Noto.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.paths import FONTS

NOTO = Path("/usr/share/fonts/truetype/noto")
FAMILY = "SafeSteps Arabic"
ASCENT, DESCENT = 1100, 450  # font units of 1000 per em


def build(weight: str, noto: Path = NOTO, out: Path = FONTS) -> Path:
    from fontTools.merge import Merger

    # Arabic first: its taller ascent and descent become the merged line metrics.
    font = Merger().merge(
        [str(noto / f"NotoSansArabic-{weight}.ttf"), str(noto / f"NotoSans-{weight}.ttf")]
    )
    # Noto Sans Arabic reserves room for stacked marks (1374/-738), which spaces lines far
    # apart. Kivy places no marks on marks, so its letters (940/-421) and Latin (1059) fit
    # in a line only a little taller than Noto Sans's own.
    for table, up, down in (
        ("hhea", "ascent", "descent"),
        ("OS/2", "sTypoAscender", "sTypoDescender"),
    ):
        setattr(font[table], up, ASCENT)
        setattr(font[table], down, -DESCENT)
    font["OS/2"].usWinAscent, font["OS/2"].usWinDescent = ASCENT, DESCENT
    names = font["name"]
    postscript = f"{FAMILY.replace(' ', '')}-{weight}"
    for record_id, value in (
        (1, FAMILY),
        (2, weight),
        (3, f"{postscript};merged from Noto Sans Arabic and Noto Sans"),
        (4, f"{FAMILY} {weight}"),
        (6, postscript),
        (16, FAMILY),
        (17, weight),
    ):
        names.setName(value, record_id, 3, 1, 0x409)
    target = out / f"{postscript}.ttf"
    font.save(str(target))
    return target


if __name__ == "__main__":
    for weight in ("Regular", "Bold"):
        print(build(weight), file=sys.stdout)
