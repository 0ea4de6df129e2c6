"""Answers as sentences of lemmatised tokens, in English and French.

Every judgement about a written answer ("does it say X?", "who did it?",
"is it negated?") is made on the same analysis, built here once per text:

- **Tokens** keep their position in the original text (so evidence is quoted
  exactly as written), a folded form (lower case, no accents: candidates type
  fast on keyboards where accents are awkward) and a folded *lemma* from
  ``simplemma``, a maintained, dependency-free lemmatiser for both languages
  ("wrote" → write, "partagés" → partager, "j'ai" → je + avoir). Function
  words (pronouns, determiners, possessives) keep their own form: a
  lemmatiser would turn "ma" and "leur" into "son", and "my fault" is not
  "their fault".
- **Contractions and elisions** are split the way they are read: "didn't" →
  did + not, "I'm" → I + 'm (be), "j'ai" → j' + ai, "n'était" → n' + était.
- **Sentences** end at . ! ? … followed by a space, at line breaks (bullets
  and canvas lines are sentences; a long line that stops mid-sentence is
  prose wrapped by hand and goes on) and at the end of each part.
  **Clauses** end at , ; : ( ) and at "but / because / so / mais / car /
  donc…", which bounds negation and "near" pattern terms.

Words of the other language are lemmatised too (a French design answer says
"token buckets"), by trying the answer's language first, then the other.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

LANGS = ("en", "fr")

#: Typographic apostrophes, unified one character for one (so offsets stay those of the text).
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'"})
#: Ligatures, spelled out when folding.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
#: Numbers with a decimal or thousands separator ("3.1", "20,000"), alphanumeric runs with
#: apostrophes inside ("didn't", "j'ai", "aujourd'hui"), and the signs that measure (% and
#: currencies), which are tokens of their own.
_RAW_TOKEN = re.compile(r"\d+(?:[.,]\d+)+[^\W_]*|[^\W_]+(?:'[^\W_]+)*'?|[%€$£]")
#: Where sentences end: final punctuation before a space, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»)\]]*\s+|\n+")
#: Clause punctuation (sentence punctuation is handled by sentences).
_CLAUSE_MARK = re.compile(r"[,;:()\[\]—–]|\s-\s|->|→|=>")
_NUMBER = re.compile(r"^\d")

#: French elided prefixes: "j'ai" → "j'" + "ai".
_ELISIONS = frozenset({"j", "l", "d", "n", "m", "t", "s", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})
#: English clitics: "I've" → "I" + "'ve" (lemma have).
_CLITICS = {"'m": "be", "'re": "be", "'ve": "have", "'ll": "will", "'d": "would", "'s": "'s"}
#: Stems English "n't" leaves behind that are not words ("can't" → ca + n't).
_NT_STEMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "be"}

#: Words that keep their own form instead of a lemma (closed classes the lemmatiser mangles), per language.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "i",
            "me",
            "my",
            "mine",
            "myself",
            "we",
            "us",
            "our",
            "ours",
            "ourselves",
            "you",
            "your",
            "yours",
            "he",
            "him",
            "his",
            "she",
            "her",
            "hers",
            "they",
            "them",
            "their",
            "theirs",
            "it",
            "its",
            "this",
            "that",
            "these",
            "those",
            "the",
            "a",
            "an",
            "who",
            "whom",
            "whose",
            "which",
            "what",
            "no",
            "not",
        ]
    ),
    "fr": frozenset(
        [
            "je",
            "j'",
            "moi",
            "me",
            "m'",
            "mon",
            "ma",
            "mes",
            "nous",
            "notre",
            "nos",
            "on",
            "tu",
            "te",
            "t'",
            "toi",
            "ton",
            "ta",
            "tes",
            "vous",
            "votre",
            "vos",
            "il",
            "elle",
            "ils",
            "elles",
            "lui",
            "leur",
            "leurs",
            "se",
            "s'",
            "son",
            "sa",
            "ses",
            "le",
            "la",
            "les",
            "l'",
            "un",
            "une",
            "des",
            "du",
            "de",
            "d'",
            "au",
            "aux",
            "ce",
            "c'",
            "cet",
            "cette",
            "ces",
            "qui",
            "que",
            "qu'",
            "y",
            "en",
            "ne",
            "n'",
            "pas",
            "plus",
            "rien",
            "jamais",
        ]
    ),
}
#: Words that end a clause inside a sentence (besides punctuation).
CLAUSE_WORDS: frozenset[str] = frozenset(
    [
        "but",
        "because",
        "although",
        "though",
        "whereas",
        "while",
        "so",
        "therefore",
        "however",
        "otherwise",
        "unless",
        "mais",
        "car",
        "parce",
        "puisque",
        "donc",
        "pourtant",
        "cependant",
        "sinon",
        "tandis",
        "quoique",
    ]
)


@dataclass(frozen=True, slots=True)
class Token:
    """One word or number: where it is in the original text, how it is written, and its lemma."""

    start: int
    end: int
    text: str
    norm: str
    lemma: str
    clause: int

    @property
    def is_number(self) -> bool:
        return bool(_NUMBER.match(self.norm))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of one part of the answer, with its tokens."""

    where: str
    source: str
    start: int
    end: int
    tokens: tuple[Token, ...]
    #: Where each folded form and lemma occurs, so a pattern finds its first word without a scan.
    positions: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False, hash=False)

    @property
    def text(self) -> str:
        """The sentence as written, on one line, for quoting as evidence."""
        return " ".join(self.source[self.start : self.end].split())


@dataclass(frozen=True, slots=True)
class Doc:
    """An answer analysed: its sentences in reading order, the language, and the people it names.

    ``names`` are the folded words the answer writes capitalised in the middle
    of a sentence and never in lower case ("Priya", "Sophie", "Karim"): the
    people a story is about, whatever a dictionary says about the word.
    """

    lang: str
    sentences: tuple[Sentence, ...]
    names: frozenset[str] = frozenset()

    def part(self, where: str) -> tuple[Sentence, ...]:
        """The sentences of one part (STAR part or canvas section)."""
        return tuple(s for s in self.sentences if s.where == where)


def fold(text: str) -> str:
    """Lower case without accents, apostrophes and ligatures unified: how tokens are compared."""
    text = text.translate(_APOSTROPHES).translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def load_dictionaries() -> None:
    """Load the lemmatiser's English and French dictionaries now (~0.35 s), not at the first analysis.

    simplemma reads a language's dictionary the first time it is asked about
    that language; the app calls this in a thread while the candidate reads
    the first prompt, so the end of a round does not wait for it.
    """
    for lang in ("en", "fr"):
        simplemma.is_known("test", lang=lang)


@lru_cache(maxsize=65536)
def lemma(word: str, lang: str) -> str:
    """The folded lemma of one lower-case word, trying ``lang`` first, then the other language."""
    if word in FUNCTION_WORDS.get(lang, FUNCTION_WORDS["en"]):
        return fold(word)
    word = word.translate(_LIGATURES)
    order = (lang, *(other for other in LANGS if other != lang))
    known = any(simplemma.is_known(word, lang=other) for other in order)
    found = simplemma.lemmatize(word, lang=order)
    if lang == "fr" and found.endswith(("é", "ée", "és", "ées")):
        # simplemma leaves many participles as adjectives ("déployé"); read them as the verb,
        # and an unknown "journalisés" as the participle of "journaliser" too
        verb = re.sub(r"é(e?s?)$", "er", found)
        if simplemma.is_known(verb, lang="fr") or not known:
            found = verb
    elif not known and fold(word) != word:
        found = simplemma.lemmatize(fold(word), lang=order)  # an accent the dictionary lacks: "réplicas"
    return fold(found)


def word_pieces(raw: str) -> list[tuple[int, int, str, str | None]]:
    """``raw`` (a run with apostrophes) as (start, end, lower-case form, fixed lemma or None).

    Offsets are relative to ``raw``. A fixed lemma is given for the pieces a
    lemmatiser does not know ("n't" → not, "'ve" → have).
    """
    low = raw.lower()
    if "'" in low:
        head, _, rest = low.partition("'")
        if head in _ELISIONS and not rest:  # a bare elided word, as a pattern writes it: "qu'", "n'"
            return [(0, len(raw), head + "'", head + "'")]
        if head in _ELISIONS:  # j'ai, n'était, qu'on, l'API
            cut = len(head) + 1
            tail = [(s + cut, e + cut, w, m) for s, e, w, m in word_pieces(raw[cut:])]
            return [(0, cut, head + "'", head + "'"), *tail]
        if low.endswith("n't") and len(low) > 3:
            stem = _NT_STEMS.get(low[:-3], low[:-3])
            return [(0, len(raw) - 3, stem, None), (len(raw) - 3, len(raw), "not", "not")]
        for clitic, clitic_lemma in _CLITICS.items():
            if low.endswith(clitic) and len(low) > len(clitic):
                cut = len(raw) - len(clitic)
                return [(0, cut, low[:cut], None), (cut, len(raw), clitic, clitic_lemma)]
        low = low.rstrip("'")
    return [(0, len(raw), low, None)]


def _tokens(source: str, start: int, end: int, lang: str) -> tuple[Token, ...]:
    text = source[start:end].translate(_APOSTROPHES)
    marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
    tokens: list[Token] = []
    clause = 0
    for match in _RAW_TOKEN.finditer(text):
        while marks and marks[0] < match.start():
            marks.pop(0)
            clause += 1
        for s, e, low, fixed in word_pieces(match.group()):
            norm = fold(low)
            if norm in CLAUSE_WORDS:
                clause += 1
            begin, finish = start + match.start() + s, start + match.start() + e
            lem = fixed if fixed is not None else norm if _NUMBER.match(low) else lemma(low, lang)
            tokens.append(Token(begin, finish, source[begin:finish], norm, lem, clause))
    return tuple(tokens)


#: A full stop after these does not end a sentence ("e.g. Redis", "vs. sharding", a "1." list marker).
_NO_BREAK_BEFORE = re.compile(
    r"(?:^|[\s(])(?:e\.g|i\.e|vs|etc|cf|approx|ex|p\.ex|\d{1,2}|[ivx]{1,4})\.$", re.IGNORECASE
)


#: A line this long that ends without punctuation is prose wrapped by hand, continued on the next line.
WRAPPED_LINE = 60
_LIST_START = re.compile(r"\s*(?:[-*•>+]|\d{1,2}[.)]|#)")


def _wrapped(source: str, newline: int) -> bool:
    """Whether the single line break at ``newline`` only wraps a sentence ("…releases, like\nMixtral…")."""
    if source.startswith("\n", newline + 1):
        return False  # a blank line ends the paragraph
    line_start = source.rfind("\n", 0, newline) + 1
    line = source[line_start:newline].rstrip()
    if not line or line[-1] in ".!?:;…" or len(line) < WRAPPED_LINE:
        return False
    return not _LIST_START.match(source, newline + 1)


def _boundaries(source: str) -> list[int]:
    ends = []
    for match in _SENTENCE_END.finditer(source):
        if source[match.start()] == "\n":
            if match.end() - match.start() == 1 and _wrapped(source, match.start()):
                continue
        elif _NO_BREAK_BEFORE.search(source, 0, match.start()):
            continue
        ends.append(match.start())
    return [*ends, len(source)]


def sentences_of(source: str, where: str, lang: str) -> list[Sentence]:
    """The sentences of one part's text (see the module docstring for where they end)."""
    found = []
    position = 0
    for end in _boundaries(source):
        chunk = source[position:end]
        lead = len(chunk) - len(chunk.lstrip())
        begin = position + lead
        if source[begin:end].strip():
            tokens = _tokens(source, begin, end, lang)
            if tokens:
                found.append(Sentence(where, source, begin, end, tokens, _positions(tokens)))
        match = _SENTENCE_END.match(source, end)
        position = match.end() if match else end
    return found


def _positions(tokens: tuple[Token, ...]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for position, token in enumerate(tokens):
        index.setdefault(token.norm, []).append(position)
        if token.lemma != token.norm:
            index.setdefault(token.lemma, []).append(position)
    return {key: tuple(value) for key, value in index.items()}


_EN_MARKERS = frozenset(
    [
        "the",
        "and",
        "is",
        "was",
        "were",
        "to",
        "of",
        "that",
        "it",
        "with",
        "for",
        "we",
        "i",
        "my",
        "this",
        "have",
        "had",
        "but",
        "they",
    ]
)
_FR_MARKERS = frozenset(
    [
        "le",
        "la",
        "les",
        "et",
        "est",
        "etait",
        "de",
        "des",
        "du",
        "une",
        "pour",
        "que",
        "qui",
        "dans",
        "pas",
        "nous",
        "je",
        "avec",
        "sur",
        "ils",
        "elle",
        "ai",
        "j'",
        "c'",
        "l'",
        "d'",
        "qu'",
    ]
)


def detect_language(texts: Mapping[str, str] | str) -> str:
    """``"fr"`` when French function words outnumber English ones, else ``"en"`` (ties go to English)."""
    text = texts if isinstance(texts, str) else "\n".join(texts.values())
    words = [fold(piece[2]) for raw in _RAW_TOKEN.findall(text.translate(_APOSTROPHES)) for piece in word_pieces(raw)]
    fr = sum(1 for w in words if w in _FR_MARKERS)
    en = sum(1 for w in words if w in _EN_MARKERS)
    return "fr" if fr > en else "en"


def analyse(texts: Mapping[str, str] | str, lang: str | None = None) -> Doc:
    """The ``Doc`` of an answer: one text, or texts per part in reading order."""
    parts = {"": texts} if isinstance(texts, str) else dict(texts)
    language = lang or detect_language(parts)
    sentences = [s for where, text in parts.items() if text for s in sentences_of(text, where, language)]
    return Doc(language, tuple(sentences), _names(sentences))


def _names(sentences: list[Sentence]) -> frozenset[str]:
    capitalised, lower = set(), set()
    for sentence in sentences:
        for position, token in enumerate(sentence.tokens):
            text = token.text
            if not text.isalpha() or len(text) < 2:
                continue
            if text[0].isupper() and not text.isupper():
                if position > 0:
                    capitalised.add(token.norm)
            elif text.islower():
                lower.add(token.norm)
    return frozenset(capitalised - lower - FUNCTION_WORDS["en"] - FUNCTION_WORDS["fr"])
