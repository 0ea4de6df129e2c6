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
from tui.core.messages import has, t
from tui.screens.localized import Localized
from tui.services import services


class SessionActions(Localized, ModalScreen[str | None]):
    """Resume (when it can be), replay, report or delete one session."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "key.back")]

    def __init__(self, entry: HistoryEntry) -> None:
        super().__init__(classes="modal")
        self.entry = entry

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="session-actions"):
            yield Static(
                Content(f"{self.entry.created} · {_mode(self.entry.mode)} · {self.entry.outcome}"),
                classes="dialog-title",
                markup=False,
            )
            options = [Option(t(f"sessions.action.{choice}"), id=choice) for choice in ("replay", "report", "delete")]
            if self.entry.resumable:
                options.insert(0, Option(t("sessions.action.resume"), id="resume"))
            yield OptionList(*options, id="session-action-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def _mode(mode: str) -> str:
    return t(f"mode.{mode}") if has(f"mode.{mode}") else mode


class SessionsScreen(Localized, Screen[None]):
    DEFAULT_CSS = """
    #sessions { padding: 0 1; }
    #history-filter { margin: 0 0 1 0; }
    #sessions-list { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back"),
        Binding("delete", "delete", "key.delete"),
        Binding("ctrl+f", "focus_filter", "key.filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[HistoryEntry] = []
        self.shown: list[HistoryEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="sessions"):
            yield Static(Content(t("sessions.title")), classes="screen-title", markup=False)
            yield Input(placeholder=t("sessions.filter"), id="history-filter")
            yield OptionList(id="sessions-list")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    async def relabel(self) -> None:
        await super().relabel()
        self.on_mount()

    def reload(self) -> None:
        try:
            self.entries = list_sessions()
        except OSError as exc:
            self.entries = []
            self.notify(t("sessions.cannot_list", reason=exc.strerror or exc), severity="error", markup=False)
        self.refilter()

    def refilter(self) -> None:
        words = self.query_one("#history-filter", Input).value
        self.shown = [e for e in self.entries if e.matches(words)]
        listing = self.query_one(OptionList)
        listing.clear_options()
        if not self.shown:
            what = t("sessions.none") if not self.entries else t("sessions.no_match")
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

        message = t("sessions.delete.body", line=entry.line().rstrip())
        self.app.push_screen(
            ConfirmScreen(t("sessions.delete.title"), message, confirm=t("key.delete")),
            lambda ok: self.delete(entry) if ok else None,
        )

    def delete(self, entry: HistoryEntry) -> None:
        from tui.core.session_lock import SessionLocked
        from tui.core.tidy import delete_session

        keeper = services(self).keeper
        if keeper is not None and keeper.path == entry.path:
            self.notify(t("sessions.delete.recording"), severity="warning", markup=False)
            return
        try:
            delete_session(entry.path)
        except SessionLocked as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        except OSError as exc:
            self.notify(
                t("sessions.delete.failed", name=entry.name, reason=exc.strerror or exc), severity="error", markup=False
            )
            return
        self.notify(t("sessions.delete.done", id=entry.id), markup=False)
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
