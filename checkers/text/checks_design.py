"""Substance checks for system designs: numbers that decide, rejected alternatives, shared atomic state.

A design can name every expected tool and still show no design: what an
interviewer looks for is numbers used to choose something, alternatives
named and rejected for a reason, and, for a distributed limiter, where the
state lives and how it is updated. Each check returns the sentences that
show it (to quote as evidence), or nothing:

- ``sizing``: a quantity and a decision in the same sentence or bullet
  ("60k/s on one node is 60 % of capacity … So: 6 shards", "62^7 = 3.5 T …
  Choose 7", "→ il faut un contrôle d'admission");
- ``tradeoffs``: an alternative named and rejected or weighed, with a reason
  ("Hash truncated to 7 chars: rejected. Collisions…", "302 and not 301:
  browsers cache 301…", "X vs Y: X, because…");
- ``shared-state``: counters kept where every node sees them (a shared or
  central store, "the same value on all nodes");
- ``per-node-state``: each node counting on its own, said as the design (not
  raised to be rejected);
- ``atomic-update``: counters updated in one indivisible step (an atomic
  operation, a script run inside the store, compare-and-set);
- ``non-atomic-update``: a read then a write from the node ("GET … then SET
  the value read + 1"), said as the design, with no atomic step anywhere.
"""

from __future__ import annotations

from checkers.text.clauses import is_distanced, is_negated
from checkers.text.language import Doc, Sentence
from checkers.text.patterns import Hit, find
from checkers.text.quantities import quantities

#: Words that turn a number into a decision.
#: "So" and arrows are left out on purpose: "40 nodes, so 500 requests per node" derives a number,
#: it decides nothing.
_DECIDING = frozenset(
    [
        "enough",
        "suffice",
        "suffices",
        "sufficient",
        "fit",
        "fits",
        "need",
        "needs",
        "needed",
        "must",
        "choose",
        "chose",
        "chosen",
        "pick",
        "picked",
        "decide",
        "decides",
        "decided",
        "drive",
        "drives",
        "driven",
        "justify",
        "justifies",
        "require",
        "requires",
        "required",
        "cap",
        "caps",
        "bound",
        "bounded",
        "budget",
        "headroom",
        "irrelevant",
        "mandatory",
        "guessable",
        "fine",
        "ok",
        "sized",
        "size",
        "sizing",
        "worth",
        "bottleneck",
        "suffit",
        "suffisant",
        "suffisent",
        "faut",
        "falloir",
        "choisir",
        "choisi",
        "choix",
        "decider",
        "decide",
        "justifie",
        "justifier",
        "imposer",
        "impose",
        "plafonner",
        "marge",
        "obligatoire",
        "besoin",
        "dimensionner",
        "dimensionne",
        "limite",
        "devinable",
        "goulot",
    ]
)
#: HTTP status codes are numbers that measure nothing ("429 Too Many Requests").
_STATUS_CODES = frozenset(
    [
        "200",
        "201",
        "204",
        "301",
        "302",
        "303",
        "307",
        "308",
        "400",
        "401",
        "403",
        "404",
        "409",
        "410",
        "429",
        "500",
        "502",
        "503",
        "504",
    ]
)


def _deciding(sentence: Sentence) -> bool:
    return any(t.norm in _DECIDING or t.lemma in _DECIDING for t in sentence.tokens)


def sizing(doc: Doc) -> list[Hit]:
    """Sentences where a number is used to decide something (see the module docstring)."""
    hits = []
    for sentence in doc.sentences:
        found = [q for q in quantities(sentence) if sentence.tokens[q.first].norm not in _STATUS_CODES]
        if found and _deciding(sentence):
            hits.append(Hit(sentence, (found[0].first,), "sizing"))
    return hits


TRADEOFF_SAID = (
    "reject|ecarter|ecarte|ecartee|discard",
    "instead of",
    "rather than",
    "au lieu",
    "plutot que|qu'",
    "versus",
    "would NOT work|scale|fit|help|be",
    "NOT work|scale|marcher|fonctionner .. because|since|car|parce",
    "chose|choisi|prefer|prefere .. over|plutot|rather|instead",
    "price|cost|downside|drawback|prix|cout|inconvenient|contrepartie .. be|etre",
    "trade|sacrifice|sacrifie .. for|against|contre|pour",
    "(at the cost of)|(au prix de)|(au détriment de)|(in exchange for)|(en échange de)",
    (
        "would|could|serait|ferait|pourrait|perdrait .. lose|break|hide|cost|overload|fail|block|leak|collide|perdre|"
        "casser|masquer|coûter|surcharger|bloquer"
    ),
    "keep|make|give|buy|garde|garder|rend|donne .. but|mais",
)
_REASON = frozenset(
    [
        "because",
        "since",
        "so",
        "as",
        "therefore",
        "cost",
        "costs",
        "price",
        "but",
        "otherwise",
        "which",
        "means",
        "car",
        "parce",
        "puisque",
        "donc",
        "cout",
        "coute",
        "prix",
        "mais",
        "sinon",
    ]
)


def tradeoffs(doc: Doc) -> list[Hit]:
    """Sentences that weigh an alternative and say why it loses (see the module docstring)."""
    hits = []
    for hit in find(doc, TRADEOFF_SAID):
        raw = hit.sentence.source[hit.sentence.start : hit.sentence.end]
        reasoned = ":" in raw or any(t.norm in _REASON for t in hit.sentence.tokens) or len(hit.sentence.tokens) > 12
        if reasoned:
            hits.append(hit)
    return hits


SHARED_SAID = (
    (
        "shared|central|centralised|centralized|global|common .. store|storage|state|counter|cache|tier|"
        "memory|cluster|database"
    ),
    "redis|memcached|etcd|dynamodb|keydb|dragonfly|valkey|hazelcast",
    (
        "partage|partagee|partager|central|centralise|centralisee|commun|commune|global .. stockage|etat|"
        "compteur|cache|base|store|memoire"
    ),
    ("every|all|each|tous|chaque .. node|gateway|noeud .. same|meme .. value|counter|valeur|compteur|state|etat"),
    "node|gateway|noeud .. share|partager",
)
PER_NODE_SAID = (
    (
        "each|every|chaque .. node|server|gateway|process|instance|noeud|serveur|pod .. own|propre .. counter|"
        "counters|bucket|limiter|map|state|compteur|seau|memory|memoire|rate"
    ),
    "in|en memory|memoire .. each|every|chaque|per|par .. node|server|gateway|process|noeud|serveur",
    (
        "node|noeud NOT need|have|avoir|besoin .. talk|coordinate|communicate|sync|share|parler|"
        "coordonner|communiquer|partager"
    ),
    ("NOT coordination|coordinate|coordonner .. between|among|entre .. node|server|noeud|serveur"),
    "each|every|chaque|per|par .. node|server|gateway|process|noeud|serveur .. in|en memory|memoire",
)


def shared_state(doc: Doc) -> list[Hit]:
    """Counters kept where every node sees them."""
    return find(doc, SHARED_SAID)


def per_node_state(doc: Doc) -> list[Hit]:
    """Each node counting on its own, said as the design (not raised to be rejected)."""
    return [h for h in find(doc, PER_NODE_SAID) if not is_distanced(h.sentence, h.indices)]


ATOMIC_SAID = (
    "atomic|atomically|atomique|atomiquement|atomicity|atomicite",
    "lua|incr|incrby|decr|decrby|hincrby|zincrby",
    "script|procedure|function|fonction .. run|execute|inside|within|tourne|executer",
    "server side",
    "cote serveur|store|redis|stockage",
    "compare and set|swap",
    "transaction|transactional|transactionnel*",
    "single thread*",
    "serialize|serialise|serialis*",
)
_READ = ("get|read|fetch|lire|lit|lecture|recupere|recuperer",)
_WRITE = (
    ("set|wrote|rewrite|store|save|ecrire|ecrit|ecriture|reecrire|reecrit|enregistrer|stocker"),
    "write back",
    "value read",
    "valeur lue",
)


def atomic_update(doc: Doc) -> list[Hit]:
    """Counters updated in one indivisible step."""
    return find(doc, ATOMIC_SAID)


def non_atomic_update(doc: Doc) -> list[Hit]:
    """A read then a write of the counter from the node, said as the design, with no atomic step."""
    if atomic_update(doc):
        return []
    reads = [h for h in find(doc, _READ) if not is_distanced(h.sentence, h.indices, options=True, hypothetical=False)]
    hits = []
    for read in reads:
        same_part = [s for s in doc.sentences if s.where == read.sentence.where]
        position = same_part.index(read.sentence)
        for sentence in same_part[position : position + 4]:
            for write in find(Doc(doc.lang, (sentence,), doc.names), _WRITE):
                after = sentence is not read.sentence or write.indices[0] > read.indices[-1]
                said = not is_distanced(sentence, write.indices, options=True, hypothetical=False)
                if after and not is_negated(sentence, write.indices) and said:
                    hits += [read, write] if sentence is not read.sentence else [read]
                    return hits
    return hits
