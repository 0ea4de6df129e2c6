"""Rubric coverage, stated danger zones and bands for design and motivation answers."""

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
from question_bank.patterns import parse_pattern


def _t(en: str) -> Text:
    return Text(en=en, fr=f"[fr] {en}")


def _concept(cid: str, weight: int, *patterns: str, checks: tuple[str, ...] = ()) -> RubricConcept:
    parsed = tuple(parse_pattern(p) for p in patterns)
    return RubricConcept(id=cid, concept=_t(cid.replace("-", " ")), weight=weight, patterns=parsed, checks=checks)


def _zone(zid: str, *patterns: str, unless: tuple[str, ...] = ()) -> DangerZone:
    return DangerZone(
        zid,
        _t(zid.replace("-", " ").capitalize()),
        _t(f"How {zid} is judged."),
        tuple(parse_pattern(p) for p in patterns),
        tuple(parse_pattern(p) for p in unless),
    )


RUBRIC = (
    _concept("shared-state", 5, "redis", "shared|partagé & store|stockage"),  # any order: "stockage partagé"
    _concept("atomic-update", 5, "atomic|atomique|atomically", "incr", "lua script"),
    _concept("algorithm", 4, "token bucket", "sliding window", "seau à jetons"),
    _concept("failure", 3, "fail open|closed", "timeout"),
    _concept("headers", 3, "429", "retry after"),
)  # total weight 20
SPEC = DesignSpec(**{s: _t(f"Guidance for {s}.") for s in DESIGN_SECTIONS}, rubric=RUBRIC)
ZONES = (
    _zone("not-distributed", "each|every node & memory|local & counter|bucket & !fallback|timeout"),
    _zone("fixed-window", "use .. fixed window"),
    DangerZone("code-zone", _t("A code zone"), _t("Judged by tests.")),
)
FILLER = "The gateway nodes sit behind a load balancer and every request goes through the middleware first. "


def _canvas(**sections: str) -> dict[str, str]:
    canvas = {
        "requirements": "Per-key limits on requests and tokens across forty nodes, five milliseconds at p99 at most.",
        "scale": (
            "20,000 requests per second at peak, about 60,000 store operations per second. "
            "One Redis node does 100,000 operations per second, so we need 6 shards for headroom. "
            "50,000 keys of 100 bytes is 5 MB: memory is irrelevant."
        ),
        "api": "check(key) returns allow or deny with a 429 and a Retry-After header.",
        "data_model": "One token bucket per key and limit: tokens left and last refill time.",
        "high_level": FILLER + "The middleware calls Redis, sharded by key, and runs one Lua script per check.",
        "deep_dives": FILLER + "The script is atomic. On a Redis timeout the node fails open with a local limit.",
        "tradeoffs": (
            "Fixed window rejected: it allows twice the limit at the boundary. "
            "Fail open rather than closed, because paying customers must keep working. "
            "Exact checks vs local leases: exact by default, since the latency budget allows one round trip. "
            "A sliding window would also work; token bucket chosen over it because it gives the retry time."
        ),
    }
    canvas.update(sections)
    return canvas


def test_full_coverage_with_argued_choices_is_strong_hire_and_says_why() -> None:
    feedback = analyze_design(_canvas(), SPEC, ZONES)
    assert feedback.band is Band.STRONG_HIRE, feedback.reasons
    assert feedback.coverage is not None and feedback.coverage.score == 1.0
    assert feedback.reasons == (
        "Covers 100% of the rubric, no danger zone hit, every section filled, scale estimated with numbers.",
    )


def test_too_few_argued_choices_is_hire() -> None:
    canvas = _canvas(tradeoffs="Latency against cost.", scale="20,000 requests per second, so one cluster is enough.")
    feedback = analyze_design(canvas, SPEC, ())
    assert feedback.band is Band.HIRE
    assert feedback.reasons[-1].startswith("Hire rather than Strong Hire: 1 choice(s) argued")


def test_a_list_of_tools_with_no_argued_choice_is_no_hire() -> None:
    canvas = _canvas(tradeoffs="Latency. Cost.", scale="Huge scale, billions of requests.")
    feedback = analyze_design(canvas, SPEC, ())
    assert feedback.band is Band.NO_HIRE
    assert "uses no number to decide anything and rejects no alternative" in " ".join(feedback.reasons)


def test_coverage_records_words_section_and_the_sentence() -> None:
    feedback = analyze_design(_canvas(), SPEC, ZONES)
    assert feedback.coverage is not None
    shared = next(c for c in feedback.coverage.concepts if c.id == "shared-state")
    assert shared.matched[0] == "Redis"
    assert shared.where == "scale"
    assert shared.evidence[0] == "One Redis node does 100,000 operations per second, so we need 6 shards for headroom."
    atomic = next(c for c in feedback.coverage.concepts if c.id == "atomic-update")
    assert atomic.matched == ("Lua script", "atomic")  # in reading order, as written


def test_coverage_is_weighted() -> None:
    coverage = rubric_coverage({"": "We keep counters in Redis and return 429."}, RUBRIC)
    assert (coverage.covered_weight, coverage.total_weight) == (8, 20)
    assert coverage.score == pytest.approx(0.4)
    assert [c.id for c in coverage.missed] == ["atomic-update", "algorithm", "failure"]  # heaviest first


def test_patterns_match_either_language_whatever_the_feedback_language() -> None:
    coverage = rubric_coverage({"": "Un stockage partagé, mis à jour de façon atomique."}, RUBRIC, "en")
    assert {c.id for c in coverage.covered} == {"shared-state", "atomic-update"}
    coverage = rubric_coverage({"": "Redis with INCR"}, RUBRIC, "fr")
    assert coverage.concepts[0].concept == "[fr] shared state"


def test_a_concept_can_be_limited_to_some_sections() -> None:
    concept = RubricConcept("cache", _t("cache"), 1, (parse_pattern("cache"),), parts=("high_level",))
    assert rubric_coverage({"high_level": "A cache in front."}, (concept,)).is_covered("cache")
    assert not rubric_coverage({"requirements": "Must cache."}, (concept,)).is_covered("cache")


@pytest.mark.parametrize(
    "high_level, hit",
    [
        ("Each node keeps its counters in local memory.", True),
        ("Every node holds a token bucket per key in memory.", True),
        ("Counters live in Redis and are updated with INCR.", False),
        ("On a timeout, each node falls back to a local bucket in memory.", False),  # the fallback, not the design
        ("Keeping each node's counters in memory would not work: 40 nodes, 40 times the limit.", False),
        ("We don't keep counters in memory on each node.", False),
    ],
)
def test_a_zone_fires_only_on_what_the_design_says(high_level: str, hit: bool) -> None:
    feedback = analyze_design(_canvas(high_level=FILLER + high_level), SPEC, ZONES)
    assert ("not-distributed" in feedback.danger_zones_hit) is hit
    if hit:
        finding = feedback.finding("danger-zone:not-distributed")
        assert finding.severity is Severity.PROBLEM and finding.evidence == (high_level,)
        assert finding.suggestion == "How not-distributed is judged."


def test_what_a_design_leaves_out_is_coverage_never_a_zone() -> None:
    feedback = analyze_design({"high_level": "nothing relevant " * 40}, SPEC, ZONES)
    assert feedback.danger_zones_hit == ()
    assert feedback.coverage is not None and feedback.coverage.score == 0.0
    assert feedback.band is Band.STRONG_NO_HIRE


def test_one_zone_caps_at_no_hire_two_make_strong_no_hire() -> None:
    one = _canvas(data_model="Each node keeps a token bucket per key in memory.")
    feedback = analyze_design(one, SPEC, ZONES)
    assert feedback.danger_zones_hit == ("not-distributed",) and feedback.band is Band.NO_HIRE
    two = _canvas(data_model="Each node keeps a token bucket per key in memory. We use a fixed window.")
    feedback = analyze_design(two, SPEC, ZONES)
    assert len(feedback.danger_zones_hit) == 2 and feedback.band is Band.STRONG_NO_HIRE


def test_a_zone_in_a_design_that_covers_little_is_strong_no_hire() -> None:
    canvas = dict.fromkeys(DESIGN_SECTIONS, FILLER * 2)
    canvas["scale"] = "20,000 requests per second, so one cluster is enough."
    canvas["data_model"] = "Each node keeps a counter per key in memory."
    feedback = analyze_design(canvas, SPEC, ZONES)
    assert feedback.band is Band.STRONG_NO_HIRE
    assert any(r.startswith("A serious problem in an answer that covers 0% of the rubric") for r in feedback.reasons)


@pytest.mark.parametrize(
    "covered_words, score, band",
    [
        ("redis incr token bucket", 0.7, Band.HIRE),
        ("redis incr", 0.5, Band.HIRE),
        ("redis 429", 0.4, Band.NO_HIRE),
        ("429", 0.15, Band.STRONG_NO_HIRE),
    ],
)
def test_coverage_caps(covered_words: str, score: float, band: Band) -> None:
    canvas = dict.fromkeys(DESIGN_SECTIONS, FILLER * 2)
    canvas["scale"] = "20,000 requests per second at peak, so one cluster is enough."
    canvas["high_level"] = FILLER + covered_words
    feedback = analyze_design(canvas, SPEC, ())
    assert feedback.coverage is not None and feedback.coverage.score == pytest.approx(score)
    assert feedback.band is band
    if band is not Band.HIRE:
        assert feedback.reasons[0].startswith(f"Covers {round(score * 100)}% of the rubric's weight (below")


def test_scale_estimates_need_numbers_in_digits() -> None:
    feedback = analyze_design(_canvas(scale="Billions of requests, so we need a big cluster."), SPEC, ZONES)
    finding = feedback.finding("scale-without-numbers")
    assert finding.evidence == ("Billions of requests, so we need a big cluster.",)
    assert feedback.stats["scale_has_numbers"] is False
    assert "scale-without-numbers" not in analyze_design(_canvas(), SPEC, ZONES).finding_ids


def test_empty_and_thin_sections() -> None:
    feedback = analyze_design(_canvas(api="", data_model="Buckets."), SPEC, ZONES, "fr")
    empty = feedback.finding("empty-section:api")
    assert empty.severity is Severity.WARNING
    assert empty.title == "« API » est vide" and empty.suggestion == "[fr] Guidance for api."
    thin = feedback.finding("thin-section:data_model")
    assert thin.severity is Severity.INFO
    assert feedback.stats["empty_sections"] == ["api"]


def test_an_unknown_section_is_a_one_sentence_error() -> None:
    with pytest.raises(DesignSectionError, match=r'^"database" is not a design canvas section; the sections are'):
        analyze_design({"database": "text"}, SPEC, ZONES)


def test_a_near_empty_canvas_is_strong_no_hire() -> None:
    feedback = analyze_design({"high_level": "Use Redis with INCR and a token bucket."}, SPEC, ZONES)
    assert feedback.band is Band.STRONG_NO_HIRE
    assert "Too short to assess: 8 words." in feedback.reasons


def test_the_banks_rate_limiter_zone_quotes_the_per_node_design() -> None:
    question = load_question(SHIPPED_BANK / "questions" / "distributed-rate-limiter")
    assert question.design is not None
    per_node = {"high_level": "Each gateway node keeps a token bucket per key in memory. " * 10}
    feedback = analyze_design(per_node, question.design, question.danger_zones)
    finding = feedback.finding("danger-zone:not-distributed")
    assert finding.title == "Rate limiter that is not distributed or scalable"
    assert finding.evidence == ("Each gateway node keeps a token bucket per key in memory.",)


# -- motivation -------------------------------------------------------------------------------

MOTIVATION = MotivationSpec(
    guidance=(_t("Be specific."),),
    rubric=(
        _concept("open-weights", 5, "open weights", "apache", "poids ouverts"),
        _concept("own-work", 5, checks=("own-work",)),
    ),
)
MOTIVATION_ZONES = (_zone("no-evidence", "I .. NOT .. build .. anything", "je .. rien .. construire|construit"),)
PAD = "I enjoy hard problems and I like to learn from the people around me every single day. "


def test_motivation_coverage_and_length() -> None:
    answer = "Open weights matter to me. I built a serving stack for our models. " + PAD * 8
    feedback = analyze_motivation(answer, MOTIVATION, MOTIVATION_ZONES)
    assert feedback.band is Band.STRONG_HIRE, feedback.reasons
    assert feedback.coverage is not None and feedback.coverage.covered[0].where == ""
    assert 140 <= feedback.stats["total_words"] <= 420


def test_motivation_length_bands() -> None:
    core = "Open weights matter to me. I built a serving stack for our models. "
    short = analyze_motivation(core + PAD * 4, MOTIVATION, MOTIVATION_ZONES)
    assert short.finding("too-short").severity is Severity.WARNING and short.band is Band.HIRE
    very_short = analyze_motivation(core + PAD * 2, MOTIVATION, MOTIVATION_ZONES)
    assert very_short.finding("too-short").severity is Severity.PROBLEM and very_short.band is Band.NO_HIRE
    long = analyze_motivation(core + PAD * 30, MOTIVATION, MOTIVATION_ZONES)
    assert long.finding("too-long").severity is Severity.INFO and long.band is Band.STRONG_HIRE


def test_motivation_zones_are_what_the_answer_says_in_either_language() -> None:
    pad = "J'aime les problèmes difficiles et j'apprends chaque jour auprès de mes collègues. "
    answer = "Les poids ouverts comptent pour moi. Je n'ai encore rien construit avec des LLM. " + pad * 8
    feedback = analyze_motivation(answer, MOTIVATION, MOTIVATION_ZONES, "fr")
    assert feedback.danger_zones_hit == ("no-evidence",)
    assert feedback.finding("danger-zone:no-evidence").evidence == ("Je n'ai encore rien construit avec des LLM.",)
    assert feedback.stats["language"] == "fr"
    quiet = analyze_motivation("Les poids ouverts comptent pour moi. " + PAD * 8, MOTIVATION, MOTIVATION_ZONES)
    assert quiet.danger_zones_hit == ()


def test_an_empty_motivation_answer() -> None:
    feedback = analyze_motivation("   ", MOTIVATION, MOTIVATION_ZONES)
    assert feedback.band is Band.STRONG_NO_HIRE
    assert feedback.coverage is not None and feedback.coverage.score == 0.0
