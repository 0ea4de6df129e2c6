"""The verdict on a written answer: band, reasons, findings with evidence, coverage, danger zones.

Renders a ``tui.core.feedback.Assessment`` (computed in the core, never
here). Everything that comes from the answer (quoted evidence, matched words)
is plain text inside ``Content`` objects: an answer containing ``[bold]`` shows
``[bold]``. Used live beside a drill's answer panel (the analyzers' own band)
and in the round and loop summaries, where the band and its reasons are the
question's verdict (``tui.core.verdict``: a hint caps it, as in the report)
over the findings the analyzers recorded when the round ended.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from checkers.text import Band, Feedback, Severity
from checkers.text.messages import part_name, section_name
from question_bank import DESIGN_SECTIONS, STAR_PARTS, Lang, Question
from tui.core.feedback import Assessment, recorded_assessment
from tui.core.messages import t
from tui.core.report import QuestionReport
from tui.core.verdict import Verdict, band_label

BAND_STYLE: dict[Band, str] = {
    Band.STRONG_HIRE: "bold $text-success",
    Band.HIRE: "bold $text-success",
    Band.NO_HIRE: "bold $text-warning",
    Band.STRONG_NO_HIRE: "bold $text-error",
}
SEVERITY_MARK: dict[Severity, tuple[str, str]] = {
    Severity.PROBLEM: ("✗", "bold $text-error"),
    Severity.WARNING: ("!", "bold $text-warning"),
    Severity.INFO: ("·", "$text-muted"),
}


def label(key: str) -> str:
    """The feedback view's own words (``feedback.<key>``), in the interface language."""
    return t(f"feedback.{key}")


def _where(key: str, lang: str) -> str:
    if key in STAR_PARTS:
        return part_name(key, lang)
    if key in DESIGN_SECTIONS:
        return section_name(key, lang)
    return key


def render_assessment(
    assessment: Assessment | None, question: Question, lang: Lang, verdict: Verdict | None = None
) -> Content:
    """The whole verdict as one ``Content`` (no markup is parsed anywhere).

    ``verdict``: the question's verdict, shown instead of the analyzers' own
    band and reasons (the summaries); without it, the analyzers' (live).
    """
    if assessment is None:
        if verdict is not None:
            return _band_lines(verdict.band, verdict.reasons)
        return Content(label("empty"))
    if assessment.feedback is None:
        error = Content.assemble((label("error"), "bold $text-error"), "\n", assessment.error)
        if verdict is None:
            return error
        return Content.assemble(_band_lines(verdict.band, verdict.reasons), "\n\n", error)
    return render_feedback(assessment.feedback, question, lang, verdict)


def _band_lines(band: Band, reasons: tuple[str, ...]) -> Content:
    parts: list[str | tuple[str, str]] = [(band_label(band), BAND_STYLE[band])]
    for reason in reasons:
        parts += ["\n", ("• ", "$text-muted"), reason]
    return Content.assemble(*parts)


def render_feedback(feedback: Feedback, question: Question, lang: Lang, verdict: Verdict | None = None) -> Content:
    head = _band_lines(verdict.band, verdict.reasons) if verdict else _band_lines(feedback.band, feedback.reasons)
    parts: list[str | tuple[str, str] | Content] = [head]

    parts += ["\n\n", (label("findings"), "bold underline")]
    if not feedback.findings:
        parts += ["\n", (label("no-findings"), "$text-muted")]
    for finding in feedback.findings:
        mark, style = SEVERITY_MARK[finding.severity]
        parts += ["\n", (f"{mark} ", style), (finding.title, "bold" if finding.severity is not Severity.INFO else "")]
        for quote in finding.evidence:
            parts += ["\n", ("  │ ", "$text-muted"), (quote, "italic")]
        if finding.suggestion:
            parts += ["\n", ("  → ", "$text-accent"), finding.suggestion]

    coverage = feedback.coverage
    if coverage is not None and coverage.concepts:
        score = round(100 * coverage.score)
        parts += ["\n\n", (f"{label('coverage')} {score}%", "bold underline")]
        parts += [("  ", ""), (f"({coverage.covered_weight}/{coverage.total_weight})", "$text-muted")]
        for concept in coverage.covered:
            detail = ", ".join(concept.matched[:3])
            where = f" {label('in')} {_where(concept.where, lang)}" if concept.where else ""
            parts += ["\n", ("✓ ", "bold $text-success"), concept.concept]
            if detail or where:
                parts += [(f"  {detail}{where}".rstrip(), "$text-muted")]
        for concept in coverage.missed:
            parts += [
                "\n",
                ("✗ ", "bold $text-error"),
                concept.concept,
                (f"  ({label('missed')})", "$text-muted"),
            ]

    if question.danger_zones:
        parts += ["\n\n", (label("zones"), "bold underline")]
        if not feedback.danger_zones_hit:
            parts += ["\n", (label("no-zones"), "$text-muted")]
        for zone_id in feedback.danger_zones_hit:
            zone = question.danger_zone(zone_id)
            title = zone.title.get(lang) if zone is not None else zone_id
            parts += ["\n", ("✗ ", "bold $text-error"), (title, "bold")]
            if zone is not None:
                parts += ["\n", ("  ", ""), (zone.judged.get(lang), "$text-muted")]
    return Content.assemble(*parts)


class FeedbackView(VerticalScroll):
    """A scrollable verdict; ``show()`` replaces what it shows."""

    DEFAULT_CSS = """
    FeedbackView {
        height: 1fr;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    FeedbackView.-inline {
        height: auto;
        padding: 0 0 0 2;
        overflow-y: hidden;
    }
    FeedbackView > .feedback-title {
        text-style: bold;
        background: $panel;
        padding: 0 1;
        margin: 0 -1 0 -1;
    }
    """

    def __init__(
        self, question: Question, lang: Lang, *, title: bool = True, inline: bool = False, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="feedback-view -inline" if inline else "feedback-view")
        self.question = question
        self.lang: Lang = lang
        self.assessment: Assessment | None = None
        self.verdict: Verdict | None = None  # set by the summaries: the question's verdict heads the view
        self._title = title

    def compose(self) -> ComposeResult:
        if self._title:
            yield Static(Content(label("title")), classes="feedback-title", markup=False)
        yield Static(self.rendered, classes="feedback-body")

    def show(self, assessment: Assessment | None, lang: Lang | None = None) -> None:
        self.assessment = assessment
        if lang is not None:
            self.lang = lang
        if self.is_mounted:
            for title in self.query(".feedback-title").results(Static):
                title.update(Content(label("title")))
            self.query_one(".feedback-body", Static).update(self.rendered)

    @property
    def rendered(self) -> Content:
        return render_assessment(self.assessment, self.question, self.lang, self.verdict)


def summary_feedback(
    questions: list[tuple[Question, QuestionReport]], lang: Lang, *, prefix: str = ""
) -> Iterator[Static | FeedbackView]:
    """For the summaries: a title and the verdict of every written answer, as the report has them."""
    for question, report in questions:
        if report.is_code:
            continue
        title = f"{label('title')} · {prefix}{report.title}"
        yield Static(Content(title), classes="section-title summary-feedback-title", markup=False)
        view = FeedbackView(question, lang, title=False, inline=True, id=f"feedback-{question.id}")
        view.assessment = recorded_assessment(report.feedback, report.feedback_error)
        view.verdict = report.verdict
        yield view
