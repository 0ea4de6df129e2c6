"""The bank's rubric concepts are covered by what a sentence means, in other words than the bank's,
and not by innocent uses of the same words.

The sentences are written for these tests, not taken from the labelled corpus. When one fails,
fix the pattern in the question file, not the expectation.
"""

from __future__ import annotations

import pytest

from checkers.text.rubric import rubric_coverage
from question_bank import SHIPPED_BANK, Question, load_question


def _question(question_id: str) -> Question:
    return load_question(SHIPPED_BANK / "questions" / question_id)


def _covers(question_id: str, concept_id: str, text: str, part: str = "action") -> bool:
    question = _question(question_id)
    spec = question.star or question.design or question.motivation
    assert spec is not None
    if question.star is not None:
        answer: dict[str, str] | str = {part: text}
    elif question.design is not None:
        answer = {part if part != "action" else "deep_dives": text}
    else:
        answer = text
    return rubric_coverage(answer, spec.rubric).is_covered(concept_id)


COVERED = [
    # ambiguity
    ("ambiguity", "reduced-the-ambiguity", "I listed what we knew for certain and what we were only guessing."),
    ("ambiguity", "reduced-the-ambiguity", "I interviewed three of the analysts to see what they actually did."),
    ("ambiguity", "reduced-the-ambiguity", "J'ai noté mes hypothèses et je les ai fait valider par le client."),
    ("ambiguity", "small-first-version", "Within a week I had a bare-bones version in front of two users."),
    ("ambiguity", "small-first-version", "J'ai livré une première version minimale au bout de dix jours."),
    (
        "ambiguity",
        "cheap-to-change",
        "I kept the scoring rules in a config file so they could change without a deploy.",
    ),
    (
        "ambiguity",
        "cheap-to-change",
        "J'ai rendu les métriques configurables, la partie la plus susceptible de changer.",
    ),
    ("ambiguity", "kept-deciders-informed", "Every Friday I sent the sponsor a short note on what had changed."),
    # cross-functional influence
    ("cross-functional-influence", "their-stakes", "I asked the head of sales what she had promised the customers."),
    ("cross-functional-influence", "their-stakes", "Support was afraid of a wave of tickets."),
    ("cross-functional-influence", "their-stakes", "J'ai demandé à la growth quels comptes elle ne voulait pas gêner."),
    (
        "cross-functional-influence",
        "no-authority",
        "I had no authority over marketing, so I could not simply decide.",
        "task",
    ),
    ("cross-functional-influence", "no-authority", "Je n'avais aucune autorité sur les ventes.", "task"),
    ("cross-functional-influence", "evidence-brought", "I pulled six months of usage data and showed it to them."),
    ("cross-functional-influence", "evidence-brought", "We ran a two-week pilot with ten customers."),
    ("cross-functional-influence", "evidence-brought", "J'ai proposé un test limité sur dix pour cent des comptes."),
    ("cross-functional-influence", "concession", "I offered to keep the old endpoint for their two biggest accounts."),
    ("cross-functional-influence", "concession", "En contrepartie, j'ai accepté de repousser la date d'un mois."),
    # disagreement
    ("disagreement", "their-view", "I asked her what worried her about my plan."),
    ("disagreement", "their-view", "We had a coffee and he explained why the cache scared him."),
    ("disagreement", "their-view", "Je lui ai demandé ce qui le gênait vraiment."),
    ("disagreement", "tested-the-options", "We agreed to let a load test decide."),
    ("disagreement", "tested-the-options", "On s'est mis d'accord sur un critère commun avant de tester."),
    ("disagreement", "joint-resolution", "We wrote one proposal together and presented it to the lead."),
    ("disagreement", "joint-resolution", "Nous avons choisi ensemble une approche mixte."),
    ("disagreement", "own-part", "I admitted my framing had been part of the problem."),
    ("disagreement", "own-part", "Elle avait raison sur le plafond de la file."),
    # failure
    ("failure", "own-part", "The cause was my change: I had copied the wrong block."),
    ("failure", "own-part", "I skipped the staging run because I was sure of myself."),
    ("failure", "own-part", "L'erreur venait de mon estimation, faite seul en une après-midi."),
    ("failure", "contained-and-told", "Within ten minutes I rolled back and posted in the incident channel."),
    ("failure", "contained-and-told", "J'ai prévenu mon manager le jour même et j'ai annulé le déploiement."),
    ("failure", "lasting-change", "Since then every migration goes through a CI check I wrote.", "reflection"),
    ("failure", "lasting-change", "I added an alert on the backup job and a weekly restore test.", "result"),
    ("failure", "lasting-change", "Depuis, toute dépendance non étudiée est marquée comme risque.", "reflection"),
    ("failure", "worked-since", "Last month that check blocked a colleague's migration.", "reflection"),
    ("failure", "worked-since", "Sur les trois projets suivants, on a tenu nos dates.", "reflection"),
    # optimization story
    ("optimization-story", "baseline-and-target", "The target was p99 under 300 ms, from 900 ms.", "task"),
    ("optimization-story", "investigated", "I profiled the endpoint with py-spy before touching anything."),
    ("optimization-story", "investigated", "The flame graph showed most of the time in JSON parsing."),
    ("optimization-story", "investigated", "J'ai mesuré le temps passé dans chaque étape de la requête."),
    ("optimization-story", "hypothesis-discarded", "My first guess was the database, but the trace ruled it out."),
    ("optimization-story", "hypothesis-discarded", "Ma première hypothèse, la taille des lots, a été écartée."),
    ("optimization-story", "before-and-after", "On the same replay, latency went from 1.2 s to 300 ms.", "result"),
    ("optimization-story", "price-named", "The trade-off is 2 GB more memory per node.", "result"),
    ("optimization-story", "price-named", "La contrepartie : un cache de plus à surveiller.", "result"),
    ("optimization-story", "regression-guard", "A benchmark now runs in CI and fails if throughput drops.", "result"),
    # ownership
    ("ownership", "the-gap", "It wasn't my team's system, and nobody owned the alerting.", "situation"),
    ("ownership", "the-gap", "Ce n'était pas mon périmètre : le service appartenait à l'équipe infra.", "task"),
    ("ownership", "owners-involved", "I wrote to their lead the same afternoon with the logs."),
    ("ownership", "owners-involved", "Avant d'aller plus loin, j'ai présenté les chiffres au responsable."),
    ("ownership", "balanced-own-work", "I capped it at two afternoons a week so my own project didn't slip."),
    ("ownership", "lasting-fix", "I handed the script over to their team, who still run it.", "result"),
    ("ownership", "lasting-fix", "L'équipe plateforme a repris le tableau de bord.", "result"),
]

COVERED += [
    # designs and motivation, including the corpus README's examples of "strong answers without the keywords"
    ("distributed-rate-limiter", "shared-state", "Counters live in a Redis cluster."),
    ("distributed-rate-limiter", "shared-state", "Counters sit in a shared in-memory tier split by customer key."),
    ("distributed-rate-limiter", "atomic-update", "Each check is one Lua script."),
    ("distributed-rate-limiter", "atomic-update", "A small procedure that runs inside the store does the check."),
    ("distributed-rate-limiter", "limiting-algorithm", "Un seau à jetons par clé."),
    ("distributed-rate-limiter", "limiting-algorithm", "Each key has an allowance that trickles back over the minute."),
    ("distributed-rate-limiter", "token-accounting", "We hold prompt tokens plus max_tokens, then refund the rest."),
    ("inference-gateway", "continuous-batching", "vLLM does continuous batching."),
    ("inference-gateway", "model-aware-routing", "One group of copies per model, behind its own queue."),
    ("inference-gateway", "kv-cache", "The router checks free attention memory before sending a request."),
    ("model-popularity", "windowing", "Tumbling windows of one minute."),
    ("model-popularity", "windowing", "Counts go into per-minute slots that are summed for each window."),
    ("model-popularity", "hot-key-contention", "We use local pre-aggregation in each task."),
    ("model-popularity", "hot-key-contention", "Each worker keeps local one-second sums before the shuffle."),
    ("model-popularity", "hot-key-contention", "The hot model is split into 16 sub-keys merged downstream."),
    ("url-shortener", "collision-handling", "On a collision we retry with a new code."),
    ("url-shortener", "tradeoffs", "Deriving the code from the URL is rejected: two owners would share a code."),
    ("mistral-motivation", "own-work", "J’ai construit notre service d’inférence."),
    ("mistral-motivation", "own-work", "I developed the serving layer for our models."),
    ("mistral-motivation", "own-work", "I rewrote the scheduler of our inference service and p99 dropped by 40 %."),
    ("distributed-rate-limiter", "failure-mode", "Si Redis est en panne, on laisse passer les clés payantes."),
    ("distributed-rate-limiter", "failure-mode", "When the store is slow we let traffic through under a local cap."),
]

NOT_COVERED = [
    ("distributed-rate-limiter", "atomic-update", "An incremental rollout of the limiter."),
    ("distributed-rate-limiter", "token-accounting", "We reserved capacity for paying customers."),
    ("url-shortener", "datastore-choice", "A local SQLite file for the tests."),
    ("url-shortener", "caching", "We validate URLs and handle edge cases such as empty input."),
    ("mistral-motivation", "own-work", "I read every release note and I watch the talks about the models."),
    ("ambiguity", "small-first-version", "The first thing I noticed was the missing documentation."),
    ("cross-functional-influence", "evidence-brought", "I explained my view again in more detail."),
    ("disagreement", "joint-resolution", "J'ai relu l'ensemble du dossier."),
    ("failure", "lasting-change", "I set up the contact form with my own address for testing.", "action"),
    ("ownership", "owners-involved", "I fixed it myself over the weekend."),
    # letting an allowed request through is the normal path, not the behaviour when the store is down
    ("distributed-rate-limiter", "failure-mode", "Si le compteur est sous la limite, on laisse passer la requête."),
    ("distributed-rate-limiter", "failure-mode", "Under the limit, the gateway lets the request through."),
]


@pytest.mark.parametrize("case", COVERED, ids=lambda c: f"{c[0]}:{c[1]}:{c[2][:30]}")
def test_concept_is_covered_by_a_paraphrase(case: tuple[str, ...]) -> None:
    question_id, concept_id, text, *part = case
    assert _covers(question_id, concept_id, text, *part)


@pytest.mark.parametrize("case", NOT_COVERED, ids=lambda c: f"{c[0]}:{c[1]}:{c[2][:30]}")
def test_concept_is_not_covered_by_innocent_words(case: tuple[str, ...]) -> None:
    question_id, concept_id, text, *part = case
    assert not _covers(question_id, concept_id, text, *part)
