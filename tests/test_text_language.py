"""The language layer every check stands on: tokens and lemmas, sentences, negation, rejected
options, who acted, quantities, and the pattern matcher."""

from __future__ import annotations

import pytest

from checkers.text.clauses import is_distanced, is_negated, own_actions, team_actions
from checkers.text.language import Sentence, analyse, detect_language
from checkers.text.patterns import find
from checkers.text.quantities import measures, quantities
from question_bank.patterns import PatternError, parse_pattern


def _sentence(text: str, lang: str | None = None) -> Sentence:
    return analyse(text, lang).sentences[0]


def test_tokens_keep_their_place_form_and_lemma() -> None:
    sentence = _sentence("J’ai réécrit les nœuds partagés.", "fr")
    assert [(t.norm, t.lemma) for t in sentence.tokens] == [
        ("j'", "j'"),
        ("ai", "avoir"),
        ("reecrit", "reecrire"),
        ("les", "les"),
        ("noeuds", "noeud"),
        ("partages", "partager"),
    ]
    first = sentence.tokens[2]
    assert sentence.source[first.start : first.end] == "réécrit"


def test_contractions_are_read_as_they_are_said() -> None:
    sentence = _sentence("I didn't test it and we can't ship; I've rewritten it.")
    norms = [t.norm for t in sentence.tokens]
    assert norms[:4] == ["i", "did", "not", "test"] and "can" in norms and "'ve" in norms


def test_function_words_keep_their_own_form() -> None:
    assert [
        t.lemma
        for t in _sentence("Ce n'était pas ma faute, c'était leur faute.", "fr").tokens
        if t.norm in ("ma", "leur")
    ] == [
        "ma",
        "leur",
    ]


def test_sentences_end_at_punctuation_and_lines_but_not_after_abbreviations_or_list_numbers() -> None:
    doc = analyse({"high_level": "We use e.g. Redis vs. Kafka. It works!\n1. GET the counter\n- then SET it"})
    assert [s.text for s in doc.sentences] == [
        "We use e.g. Redis vs. Kafka.",
        "It works!",
        "1. GET the counter",
        "- then SET it",
    ]
    assert {s.where for s in doc.sentences} == {"high_level"}


def test_names_are_the_capitalised_words_of_the_answer() -> None:
    doc = analyse("The design lead, Sophie, disagreed with me. Sophie was right.")
    assert "sophie" in doc.names and "the" not in doc.names


@pytest.mark.parametrize(
    "text, language",
    [
        ("Nous avons décidé ensemble de migrer la base de données.", "fr"),
        ("J’ai proposé qu’on teste les deux options.", "fr"),
        ("We decided together to migrate the database.", "en"),
        ("", "en"),
    ],
)
def test_language_detection(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text, word, negated",
    [
        ("I don't think he was being difficult.", "difficult", True),
        ("It was never that he was being difficult.", "difficult", True),
        ("They didn't listen, so I escalated.", "escalated", False),  # another clause
        ("Je ne pense pas qu’il était borné.", "borné", True),
        ("Il n'a que 5 % du trafic.", "trafic", False),  # "ne … que" means "only"
        ("Nobody complained about quality.", "quality", True),
        ("We use Redis, not Memcached.", "Redis", False),
        ("We use Redis, not Memcached.", "Memcached", True),
    ],
)
def test_negation_scope(text: str, word: str, negated: bool) -> None:
    sentence = _sentence(text)
    index = next(i for i, t in enumerate(sentence.tokens) if t.text == word)
    assert is_negated(sentence, [index]) is negated


@pytest.mark.parametrize(
    "text, word, distanced",
    [
        ("A per-server counter would not work because keys spread.", "counter", True),
        ("Round-robin rejected: it ignores load.", "robin", True),
        ("Le round-robin est écarté : il ignore la charge.", "robin", True),
        ("Token bucket instead of a fixed window.", "fixed", True),
        ("Token bucket instead of a fixed window.", "bucket", False),
        ("If each node counts on its own, a key gets 40 times its limit.", "node", True),
        ("Each node counts on its own.", "node", False),
        ("Every request is rejected with a 429.", "request", False),  # rejecting requests is behaviour
        ("When the store is down, the gateway rejects all traffic.", "store", False),  # so is a system rejecting
        ("Le nœud refuse tout le trafic quand Redis tombe.", "Redis", False),
        ("We rejected the store-per-node idea.", "store", True),
        ("We could keep buckets on each node, but a key would get N times its quota.", "node", True),
        ("On pourrait garder un compteur par nœud, mais une clé dépasserait sa limite.", "compteur", True),
        ("We could add a node later; each node keeps a local cache.", "cache", False),  # no "but": not dropped
    ],
)
def test_options_raised_only_to_be_rejected(text: str, word: str, distanced: bool) -> None:
    sentence = _sentence(text)
    index = next(i for i, t in enumerate(sentence.tokens) if t.text == word)
    assert is_distanced(sentence, [index], options=True) is distanced


@pytest.mark.parametrize(
    "word, lang, lemma",
    [
        ("réplicas", "fr", "replica"),  # an accent the dictionary lacks: read without it
        ("journalisés", "fr", "journaliser"),  # an unknown participle is still a verb's
        ("déployées", "fr", "deployer"),
        ("replicas", "en", "replica"),
        ("café", "fr", "cafe"),  # a known word keeps its own lemma
    ],
)
def test_lemmas_of_words_the_dictionary_half_knows(word: str, lang: str, lemma: str) -> None:
    assert analyse(word, lang).sentences[0].tokens[0].lemma == lemma


def test_a_design_comparison_chooses_neither_side_but_a_story_still_says_it() -> None:
    sentence = _sentence("Static batching vs continuous batching: continuous, because short requests wait.")
    assert is_distanced(sentence, [0], options=True)
    assert not is_distanced(_sentence("It was a bad mess."), [3])


@pytest.mark.parametrize(
    "text, lang, verbs",
    [
        ("I rewrote the scheduler and then I ran the load tests.", "en", ["rewrite", "run"]),
        ("I have deployed Mistral 7B on four GPUs.", "en", ["deploy"]),
        ("I had to build a new view.", "en", ["build"]),
        ("I was asked to fix it. I think it helped. I would use Redis. I didn't wait.", "en", []),
        ("J'ai réécrit l'ordonnanceur et j'ai dû tout reprendre.", "fr", ["reecrire", "reprendre"]),
        ("Je suis allé voir le lead. Je leur ai proposé un test.", "fr", ["aller", "proposer"]),
        ("J'étais responsable. Je n'ai pas attendu. Je ferais autrement.", "fr", []),
    ],
)
def test_first_person_action_is_an_action_verb_not_a_state_a_modal_or_the_passive(
    text: str, lang: str, verbs: list[str]
) -> None:
    doc = analyse(text, lang)
    assert [a.lemma for s in doc.sentences for a in own_actions(s, lang)] == verbs


def test_we_actions_include_french_on_but_not_english_on() -> None:
    assert len(team_actions(_sentence("On a livré en deux semaines.", "fr"), "fr")) == 1
    assert team_actions(_sentence("I worked on it on Monday."), "en") == []


@pytest.mark.parametrize(
    "text, measured",
    [
        ("Latency fell to 200 ms.", True),
        ("It saved €40k a year.", True),
        ("Errors dropped by half.", True),
        ("La latence a été divisée par deux.", True),
        ("Cela a doublé l’adoption.", True),
        ("p99 went from 3.1 s to 1.2 s.", True),
        ("Everyone was happy and the launch went well.", False),
        ("One of the teams was happy.", False),  # "one" measures nothing
        ("In 2022 we moved to Kubernetes.", False),  # a year is a date
        ("Zero incidents since the launch.", True),
    ],
)
def test_measures(text: str, measured: bool) -> None:
    assert bool(measures(_sentence(text))) is measured


def test_quantities_join_spelled_out_numbers() -> None:
    assert len(quantities(_sentence("About 20 000 keys and two hundred nodes."))) == 2


@pytest.mark.parametrize(
    "pattern, text, hit",
    [
        ("token bucket", "A token-based bucket per key.", True),  # up to two words between
        ("token bucket", "A token, then a bucket.", False),  # not across a clause
        ("shard .. key", "Counters are sharded by API key.", True),  # lemma and anywhere later
        ("(straight away|right away)|immediately", "I fixed it right away.", True),
        ("fail open|closed", "We fail closed.", True),
        ("atomic*", "Updated atomically.", True),
        ("I .. escalate", "I saw that they escalated.", False),  # another subject in between
        ("THEY be .. difficult", "Our lead, Sophie, said no. Sophie was being difficult.", True),  # a name
        ("NOT my fault", "It wasn't my fault.", True),
        ("redis", "We don't use Redis.", False),  # negated
        ("each node & memory & bucket & !fallback", "Buckets live in memory on each node.", True),
        ("each node & memory & bucket & !fallback", "As a fallback, each node keeps a bucket in memory.", False),
        ("mettre .. d'accord", "On s'est mis d'accord.", True),
    ],
)
def test_patterns(pattern: str, text: str, hit: bool) -> None:
    assert bool(find(analyse(text), [pattern])) is hit


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("", "is an empty pattern"),
        ("a ..", 'ends with ".."'),
        (".. a", "where a word is expected"),
        ("a|", "empty alternative"),
        ("ab*", "a prefix needs at least 3 letters"),
        ("FOO bar", "unknown class FOO"),
        ("(a b", "unbalanced parenthesis"),
        ("!a", "only excludes"),
    ],
)
def test_a_broken_pattern_is_one_sentence(pattern: str, message: str) -> None:
    with pytest.raises(PatternError, match=message):
        parse_pattern(pattern)
