"""Matching the bank's lemma patterns (``question_bank.patterns``) against an analysed answer.

A ``Hit`` is one sentence where a pattern matched, with the tokens it
matched, so a finding can quote the sentence and a coverage line can show
the words. Rules beyond the grammar (documented in ``question_bank.patterns``):

- a word matches a token's folded form or its lemma, and the pattern word is
  lemmatised too, so either "shard" or "sharded" finds "shards";
- a word the tokenizer splits ("j'ai", "fail-open", "x-ratelimit") becomes
  consecutive words;
- a subject class (``I``, ``WE``, ``THEY``) followed by ``..`` must stay the
  subject: another subject pronoun or a relative ("that", "qui") in between
  breaks the match, so "I .. escalate" does not find "I saw that they
  escalated";
- a hit in a negated clause is dropped unless the pattern says ``NOT``
  (``checkers.text.clauses.is_negated``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import simplemma

from checkers.text.clauses import I_SUBJECTS, NEGATORS_EN, NEGATORS_FR, RELATIVES, THEY_SUBJECTS, WE_SUBJECTS
from checkers.text.clauses import is_negated as clause_negated
from checkers.text.language import Doc, Sentence, Token, fold, lemma, word_pieces
from checkers.text.quantities import NUMBER_WORDS
from question_bank.patterns import CLASSES, Pattern, parse_pattern
from question_bank.patterns import Sequence as PatternSequence

#: "Near" terms may have this many words between them.
NEAR_GAP = 2
_ALL_SUBJECTS = I_SUBJECTS | WE_SUBJECTS | THEY_SUBJECTS | {"you", "vous", "on", "tu"}


@dataclass(frozen=True, slots=True)
class _Atom:
    """One token's worth of a pattern: the folded forms it accepts, a prefix, or a class."""

    forms: frozenset[str] = frozenset()
    prefix: str = ""
    klass: str = ""

    def accepts(self, token: Token, doc: Doc) -> bool:
        if self.klass:
            return _in_class(token, self.klass, doc)
        if self.prefix:
            return token.norm.startswith(self.prefix) or token.lemma.startswith(self.prefix)
        return token.norm in self.forms or token.lemma in self.forms


@dataclass(frozen=True, slots=True)
class _Slot:
    """A compiled term: its alternatives, each a run of atoms matching consecutive tokens."""

    alternatives: tuple[tuple[_Atom, ...], ...]
    #: The words a match must start with, when every alternative starts with a plain word.
    keys: frozenset[str] | None = None

    @classmethod
    def of(cls, alternatives: tuple[tuple[_Atom, ...], ...]) -> _Slot:
        plain = not any(alt[0].prefix or alt[0].klass for alt in alternatives)
        keys = frozenset(form for alt in alternatives for form in alt[0].forms) if plain else None
        return cls(alternatives, keys)

    def spans(self, sentence: Sentence, doc: Doc) -> list[tuple[int, int]]:
        """Every (first, last) token span of the sentence that one of the alternatives matches."""
        tokens = sentence.tokens
        keys = self.keys
        if keys is None:
            starts: Iterable[int] = range(len(tokens))
        else:
            starts = sorted({p for key in keys for p in sentence.positions.get(key, ())})
        return [(start, last) for start in starts for last in self.ends(tokens, start, doc)]

    def ends(self, tokens: Sequence[Token], index: int, doc: Doc) -> Iterator[int]:
        """For each alternative matching at ``index``, the index of its last token."""
        for atoms in self.alternatives:
            if len(atoms) == 1:
                if atoms[0].accepts(tokens[index], doc):
                    yield index
                continue
            last = index + len(atoms) - 1
            if last < len(tokens) and all(a.accepts(tokens[index + k], doc) for k, a in enumerate(atoms)):
                yield last

    @property
    def is_subject(self) -> bool:
        return any(len(alt) == 1 and alt[0].klass in ("I", "WE", "THEY") for alt in self.alternatives)


def _is_name(token: Token, doc: Doc) -> bool:
    """A person's name: written capitalised mid-sentence in this answer, or a capitalised unknown word."""
    text = token.text
    if not (text[:1].isupper() and text.isalpha() and not text.isupper() and len(text) > 1):
        return False
    if token.norm in doc.names:
        return True
    return not any(simplemma.is_known(text.lower(), lang=lang) for lang in ("en", "fr"))


def _in_class(token: Token, name: str, doc: Doc) -> bool:
    norm = token.norm
    if name == "I":
        return norm in I_SUBJECTS
    if name == "WE":
        return norm in WE_SUBJECTS or (doc.lang == "fr" and norm == "on")
    if name == "THEY":
        return norm in THEY_SUBJECTS or _is_name(token, doc)
    if name == "NOT":
        return norm in NEGATORS_EN or norm in NEGATORS_FR or norm in ("ne", "n'")
    return token.is_number or norm in NUMBER_WORDS  # NUM


@dataclass(frozen=True, slots=True)
class _Run:
    """A compiled sequence: one slot per term, and which gaps are ``..``."""

    slots: tuple[_Slot, ...]
    far: tuple[bool, ...]
    says_not: bool


@dataclass(frozen=True, slots=True)
class Compiled:
    """A pattern ready to match: the runs a sentence must all have, and those it must not."""

    source: str
    required: tuple[_Run, ...]
    excluded: tuple[_Run, ...]


def _word_forms(word: str) -> frozenset[str]:
    """The folded word, and its lemma in either language when it is plainly the same word.

    "sharded" also gives "shard", "partagés" gives "partager", but "ai" does
    not give "be" (English) or "avoir" (French): a lemma that does not start
    like the word is another word's; nor does "tooling" give "tool".
    """
    folded = fold(word)
    forms = {folded}
    for lang in ("en", "fr"):
        if simplemma.is_known(word, lang=lang):
            found = lemma(word, lang)
            if found[:2] == folded[:2] and not (folded.endswith("ing") and not found.endswith("ing")):
                forms.add(found)  # "tooling" is not "tool", nor "caching" "cache": the author writes both
    return frozenset(forms)


def _atoms(atom: str) -> list[_Atom]:
    """A pattern atom as token atoms: a word the tokenizer splits ("j'ai", "fail-open") becomes several."""
    if atom in CLASSES:
        return [_Atom(klass=atom)]
    if atom.endswith("*"):
        return [_Atom(prefix=fold(atom[:-1].lower()))]
    spaced = atom.lower().replace("-", " ").replace("/", " ").replace("_", " ").replace("^", " ")
    pieces = [low for raw in spaced.split() for _, _, low, _ in word_pieces(raw)]
    return [_Atom(forms=_word_forms(piece)) for piece in pieces]


def _run(sequence: PatternSequence) -> _Run:
    slots = tuple(
        _Slot.of(tuple(tuple(a for atom in alt for a in _atoms(atom)) for alt in term.alternatives))
        for term in sequence.terms
    )
    return _Run(slots, sequence.far, sequence.says_not)


@lru_cache(maxsize=8192)
def compile_pattern(pattern: Pattern | str) -> Compiled:
    """Compile a parsed pattern (or its source text) for matching."""
    parsed = parse_pattern(pattern) if isinstance(pattern, str) else pattern
    return Compiled(parsed.source, tuple(_run(s) for s in parsed.required), tuple(_run(s) for s in parsed.excluded))


@dataclass(frozen=True, slots=True)
class Hit:
    """A pattern matched in one sentence: which tokens, and the sentence to quote."""

    sentence: Sentence
    indices: tuple[int, ...]
    pattern: str

    @property
    def quote(self) -> str:
        return self.sentence.text

    @property
    def words(self) -> str:
        """The matched words as written, from the first to the last matched token."""
        tokens = self.sentence.tokens
        return self.sentence.source[tokens[self.indices[0]].start : tokens[self.indices[-1]].end]


def _subject_breaks(tokens: Sequence[Token], start: int, end: int) -> bool:
    return any(t.norm in _ALL_SUBJECTS or t.norm in RELATIVES for t in tokens[start + 1 : end])


def _search(
    run: _Run, spans: list[list[tuple[int, int]]], tokens: Sequence[Token], slot: int, after: int
) -> Iterator[list[int]]:
    """Every way of matching slots ``slot…`` with tokens after ``after`` (depth-first, leftmost first).

    ``spans[k]`` are the places slot ``k`` matches; yields the indices of the
    matched tokens (every token of a phrase alternative).
    """
    if slot == len(run.slots):
        yield []
        return
    far = slot > 0 and run.far[slot - 1]
    for start, last in spans[slot]:
        if slot and start <= after:
            continue
        if slot and not far and (start > after + NEAR_GAP + 1 or tokens[start].clause != tokens[after].clause):
            continue
        if far and run.slots[slot - 1].is_subject and _subject_breaks(tokens, after, start):
            continue
        for rest in _search(run, spans, tokens, slot + 1, last):
            yield [*range(start, last + 1), *rest]


def _match_run(run: _Run, sentence: Sentence, doc: Doc, *, negation: bool = True) -> list[int] | None:
    """The tokens of the first match of ``run`` in the sentence (not negated, when ``negation``)."""
    spans = []
    for slot in run.slots:
        found = slot.spans(sentence, doc)
        if not found:
            return None
        spans.append(found)
    for indices in _search(run, spans, sentence.tokens, 0, -1):
        if not negation or run.says_not or not clause_negated(sentence, indices):
            return indices
    return None


def match_sentence(compiled: Compiled, sentence: Sentence, doc: Doc) -> Hit | None:
    """The match of the pattern in the sentence of ``doc``, if every required run matches and no excluded one."""
    found: list[int] = []
    for run in compiled.required:
        indices = _match_run(run, sentence, doc)
        if indices is None:
            return None
        found += indices
    if any(_match_run(run, sentence, doc, negation=False) is not None for run in compiled.excluded):
        return None
    return Hit(sentence, tuple(sorted(set(found))), compiled.source)


def find(doc: Doc, patterns: Iterable[Pattern | str], *, where: Iterable[str] | None = None) -> list[Hit]:
    """Every sentence of ``doc`` (of the parts ``where``, if given) matched by any pattern: one hit per sentence."""
    parts = set(where) if where is not None else None
    compiled = [compile_pattern(p) for p in patterns]
    hits = []
    for sentence in doc.sentences:
        if parts is not None and sentence.where not in parts:
            continue
        for pattern in compiled:
            hit = match_sentence(pattern, sentence, doc)
            if hit is not None:
                hits.append(hit)
                break
    return hits


def says(doc: Doc, patterns: Iterable[Pattern | str]) -> bool:
    """Whether any sentence of ``doc`` matches any of the patterns."""
    return bool(find(doc, patterns))
