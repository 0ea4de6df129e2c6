"""The built-in checks a question file can name (``check = "blame"``), by name.

A check reads an analysed answer and returns the sentences that show what
it looks for; the bank decides what that means for a question (a red flag,
a danger zone, a rubric concept). The story and design checks are described
in ``checks_story`` and ``checks_design``; the two below are shared:

- ``measured-result``: a sentence of the Result with a measure: a number with
  a unit, or a change ("from 3.2 s to 320 ms", "halved"); in an answer without
  parts, a change only;
- ``own-work``: something the candidate did, in the first person
  ("I deployed", "j'ai mis en place", "I rewrote the scheduler"), tied to
  engineering by a measure or a word of the craft (model, serving, latency,
  GPU, pipeline…). Reading, watching or trying things is not work.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from checkers.text import checks_design, checks_story
from checkers.text.clauses import CONSUMPTION, own_actions
from checkers.text.language import Doc
from checkers.text.patterns import Compiled, Hit, compile_pattern, match_sentence
from checkers.text.quantities import measures

Check = Callable[[Doc], list[Hit]]


@functools.cache
def _craft() -> Compiled:
    """Words of engineering craft, compiled on first use.

    Compiling lemmatises the words, which loads the lemmatiser's dictionaries
    (~0.35 s): a command that analyses no text (``mockloop stats``, a
    ``history`` read from its index) should not pay for it on import.
    """
    return compile_pattern(
        "model|modele|modeles|serving|service|inference|api|apis|latency|latence|gpu|gpus|cluster|pipeline|"
        "infrastructure|infra|kernel|batch|cache|quantization|quantisation|quantification|router|"
        "routeur|stack|eval|evaluation|harness|deployment|deploiement|scheduler|ordonnanceur|backend|system|systeme|"
        "database|throughput|debit|llm|llms|cost|cout|tooling|outillage|queue|file|server|serveur|performance"
    )


def measured_result(doc: Doc) -> list[Hit]:
    """Sentences of the Result that measure something; in an answer without parts, a measured change.

    In a one-text answer "six years as an engineer" measures the career, not
    a result, so only a change counts there ("cost down 60 %", "divisé par six").
    """
    parts = {s.where for s in doc.sentences}
    where = "result" if "result" in parts else None
    hits = []
    for sentence in doc.sentences:
        if where is not None and sentence.where != where:
            continue
        found = [q for q in measures(sentence) if where is not None or q.change]
        if found:
            hits.append(Hit(sentence, (found[0].first,), "measured-result"))
    return hits


def own_work(doc: Doc) -> list[Hit]:
    """First-person engineering work actually done (see the module docstring)."""
    hits = []
    for sentence in doc.sentences:
        done = [a for a in own_actions(sentence, doc.lang) if a.lemma not in CONSUMPTION]
        if not done:
            continue
        if measures(sentence) or match_sentence(_craft(), sentence, doc) is not None:
            hits.append(Hit(sentence, (done[0].subject, done[0].verb), "own-work"))
    return hits


CHECKS: dict[str, Check] = {
    "blame": checks_story.blame,
    "humblebrag": checks_story.humblebrag,
    "waiting": checks_story.waiting,
    "complaining": checks_story.complaining,
    "escalating": checks_story.escalating,
    "winning": checks_story.winning,
    "unmeasured-claims": checks_story.unmeasured,
    "relationship-after": checks_story.relationship_after,
    "measured-result": measured_result,
    "own-work": own_work,
    "sizing": checks_design.sizing,
    "tradeoffs": checks_design.tradeoffs,
    "shared-state": checks_design.shared_state,
    "per-node-state": checks_design.per_node_state,
    "atomic-update": checks_design.atomic_update,
    "non-atomic-update": checks_design.non_atomic_update,
}


def run_check(name: str, doc: Doc) -> list[Hit]:
    """The evidence the check ``name`` finds in ``doc`` (``KeyError`` naming the checks there are)."""
    try:
        check = CHECKS[name]
    except KeyError:
        raise KeyError(f'no built-in check "{name}"; the checks are {", ".join(sorted(CHECKS))}') from None
    return check(doc)
