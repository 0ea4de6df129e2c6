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

__all__ = [
    "Band",
    "Verdict",
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
        return "checking…" if self.pending else str(self.band)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


#: How a final submission came about, as the report says it (nothing for the candidate's own Submit).
CAUSE_TEXT: Mapping[str, str] = {
    "finish": " (submitted when the question was finished early)",
    "time_up": " (submitted by the clock at time's up)",
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
        return Verdict(Band.STRONG_NO_HIRE, ("The answer was never submitted.",))
    if final.outcome == "running":
        return Verdict(Band.STRONG_NO_HIRE, ("The final submission is still being checked.",), pending=True)
    if final.outcome == "failed":
        return Verdict(Band.STRONG_NO_HIRE, (f"The final submission does not run: {final.summary}.",))
    if final.total == 0:
        return Verdict(Band.STRONG_NO_HIRE, ("No test ran on the final submission.",))
    reasons = [
        f"{final.passed} of {final.total} tests passed on the final submission{CAUSE_TEXT.get(final.cause, '')}."
    ]
    if dangers:
        reasons.append("Danger zones hit: " + "; ".join(dangers) + ".")
    hint_text = f"{_plural(hints, 'hint')} taken."
    ratio = final.passed / final.total
    if final.passed == final.total and final.outcome == "finished":
        if hints:
            return Verdict(Band.HIRE, (*reasons, hint_text + " A clean solve without hints would be Strong Hire."))
        return Verdict(Band.STRONG_HIRE, (*reasons, "No hints taken."))
    extra = (hint_text,) if hints else ()
    if ratio >= 0.75 and not dangers:
        if hints >= 2:
            return Verdict(
                Band.NO_HIRE, (*reasons, hint_text + " Two hints or more bring a near-solve down to No Hire.")
            )
        return Verdict(Band.HIRE, (*reasons, *extra))
    if ratio >= 0.5:
        return Verdict(Band.NO_HIRE, (*reasons, *extra))
    return Verdict(Band.STRONG_NO_HIRE, (*reasons, *extra))


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
    return f"{share}% of the rubric's weight ({covered_weight}/{total_weight}; {covered} of {len(concepts)} concepts)"


def written_verdict(
    answered: bool, feedback: Mapping[str, Any] | None, error: str, hints: int, *, subject: str = "answer"
) -> Verdict:
    """A written answer, from the analyzers' recorded feedback (or their sentence when they could not read it).

    ``subject`` names what was written in the sentences ("answer", or "explanation" for a debugging answer's).
    """
    if not answered:
        return Verdict(Band.STRONG_NO_HIRE, (f"No {subject} was written.",))
    if error:
        return Verdict(Band.NO_HIRE, (f"The analyzers could not read the {subject}: {error}",))
    if not feedback:
        return Verdict(Band.NO_HIRE, (f"The {subject} was not analysed.",))
    try:
        band = Band(feedback.get("band", ""))
    except ValueError:
        return Verdict(Band.NO_HIRE, ("The recorded feedback has no band.",))
    said = " ".join(str(r) for r in feedback.get("reasons", ()))
    reasons = [f"The analyzers rated the {subject} {band}" + (f": {said}" if said else ".")]
    coverage = coverage_text(feedback.get("coverage"))
    if coverage:
        reasons.append(f"Rubric coverage: {coverage}.")
    if hints and band is Band.STRONG_HIRE:
        return Verdict(Band.HIRE, (*reasons, f"{_plural(hints, 'hint')} taken, which caps it at Hire."))
    if hints:
        reasons.append(f"{_plural(hints, 'hint')} taken.")
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
    reasons = [*fix.reasons, f"What was wrong: {explanation.reasons[0]}", *explanation.reasons[1:]]
    if band is not fix.band:
        reasons.append(f"The explanation caps the question at {band} (the fix alone: {fix.band}).")
    return Verdict(band, tuple(reasons), pending=fix.pending)


def round_verdict(questions: Sequence[tuple[str, Verdict]]) -> Verdict:
    """A round: the mean of its questions' ranks, rounded down (pending while any question is)."""
    ranks = [v.band.rank for _, v in questions]
    band = list(Band)[math.floor(sum(ranks) / len(ranks))]
    reasons = tuple(f"{title}: {v.label}" for title, v in questions) if len(questions) > 1 else ()
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
    tally = ", ".join(f"{n} {b}" for b, n in sorted(count.items(), key=lambda kv: -kv[0].rank) if n)
    if len(rounds) == 1:
        band, why = bands[0], ""
    elif all(b.is_hire for b in bands) and count[Band.STRONG_HIRE] * 2 >= len(bands):
        band, why = Band.STRONG_HIRE, "Every round Hire or better, half or more Strong Hire."
    elif count[Band.STRONG_NO_HIRE] == 0 and count[Band.NO_HIRE] <= 1:
        band, why = Band.HIRE, "No Strong No Hire and at most one No Hire."
    elif count[Band.STRONG_NO_HIRE] <= 1:
        band, why = Band.NO_HIRE, "Too many rounds below Hire."
    else:
        band, why = Band.STRONG_NO_HIRE, "Two rounds or more were Strong No Hire."
    reasons = [] if len(rounds) == 1 else [f"Rounds: {tally}.", why]  # one round: its own reasons say why
    judged = len(rounds)
    if judged < total and finished:
        reasons.append(f"{_plural(total - judged, 'round')} of {total} not taken; the band covers the {judged} taken.")
    elif judged < total:
        reasons.append(f"In progress: {judged} of {total} rounds done so far; the band covers those.")
    return Verdict(band, tuple(reasons), pending=any(v.pending for v in rounds))
