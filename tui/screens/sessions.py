"""Past sessions, newest first (the history index); choosing one offers replay, report or resume."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.history import HistoryEntry, list_sessions
from tui.services import services


class SessionActions(ModalScreen[str | None]):
    """Replay, report (or resume) one session."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Back")]

    def __init__(self, entry: HistoryEntry) -> None:
        super().__init__(classes="modal")
        self.entry = entry

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="session-actions"):
            yield Static(
                Content(f"{self.entry.created} · {self.entry.mode} · {self.entry.outcome}"),
                classes="dialog-title",
                markup=False,
            )
            options = [Option("Replay", id="replay"), Option("Report", id="report")]
            if self.entry.resumable:
                options.insert(0, Option("Resume", id="resume"))
            yield OptionList(*options, id="session-action-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class SessionsScreen(Screen[None]):
    DEFAULT_CSS = """
    #sessions { padding: 0 1; }
    #sessions-list { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        with Vertical(id="sessions"):
            yield Static(Content("Past sessions"), classes="screen-title", markup=False)
            yield OptionList(id="sessions-list")
        yield Footer()

    def on_mount(self) -> None:
        self.entries = list_sessions()
        listing = self.query_one(OptionList)
        if not self.entries:
            listing.add_option(Option(Content("No sessions yet."), disabled=True))
        for i, entry in enumerate(self.entries):
            listing.add_option(Option(Content(entry.line()), id=str(i)))
        if self.entries:
            listing.highlighted = 0  # enter opens the newest at once
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.entries[int(event.option_id or 0)]
        self.app.push_screen(SessionActions(entry), lambda choice: open_entry(self, entry.path, choice))

    def action_back(self) -> None:
        self.dismiss(None)


def open_entry(node: DOMNode, path: Path, choice: str | None) -> None:
    """Do what was chosen for the session at ``path``: replay, report or resume."""
    app = services(node)
    if choice == "replay":
        app.open_replay(path)
    elif choice == "report":
        app.open_report(path)
    elif choice == "resume":
        app.resume(path)
