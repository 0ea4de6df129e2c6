"""The details of the selected test: expected vs actual, output, a trimmed traceback.

Hidden tests show their name and what they probe, nothing more: that filtering
is decided in tui.core (``CheckRun.detail``); this widget only lays it out.
Everything here comes from the answer or the suite, so it is built as
``Content`` and never parsed as markup. Colours are theme variables
(``$status-*``; the traceback is highlighted with the theme's ``$syntax-*``),
so a theme switch repaints them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from themes.code import highlight_traceback
from tui.core.messages import t
from tui.core.results import CheckRun, TestDetail
from tui.widgets.test_panel import STATUS_LOOK, format_seconds, status_word


def render_detail(detail: TestDetail) -> Content:
    icon, variable = STATUS_LOOK[detail.status]
    style = f"${variable}"
    parts: list[str | tuple[str, str] | Content] = [
        (f"{icon} {status_word(detail.status)}", style),
        (f" · {format_seconds(detail.duration)}" if detail.duration is not None else "", "$text-muted"),
        "\n",
        (detail.name, "bold"),
        "\n",
    ]
    if detail.description:
        parts += [(detail.description, "italic"), "\n"]
    if not detail.visible:
        if detail.message and detail.status.is_failure:
            parts += ["\n", detail.message, "\n"]
        parts += [("\n" + t("details.hidden"), "$text-muted")]
        return Content.assemble(*parts)
    message = detail.message
    if detail.expected is not None or detail.actual is not None:
        expected, actual = t("details.expected"), t("details.actual")
        width = max(len(expected), len(actual)) + 1
        parts += ["\n", (expected.ljust(width), "bold $status-passed"), detail.expected or "", "\n"]
        parts += [(actual.ljust(width), "bold $status-failed"), detail.actual or "", "\n"]
        # The checker's message repeats them; keep what it adds (the call, the diff).
        message = "\n".join(line for line in message.splitlines() if not line.startswith(("expected:", "actual:")))
    if message.strip():
        parts += ["\n", message.rstrip(), "\n"]
    if detail.output.strip() and "printed:" not in detail.message:
        parts += ["\n", (t("details.output"), "bold"), "\n", detail.output.rstrip(), "\n"]
    if detail.traceback.strip():
        parts += ["\n", (t("details.traceback"), "bold"), "\n", highlight_traceback(detail.traceback.rstrip("\n"))]
    return Content.assemble(*parts)


class TestDetails(VerticalScroll):
    """A scrollable pane under the test rows."""

    __test__ = False

    def compose(self) -> ComposeResult:
        yield Static(Content(t("details.placeholder")), id="test-detail-body", markup=False)

    def show(self, run: CheckRun | None, name: str | None) -> None:
        body = self.query_one("#test-detail-body", Static)
        if run is not None and run.failure is not None:
            failure = run.failure
            title = t("details.import_error") if failure.reason == "import_error" else t("tests.failure.checker_error")
            text = failure.message.strip()
            if failure.output.strip():
                text += "\n\n" + failure.output.rstrip()
            body.update(Content.assemble((title, "bold $status-failed"), "\n\n", text))
            return
        detail = run.detail(name) if run is not None and name is not None else None
        body.update(render_detail(detail) if detail is not None else Content(t("details.placeholder")))
