"""The app's own theme variables, and how a theme that leaves them out gets them.

Every theme, shipped, user or Textual built-in, ends up with the same set of
variables beyond Textual's, so ``app.tcss`` and the widgets can use them
without asking which theme is active:

- ``status-*``: the colour of a test status written on the app's panels
  (``$status-passed``, ``$status-failed``…);
- ``timer-*``: the countdown badge's background in each phase, and the text
  on it (``$timer-text``);
- ``syntax-*``: code colours, shared by the editor, the read-only code views
  and highlighted tracebacks;
- ``editor-*``: the editor's own surfaces (background, gutter, cursor line…).

A theme file may set any of them; ``complete_variables`` derives the ones it
leaves out from the theme's Textual colours, so Textual's built-in themes get
sensible code and status colours too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.color import Color, ColorParseError

from themes.contrast import contrast_ratio, flatten

if TYPE_CHECKING:
    from textual.theme import Theme

STATUS_KEYS = ("passed", "failed", "error", "timeout", "running")
TIMER_KEYS = ("text", "normal", "low", "critical", "overtime", "paused")
SYNTAX_KEYS = (
    "keyword",
    "string",
    "number",
    "comment",
    "function",
    "class",
    "builtin",
    "constant",
    "decorator",
    "operator",
    "punctuation",
)
EDITOR_KEYS = ("background", "foreground", "gutter", "cursor-line", "selection", "bracket-match")

STATUS_VARIABLES = tuple(f"status-{key}" for key in STATUS_KEYS)
TIMER_VARIABLES = tuple(f"timer-{key}" for key in TIMER_KEYS)
SYNTAX_VARIABLES = tuple(f"syntax-{key}" for key in SYNTAX_KEYS)
EDITOR_VARIABLES = tuple(f"editor-{key}" for key in EDITOR_KEYS)
#: Every variable the app adds to Textual's; a theme file sets them in [variables], [syntax] and [editor].
APP_VARIABLES = STATUS_VARIABLES + TIMER_VARIABLES + SYNTAX_VARIABLES + EDITOR_VARIABLES

#: The badges the countdown can show, each with ``$timer-text`` on it.
TIMER_BADGES = ("timer-normal", "timer-low", "timer-critical", "timer-overtime", "timer-paused")


def resolve_colour(value: str, behind: Color | str) -> Color:
    """A Textual variable's value as the opaque colour the terminal shows over ``behind``.

    Understands what Textual's variables hold: ``#RRGGBB``, ``#RRGGBBAA``, colour
    names, ``COLOUR N%`` and ``auto N%`` (the contrasting text colour).
    """
    back = Color.parse(behind) if isinstance(behind, str) else behind
    text = value.strip()
    alpha = 1.0
    head, _, tail = text.rpartition(" ")
    if head and tail.endswith("%"):
        alpha = float(tail[:-1]) / 100
        text = head.strip()
    colour = back.get_contrast_text(alpha) if text == "auto" else Color.parse(text).multiply_alpha(alpha)
    return flatten(colour, back)


def _hex(colour: Color) -> str:
    return colour.hex6


def _best_text(backgrounds: list[Color], candidates: list[Color]) -> Color:
    """The candidate whose weakest contrast against ``backgrounds`` is the strongest."""
    return max(candidates, key=lambda c: min(contrast_ratio(c, b) for b in backgrounds))


def complete_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """``variables`` (Textual's generated ones merged with the theme's) plus every missing app variable."""
    out = dict(variables)
    background = Color.parse(out["background"])
    surface = resolve_colour(out.get("surface", out["background"]), background)

    def colour(name: str, behind: Color = background) -> Color:
        try:
            return resolve_colour(out[name], behind)
        except (KeyError, ColorParseError, ValueError):
            return resolve_colour(out["foreground"], behind)

    derived: dict[str, Color] = {
        "status-passed": colour("text-success"),
        "status-failed": colour("text-error"),
        "status-timeout": colour("text-warning"),
        "status-running": colour("text-primary"),
        "timer-normal": colour("primary"),
        "timer-low": colour("warning"),
        "timer-critical": colour("error"),
        "timer-overtime": colour("error-darken-2") if "error-darken-2" in out else colour("error"),
        "timer-paused": colour("secondary"),
        "syntax-keyword": colour("text-accent", surface),
        "syntax-string": colour("text-success", surface),
        "syntax-number": colour("text-warning", surface),
        "syntax-comment": colour("text-muted", surface),
        "syntax-function": colour("text-primary", surface),
        "syntax-class": colour("text-warning", surface),
        "syntax-builtin": colour("text-accent", surface),
        "syntax-constant": colour("text-error", surface),
        "syntax-decorator": colour("text-primary", surface),
        "syntax-operator": colour("foreground", surface),
        "syntax-punctuation": colour("foreground", surface),
        "editor-background": surface,
        "editor-foreground": colour("foreground", surface),
        "editor-gutter": colour("text-muted", surface),
    }
    for name, value in derived.items():
        out.setdefault(name, _hex(value))
    out.setdefault("status-error", out["status-failed"])
    editor_bg = resolve_colour(out["editor-background"], background)
    primary = colour("primary")
    out.setdefault("editor-cursor-line", _hex(editor_bg.blend(colour("foreground"), 0.06)))
    out.setdefault("editor-selection", _hex(editor_bg.blend(primary, 0.35)))
    out.setdefault("editor-bracket-match", _hex(editor_bg.blend(colour("foreground"), 0.2)))
    if "timer-text" not in out:
        badges = [resolve_colour(out[name], background) for name in TIMER_BADGES]
        candidates = [background, colour("foreground"), Color(0, 0, 0), Color(255, 255, 255)]
        out["timer-text"] = _hex(_best_text(badges, candidates))
    return out


_CACHE: dict[tuple[str, int], dict[str, str]] = {}


def variables_for(theme: Theme, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every variable of ``theme``: Textual's generated ones, the theme's own, and the app's completed.

    ``base`` is what ``App.get_css_variables`` computed (Textual's and the theme's);
    without it they are generated here, and the result is cached per theme object.
    """
    if base is not None:
        return complete_variables(base)
    key = (theme.name, id(theme))
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = complete_variables({**theme.to_color_system().generate(), **theme.variables})
    return dict(_CACHE[key])
