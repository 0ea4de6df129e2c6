"""The answer side of a round, and the registry that picks a panel per question kind.

A round view asks ``panel_for(kind)`` for the widget class that collects the
answer to a question of that kind: the code editor with live tests for code
and debugging questions, STAR panels for behavioral ones, the design canvas,
the motivation panel. A panel plugs in by registering itself for its kind::

    @register_panel(Kind.BEHAVIORAL)
    class StarPanel(AnswerPanel): ...

and importing its module from ``_load_builtin_panels``; nothing else changes.
Every kind has a panel (a test checks it), so there is no fallback.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import Vertical

from question_bank import Kind, Lang
from tui.core.attempt import QuestionAttempt


class AnswerPanel(Vertical):
    """Base class of answer panels: one attempt in, its answer text out."""

    def __init__(self, attempt: QuestionAttempt, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="answer-panel")
        self.attempt = attempt
        self.lang: Lang = lang

    def answer_text(self) -> str:
        """The answer as it stands in the widgets (the screen copies it into the attempt)."""
        raise NotImplementedError

    def explanation_text(self) -> str | None:
        """A debugging answer's explanation of what was wrong as it stands; None when none is asked."""
        return None

    def load_answer(self, text: str) -> None:
        """Replace the answer (after an external editor round trip)."""
        raise NotImplementedError

    def lock_answer(self) -> None:
        """Make the answer read-only (time's up or finished)."""
        raise NotImplementedError

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang

    def focus_answer(self) -> None:
        self.focus()

    #: Whether ``toggle_feedback`` shows live feedback (written answers, in drills).
    live_feedback: bool = False

    def toggle_feedback(self) -> bool:
        """Show or hide live feedback beside the answer; returns whether it is shown."""
        return False


_PANELS: dict[Kind, type[AnswerPanel]] = {}


def register_panel(*kinds: Kind) -> Callable[[type[AnswerPanel]], type[AnswerPanel]]:
    """Class decorator: use this panel for questions of ``kinds``."""

    def decorate(cls: type[AnswerPanel]) -> type[AnswerPanel]:
        for kind in kinds:
            _PANELS[kind] = cls
        return cls

    return decorate


def _load_builtin_panels() -> None:
    # Imported for their registration side effect; add new panel modules here.
    from tui.widgets import code_answer, design_canvas, motivation_panel, star_panel  # noqa: F401


def panel_for(kind: Kind) -> type[AnswerPanel]:
    _load_builtin_panels()
    return _PANELS[kind]
