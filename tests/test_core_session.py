"""The loop state machine: rounds in order, time's up in an onsite, overtime in a drill."""

from __future__ import annotations

import pytest
from conftest import TWO_SUM_VISIBLE

from question_bank import Bank
from tui.core.checking import RunFinished, RunMode, RunStarted, TestFinished, TestStatus
from tui.core.clock import FakeClock
from tui.core.session import EndReason, Mode, OvertimeStarted, Session, SessionPhase, TimeUp


def onsite(bank: Bank, clock: FakeClock, seed: int = 1) -> Session:
    loop = bank.loop("mistral-swe")
    return Session.onsite(loop, loop.draw(bank, seed), clock, seed=seed)


def test_onsite_starts_with_a_briefing_and_no_clock(app_bank: Bank, clock: FakeClock) -> None:
    session = onsite(app_bank, clock)
    assert session.mode is Mode.ONSITE and session.phase is SessionPhase.BRIEFING
    assert len(session.rounds) == 5
    clock.advance(3600)
    assert session.tick() is None
    assert not session.current.started
    session.begin()
    assert session.phase is SessionPhase.IN_ROUND and session.current.timer.elapsed() == 0


def test_onsite_time_up_locks_and_asks_for_submission(app_bank: Bank, clock: FakeClock) -> None:
    session = onsite(app_bank, clock)
    session.begin()
    # Round 1 (recruiter screen, 20 min): a written answer, nothing to submit.
    round1 = session.current
    round1.attempts[0].set_answer("I like open weights.")
    clock.advance(20 * 60 - 1)
    assert session.tick() is None
    clock.advance(1)
    event = session.tick()
    assert isinstance(event, TimeUp) and event.round_index == 0 and event.to_submit == ()
    assert round1.end_reason is EndReason.TIME_UP and all(a.locked for a in round1.attempts)
    assert session.phase is SessionPhase.ROUND_OVER
    assert session.tick() is None  # decided once
    # Round 2: two code questions; time's up submits both.
    round2 = session.advance()
    assert round2 is not None and round2.index == 1 and session.phase is SessionPhase.IN_ROUND
    clock.advance(45 * 60)
    event = session.tick()
    assert isinstance(event, TimeUp) and [a.question.id for a in event.to_submit] == [
        a.question.id for a in round2.attempts
    ]


def test_locked_answers_cannot_change(app_bank: Bank, clock: FakeClock) -> None:
    session = Session.drill(app_bank.question("two-sum"), clock)
    attempt = session.current.attempts[0]
    session.finish_question(0)
    from tui.core.attempt import AnswerLocked

    with pytest.raises(AnswerLocked):
        attempt.set_answer("x")
    with pytest.raises(AnswerLocked):
        attempt.begin_run(RunMode.RUN, 0)


def test_time_up_skips_answers_already_submitted_as_they_stand(app_bank: Bank, clock: FakeClock) -> None:
    session = Session.drill(app_bank.question("two-sum"), clock)
    attempt = session.current.attempts[0]
    run = attempt.begin_run(RunMode.SUBMIT, 1.0)
    run.apply(RunFinished(), 2.0)
    assert not attempt.needs_final_submit()
    attempt.set_answer(attempt.answer + "\n# changed")
    assert attempt.needs_final_submit()


def test_drill_starts_at_once_and_goes_into_overtime(app_bank: Bank, clock: FakeClock) -> None:
    question = app_bank.question("two-sum")
    session = Session.drill(question, clock)
    state = session.current
    assert session.phase is SessionPhase.IN_ROUND and state.timer.duration == question.minutes * 60
    assert question.code is not None
    assert state.attempts[0].answer == question.code.starter()
    clock.advance(question.minutes * 60)
    assert session.tick() == OvertimeStarted(0)
    assert session.phase is SessionPhase.IN_ROUND and not state.attempts[0].locked
    clock.advance(3 * 60 + 12)
    assert state.timer.display() == "+03:12 overtime"
    assert session.tick() is None
    state.attempts[0].set_answer("still editing")  # overtime does not lock


def test_drill_can_pause(app_bank: Bank, clock: FakeClock) -> None:
    session = Session.drill(app_bank.question("two-sum"), clock)
    timer = session.current.timer
    timer.pause()
    clock.advance(10_000)
    assert session.tick() is None and timer.elapsed() == 0


def test_finishing_questions_early(app_bank: Bank, clock: FakeClock) -> None:
    session = onsite(app_bank, clock)
    session.begin()
    clock.advance(60)
    session.tick()
    session.finish_question(0)
    assert session.phase is SessionPhase.ROUND_OVER
    assert session.current.end_reason is EndReason.FINISHED
    session.advance()
    two = session.current
    assert len(two.attempts) == 2
    to_submit = session.finish_question(1)
    assert [a.question.id for a in to_submit] == [two.attempts[1].question.id]
    assert session.phase is SessionPhase.IN_ROUND
    assert two.next_open_question(after=1) == 0
    assert session.finish_question(1) == ()  # already finished
    session.finish_question(0)
    assert session.phase is SessionPhase.ROUND_OVER and two.next_open_question() is None


def test_the_loop_ends_after_the_last_round(app_bank: Bank, clock: FakeClock) -> None:
    session = onsite(app_bank, clock)
    session.begin()
    for index in range(5):
        assert session.position == index
        clock.advance(session.current.round.minutes * 60)
        assert isinstance(session.tick(), TimeUp)
        nxt = session.advance()
        assert (nxt is None) == (index == 4)
    assert session.phase is SessionPhase.DONE and not session.in_progress
    with pytest.raises(RuntimeError):
        session.advance()


def test_hints_and_asks_are_recorded_with_their_time(app_bank: Bank, clock: FakeClock) -> None:
    session = Session.drill(app_bank.question("two-sum"), clock)
    state = session.current
    attempt = state.attempts[0]
    clock.advance(30)
    hint = attempt.reveal_hint(state.at())
    assert hint is not None and hint.index == 0
    clock.advance(30)
    hint = attempt.reveal_hint(state.at())
    assert hint is not None and (hint.index, hint.at) == (1, 60)
    assert attempt.reveal_hint(state.at()) is None and attempt.hints_left == 0
    clock.advance(5)
    ask = attempt.ask(2, state.at())
    assert (ask.index, ask.at) == (2, 65)
    clock.advance(5)
    assert attempt.ask(2, state.at()) is ask  # asking again does not count twice
    assert attempt.asked(2) and not attempt.asked(0)
    with pytest.raises(IndexError):
        attempt.ask(99, state.at())
    assert (len(attempt.hints), len(attempt.asks)) == (2, 1)


def test_the_last_submission_counts(app_bank: Bank, clock: FakeClock) -> None:
    session = Session.drill(app_bank.question("two-sum"), clock)
    attempt = session.current.attempts[0]
    first = attempt.begin_run(RunMode.SUBMIT, 1)
    first.apply(RunStarted(TWO_SUM_VISIBLE), 1)
    for info in TWO_SUM_VISIBLE:
        first.apply(TestFinished(info.name, TestStatus.PASSED), 1)
    first.apply(RunFinished(), 2)
    second = attempt.begin_run(RunMode.SUBMIT, 3)
    second.apply(RunStarted(TWO_SUM_VISIBLE), 3)
    second.apply(TestFinished("test_example", TestStatus.FAILED), 3)
    second.apply(RunFinished(), 4)
    third = attempt.begin_run(RunMode.SUBMIT, 5)
    attempt.begin_run(RunMode.RUN, 6)  # a Run cancels the third submission
    assert third.outcome.value == "cancelled"
    assert attempt.final_submission is second
    assert (second.passed, second.total) == (0, 3)


def test_toggle_lang(app_bank: Bank, clock: FakeClock) -> None:
    session = Session.drill(app_bank.question("two-sum"), clock)
    assert session.lang == "en"
    assert session.toggle_lang() == "fr" and session.toggle_lang() == "en"


def test_in_progress_from_the_first_round_to_the_end(app_bank: Bank, clock: FakeClock) -> None:
    session = onsite(app_bank, clock)
    assert not session.in_progress  # reading the briefing: nothing to lose yet
    session.begin()
    assert session.in_progress


def test_the_lifecycle_is_decided_in_one_place(app_bank: Bank, clock: FakeClock) -> None:
    from tui.core.session import Status

    drill = Session.drill(app_bank.question("two-sum"), clock)
    assert drill.status is Status.IN_PROGRESS and drill.in_progress
    drill.finish_question(0)
    assert drill.status is Status.FINISHED and not drill.in_progress  # the last round ended: finished
    kept = onsite(app_bank, clock)
    kept.begin()
    kept.abandon()
    assert kept.status is Status.ABANDONED


def test_finish_now_ends_the_round_and_leaves_the_rest_untaken(app_bank: Bank, clock: FakeClock) -> None:
    from tui.core.session import Status

    session = onsite(app_bank, clock)
    session.begin()
    clock.advance(20 * 60)
    session.tick()
    session.advance()  # round 2: two code questions
    session.current.attempts[0].set_answer("def two_sum(nums, target):\n    return None\n")
    clock.advance(60)
    to_submit = session.end_now()
    assert [a.question.id for a in to_submit] == ["two-sum", "balanced-brackets"]  # as at time's up
    assert session.current.end_reason is EndReason.FINISHED and all(a.locked for a in session.current.attempts)
    assert session.status is Status.FINISHED and session.phase is SessionPhase.DONE
    assert [r.started for r in session.rounds] == [True, True, False, False, False]
