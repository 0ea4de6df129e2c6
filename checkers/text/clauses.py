"""Who does what in a sentence, and whether it is said, denied or only imagined.

Three questions every check asks of a sentence, answered here once with
small, general rules rather than lists of phrases:

- **Negation scope.** A token is negated when a negation cue (not, n't,
  never, no, nobody, without; French pas, jamais, rien, aucun, sans, or "ne"
  with a second particle, but not "ne … que", which means "only") stands
  before it in the same clause. "I don't think he was being difficult"
  negates "difficult"; "they didn't listen, so I escalated" does not negate
  "escalated".
- **Distance.** A bad option raised only to be rejected is not a choice: a
  match is *distanced* when its whole clause is conditional ("if each node
  counts on its own", "would", French conditional -rait), when its sentence
  rejects something ("rejected", "écarté", "avoid"), or when it comes after
  "instead of / rather than / vs / au lieu de / plutôt que".
- **First-person action.** "I" / "je" followed by a verb (past, present
  perfect or present, over adverbs and auxiliaries) that is an action, as
  opposed to a state or an opinion (be, have, think, want, vouloir, penser…),
  a modal or conditional ("I would", "je ferais"), or the passive ("I was
  asked"). The same rule recognises actions whose subject is "we" / "nous" /
  "on", so a story can be weighed by who acted, not by a verb list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checkers.text.language import FUNCTION_WORDS, Sentence, Token

NEGATORS_EN = frozenset({"not", "never", "no", "nobody", "nothing", "none", "neither", "nor", "without", "cannot"})
#: French cues that negate on their own; "ne"/"n'" negates only with a second particle.
NEGATORS_FR = frozenset({"pas", "jamais", "rien", "aucun", "aucune", "sans", "ni", "nullement", "guere"})
_NE_PARTNERS = frozenset({"pas", "jamais", "rien", "plus", "aucun", "aucune", "personne", "guere", "nullement", "ni"})

#: Subject pronouns, by person.
I_SUBJECTS = frozenset({"i", "je", "j'"})
WE_SUBJECTS = frozenset({"we", "nous"})
THEY_SUBJECTS = frozenset({"he", "she", "they", "il", "elle", "ils", "elles"})
#: Words that start a new subject's clause: a pronoun after them is not the earlier subject's.
RELATIVES = frozenset({"that", "who", "which", "whom", "qui", "que", "qu'", "dont"})

_HYPOTHETICAL = frozenset({"if", "si", "would", "'d", "might", "whether"})
_REJECTING = frozenset(
    {"reject", "rejected", "ecarter", "ecarte", "avoid", "eviter", "discard", "discarded", "naive", "naif"}
)
#: After these, the rest of the sentence is the option *not* taken.
#: Words that judge an option bad: in a design, "X is bad, because…" rejects X.
_BAD = frozenset({"bad", "mauvais", "mauvaise", "wrong", "impossible", "terrible", "inacceptable", "unacceptable"})
_INSTEAD = (("instead", "of"), ("rather", "than"), ("au", "lieu"), ("plutot", "que"), ("plutot", "qu'"))
_VERSUS = frozenset({"vs", "versus", "than"})
#: In a design, a sentence that compares options weighs them; it does not choose the one it names first.
_COMPARING = frozenset({"compared", "comparison", "contre", "comparé", "comparée", "comparaison"})

#: Words between a subject and its verb: adverbs, auxiliaries, clitics, negation.
_SKIP_EN = frozenset(
    [
        "also",
        "then",
        "first",
        "finally",
        "eventually",
        "immediately",
        "quickly",
        "just",
        "personally",
        "still",
        "even",
        "actually",
        "only",
        "really",
        "already",
        "later",
        "again",
        "soon",
        "always",
        "often",
        "never",
        "not",
        "do",
        "did",
        "does",
        "myself",
        "once",
        "since",
    ]
)
_SKIP_FR = frozenset(
    [
        "ne",
        "n'",
        "me",
        "m'",
        "te",
        "t'",
        "se",
        "s'",
        "le",
        "l'",
        "la",
        "les",
        "lui",
        "leur",
        "y",
        "en",
        "pas",
        "jamais",
        "plus",
        "rien",
        "tout",
        "bien",
        "deja",
        "aussi",
        "alors",
        "ensuite",
        "d'",
        "abord",
        "vite",
        "donc",
        "enfin",
        "finalement",
        "personnellement",
        "toujours",
        "immediatement",
        "rapidement",
        "moi",
        "meme",
    ]
)
_MODALS_EN = frozenset({"would", "'d", "will", "'ll", "could", "should", "might", "may", "can", "must", "shall"})
#: Verbs that describe a state, an opinion or a wish, not something done.
NON_ACTION = frozenset(
    [
        "be",
        "have",
        "think",
        "believe",
        "feel",
        "guess",
        "hope",
        "want",
        "like",
        "love",
        "know",
        "wish",
        "seem",
        "need",
        "mean",
        "suppose",
        "care",
        "enjoy",
        "admire",
        "prefer",
        "get",
        "etre",
        "avoir",
        "penser",
        "croire",
        "sentir",
        "esperer",
        "vouloir",
        "aimer",
        "adorer",
        "savoir",
        "sembler",
        "devoir",
        "pouvoir",
        "falloir",
    ]
)
#: Verbs of taking things in rather than making them (reading about a model is not building with it).
CONSUMPTION = frozenset(
    [
        "read",
        "watch",
        "follow",
        "try",
        "use",
        "see",
        "hear",
        "learn",
        "study",
        "attend",
        "visit",
        "look",
        "experiment",
        "play",
        "tinker",
        "explore",
        "experimenter",
        "jouer",
        "bidouiller",
        "explorer",
        "lire",
        "regarder",
        "suivre",
        "essayer",
        "utiliser",
        "voir",
        "entendre",
        "apprendre",
        "etudier",
        "assister",
    ]
)


def negation_cues(tokens: Sequence[Token]) -> list[int]:
    """Indices of the tokens that negate what follows them in their clause."""
    cues = []
    for index, token in enumerate(tokens):
        norm = token.norm
        if norm in NEGATORS_EN or norm in NEGATORS_FR:
            cues.append(index)
        elif norm in ("ne", "n'"):
            partner = any(t.norm in _NE_PARTNERS for t in tokens[index + 1 :] if t.clause == token.clause)
            if partner:
                cues.append(index)
    return cues


def is_negated(sentence: Sentence, indices: Iterable[int]) -> bool:
    """Whether a cue not among ``indices`` stands before the last of them, in the clause of one of them."""
    chosen = sorted(set(indices))
    if not chosen:
        return False
    tokens = sentence.tokens
    clauses = {tokens[i].clause for i in chosen}
    cues = negation_cues(tokens)
    said = [i for i in chosen if i in cues]  # the negation the match itself says ("sans aucune", "ne … pas")
    last = chosen[-1]

    def same_negation(cue: int) -> bool:
        if any(abs(cue - i) == 1 for i in said):
            return True
        return tokens[cue].norm in ("ne", "n'") and any(tokens[i].clause == tokens[cue].clause for i in said)

    return any(
        cue not in chosen and cue < last and tokens[cue].clause in clauses and not same_negation(cue) for cue in cues
    )


#: Rejecting what comes in is the system's behaviour, not a rejected option: "every request is rejected".
_INCOMING = frozenset(
    [
        "request",
        "requests",
        "call",
        "calls",
        "query",
        "queries",
        "user",
        "users",
        "client",
        "clients",
        "traffic",
        "key",
        "keys",
        "requete",
        "requetes",
        "appel",
        "appels",
        "utilisateur",
        "utilisateurs",
        "trafic",
        "cle",
        "cles",
    ]
)
#: …and so is a part of the system rejecting something: "the gateway rejects all traffic", "le nœud refuse".
_SYSTEM = frozenset(
    [
        "gateway",
        "server",
        "node",
        "api",
        "limiter",
        "proxy",
        "store",
        "router",
        "service",
        "passerelle",
        "serveur",
        "noeud",
        "routeur",
        "limiteur",
    ]
)
_WHAT_COMES_IN = frozenset(
    ["all", "every", "everything", "traffic", "trafic", "excess", "429", "503", "tout", "toutes", "tous"]
)


def _rejects(tokens: Sequence[Token], index: int, rejecting: frozenset[str]) -> bool:
    token = tokens[index]
    if token.norm not in rejecting and token.lemma not in rejecting:
        return False
    if token.norm in _BAD:
        return True
    before = tokens[max(0, index - 3) : index]
    if any(t.norm in _INCOMING or t.lemma in _INCOMING for t in before):
        return False
    if any(t.norm in _WHAT_COMES_IN for t in tokens[index + 1 : index + 3]):
        return False
    return not any(t.lemma in _SYSTEM for t in before)


_COULD = frozenset({"could", "pourrait", "pourrions", "pourrais", "pourraient", "pourriez"})
_BUT = frozenset({"but", "however", "mais", "cependant", "toutefois", "pourtant"})


def _option_then_but(tokens: Sequence[Token], chosen: Sequence[int]) -> bool:
    """An option offered with "could", then turned down with "but" later in the sentence."""
    clause = tokens[chosen[0]].clause
    could = [i for i, t in enumerate(tokens) if t.norm in _COULD and t.clause == clause]
    return bool(could) and any(t.norm in _BUT for t in tokens[max(chosen[-1], could[0]) :])


def _conditional_fr(token: Token) -> bool:
    return token.norm.endswith(("rais", "rait", "raient", "rions", "riez")) and len(token.norm) > 5


def is_distanced(
    sentence: Sentence, indices: Iterable[int], *, options: bool = False, hypothetical: bool = True
) -> bool:
    """Whether the tokens at ``indices`` are only imagined, or an option raised to be rejected.

    ``hypothetical=False`` keeps conditionals as said: "if it is under the limit,
    the node writes the value back" is the design, not a hypothesis.
    With ``options`` (a design weighing choices), a sentence that calls
    something bad ("doing X inside the API call is bad, because…") rejects it,
    and one that compares options ("X vs Y", "compared to") chooses neither;
    in a story, "it was a bad mess" is still said.
    """
    chosen = sorted(set(indices))
    if not chosen:
        return False
    tokens = sentence.tokens
    rejecting = _REJECTING | _BAD if options else _REJECTING
    if any(_rejects(tokens, i, rejecting) for i in range(len(tokens))):
        return True
    clauses = {tokens[i].clause for i in chosen}
    if hypothetical and len(clauses) == 1:
        clause = next(iter(clauses))
        words = [t for t in tokens if t.clause == clause]
        if any(t.norm in _HYPOTHETICAL or _conditional_fr(t) for t in words):
            return True
    if options and _option_then_but(tokens, chosen):
        return True  # "we could keep buckets on each node, but then…" raises the option to drop it
    if options and any(t.norm in _VERSUS or t.norm in _COMPARING for t in tokens):
        return True  # "X vs Y: Y, because…" weighs both; the choice is said elsewhere
    first = chosen[0]
    for index in range(first):
        norm = tokens[index].norm
        if norm in _VERSUS:
            return True
        following = tokens[index + 1].norm if index + 1 < len(tokens) else ""
        if (norm, following) in _INSTEAD:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Action:
    """A subject and its verb: who did what, and whether it was done at all."""

    subject: int
    verb: int
    lemma: str
    negated: bool
    hypothetical: bool
    passive: bool

    @property
    def is_action(self) -> bool:
        """Something done: not negated, not imagined, not passive, not a state or an opinion."""
        return not (self.negated or self.hypothetical or self.passive) and self.lemma not in NON_ACTION


def _participle_en(token: Token) -> bool:
    norm = token.norm
    return norm.endswith("ed") or (token.lemma != norm and not norm.endswith(("s", "ing")) and norm.isalpha())


#: Endings of French past participles the lemmatiser leaves alone ("écrit", "décrit", "offert").
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "it", "ite", "is", "ise", "ert", "erte", "int", "ainte", "u", "ue", "us")


def _participle_fr(token: Token) -> bool:
    if not token.norm.isalpha() or token.text.lower() in FUNCTION_WORDS["fr"]:
        return False  # "du" is an article, "dû" a participle
    if token.lemma != token.norm and token.lemma.endswith(("er", "ir", "re", "oir")):
        return True
    return token.text.lower().endswith(_PARTICIPLE_ENDINGS) and len(token.norm) > 3


def _skippable_en(token: Token) -> bool:
    return token.norm in _SKIP_EN or (token.norm.endswith("ly") and len(token.norm) > 4)


def _action_en(tokens: Sequence[Token], subject: int) -> Action | None:
    negated = hypothetical = False
    index = subject + 1
    while index < len(tokens) and index - subject <= 6:
        token = tokens[index]
        if token.clause != tokens[subject].clause:
            return None
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.norm in _MODALS_EN:
            hypothetical = True
        elif token.norm in NEGATORS_EN:
            negated = True
        elif token.lemma == "have" and following is not None and following.norm == "to":
            index += 1  # "I had to rebuild it": the action is what had to be done
        elif (
            token.lemma == "have" and following is not None and (_participle_en(following) or _skippable_en(following))
        ):
            pass  # present perfect: "I have deployed", "I've since rewritten"
        elif not _skippable_en(token):
            break
        index += 1
    else:
        return None
    if index >= len(tokens):
        return None
    verb = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    passive = verb.lemma == "be" and following is not None and _participle_en(following)
    return Action(subject, index, verb.lemma, negated, hypothetical, passive)


def _action_fr(tokens: Sequence[Token], subject: int) -> Action | None:
    negated = False
    index = subject + 1
    while index < len(tokens) and tokens[index].norm in _SKIP_FR and index - subject <= 4:
        index += 1
    if index >= len(tokens) or tokens[index].clause != tokens[subject].clause:
        return None
    verb = tokens[index]
    negated = any(i in negation_cues(tokens) for i in range(subject + 1, min(index + 3, len(tokens))))
    hypothetical = _conditional_fr(verb) or (verb.norm.endswith("rai") and len(verb.norm) > 4)
    lemma, passive = verb.lemma, False
    if lemma in ("avoir", "etre"):
        look = index + 1
        while look < len(tokens) and tokens[look].norm in _SKIP_FR and look - index <= 3:
            look += 1
        if look < len(tokens) and _participle_fr(tokens[look]):
            index, lemma = look, tokens[look].lemma
            if lemma in ("devoir", "pouvoir"):  # "j'ai dû tout reprendre": the action is what had to be done
                after = look + 1
                while after < len(tokens) and tokens[after].norm in _SKIP_FR and after - look <= 3:
                    after += 1
                if after < len(tokens) and tokens[after].lemma.endswith(("er", "ir", "re")):
                    index, lemma = after, tokens[after].lemma
            passive = verb.lemma == "etre" and lemma not in _ETRE_VERBS
    return Action(subject, index, lemma, negated, hypothetical, passive)


#: French verbs conjugated with "être" in the passé composé: "je suis allé" is active.
_ETRE_VERBS = frozenset(
    [
        "aller",
        "venir",
        "partir",
        "arriver",
        "rester",
        "passer",
        "revenir",
        "retourner",
        "entrer",
        "sortir",
        "monter",
        "descendre",
        "tomber",
    ]
)


def actions(sentence: Sentence, subjects: frozenset[str], lang: str) -> list[Action]:
    """Every subject of ``subjects`` in the sentence, with its verb (see ``Action``)."""
    found = []
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        if token.norm in subjects or (lang == "fr" and "on" in subjects and token.norm == "on"):
            action = _action_fr(tokens, index) if token.norm in _FR_SUBJECTS else _action_en(tokens, index)
            if action is not None:
                found.append(action)
    return found


_FR_SUBJECTS = frozenset({"je", "j'", "nous", "on", "il", "elle", "ils", "elles"})
#: "we" in English, "nous" and "on" in French (``actions`` adds "on" for French answers only).
WE_WITH_ON = WE_SUBJECTS | {"on"}


def own_actions(sentence: Sentence, lang: str) -> list[Action]:
    """The sentence's first-person singular actions that were actually done."""
    return [a for a in actions(sentence, I_SUBJECTS, lang) if a.is_action]


def team_actions(sentence: Sentence, lang: str) -> list[Action]:
    """The sentence's "we" (nous, on) actions that were actually done."""
    subjects = WE_WITH_ON if lang == "fr" else WE_SUBJECTS
    return [a for a in actions(sentence, subjects, lang) if a.is_action]
