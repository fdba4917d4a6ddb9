"""One palette, type scale and spacing for every screen. Plain values, no Kivy.

Colours are chosen for contrast: body text on its backgrounds is at least 7:1,
everything else at least 4.5:1 (tests/core/test_theme.py computes the ratios).
"""

from __future__ import annotations


def rgba(hex_colour: str, alpha: float = 1.0) -> tuple[float, float, float, float]:
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return (r, g, b, alpha)


BACKGROUND = "#FBF8F3"  # warm paper
SURFACE = "#FFFFFF"
TEXT = "#1B1F24"
TEXT_MUTED = "#47505C"
PRIMARY = "#1F4E8C"  # buttons, the child's own chat bubbles
PRIMARY_DOWN = "#163A69"
ON_PRIMARY = "#FFFFFF"
SECONDARY = "#E6EEF8"
ON_SECONDARY = "#163A69"
SECONDARY_DOWN = "#D3E0F0"  # a secondary button while pressed
BORDER = "#C9D2DD"
HELP = "#5B2E91"  # the Help button: calm purple, never alarming red
ON_HELP = "#FFFFFF"
HELP_DOWN = "#46226F"
SAFE_BG = "#E2F3E7"
SAFE_TEXT = "#14532D"
CAUTION_BG = "#FFF0D4"
CAUTION_TEXT = "#6B3A00"
THEM_BUBBLE = "#FFFFFF"
STAR = "#E9A100"
STAR_EMPTY = "#D8D2C8"
FOCUS = "#A63A0A"  # keyboard focus ring: warm orange, unlike any fill in the palette
FOCUS_INNER = "#FFFFFF"  # a white inner line keeps the ring visible on dark buttons

# Type scale in sp (multiplied by the app's ui_scale on large windows).
FONT_SMALL = 15
FONT_BODY = 18
FONT_LARGE = 22
FONT_TITLE = 28
FONT_HERO = 40

# Spacing in dp.
GAP = 12
PAD = 16
RADIUS = 14
TOUCH_MIN = 56  # above the 48 dp minimum touch target
COLUMN_MAX = 760  # readable line length on wide screens

# Contrast pairs that the theme promises: (foreground, background, minimum ratio).
CONTRAST_PAIRS = [
    (TEXT, BACKGROUND, 7.0),
    (TEXT, SURFACE, 7.0),
    (TEXT_MUTED, BACKGROUND, 7.0),
    (TEXT_MUTED, SURFACE, 7.0),
    (ON_PRIMARY, PRIMARY, 7.0),
    (ON_SECONDARY, SECONDARY, 7.0),
    (ON_HELP, HELP, 7.0),
    (ON_HELP, HELP_DOWN, 7.0),
    (ON_SECONDARY, SECONDARY_DOWN, 7.0),
    (ON_PRIMARY, PRIMARY_DOWN, 7.0),
    (TEXT, SECONDARY, 7.0),  # a chosen answer, a hovered sort bin
    (SAFE_TEXT, SECONDARY, 7.0),
    (CAUTION_TEXT, SECONDARY, 7.0),
    (SAFE_TEXT, SAFE_BG, 7.0),
    (CAUTION_TEXT, CAUTION_BG, 7.0),
    (TEXT, THEM_BUBBLE, 7.0),
    (PRIMARY, BACKGROUND, 4.5),
    # Non-text contrast (WCAG 1.4.11) of the focus ring against every surface it sits on.
    (FOCUS, BACKGROUND, 4.5),
    (FOCUS, SURFACE, 4.5),
    (FOCUS, SECONDARY, 4.5),
    (FOCUS, SAFE_BG, 4.5),
    (FOCUS_INNER, PRIMARY, 4.5),
]


def relative_luminance(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b, _ = rgba(hex_colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
