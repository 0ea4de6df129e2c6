"""Progress from the history index alone (tui/core/stats.py, tui/core/progress_facts.py), on fixed datetimes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from session_support import drilled, save_drill, scripted_onsite

from tui.core import history, store
from tui.core.checking import TestStatus
from tui.core.history import list_sessions
from tui.core.stats import progress
from tui.core.verdict import Band

DAY0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
#: Two tests fail, one of them the danger zone's: 3/5 passed, No Hire.
WEAK = {"test_no_pair": TestStatus.FAILED, "test_large_input": TestStatus.FAILED}


def days(n: float) -> dt.datetime:
    return DAY0 + dt.timedelta(days=n)


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    return folder


def test_weak_weak_strong_drills_show_the_trend_per_question_and_per_round(sessions: Path) -> None:
    save_drill(sessions, drilled(days(0), WEAK, minutes=15, hints=1))
    save_drill(sessions, drilled(days(1), WEAK, minutes=14))
    save_drill(sessions, drilled(days(2), minutes=10))
    result = progress(list_sessions(sessions), round_titles={"coding-screen": "Coding Screen"})

    assert result.sessions == 3 and [p.band for p in result.trend] == [Band.NO_HIRE, Band.NO_HIRE, Band.STRONG_HIRE]
    (question,) = result.questions
    assert (question.id, question.title, question.round) == ("two-sum", "Two sum", "coding-screen")
    assert question.attempts == 3 and question.last is Band.STRONG_HIRE and question.best is Band.STRONG_HIRE
    assert [p.at for p in question.trend] == [days(0) + dt.timedelta(minutes=m) for m in (15, 24 * 60 + 14)] + [
        days(2) + dt.timedelta(minutes=10)
    ]
    assert question.time is not None and (question.time.used, question.time.suggested) == (39 * 60, 3 * 20 * 60)
    assert question.last_time == (600.0, 1200.0)  # the fixture's two-sum suggests 20 minutes
    assert question.tests is not None and (question.tests.passed, question.tests.total) == (11, 15)
    assert question.last_tests == (5, 5) and question.hints == 1
    assert [(z.id, z.title, z.hits) for z in question.zones] == [("quadratic", "Nested loops over the whole input", 2)]
    (round_,) = result.rounds
    assert (round_.id, round_.title, round_.attempts, round_.last) == (
        "coding-screen",
        "Coding Screen",
        3,
        Band.STRONG_HIRE,
    )
    assert round_.zones == question.zones and round_.tests == question.tests


def test_an_onsite_counts_its_ended_rounds_and_names_them(sessions: Path) -> None:
    record = scripted_onsite().recorder.record  # recruiter screen finished early; coding screen at time's up
    store.save(record, sessions / f"{record.id}.toml")
    result = progress(list_sessions(sessions))
    assert [(r.id, r.title, r.attempts) for r in result.rounds] == [
        ("recruiter-screen", "Recruiter Screen", 1),
        ("coding-screen", "Coding Screen", 1),
    ]
    recruiter, coding = result.rounds
    assert coding.time is not None and coding.time.share == 1.0  # the whole 45 minutes
    assert recruiter.time is not None and recruiter.time.used == 16.0
    by_id = {q.id: q for q in result.questions}
    assert set(by_id) == {"why-us", "two-sum", "balanced-brackets"}
    assert by_id["why-us"].time is not None  # alone in its round: its time is the round's
    assert by_id["two-sum"].time is None  # shares its round: no time of its own
    assert [q.round for q in result.questions] == ["recruiter-screen", "coding-screen", "coding-screen"]


def test_discarded_sessions_and_rounds_not_ended_are_not_practice(sessions: Path) -> None:
    discarded = drilled(days(0))
    discarded.status = "abandoned"
    save_drill(sessions, discarded)
    unfinished = scripted_onsite(rounds=1).recorder.record  # round 1 ended; the session goes on
    store.save(unfinished, sessions / f"{unfinished.id}.toml")
    result = progress(list_sessions(sessions))
    assert [q.id for q in result.questions] == ["why-us"] and result.sessions == 1


def test_stats_read_the_index_not_the_session_files(sessions: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_drill(sessions, drilled(days(0), WEAK))
    save_drill(sessions, drilled(days(1)))
    first = progress(list_sessions(sessions))

    def no_reading(*_: object) -> None:
        raise AssertionError("a session file was read")

    monkeypatch.setattr(history, "load", no_reading)
    monkeypatch.setattr(history, "summarize", no_reading)
    assert progress(list_sessions(sessions)) == first


def test_an_older_index_is_rebuilt_with_the_facts(sessions: Path) -> None:
    save_drill(sessions, drilled(days(0)))
    list_sessions(sessions)
    index = sessions / history.INDEX_NAME
    data = json.loads(index.read_text())
    for entry in data["entries"].values():
        del entry["facts"]
    index.write_text(json.dumps({**data, "version": 2}))
    assert progress(list_sessions(sessions)).questions[0].attempts == 1
    assert json.loads(index.read_text())["version"] == history.INDEX_VERSION


def test_a_damaged_cached_fact_reads_the_file_again(sessions: Path) -> None:
    save_drill(sessions, drilled(days(0)))
    list_sessions(sessions)
    index = sessions / history.INDEX_NAME
    data = json.loads(index.read_text())
    (entry,) = data["entries"].values()
    entry["facts"][0]["questions"][0]["band"] = "Maybe Hire"
    index.write_text(json.dumps(data))
    assert progress(list_sessions(sessions)).questions[0].last is Band.STRONG_HIRE


def test_the_json_document_says_everything_the_tables_show(sessions: Path) -> None:
    save_drill(sessions, drilled(days(0), WEAK))
    due = {"two-sum": days(1)}
    document = json.loads(json.dumps(progress(list_sessions(sessions), due=due).to_dict()))
    (question,) = document["questions"]
    assert question["id"] == "two-sum" and question["last"] == "No Hire" and question["due"] == days(1).isoformat()
    assert question["danger_zones"] == [{"id": "quadratic", "title": "Nested loops over the whole input", "hits": 1}]
    assert question["tests"] == {"passed": 3, "total": 5, "submissions": 1}
    assert document["rounds"][0]["title"] == "Coding screen"  # no title known: from the id
    assert document["attempts"] == 1


def test_no_sessions_no_progress(sessions: Path) -> None:
    result = progress(list_sessions(sessions))
    assert result.rounds == () and result.questions == () and result.sessions == 0
