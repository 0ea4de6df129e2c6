"""The report of a session: per round and question what happened, and the verdict with its reasons.

Built from the ``SessionRecord`` alone (no bank needed), so a shared file
gives the same report anywhere, and built the same way for the live
summaries (from the record the app is writing), so the round summary, the
loop summary, the report, history and replay all show one verdict
(``tui.core.verdict``). ``tui.core.report_format`` writes it as plain text or
Markdown; the screens render the same ``Report``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checkers.verdicts import status_hits_zone
from question_bank import Lang
from tui.core.checking import FAILURE_HEADLINES
from tui.core.events import TestRecord
from tui.core.messages import Language, has, language, plural, t
from tui.core.record import QuestionRecord, RoundRecord, SessionRecord
from tui.core.replay_state import QuestionView, RunView, fold_round
from tui.core.timer import format_duration
from tui.core.verdict import (
    Band,
    FinalRun,
    Verdict,
    code_verdict,
    coverage_text,
    danger_text,
    round_verdict,
    session_verdict,
)


@dataclass(frozen=True, slots=True)
class TestLine:
    """One test of a run that did not pass."""

    __test__ = False

    name: str
    status: str
    visible: bool
    danger: str  # the danger zone's title, or ""
    message: str  # may span lines: shown as preformatted text
    expected: str | None = None  # visible tests only
    actual: str | None = None
    traceback: str = ""

    @property
    def details(self) -> str:
        """Everything recorded about the failure, as preformatted text (message, expected/actual, traceback)."""
        parts = [self.message] if self.message else []
        if self.expected is not None or self.actual is not None:
            parts.append(t("report.expected_actual", expected=self.expected, actual=self.actual))
        if self.traceback and self.traceback.strip() not in self.message:  # the message often quotes it already
            parts.append(self.traceback)
        return "\n".join(parts)


@dataclass(frozen=True, slots=True)
class RunLine:
    """One Run or Submit: when, why, and what came back."""

    number: int
    mode: str  # run, submit
    cause: str  # candidate, finish, time_up
    started_at: float
    outcome: str  # running, finished, failed, cancelled
    summary: str
    passed: int
    total: int
    failing: tuple[TestLine, ...]
    failure: str  # the whole run's message (an import error's traceback), or ""

    @property
    def how(self) -> str:
        if self.mode == "run":
            return t("report.how.run")
        return t(f"report.how.{self.cause}") if self.cause in ("finish", "time_up") else t("report.how.submit")


@dataclass(frozen=True, slots=True)
class Taken:
    """A hint taken or a clarification asked, at a round time."""

    t: float
    text: str
    answer: str = ""  # the interviewer's answer to a clarification


@dataclass(frozen=True, slots=True)
class QuestionReport:
    id: str
    title: str
    kind: str
    is_code: bool
    verdict: Verdict
    answered: bool
    answer: str  # the final answer, as written
    explanation: str | None  # a debugging answer's "what was wrong" (None: the question asks for none)
    hints: tuple[Taken, ...]
    hints_total: int
    asks: tuple[Taken, ...]
    runs: tuple[RunLine, ...]
    final: RunLine | None  # the submission that counts
    finished_at: float | None  # when the candidate finished it early, if they did
    visible: tuple[int, int] | None  # (passed, total) of the final submission's visible tests
    hidden: tuple[int, int] | None
    danger_zones_hit: tuple[str, ...]  # their titles, in the order they were hit
    zones_hit: tuple[str, ...]  # the same zones' ids
    feedback: Mapping[str, Any] | None  # the analyzers' recorded verdict on a written answer (or explanation)
    feedback_error: str  # why the analyzers could not read it, or ""
    findings: tuple[str, ...]
    coverage: str
    editor_trips: int

    @property
    def band(self) -> Band:
        return self.verdict.band

    def result_text(self) -> str:
        """The summaries' "Result" column: tests passed, or whether something was written."""
        if not self.is_code:
            return t("report.result.written") if self.answered else t("report.result.no_answer")
        final = self.final
        if final is None:
            return t("report.result.not_submitted")
        if final.outcome == "running":
            return t("verdict.checking")
        if final.outcome == "failed":
            headlines = [t(key) for key in FAILURE_HEADLINES.values()]
            headline = next((h for h in headlines if final.summary.startswith(h)), "")
            return (headline or t(FAILURE_HEADLINES["checker_error"])).lower()
        return t("report.result.passed", passed=final.passed, total=final.total)


END_TEXT = {"time_up": "report.end.time_up", "finished": "report.end.finished"}


@dataclass(frozen=True, slots=True)
class RoundReport:
    index: int
    title: str
    minutes: int
    used: float
    end_reason: str
    started: bool
    verdict: Verdict | None  # None until the round ended
    questions: tuple[QuestionReport, ...]

    @property
    def band(self) -> Band | None:
        return self.verdict.band if self.verdict is not None else None

    @property
    def label(self) -> str:
        """The round's band as every view shows it."""
        if not self.started:
            return t("report.not_started")
        return self.verdict.label if self.verdict is not None else t("report.unfinished")

    def time_text(self) -> str:
        text = t("report.time_of", used=format_duration(self.used), minutes=f"{self.minutes:02d}")
        over = self.used - self.minutes * 60
        if over >= 1:
            text += t("report.overtime", over=format_duration(over))
        reason = t(END_TEXT[self.end_reason]) if self.end_reason in END_TEXT else ""
        return f"{text}, {reason}" if reason else text


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    mode: str
    created: str
    seed: int | None
    status: str
    rounds: tuple[RoundReport, ...]
    verdict: Verdict | None

    @property
    def band(self) -> Band | None:
        return self.verdict.band if self.verdict is not None else None

    @property
    def label(self) -> str:
        return self.verdict.label if self.verdict is not None else t("report.not_judged")

    @property
    def used(self) -> float:
        return sum(r.used for r in self.rounds if r.started)


# -- building ----------------------------------------------------------------------------


def severity_word(severity: str) -> str:
    """A finding's severity (info, warning, problem) in the interface language."""
    return t(f"severity.{severity}") if has(f"severity.{severity}") else severity


def _zone(qr: QuestionRecord, zone: str, lang: Language) -> str:
    return qr.danger_title(zone, lang) if zone else ""


def _test_lines(qr: QuestionRecord, run: RunView, lang: Lang) -> tuple[TestLine, ...]:
    return tuple(
        TestLine(
            row.name,
            row.status,
            row.visible,
            _zone(qr, row.danger, lang),
            row.message,
            row.expected,
            row.actual,
            row.traceback,
        )
        for row in run.tests
        if row.status not in ("passed", "not_run")
    )


def _run_line(qr: QuestionRecord, run: RunView, lang: Lang) -> RunLine:
    return RunLine(
        number=run.number,
        mode=run.mode,
        cause=run.cause,
        started_at=run.started_at,
        outcome=run.outcome,
        summary=run.summary(),
        passed=run.passed,
        total=run.total,
        failing=_test_lines(qr, run, lang),
        failure=run.failure_message,
    )


def _pair(rows: list[TestRecord]) -> tuple[int, int]:
    return sum(1 for r in rows if r.status == "passed"), len(rows)


def question_report(qr: QuestionRecord, qv: QuestionView, lang: Lang | None = None) -> QuestionReport:
    """One question's report, verdict included, from its recorded fold.

    ``lang`` is the language of the question's own texts (default: the interface's);
    the report's words are always the interface's.
    """
    from tui.core.verdict import explained_verdict, explanation_verdict, written_verdict

    lang = lang or language()
    answered = qv.answer.strip() != qr.starter.strip()
    hints = tuple(
        Taken(at, qr.hints[i].get(lang) if i < len(qr.hints) else t("report.hint_n", n=i + 1))
        for i, at in zip(qv.hints, qv.hint_times, strict=True)
    )
    asks = tuple(
        Taken(at, c.question.get(lang), c.answer.get(lang))
        if (c := qr.clarifications[i] if i < len(qr.clarifications) else None) is not None
        else Taken(at, t("report.question_n", n=i + 1))
        for i, at in zip(qv.asks, qv.ask_times, strict=True)
    )
    runs = tuple(_run_line(qr, run, lang) for run in qv.runs)
    final_view = qv.final_submission
    final = next((r for r in runs if final_view is not None and r.number == final_view.number), None)
    zones: list[str] = []  # ids, in the order hit
    visible = hidden = None
    feedback = qv.feedback
    if qr.is_code:
        if final_view is not None and not final_view.running:
            visible = _pair([r for r in final_view.tests if r.visible])
            hidden = _pair([r for r in final_view.tests if not r.visible])
        for row in final_view.tests if final_view is not None else ():
            # Only a wrong answer is evidence of a zone, never a timeout or a crash (checkers.verdicts).
            if row.danger and status_hits_zone(row.status) and row.danger not in zones:
                zones.append(row.danger)
        dangers = [qr.danger_title(zone, lang) for zone in zones]
        verdict = code_verdict(
            FinalRun(final.outcome, final.passed, final.total, final.cause, final.summary)
            if final is not None
            else None,
            len(qv.hints),
            dangers,
        )
        if qr.explanation is not None:
            explained = explanation_verdict(bool(qv.explanation.strip()), feedback, qv.feedback_error)
            verdict = explained_verdict(verdict, explained)
    else:
        zones = list(dict.fromkeys(str(zone) for zone in (feedback or {}).get("danger_zones_hit", ())))
        dangers = [qr.danger_title(zone, lang) for zone in zones]
        verdict = written_verdict(answered, feedback, qv.feedback_error, len(qv.hints))
        if dangers:
            verdict = Verdict(verdict.band, (*verdict.reasons, danger_text(dangers)))
    said = " ".join(verdict.reasons)
    findings = tuple(  # a finding the reasons already quote is not said twice
        t("report.finding", severity=severity_word(str(f.get("severity", ""))), title=f.get("title", ""))
        for f in (feedback or {}).get("findings", ())
        if isinstance(f, dict) and str(f.get("title", "")) not in said
    )
    return QuestionReport(
        id=qr.id,
        title=qr.title.get(lang),
        kind=qr.kind,
        is_code=qr.is_code,
        verdict=verdict,
        answered=answered,
        answer=qv.answer,
        explanation=qv.explanation if qr.explanation is not None else None,
        hints=hints,
        hints_total=len(qr.hints),
        asks=asks,
        runs=runs,
        final=final,
        finished_at=qv.finished_at,
        visible=visible,
        hidden=hidden,
        danger_zones_hit=tuple(dangers),
        zones_hit=tuple(zones),
        feedback=feedback,
        feedback_error=qv.feedback_error,
        findings=findings,
        coverage=coverage_text((feedback or {}).get("coverage")),
        editor_trips=qv.editor_trips,
    )


def round_report(rec: RoundRecord, lang: Lang | None = None) -> RoundReport:
    """One round's report: every question's, and the round's verdict once it ended."""
    lang = lang or language()
    if not rec.started:
        return RoundReport(rec.index, rec.title.get(lang), rec.minutes, 0.0, "", False, None, ())
    view = fold_round(rec, math.inf)
    questions = tuple(question_report(qr, qv, lang) for qr, qv in zip(rec.questions, view.questions, strict=True))
    verdict = round_verdict([(q.title, q.verdict) for q in questions]) if rec.ended else None
    return RoundReport(
        index=rec.index,
        title=rec.title.get(lang),
        minutes=rec.minutes,
        used=rec.elapsed,
        end_reason=rec.end,
        started=True,
        verdict=verdict,
        questions=questions,
    )


def build_report(record: SessionRecord, lang: Lang | None = None) -> Report:
    """The session's report; ``lang`` is the questions' language (default: the interface's)."""
    lang = lang or language()
    rounds = tuple(round_report(rec, lang) for rec in record.rounds)
    judged = [r.verdict for r in rounds if r.verdict is not None]
    verdict = session_verdict(judged, total=len(rounds), finished=record.status != "in_progress")
    return Report(
        title=record.title.get(lang),
        mode=record.mode,
        created=f"{record.created:%Y-%m-%d %H:%M} UTC",
        seed=record.seed,
        status=record.status,
        rounds=rounds,
        verdict=verdict,
    )


def outcome_line(report: Report) -> str:
    """What history shows as the outcome: the session's band, and where the session stands."""
    ended = sum(1 for r in report.rounds if r.verdict is not None)
    total = len(report.rounds)
    if report.status == "abandoned":
        state = t("report.state.abandoned")
    elif report.status == "in_progress":
        state = plural("report.state.in_progress", total, ended=ended)
    elif total > 1:
        state = plural("report.state.finished_rounds", total, ended=ended)
    else:
        state = t("report.state.finished")
    return f"{report.label} · {state}" if report.verdict is not None else state
