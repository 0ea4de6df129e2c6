"""Plain roll-ups of a round and of a session, for the summary screens (and later the report).

Pure functions of the session state: the screens format these, they do not
count anything themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from question_bank import Kind, Lang
from tui.core.attempt import QuestionAttempt
from tui.core.results import RunOutcome
from tui.core.session import EndReason, RoundState, Session
from tui.core.timer import format_duration


@dataclass(frozen=True, slots=True)
class QuestionSummary:
    question_id: str
    title: str
    kind: Kind
    tests_passed: int | None  # None: not a code question, or never checked
    tests_total: int | None
    checking: bool  # the final submission is still running
    import_error: bool
    hints_used: int
    hints_total: int
    asks: int
    answered: bool  # something was written beyond the starter

    def tests_text(self) -> str:
        if not self.kind.is_code:
            return "written answer" if self.answered else "no answer"
        if self.checking:
            return "checking…"
        if self.import_error:
            return "does not import"
        if self.tests_total is None:
            return "not submitted"
        return f"{self.tests_passed}/{self.tests_total} tests passed"


@dataclass(frozen=True, slots=True)
class RoundSummary:
    index: int
    title: str
    minutes: int
    used: float  # seconds
    overtime: float
    end_reason: EndReason | None
    questions: tuple[QuestionSummary, ...]

    def time_text(self) -> str:
        text = f"{format_duration(self.used)} of {self.minutes:02d}:00"
        if self.overtime >= 1:
            text += f" (+{format_duration(self.overtime)} overtime)"
        return text

    @property
    def checking(self) -> bool:
        return any(q.checking for q in self.questions)


def summarize_attempt(attempt: QuestionAttempt, lang: Lang = "en") -> QuestionSummary:
    question = attempt.question
    final = attempt.final_submission
    starter = question.code.starter() if question.code is not None else ""
    passed = total = None
    if final is not None and final.outcome is RunOutcome.FINISHED:
        passed, total = final.passed, final.total
    return QuestionSummary(
        question_id=question.id,
        title=question.title.get(lang),
        kind=question.kind,
        tests_passed=passed,
        tests_total=total,
        checking=final is not None and final.running,
        import_error=final is not None and final.outcome is RunOutcome.FAILED,
        hints_used=len(attempt.hints),
        hints_total=len(question.hints),
        asks=len(attempt.asks),
        answered=attempt.answer.strip() != starter.strip(),
    )


def summarize_round(state: RoundState, lang: Lang = "en") -> RoundSummary:
    return RoundSummary(
        index=state.index,
        title=state.round.title.get(lang),
        minutes=state.round.minutes,
        used=state.timer.elapsed(),
        overtime=state.timer.overtime(),
        end_reason=state.end_reason,
        questions=tuple(summarize_attempt(a, lang) for a in state.attempts),
    )


def summarize_session(session: Session) -> tuple[RoundSummary, ...]:
    """Every round that started, in order."""
    return tuple(summarize_round(r, session.lang) for r in session.rounds if r.started)
