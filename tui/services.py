"""What screens and widgets may ask of the app, as one typed protocol.

Screens never import the app (that would be a cycle, and it would let them
reach anything); they call ``services(self)`` and get this narrow, checked
interface. ``MockloopApp.services`` returns the app itself typed as
``Services``, so mypy proves that the app provides every member listed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.geometry import Size
    from textual.screen import Screen
    from textual.signal import Signal

    from question_bank import Bank, Question
    from tui.core.attempt import QuestionAttempt
    from tui.core.checking import CheckerRunner, RunCause
    from tui.core.clock import Clock
    from tui.core.keeper import SessionKeeper
    from tui.core.messages import Language
    from tui.core.record import SessionRecord
    from tui.core.session import RoundState, Session

__all__ = ["Services", "services"]


class Services(Protocol):
    """The app's shared services: the bank, the clock, the checker, the live session and navigation."""

    clock: Clock
    runner: CheckerRunner
    keeper: SessionKeeper | None
    session_changed: Signal[Session]
    answers_wanted: Signal[Session]

    @property
    def bank(self) -> Bank: ...

    def drill_screen(self, question: Question) -> Screen[None]: ...

    def choose_language(self, lang: Language) -> None: ...

    def submit_final(self, state: RoundState, attempts: Iterable[QuestionAttempt], cause: RunCause) -> None: ...

    def save_session(self, *, force: bool = False) -> None: ...

    def live_record(self, session: Session) -> SessionRecord: ...

    def check_size(self, size: Size | None = None) -> None: ...

    def open_replay(self, path: Path) -> None: ...

    def open_report(self, path: Path) -> None: ...

    def resume(self, path: Path) -> None: ...

    def open_sessions(self) -> None: ...


def services(node: DOMNode) -> Services:
    """The services of the app ``node`` belongs to (always a ``MockloopApp``, whose ``services`` is typed)."""
    return cast("Services", node.app)
