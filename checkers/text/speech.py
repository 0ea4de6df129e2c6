"""How an answer would sound spoken: length, speaking time, fillers, "I" versus "we".

Behavioral and motivation answers are spoken in the real interview; the
written answer in mockloop stands in for it. These helpers turn words into the
signals an interviewer hears: how long it lasts at a normal pace, how often the
candidate hedges, and whether they speak for themselves.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from checkers.text.feedback import Finding, Severity
from checkers.text.matching import find_all, tokens
from checkers.text.messages import message, number

#: A comfortable interview pace; the guide's "two to three minutes" is 280–420 words.
WORDS_PER_MINUTE = 140

#: Fillers and hedges, per answer language. "like" and "genre" count only before a
#: comma ("it was, like, slow"), because "tools like Redis" and "ce genre de
#: problème" are ordinary words.
FILLERS: dict[str, tuple[str, ...]] = {
    "en": (
        "um", "umm", "uh", "uhm", "erm", "like,", "basically", "kind of", "sort of",
        "i guess", "i suppose", "maybe", "probably", "you know",
    ),
    "fr": (
        "euh", "heu", "bah", "genre,", "en fait", "du coup", "voilà", "peut-être",
        "probablement", "je suppose", "en quelque sorte",
    ),
}
#: Fillers per 100 words above which a finding is raised…
FILLER_RATE = 2.0
#: …provided there are at least this many (three "maybe"s in a short answer are fine).
FILLER_MIN_COUNT = 3

#: First-person pronouns, singular and plural, per answer language (folded, elisions split).
#: "on" is only counted in French answers: in English it is a preposition.
I_WORDS = {"en": frozenset({"i", "i'", "me", "my", "mine", "myself"}),
           "fr": frozenset({"je", "j'", "moi", "me", "m'", "mon", "ma", "mes"})}
WE_WORDS = {"en": frozenset({"we", "we'", "us", "our", "ours", "ourselves"}),
            "fr": frozenset({"nous", "notre", "nos", "on"})}


def speaking_seconds(words: int) -> float:
    """Seconds to say ``words`` words at ``WORDS_PER_MINUTE``."""
    return words * 60 / WORDS_PER_MINUTE


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


def pronoun_counts(text: str, language: str) -> tuple[int, int]:
    """How many times ``text`` says "I" (and me, my…) and "we" (us, our…)."""
    words = tokens(text)
    singular = I_WORDS.get(language, I_WORDS["en"])
    plural = WE_WORDS.get(language, WE_WORDS["en"])
    return sum(w in singular for w in words), sum(w in plural for w in words)


def length_finding(
    words: int, minimum: int, maximum: int, target: str, lang: str, *, problem_below: int = 0
) -> Finding | None:
    """A warning when an answer of ``words`` words is outside ``[minimum, maximum]``.

    ``target`` is the spoken length to aim for, already worded ("2–3 minutes").
    Below ``problem_below`` words, "too short" is a problem rather than a
    warning: for a question that is all about saying enough, half a minute is
    a miss, not a style issue.
    """
    if words < minimum:
        return Finding(
            id="too-short",
            severity=Severity.PROBLEM if words < problem_below else Severity.WARNING,
            title=message("too-short", lang, seconds=round(speaking_seconds(words)), target=target),
            suggestion=message("too-short.suggestion", lang, target=target),
        )
    if words > maximum:
        return Finding(
            id="too-long",
            severity=Severity.WARNING,
            title=message("too-long", lang, minutes=number(speaking_seconds(words) / 60, lang), target=target),
            suggestion=message("too-long.suggestion", lang),
        )
    return None
