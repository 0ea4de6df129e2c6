"""The shipped bank: the guide's 18 questions, complete in both languages, drawable."""

from __future__ import annotations

import re

import pytest

from question_bank import DESIGN_SECTIONS, Kind, Question, load_bank

BANK = load_bank()
QUESTIONS = sorted(BANK, key=lambda q: q.id)

EXPECTED_ROUNDS = {
    "recruiter-screen": {"mistral-motivation"},
    "coding-screen": {"top-k-queries", "valid-bst", "lru-cache"},
    "system-design": {"url-shortener", "model-popularity", "distributed-rate-limiter", "inference-gateway"},
    "onsite-coding": {"max-concurrent-sessions", "debug-avg-token-usage", "safe-divide", "bpe-merges"},
    "behavioral": {
        "cross-functional-influence",
        "disagreement",
        "failure",
        "ownership",
        "ambiguity",
        "optimization-story",
    },
}

#: The guide's danger zones, each on the question it belongs to.
GUIDE_DANGER_ZONES = {
    "disagreement": "won-the-argument",
    "max-concurrent-sessions": "sort-by-start-only",
    "safe-divide": "only-zero-division",
    "distributed-rate-limiter": "not-distributed",
}


def test_the_bank_has_the_guides_eighteen_questions_in_their_rounds() -> None:
    assert len(BANK) == 18
    assert {rid: {q.id for q in BANK.in_round(rid)} for rid in EXPECTED_ROUNDS} == EXPECTED_ROUNDS


@pytest.mark.parametrize("question_id, zone_id", GUIDE_DANGER_ZONES.items())
def test_guide_danger_zones_are_on_their_questions(question_id: str, zone_id: str) -> None:
    assert BANK.question(question_id).danger_zone(zone_id) is not None


def _texts(question: Question) -> list[str]:
    """Every bilingual text of a question, flattened, to check both languages exist."""
    texts = [question.title, question.prompt, *question.hints]
    texts += [t for c in question.clarifications for t in (c.question, c.answer)]
    texts += [t for z in question.danger_zones for t in (z.title, z.judged)]
    return [s for t in texts for s in (t.en, t.fr)]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_every_question_is_complete_in_both_languages(question: Question) -> None:
    assert all(s.strip() for s in _texts(question))
    assert question.prompt.en != question.prompt.fr, "the French prompt must be a translation, not a copy"
    assert 2 <= len(question.hints) <= 3
    assert question.danger_zones, "every question names at least one classic mistake"
    if question.kind in (Kind.CODE, Kind.DEBUGGING, Kind.DESIGN):
        assert len(question.clarifications) >= 4


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.kind.is_code], ids=lambda q: q.id)
def test_code_questions_state_their_entry_point(question: Question) -> None:
    assert question.code is not None
    assert re.search(rf"\b{re.escape(question.code.entry)}\b", question.prompt.en)
    assert question.code.entry in question.code.starter()
    assert question.code.entry in question.code.reference()


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.kind is Kind.DESIGN], ids=lambda q: q.id)
def test_design_questions_have_scale_numbers_and_a_rubric(question: Question) -> None:
    assert question.design is not None
    assert any(re.search(r"\d", c.answer.en) for c in question.clarifications), "scale needs concrete numbers"
    assert all(question.design.guidance(s).en for s in DESIGN_SECTIONS)
    assert len(question.design.rubric) >= 6


def test_the_mistral_loop_has_the_guides_five_rounds_in_order() -> None:
    loop = BANK.loop("mistral-swe")
    assert [r.id for r in loop.rounds] == list(EXPECTED_ROUNDS)
    assert [r.minutes for r in loop.rounds] == [20, 45, 45, 60, 45]


@pytest.mark.parametrize("seed", range(40))
def test_draw_fills_every_slot_without_repeats(seed: int) -> None:
    loop = BANK.loop("mistral-swe")
    drawn = loop.draw(BANK, seed)
    ids = [q.id for r in drawn for q in r.questions]
    assert len(ids) == len(set(ids)) == sum(len(r.slots) for r in loop.rounds)
    for drawn_round in drawn:
        assert len(drawn_round.questions) == len(drawn_round.round.slots)
        for slot, question in zip(drawn_round.round.slots, drawn_round.questions, strict=True):
            assert question.round == drawn_round.round.id and slot.accepts(question)
    onsite = drawn[3].questions
    assert onsite[0].difficulty == "hard" and onsite[1].type in ("Debugging", "Edge Cases")


def test_draw_is_reproducible_and_varies_with_the_seed() -> None:
    loop = BANK.loop("mistral-swe")

    def ids(seed: int) -> list[str]:
        return [q.id for r in loop.draw(BANK, seed) for q in r.questions]

    assert ids(7) == ids(7)
    assert len({tuple(ids(seed)) for seed in range(20)}) > 1
