"""Progress over 10,000 sessions: what the Progress screen and `mockloop stats` cost, from the history index.

Goal (issue 16): 10,000 sessions in under 0.5 s, by reading the history
index (which keeps each ended round's facts) rather than every session file.

The bench writes 10,000 drill files (copies of 40 drills of ten questions,
weak to strong, spread over 200 days) and their index, as the autosave would
have left them, then times ``progress_report.collect`` (list the folder with
the index, fold the stats, bring the schedule in step) in three cases:

- warm: the schedule file is in step (the common case: Home, Progress);
- one new attempt: a session was added since (the schedule catches up);
- rebuild: no schedule file (every attempt replayed through FSRS);

against a bare ``os.scandir`` + ``stat`` of the folder. It also times
``format_text`` (the `stats` tables).

Usage: uv run python bench/stats.py [--sessions 10000]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from session_support import drilled

from question_bank import load_bank
from tui.core import history, store
from tui.core.checking import TestStatus
from tui.core.progress_report import collect, format_text

GOAL = 0.5
QUESTIONS = ("lru-cache", "valid-bst", "safe-divide", "top-k-queries", "bpe-merges", "max-concurrent-sessions")
WEAK = {"test_no_pair": TestStatus.FAILED, "test_large_input": TestStatus.FAILED}


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def populate(folder: Path, count: int) -> None:
    bank = load_bank()
    start = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    templates = []
    for i in range(40):
        statuses = WEAK if i % 3 else {}
        record = drilled(
            start + dt.timedelta(days=5 * i), statuses, question=QUESTIONS[i % len(QUESTIONS)], source=bank
        )
        path = folder / f"template-{i:02d}.toml"
        store.save(record, path)
        templates.append(path)
    table = {}
    summaries: dict[Path, history.HistoryEntry] = {}
    for n in range(count):
        template = templates[n % len(templates)]
        path = folder / f"2026-{n:06d}-drill.toml"
        shutil.copyfile(template, path)
        info = path.stat()
        if template not in summaries:  # a copy has its template's facts: read each template once
            summaries[template] = history.summarize(path, info.st_size, info.st_mtime_ns)
        entry = dataclasses.replace(summaries[template], name=path.name, mtime_ns=info.st_mtime_ns)
        table[path.name] = history._cached(entry)
    for template in templates:
        template.unlink()
    history._write_index(folder / history.INDEX_NAME, table)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="stats-bench-"))
    os.environ["MOCKLOOP_HOME"] = str(home)
    from tui.core.locations import schedule_file, sessions_dir

    folder = sessions_dir()
    try:
        populate(folder, args.sessions)
        bank = load_bank()
        now = dt.datetime.now(dt.UTC)
        first = collect(now, bank=bank)  # builds the schedule file
        assert len(first.progress.trend) == args.sessions, len(first.progress.trend)
        scan = timed(lambda: [e.stat() for e in os.scandir(folder)])
        warm = timed(lambda: collect(now, bank=bank))

        def one_new() -> None:
            extra = drilled(now - dt.timedelta(minutes=1), {}, question="lru-cache", source=bank)
            store.save(extra, folder / f"{extra.id}.toml")
            collect(now, bank=bank)

        new = timed(one_new)

        def rebuild() -> None:
            schedule_file().unlink(missing_ok=True)
            collect(now, bank=bank)

        rebuilt = timed(rebuild)
        report = collect(now, bank=bank)
        text = timed(lambda: format_text(report))
    finally:
        shutil.rmtree(home, ignore_errors=True)

    print(f"{args.sessions:,} drill sessions, medians of 5 ({os.cpu_count()} CPUs)\n")
    rows = {
        "bare scandir + stat": scan,
        "collect (schedule in step)": warm,
        "collect after one new session": new,
        "collect rebuilding the schedule": rebuilt,
        "format_text (the stats tables)": text,
    }
    for name, value in rows.items():
        print(f"{name:34} {value * 1000:8.1f} ms")
    ok = max(warm, new, rebuilt) < GOAL
    print(f"\nslowest / goal: {max(warm, new, rebuilt):.3f} s / {GOAL} s: {'goal met' if ok else 'GOAL NOT MET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
