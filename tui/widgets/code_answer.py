"""The answer panel of code and debugging questions: editor, test rows, test details.

A debugging question that asks to explain what was wrong gets a second,
plain-text box under the editor ("What was wrong"), with the question's
guidance as its placeholder; it is saved, judged and reported with the fix
(``tui.core.verdict.explained_verdict``).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import TextArea

from question_bank import Kind, Lang
from tui.core.attempt import QuestionAttempt
from tui.core.messages import t
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
        if (spec := self.attempt.question.explanation) is not None:
            box = TextArea(
                self.attempt.explanation,
                id="explanation",
                soft_wrap=True,
                read_only=self.attempt.locked,
                placeholder=Content(spec.guidance.get(self.lang)),
                classes="pane",
            )
            box.border_title = t("code.what_was_wrong")
            yield box
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

    def explanation_text(self) -> str | None:
        boxes = self.query("#explanation").results(TextArea)
        return next((box.text for box in boxes), None)

    def load_answer(self, text: str) -> None:
        """Replace the whole answer as one edit, so ctrl+z brings the previous one back."""
        editor = self.editor
        editor.replace(text, (0, 0), editor.document.end)

    def lock_answer(self) -> None:
        self.editor.lock_answer()
        for box in self.query("#explanation").results(TextArea):
            box.read_only = True
            box.add_class("-locked")

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
