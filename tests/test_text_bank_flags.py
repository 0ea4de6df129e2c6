"""The bank's red flags and danger zones, as the analyzers read them: they fire on what an answer
*says*, in other words than the bank's, and stay quiet when the same words are negated, raised
only to be rejected, said about someone else, or mitigated elsewhere.

The sentences are written for these tests, not taken from the labelled corpus. When one fails,
fix the pattern in the question file (a misfiring pattern is a content bug), not the expectation.
"""

from __future__ import annotations

import pytest

from checkers.text.rubric import red_flag_finding, zone_findings
from question_bank import SHIPPED_BANK, Kind, Question, load_question


def _question(question_id: str) -> Question:
    return load_question(SHIPPED_BANK / "questions" / question_id)


def _flag_fires(question_id: str, flag_id: str, text: str) -> bool:
    star = _question(question_id).star
    assert star is not None
    flag = next(f for f in star.red_flags if f.id == flag_id)
    return red_flag_finding(flag, text) is not None


def _zone_fires(question_id: str, zone_id: str, text: str) -> bool:
    question = _question(question_id)
    findings = zone_findings(question.danger_zones, text, design=question.kind is Kind.DESIGN)
    return any(f.id == f"danger-zone:{zone_id}" for f in findings)


FLAGS_FIRE = [
    ("disagreement", "won-the-argument", "After a month of meetings they finally gave in."),
    ("disagreement", "won-the-argument", "Au final, j’ai eu gain de cause."),
    ("disagreement", "blame", "Honestly, he was being difficult the whole time."),
    ("disagreement", "blame", "Elle ne voulait rien entendre."),
    ("cross-functional-influence", "forced-by-rank", "So I escalated to my manager, who settled it."),
    ("cross-functional-influence", "forced-by-rank", "J’ai escaladé et la direction leur a imposé la date."),
    ("cross-functional-influence", "dismissing-other-functions", "Sales didn't understand the trade."),
    ("cross-functional-influence", "dismissing-other-functions", "Marketing just doesn't get it."),
    ("cross-functional-influence", "dismissing-other-functions", "Les commerciaux ne comprenaient rien."),
    ("cross-functional-influence", "dismissing-other-functions", "L'équipe data n'avait qu'à réécrire ses requêtes."),
    ("failure", "no-ownership-of-failure", "It was not my fault: the other team broke the schema."),
    ("failure", "humblebrag", "My only weakness is that I'm a perfectionist."),
    ("ownership", "assigned-not-owned", "My manager asked me to fix the flaky tests."),
    ("ownership", "assigned-not-owned", "I was assigned the cleanup as my main project for the quarter."),
    ("ownership", "assigned-not-owned", "Mon manager m'a demandé de reprendre le sujet."),
    ("ownership", "lone-hero", "I rewrote their service without telling anyone."),
    ("ownership", "lone-hero", "I pushed the fix to their repo behind their backs."),
    ("ownership", "lone-hero", "J'ai changé leur configuration en production sans prévenir personne."),
    ("ambiguity", "waiting-for-clarity", "We couldn't start until product wrote the spec."),
    ("ambiguity", "blaming-the-chaos", "Honestly it was total chaos and nobody knew what they wanted."),
    ("optimization-story", "no-measurement", "After my change the service was much faster."),
    ("optimization-story", "free-lunch", "Honestly it had no downside at all."),
    ("optimization-story", "free-lunch", "The speed-up came for free."),
    ("optimization-story", "free-lunch", "Un gain sans aucune contrepartie."),
    # words that only look like a mitigation do not silence a flag
    ("disagreement", "won-the-argument", "I put together a deck, and after a month they finally gave in."),
    ("disagreement", "won-the-argument", "J’ai relu l’ensemble du dossier, et il a fini par céder."),
]

FLAGS_QUIET = [
    ("disagreement", "won-the-argument", "We won the contract with the retailer two weeks later."),
    ("disagreement", "won-the-argument", "He gave instructions to the on-call engineer."),
    ("disagreement", "won-the-argument", "I was right there when the outage started, so I joined the call."),
    ("disagreement", "blame", "I don't think he was being difficult; he was protecting his team."),
    ("disagreement", "blame", "Je ne dirais pas qu’il était borné : il protégeait son équipe."),
    ("cross-functional-influence", "forced-by-rank", "I escalated only after the data showed a clear win."),
    ("cross-functional-influence", "forced-by-rank", "We escalated the incident to on-call and ran a pilot."),
    ("cross-functional-influence", "forced-by-rank", "The GDPR deadline was non-negotiable, so I planned backwards."),
    (
        "cross-functional-influence",
        "dismissing-other-functions",
        "Sales only cared about Q3, and their goals were fair.",
    ),
    (
        "cross-functional-influence",
        "dismissing-other-functions",
        "I wrote a one-page summary for non-technical people.",
    ),
    ("cross-functional-influence", "dismissing-other-functions", "At first I didn't understand their constraints."),
    ("failure", "no-ownership-of-failure", "Part of it was out of my control, but my mistake was skipping tests."),
    ("ownership", "assigned-not-owned", "Nobody asked me; it was another team's service."),
    ("ownership", "assigned-not-owned", "I asked my manager for two afternoons a week, and she agreed."),
    ("ownership", "lone-hero", "The payments team had deployed without telling anyone, so I called their lead."),
    ("ownership", "lone-hero", "I fixed it with their review and handed it over to them."),
    ("optimization-story", "no-measurement", "It was much faster: p99 went from 800 ms to 200 ms."),
    ("optimization-story", "free-lunch", "It looked free, but the trade-off was memory."),
    ("optimization-story", "free-lunch", "It was not without trade-offs: the index costs 6 GB."),
    ("ambiguity", "waiting-for-clarity", "I waited for nobody: I wrote down my assumptions and built a prototype."),
    ("ambiguity", "waiting-for-clarity", "I waited for the canary metrics before the full rollout."),
]


@pytest.mark.parametrize("question_id, flag_id, text", FLAGS_FIRE)
def test_red_flag_fires_on_the_story_it_describes(question_id: str, flag_id: str, text: str) -> None:
    assert _flag_fires(question_id, flag_id, text)


@pytest.mark.parametrize("question_id, flag_id, text", FLAGS_QUIET)
def test_red_flag_stays_quiet_on_innocent_or_mitigated_words(question_id: str, flag_id: str, text: str) -> None:
    assert not _flag_fires(question_id, flag_id, text)


ZONES_FIRE = [
    ("distributed-rate-limiter", "not-distributed", "Each gateway node keeps its own token bucket in memory."),
    ("distributed-rate-limiter", "not-distributed", "Counters live in a local hash map inside every gateway process."),
    (
        "distributed-rate-limiter",
        "not-distributed",
        "The nodes don't need to talk to each other: each applies the key's limit.",
    ),
    ("distributed-rate-limiter", "not-distributed", "Chaque passerelle garde ses propres compteurs en mémoire."),
    (
        "distributed-rate-limiter",
        "not-distributed",
        "The node reads the counter with GET.\nIt checks the limit.\nThen it writes the new value with SET.",
    ),
    ("distributed-rate-limiter", "requests-only", "We only count requests; tokens are billed later."),
    ("distributed-rate-limiter", "requests-only", "Les tokens ne sont pas limités, seulement les requêtes."),
    ("distributed-rate-limiter", "fixed-window-burst", "We use a fixed window of one minute per key."),
    (
        "distributed-rate-limiter",
        "fixed-window-burst",
        "Un compteur par minute, remis à zéro au début de chaque minute.",
    ),
    ("distributed-rate-limiter", "store-single-point-of-failure", "All counters sit on a single Redis instance."),
    ("inference-gateway", "static-batching", "Each GPU processes one request at a time."),
    ("inference-gateway", "static-batching", "Requests are handled sequentially to keep latency predictable."),
    ("inference-gateway", "static-batching", "Chaque pod traite une requête à la fois."),
    ("inference-gateway", "ignores-kv-cache", "Memory is not a concern: 80 GB is plenty even for 32k contexts."),
    ("inference-gateway", "ignores-kv-cache", "Pour la mémoire, ce n'est pas un problème."),
    ("inference-gateway", "model-blind-routing", "The load balancer does round-robin routing to any GPU server."),
    ("inference-gateway", "model-blind-routing", "All GPUs are in one shared pool that serves every model."),
    ("inference-gateway", "model-blind-routing", "Le serveur charge le modèle à la demande s'il n'est pas chargé."),
    ("inference-gateway", "no-admission-control", "The queue can be as big as needed, so we never lose a request."),
    ("inference-gateway", "no-admission-control", "La file est illimitée : toutes les requêtes finissent par passer."),
    (
        "model-popularity",
        "query-raw-events",
        "When a user opens the page, the backend runs a GROUP BY over the events.",
    ),
    ("model-popularity", "query-raw-events", "Le classement est calculé à la volée sur la table des événements bruts."),
    ("model-popularity", "synchronous-counting", "Each inference request increments a counter row in Postgres."),
    (
        "model-popularity",
        "synchronous-counting",
        "L'API incrémente le compteur en base pendant chaque appel d'inférence.",
    ),
    ("model-popularity", "no-time-windows", "Popularity is the cumulative score since the model's launch."),
    ("model-popularity", "no-time-windows", "Pas besoin de fenêtres de temps : on garde un total."),
    ("url-shortener", "unhandled-collisions", "A random 6-character code; collisions are so unlikely we ignore them."),
    ("url-shortener", "unhandled-collisions", "We take the first 7 characters of the MD5 of the URL."),
    ("url-shortener", "unhandled-collisions", "Chaque serveur a son propre compteur en mémoire."),
    ("url-shortener", "no-read-cache", "Every redirect reads the row from MySQL."),
    ("url-shortener", "no-read-cache", "Chaque redirection interroge la base directement."),
    ("url-shortener", "redirect-code-unexamined", "We return a 301 because it is the standard."),
    ("url-shortener", "redirect-code-unexamined", "Redirection en 301, c'est plus rapide."),
    ("mistral-motivation", "no-own-work", "I haven't had the chance to build anything with LLMs yet."),
    ("mistral-motivation", "no-own-work", "Je n'ai pas encore d'expérience pratique avec les LLM."),
    ("mistral-motivation", "generic-answer", "Honestly the company doesn't matter much, any AI lab would do."),
    ("mistral-motivation", "generic-answer", "Ce qui m'attire, c'est surtout le salaire et les BSPCE."),
    ("mistral-motivation", "not-about-the-role", "I don't mind what the job is, I just want to work in AI."),
]

ZONES_QUIET = [
    (
        "distributed-rate-limiter",
        "not-distributed",
        "A per-node counter would not work: a key spread over 40 nodes gets 40x.",
    ),
    (
        "distributed-rate-limiter",
        "not-distributed",
        "If Redis times out, each node falls back to a local bucket at limit/40.",
    ),
    (
        "distributed-rate-limiter",
        "not-distributed",
        "Tier limits are cached locally on each node and pushed by config.",
    ),
    (
        "distributed-rate-limiter",
        "not-distributed",
        "No read-then-write from the node: one Lua script runs inside Redis.",
    ),
    ("distributed-rate-limiter", "not-distributed", "Un compteur par nœud ne marcherait pas, d'où Redis partagé."),
    ("distributed-rate-limiter", "requests-only", "We count requests and tokens, reserving max_tokens up front."),
    (
        "distributed-rate-limiter",
        "fixed-window-burst",
        "A fixed window would allow a 2x burst at the boundary, so token bucket.",
    ),
    ("distributed-rate-limiter", "fixed-window-burst", "Token bucket plutôt que fenêtre fixe, à cause des rafales."),
    ("distributed-rate-limiter", "fixed-window-burst", "La fenêtre glissante est plus juste que la fenêtre fixe."),
    (
        "distributed-rate-limiter",
        "store-single-point-of-failure",
        "One Redis primary handles 100k ops/s, so we shard over 6 with replicas.",
    ),
    ("inference-gateway", "static-batching", "Static batching rejected: short requests would wait for the longest."),
    (
        "inference-gateway",
        "static-batching",
        "Waiting to fill a fixed batch would hurt latency, so continuous batching.",
    ),
    ("inference-gateway", "static-batching", "Memory, not FLOPs, caps the batch with long contexts."),
    (
        "inference-gateway",
        "ignores-kv-cache",
        "Memory is the real limit of the batch, so admission checks free KV blocks.",
    ),
    ("inference-gateway", "model-blind-routing", "Round-robin would not work: each GPU holds one model."),
    ("inference-gateway", "model-blind-routing", "Le round-robin est écarté : il ignore la charge."),
    (
        "inference-gateway",
        "no-admission-control",
        "Never let a request wait minutes and then time out: shed the free tier first.",
    ),
    ("model-popularity", "query-raw-events", "A GROUP BY over raw events on every page load would never meet 200 ms."),
    ("model-popularity", "query-raw-events", "A nightly batch over the raw events rewrites the daily aggregates."),
    ("model-popularity", "synchronous-counting", "Incrementing a row inside the API call is bad: it adds latency."),
    ("model-popularity", "synchronous-counting", "API servers publish each event to Kafka asynchronously."),
    ("model-popularity", "no-time-windows", "One-minute tumbling windows, summed into 5 min, 1 h, 24 h and 7 d."),
    (
        "url-shortener",
        "unhandled-collisions",
        "Truncating an MD5 would collide at billions of links, so a counter instead.",
    ),
    ("url-shortener", "unhandled-collisions", "The permutation is a bijection, so no collision check is needed."),
    (
        "url-shortener",
        "unhandled-collisions",
        "Si chaque serveur avait son propre compteur, deux serveurs donneraient le même code.",
    ),
    ("url-shortener", "no-read-cache", "Redirects read Redis first, then Cassandra on a miss."),
    (
        "url-shortener",
        "redirect-code-unexamined",
        "A 301 would be cached by browsers and lose the click counts, so 302.",
    ),
    (
        "url-shortener",
        "redirect-code-unexamined",
        "302 et pas 301 : le 301 est gardé par le navigateur, les clics ne sont plus comptés.",
    ),
    ("mistral-motivation", "no-own-work", "I built the serving stack for our support assistant on four A100s."),
    ("mistral-motivation", "generic-answer", "The salary is not why I'm applying: open weights are."),
    ("mistral-motivation", "not-about-the-role", "I want to work on serving and tooling, not on research."),
]


@pytest.mark.parametrize("question_id, zone_id, text", ZONES_FIRE)
def test_zone_fires_on_the_design_that_says_it(question_id: str, zone_id: str, text: str) -> None:
    assert _zone_fires(question_id, zone_id, text)


@pytest.mark.parametrize("question_id, zone_id, text", ZONES_QUIET)
def test_zone_stays_quiet_when_the_bad_option_is_rejected_or_absent(question_id: str, zone_id: str, text: str) -> None:
    assert not _zone_fires(question_id, zone_id, text)


@pytest.mark.parametrize("question_id", ["distributed-rate-limiter", "inference-gateway", "url-shortener"])
def test_a_design_that_says_nothing_wrong_hits_no_zone_however_little_it_covers(question_id: str) -> None:
    assert zone_findings(_question(question_id).danger_zones, "We will use Kubernetes and a load balancer.") == []


def test_a_zone_finding_quotes_the_sentences_that_say_it() -> None:
    text = "The design is simple. Each gateway node keeps its own token bucket in memory. Nothing else is shared."
    question = _question("distributed-rate-limiter")
    finding = next(f for f in zone_findings(question.danger_zones, text) if f.id == "danger-zone:not-distributed")
    assert finding.evidence[0] == "Each gateway node keeps its own token bucket in memory."


#: More ways of saying each zone, in the four voices the corpus README describes (terse,
#: storyteller, non-native, buzzword lover), so a zone is not tied to one wording.
ZONES_FIRE_VOICES = [
    ("distributed-rate-limiter", "not-distributed", "Local token bucket per gateway, no sync."),
    ("distributed-rate-limiter", "not-distributed", "Buckets live in the RAM of each instance."),
    ("distributed-rate-limiter", "not-distributed", "No Redis, no network hop: every gateway decides alone."),
    ("distributed-rate-limiter", "not-distributed", "Each node have his own counter for the key and apply the limit."),
    ("distributed-rate-limiter", "not-distributed", "The rate limiter is a per-node in-memory limiter."),
    (
        "distributed-rate-limiter",
        "not-distributed",
        "Chaque nœud applique la limite de son côté, sans synchronisation.",
    ),
    ("distributed-rate-limiter", "not-distributed", "Le nœud lit le compteur, ajoute 1 et réécrit la valeur."),
    (
        "distributed-rate-limiter",
        "not-distributed",
        "We read the current count from Redis, add one in the gateway and write it back.",
    ),
    (
        "distributed-rate-limiter",
        "requests-only",
        "The limiter counts requests per minute; token usage is just logged.",
    ),
    ("distributed-rate-limiter", "requests-only", "Token limits are out of scope for the limiter."),
    (
        "distributed-rate-limiter",
        "fixed-window-burst",
        "Counter per key per minute that resets at the start of the minute.",
    ),
    ("distributed-rate-limiter", "fixed-window-burst", "Simple fixed window, good enough."),
    (
        "distributed-rate-limiter",
        "store-single-point-of-failure",
        "If Redis goes down, every request is rejected with a 500.",
    ),
    ("inference-gateway", "static-batching", "One GPU, one request: the request has the whole GPU for itself."),
    ("inference-gateway", "static-batching", "We wait until 32 requests are queued, then run them as one batch."),
    ("inference-gateway", "static-batching", "Pas de batching, pour que chaque utilisateur ait le GPU pour lui."),
    ("inference-gateway", "ignores-kv-cache", "We don't need to think about GPU memory, the framework handles it."),
    ("inference-gateway", "model-blind-routing", "Requests are spread randomly over the GPU servers."),
    (
        "inference-gateway",
        "model-blind-routing",
        "Every server can run every model; it loads the weights when a request arrives.",
    ),
    (
        "inference-gateway",
        "no-admission-control",
        "If all GPUs are busy, requests simply wait in the queue until one is free.",
    ),
    (
        "inference-gateway",
        "no-admission-control",
        "Nous ne refusons jamais une requête : elles attendent dans la file.",
    ),
    (
        "model-popularity",
        "query-raw-events",
        "The leaderboard endpoint does SELECT model_id, COUNT(*) FROM events GROUP BY model_id.",
    ),
    ("model-popularity", "query-raw-events", "Each page view triggers a count over the raw events of the last hour."),
    ("model-popularity", "synchronous-counting", "The API handler counts the call in the database before answering."),
    (
        "model-popularity",
        "synchronous-counting",
        "Counting happens inside the API call with an UPDATE on the model row.",
    ),
    ("model-popularity", "synchronous-counting", "Le compteur est incrémenté de manière synchrone dans la requête."),
    ("model-popularity", "hot-counter", "One Redis key per model, incremented by every event."),
    ("model-popularity", "no-time-windows", "We only keep a running total per model."),
    ("model-popularity", "no-time-windows", "Le score, c'est le cumul depuis la mise en ligne, sans fenêtre."),
    ("url-shortener", "unhandled-collisions", "A truncated MD5 with no collision check."),
    ("url-shortener", "unhandled-collisions", "4-character random code, we don't need to check."),
    ("url-shortener", "unhandled-collisions", "Code aléatoire de 5 caractères, le risque de doublon est négligeable."),
    ("url-shortener", "no-read-cache", "Redirect: look up the code in Postgres and return the Location."),
    ("url-shortener", "no-read-cache", "No cache: the database is fast enough."),
    ("url-shortener", "redirect-code-unexamined", "Always 301, it's the right status for a short link."),
    ("mistral-motivation", "no-own-work", "I've only played with ChatGPT and followed a few tutorials."),
    ("mistral-motivation", "generic-answer", "Any big AI company would be great for me, Mistral or another one."),
    ("mistral-motivation", "generic-answer", "Honestly, the main reason is the salary and the stock options."),
]


@pytest.mark.parametrize("question_id, zone_id, text", ZONES_FIRE_VOICES)
def test_zone_fires_in_other_voices(question_id: str, zone_id: str, text: str) -> None:
    assert _zone_fires(question_id, zone_id, text)


ZONES_FIRE_TERSE = [
    ("distributed-rate-limiter", "not-distributed", "HashMap<apiKey, Bucket> per gateway node."),
    ("distributed-rate-limiter", "not-distributed", "Each gateway decides on its own, no coordination needed."),
    ("distributed-rate-limiter", "fixed-window-burst", "Key rl:{key}:{minute}, INCR then EXPIRE 60."),
    ("inference-gateway", "model-blind-routing", "The balancer sends each request to the first free GPU."),
    ("inference-gateway", "no-admission-control", "Requests stay queued in Kafka until a GPU is available."),
    ("model-popularity", "hot-counter", "ZINCRBY on the leaderboard for every event."),
    ("model-popularity", "no-time-windows", "The score per model only goes up."),
    ("url-shortener", "unhandled-collisions", "Code = MD5(long_url), first 6 characters, base62."),
    (
        "mistral-motivation",
        "no-own-work",
        "I'm still learning about LLMs on my own and would love to get hands-on experience.",
    ),
    ("mistral-motivation", "not-about-the-role", "What excites me most is AGI and the future of humanity."),
]

ZONES_QUIET_TERSE = [
    ("distributed-rate-limiter", "not-distributed", "Per node, a map of leases taken from the Redis counters."),
    (
        "distributed-rate-limiter",
        "fixed-window-burst",
        "Sliding window: INCR the current minute, EXPIRE 120, weight the previous one.",
    ),
    (
        "inference-gateway",
        "model-blind-routing",
        "Within the model's pool, route to the least loaded replica with free KV blocks.",
    ),
    (
        "model-popularity",
        "hot-counter",
        "Flink sums per model per second before ZINCRBY, so the hot key sees a few updates per second.",
    ),
    ("url-shortener", "unhandled-collisions", "MD5 truncated to 7 chars would collide at billions of links; rejected."),
    (
        "mistral-motivation",
        "not-about-the-role",
        "I want to make serving open models cheap; that is how they will change things for companies.",
    ),
]


@pytest.mark.parametrize("question_id, zone_id, text", ZONES_FIRE_TERSE)
def test_zone_fires_in_terse_fragments(question_id: str, zone_id: str, text: str) -> None:
    assert _zone_fires(question_id, zone_id, text)


@pytest.mark.parametrize("question_id, zone_id, text", ZONES_QUIET_TERSE)
def test_zone_stays_quiet_on_terse_innocent_fragments(question_id: str, zone_id: str, text: str) -> None:
    assert not _zone_fires(question_id, zone_id, text)


# -- more paraphrases: roles instead of pronouns, systems that reject traffic, options raised with "could … but" --

FLAGS_FIRE_PARAPHRASED = [
    ("disagreement", "blame", "My colleague was being stubborn and refused to look at the data."),
    ("disagreement", "won-the-argument", "Eventually she gave up and we shipped my version."),
    (
        "failure",
        "no-ownership-of-failure",
        "It failed because the vendor was late, not because of anything on our side.",
    ),
    ("failure", "no-ownership-of-failure", "Management cut the budget, so the project died."),
    ("failure", "no-ownership-of-failure", "Le projet a échoué à cause du fournisseur, qui a livré en retard."),
    ("ambiguity", "blaming-the-chaos", "The requirements were a joke and nobody could give a straight answer."),
    ("cross-functional-influence", "forced-by-rank", "As the tech lead I told sales it was not negotiable."),
    (
        "cross-functional-influence",
        "dismissing-other-functions",
        "Legal's concerns were just bureaucracy, so we ignored them.",
    ),
    ("optimization-story", "free-lunch", "Caching made it 10x faster and cost nothing."),
    ("ownership", "assigned-not-owned", "It was my task for the sprint: update the README."),
    ("ownership", "lone-hero", "I pushed the fix to production directly, bypassing review, because it was faster."),
    ("ownership", "lone-hero", "I didn't trust the other team, so I rewrote their config on my own over the weekend."),
]
FLAGS_QUIET_PARAPHRASED = [
    ("disagreement", "blame", "It wasn't her fault: the requirements had changed under her."),
    ("disagreement", "won-the-argument", "I finally gave in: his option was safer, and I said so."),
    (
        "disagreement",
        "won-the-argument",
        "Il a fini par accepter, et nous avons décidé ensemble de garder les deux options.",
    ),
    (
        "failure",
        "no-ownership-of-failure",
        "The partner changed their API without telling anyone, but I had no contract test.",
    ),
    (
        "ambiguity",
        "blaming-the-chaos",
        "It was total chaos at first, so I wrote down the three questions that mattered.",
    ),
    (
        "cross-functional-influence",
        "forced-by-rank",
        "I escalated the risk to my manager with a one-page summary, and we agreed the legal team would decide.",
    ),
    (
        "optimization-story",
        "free-lunch",
        "Batching was basically free in latency, but cost us 2 GB more memory per GPU.",
    ),
    (
        "ownership",
        "assigned-not-owned",
        "My manager asked me to look at the GPU bill; I found 30% went to jobs nobody owned and built a reaper.",
    ),
    (
        "ownership",
        "lone-hero",
        "I fixed it the same night, then wrote the incident report and handed over the runbook.",
    ),
]
ZONES_FIRE_PARAPHRASED = [
    (
        "distributed-rate-limiter",
        "store-single-point-of-failure",
        "When the store is unavailable, the gateway rejects all traffic.",
    ),
    ("distributed-rate-limiter", "requests-only", "Les tokens sont seulement journalisés pour la facturation."),
    (
        "inference-gateway",
        "static-batching",
        "A batch runs until its longest sequence finishes, then the next batch is formed.",
    ),
    ("inference-gateway", "static-batching", "On attend d'avoir 32 requêtes pour lancer un lot."),
    ("inference-gateway", "ignores-kv-cache", "Batch size is limited only by compute."),
    ("inference-gateway", "no-admission-control", "Under a surge, requests simply queue up and wait their turn."),
    (
        "model-popularity",
        "query-raw-events",
        "The API reads all events from the last day and sorts models by count on each request.",
    ),
    ("model-popularity", "hot-counter", "We key the stream by model, so one task handles every Mistral-7B event."),
    ("model-popularity", "no-time-windows", "Each model has a total counter that we increment forever."),
    (
        "model-popularity",
        "no-time-windows",
        "The leaderboard sorts models by their cumulative number of calls since launch.",
    ),
    (
        "url-shortener",
        "unhandled-collisions",
        "On génère un code aléatoire de 7 caractères, sans vérifier s'il existe déjà.",
    ),
    ("url-shortener", "no-read-cache", "GET /abc123 queries DynamoDB for the long URL and redirects."),
]
ZONES_QUIET_PARAPHRASED = [
    (
        "distributed-rate-limiter",
        "not-distributed",
        "We could keep buckets in each node's memory, but then a key gets N times its quota, so we use Redis.",
    ),
    (
        "distributed-rate-limiter",
        "store-single-point-of-failure",
        "If Redis is slow, after a 5 ms timeout the gateway fails open with a local fallback limit.",
    ),
    (
        "distributed-rate-limiter",
        "requests-only",
        "Limit each API key to N requests per minute and return 429 over it.",
    ),
    (
        "inference-gateway",
        "no-admission-control",
        "We shed load early: a 503 with Retry-After rather than a timeout after minutes.",
    ),
    (
        "model-popularity",
        "hot-counter",
        "Events are keyed by model, and the hot Mistral-7B key is salted into 16 sub-keys summed every second.",
    ),
    (
        "url-shortener",
        "unhandled-collisions",
        "A random code is inserted with a unique constraint; on conflict we retry with a new code.",
    ),
]


@pytest.mark.parametrize("question_id, flag_id, text", FLAGS_FIRE_PARAPHRASED)
def test_red_flag_fires_on_paraphrases(question_id: str, flag_id: str, text: str) -> None:
    assert _flag_fires(question_id, flag_id, text), text


@pytest.mark.parametrize("question_id, flag_id, text", FLAGS_QUIET_PARAPHRASED)
def test_red_flag_stays_quiet_on_innocent_paraphrases(question_id: str, flag_id: str, text: str) -> None:
    assert not _flag_fires(question_id, flag_id, text), text


@pytest.mark.parametrize("question_id, zone_id, text", ZONES_FIRE_PARAPHRASED)
def test_zone_fires_on_paraphrases(question_id: str, zone_id: str, text: str) -> None:
    assert _zone_fires(question_id, zone_id, text), text


@pytest.mark.parametrize("question_id, zone_id, text", ZONES_QUIET_PARAPHRASED)
def test_zone_stays_quiet_on_innocent_paraphrases(question_id: str, zone_id: str, text: str) -> None:
    assert not _zone_fires(question_id, zone_id, text), text
