"""The answer editor for code questions: Textual's code editor, set up for Python.

Line numbers, Python highlighting, indent on tab, undo/redo (ctrl+z /
ctrl+y) come from ``TextArea.code_editor``. Two small additions make typing
Python under time pressure less fiddly: Enter keeps the line's indentation
(one level more after a colon), Backspace in leading spaces removes a whole
indentation level, and Tab / shift+Tab with a selection indent / dedent the
selected lines as every code editor does (TextArea's own Tab would replace
the selection with four spaces; with everything selected it wiped the answer).
shift+Tab without a selection dedents the cursor's line, so the editor keeps
focus; ctrl+o moves focus out (see the round screen).

Its colours follow the app's theme (``follow_app_theme``), also on a live
switch; the read-only code views use this class too, so they follow it as well.

The round's keys (ctrl+r, ctrl+s, f1–f5, f8, ctrl+t, ctrl+n) were chosen not
to collide with TextArea's own bindings, so they work while the editor has
focus.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Offset
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from themes.code import text_area_theme
from themes.variables import variables_for


class CodeEditor(TextArea):
    """A Python code editor; read-only once the answer is locked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+tab", "dedent", "key.dedent", show=False),
    ]

    @classmethod
    def for_python(cls, text: str, *, id: str | None = None, read_only: bool = False) -> CodeEditor:
        editor = cls.code_editor(text, language="python", id=id, read_only=read_only)
        assert isinstance(editor, CodeEditor)
        return editor

    def on_mount(self) -> None:
        self.follow_app_theme()
        self.watch(self.app, "theme", self.follow_app_theme, init=False)

    def follow_app_theme(self) -> None:
        """Paint the code in the app theme's ``$syntax-*`` / ``$editor-*`` colours (again after a switch)."""
        theme = self.app.current_theme
        if theme.ansi:  # the terminal's own 16 colours: Textual's CSS-driven editor theme fits them best
            self.theme = "css"
            return
        editor_theme = text_area_theme(f"mockloop-{theme.name}", variables_for(theme))
        self.register_theme(editor_theme)
        self.theme = editor_theme.name

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A read-only editor lets shift+Tab move focus back, as anywhere else."""
        if action == "dedent":
            return not self.read_only
        return super().check_action(action, parameters)

    def scroll_cursor_visible(self, center: bool = False, animate: bool = False) -> Offset:
        """Like TextArea's, but back to column 0 whenever the cursor fits without horizontal scroll.

        TextArea scrolls just enough to show the cursor, so after the end of a
        long line a shorter line stayed scrolled by its own length: moving to
        column 4 hid every line's first four columns (``def `` on line 1).
        """
        offset = super().scroll_cursor_visible(center, animate)
        if self.scroll_x and self._has_cursor:
            cursor_x = self._cursor_offset[0]
            if cursor_x + 3 <= self.scrollable_content_region.width - self.gutter_width:
                self.scroll_to(x=0, animate=False, force=True)
        return offset

    def lock_answer(self) -> None:
        self.read_only = True
        self.add_class("-locked")

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "tab" and not self.read_only and not self.selection.is_empty:
            event.stop()
            event.prevent_default()
            self.indent_lines()
            return
        if event.key == "enter" and not self.read_only:
            event.stop()
            event.prevent_default()
            start, end = self.selection
            row, column = min(start, end)
            before = self.document.get_line(row)[:column]
            indent = before[: len(before) - len(before.lstrip(" "))]
            if before.rstrip().endswith(":"):
                indent += " " * self.indent_width
            self._replace_via_keyboard("\n" + indent, start, end)
            return
        await super()._on_key(event)

    def action_delete_left(self) -> None:
        """In leading spaces, Backspace removes back to the previous indentation level."""
        start, end = self.selection
        row, column = end
        before = self.document.get_line(row)[:column]
        if start == end and column > 0 and not before.strip(" ") and not self.read_only:
            width = (column - 1) % self.indent_width + 1
            self._delete_via_keyboard((row, column - width), end)
            return
        super().action_delete_left()

    def _selected_rows(self) -> range:
        """The lines a line-wise edit applies to: those the selection touches (not a line
        the selection only reaches at column 0, as in every editor)."""
        start, end = sorted(self.selection)
        last = end[0] - 1 if end[0] > start[0] and end[1] == 0 else end[0]
        return range(start[0], last + 1)

    def _shift_lines(self, step: int) -> None:
        """Indent (``step`` > 0) or dedent the selected lines by one level, as one undoable edit."""
        if self.read_only:
            return
        rows = self._selected_rows()
        lines = [self.document.get_line(row) for row in rows]
        width = self.indent_width
        shifted: list[str] = []
        moved: list[int] = []  # how far each line's text moved
        for line in lines:
            if step > 0:
                pad = "" if not line.strip() else " " * width
                shifted.append(pad + line)
                moved.append(len(pad))
            else:
                leading = len(line) - len(line.lstrip(" "))
                cut = min(leading, (leading - 1) % width + 1) if leading else 0
                shifted.append(line[cut:])
                moved.append(-cut)
        if shifted == lines:
            return
        anchor, cursor = self.selection
        first, last = rows[0], rows[-1]
        self.replace("\n".join(shifted), (first, 0), (last, len(lines[-1])), maintain_selection_offset=False)

        def place(location: tuple[int, int]) -> tuple[int, int]:
            row, column = location
            if first <= row <= last and column > 0:
                column = max(0, column + moved[row - first])
            return (row, column)

        self.selection = Selection(place(anchor), place(cursor))

    def indent_lines(self) -> None:
        """Tab with a selection: one indentation level more on every selected line."""
        self._shift_lines(1)

    def action_dedent(self) -> None:
        """shift+Tab: one indentation level less on the selected lines (or the cursor's line)."""
        self._shift_lines(-1)
