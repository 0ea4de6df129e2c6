"""A ``Report`` as plain text (``mockloop report``, the report screen) or as Markdown to share.

Both writers say each fact once, in the same order, from the same ``Report``
(the verdicts come from ``tui.core.verdict``): the session's band and its
reasons, then per round its time and band, then per question its band and
reasons, the result, the runs, the hints and clarifications with their times.
Neither interprets what it prints: in Markdown every text from the candidate,
a question or a program is escaped (prose) or fenced (code, answers,
tracebacks), so the document renders as intended whatever it contains.
"""

from __future__ import annotations

from tui.core.report import QuestionReport, Report, RoundReport
from tui.core.timer import format_duration


def _pair(label: str, pair: tuple[int, int] | None) -> str:
    return f"{label} {pair[0]}/{pair[1]}" if pair is not None and pair[1] else ""


def _tests(q: QuestionReport) -> str:
    return ", ".join(x for x in (_pair("visible", q.visible), _pair("hidden", q.hidden)) if x)


def _result(q: QuestionReport) -> str:
    """The one line about the result, saying nothing the reasons already say."""
    tests = _tests(q)
    text = q.result_text()
    return f"Result: {text}" + (f" ({tests})" if tests else "")


# -- plain text ------------------------------------------------------------------------


def _question_text(q: QuestionReport) -> list[str]:
    lines = [f"  • {q.title} ({q.kind}): {q.verdict.label}"]
    sub = "      "
    lines += [f"{sub}- {reason}" for reason in q.verdict.reasons]
    lines.append(f"{sub}{_result(q)}")
    if q.runs:
        runs = sum(1 for r in q.runs if r.mode == "run")
        lines.append(f"{sub}Runs: {runs}, submissions: {len(q.runs) - runs}")
    lines.append(f"{sub}Hints: {len(q.hints)} of {q.hints_total}")
    lines += [f"{sub}  {format_duration(h.t)} {h.text}" for h in q.hints]
    if q.asks:
        lines.append(f"{sub}Clarifications asked: {len(q.asks)}")
        lines += [f"{sub}  {format_duration(a.t)} {a.text}" for a in q.asks]
    lines += [f"{sub}Finding — {f}" for f in q.findings]
    if q.editor_trips:
        lines.append(f"{sub}External editor round trips: {q.editor_trips}")
    return lines


def _round_heading(r: RoundReport) -> str:
    if not r.started:
        return f"Round {r.index + 1} · {r.title}: not started"
    return f"Round {r.index + 1} · {r.title}: {r.label} · {r.time_text()}"


def format_text(report: Report) -> str:
    seed = f", seed {report.seed}" if report.seed is not None else ""
    lines = [f"{report.title} — {report.mode}, {report.created}{seed}"]
    lines.append(f"Overall: {report.label} ({report.status.replace('_', ' ')})")
    if report.verdict is not None:
        lines += [f"  - {reason}" for reason in report.verdict.reasons]
    for r in report.rounds:
        lines += ["", _round_heading(r)]
        if r.verdict is not None:
            lines += [f"  - {reason}" for reason in r.verdict.reasons]
        for q in r.questions:
            lines += _question_text(q)
    return "\n".join(lines) + "\n"


# -- Markdown --------------------------------------------------------------------------

_SPECIAL = set("\\`*_{}[]<>()#+-.!|~")


def md(text: str) -> str:
    """Text safe inside Markdown prose: no accidental emphasis, links, lists, headings or HTML."""
    out = "".join("\\" + ch if ch in _SPECIAL else ch for ch in text)
    return " ".join(out.split())


def format_markdown(report: Report) -> str:
    seed = f", seed {report.seed}" if report.seed is not None else ""
    lines = [f"# {md(report.title)}", "", md(f"{report.mode.capitalize()}, {report.created}{seed}"), ""]
    lines.append(f"**Overall: {md(report.label)}** ({md(report.status.replace('_', ' '))})")
    lines.append("")
    if report.verdict is not None:
        lines += [f"- {md(reason)}" for reason in report.verdict.reasons]
    lines += ["", "| Round | Time | Band |", "|---|---|---|"]
    for r in report.rounds:
        time = md(r.time_text()) if r.started else "—"
        lines.append(f"| {r.index + 1}\\. {md(r.title)} | {time} | {md(r.label)} |")
    for r in report.rounds:
        if not r.started:
            continue
        lines += ["", f"## Round {r.index + 1} · {md(r.title)} — {md(r.label)}", "", f"Time: {md(r.time_text())}"]
        if r.verdict is not None and r.verdict.reasons:
            lines.append("")
            lines += [f"- {md(reason)}" for reason in r.verdict.reasons]
        for q in r.questions:
            lines += ["", f"### {md(q.title)} ({md(q.kind)}) — {md(q.verdict.label)}", ""]
            lines += [f"- {md(reason)}" for reason in q.verdict.reasons]
            lines.append(f"- {md(_result(q))}")
            lines.append(f"- Hints: {len(q.hints)} of {q.hints_total}")
            lines += [f"  - {md(format_duration(h.t))} {md(h.text)}" for h in q.hints]
            if q.asks:
                lines.append(f"- Clarifications asked: {len(q.asks)}")
                lines += [f"  - {md(format_duration(a.t))} {md(a.text)}" for a in q.asks]
            lines += [f"- Finding — {md(f)}" for f in q.findings]
    return "\n".join(lines) + "\n"
