"""The round screen's layout key (ctrl+l) and pane key (ctrl+o), as a mixin kept out of round.py.

The decisions (which layouts, in which order, what wraps) are
``tui.core.round_layout``'s; this applies them to the widgets: a class on the
screen that the stylesheet reads, and focus moved to the first focusable
widget of the next pane (widgets marked with the ``pane`` class), or to the
one marked ``pane-focus`` inside it (the prompt's text rather than its tabs).
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget

from tui.core.messages import t
from tui.core.round_layout import RoundLayout, next_pane
from tui.widgets.question_view import QuestionView


def _within(widget: Widget, pane: Widget) -> bool:
    return widget is pane or pane in widget.ancestors


class PaneNavigation(Screen[None]):
    """ctrl+o moves between panes; ctrl+l cycles the layout. Needs ``current_view``."""

    pane_layout: RoundLayout = RoundLayout.SPLIT

    @property
    def current_view(self) -> QuestionView:
        raise NotImplementedError

    def action_cycle_layout(self) -> None:
        """ctrl+l: side by side → prompt full width → answer full width → side by side."""
        self.pane_layout = self.pane_layout.following()
        self.set_class(self.pane_layout is RoundLayout.PROMPT, "-prompt-wide")
        self.set_class(self.pane_layout is RoundLayout.ANSWER, "-answer-wide")
        view = self.current_view
        if self.pane_layout.shows_answer:
            view.answer_panel.focus_answer()
        else:
            self.call_after_refresh(self.action_next_pane)
        self.notify(self.pane_layout.sentence, title=t("key.cycle_layout"), timeout=2, markup=False)

    def action_next_pane(self, step: int = 1) -> None:
        """ctrl+o: focus the first focusable widget of the next pane that is shown."""
        view = self.current_view
        chain = self.focus_chain
        panes = [pane for pane in view.query(".pane") if any(_within(w, pane) for w in chain)]
        focused = self.focused
        here = next((i for i, pane in enumerate(panes) if focused is not None and _within(focused, pane)), None)
        target = next_pane(here, len(panes), step)
        if target is None:
            return
        pane = panes[target]
        inside = [w for w in chain if _within(w, pane)]
        preferred = [w for w in inside if w.has_class("pane-focus")]  # e.g. the prompt's text, not its tabs
        (preferred or inside)[0].focus()
