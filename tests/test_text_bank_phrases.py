"""The bank's red flags and rubrics, as the analyzers read them: they fire on the
stories they describe and stay quiet on innocent uses of the same words.

When one of these fails, fix the phrase or synonym in the question file (a
misfiring phrase is a content bug), not the expectation here.
"""

from __future__ import annotations

import pytest

from checkers.text.rubric import rubric_coverage, zone_findings
from checkers.text.star import red_flag_finding
from question_bank import SHIPPED_BANK, Question, load_question


def _question(question_id: str) -> Question:
    return load_question(SHIPPED_BANK / "questions" / question_id)


def _fires(question_id: str, flag_id: str, text: str) -> bool:
    star = _question(question_id).star
    assert star is not None
    flag = next(f for f in star.red_flags if f.id == flag_id)
    return red_flag_finding(flag, text) is not None


FIRES = [
    ("disagreement", "won-the-argument", "After a month of meetings they finally gave in."),
    ("disagreement", "won-the-argument", "In the end I proved him wrong with the benchmark."),
    ("disagreement", "won-the-argument", "Au final, j’ai eu gain de cause."),
    ("disagreement", "won-the-argument", "Il a fini par céder au bout d’un mois."),
    ("disagreement", "blame", "Honestly, he was being difficult the whole time."),
    ("disagreement", "blame", "Elle ne voulait rien entendre."),
    ("cross-functional-influence", "forced-by-rank", "So I escalated to my manager, who settled it."),
    ("cross-functional-influence", "forced-by-rank", "J’ai escaladé et la direction a tranché."),
    ("cross-functional-influence", "dismissing-other-functions", "Sales didn't understand the trade."),
    ("cross-functional-influence", "dismissing-other-functions", "Les commerciaux ne comprenaient rien."),
    ("failure", "no-ownership-of-failure", "It was not my fault: the other team broke the schema."),
    ("failure", "humblebrag", "My only weakness is that I'm a perfectionist."),
    ("ownership", "assigned-not-owned", "My manager asked me to fix the flaky tests."),
    ("ownership", "lone-hero", "I rewrote their service without telling anyone."),
    ("ambiguity", "waiting-for-clarity", "We couldn't start until product wrote the spec."),
    ("ambiguity", "blaming-the-chaos", "Honestly it was total chaos and nobody knew what they wanted."),
    ("optimization-story", "no-measurement", "After my change the service was much faster."),
    ("optimization-story", "free-lunch", "Honestly it had no downside at all."),
]

QUIET = [
    ("disagreement", "won-the-argument", "We won the contract with the retailer two weeks later."),
    ("disagreement", "won-the-argument", "She had a point about the deadline, so we moved it."),
    ("disagreement", "won-the-argument", "He gave instructions to the on-call engineer."),
    ("disagreement", "won-the-argument", "I never got my way on that one, and that was fine."),
    ("disagreement", "won-the-argument", "I was right about the latency, but we agreed to ship first."),
    ("disagreement", "blame", "I don't think he was being difficult; he was protecting his team."),
    ("disagreement", "blame", "Je ne dirais pas qu’il était borné : il protégeait son équipe."),
    ("disagreement", "blame", "He was stubborn, but in hindsight I should have asked why."),
    ("cross-functional-influence", "forced-by-rank", "I escalated only after the data showed a clear win."),
    ("cross-functional-influence", "forced-by-rank", "We escalated the incident to on-call and ran a pilot."),
    ("cross-functional-influence", "dismissing-other-functions", "Sales only cared about Q3, their goals were fair."),
    ("failure", "no-ownership-of-failure", "Part of it was out of my control, but my mistake was skipping tests."),
    ("ownership", "assigned-not-owned", "Nobody asked me; it was another team's service."),
    ("optimization-story", "no-measurement", "It was much faster: p99 went from 800 ms to 200 ms."),
    ("optimization-story", "free-lunch", "It looked free, but the trade-off was memory."),
    ("ambiguity", "waiting-for-clarity", "I waited for nobody: I wrote down my assumptions and built a prototype."),
]

MISFIRES = [
    pytest.param(
        "disagreement",
        "won-the-argument",
        "I was right there when the outage started, so I joined the call.",
        id="i-was-right-there",
    ),
    pytest.param(
        "cross-functional-influence",
        "dismissing-other-functions",
        "I wrote a one-page summary for non-technical people in sales and support.",
        id="non-technical-people",
    ),
    pytest.param(
        "cross-functional-influence",
        "forced-by-rank",
        "The GDPR deadline was non-negotiable, so I planned the launch backwards from it.",
        id="non-negotiable-constraint",
    ),
    pytest.param(
        "ambiguity",
        "waiting-for-clarity",
        "I waited for the canary metrics before the full rollout.",
        id="waited-for-canary",
    ),
]

SUPPRESSED = [
    pytest.param(
        "disagreement",
        "won-the-argument",
        "I put together a deck, and after a month they finally gave in.",
        id="put-together",
    ),
    pytest.param(
        "disagreement",
        "won-the-argument",
        "J’ai relu l’ensemble du dossier, et il a fini par céder.",
        id="l-ensemble-de",
    ),
]


@pytest.mark.parametrize("question_id, flag_id, text", FIRES)
def test_red_flag_fires_on_the_story_it_describes(question_id: str, flag_id: str, text: str) -> None:
    assert _fires(question_id, flag_id, text)


@pytest.mark.parametrize("question_id, flag_id, text", QUIET)
def test_red_flag_stays_quiet_on_innocent_or_mitigated_words(question_id: str, flag_id: str, text: str) -> None:
    assert not _fires(question_id, flag_id, text)


@pytest.mark.parametrize("question_id, flag_id, text", MISFIRES)
def test_known_misfiring_phrases(question_id: str, flag_id: str, text: str) -> None:
    assert not _fires(question_id, flag_id, text)


@pytest.mark.parametrize("question_id, flag_id, text", SUPPRESSED)
def test_known_too_broad_unless_words(question_id: str, flag_id: str, text: str) -> None:
    assert _fires(question_id, flag_id, text)


def _covers(question_id: str, concept_id: str, text: str) -> bool:
    question = _question(question_id)
    spec = question.design or question.motivation
    assert spec is not None
    return rubric_coverage({"": text}, spec.rubric).is_covered(concept_id)


def _zone_hit(question_id: str, zone_id: str, text: str) -> bool:
    question = _question(question_id)
    spec = question.design or question.motivation
    assert spec is not None
    coverage = rubric_coverage({"": text}, spec.rubric)
    return any(f.id == f"danger-zone:{zone_id}" for f in zone_findings(question.danger_zones, coverage))


@pytest.mark.parametrize(
    "question_id, concept_id, text",
    [
        ("distributed-rate-limiter", "shared-state", "Counters live in a Redis cluster."),
        ("distributed-rate-limiter", "atomic-update", "Each check is one Lua script."),
        ("distributed-rate-limiter", "limiting-algorithm", "Un seau à jetons par clé."),
        ("url-shortener", "collision-handling", "On a collision we retry with a new code."),
        ("model-popularity", "windowing", "Tumbling windows of one minute."),
        ("inference-gateway", "continuous-batching", "vLLM does continuous batching."),
        ("mistral-motivation", "own-work", "J’ai construit notre service d’inférence."),
        pytest.param(
            "model-popularity",
            "hot-key-contention",
            "We use local pre-aggregation in each task.",
            id="local-pre-aggregation",
        ),
        pytest.param(
            "mistral-motivation",
            "own-work",
            "I developed the serving layer for our models.",
            id="i-developed",
        ),
    ],
)
def test_rubric_concepts_are_covered_by_their_words(question_id: str, concept_id: str, text: str) -> None:
    assert _covers(question_id, concept_id, text)


@pytest.mark.parametrize(
    "question_id, concept_id, text",
    [
        ("distributed-rate-limiter", "atomic-update", "An incremental rollout of the limiter."),
        ("distributed-rate-limiter", "token-accounting", "We reserved capacity for paying customers."),
        ("url-shortener", "datastore-choice", "A local SQLite file for the tests."),
        pytest.param(
            "url-shortener",
            "caching",
            "We validate URLs and handle edge cases such as empty input.",
            id="edge-cases",
        ),
    ],
)
def test_rubric_concepts_ignore_innocent_words(question_id: str, concept_id: str, text: str) -> None:
    assert not _covers(question_id, concept_id, text)


@pytest.mark.parametrize(
    "question_id, zone_id, text",
    [
        pytest.param(
            "model-popularity",
            "query-raw-events",
            "Events go to Kafka. On each page load the API runs an aggregation query, GROUP BY model, over "
            "the raw events of the last hour.",
            id="group-by-at-read-time",
        ),
        pytest.param(
            "inference-gateway",
            "model-blind-routing",
            "The load balancer does round-robin routing to any GPU server.",
            id="round-robin-routing",
        ),
    ],
)
def test_zones_hit_by_the_design_they_describe(question_id: str, zone_id: str, text: str) -> None:
    assert _zone_hit(question_id, zone_id, text)
