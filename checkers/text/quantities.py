"""Numbers that measure something, recognised by their shape rather than by a list of phrases.

A *quantity* is a number in digits ("40", "3.2", "20,000", "62^7"), with
its unit when one follows or is attached ("800ms", "40 %", "2 GB", "10k
req/s", "3x"), a number word ("two", "douze", "hundreds", "dizaines"), or a
multiplier ("halved", "doubled", "twice", "divisé par six", "fois plus").
A *change* is a quantity in a comparison: "from 3.1 s to 1.2 s", "de 480 à
140 ms", "down 45 %", "2x faster", "réduit de moitié".

"One" / "un" / "une" are not quantities ("one of the teams" measures
nothing); "zero" is ("zero incidents since" is as measured as it gets). A
four-digit year ("in 2022") is a date, not a measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checkers.text.language import Sentence, Token

NUMBER_WORDS = frozenset(
    [
        "zero",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "dozen",
        "dozens",
        "half",
        "zero",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "quinze",
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "cent",
        "cents",
        "mille",
        "million",
        "millions",
        "milliard",
        "milliards",
        "dizaine",
        "dizaines",
        "centaine",
        "centaines",
        "moitie",
    ]
)
MULTIPLIERS = frozenset(
    [
        "halve",
        "halved",
        "double",
        "doubled",
        "twice",
        "triple",
        "tripled",
        "quadruple",
        "quadrupled",
        "tenfold",
        "doubler",
        "tripler",
        "quadrupler",
    ]
)
UNITS = frozenset(
    [
        "%",
        "ms",
        "s",
        "sec",
        "secs",
        "second",
        "seconds",
        "min",
        "mins",
        "minute",
        "minutes",
        "h",
        "hr",
        "hrs",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "x",
        "k",
        "m",
        "b",
        "t",
        "kb",
        "mb",
        "gb",
        "tb",
        "pb",
        "ko",
        "mo",
        "go",
        "to",
        "b/s",
        "qps",
        "rps",
        "rpm",
        "tpm",
        "req",
        "reqs",
        "request",
        "requests",
        "ops",
        "op",
        "token",
        "tokens",
        "gpu",
        "gpus",
        "node",
        "nodes",
        "row",
        "rows",
        "user",
        "users",
        "customer",
        "customers",
        "ticket",
        "tickets",
        "incident",
        "incidents",
        "€",
        "$",
        "£",
        "eur",
        "euro",
        "euros",
        "usd",
        "k€",
        "dollar",
        "dollars",
        "seconde",
        "secondes",
        "heure",
        "heures",
        "jour",
        "jours",
        "semaine",
        "semaines",
        "mois",
        "an",
        "ans",
        "annee",
        "annees",
        "fois",
        "requete",
        "requetes",
        "utilisateur",
        "utilisateurs",
        "client",
        "clients",
        "noeud",
        "noeuds",
        "ligne",
        "lignes",
    ]
)
#: A unit may come this many words after its number ("zero billing incidents", "40,000 paying users").
UNIT_REACH = 3
_DIGITS = re.compile(r"^\d")
_YEAR = re.compile(r"^(19|20)\d\d$")
_TRAILING_UNIT = re.compile(r"^\d+(?:[.,]\d+)?([a-z%]+)$")
#: Words that turn a quantity into a change: "from X to Y", "down 45 %", "2x faster".
_CHANGE_WORDS = frozenset(
    [
        "from",
        "down",
        "cut",
        "reduce",
        "reduced",
        "drop",
        "dropped",
        "fell",
        "rise",
        "rose",
        "increase",
        "increased",
        "decrease",
        "decreased",
        "faster",
        "slower",
        "cheaper",
        "fewer",
        "lower",
        "higher",
        "better",
        "worse",
        "improve",
        "improved",
        "saving",
        "savings",
        "save",
        "saved",
        "passe",
        "passer",
        "passee",
        "baisse",
        "baisser",
        "hausse",
        "augmenter",
        "augmente",
        "reduire",
        "reduit",
        "diviser",
        "divise",
        "gagner",
        "gagne",
        "rapide",
        "lent",
        "economie",
        "economiser",
    ]
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity in a sentence: its tokens (indices), and whether it has a unit or is part of a change."""

    first: int
    last: int
    unit: bool
    change: bool


def _is_number(token: Token) -> bool:
    if _DIGITS.match(token.norm):
        return not _YEAR.match(token.norm)
    return token.norm in NUMBER_WORDS or token.lemma in MULTIPLIERS or token.norm in MULTIPLIERS


def quantities(sentence: Sentence) -> list[Quantity]:
    """Every quantity in the sentence, in order (see the module docstring)."""
    tokens = sentence.tokens
    found = []
    for index, token in enumerate(tokens):
        if not _is_number(token):
            continue
        if index and _is_number(tokens[index - 1]) and tokens[index - 1].clause == token.clause:
            continue  # "20 000", "two hundred": one quantity
        last = index
        while last + 1 < len(tokens) and _is_number(tokens[last + 1]):
            last += 1
        attached = _TRAILING_UNIT.match(token.norm)
        following = [t for t in tokens[last + 1 : last + 1 + UNIT_REACH] if t.clause == token.clause]
        unit = bool(attached) or any(t.norm in UNITS for t in following) or token.lemma in MULTIPLIERS
        window = tokens[max(0, index - 3) : last + 3]
        change = token.lemma in MULTIPLIERS or any(t.lemma in _CHANGE_WORDS or t.norm in _CHANGE_WORDS for t in window)
        found.append(Quantity(index, last, unit, change))
    return found


def measures(sentence: Sentence) -> list[Quantity]:
    """The quantities that measure: with a unit, or in a change (bare counts like "step 2" are left out)."""
    return [q for q in quantities(sentence) if q.unit or q.change]
