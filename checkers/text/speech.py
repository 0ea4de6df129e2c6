"""How an answer would sound spoken: length, speaking time, fillers.

Behavioral and motivation answers are spoken in the real interview; the
written answer in mockloop stands in for it. These helpers turn words into the
signals an interviewer hears: how long it lasts at a normal pace and how often
the candidate hedges. (Who acted, "I" or "we", is read from the clauses:
``checkers.text.clauses``.)

Spoken length is defined here once, per kind of answer, as a ``SpokenTarget``
(``STAR_LENGTH``, ``MOTIVATION_LENGTH``): the analyzers' ``[too-short]`` /
``[too-long]`` findings and the panels' live "short" / "good length" / "long"
label both come from ``SpokenTarget.pace``, so they cannot disagree. Words
become time at ``WORDS_PER_MINUTE`` (140, a calm interview pace).

- **Behavioral (STAR) story** — aim for 1.5–3 minutes (the interview guide,
  issue #6). Too short under 1.5 minutes (fewer than 210 words): below that
  a story almost always skips the detail of the Action or the Result, and the
  lower bound gets no slack because a candidate speaking faster than 140 wpm
  is shorter still. Too long over 3.5 minutes (more than 490 words): the
  half-minute of grace above the 3-minute aim absorbs the error of a
  words-to-time estimate (at a brisk 160 wpm, 490 words is barely over three
  minutes), so the note only appears on a story that clearly overruns; it
  never moves the band. Between 3 and 3.5 minutes the panel still says
  "good length" while it shows the 1:30–3:00 aim.
- **Motivation answer** — aim for about 2 minutes; too short under 1 minute
  (fewer than 140 words, and a problem under half a minute, 70 words), too
  long over 3 minutes (more than 420 words). The window is wide because
  "why this role" answers vary more in shape than stories do, and the rubric
  coverage, not the length, is what judges them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from checkers.text.feedback import Finding, Severity
from checkers.text.matching import find_all
from checkers.text.messages import message, number

#: A comfortable interview pace: the guide's "1.5–3 minutes" story is 210–420 words.
WORDS_PER_MINUTE = 140

#: Fillers and hedges, per answer language. "like" and "genre" count only before a
#: comma ("it was, like, slow"), because "tools like Redis" and "ce genre de
#: problème" are ordinary words.
FILLERS: dict[str, tuple[str, ...]] = {
    "en": (
        "um",
        "umm",
        "uh",
        "uhm",
        "erm",
        "like,",
        "basically",
        "kind of",
        "sort of",
        "i guess",
        "i suppose",
        "maybe",
        "probably",
        "you know",
    ),
    "fr": (
        "euh",
        "heu",
        "bah",
        "genre,",
        "en fait",
        "du coup",
        "voilà",
        "peut-être",
        "probablement",
        "je suppose",
        "en quelque sorte",
    ),
}
#: Fillers per 100 words above which a finding is raised…
FILLER_RATE = 2.0
#: …provided there are at least this many (three "maybe"s in a short answer are fine).
FILLER_MIN_COUNT = 3


def speaking_seconds(words: int) -> float:
    """Seconds to say ``words`` words at ``WORDS_PER_MINUTE``."""
    return words * 60 / WORDS_PER_MINUTE


def words_in(minutes: float) -> int:
    """How many words fill ``minutes`` spoken at ``WORDS_PER_MINUTE`` (rounded)."""
    return round(minutes * WORDS_PER_MINUTE)


class Pace(StrEnum):
    """How a spoken length compares with what an interviewer expects."""

    SHORT = "short"
    GOOD = "good"
    LONG = "long"


@dataclass(frozen=True, slots=True)
class SpokenTarget:
    """The spoken length of one kind of answer: what to aim for and where warnings start.

    ``aim`` is the range told to the candidate, in seconds (the panels show it
    as ``m:ss–m:ss``), and ``target`` the same aim in words for the findings,
    ``(English, French)``. An answer of fewer than ``short_below`` words is
    short, of more than ``long_above`` words long; under ``problem_below``
    words, too short is a problem rather than a warning.
    """

    aim: tuple[int, int]
    target: tuple[str, str]
    short_below: int
    long_above: int
    problem_below: int = 0

    def pace(self, words: int) -> Pace:
        """Short, good or long: the one judgement behind the finding and the panel's label."""
        if words < self.short_below:
            return Pace.SHORT
        if words > self.long_above:
            return Pace.LONG
        return Pace.GOOD

    def target_text(self, lang: str) -> str:
        return self.target[1] if lang == "fr" else self.target[0]


#: A behavioral story: aim for 1.5–3 minutes; short under 1.5 (210 words), long over 3.5 (490).
STAR_LENGTH = SpokenTarget(
    aim=(90, 180),
    target=("1.5–3 minutes", "1 min 30 à 3 minutes"),
    short_below=words_in(1.5),
    long_above=words_in(3.5),
)
#: A motivation answer: aim for about 2 minutes; short under 1 (140 words, a problem under
#: half a minute, 70), long over 3 (420).
MOTIVATION_LENGTH = SpokenTarget(
    aim=(60, 180),
    target=("about 2 minutes", "environ 2 minutes"),
    short_below=words_in(1),
    long_above=words_in(3),
    problem_below=words_in(0.5),
)


@dataclass(frozen=True, slots=True)
class FillerCount:
    """Fillers found, by how the candidate wrote them, in order of frequency."""

    by_word: tuple[tuple[str, int], ...]
    total: int
    per_100_words: float


def count_fillers(text: str, language: str, words: int) -> FillerCount:
    """Count the fillers of ``language`` in ``text`` (``words`` is its word count)."""
    counts: Counter[str] = Counter()
    for filler in FILLERS.get(language, FILLERS["en"]):
        matches = find_all(text, filler)
        if matches:  # keyed as the candidate first wrote it ("I guess", not "i guess")
            counts[matches[0].text.rstrip(",")] += len(matches)
    total = sum(counts.values())
    rate = 100 * total / words if words else 0.0
    return FillerCount(tuple(counts.most_common()), total, rate)


def filler_finding(fillers: FillerCount, lang: str) -> Finding | None:
    """A warning when fillers exceed ``FILLER_RATE`` per 100 words (and ``FILLER_MIN_COUNT``)."""
    if fillers.total < FILLER_MIN_COUNT or fillers.per_100_words <= FILLER_RATE:
        return None
    return Finding(
        id="fillers",
        severity=Severity.WARNING,
        title=message("fillers", lang, count=fillers.total, rate=number(fillers.per_100_words, lang)),
        evidence=tuple(f'"{word}" ×{n}' for word, n in fillers.by_word[:5]),
        suggestion=message("fillers.suggestion", lang),
    )


def length_finding(words: int, length: SpokenTarget, lang: str) -> Finding | None:
    """A finding when an answer of ``words`` words is short or long for ``length``.

    Short is a warning (it caps the band at Hire), and below
    ``length.problem_below`` words a problem: for a question that is all about
    saying enough, half a minute is a miss, not a style issue. Long is a note
    that never moves the band: an interviewer cuts a long answer short, and
    what it says is judged on its own.
    """
    pace = length.pace(words)
    target = length.target_text(lang)
    if pace is Pace.SHORT:
        return Finding(
            id="too-short",
            severity=Severity.PROBLEM if words < length.problem_below else Severity.WARNING,
            title=message("too-short", lang, seconds=round(speaking_seconds(words)), target=target),
            suggestion=message("too-short.suggestion", lang, target=target),
        )
    if pace is Pace.LONG:  # a note: the interviewer can cut a long answer short, the substance is what counts
        return Finding(
            id="too-long",
            severity=Severity.INFO,
            title=message("too-long", lang, minutes=number(speaking_seconds(words) / 60, lang), target=target),
            suggestion=message("too-long.suggestion", lang),
        )
    return None
