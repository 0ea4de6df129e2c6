"""`mockloop stats [--json]` and the choice behind `mockloop drill --next`.

Plain text out (never markup), exit codes scripts rely on: 0 done, 2 when
there is nothing to do or the data cannot be read, with one sentence on
stderr. A schedule file that was broken (and rebuilt from history) is one
sentence on stderr too; the command still does its job.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TextIO

from question_bank import Bank
from tui.core.messages import t
from tui.core.progress_report import ProgressReport


def _collect(bank: Bank | None) -> ProgressReport | None:
    from tui.core.progress_report import collect

    try:
        report = collect(dt.datetime.now(dt.UTC), bank=bank)
    except OSError as exc:
        from tui.core.locations import sessions_dir

        print(
            t("cli.sessions.cannot_list", folder=sessions_dir(create=False), reason=exc.strerror or exc),
            file=sys.stderr,
        )
        return None
    if report.problem is not None:
        print(report.problem, file=sys.stderr)
    return report


def _bank() -> Bank | None:
    """The shipped bank (titles, the questions never tried), or None after saying why it cannot be loaded."""
    from question_bank import BankError, load_bank

    try:
        return load_bank()
    except BankError as exc:
        print(t("cli.check.bank", reason=exc), file=sys.stderr)
        return None


def run_stats(*, as_json: bool, out: TextIO = sys.stdout) -> int:
    """`mockloop stats`: the per-round and per-question tables (or one JSON document)."""
    from tui.core.progress_report import format_text

    bank = _bank()
    report = _collect(bank) if bank is not None else None
    if report is None:
        return 2
    if as_json:
        out.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(format_text(report))
    return 0


def next_question_id(bank: Bank) -> str | None:
    """The question `mockloop drill --next` starts, or None after saying why there is none (exit 2)."""
    from tui.core.progress_report import due_text

    report = _collect(bank)
    if report is None:
        return None
    if report.next_up is None:
        cards = report.practice.schedule.cards
        soonest = min(cards.items(), key=lambda kv: kv[1].due, default=None)
        if soonest is None:
            print(t("progress.cli.empty_bank"), file=sys.stderr)
        else:
            when = due_text(soonest[1].due, report.now)
            print(t("progress.cli.next_due", id=soonest[0], when=when), file=sys.stderr)
        return None
    return report.next_up
