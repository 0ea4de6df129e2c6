"""One question as the candidate works on it: the answer, hints, asks, runs, submissions.

Everything the report will want later is recorded here with the round-elapsed
time it happened at, and every rule about it lives here too: hints come one at
a time in order, asking the same clarification twice is recorded once, a locked
answer cannot change, and the last submission is the one that counts.

Each change is announced as it happens (``bind``): hints, clarifications,
runs and their results as typed events (``tui.core.events``), answer changes
as text with the part they change (the recorder compacts those into edits):
the answer itself, or a debugging answer's explanation of what was wrong. An attempt that is not
bound (a unit test's) announces nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from question_bank import Question
from tui.core.checking import RunCause, RunMode
from tui.core.events import AnswerPart, Clarify, Hint, QuestionEvent, RunResult, RunStart
from tui.core.messages import number, t
from tui.core.results import CheckRun, RunOutcome


class AnswerLocked(RuntimeError):
    """The answer was locked (time's up or finished) and can no longer change."""


#: The largest answer kept (UTF-8 bytes): far beyond any interview answer, small enough to save in milliseconds.
MAX_ANSWER_BYTES = 1024 * 1024


class AnswerTooLarge(ValueError):
    """An answer over ``MAX_ANSWER_BYTES``; ``str()`` is one sentence for the candidate."""

    def __init__(self, size: int) -> None:
        self.size = size
        super().__init__(t("round.answer_too_large", size=number(size / 2**20), limit=MAX_ANSWER_BYTES // 2**20))


def oversize(text: str) -> int:
    """``text``'s size in UTF-8 bytes when it is over ``MAX_ANSWER_BYTES``, else 0 (short texts are not encoded)."""
    if len(text) * 4 <= MAX_ANSWER_BYTES:
        return 0
    size = len(text.encode("utf-8", "surrogatepass"))
    return size if size > MAX_ANSWER_BYTES else 0


@dataclass(frozen=True, slots=True)
class HintTaken:
    index: int  # into ``question.hints``
    at: float  # round-elapsed seconds


@dataclass(frozen=True, slots=True)
class Ask:
    index: int  # into ``question.clarifications``
    at: float


#: Shown before a hint is revealed, so taking one is a decision, not an accident.
#: What a hint costs, said before any is revealed (a catalogue key).
HINT_COST = "hints.cost"


@dataclass
class QuestionAttempt:
    """The candidate's work on one question during one round."""

    question: Question
    answer: str = ""
    explanation: str = ""  # what was wrong, when the question asks for it (``explains``)
    hints: list[HintTaken] = field(default_factory=list)
    asks: list[Ask] = field(default_factory=list)
    runs: list[CheckRun] = field(default_factory=list)
    locked_at: float | None = None
    index: int = field(default=0, repr=False, compare=False)  # the question's place in its round
    _emit: Callable[[QuestionEvent], None] = field(default=lambda _: None, repr=False, compare=False)
    _on_answer: Callable[[str, AnswerPart], None] = field(default=lambda _, __: None, repr=False, compare=False)

    def bind(
        self, index: int, emit: Callable[[QuestionEvent], None], on_answer: Callable[[str, AnswerPart], None]
    ) -> None:
        """Announce this attempt's events to ``emit`` and its answer changes to ``on_answer``."""
        self.index, self._emit, self._on_answer = index, emit, on_answer

    @classmethod
    def start(cls, question: Question) -> QuestionAttempt:
        """A fresh attempt; code questions start from their starter file."""
        answer = question.code.starter() if question.code is not None else ""
        return cls(question=question, answer=answer)

    # -- the answer ------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.locked_at is not None

    @property
    def explains(self) -> bool:
        """Whether the question asks to explain what was wrong (a debugging question with a rubric for it)."""
        return self.question.explanation is not None

    def set_answer(self, text: str) -> None:
        self._check_change(text)
        if text != self.answer:
            self.answer = text
            self._on_answer(text, "answer")

    def set_explanation(self, text: str) -> None:
        if not self.explains:
            raise ValueError(f"{self.question.id} asks for no explanation")
        self._check_change(text)
        if text != self.explanation:
            self.explanation = text
            self._on_answer(text, "explanation")

    def _check_change(self, text: str) -> None:
        if self.locked:
            raise AnswerLocked(f"the answer to {self.question.id} is locked")
        if size := oversize(text):
            raise AnswerTooLarge(size)

    def lock(self, at: float) -> None:
        if self.locked_at is None:
            self.locked_at = at

    # -- hints and clarifications ----------------------------------------------------

    @property
    def hints_left(self) -> int:
        return len(self.question.hints) - len(self.hints)

    def reveal_hint(self, at: float) -> HintTaken | None:
        """Reveal the next hint (gentlest first); None when there are no more."""
        if self.hints_left <= 0:
            return None
        taken = HintTaken(index=len(self.hints), at=at)
        self.hints.append(taken)
        self._emit(Hint(at, self.index, taken.index))
        return taken

    def ask(self, index: int, at: float) -> Ask:
        """Ask clarification ``index``; asking again returns the first ask."""
        if not 0 <= index < len(self.question.clarifications):
            raise IndexError(f"{self.question.id} has no clarification {index}")
        for ask in self.asks:
            if ask.index == index:
                return ask
        ask = Ask(index=index, at=at)
        self.asks.append(ask)
        self._emit(Clarify(at, self.index, index))
        return ask

    def asked(self, index: int) -> bool:
        return any(ask.index == index for ask in self.asks)

    # -- runs ------------------------------------------------------------------------

    def begin_run(self, mode: RunMode, at: float, *, cause: RunCause = RunCause.CANDIDATE) -> CheckRun:
        """A new Run or Submit of the current answer; cancels any run still streaming.

        ``cause``: the candidate pressed Run or Submit, or the answer is being
        locked (finished early, time's up) and submitted as it stands, which
        is the one case a locked answer may still be run.
        """
        if self.question.code is None:
            raise ValueError(f"{self.question.id} is not a code question")
        if self.locked and not cause.automatic:
            raise AnswerLocked(f"the answer to {self.question.id} is locked")
        self.cancel_runs(at)
        number = len(self.runs)
        run = CheckRun(mode=mode, source=self.answer, started_at=at, cause=cause)
        run.on_end = lambda ended: self._emit(RunResult.of(self.index, number, ended))
        self.runs.append(run)
        self._emit(RunStart(at, self.index, number, str(mode), str(cause)))
        return run

    def cancel_runs(self, at: float) -> None:
        for run in self.runs:
            run.cancel(at)

    @property
    def current_run(self) -> CheckRun | None:
        return self.runs[-1] if self.runs else None

    @property
    def submissions(self) -> list[CheckRun]:
        return [run for run in self.runs if run.mode is RunMode.SUBMIT]

    @property
    def final_submission(self) -> CheckRun | None:
        """The submission that counts: the last one that was not cancelled."""
        for run in reversed(self.runs):
            if run.mode is RunMode.SUBMIT and run.outcome is not RunOutcome.CANCELLED:
                return run
        return None

    @property
    def has_submitted(self) -> bool:
        return any(run.mode is RunMode.SUBMIT and run.outcome is not RunOutcome.RUNNING for run in self.runs)

    def needs_final_submit(self) -> bool:
        """True when locking this answer must submit it: a code answer not submitted as it stands."""
        if self.question.code is None:
            return False
        final = self.final_submission
        return final is None or final.source != self.answer
