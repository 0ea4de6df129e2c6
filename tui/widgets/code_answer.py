"""The answer panel of code and debugging questions: editor, test rows, test details."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal

from question_bank import Kind, Lang
from tui.core.attempt import QuestionAttempt
from tui.core.results import CheckRun
from tui.widgets.answer_panel import AnswerPanel, register_panel
from tui.widgets.code_editor import CodeEditor
from tui.widgets.test_details import TestDetails
from tui.widgets.test_panel import TestPanel


@register_panel(Kind.CODE, Kind.DEBUGGING)
class CodeAnswerPanel(AnswerPanel):
    """Write Python, run the visible tests, submit them all; results stream in below."""

    def __init__(self, attempt: QuestionAttempt, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(attempt, lang, id=id)
        self.add_class("code-answer")

    def compose(self) -> ComposeResult:
        editor = CodeEditor.for_python(self.attempt.answer, id="editor", read_only=self.attempt.locked)
        yield editor.add_class("pane")
        with Horizontal(id="tests-area"):
            yield TestPanel(id="tests", classes="pane")
            yield TestDetails(id="test-details", classes="pane")

    def on_mount(self) -> None:
        self.show_run(self.attempt.current_run)

    @property
    def editor(self) -> CodeEditor:
        return self.query_one(CodeEditor)

    def answer_text(self) -> str:
        return self.editor.text

    def load_answer(self, text: str) -> None:
        """Replace the whole answer as one edit, so ctrl+z brings the previous one back."""
        editor = self.editor
        editor.replace(text, (0, 0), editor.document.end)

    def lock_answer(self) -> None:
        self.editor.lock_answer()

    def focus_answer(self) -> None:
        self.editor.focus()

    def show_run(self, run: CheckRun | None) -> None:
        """Render the attempt's current run (called again for every event that arrives)."""
        panel = self.query_one(TestPanel)
        panel.show(run)
        self.query_one(TestDetails).show(run, panel.selected_name)

    def on_test_panel_selected(self, event: TestPanel.Selected) -> None:
        event.stop()
        self.query_one(TestDetails).show(event.panel.run, event.name)
