"""WCAG 2 contrast between two colours: the numbers behind "readable".

``contrast_ratio(a, b)`` is (L1 + 0.05) / (L2 + 0.05) with L the relative
luminance of the lighter and the darker colour (WCAG 2.1, 1.4.3 / 1.4.6):
4.5:1 is level AA for body text, 7:1 level AAA. Colours with an alpha channel
are first laid over the colour behind them, since that is what the terminal
shows.
"""

from __future__ import annotations

from textual.color import Color

#: Level AA for body text, and the high-contrast theme's level (AAA).
AA = 4.5
AAA = 7.0


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: Color | str) -> float:
    """Relative luminance in [0, 1] (0 black, 1 white) of an opaque colour."""
    c = Color.parse(colour) if isinstance(colour, str) else colour
    return 0.2126 * _channel(c.r) + 0.7152 * _channel(c.g) + 0.0722 * _channel(c.b)


def flatten(colour: Color | str, behind: Color | str) -> Color:
    """``colour`` as seen over ``behind`` (alpha blended; opaque colours are unchanged)."""
    front = Color.parse(colour) if isinstance(colour, str) else colour
    back = Color.parse(behind) if isinstance(behind, str) else behind
    return (back + front).with_alpha(1.0)


def contrast_ratio(foreground: Color | str, background: Color | str) -> float:
    """WCAG contrast ratio, from 1 (identical) to 21 (black on white)."""
    back = flatten(background, "#000000")
    front = flatten(foreground, back)
    high, low = sorted((relative_luminance(front), relative_luminance(back)), reverse=True)
    return (high + 0.05) / (low + 0.05)
