"""Help: every key, and how a round works. The round's keys are read from its bindings."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.screens.round import ROUND_BINDINGS

GLOBAL_KEYS = (
    ("f1", "This help"),
    ("ctrl+p", "Command palette: every action by name"),
    ("ctrl+q", "Quit (an unfinished drill or onsite asks: finish now, keep for later, or discard)"),
    ("tab / shift+tab", "Move between panels (in the code editor they indent: ctrl+o or escape leaves it)"),
    ("escape", "Back / close a dialog"),
)

EDITOR_KEYS = (
    ("ctrl+z / ctrl+y", "Undo / redo"),
    ("ctrl+a / ctrl+e", "Start / end of line"),
    ("ctrl+x / ctrl+c / ctrl+v", "Cut / copy / paste"),
    ("f6 / f7", "Select line / select all"),
    ("tab / shift+tab", "Indent / dedent the selected lines (no selection: indent at the cursor / dedent the line)"),
)

HOW_IT_WORKS = (
    "The countdown turns amber with a quarter of the round left and red at two minutes.",
    "Onsite: at time's up your answers are locked and submitted automatically, then the next round begins.",
    "Drill: the clock keeps counting as overtime; f8 pauses; after a submission f5 shows the reference answer.",
    (
        "Run checks the prompt's visible examples. Submit runs every test, hidden ones included;"
        " the last submission counts."
    ),
    "Hidden tests show only their name and what they probe while the round runs.",
)


def key_section(title: str, keys: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> ComposeResult:
    """A section title, then one row per key: the key in a column as wide as the longest, the
    text beside it (wrapped lines stay in their column, so narrow terminals still read well)."""
    width = max(len(k) for k, _ in keys) + 4
    yield Static(Content.styled(title, "bold $accent"), classes="help-section", markup=False)
    for key, text in keys:
        with Horizontal(classes="help-row"):
            yield Static(Content.styled(key, "bold"), classes="help-key", markup=False).set_styles(f"width: {width};")
            yield Static(Content(text), classes="help-text", markup=False)


CLOSE_HINT = "escape or f1 closes this help"
MORE_BELOW = "▼ more below (↓ / page down)"


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "close", "Close")]

    def __init__(self) -> None:
        super().__init__(classes="modal")

    def compose(self) -> ComposeResult:
        round_keys = [
            (b.key.replace(",", " / "), b.tooltip or b.description)
            for b in ROUND_BINDINGS
            if b.action != "app.help" and not b.action.startswith("switch_question")
        ]
        round_keys.append(("alt+← / alt+→", "Previous / next question of a two-question round (or ctrl+pgup / pgdn)"))
        with Vertical(classes="dialog wide", id="help"):
            yield Static(Content("Help · mockloop"), classes="dialog-title", markup=False)
            with VerticalScroll(id="help-body"):
                yield from key_section("During a round", round_keys)
                yield from key_section("Everywhere", GLOBAL_KEYS)
                yield from key_section("In the code editor", EDITOR_KEYS)
                yield Static(Content.styled("How a round works", "bold $accent"), classes="help-section", markup=False)
                for line in HOW_IT_WORKS:
                    yield Static(Content(f"• {line}"), classes="help-point", markup=False)
            yield Static(Content(CLOSE_HINT), classes="dialog-hint", id="help-hint", markup=False)

    def on_mount(self) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.focus()  # ↑/↓, page up/down and space scroll it
        self.watch(body, "scroll_y", self._show_cue)
        self.watch(body, "virtual_size", self._later)

    def on_resize(self) -> None:
        self._later()

    def _later(self) -> None:
        """After the next layout: the body's scroll range is known only then."""
        self.call_after_refresh(self._show_cue)

    def _show_cue(self) -> None:
        """Say that there is more below (and how to reach it) until the end is in view."""
        body = self.query_one("#help-body", VerticalScroll)
        more = body.scroll_y < body.max_scroll_y
        hint = f"{MORE_BELOW} · {CLOSE_HINT}" if more else CLOSE_HINT
        self.query_one("#help-hint", Static).update(Content(hint))

    def action_close(self) -> None:
        self.dismiss(None)
