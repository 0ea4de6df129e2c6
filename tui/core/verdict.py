"""The one verdict: a question's, a round's and a session's band, each with the sentences that produced it.

Every view (round summary, loop summary, report in text and Markdown,
history, replay) shows what these functions return; none re-derives a band.
They read the recorded evidence only (a ``QuestionView`` folded from the
session's events, the question as it was shown), so the live summary of a
round and the report of its file cannot disagree. The rules, also in
``docs/sessions.md``:

* a **code** question is judged on its final submission (the last one not
  cancelled, whoever caused it: Submit, finishing early, the clock at time's
  up): not submitted or not importable → Strong No Hire; every test passed →
  Strong Hire (Hire if a hint was taken); at least 75 % passed with no danger
  zone hit → Hire (No Hire if two hints or more were taken); at least half →
  No Hire; below → Strong No Hire. While it is still being checked the
  verdict is *pending*;
* a **debugging** question that asks to explain what was wrong is judged
  on its fix as a code question, capped by its explanation (the analyzers'
  band against the question's explanation rubric, Strong No Hire when none
  was written): Strong Hire needs a Strong Hire explanation, Hire a Hire
  one, and a weak or missing explanation caps the question at No Hire, never
  lower (a fix that passes is worth more than no fix);
* a **written** question (motivation, design, behavioral) takes the text
  analyzers' band, recorded when its round ended, capped at Hire if a hint
  was taken; no answer → Strong No Hire; an answer whose headings the
  analyzers cannot read → No Hire, with their sentence;
* a **round** gets the mean of its questions' ranks, rounded down;
* the **session**, over the rounds that ended: with one round (a drill, or an
  onsite ended after its first round), that round's band; otherwise Strong
  Hire when every round is Hire or better and at least half are Strong Hire;
  Hire when no round is Strong No Hire and at most one is No Hire; No Hire
  when at most one round is Strong No Hire; Strong No Hire otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checkers.text.feedback import Band
from tui.core.messages import plural, t

__all__ = [
    "Band",
    "Verdict",
    "band_label",
    "code_verdict",
    "coverage_text",
    "explained_verdict",
    "explanation_verdict",
    "round_verdict",
    "session_verdict",
    "written_verdict",
]


@dataclass(frozen=True, slots=True)
class Verdict:
    """A band and the sentences that produced it (``pending``: the evidence is still coming in)."""

    band: Band
    reasons: tuple[str, ...]
    pending: bool = False

    @property
    def label(self) -> str:
        """The band as every view shows it ("checking…" while pending)."""
        return t("verdict.checking") if self.pending else band_label(self.band)


def band_label(band: Band) -> str:
    """A band in the interface language (its value stays English: it is what the files record)."""
    return t(f"band.{band.name.lower()}")


#: How a final submission came about, as the report says it (nothing for the candidate's own Submit).
CAUSE_TEXT: Mapping[str, str] = {
    "finish": "verdict.cause.finish",
    "time_up": "verdict.cause.time_up",
}


@dataclass(frozen=True, slots=True)
class FinalRun:
    """What the verdict needs from a code question's final submission."""

    outcome: str  # running, finished, failed, cancelled
    passed: int
    total: int
    cause: str
    summary: str  # the run's own one-line summary (e.g. "Does not import: SyntaxError …")


def code_verdict(final: FinalRun | None, hints: int, dangers: Sequence[str]) -> Verdict:
    """A code question, from its final submission, the hints taken and the danger zones its failures hit."""
    if final is None:
        return Verdict(Band.STRONG_NO_HIRE, (t("verdict.never_submitted"),))
    if final.outcome == "running":
        return Verdict(Band.STRONG_NO_HIRE, (t("verdict.still_checking"),), pending=True)
    if final.outcome == "failed":
        return Verdict(Band.STRONG_NO_HIRE, (t("verdict.does_not_run", summary=final.summary),))
    if final.total == 0:
        return Verdict(Band.STRONG_NO_HIRE, (t("verdict.no_test_ran"),))
    cause = t(CAUSE_TEXT[final.cause]) if final.cause in CAUSE_TEXT else ""
    reasons = [t("verdict.tests_passed", passed=final.passed, total=final.total, cause=cause)]
    if dangers:
        reasons.append(danger_text(dangers))
    hint_text = plural("verdict.hints_taken", hints)
    ratio = final.passed / final.total
    if final.passed == final.total and final.outcome == "finished":
        if hints:
            return Verdict(Band.HIRE, (*reasons, hint_text + t("verdict.clean_solve")))
        return Verdict(Band.STRONG_HIRE, (*reasons, t("verdict.no_hints")))
    extra = (hint_text,) if hints else ()
    if ratio >= 0.75 and not dangers:
        if hints >= 2:
            return Verdict(Band.NO_HIRE, (*reasons, hint_text + t("verdict.two_hints")))
        return Verdict(Band.HIRE, (*reasons, *extra))
    if ratio >= 0.5:
        return Verdict(Band.NO_HIRE, (*reasons, *extra))
    return Verdict(Band.STRONG_NO_HIRE, (*reasons, *extra))


def danger_text(dangers: Sequence[str]) -> str:
    """The reason naming the danger zones a final answer hit."""
    return t("verdict.dangers", zones="; ".join(dangers))


def coverage_text(coverage: Mapping[str, Any] | None) -> str:
    """Rubric coverage as every view writes it: the covered share of the rubric's weight.

    ``coverage`` is the analyzers' recorded table (``Coverage.to_dict()``);
    "" when there is no rubric.
    """
    if not coverage:
        return ""
    concepts = [c for c in coverage.get("concepts", ()) if isinstance(c, Mapping)]
    if not concepts:
        return ""
    covered = sum(1 for c in concepts if c.get("covered"))
    total_weight = sum(int(c.get("weight", 1)) for c in concepts)
    covered_weight = sum(int(c.get("weight", 1)) for c in concepts if c.get("covered"))
    share = round(100 * covered_weight / total_weight) if total_weight else 0
    return t(
        "verdict.coverage",
        share=share,
        covered_weight=covered_weight,
        total_weight=total_weight,
        covered=covered,
        concepts=len(concepts),
    )


def written_verdict(
    answered: bool, feedback: Mapping[str, Any] | None, error: str, hints: int, *, subject: str = "answer"
) -> Verdict:
    """A written answer, from the analyzers' recorded feedback (or their sentence when they could not read it).

    ``subject`` names what was written in the sentences ("answer", or "explanation" for a debugging answer's).
    """
    if not answered:
        return Verdict(Band.STRONG_NO_HIRE, (t("verdict.no_answer", subject=t(f"verdict.subject.{subject}")),))
    if error:
        return Verdict(Band.NO_HIRE, (t("verdict.unreadable", subject=t(f"verdict.subject.{subject}"), error=error),))
    if not feedback:
        return Verdict(Band.NO_HIRE, (t("verdict.not_analysed", subject=t(f"verdict.subject.{subject}")),))
    try:
        band = Band(feedback.get("band", ""))
    except ValueError:
        return Verdict(Band.NO_HIRE, (t("verdict.no_band"),))
    said = " ".join(str(r) for r in feedback.get("reasons", ()))
    rated = band_label(band)
    what = t(f"verdict.subject.{subject}")
    reasons = [
        t("verdict.rated_because", subject=what, band=rated, said=said)
        if said
        else t("verdict.rated", subject=what, band=rated)
    ]
    coverage = coverage_text(feedback.get("coverage"))
    if coverage:
        reasons.append(t("verdict.rubric", coverage=coverage))
    if hints and band is Band.STRONG_HIRE:
        return Verdict(Band.HIRE, (*reasons, plural("verdict.hints_cap", hints)))
    if hints:
        reasons.append(plural("verdict.hints_taken", hints))
    return Verdict(band, tuple(reasons))


def explanation_verdict(written: bool, feedback: Mapping[str, Any] | None, error: str) -> Verdict:
    """A debugging answer's explanation of what was wrong, from the analyzers' recorded feedback on it."""
    return written_verdict(written, feedback, error, 0, subject="explanation")


def explained_verdict(fix: Verdict, explanation: Verdict) -> Verdict:
    """A debugging question that asks for an explanation: its fix's verdict capped by the explanation's.

    The cap is the explanation's band, but never below No Hire: a weak or
    missing explanation costs a fix its Hire, not more.
    """
    cap = max(explanation.band.rank, Band.NO_HIRE.rank)
    band = list(Band)[min(fix.band.rank, cap)]
    reasons = [*fix.reasons, t("verdict.what_was_wrong", reason=explanation.reasons[0]), *explanation.reasons[1:]]
    if band is not fix.band:
        reasons.append(t("verdict.explanation_caps", band=band_label(band), fix=band_label(fix.band)))
    return Verdict(band, tuple(reasons), pending=fix.pending)


def round_verdict(questions: Sequence[tuple[str, Verdict]]) -> Verdict:
    """A round: the mean of its questions' ranks, rounded down (pending while any question is)."""
    ranks = [v.band.rank for _, v in questions]
    band = list(Band)[math.floor(sum(ranks) / len(ranks))]
    reasons = tuple(t("verdict.question", title=title, label=v.label) for title, v in questions)
    reasons = reasons if len(questions) > 1 else ()
    return Verdict(band, reasons, pending=any(v.pending for _, v in questions))


def session_verdict(rounds: Sequence[Verdict], *, total: int, finished: bool) -> Verdict | None:
    """The session over the rounds that ended (of ``total``); None when none did.

    ``finished`` is the lifecycle: a session still in progress, or ended
    early, says which rounds the band covers.
    """
    if not rounds:
        return None
    bands = [v.band for v in rounds]
    count = {b: bands.count(b) for b in Band}
    tally = ", ".join(
        t("verdict.session.tally", n=n, band=band_label(b))
        for b, n in sorted(count.items(), key=lambda kv: -kv[0].rank)
        if n
    )
    if len(rounds) == 1:
        band, why = bands[0], ""
    elif all(b.is_hire for b in bands) and count[Band.STRONG_HIRE] * 2 >= len(bands):
        band, why = Band.STRONG_HIRE, t("verdict.session.strong_hire")
    elif count[Band.STRONG_NO_HIRE] == 0 and count[Band.NO_HIRE] <= 1:
        band, why = Band.HIRE, t("verdict.session.hire")
    elif count[Band.STRONG_NO_HIRE] <= 1:
        band, why = Band.NO_HIRE, t("verdict.session.no_hire")
    else:
        band, why = Band.STRONG_NO_HIRE, t("verdict.session.strong_no_hire")
    # one round: its own reasons say why
    reasons = [] if len(rounds) == 1 else [t("verdict.session.rounds", tally=tally), why]
    judged = len(rounds)
    if judged < total and finished:
        reasons.append(plural("verdict.session.not_taken", total - judged, total=total, judged=judged))
    elif judged < total:
        reasons.append(t("verdict.session.in_progress", judged=judged, total=total))
    return Verdict(band, tuple(reasons), pending=any(v.pending for v in rounds))
