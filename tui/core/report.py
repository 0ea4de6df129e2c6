"""The report of a session: per round and question what happened, a band, and the evidence for it.

Built from the ``SessionRecord`` alone (no bank needed), so a shared file
gives the same report anywhere. The rules, also in ``docs/sessions.md``:

* a **code** question is judged on its final submission (the last one not
  cancelled; the clock's automatic one at time's up counts): not submitted or
  not importable → Strong No Hire; every test passed → Strong Hire (Hire if a
  hint was taken); at least 75 % passed with no danger zone hit → Hire (No
  Hire if two hints or more were taken); at least half → No Hire; below →
  Strong No Hire;
* a **written** question (motivation, design, behavioral) takes the text
  analyzers' band (recorded when the round ended), capped at Hire if a hint
  was taken; no answer → Strong No Hire;
* a **round** gets the mean of its questions' ranks, rounded down;
* the **session**: Strong Hire when every round is Hire or better and at
  least half are Strong Hire; Hire when no round is Strong No Hire and at
  most one is No Hire; No Hire when at most one round is Strong No Hire;
  Strong No Hire otherwise. An unfinished session says so.

Every band carries the sentences that produced it. ``format_text`` and
``format_markdown`` never interpret what they print (answers may contain
anything); the TUI renders the same ``Report``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from checkers.text.feedback import Band
from question_bank import Lang
from tui.core.recording import QuestionRecord, RoundRecord, SessionRecord
from tui.core.replay_state import QuestionView, RunView, fold_round
from tui.core.timer import format_duration


@dataclass(frozen=True, slots=True)
class TestLine:
    __test__ = False

    name: str
    status: str
    visible: bool
    danger: str  # the danger zone's title, or ""
    message: str


@dataclass(frozen=True, slots=True)
class QuestionReport:
    id: str
    title: str
    kind: str
    band: Band
    evidence: tuple[str, ...]
    answered: bool
    hints: tuple[tuple[float, str], ...]  # (round time, hint text)
    hints_total: int
    asks: tuple[tuple[float, str], ...]  # (round time, the clarification asked)
    runs: int
    submissions: int
    final: str  # one line about the final submission or the feedback
    visible: tuple[int, int] | None  # (passed, total) of the final submission's visible tests
    hidden: tuple[int, int] | None
    failing: tuple[TestLine, ...]
    danger_zones_hit: tuple[str, ...]
    feedback_reasons: tuple[str, ...] = ()
    feedback_findings: tuple[str, ...] = ()
    coverage: str = ""
    editor_trips: int = 0


@dataclass(frozen=True, slots=True)
class RoundReport:
    index: int
    title: str
    minutes: int
    used: float
    end_reason: str
    started: bool
    band: Band | None
    evidence: tuple[str, ...]
    questions: tuple[QuestionReport, ...]

    def time_text(self) -> str:
        text = f"{format_duration(self.used)} of {self.minutes:02d}:00"
        over = self.used - self.minutes * 60
        if over >= 1:
            text += f" (+{format_duration(over)} overtime)"
        if self.end_reason == "time_up":
            text += ", time's up"
        elif self.end_reason == "finished":
            text += ", finished early"
        return text


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    mode: str
    created: str
    seed: int | None
    status: str
    rounds: tuple[RoundReport, ...]
    band: Band | None
    evidence: tuple[str, ...] = field(default_factory=tuple)

    @property
    def complete(self) -> bool:
        return self.status == "finished"


# -- judging ---------------------------------------------------------------------------


def _ratio(pair: tuple[int, int]) -> float:
    return pair[0] / pair[1] if pair[1] else 0.0


def _code_band(final: RunView | None, hints: int, dangers: list[str]) -> tuple[Band, list[str]]:
    if final is None or final.running:
        return Band.STRONG_NO_HIRE, ["The answer was never submitted."]
    if final.outcome == "failed":
        return Band.STRONG_NO_HIRE, [f"The final submission does not run: {final.summary()}."]
    if final.total == 0:
        return Band.STRONG_NO_HIRE, ["No test ran on the final submission."]
    passed = (final.passed, final.total)
    how = " (submitted by the clock at time's up)" if final.automatic else ""
    evidence = [f"{final.passed} of {final.total} tests passed on the final submission{how}."]
    if dangers:
        evidence.append("Danger zones hit: " + "; ".join(dangers) + ".")
    hint_text = f"{hints} hint{'s' if hints != 1 else ''} taken."
    if final.all_passed:
        if hints:
            return Band.HIRE, [*evidence, hint_text + " A clean solve without hints would be Strong Hire."]
        return Band.STRONG_HIRE, [*evidence, "No hints taken."]
    if _ratio(passed) >= 0.75 and not dangers:
        if hints >= 2:
            return Band.NO_HIRE, [*evidence, hint_text + " Two hints or more bring a near-solve down to No Hire."]
        return Band.HIRE, evidence + ([hint_text] if hints else [])
    if _ratio(passed) >= 0.5:
        return Band.NO_HIRE, evidence + ([hint_text] if hints else [])
    return Band.STRONG_NO_HIRE, evidence + ([hint_text] if hints else [])


def _text_band(q: QuestionView, answered: bool, hints: int) -> tuple[Band, list[str]]:
    if not answered:
        return Band.STRONG_NO_HIRE, ["No answer was written."]
    feedback = q.feedback
    if not feedback:
        return Band.NO_HIRE, ["The answer could not be analysed (it does not follow the expected sections)."]
    try:
        band = Band(feedback.get("band", ""))
    except ValueError:
        return Band.NO_HIRE, ["The recorded feedback has no band."]
    evidence = [f"The analyzers rated the answer {band}: " + " ".join(str(r) for r in feedback.get("reasons", []))]
    if hints and band is Band.STRONG_HIRE:
        return Band.HIRE, [*evidence, f"{hints} hint{'s' if hints != 1 else ''} taken, which caps it at Hire."]
    if hints:
        evidence.append(f"{hints} hint{'s' if hints != 1 else ''} taken.")
    return band, evidence


def round_band(bands: list[Band]) -> Band:
    ranks = [b.rank for b in bands]
    return list(Band)[math.floor(sum(ranks) / len(ranks))]


def overall_band(bands: list[Band]) -> tuple[Band, list[str]]:
    count = {b: sum(1 for x in bands if x is b) for b in Band}
    tally = ", ".join(f"{n} {b}" for b, n in sorted(count.items(), key=lambda kv: -kv[0].rank) if n)
    if all(b.is_hire for b in bands) and count[Band.STRONG_HIRE] * 2 >= len(bands):
        return Band.STRONG_HIRE, [f"Rounds: {tally}; every round Hire or better, half or more Strong Hire."]
    if count[Band.STRONG_NO_HIRE] == 0 and count[Band.NO_HIRE] <= 1:
        return Band.HIRE, [f"Rounds: {tally}; no Strong No Hire and at most one No Hire."]
    if count[Band.STRONG_NO_HIRE] <= 1:
        return Band.NO_HIRE, [f"Rounds: {tally}; too many rounds below Hire."]
    return Band.STRONG_NO_HIRE, [f"Rounds: {tally}; two rounds or more were Strong No Hire."]


# -- building ----------------------------------------------------------------------------


def _question_report(rec: RoundRecord, qr: QuestionRecord, qv: QuestionView, lang: Lang) -> QuestionReport:
    answered = qv.answer.strip() != qr.starter.strip()
    hints = tuple(
        (t, qr.hints[i].get(lang) if i < len(qr.hints) else f"hint {i + 1}")
        for i, t in zip(qv.hints, qv.hint_times, strict=True)
    )
    asks = tuple(
        (t, qr.clarifications[i].question.get(lang) if i < len(qr.clarifications) else f"question {i + 1}")
        for i, t in zip(qv.asks, qv.ask_times, strict=True)
    )
    failing: list[TestLine] = []
    dangers: list[str] = []
    visible = hidden = None
    reasons: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    coverage = ""
    if qr.is_code:
        final = qv.final_submission
        if final is not None and not final.running:
            vis = [r for r in final.tests if r.get("visible", True)]
            hid = [r for r in final.tests if not r.get("visible", True)]
            visible = (sum(1 for r in vis if r.get("status") == "passed"), len(vis))
            hidden = (sum(1 for r in hid if r.get("status") == "passed"), len(hid))
            for row in final.tests:
                status = str(row.get("status", ""))
                if status in ("passed", "not_run"):
                    continue
                zone = str(row.get("danger", ""))
                title = qr.danger_title(zone, lang) if zone else ""
                if title and title not in dangers:
                    dangers.append(title)
                failing.append(
                    TestLine(
                        str(row["name"]), status, bool(row.get("visible", True)), title, str(row.get("message", ""))
                    )
                )
        band, evidence = _code_band(final, len(qv.hints), dangers)
        final_line = f"Final submission: {final.summary()}" if final is not None else "Never submitted."
    else:
        band, evidence = _text_band(qv, answered, len(qv.hints))
        fb: dict[str, Any] = qv.feedback or {}
        reasons = tuple(str(r) for r in fb.get("reasons", []))
        findings = tuple(
            f"{f.get('severity', '')}: {f.get('title', '')}" for f in fb.get("findings", []) if isinstance(f, dict)
        )
        for zone in fb.get("danger_zones_hit", []):
            title = qr.danger_title(str(zone), lang)
            if title not in dangers:
                dangers.append(title)
        cov = fb.get("coverage")
        if isinstance(cov, dict):
            concepts = [c for c in cov.get("concepts", []) if isinstance(c, dict)]
            covered = [c for c in concepts if c.get("matched")]
            coverage = f"{len(covered)}/{len(concepts)} rubric concepts covered"
        final_line = (
            f"Analyzer band: {fb['band']}" if fb.get("band") else ("No answer." if not answered else "Not analysed.")
        )
        if dangers:
            evidence.append("Danger zones hit: " + "; ".join(dangers) + ".")
    return QuestionReport(
        id=qr.id,
        title=qr.title.get(lang),
        kind=qr.kind,
        band=band,
        evidence=tuple(evidence),
        answered=answered,
        hints=hints,
        hints_total=len(qr.hints),
        asks=asks,
        runs=sum(1 for r in qv.runs if r.mode == "run"),
        submissions=sum(1 for r in qv.runs if r.mode == "submit"),
        final=final_line,
        visible=visible,
        hidden=hidden,
        failing=tuple(failing),
        danger_zones_hit=tuple(dangers),
        feedback_reasons=reasons,
        feedback_findings=findings,
        coverage=coverage,
        editor_trips=qv.editor_trips,
    )


def build_report(record: SessionRecord, lang: Lang = "en") -> Report:
    rounds: list[RoundReport] = []
    for rec in record.rounds:
        if not rec.started:
            rounds.append(RoundReport(rec.index, rec.title.get(lang), rec.minutes, 0.0, "", False, None, (), ()))
            continue
        view = fold_round(rec, math.inf)
        questions = tuple(
            _question_report(rec, qr, qv, lang) for qr, qv in zip(rec.questions, view.questions, strict=True)
        )
        band = round_band([q.band for q in questions]) if rec.ended else None
        evidence = tuple(f"{q.title}: {q.band}" for q in questions) if rec.ended else ("The round was not finished.",)
        rounds.append(
            RoundReport(
                index=rec.index,
                title=rec.title.get(lang),
                minutes=rec.minutes,
                used=rec.elapsed,
                end_reason=rec.end,
                started=True,
                band=band,
                evidence=evidence,
                questions=questions,
            )
        )
    judged = [r.band for r in rounds if r.band is not None]
    band, overall_evidence = overall_band(judged) if judged else (None, ["No round was finished."])
    if judged and record.status != "finished":
        overall_evidence.append(
            f"Only {len(judged)} of {len(record.rounds)} rounds were finished; the band covers those."
        )
    return Report(
        title=record.title.get(lang),
        mode=record.mode,
        created=f"{record.created:%Y-%m-%d %H:%M} UTC",
        seed=record.seed,
        status=record.status,
        rounds=tuple(rounds),
        band=band,
        evidence=tuple(overall_evidence),
    )


def outcome_line(report: Report) -> str:
    """What history shows as the outcome: the band, and how far the session went."""
    finished = sum(1 for r in report.rounds if r.band is not None)
    total = len(report.rounds)
    if report.status == "abandoned":
        state = "abandoned"
    elif report.status != "finished":
        state = f"in progress ({finished}/{total} rounds)"
    else:
        state = f"{finished}/{total} rounds" if total > 1 else "finished"
    return f"{report.band} · {state}" if report.band is not None else state


# -- formatting --------------------------------------------------------------------------


def _mmss(t: float) -> str:
    return format_duration(t)


def _pair(label: str, pair: tuple[int, int] | None) -> str:
    return f"{label} {pair[0]}/{pair[1]}" if pair is not None and pair[1] else ""


def _question_lines(q: QuestionReport, bullet: str, indent: str) -> list[str]:
    lines = [f"{indent}{bullet}{q.title} ({q.kind}): {q.band}"]
    sub = indent + "    "
    lines += [f"{sub}- {e}" for e in q.evidence]
    tests = ", ".join(x for x in (_pair("visible", q.visible), _pair("hidden", q.hidden)) if x)
    lines.append(f"{sub}{q.final}" + (f" ({tests})" if tests else ""))
    if q.runs or q.submissions:
        lines.append(f"{sub}Runs: {q.runs}, submissions: {q.submissions}")
    for test in q.failing:
        where = "visible" if test.visible else "hidden"
        zone = f" [danger zone: {test.danger}]" if test.danger else ""
        message = f": {test.message}" if test.message else ""
        lines.append(f"{sub}✗ {test.name} ({where}, {test.status}){zone}{message}")
    lines.append(
        f"{sub}Hints: {len(q.hints)} of {q.hints_total}" + "".join(f"\n{sub}  {_mmss(t)} {h}" for t, h in q.hints)
    )
    if q.asks:
        lines.append(
            f"{sub}Clarifications asked: {len(q.asks)}" + "".join(f"\n{sub}  {_mmss(t)} {a}" for t, a in q.asks)
        )
    if q.coverage:
        lines.append(f"{sub}Rubric: {q.coverage}")
    lines += [f"{sub}Finding — {f}" for f in q.feedback_findings]
    if q.danger_zones_hit:
        lines.append(f"{sub}Danger zones hit: " + "; ".join(q.danger_zones_hit))
    if q.editor_trips:
        lines.append(f"{sub}External editor round trips: {q.editor_trips}")
    return lines


def format_text(report: Report) -> str:
    lines = [
        f"{report.title} — {report.mode}, {report.created}"
        + (f", seed {report.seed}" if report.seed is not None else "")
    ]
    lines.append(f"Overall: {report.band or 'not judged'}" + ("" if report.complete else " (incomplete)"))
    lines += [f"  - {e}" for e in report.evidence]
    for r in report.rounds:
        lines.append("")
        if not r.started:
            lines.append(f"Round {r.index + 1} · {r.title}: not started")
            continue
        lines.append(f"Round {r.index + 1} · {r.title}: {r.band or 'unfinished'} · {r.time_text()}")
        for q in r.questions:
            lines += _question_lines(q, "• ", "  ")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text safe inside Markdown prose: no accidental emphasis, links or HTML."""
    out = []
    for ch in text:
        if ch in "\\`*_{}[]<>#|!":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out).replace("\n", " ")


def format_markdown(report: Report) -> str:
    lines = [f"# {_md(report.title)}", ""]
    meta = f"{report.mode.capitalize()}, {report.created}" + (
        f", seed {report.seed}" if report.seed is not None else ""
    )
    lines += [meta, ""]
    lines.append(f"**Overall: {report.band or 'not judged'}**" + ("" if report.complete else " (incomplete)"))
    lines.append("")
    lines += [f"- {_md(e)}" for e in report.evidence]
    lines += ["", "| Round | Time | Band |", "|---|---|---|"]
    for r in report.rounds:
        band = str(r.band) if r.band else ("not started" if not r.started else "unfinished")
        lines.append(f"| {r.index + 1}. {_md(r.title)} | {r.time_text() if r.started else '—'} | {band} |")
    for r in report.rounds:
        if not r.started:
            continue
        lines += [
            "",
            f"## Round {r.index + 1} · {_md(r.title)} — {r.band or 'unfinished'}",
            "",
            f"Time: {r.time_text()}",
        ]
        for q in r.questions:
            lines += ["", f"### {_md(q.title)} ({q.kind}) — {q.band}", ""]
            lines += [f"- {_md(e)}" for e in q.evidence]
            tests = ", ".join(x for x in (_pair("visible", q.visible), _pair("hidden", q.hidden)) if x)
            lines.append(f"- {_md(q.final)}" + (f" ({tests})" if tests else ""))
            if q.runs or q.submissions:
                lines.append(f"- Runs: {q.runs}, submissions: {q.submissions}")
            for test in q.failing:
                where = "visible" if test.visible else "hidden"
                zone = f", danger zone: {_md(test.danger)}" if test.danger else ""
                message = f": {_md(test.message)}" if test.message else ""
                lines.append(f"- ✗ `{test.name.replace('`', '')}` ({where}, {test.status}{zone}){message}")
            lines.append(f"- Hints: {len(q.hints)} of {q.hints_total}")
            lines += [f"  - {_mmss(t)} {_md(h)}" for t, h in q.hints]
            if q.asks:
                lines.append(f"- Clarifications asked: {len(q.asks)}")
                lines += [f"  - {_mmss(t)} {_md(a)}" for t, a in q.asks]
            if q.coverage:
                lines.append(f"- Rubric: {q.coverage}")
            lines += [f"- Finding — {_md(f)}" for f in q.feedback_findings]
            if q.danger_zones_hit:
                lines.append("- Danger zones hit: " + "; ".join(_md(z) for z in q.danger_zones_hit))
    return "\n".join(lines) + "\n"
