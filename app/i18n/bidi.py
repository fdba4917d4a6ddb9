"""Right-to-left text for a renderer that only draws left to right. Never imports Kivy.

Kivy's SDL2 text provider draws glyphs in the order it is given and does no shaping,
so Arabic reaches it already prepared:

1. wrap the logical (typed-order) text into lines that fit the width, measuring the
   shaped words, so lines keep their reading order (top line = first words);
2. shape each line (arabic-reshaper: the joined letter forms and lam-alef ligatures);
3. reorder each line for display with the Unicode bidi algorithm (python-bidi), so
   Latin words, numbers and web addresses inside Arabic keep their own order.

Doing the bidi step per line, after wrapping, is what keeps line order right: reordering
a whole paragraph first and wrapping it afterwards puts the last words on the top line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

Measure = Callable[[str], float]

# A phone number written in groups ("0800 1111", "1-800-668-6868"). In a right-to-left
# paragraph the bidi algorithm would put its groups in right-to-left order ("1111 0800");
# wrapped in a left-to-right embedding it reads as written, and it never wraps mid-number.
_NUMBER_GROUPS = re.compile(r"\d+(?:[ \u00a0\-.]\d+)+")
_LRE, _PDF, _NBSP = "\u202a", "\u202c", "\u00a0"


def _keep_numbers_whole(text: str) -> str:
    return _NUMBER_GROUPS.sub(lambda m: m.group(0).replace(" ", _NBSP), text)


@lru_cache(maxsize=1)
def _reshaper():
    """Imported on first use: an English session never pays for it at start-up."""
    import arabic_reshaper

    return arabic_reshaper.ArabicReshaper(
        configuration={"delete_harakat": False, "support_ligatures": True}
    )


def get_display(text: str, base_dir: str | None) -> str:
    # The pure-Python implementation: it also mirrors brackets and quotes in
    # right-to-left runs (rule L4), which the Rust `bidi.get_display` of python-bidi
    # 0.6 leaves out.
    from bidi.algorithm import get_display as bidi_display

    return bidi_display(text, base_dir=base_dir)


@lru_cache(maxsize=4096)
def has_rtl(text: str) -> bool:
    """Does the text contain a right-to-left letter (Arabic, Hebrew...)?"""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


@lru_cache(maxsize=8192)
def shape(text: str) -> str:
    """Arabic letters in their joined (presentation) forms, still in logical order."""
    return _reshaper().reshape(text) if has_rtl(text) else text


@lru_cache(maxsize=8192)
def display_line(line: str, rtl_base: bool = True) -> str:
    """One line, shaped and in visual (left-to-right drawing) order.

    rtl_base: the paragraph reads right to left (an Arabic screen); otherwise its first
    strong letter decides, as for an Arabic language name on an English screen.
    """
    line = _NUMBER_GROUPS.sub(lambda m: _LRE + m.group(0) + _PDF, line)
    return get_display(shape(line), base_dir="R" if rtl_base else None)


def wrap(paragraph: str, width: float | None, measure: Measure) -> list[str]:
    """Greedy word wrap in logical order; a word wider than the line gets a line alone."""
    words = _keep_numbers_whole(paragraph).split(" ")
    words = [w for w in words if w]
    if not words:
        return [""]
    if width is None:
        return [" ".join(words)]
    lines: list[str] = []
    line = words[0]
    for word in words[1:]:
        candidate = f"{line} {word}"
        if measure(shape(candidate)) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def visual_text(text: str, width: float | None, measure: Measure, rtl_base: bool = True) -> str:
    """Text ready for a left-to-right renderer: wrapped, shaped and reordered per line."""
    lines = []
    for paragraph in text.split("\n"):
        lines.extend(display_line(line, rtl_base) for line in wrap(paragraph, width, measure))
    return "\n".join(lines)
