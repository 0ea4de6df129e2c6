"""Help: every key, and how a round works. The round's keys are read from its bindings."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.screens.round import ROUND_BINDINGS

GLOBAL_KEYS = (
    ("f1", "This help"),
    ("ctrl+p", "Command palette: every action by name"),
    ("ctrl+q", "Quit (an unfinished drill or onsite asks: finish now, keep for later, or discard)"),
    ("tab / shift+tab", "Move between panels (in the code editor they indent: ctrl+g or escape leaves it)"),
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


def key_lines(title: str, keys: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> Content:
    width = max(len(k) for k, _ in keys)
    parts: list[str | tuple[str, str]] = [(title, "bold $accent"), "\n"]
    for key, text in keys:
        parts += [(f"  {key:<{width}}  ", "bold"), text, "\n"]
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "close", "Close")]

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
                yield Static(key_lines("During a round", round_keys), markup=False)
                yield Static(key_lines("Everywhere", GLOBAL_KEYS), markup=False)
                yield Static(key_lines("In the code editor", EDITOR_KEYS), markup=False)
                yield Static(
                    Content.assemble(
                        ("How a round works", "bold $accent"), "\n", *(f"  • {line}\n" for line in HOW_IT_WORKS)
                    ),
                    markup=False,
                )
            yield Static(Content("escape or f1 closes this help"), classes="dialog-hint", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
