"""A ``Report`` as plain text (``mockloop report``, the report screen) or as Markdown to share.

Both writers say each fact once, in the same order, from the same ``Report``
(the verdicts come from ``tui.core.verdict``): the session's band and its
reasons and the time used; per round its time and band; per question its
band and reasons, the tests' split, when it was finished, the hints and
clarifications with their times, every run with its failing tests (their
messages and tracebacks as preformatted text), and the final answer as
written. A finding already quoted by the reasons is not listed again.

Neither interprets what it prints. In Markdown every text from the
candidate, a question or a program is either escaped (prose) or fenced
(answers, messages), with a fence longer than any backtick run inside, so
the document renders as intended whatever it contains
(``tests/test_sessions_report.py`` parses it with markdown-it-py).
"""

from __future__ import annotations

import re

from tui.core.bank_words import kind_name
from tui.core.messages import plural, t
from tui.core.report import QuestionReport, Report, RoundReport, RunLine
from tui.core.timer import format_duration


def _pair(label: str, pair: tuple[int, int] | None) -> str:
    return f"{label} {pair[0]}/{pair[1]}" if pair is not None and pair[1] else ""


def tests_split(q: QuestionReport) -> str:
    """The final submission's visible/hidden split ("" when there was none): the reasons give the total."""
    return ", ".join(x for x in (_pair(t("report.visible"), q.visible), _pair(t("report.hidden"), q.hidden)) if x)


def run_heading(run: RunLine) -> str:
    return f"{format_duration(run.started_at)} {run.how}: {run.summary}"


def _test_heading(test_name: str, visible: bool, status: str, danger: str) -> str:
    zone = t("report.danger_zone", zone=danger) if danger else ""
    where = t("report.visible") if visible else t("report.hidden")
    word = t(f"status.{status}") if f"status.{status}" in _STATUS_KEYS else status
    return f"✗ {test_name} ({where}, {word}{zone})"


_STATUS_KEYS = frozenset(
    f"status.{s}"
    for s in (
        "passed",
        "failed",
        "error",
        "timeout",
        "memory",
        "output_limit",
        "crashed",
        "not_run",
        "queued",
        "running",
        "import_error",
    )
)


def session_line(report: Report) -> str:
    taken = sum(1 for r in report.rounds if r.started)
    if len(report.rounds) > 1:
        rounds = t("report.rounds_of", taken=taken, total=len(report.rounds))
    else:
        rounds = plural("count.round", 1)
    return t("report.time_used", used=format_duration(report.used), rounds=rounds)


# -- plain text ------------------------------------------------------------------------


def _block(text: str, indent: str) -> list[str]:
    """Preformatted text, every line kept as it is, under ``indent``."""
    return [f"{indent}{line}".rstrip() for line in text.rstrip("\n").split("\n")]


def _question_text(q: QuestionReport) -> list[str]:
    sub, deeper = " " * 6, " " * 8
    lines = [f"  • {t('report.question_line', title=q.title, kind=kind_name(q.kind), label=q.verdict.label)}"]
    lines += [f"{sub}- {reason}" for reason in q.verdict.reasons]
    if split := tests_split(q):
        lines.append(f"{sub}{t('report.tests_final', split=split)}")
    if q.finished_at is not None:
        lines.append(f"{sub}{t('report.finished_at', at=format_duration(q.finished_at))}")
    lines.append(f"{sub}{t('report.hints', taken=len(q.hints), total=q.hints_total)}")
    lines += [f"{deeper}{format_duration(h.t)} {h.text}" for h in q.hints]
    if q.asks:
        lines.append(f"{sub}{t('report.asks', count=len(q.asks))}")
        for ask in q.asks:
            lines.append(f"{deeper}{format_duration(ask.t)} {ask.text}")
            if ask.answer:
                lines.append(f"{deeper}      → {ask.answer}")
    lines += [f"{sub}{t('report.finding_line', finding=f)}" for f in q.findings]
    if q.editor_trips:
        lines.append(f"{sub}{t('report.editor_trips', count=q.editor_trips)}")
    if q.runs:
        lines.append(f"{sub}{t('report.runs', count=len(q.runs))}")
        for run in q.runs:
            lines.append(f"{deeper}{run_heading(run)}")
            for test in run.failing:
                lines.append(f"{deeper}  {_test_heading(test.name, test.visible, test.status, test.danger)}")
                if test.details:
                    lines += _block(test.details, deeper + "      ")
            if run.failure:
                lines += _block(run.failure, deeper + "      ")
    if q.answered:
        lines.append(f"{sub}{t('report.answer')}")
        lines += _block(q.answer, deeper)
    else:
        lines.append(f"{sub}{t('report.no_answer')}")
    if q.explanation is not None:
        if q.explanation.strip():
            lines.append(f"{sub}{t('report.what_was_wrong')}")
            lines += _block(q.explanation, deeper)
        else:
            lines.append(f"{sub}{t('report.not_explained')}")
    return lines


def _round_heading(r: RoundReport) -> str:
    if not r.started:
        return t("report.round_not_started", n=r.index + 1, title=r.title, label=r.label)
    return t("report.round_heading", n=r.index + 1, title=r.title, label=r.label, time=r.time_text())


def status_word(status: str) -> str:
    """A session's lifecycle (in_progress, finished, abandoned) in the interface language."""
    return t(f"session_status.{status}") if f"session_status.{status}" in _SESSION_STATUSES else status


_SESSION_STATUSES = frozenset(f"session_status.{s}" for s in ("in_progress", "finished", "abandoned"))


def _seed(report: Report) -> str:
    return t("report.seed", seed=report.seed) if report.seed is not None else ""


def format_text(report: Report) -> str:
    lines = [f"{report.title} — {t('mode.' + report.mode)}, {report.created}{_seed(report)}"]
    lines.append(t("report.overall", label=report.label, status=status_word(report.status)))
    if report.verdict is not None:
        lines += [f"  - {reason}" for reason in report.verdict.reasons]
    lines.append(session_line(report))
    for r in report.rounds:
        lines += ["", _round_heading(r)]
        if r.verdict is not None:
            lines += [f"  - {reason}" for reason in r.verdict.reasons]
        for q in r.questions:
            lines += _question_text(q)
    return "\n".join(lines) + "\n"


# -- Markdown --------------------------------------------------------------------------

_SPECIAL = set("\\`*_{}[]<>#|!~&")
_LINE_START = re.compile(r"^(?:[-+=>]|\d+[.)])")


def md(text: str) -> str:
    """Text safe inside Markdown prose, on one line: no accidental emphasis, links, lists, headings or HTML.

    Characters that mean something anywhere are escaped; those that only mean
    something at the start of a line (a list item, a quote) only there.
    """
    out = "".join("\\" + ch if ch in _SPECIAL else ch for ch in " ".join(text.split()))
    match = _LINE_START.match(out)
    if match is not None:
        end = match.end() - 1  # the character that makes it a marker: the bullet, or the dot after the number
        out = out[:end] + "\\" + out[end:]
    return out


def fence(text: str, info: str = "", indent: str = "") -> list[str]:
    """A fenced block holding ``text`` exactly: the fence is longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    marks = "`" * max(3, longest + 1)
    body = text.removesuffix("\n")
    return [
        f"{indent}{marks}{info}",
        *(f"{indent}{line}" if line else "" for line in body.split("\n")),
        f"{indent}{marks}",
    ]


def _runs_markdown(runs: tuple[RunLine, ...]) -> list[str]:
    lines = [f"- {t('report.runs', count=len(runs))}"]
    for run in runs:
        lines.append(f"  - {md(run_heading(run))}")
        for test in run.failing:
            lines.append(f"    - {md(_test_heading(test.name, test.visible, test.status, test.danger))}")
            if test.details:
                lines += ["", *fence(test.details, "text", " " * 6)]
        if run.failure:
            lines += ["", *fence(run.failure, "text", " " * 4)]
    return lines


def _question_markdown(q: QuestionReport) -> list[str]:
    lines = ["", f"### {md(q.title)} ({md(kind_name(q.kind))}) — {md(q.verdict.label)}", ""]
    lines += [f"- {md(reason)}" for reason in q.verdict.reasons]
    if split := tests_split(q):
        lines.append(f"- {md(t('report.tests_final', split=split))}")
    if q.finished_at is not None:
        lines.append(f"- {md(t('report.finished_at', at=format_duration(q.finished_at)))}")
    lines.append(f"- {md(t('report.hints', taken=len(q.hints), total=q.hints_total))}")
    lines += [f"  - {md(format_duration(h.t))} {md(h.text)}" for h in q.hints]
    if q.asks:
        lines.append(f"- {md(t('report.asks', count=len(q.asks)))}")
        for ask in q.asks:
            answer = f" → {md(ask.answer)}" if ask.answer else ""
            lines.append(f"  - {md(format_duration(ask.t))} {md(ask.text)}{answer}")
    lines += [f"- {md(t('report.finding_line', finding=f))}" for f in q.findings]
    if q.editor_trips:
        lines.append(f"- {md(t('report.editor_trips', count=q.editor_trips))}")
    if q.runs:
        lines += _runs_markdown(q.runs)
    lines.append("")
    if q.answered:
        lines += [md(t("report.answer")), "", *fence(q.answer, "python" if q.is_code else "markdown")]
    else:
        lines.append(md(t("report.no_answer")))
    if q.explanation is not None:
        if q.explanation.strip():
            lines += ["", md(t("report.what_was_wrong")), "", *fence(q.explanation, "text")]
        else:
            lines += ["", md(t("report.not_explained"))]
    return lines


def format_markdown(report: Report) -> str:
    mode = t("mode." + report.mode)
    lines = [f"# {md(report.title)}", "", md(f"{mode[:1].upper()}{mode[1:]}, {report.created}{_seed(report)}"), ""]
    overall = md(t("report.overall_md", label=report.label))
    lines.append(f"**{overall}** ({md(status_word(report.status))})")
    lines.append("")
    if report.verdict is not None and report.verdict.reasons:
        lines += [f"- {md(reason)}" for reason in report.verdict.reasons]
        lines.append("")
    head = " | ".join(md(t(f"report.column.{c}")) for c in ("round", "time", "band"))
    lines += [md(session_line(report)), "", f"| {head} |", "|---|---|---|"]
    for r in report.rounds:
        time = md(r.time_text()) if r.started else "—"
        lines.append(f"| {r.index + 1}\\. {md(r.title)} | {time} | {md(r.label)} |")
    for r in report.rounds:
        if not r.started:
            continue
        heading = md(t("report.round_md", n=r.index + 1, title=r.title, label=r.label))
        lines += ["", f"## {heading}", "", md(t("report.time", time=r.time_text()))]
        if r.verdict is not None and r.verdict.reasons:
            lines.append("")
            lines += [f"- {md(reason)}" for reason in r.verdict.reasons]
        for q in r.questions:
            lines += _question_markdown(q)
    return "\n".join(lines) + "\n"
