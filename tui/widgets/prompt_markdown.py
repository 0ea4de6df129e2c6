"""Markdown for question prompts: tables that reflow and code blocks the keyboard can scroll.

Textual's Markdown table shrinks its columns to the width and cuts words that
do not fit with an ellipsis, so at 46 columns safe-divide's table showed
``"not_a_n…"`` — the very strings an answer must return. ``ReflowTable``
keeps the grid only while every column fits its longest word; below that it
shows each row as a small record (``header: value``, one field a line, the
rows' first fields flush left), which wraps at any width and cuts nothing.

Textual's code blocks scroll sideways with no scrollbar and cannot take focus,
so a long line was cut with no way to read it by keyboard. ``PromptFence`` takes
focus (Tab, ctrl+o or a click), shows a one-row scrollbar when the code is wider
than the pane, and scrolls with ←/→/Home/End.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.widgets import Markdown, Static
from textual.widgets._markdown import MarkdownBlock, MarkdownFence, MarkdownTable

from tui.core.messages import t

__all__ = ["PromptFence", "PromptMarkdown", "ReflowTable", "table_fits"]

#: Cells' left and right padding in Textual's table grid.
CELL_PADDING = 2


def _longest_word(content: Content) -> int:
    return max((len(word) for word in content.plain.split()), default=0)


def table_fits(headers: list[Content], rows: list[list[Content]], width: int) -> bool:
    """Whether the grid can give every column its longest word (plus padding and the keylines)."""
    columns = [headers, *rows]
    count = max(len(row) for row in columns)
    needed = 0
    for index in range(count):
        needed += max(_longest_word(row[index]) for row in columns if index < len(row)) + CELL_PADDING
    return needed + count + 1 <= width


def records(headers: list[Content], rows: list[list[Content]]) -> list[tuple[bool, Content]]:
    """Each row as fields ``header: value`` (bold headers); True marks the first field of a row."""
    fields: list[tuple[bool, Content]] = []
    separator = t("prompt.field_separator")  # French sets a space before the colon
    for row in rows:
        for index, cell in enumerate(row):
            header = headers[index] if index < len(headers) else Content("")
            fields.append((index == 0, Content.assemble(header.stylize("bold"), separator, cell)))
    return fields


class ReflowTable(MarkdownTable):
    """A Markdown table shown as a grid when it fits, as records when it does not."""

    DEFAULT_CSS = """
    ReflowTable > .table-records { display: none; height: auto; }
    ReflowTable.-stacked > .table-records { display: block; }
    ReflowTable .record-field { padding: 0 0 0 4; }
    ReflowTable .record-field.-first { padding: 0 0 0 1; }
    ReflowTable .record-field.-first.-later { margin: 1 0 0 0; }
    ReflowTable.-stacked > MarkdownTableContent { display: none; }
    """

    def compose(self) -> ComposeResult:
        yield from super().compose()
        with Vertical(classes="table-records"):
            for number, (first, field) in enumerate(records(self._headers, self._rows)):
                classes = "record-field" + (" -first" if first else "") + (" -later" if first and number else "")
                yield Static(field, classes=classes, markup=False)

    def on_resize(self, event: Resize) -> None:
        if self._headers or self._rows:
            self.set_class(not table_fits(self._headers, self._rows, event.size.width), "-stacked")


class PromptFence(MarkdownFence, can_focus=True):
    """A code block that takes focus and scrolls sideways with the arrow keys."""

    DEFAULT_CSS = """
    PromptFence { scrollbar-size-horizontal: 1; overflow-x: auto; }
    PromptFence:focus { background-tint: $foreground 10%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "scroll_left", "key.scroll_left", show=False),
        Binding("right", "scroll_right", "key.scroll_right", show=False),
        Binding("home", "scroll_home_x", "key.line_start", show=False),
        Binding("end", "scroll_end_x", "key.line_end", show=False),
    ]

    def action_scroll_home_x(self) -> None:
        self.scroll_to(x=0, animate=False)

    def action_scroll_end_x(self) -> None:
        self.scroll_to(x=self.max_scroll_x, animate=False)


class PromptMarkdown(Markdown):
    """Markdown with ``ReflowTable`` and ``PromptFence`` for its tables and code blocks."""

    def get_block_class(self, block_name: str) -> type[MarkdownBlock]:
        return _PROMPT_BLOCKS.get(block_name) or super().get_block_class(block_name)


_PROMPT_BLOCKS: dict[str, type[MarkdownBlock]] = {
    "table_open": ReflowTable,
    "fence": PromptFence,
    "code_block": PromptFence,
}
