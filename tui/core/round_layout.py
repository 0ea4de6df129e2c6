"""How a round's screen shares its width, and which pane a focus jump lands on.

A prompt with a table and code needs more than the 40 % it gets beside the
answer; reading test details needs more than a fifth of the screen. Rather
than one split that suits neither, ctrl+l cycles three layouts: side by side, the
prompt across the whole width, the answer across the whole width. ctrl+o moves
focus to the next pane (prompt, editor, test rows, test details…), because
Tab indents in the editor and cannot be the way out of it.

Pure decisions, no Textual: the screen applies them.
"""

from __future__ import annotations

from enum import Enum

from tui.core.messages import t

__all__ = ["RoundLayout", "next_pane"]


class RoundLayout(Enum):
    """Which panes of a question are shown, in the order ctrl+l cycles them."""

    SPLIT = "split"
    PROMPT = "prompt"
    ANSWER = "answer"

    def following(self) -> RoundLayout:
        order = list(RoundLayout)
        return order[(order.index(self) + 1) % len(order)]

    @property
    def shows_prompt(self) -> bool:
        return self is not RoundLayout.ANSWER

    @property
    def shows_answer(self) -> bool:
        return self is not RoundLayout.PROMPT

    @property
    def sentence(self) -> str:
        """What the candidate is told after switching (ctrl+l again goes on)."""
        return t(f"layout.{self.value}")


def next_pane(current: int | None, count: int, step: int = 1) -> int | None:
    """The pane after ``current`` (wrapping), the first one when focus is in none; None when there are none."""
    if count <= 0:
        return None
    if current is None:
        return 0 if step > 0 else count - 1
    return (current + step) % count
