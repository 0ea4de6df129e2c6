"""The design canvas's back-of-the-envelope calculator.

Six inputs (users, actions, read:write ratio, object size, retention, peak
factor) → request rates, storage and bandwidth, recomputed on every keystroke
by ``tui.core.capacity_form`` (which calls ``checkers.text.estimate_capacity``).
An input that cannot be read shows its one-sentence error in place of the
result. The Insert button (or ctrl+g on the canvas) posts ``InsertRequested``
with the estimate as Markdown; the canvas puts it into Scale estimates.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Static

from checkers.text import CapacityError, CapacityEstimate
from question_bank import Lang
from tui.core.capacity_form import FIELDS, estimate_from_form
from tui.core.messages import t


class CapacityCalculator(Vertical):
    """Inputs on the left of their labels, the estimate (or the error) below."""

    DEFAULT_CSS = """
    CapacityCalculator {
        height: auto;
        padding: 0 1;
    }
    CapacityCalculator > .calc-title {
        text-style: bold;
        background: $panel;
        margin: 0 -1;
        padding: 0 1;
    }
    CapacityCalculator .calc-row {
        height: 1;
    }
    CapacityCalculator .calc-label {
        width: 1fr;
        color: $text-muted;
    }
    CapacityCalculator Input {
        width: 10;
    }
    CapacityCalculator #calc-result {
        padding: 1 0 0 0;
    }
    CapacityCalculator #calc-result.-error {
        color: $text-error;
    }
    CapacityCalculator #calc-insert {
        margin: 1 0 0 0;
        width: 100%;
    }
    """

    @dataclass
    class InsertRequested(Message):
        """The candidate asked to put the estimate into the Scale estimates section."""

        calculator: CapacityCalculator
        markdown: str

    def __init__(self, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang: Lang = lang
        self.estimate: CapacityEstimate | None = None
        self.error: str = ""

    def compose(self) -> ComposeResult:
        yield Static(Content(t("calculator.title")), classes="calc-title", markup=False)
        for field in FIELDS:
            with Horizontal(classes="calc-row"):
                yield Static(Content(field.label), classes="calc-label", id=f"label-{field.name}")
                yield Input(field.default, placeholder=field.placeholder, compact=True, id=f"calc-{field.name}")
        yield Static("", id="calc-result", markup=False)
        yield Button(Content(t("calculator.insert")), id="calc-insert", compact=True)

    def on_mount(self) -> None:
        self.recompute()

    def values(self) -> dict[str, str]:
        return {field.name: self.query_one(f"#calc-{field.name}", Input).value for field in FIELDS}

    def set_values(self, **values: str) -> None:
        for name, value in values.items():
            self.query_one(f"#calc-{name}", Input).value = value
        self.recompute()

    def recompute(self) -> None:
        try:
            self.estimate, self.error = estimate_from_form(self.values()), ""
        except CapacityError as error:
            self.estimate, self.error = None, str(error)
        result = self.query_one("#calc-result", Static)
        result.set_class(bool(self.error), "-error")
        if self.estimate is not None:
            result.update(Content("\n".join(self.estimate.summary_lines(self.lang))))
        else:
            result.update(Content(self.error))
        self.query_one("#calc-insert", Button).disabled = self.estimate is None or self.has_class("-locked")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.recompute()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()

    @on(Button.Pressed, "#calc-insert")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.request_insert()

    def request_insert(self) -> bool:
        """Post the estimate for insertion; False (and nothing posted) when the inputs are invalid."""
        if self.estimate is None or self.has_class("-locked"):
            return False
        self.post_message(self.InsertRequested(self, self.estimate.to_markdown(self.lang)))
        return True

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.query_one(".calc-title", Static).update(Content(t("calculator.title")))
        for field in FIELDS:
            self.query_one(f"#label-{field.name}", Static).update(Content(field.label))
        self.query_one("#calc-insert", Button).label = Content(t("calculator.insert"))
        self.recompute()

    def lock_inputs(self) -> None:
        self.add_class("-locked")
        for field in FIELDS:
            self.query_one(f"#calc-{field.name}", Input).disabled = True
        self.query_one("#calc-insert", Button).disabled = True
