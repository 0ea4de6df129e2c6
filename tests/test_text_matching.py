"""Literal phrase matching (fillers, headings): case, accents, apostrophes and hyphens forgiven; whole words."""

from __future__ import annotations

import pytest

from checkers.text.matching import count_words, find_all, find_phrase, fold, snippet


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("I Was Right all along", "i was right"),
        ("J’avais raison, pensais-je.", "j'avais raison"),  # typographic apostrophe in the answer
        ("j'avais raison", "j’avais raison"),  # …or in the phrase
        ("We chose fail-open.", "fail open"),
        ("We chose fail open.", "fail-open"),
        ("C'est peut être lent", "peut-être"),
        ("RÉSERVER une estimation", "réserver"),
        ("reserver une estimation", "réserver"),  # typed without accents
        ("Le seau a jetons", "seau à jetons"),
        ("an ÉTAT PARTAGÉ", "état partagé"),
        ("p99 went from 800ms to 200ms", "ms"),  # a digit before a letter is a boundary
        ("it ran 30% faster", "%"),
        ("20MB/s of events", "mb/s"),
        ("3x faster", "x faster"),
        ("he\n   gave   in", "he gave in"),  # any run of whitespace
        ("HTTP 429, then retry", "429"),
        ("the max_tokens field", "max_tokens"),
        ("Straße", "strasse"),  # casefold
    ],
)
def test_phrases_match_whatever_the_typing(text: str, phrase: str) -> None:
    assert find_phrase(text, phrase) is not None


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("He gave instructions to the team", "he gave in"),
        ("we evaluate every change", "lua"),
        ("the incremental backup", "incr"),
        ("it is non-technical", "tech"),
        ("a 1429 error", "429"),
        ("error 4290", "429"),
        ("the greedy choice", "redis"),
        ("relationship", "relation"),
        ("we reserved capacity", "reserve"),
        ("NoSQL store", "sql"),
        ("l'ensemble", "ensemble!"),
    ],
)
def test_phrases_never_match_inside_words(text: str, phrase: str) -> None:
    assert find_phrase(text, phrase) is None


def test_a_match_quotes_the_original_text_with_a_little_context() -> None:
    text = "Before anything else. After two weeks of meetings he FINALLY gave in and the rewrite was cancelled."
    match = find_phrase(text, "he finally gave in")
    assert match is not None
    assert match.text == "he FINALLY gave in"
    assert text[match.start : match.end] == match.text
    assert match.snippet == "After two weeks of meetings he FINALLY gave in and the rewrite was cancelled."


def test_offsets_survive_folding_that_changes_length() -> None:
    text = "Die Straße ist lang, and then I proved them wrong."
    match = find_phrase(text, "proved them wrong")
    assert match is not None and match.text == "proved them wrong"
    assert len(fold("Straße").text) == 7 and fold("Straße").span(0, 7) == (0, 6)


def test_a_snippet_stays_within_its_paragraph() -> None:
    text = "First part.\n\nShe finally gave in.\n\nThird part."
    start = text.index("She")
    assert snippet(text, start, start + 20) == "She finally gave in."
    long = "word " * 30 + "TARGET " + "word " * 30
    cut = snippet(long, long.index("TARGET"), long.index("TARGET") + 6, context=12)
    assert cut.startswith("…") and cut.endswith("…") and "TARGET" in cut and len(cut) < 40


def test_find_all_in_order() -> None:
    text = "We agreed. Later we agreed again; they had a point."
    assert [m.start for m in find_all(text, "we agreed")] == [0, 17]


def test_an_empty_phrase_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="empty phrase"):
        find_phrase("text", "  ")


def test_word_count_counts_what_a_listener_hears() -> None:
    assert count_words("J’ai fait un trade-off sur la p99, it's fine.") == 9
    assert count_words("") == 0
