"""One event model: the session announces typed events as they happen; the recorder appends them at once."""

from __future__ import annotations

import math

from conftest import TWO_SUM_TESTS
from session_support import bank, fixed_now

from tui.core import store
from tui.core.checking import RunCause, RunMode, TestStatus
from tui.core.clock import FakeClock
from tui.core.events import (
    Clarify,
    Edit,
    Finish,
    Hint,
    LangSwitch,
    Pause,
    Resume,
    RoundEnd,
    RoundStart,
    RunResult,
    RunStart,
    Unpause,
)
from tui.core.fakes import scripted_run
from tui.core.recorder import Recorder
from tui.core.replay_state import state_at
from tui.core.resume import restore
from tui.core.session import Session


def drill(question: str = "two-sum") -> tuple[Session, Recorder, FakeClock]:
    clock = FakeClock(100.0)
    session = Session.drill(bank().question(question), clock)
    return session, Recorder(session, now=fixed_now, feedback=None), clock


def kinds(recorder: Recorder) -> list[type]:
    return [type(e) for e in recorder.record.rounds[0].events]


def test_events_before_the_recorder_attaches_are_held_not_lost() -> None:
    _session, recorder, _ = drill()  # the drill's round started in its constructor
    assert kinds(recorder) == [RoundStart] and recorder.record.rounds[0].started


def test_each_action_is_recorded_when_it_happens_without_a_flush() -> None:
    session, recorder, clock = drill()
    state = session.current
    attempt = state.attempts[0]
    clock.advance(10)
    attempt.reveal_hint(state.at())
    assert kinds(recorder)[-1] is Hint and recorder.urgent
    attempt.ask(1, state.at())
    assert kinds(recorder)[-1] is Clarify
    clock.advance(5)
    state.pause()
    assert kinds(recorder)[-1] is Pause and recorder.record.rounds[0].paused
    state.unpause()
    session.toggle_lang()
    assert kinds(recorder)[-2:] == [Unpause, LangSwitch]
    run = attempt.begin_run(RunMode.RUN, state.at())
    assert kinds(recorder)[-1] is RunStart
    for event in scripted_run([t for t in TWO_SUM_TESTS if t.visible], {"test_no_pair": TestStatus.FAILED}):
        run.apply(event, state.at())
    result = recorder.record.rounds[0].events[-1]
    assert isinstance(result, RunResult) and (result.outcome, len(result.tests)) == ("finished", 3)
    assert [r.status for r in result.tests].count("failed") == 1


def test_typing_becomes_debounced_edits_flushed_before_the_next_event() -> None:
    session, recorder, clock = drill()
    state, attempt = session.current, session.current.attempts[0]
    start = attempt.answer
    clock.advance(2)
    attempt.set_answer(start + "a")  # more than a second since the last edit: written at once
    clock.advance(0.2)
    attempt.set_answer(start + "ab")  # within the debounce: held
    clock.advance(0.2)
    attempt.set_answer(start + "abc")
    assert kinds(recorder).count(Edit) == 1
    attempt.begin_run(RunMode.SUBMIT, state.at())  # the run's source is recorded before the run
    events = recorder.record.rounds[0].events
    assert [type(e) for e in events[-2:]] == [Edit, RunStart]
    assert state_at(recorder.record, 0, events[-1].t).questions[0].answer == start + "abc"


def test_finishing_early_records_the_finish_the_end_and_the_cause_of_the_submission() -> None:
    session, recorder, clock = drill()
    clock.advance(30)
    to_submit = session.finish_question(0)
    (attempt,) = to_submit
    attempt.begin_run(RunMode.SUBMIT, session.current.at(), cause=RunCause.FINISH)
    events = recorder.record.rounds[0].events
    assert [type(e) for e in events[-3:]] == [Finish, RoundEnd, RunStart]
    start = events[-1]
    assert isinstance(start, RunStart) and start.cause == "finish"
    assert recorder.record.status == "finished" and recorder.record.rounds[0].end == "finished"


def test_a_resumed_record_is_continued_never_recorded_twice() -> None:
    session, recorder, clock = drill()
    state, attempt = session.current, session.current.attempts[0]
    clock.advance(40)
    attempt.set_answer(attempt.answer + "# saved\n")
    attempt.reveal_hint(state.at())
    attempt.begin_run(RunMode.RUN, state.at())  # still streaming when the process dies
    recorder.flush(force=True)
    saved = store.snapshot(recorder.record)
    before = len(saved.rounds[0].events)

    again = restore(saved, bank(), FakeClock(5.0))
    resumed = Recorder(again, saved, now=fixed_now, feedback=None)
    events = resumed.record.rounds[0].events
    assert [type(e) for e in events[before:]] == [Resume, RunResult]  # nothing from before, twice
    cancelled = events[-1]
    assert isinstance(cancelled, RunResult) and cancelled.outcome == "cancelled"
    assert again.current.attempts[0].answer.endswith("# saved\n")
    resumed.flush(force=True)
    assert len(events) == before + 2  # the restored answer is not an edit
    assert state_at(resumed.record, 0, math.inf).questions[0].hints == [0]
