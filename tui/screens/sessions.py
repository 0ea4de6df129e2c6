"""History: past sessions, newest first, filtered by mode, round or question; open, replay, report or delete one.

The list is ``tui.core.history.list_sessions`` (the same lines as ``mockloop
history``); typing in the filter keeps the sessions whose mode, status,
rounds or questions contain every word typed (``HistoryEntry.matches``).
Enter on a session offers what can be done with it; ``delete`` (or the
action) deletes it after a confirmation, through ``tui.core.tidy`` (never the
session being recorded here, never one another mockloop is writing).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.history import HistoryEntry, list_sessions
from tui.services import services


class SessionActions(ModalScreen[str | None]):
    """Resume (when it can be), replay, report or delete one session."""

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
            options = [Option("Replay", id="replay"), Option("Report", id="report"), Option("Delete…", id="delete")]
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
    #history-filter { margin: 0 0 1 0; }
    #sessions-list { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("delete", "delete", "Delete"),
        Binding("ctrl+f", "focus_filter", "Filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[HistoryEntry] = []
        self.shown: list[HistoryEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="sessions"):
            yield Static(Content("History"), classes="screen-title", markup=False)
            yield Input(placeholder="Filter: drill, onsite, a round or question id, finished…", id="history-filter")
            yield OptionList(id="sessions-list")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        try:
            self.entries = list_sessions()
        except OSError as exc:
            self.entries = []
            self.notify(
                f"The sessions folder cannot be listed ({exc.strerror or exc}).", severity="error", markup=False
            )
        self.refilter()

    def refilter(self) -> None:
        words = self.query_one("#history-filter", Input).value
        self.shown = [e for e in self.entries if e.matches(words)]
        listing = self.query_one(OptionList)
        listing.clear_options()
        if not self.shown:
            what = "No sessions yet." if not self.entries else "No session matches the filter."
            listing.add_option(Option(Content(what), disabled=True))
        for i, entry in enumerate(self.shown):
            listing.add_option(Option(Content(entry.line()), id=str(i)))
        if self.shown:
            listing.highlighted = 0  # enter opens the newest at once

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(OptionList).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#history-filter", Input).focus()

    def _highlighted(self) -> HistoryEntry | None:
        index = self.query_one(OptionList).highlighted
        return self.shown[index] if index is not None and 0 <= index < len(self.shown) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.shown[int(event.option_id or 0)]
        self.app.push_screen(SessionActions(entry), lambda choice: self.act(entry, choice))

    def act(self, entry: HistoryEntry, choice: str | None) -> None:
        if choice == "delete":
            self.confirm_delete(entry)
        else:
            open_entry(self, entry.path, choice)

    def action_delete(self) -> None:
        entry = self._highlighted()
        if entry is not None:
            self.confirm_delete(entry)

    def confirm_delete(self, entry: HistoryEntry) -> None:
        from tui.screens.confirm import ConfirmScreen

        message = f"{entry.line().rstrip()}\nIts file is deleted; this cannot be undone."
        self.app.push_screen(
            ConfirmScreen("Delete this session?", message, confirm="Delete"),
            lambda ok: self.delete(entry) if ok else None,
        )

    def delete(self, entry: HistoryEntry) -> None:
        from tui.core.session_lock import SessionLocked
        from tui.core.tidy import delete_session

        keeper = services(self).keeper
        if keeper is not None and keeper.path == entry.path:
            self.notify("That is the session being recorded here.", severity="warning", markup=False)
            return
        try:
            delete_session(entry.path)
        except SessionLocked as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        except OSError as exc:
            self.notify(f"{entry.name} could not be deleted ({exc.strerror or exc}).", severity="error", markup=False)
            return
        self.notify(f"Deleted {entry.id}.", markup=False)
        self.reload()

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
