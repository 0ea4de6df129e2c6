"""Every shipped theme is legible: WCAG contrast of text, status colours, timer badges and code.

Body text needs 4.5:1 (WCAG AA) against each surface it is drawn on; the
high-contrast theme needs 7:1 (AAA) everywhere. Status colours are measured
against every panel a status is written on (the screen background, the test
table's surface, the header's panel), and the countdown's text against each of
its badges. The statuses must also differ from one another, although icons and
words carry their meaning too.
"""

from __future__ import annotations

import itertools

import pytest
from textual.color import Color

from themes import ThemeSpec, shipped_themes
from themes.contrast import AA, AAA, contrast_ratio, relative_luminance
from themes.variables import STATUS_VARIABLES, SYNTAX_VARIABLES, TIMER_BADGES, variables_for

SHIPPED = shipped_themes()
SURFACES = ("background", "surface", "panel")


def required(spec: ThemeSpec) -> float:
    return AAA if spec.name == "high-contrast" else AA


def resolved(spec: ThemeSpec) -> dict[str, str]:
    return variables_for(spec.to_theme())


def test_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic near-miss
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#000000") == contrast_ratio("#000000", "#FFFFFF")
    assert relative_luminance("#FFFFFF") == pytest.approx(1.0)
    assert relative_luminance(Color(0, 0, 0)) == 0.0
    assert contrast_ratio("#FFFFFF00", "#000000") == pytest.approx(1.0)  # fully transparent text is invisible


@pytest.mark.parametrize("spec", SHIPPED, ids=lambda s: s.name)
def test_text_is_legible_on_every_surface(spec: ThemeSpec) -> None:
    v = resolved(spec)
    for text in ("foreground", "text-muted", "accent"):
        for surface in SURFACES:
            ratio = contrast_ratio(v[text], v[surface])
            assert ratio >= required(spec), f"{spec.name}: {text} on {surface} is {ratio:.2f}:1"


@pytest.mark.parametrize("spec", SHIPPED, ids=lambda s: s.name)
def test_status_colours_are_legible_on_the_panels_they_sit_on(spec: ThemeSpec) -> None:
    v = resolved(spec)
    for status in STATUS_VARIABLES:
        for surface in SURFACES:
            ratio = contrast_ratio(v[status], v[surface])
            assert ratio >= required(spec), f"{spec.name}: {status} on {surface} is {ratio:.2f}:1"


@pytest.mark.parametrize("spec", SHIPPED, ids=lambda s: s.name)
def test_the_countdown_is_legible_in_every_phase(spec: ThemeSpec) -> None:
    v = resolved(spec)
    for badge in TIMER_BADGES:
        ratio = contrast_ratio(v["timer-text"], v[badge])
        assert ratio >= required(spec), f"{spec.name}: timer-text on {badge} is {ratio:.2f}:1"


@pytest.mark.parametrize("spec", SHIPPED, ids=lambda s: s.name)
def test_code_is_legible_in_the_editor(spec: ThemeSpec) -> None:
    v = resolved(spec)
    for background in ("editor-background", "editor-cursor-line"):
        for name in (*SYNTAX_VARIABLES, "editor-foreground"):
            ratio = contrast_ratio(v[name], v[background])
            assert ratio >= required(spec), f"{spec.name}: {name} on {background} is {ratio:.2f}:1"
    # line numbers (the cursor line's own number is drawn in editor-foreground)
    ratio = contrast_ratio(v["editor-gutter"], v["editor-background"])
    assert ratio >= required(spec), f"{spec.name}: editor-gutter on editor-background is {ratio:.2f}:1"


def _distance(a: str, b: str) -> float:
    ca, cb = Color.parse(a), Color.parse(b)
    return float(((ca.r - cb.r) ** 2 + (ca.g - cb.g) ** 2 + (ca.b - cb.b) ** 2) ** 0.5)


@pytest.mark.parametrize("spec", SHIPPED, ids=lambda s: s.name)
def test_statuses_and_timer_phases_are_distinguishable(spec: ThemeSpec) -> None:
    v = resolved(spec)
    statuses = ("status-passed", "status-failed", "status-timeout", "status-running")
    for a, b in itertools.combinations(statuses, 2):
        assert _distance(v[a], v[b]) >= 80, f"{spec.name}: {a} and {b} look alike"
    for a, b in itertools.combinations(("timer-normal", "timer-low", "timer-critical", "timer-overtime"), 2):
        assert _distance(v[a], v[b]) >= 60, f"{spec.name}: {a} and {b} look alike"


def contrast_table() -> str:
    """The figures, for a person (``python -c "from tests.test_themes_contrast import *; print(contrast_table())"``)."""
    lines = []
    for spec in SHIPPED:
        v = resolved(spec)
        text = min(contrast_ratio(v[t], v[s]) for t in ("foreground", "text-muted") for s in SURFACES)
        status = min(contrast_ratio(v[t], v[s]) for t in STATUS_VARIABLES for s in SURFACES)
        timer = min(contrast_ratio(v["timer-text"], v[b]) for b in TIMER_BADGES)
        code = min(
            contrast_ratio(v[n], v[b]) for n in SYNTAX_VARIABLES for b in ("editor-background", "editor-cursor-line")
        )
        body = contrast_ratio(v["foreground"], v["background"])
        lines.append(
            f"{spec.name:14} body {body:5.2f}  min text {text:5.2f}  status {status:5.2f}  "
            f"timer {timer:5.2f}  code {code:5.2f}"
        )
    return "\n".join(lines)
