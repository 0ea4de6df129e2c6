"""The practice schedule kept in step with history (tui/core/practice.py), on fixed datetimes."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from session_support import drilled, save_drill

from tui.core import practice
from tui.core.checking import TestStatus
from tui.core.history import list_sessions
from tui.core.practice_schedule import Schedule

DAY0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
WEAK = {"test_no_pair": TestStatus.FAILED, "test_large_input": TestStatus.FAILED}


def days(n: float) -> dt.datetime:
    return DAY0 + dt.timedelta(days=n)


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    return folder


@pytest.fixture
def schedule_file(tmp_path: Path) -> Path:
    return tmp_path / "schedule.json"


def test_weak_weak_strong_moves_the_question_further_out(sessions: Path, schedule_file: Path) -> None:
    gaps = []
    for day, statuses in ((0, WEAK), (1, WEAK), (2, {})):
        record = drilled(days(day), statuses)
        save_drill(sessions, record)
        due = practice.load(list_sessions(sessions), schedule_file).schedule.due_date("two-sum")
        assert due is not None
        gaps.append(due - record.rounds[0].elapsed * dt.timedelta(seconds=1) - days(day))
    assert gaps[2] > gaps[1] >= dt.timedelta(hours=23), gaps
    assert (
        Schedule.load(schedule_file).to_json()
        == Schedule.rebuild(practice.attempts_of(list_sessions(sessions))).to_json()
    )


def test_noting_each_finished_attempt_gives_the_rebuilt_schedule(sessions: Path, schedule_file: Path) -> None:
    practice.load([], schedule_file)  # an empty schedule on disk
    for day, statuses in ((0, WEAK), (1, {}), (3, WEAK)):
        path = save_drill(sessions, drilled(days(day), statuses))
        (entry,) = [e for e in list_sessions(sessions) if e.path == path]
        practice.note(entry, schedule_file)
        practice.note(entry, schedule_file)  # twice: the same attempt is not reviewed again
    rebuilt = Schedule.rebuild(practice.attempts_of(list_sessions(sessions)))
    assert Schedule.load(schedule_file).to_json() == rebuilt.to_json()
    before = schedule_file.stat().st_mtime_ns
    assert practice.load(list_sessions(sessions), schedule_file).problem is None
    assert schedule_file.stat().st_mtime_ns == before  # in step already: not written again


def test_a_corrupted_file_is_one_sentence_and_rebuilt(sessions: Path, schedule_file: Path) -> None:
    save_drill(sessions, drilled(days(0), WEAK))
    schedule_file.write_text("{not json")
    loaded = practice.load(list_sessions(sessions), schedule_file)
    assert loaded.problem is not None and str(schedule_file) in loaded.problem
    assert loaded.problem.endswith("rebuilt from history.") and "\n" not in loaded.problem
    assert loaded.schedule.due_date("two-sum") is not None
    assert practice.load(list_sessions(sessions), schedule_file).problem is None  # the rebuilt file reads


def test_a_missing_file_is_rebuilt_silently(sessions: Path, schedule_file: Path) -> None:
    save_drill(sessions, drilled(days(0)))
    loaded = practice.load(list_sessions(sessions), schedule_file)
    assert loaded.problem is None and schedule_file.is_file()
    assert set(Schedule.load(schedule_file).cards) == {"two-sum"}


def test_noting_leaves_a_missing_or_broken_file_to_the_next_load(sessions: Path, schedule_file: Path) -> None:
    save_drill(sessions, drilled(days(0)))
    (entry,) = list_sessions(sessions)
    practice.note(entry, schedule_file)
    assert not schedule_file.exists()
    schedule_file.write_text("[]")
    practice.note(entry, schedule_file)
    assert schedule_file.read_text() == "[]"


def test_an_older_session_or_a_deleted_one_rebuilds(sessions: Path, schedule_file: Path) -> None:
    save_drill(sessions, drilled(days(5)))
    practice.load(list_sessions(sessions), schedule_file)
    older = save_drill(sessions, drilled(days(1), WEAK))  # copied in from another machine, say
    loaded = practice.load(list_sessions(sessions), schedule_file)
    expected = Schedule.rebuild(practice.attempts_of(list_sessions(sessions)))
    assert loaded.schedule.to_json() == expected.to_json() and len(loaded.schedule.seen) == 2
    os.unlink(older)
    loaded = practice.load(list_sessions(sessions), schedule_file)
    assert len(loaded.schedule.seen) == 1
    assert loaded.schedule.to_json() == Schedule.rebuild(practice.attempts_of(list_sessions(sessions))).to_json()


def test_next_is_the_most_due_then_the_first_never_tried_then_nothing(sessions: Path, schedule_file: Path) -> None:
    save_drill(sessions, drilled(days(0), WEAK))
    save_drill(sessions, drilled(days(0), question="balanced-brackets"))
    schedule = practice.load(list_sessions(sessions), schedule_file).schedule
    bank = ["balanced-brackets", "two-sum", "merge-intervals"]
    assert practice.next_question(schedule, days(0), bank) == "merge-intervals"  # nothing due yet today
    assert [q for q, _ in practice.due_today(schedule, days(1))] == ["two-sum"]  # No Hire: due the next day
    assert practice.next_question(schedule, days(1), bank) == "two-sum"
    assert practice.next_question(schedule, days(0), bank[:2]) is None


def test_due_today_means_by_the_end_of_the_local_day() -> None:
    now = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
    end = practice.horizon(now)
    local = end.astimezone()
    assert (local.hour, local.minute) == (23, 59) and local.date() == now.astimezone().date()
