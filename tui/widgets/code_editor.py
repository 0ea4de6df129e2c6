"""The answer editor for code questions: Textual's code editor, set up for Python.

Line numbers, Python highlighting, indent on tab, undo/redo (ctrl+z /
ctrl+y) come from ``TextArea.code_editor``. Two small additions make typing
Python under time pressure less fiddly: Enter keeps the line's indentation
(one level more after a colon), and Backspace in leading spaces removes a
whole indentation level.

Its colours follow the app's theme (``follow_app_theme``), also on a live
switch; the read-only code views use this class too, so they follow it as well.

The round's keys (ctrl+r, ctrl+s, f1–f5, f8, ctrl+t, ctrl+n) were chosen not
to collide with TextArea's own bindings, so they work while the editor has
focus.
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from themes.code import text_area_theme
from themes.variables import variables_for


class CodeEditor(TextArea):
    """A Python code editor; read-only once the answer is locked."""

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

    def lock_answer(self) -> None:
        self.read_only = True
        self.add_class("-locked")

    async def _on_key(self, event: events.Key) -> None:
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
