"""Progress as the screen and ``mockloop stats`` show it: the stats, the schedule, and their words.

``gather`` puts together what both views show (the stats of
``tui.core.stats``, the schedule of ``tui.core.practice`` in step with the
same history, what is due today, what comes next, the questions never
tried); the ``*_text`` helpers are the words of every cell, so the screen's
tables and the command's lines say the same thing; ``format_text`` is the
command's plain-text output.

Bands on a trend are drawn low to high, ``▁ ▃ ▅ █`` for Strong No Hire, No
Hire, Hire and Strong Hire. Dates are local (what "due today" means,
``practice.horizon``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from question_bank import ROUND_IDS, Bank
from tui.core import practice as practice_schedule
from tui.core.history import HistoryEntry, list_sessions
from tui.core.messages import language, plural, t
from tui.core.practice import Practice, due_today, horizon, next_question
from tui.core.stats import Point, Progress, TestsFigure, TimeFigure, ZoneCount, progress
from tui.core.timer import format_duration
from tui.core.verdict import Band, band_label

DEFAULT_LOOP = "mistral-swe"
GLYPHS = {Band.STRONG_NO_HIRE: "▁", Band.NO_HIRE: "▃", Band.HIRE: "▅", Band.STRONG_HIRE: "█"}
NONE = "—"


def bank_order(bank: Bank) -> list[str]:
    """The bank's question ids in interview order (by round, then id): who comes first among the never tried."""
    order = {round_id: i for i, round_id in enumerate(ROUND_IDS)}
    return [q.id for q in sorted(bank, key=lambda q: (order.get(q.round, len(order)), q.id))]


@dataclass(frozen=True, slots=True)
class ProgressReport:
    progress: Progress
    practice: Practice
    now: dt.datetime
    due: tuple[tuple[str, dt.datetime], ...]  # due by the end of today, most overdue first
    next_up: str | None  # what `mockloop drill --next` starts
    never_tried: tuple[str, ...]  # bank questions with no attempt yet, in bank order
    titles: dict[str, str]  # question id → title (as recorded, else the bank's)

    @property
    def problem(self) -> str | None:
        """The schedule file was broken and rebuilt: the one sentence to show."""
        return self.practice.problem

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.progress.to_dict(),
            "due_today": [{"id": q, "due": when.isoformat()} for q, when in self.due],
            "next": self.next_up,
            "never_tried": list(self.never_tried),
        }


def gather(
    entries: Sequence[HistoryEntry],
    practice: Practice,
    now: dt.datetime,
    *,
    bank: Bank | None = None,
) -> ProgressReport:
    """Everything Progress shows, from history's ``entries`` and the ``practice`` schedule in step with them."""
    schedule = practice.schedule
    due_dates = {q: card.due for q, card in schedule.cards.items()}
    titles_of_rounds = bank.round_titles(DEFAULT_LOOP, language()) if bank is not None else {}
    stats = progress(entries, round_titles=titles_of_rounds, due=due_dates)
    ids = bank_order(bank) if bank is not None else []
    titles = {q.id: q.title.get(language()) for q in bank} if bank is not None else {}
    titles |= {q.id: q.title for q in stats.questions}
    return ProgressReport(
        progress=stats,
        practice=practice,
        now=now,
        due=tuple(due_today(schedule, now)),
        next_up=next_question(schedule, now, ids),
        never_tried=tuple(q for q in ids if q not in schedule.cards),
        titles=titles,
    )


def collect(now: dt.datetime, *, bank: Bank | None = None) -> ProgressReport:
    """``gather`` over the whole history (``OSError`` when the sessions folder cannot be listed)."""
    entries = list_sessions()
    return gather(entries, practice_schedule.load(entries), now, bank=bank)


# -- the words of each cell ------------------------------------------------------------


def band_text(band: Band | None) -> str:
    return NONE if band is None else band_label(band)


def trend_text(points: Sequence[Point], limit: int = 12) -> str:
    """The last ``limit`` bands, oldest first, as bars (``▁▃▅█``)."""
    return "".join(GLYPHS[p.band] for p in points[-limit:]) or NONE


def time_text(time: TimeFigure | None) -> str:
    """The mean time used of the mean time suggested: ``13:00 of 20:00 (65%)``."""
    if time is None or not time.count:
        return NONE
    used, suggested = time.used / time.count, time.suggested / time.count
    return t(
        "progress.time_of", used=format_duration(used), suggested=format_duration(suggested), share=percent(time.share)
    )


def tests_text(tests: TestsFigure | None) -> str:
    return NONE if tests is None else f"{tests.passed}/{tests.total} ({percent(tests.share)})"


def percent(share: float) -> str:
    """``0.65`` as ``65%`` (``65 %`` in French)."""
    return t("progress.percent", n=round(100 * share))


def zones_text(zones: Sequence[ZoneCount], limit: int = 2) -> str:
    """The zones hit most, with their titles: ``Nested loops over the whole input ×2``."""
    return "; ".join(f"{z.title} ×{z.hits}" for z in zones[:limit]) or NONE


def due_text(due: dt.datetime | None, now: dt.datetime) -> str:
    """When a question is due, in days of the local calendar: ``today``, ``in 3 days``, ``2 days overdue``."""
    if due is None:
        return NONE
    days = (due.astimezone().date() - now.astimezone().date()).days
    if due <= horizon(now):
        return t("progress.due.today") if days >= 0 else plural("progress.due.overdue", -days)
    return t("progress.due.tomorrow") if days == 1 else plural("progress.due.in", days)


# -- the command's text ------------------------------------------------------------------


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(header[i]), *(len(row[i]) for row in rows)) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(header, widths, strict=True)).rstrip()]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return lines


#: The tables' columns, as catalogue keys (``progress.column.<key>``: ``header`` says them).
ROUND_HEADER = ("round", "attempts", "last", "best", "trend", "time", "tests_submit", "hints", "zones")
QUESTION_HEADER = (
    "question",
    "attempts",
    "last",
    "best",
    "trend",
    "due",  # before the figures: what to do next stays in sight on an 80-column screen
    "time",
    "tests",
    "hints",
    "zones",
)


def header(columns: Sequence[str]) -> tuple[str, ...]:
    """The columns' headings in the interface language."""
    return tuple(t(f"progress.column.{column}") for column in columns)


def round_rows(report: ProgressReport) -> list[tuple[str, ...]]:
    return [
        (
            r.title,
            str(r.attempts),
            band_text(r.last),
            band_text(r.best),
            trend_text(r.trend),
            time_text(r.time),
            tests_text(r.tests),
            str(r.hints),
            zones_text(r.zones),
        )
        for r in report.progress.rounds
    ]


def question_rows(report: ProgressReport) -> list[tuple[str, ...]]:
    return [
        (
            q.id,
            str(q.attempts),
            band_text(q.last),
            band_text(q.best),
            trend_text(q.trend),
            due_text(q.due, report.now),
            time_text(q.time),
            tests_text(q.tests),
            str(q.hints),
            zones_text(q.zones),
        )
        for q in report.progress.questions
    ]


def summary_line(report: ProgressReport) -> str:
    stats = report.progress
    attempts = len(stats.trend)
    return t(
        "progress.summary",
        attempts=plural("count.attempt", attempts),
        sessions=plural("count.session", stats.sessions),
    )


def next_line(report: ProgressReport, how: str = "`mockloop drill --next`") -> str:
    """What to drill next, as Progress and ``stats`` say it (``how``: the way to start it)."""
    due = len(report.due)
    if report.next_up is None:
        return t("home.due.nothing")
    head = t("progress.due_count", questions=plural("count.question", due)) if due else t("progress.nothing_due")
    why = "" if due else t("progress.never_tried")
    return t("progress.next", head=head, id=report.next_up, why=why, how=how)


def format_text(report: ProgressReport) -> str:
    """``mockloop stats``: the per-round table, the per-question table, what comes next."""
    if not report.progress.trend:
        return t("progress.none_cli") + "\n"
    lines = [summary_line(report), "", *_table(header(ROUND_HEADER), round_rows(report)), ""]
    lines += [*_table(header(QUESTION_HEADER), question_rows(report)), ""]
    legend = "  ".join(f"{GLYPHS[band]} {band_label(band)}" for band in Band)
    lines.append(t("progress.legend", legend=legend))
    lines.append(next_line(report))
    return "\n".join(lines) + "\n"
