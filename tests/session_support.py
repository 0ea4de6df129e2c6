"""Scripted sessions for the session-file tests: every event kind, on a fake clock.

``scripted_onsite()`` plays the first rounds of an onsite from the fixture bank
the way the round screen would (answers typed, runs streamed, hints, asks,
language toggles, finishing early, time's up with an automatic submission),
calling ``recorder.flush()`` as the app's timer does, and returns the
session, its recorder and a log of (round, t, question, answer) checkpoints
the replay tests compare against.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from question_bank import Bank, load_bank_from
from tui.core.checking import RunCause, RunMode, TestInfo, TestStatus
from tui.core.clock import FakeClock
from tui.core.fakes import scripted_run
from tui.core.record import SessionRecord
from tui.core.recorder import Recorder
from tui.core.session import Session, TimeUp

APP_BANK = Path(__file__).parent / "fixtures" / "app_bank"
SEED = 1
FIXED_NOW = dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.UTC)

TWO_SUM_TESTS = (
    TestInfo("test_example", "the prompt's example", visible=True),
    TestInfo("test_negative_numbers", "negative numbers add up too", visible=True),
    TestInfo("test_no_pair", "no pair: None", visible=True),
    TestInfo("test_same_element_twice", "an element is never used twice", visible=False),
    TestInfo("test_large_input", "a large input, in linear time", visible=False, danger="quadratic"),
)

MOTIVATION_ANSWER = (
    "I want to join Mistral AI because open-weight models matter to me: I have shipped inference "
    "services in production, measured latency and cost, and I care about making frontier models "
    "efficient and available. In this role I would bring my experience with distributed systems "
    "and GPUs, and I am excited to learn from a small team that ships fast. [bold]not markup[/bold]"
)


@functools.cache
def bank() -> Bank:
    """The fixture bank, loaded once per test process."""
    return load_bank_from([APP_BANK])


def fixed_now() -> dt.datetime:
    return FIXED_NOW


@dataclass
class Script:
    session: Session
    recorder: Recorder
    clock: FakeClock
    checkpoints: list[tuple[int, float, int, str]] = field(default_factory=list)

    def at(self) -> float:
        return self.session.current.at()

    def tick(self, seconds: float = 0.0) -> None:
        """Let time pass, as the app's timer would: observe after each second."""
        whole = int(seconds)
        for _ in range(whole):
            self.clock.advance(1.0)
            self.session.tick()
            self.recorder.flush()
        if seconds - whole:
            self.clock.advance(seconds - whole)
            self.session.tick()
            self.recorder.flush()

    def type(self, question: int, text: str) -> None:
        attempt = self.session.current.attempts[question]
        attempt.set_answer(text)
        self.checkpoints.append((self.session.position, self.at(), question, text))

    def run(self, question: int, mode: RunMode, statuses: dict[str, TestStatus] | None = None) -> None:
        state = self.session.current
        attempt = state.attempts[question]
        run = attempt.begin_run(mode, state.at())
        self.recorder.flush()
        tests = [t for t in TWO_SUM_TESTS if mode is RunMode.SUBMIT or t.visible]
        for event in scripted_run(tests, statuses or {}):
            self.clock.advance(0.05)
            run.apply(event, state.at())
        self.recorder.flush()


def new_onsite(clock: FakeClock | None = None) -> tuple[Session, FakeClock]:
    clock = clock or FakeClock(start=1000.0)
    loop = bank().loop("mistral-swe")
    return Session.onsite(loop, loop.draw(bank(), SEED), clock, seed=SEED), clock


def scripted_onsite(*, rounds: int = 2, feedback: bool = True) -> Script:
    """Play the first ``rounds`` rounds (1: recruiter; 2: + coding screen, ending at time's up)."""
    from tui.core.recorder import analyze_text_answer

    session, clock = new_onsite()
    recorder = Recorder(session, debounce=1.0, now=fixed_now, feedback=analyze_text_answer if feedback else None)
    script = Script(session, recorder, clock)
    recorder.flush()
    session.begin()
    recorder.flush()
    # Round 1: the recruiter's motivation question, typed, a hint, a French look, finished early.
    script.tick(5)
    script.type(0, "I want to join")
    script.tick(3)
    script.type(0, MOTIVATION_ANSWER)
    script.tick(2)
    session.current.attempts[0].reveal_hint(script.at())
    script.tick(1)
    session.toggle_lang()
    script.tick(4)
    session.toggle_lang()
    script.tick(1)
    session.finish_question(0)
    recorder.flush()
    if rounds == 1:
        return script
    session.advance()
    recorder.flush()
    # Round 2: two code questions; runs, a submit, an ask, an editor round trip, time's up.
    starter = session.current.attempts[0].answer
    script.tick(10)
    script.type(0, starter + "\n    seen = {}\n")
    script.tick(1)
    session.current.attempts[0].ask(1, script.at())
    script.tick(20)
    script.type(0, starter + "\n    seen = {}\n    for i, x in enumerate(nums):\n        pass\n")
    script.tick(2)
    script.run(0, RunMode.RUN, {"test_no_pair": TestStatus.FAILED})
    script.tick(30)
    script.type(0, starter + "\n    seen = {}\n    for i, x in enumerate(nums):\n        seen[x] = i\n")
    script.tick(1)
    session.current.note_editor(0, changed=True)
    script.tick(5)
    script.run(0, RunMode.SUBMIT, {"test_large_input": TestStatus.FAILED})
    session.current.attempts[0].reveal_hint(script.at())
    script.tick(60)
    script.type(1, "def balanced(s):\n    return True\n")
    script.tick(1)
    # Let the round run out: the clock jumps, the session notices at the next tick.
    clock.advance(session.current.timer.remaining() + 0.5)
    event = session.tick()
    assert isinstance(event, TimeUp)
    recorder.flush()
    for attempt in event.to_submit:  # what app.submit_final does
        attempt.begin_run(RunMode.SUBMIT, session.current.at(), cause=RunCause.TIME_UP)
        recorder.flush()
        run = attempt.current_run
        assert run is not None
        for ev in scripted_run(list(TWO_SUM_TESTS), {"test_example": TestStatus.FAILED}):
            run.apply(ev, session.current.at())
    recorder.flush()
    return script


def drilled(
    when: dt.datetime,
    statuses: dict[str, TestStatus] | None = None,
    *,
    question: str = "two-sum",
    minutes: float = 12.0,
    hints: int = 0,
    source: Bank | None = None,
) -> SessionRecord:
    """A finished drill of ``question`` (from ``source``, default the fixture bank) created at ``when``:
    ``hints`` taken, submitted after ``minutes`` with ``statuses`` (default: every test passes), finished early."""
    clock = FakeClock(start=0.0)
    session = Session.drill((source or bank()).question(question), clock)
    recorder = Recorder(session, now=lambda: when, feedback=None)
    state = session.current
    attempt = state.attempts[0]
    for _ in range(hints):
        attempt.reveal_hint(state.at())
    clock.advance(minutes * 60)
    attempt.set_answer(attempt.answer + "\n# answered\n")
    if attempt.question.code is not None:  # a written answer is finished as it is (not analysed: No Hire)
        run = attempt.begin_run(RunMode.SUBMIT, state.at())
        for event in scripted_run(list(TWO_SUM_TESTS), statuses or {}):
            run.apply(event, state.at())
    session.finish_question(0)
    recorder.flush(force=True)
    return recorder.record


def save_drill(folder: Path, record: SessionRecord) -> Path:
    """Save ``record`` in the sessions ``folder`` under its id, as the autosave names it."""
    from tui.core import store

    path = folder / f"{record.id}.toml"
    store.save(record, path)
    return path
