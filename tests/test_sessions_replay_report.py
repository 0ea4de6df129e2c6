"""state_at at many times matches what was recorded; the report of a scripted session; history."""

from __future__ import annotations

import math
import os
from pathlib import Path

from session_support import scripted_onsite

from tui.core import store
from tui.core.history import INDEX_NAME, format_history, list_sessions
from tui.core.replay_state import markers, next_event, previous_event, state_at
from tui.core.report import build_report
from tui.core.report_format import format_markdown, format_text
from tui.widgets.timeline_bar import render_bar


def test_answers_at_many_times_match_what_was_typed() -> None:
    script = scripted_onsite()
    record = script.recorder.record
    points = script.checkpoints
    for i, (round_index, t, q, text) in enumerate(points):
        later = [p for p in points[i + 1 :] if p[0] == round_index and p[2] == q]
        settled = t + script.recorder.debounce + 1.0  # observed at the next tick at the latest
        if later and later[0][1] <= settled:
            continue
        assert state_at(record, round_index, settled).questions[q].answer == text
        if later:
            assert state_at(record, round_index, later[0][1] - 1e-6).questions[q].answer == text


def test_every_second_of_a_round_is_a_pure_function() -> None:
    record = scripted_onsite().recorder.record
    first = [state_at(record, 1, float(t)).questions[0].answer for t in range(200)]
    again = [state_at(record, 1, float(t)).questions[0].answer for t in range(200)]
    assert first == again and len(set(first)) >= 4


def test_runs_hints_and_clock_at_given_times() -> None:
    record = scripted_onsite().recorder.record
    run_at = next(e.t for e in record.rounds[1].events if e.kind == "run")
    result_at = next(e.t for e in record.rounds[1].events if e.kind == "result")
    during = state_at(record, 1, run_at).questions[0].last_run
    assert during is not None and during.running
    after = state_at(record, 1, result_at).questions[0].last_run
    assert after is not None and (after.passed, after.total) == (2, 3)
    assert state_at(record, 1, 0).questions[0].last_run is None
    hint_at = next(e.t for e in record.rounds[0].events if e.kind == "hint")
    assert state_at(record, 0, hint_at - 0.01).questions[0].hints == []
    assert state_at(record, 0, hint_at).questions[0].hints == [0]
    assert state_at(record, 0, 12.5).lang == "fr" and state_at(record, 0, 16).lang == "en"
    view = state_at(record, 1, 600)
    assert view.remaining == 45 * 60 - 600 and not view.ended
    end = state_at(record, 1, math.inf)
    assert end.ended and end.end_reason == "time_up" and all(q.locked for q in end.questions)


def test_markers_and_jumps() -> None:
    rec = scripted_onsite().recorder.record.rounds[1]
    kinds = [m.kind for m in markers(rec)]
    assert {"round_start", "run", "submit", "result", "hint", "ask", "time_up", "round_end"} <= set(kinds)
    first = next_event(rec, 0.0)
    assert first is not None and first > 0
    assert previous_event(rec, first) == 0.0
    assert next_event(rec, rec.length()) is None
    bar = render_bar(markers(rec), 600, rec.length(), 80).plain
    top, cursor = bar.split("\n")
    assert len(top) == 80 and top.startswith("[") and "S" in top and top.endswith("]") and cursor.endswith("▲")


def test_report_of_a_scripted_session() -> None:
    report = build_report(scripted_onsite().recorder.record)
    text = format_text(report)
    r1, r2 = report.rounds[:2]
    assert str(r1.band) == "No Hire" and r1.questions[0].hints[0].text == "Be specific."
    two_sum, brackets = r2.questions
    assert two_sum.visible == (3, 3) and two_sum.hidden == (1, 2)
    assert two_sum.danger_zones_hit == ("Nested loops over the whole input",)
    assert two_sum.final is not None and [t.name for t in two_sum.final.failing] == ["test_large_input"]
    assert two_sum.asks and two_sum.asks[0].text == "What if several pairs match?"
    assert str(two_sum.band) == "No Hire" and any("Danger zones hit" in e for e in two_sum.verdict.reasons)
    assert "submitted by the clock" in brackets.verdict.reasons[0]
    assert "Overall: No Hire (in progress)" in text and "Round 3 · System Design: not started" in text
    assert "time's up" in text and "finished early" in text


def test_markdown_escapes_what_the_candidate_wrote() -> None:
    md = format_markdown(build_report(scripted_onsite().recorder.record))
    assert md.startswith("# Mistral AI · Software Engineer\n")
    assert "| Round | Time | Band |" in md and "### Two sum (code) — No Hire" in md
    assert "<script" not in md


def test_history_lists_newest_first_and_keeps_an_index(tmp_path: Path) -> None:
    import datetime as dt

    for day in (3, 1, 2):
        record = scripted_onsite(rounds=1).recorder.record
        record.created = dt.datetime(2025, 1, day, tzinfo=dt.UTC)
        record.id = f"s{day}"
        store.save(record, tmp_path / f"s{day}.toml")
    (tmp_path / "broken.toml").write_bytes(b"format = 1\nnot toml")
    entries = list_sessions(tmp_path)
    assert [e.name for e in entries][:3] == ["s3.toml", "s2.toml", "s1.toml"]
    assert entries[-1].status == "unreadable"
    assert (tmp_path / INDEX_NAME).exists()
    lines = format_history(entries).splitlines()
    assert lines[0].startswith("2025-01-03 00:00  onsite") and "in progress (1/5 rounds)" in lines[0]
    # A stale index is refreshed for the file that changed, and deleted files vanish.
    (tmp_path / "s1.toml").unlink()
    record = store.load(tmp_path / "s2.toml")
    record.status = "finished"
    store.save(record, tmp_path / "s2.toml")
    os.utime(tmp_path / "s2.toml", ns=(1, 1))
    entries = list_sessions(tmp_path)
    assert [e.name for e in entries][:2] == ["s3.toml", "s2.toml"] and len(entries) == 3
    assert entries[1].status == "finished"
    (tmp_path / INDEX_NAME).write_text("{ not json")
    assert len(list_sessions(tmp_path)) == 3  # a broken index is rebuilt
