"""Rubric coverage, danger zones and bands for design and motivation answers."""

from __future__ import annotations

import pytest

from checkers.text import Band, DesignSectionError, Severity, analyze_design, analyze_motivation
from checkers.text.rubric import rubric_coverage
from question_bank import (
    DESIGN_SECTIONS,
    SHIPPED_BANK,
    DangerZone,
    DesignSpec,
    MotivationSpec,
    RubricConcept,
    Text,
    load_question,
)


def _t(en: str) -> Text:
    return Text(en=en, fr=f"[fr] {en}")


def _concept(cid: str, weight: int, en: tuple[str, ...], fr: tuple[str, ...] = ()) -> RubricConcept:
    return RubricConcept(id=cid, concept=_t(cid.replace("-", " ")), weight=weight, synonyms_en=en, synonyms_fr=fr)


RUBRIC = (
    _concept("shared-state", 5, ("redis", "shared store"), ("stockage partagé",)),
    _concept("atomic-update", 5, ("atomic", "incr", "lua script"), ("atomique",)),
    _concept("algorithm", 4, ("token bucket", "sliding window"), ("seau à jetons",)),
    _concept("failure", 3, ("fail open", "timeout"), ("mode dégradé",)),
    _concept("headers", 3, ("429", "retry-after"), ()),
)  # total weight 20
SPEC = DesignSpec(**{s: _t(f"Guidance for {s}.") for s in DESIGN_SECTIONS}, rubric=RUBRIC)
ZONES = (
    DangerZone(
        "not-distributed",
        _t("Not distributed"),
        _t("Share state, update it atomically."),
        ("shared-state", "atomic-update"),
    ),
    DangerZone("fixed-window", _t("Fixed window"), _t("Name an algorithm."), ("algorithm",)),
    DangerZone("spof", _t("Single point of failure"), _t("Say what happens when the store is down."), ("failure",)),
    DangerZone("code-zone", _t("A code zone"), _t("Judged by tests."), ()),
)
FILLER = "The gateway nodes sit behind a load balancer and every request goes through the middleware first. "


def _canvas(**sections: str) -> dict[str, str]:
    canvas = {
        "requirements": "Per-key limits on requests and tokens across forty nodes, five milliseconds at p99 at most.",
        "scale": "20,000 requests per second at peak, about 60,000 store operations per second.",
        "api": "check(key) returns allow or deny with a 429 and a Retry-After header.",
        "data_model": "One token bucket per key and limit: tokens left and last refill time.",
        "high_level": FILLER + "The middleware calls Redis, sharded by key, and runs one Lua script per check.",
        "deep_dives": FILLER + "The script is atomic. On a Redis timeout the node fails open with a local limit.",
        "tradeoffs": "Exactness against latency; token bucket against sliding window; open against closed.",
    }
    canvas.update(sections)
    return canvas


def test_full_coverage_is_strong_hire_and_says_why() -> None:
    feedback = analyze_design(_canvas(), SPEC, ZONES)
    assert feedback.band is Band.STRONG_HIRE, feedback.reasons
    assert feedback.coverage is not None and feedback.coverage.score == 1.0
    assert feedback.reasons == (
        "Covers 100% of the rubric, no danger zone hit, every section filled, scale estimated with numbers.",
    )


def test_coverage_records_words_section_and_quote() -> None:
    feedback = analyze_design(_canvas(), SPEC, ZONES)
    assert feedback.coverage is not None
    shared = next(c for c in feedback.coverage.concepts if c.id == "shared-state")
    assert shared.matched == ("redis",)
    assert shared.where == "high_level"
    assert shared.evidence[0].startswith("The middleware calls Redis")
    atomic = next(c for c in feedback.coverage.concepts if c.id == "atomic-update")
    assert atomic.matched == ("lua script", "atomic")  # in reading order
    headers = next(c for c in feedback.coverage.concepts if c.id == "headers")
    assert headers.where == "api" and set(headers.matched) == {"429", "retry-after"}


def test_coverage_is_weighted() -> None:
    coverage = rubric_coverage({"": "We keep counters in Redis and return 429."}, RUBRIC)
    assert (coverage.covered_weight, coverage.total_weight) == (8, 20)
    assert coverage.score == pytest.approx(0.4)
    assert [c.id for c in coverage.missed] == ["atomic-update", "algorithm", "failure"]  # heaviest first


def test_synonyms_of_both_languages_count_whatever_the_feedback_language() -> None:
    coverage = rubric_coverage({"": "Un stockage partagé, mis à jour de façon atomique."}, RUBRIC, "en")
    assert {c.id for c in coverage.covered} == {"shared-state", "atomic-update"}
    coverage = rubric_coverage({"": "Redis with INCR"}, RUBRIC, "fr")
    assert coverage.concepts[0].concept == "[fr] shared state"


@pytest.mark.parametrize(
    "high_level, hit",
    [
        ("Counters live in Redis and are updated with INCR.", False),
        ("Counters live in Redis: read the value, add one, write it back.", True),  # not atomic
        ("Each node keeps an atomic counter in its own memory.", True),  # not shared
        ("Each node keeps counters in a local hash map.", True),
        ("Les compteurs sont dans un stockage partagé, incrémentés de façon atomique.", False),
    ],
)
def test_the_not_distributed_zone_needs_shared_state_and_atomic_updates(high_level: str, hit: bool) -> None:
    canvas = _canvas(high_level=FILLER + high_level, deep_dives=FILLER + "On a timeout the node fails open.")
    feedback = analyze_design(canvas, SPEC, ZONES)
    assert ("not-distributed" in feedback.danger_zones_hit) is hit
    if hit:
        finding = feedback.finding("danger-zone:not-distributed")
        assert finding is not None and finding.severity is Severity.PROBLEM and finding.evidence == ()
        assert finding.suggestion.startswith("Share state, update it atomically. Not covered: ")


def test_zones_without_missing_any_are_left_to_other_judges() -> None:
    feedback = analyze_design({"high_level": "nothing relevant " * 40}, SPEC, ZONES)
    assert "code-zone" not in feedback.danger_zones_hit
    assert set(feedback.danger_zones_hit) == {"not-distributed", "fixed-window", "spof"}


def test_one_or_two_zones_cap_at_no_hire_three_make_strong_no_hire() -> None:
    no_failure = _canvas(
        deep_dives=FILLER + "The script is atomic.",
        tradeoffs="Exactness against latency, a token bucket for bursts, cost against accuracy.",
    )
    feedback = analyze_design(no_failure, SPEC, ZONES)
    assert feedback.danger_zones_hit == ("spof",) and feedback.band is Band.NO_HIRE
    nothing = _canvas(
        high_level=FILLER * 2, deep_dives=FILLER * 2, data_model="Counters per key.", tradeoffs="Latency, cost."
    )
    feedback = analyze_design(nothing, SPEC, ZONES)
    assert len(feedback.danger_zones_hit) == 3 and feedback.band is Band.STRONG_NO_HIRE


@pytest.mark.parametrize(
    "covered_words, band",
    [
        ("redis incr token bucket fail open 429", Band.STRONG_HIRE),  # 20/20
        ("redis incr token bucket fail open", Band.STRONG_HIRE),  # 17/20 = 85%
        ("redis incr token bucket", Band.HIRE),  # 14/20 = 70%: under 75%
        ("redis incr 429", Band.HIRE),  # 13/20 = 65% (no zones given, so coverage alone decides)
    ],
)
def test_coverage_thresholds_without_zones(covered_words: str, band: Band) -> None:
    canvas = dict.fromkeys(DESIGN_SECTIONS, FILLER * 2)
    canvas["scale"] = FILLER + "20,000 requests per second."
    canvas["high_level"] = FILLER + covered_words
    assert analyze_design(canvas, SPEC, ()).band is band


@pytest.mark.parametrize(
    "covered_words, score, band",
    [("redis incr", 0.5, Band.HIRE), ("redis 429", 0.4, Band.NO_HIRE), ("429", 0.15, Band.STRONG_NO_HIRE)],
)
def test_low_coverage_caps(covered_words: str, score: float, band: Band) -> None:
    canvas = dict.fromkeys(DESIGN_SECTIONS, FILLER * 2)
    canvas["scale"] = FILLER + "20,000 requests per second."
    canvas["high_level"] = FILLER + covered_words
    feedback = analyze_design(canvas, SPEC, ())
    assert feedback.coverage is not None and feedback.coverage.score == pytest.approx(score)
    assert feedback.band is band
    if band is not Band.HIRE:
        assert feedback.reasons[0].startswith(f"Covers {round(score * 100)}% of the rubric's weight (below")


def test_scale_estimates_need_numbers() -> None:
    feedback = analyze_design(_canvas(scale="A lot of traffic, so we need a big cluster with headroom."), SPEC, ZONES)
    assert "scale-without-numbers" in feedback.finding_ids and feedback.band is Band.HIRE
    assert feedback.stats["scale_has_numbers"] is False
    feedback = analyze_design(_canvas(scale="Millions of keys, so a big cluster with plenty of headroom."), SPEC, ZONES)
    assert "scale-without-numbers" not in feedback.finding_ids


def test_empty_and_thin_sections() -> None:
    feedback = analyze_design(_canvas(api="", data_model="Buckets."), SPEC, ZONES, "fr")
    empty = feedback.finding("empty-section:api")
    assert empty is not None and empty.severity is Severity.WARNING
    assert empty.title == "« API » est vide" and empty.suggestion == "[fr] Guidance for api."
    thin = feedback.finding("thin-section:data_model")
    assert thin is not None and thin.severity is Severity.INFO
    assert feedback.stats["empty_sections"] == ["api"]


def test_an_unknown_section_is_a_one_sentence_error() -> None:
    with pytest.raises(DesignSectionError, match=r'^"database" is not a design canvas section; the sections are'):
        analyze_design({"database": "text"}, SPEC, ZONES)


def test_a_near_empty_canvas_is_strong_no_hire() -> None:
    feedback = analyze_design({"high_level": "Use Redis with INCR and a token bucket."}, SPEC, ZONES)
    assert feedback.band is Band.STRONG_NO_HIRE
    assert "Too short to assess: 8 words." in feedback.reasons


def test_the_banks_rate_limiter_zone_is_the_guides_danger_zone() -> None:
    question = load_question(SHIPPED_BANK / "questions" / "distributed-rate-limiter")
    assert question.design is not None
    per_node = {"high_level": "Each gateway node keeps a token bucket per key in memory. " * 10}
    feedback = analyze_design(per_node, question.design, question.danger_zones)
    assert "not-distributed" in feedback.danger_zones_hit
    assert feedback.finding("danger-zone:not-distributed").title == "Rate limiter that is not distributed or scalable"


# -- motivation -------------------------------------------------------------------------------

MOTIVATION = MotivationSpec(
    guidance=(_t("Be specific."),),
    rubric=(
        _concept("open-weights", 5, ("open weights", "apache 2.0"), ("poids ouverts",)),
        _concept("own-work", 5, ("i built", "i shipped"), ("j'ai construit",)),
    ),
)
MOTIVATION_ZONES = (
    DangerZone("generic", _t("Generic"), _t("Say something specific."), ("open-weights",)),
    DangerZone("no-evidence", _t("No evidence"), _t("Name your work."), ("own-work",)),
)
PAD = "I enjoy hard problems and I like to learn from the people around me every single day. "


def test_motivation_coverage_and_length() -> None:
    answer = "Open weights matter to me. I built a serving stack. " + PAD * 8
    feedback = analyze_motivation(answer, MOTIVATION, MOTIVATION_ZONES)
    assert feedback.band is Band.STRONG_HIRE, feedback.reasons
    assert feedback.coverage is not None and feedback.coverage.covered[0].where == ""
    assert 140 <= feedback.stats["total_words"] <= 420


def test_motivation_length_bands() -> None:
    core = "Open weights matter to me. I built a serving stack. "
    short = analyze_motivation(core + PAD * 4, MOTIVATION, MOTIVATION_ZONES)
    assert short.finding("too-short").severity is Severity.WARNING and short.band is Band.HIRE
    very_short = analyze_motivation(core + PAD * 2, MOTIVATION, MOTIVATION_ZONES)
    assert very_short.finding("too-short").severity is Severity.PROBLEM and very_short.band is Band.NO_HIRE
    long = analyze_motivation(core + PAD * 30, MOTIVATION, MOTIVATION_ZONES)
    assert "too-long" in long.finding_ids and long.band is Band.HIRE


def test_motivation_zones_in_french() -> None:
    answer = "Les poids ouverts comptent pour moi, et j’aime apprendre chaque jour auprès de mes collègues. " * 10
    feedback = analyze_motivation(answer, MOTIVATION, MOTIVATION_ZONES, "fr")
    assert feedback.danger_zones_hit == ("no-evidence",)
    assert feedback.finding("danger-zone:no-evidence").suggestion == "[fr] Name your work. Non couvert : [fr] own work."
    assert feedback.stats["language"] == "fr"


def test_an_empty_motivation_answer() -> None:
    feedback = analyze_motivation("   ", MOTIVATION, MOTIVATION_ZONES)
    assert feedback.band is Band.STRONG_NO_HIRE
    assert feedback.coverage is not None and feedback.coverage.score == 0.0
