"""`mockloop stats [--json]` and `mockloop drill --next` as a person runs them, on session files in MOCKLOOP_HOME."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cli_support import run_mockloop
from session_support import drilled, save_drill

from question_bank import load_bank
from tui.core.checking import TestStatus
from tui.core.locations import schedule_file, sessions_dir

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
WEAK = {"test_no_pair": TestStatus.FAILED, "test_large_input": TestStatus.FAILED}


def ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


def weak_weak_strong() -> None:
    for days, statuses in ((3, WEAK), (2, WEAK), (1, {})):
        save_drill(sessions_dir(), drilled(ago(days), statuses))


def test_stats_show_the_trend_per_round_and_question(_isolated_home: Path) -> None:
    weak_weak_strong()
    result = run_mockloop("stats", home=_isolated_home)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "3 attempts in 3 sessions."
    (round_line,) = [line for line in lines if line.startswith("Coding Screen")]
    assert "Strong Hire  Strong Hire  ▃▃█" in round_line and "Nested loops over the whole input ×2" in round_line
    (question_line,) = [line for line in lines if line.startswith("two-sum")]
    assert "▃▃█" in question_line and "11/15 (73%)" in question_line
    assert lines[-1].startswith("Nothing is due today. Next: ")  # a shipped question never tried
    assert result.stderr == ""


def test_stats_json_is_one_document(_isolated_home: Path) -> None:
    weak_weak_strong()
    result = run_mockloop("stats", "--json", home=_isolated_home)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    (question,) = document["questions"]
    assert [p["band"] for p in question["trend"]] == ["No Hire", "No Hire", "Strong Hire"]
    assert question["due"] is not None and dt.datetime.fromisoformat(question["due"]) > NOW
    assert document["due_today"] == [] and document["next"] in document["never_tried"]


def test_stats_with_nothing_yet_and_with_a_broken_schedule(_isolated_home: Path) -> None:
    result = run_mockloop("stats", home=_isolated_home)
    assert result.returncode == 0 and result.stdout.startswith("No attempts yet.")
    weak_weak_strong()
    schedule_file().parent.mkdir(parents=True, exist_ok=True)
    schedule_file().write_bytes(b"\x00garbage")
    result = run_mockloop("stats", home=_isolated_home)
    assert result.returncode == 0 and "two-sum" in result.stdout
    assert result.stderr.strip().endswith("rebuilt from history.") and len(result.stderr.splitlines()) == 1
    assert run_mockloop("stats", home=_isolated_home).stderr == ""  # rebuilt: said once


def test_drill_next_picks_the_most_due_question(_isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.headless.progress_commands import next_question_id

    bank = load_bank()
    first_never_tried = next_question_id(bank)
    save_drill(sessions_dir(), drilled(ago(5), WEAK, question="valid-bst", source=bank))
    save_drill(sessions_dir(), drilled(ago(4), WEAK, question="lru-cache", source=bank))
    assert next_question_id(bank) == "valid-bst"  # due since four days: the most overdue
    assert first_never_tried == "mistral-motivation"  # nothing tried: the first question of the first round
    assert capsys.readouterr().err == ""


def test_drill_next_says_when_nothing_is_left(_isolated_home: Path) -> None:
    bank = load_bank()
    for question in bank:
        save_drill(sessions_dir(), drilled(ago(0.01), question=question.id, source=bank))  # every one: Strong Hire
    result = run_mockloop("drill", "--next", home=_isolated_home)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("Nothing is due today and every question has been tried; the next due is ")
    assert len(result.stderr.splitlines()) == 1
    both = run_mockloop("drill", "--next", "valid-bst", home=_isolated_home)
    assert both.returncode == 2 and both.stderr == "Give a QUESTION_ID or --next, not both.\n"


def test_done_when_weak_weak_strong_then_drill_next_starts_a_due_question(
    _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's "done when", end to end: three drills of one question (weak, weak, strong) show their trend
    in `stats`, each moves the question further out than the one before, and `drill --next` opens a due one."""
    from tui.app import DrillRoute
    from tui.cli import main
    from tui.core.history import list_sessions
    from tui.core.practice import load

    bank = load_bank()
    save_drill(sessions_dir(), drilled(ago(6), WEAK, question="lru-cache", source=bank))  # due for days now
    gaps = []
    for days, statuses in ((3, WEAK), (2, WEAK), (1, {})):
        record = drilled(ago(days), statuses, question="valid-bst", source=bank)
        save_drill(sessions_dir(), record)
        due = load(list_sessions()).schedule.due_date("valid-bst")
        assert due is not None
        gaps.append(due - (ago(days) + dt.timedelta(minutes=12)))  # from the drill's end to its next due day
    assert gaps[0] >= dt.timedelta(hours=23) and gaps[2] > gaps[1] and gaps[2] > dt.timedelta(days=2), gaps

    result = run_mockloop("stats", "--json", home=_isolated_home)
    assert result.returncode == 0, result.stderr
    (question,) = [q for q in json.loads(result.stdout)["questions"] if q["id"] == "valid-bst"]
    assert [p["band"] for p in question["trend"]] == ["No Hire", "No Hire", "Strong Hire"]
    assert dt.datetime.fromisoformat(question["due"]) > NOW  # no longer due
    text = run_mockloop("stats", home=_isolated_home).stdout
    (line,) = [row for row in text.splitlines() if row.startswith("valid-bst")]
    assert "▃▃█" in line

    opened: list[object] = []

    def run_app(**kwargs: object) -> int:
        opened.append(kwargs["route"])
        return 0

    monkeypatch.setattr("tui.app.run_app", run_app)
    assert main(["drill", "--next"]) == 0
    assert opened == [DrillRoute(question_id="lru-cache")]  # the due one, not the question just moved out
