"""The small pattern language the bank uses to say what an answer *says*.

Rubric concepts, red flags and danger zones are written as a few lemma
patterns rather than lists of spellings, so "I rewrote the scheduler",
"j'ai réécrit l'ordonnanceur" and "the scheduler was rewritten by me" need
not each be listed. This module only reads the syntax (so a typo in a
question file is one sentence at load time); ``checkers.text.patterns``
matches a parsed pattern against the lemmatised sentences of an answer.

A pattern is one or more *terms*, matched in order within one sentence:

- ``a b``: ``b`` comes right after ``a``; up to two words may stand between
  them ("token bucket" also finds "token-based bucket"), but not a clause
  boundary (a comma, "but", "because"…);
- ``a .. b``: ``b`` comes anywhere after ``a`` in the same sentence;
- ``a|b|c``: any one of the words;
- ``(a b|c d|e)``: any one of the phrases (words right after one another);
  ``|`` binds tighter than a space, so ``fail open|closed`` is "fail"
  followed by "open" or "closed", and "straight away" or "right away" is
  written ``(straight away|right away)``;
- ``word``: the word or its lemma, case- and accent-insensitive ("shard"
  finds "sharded", "partager" finds "partagés", "write" finds "wrote"); a
  word the tokenizer splits ("j'ai", "fail-open") is read as a phrase;
- ``word*``: any word starting with it ("atomic*": atomic, atomically…);
- upper-case classes: ``I`` (I, je, j'), ``WE`` (we, nous, on), ``THEY``
  (he, she, they, il, elle, ils, elles, or a person's name), ``NOT`` (not,
  n't, never, no, nobody, without, pas, jamais, rien, sans, aucun…), ``NUM``
  (a number, in digits or words).

Sequences can be combined within one sentence, in any order:

- ``a b & c .. d``: the sentence has both "a b" and "c .. d", wherever they are
  ("each node & in memory & counter|bucket" finds "counters live in memory on
  each node" and "each node keeps its buckets in memory");
- ``… & !fallback|repli``: …unless the sentence also mentions this, in which
  case the sentence does not count ("local bucket" as the design, not as the
  fallback when the store is down).

A match inside a negated clause does not count unless the pattern itself
says ``NOT``: "we don't use Redis" does not cover shared state, and "it
wasn't my fault" is written ``NOT my fault``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The upper-case word classes a pattern may use.
CLASSES: frozenset[str] = frozenset({"I", "WE", "THEY", "NOT", "NUM"})
#: A ``*`` prefix needs at least this many letters, so "a*" cannot match half the language.
MIN_PREFIX = 3
#: A pattern longer than this is a sentence, not a pattern.
MAX_TERMS = 8

_ATOM = re.compile(r"^[^\W_][\w'’/^+.-]*\*?$|^\d[\w.,/^+-]*$|^[%€$£]$")


class PatternError(ValueError):
    """A pattern that cannot be read; the message is one sentence without the file name."""


@dataclass(frozen=True, slots=True)
class Term:
    """One position of a pattern: any of ``alternatives``, each a phrase of one or more atoms.

    An atom is a word, a ``prefix*`` or a class.
    """

    alternatives: tuple[tuple[str, ...], ...]

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(a for alt in self.alternatives for a in alt if a in CLASSES)


@dataclass(frozen=True, slots=True)
class Sequence:
    """Terms matched in order, and for each gap between two terms whether it is ``..`` (anywhere later)."""

    terms: tuple[Term, ...]
    far: tuple[bool, ...]

    @property
    def says_not(self) -> bool:
        """Whether the sequence matches a negation itself (and so may sit in a negated clause)."""
        return any("NOT" in t.classes for t in self.terms)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A parsed pattern: the sequences a sentence must all have, and those it must not have."""

    source: str
    required: tuple[Sequence, ...]
    excluded: tuple[Sequence, ...] = ()


_PIECE = re.compile(r"(?:\([^()]*\)|[^\s()])+|[()]")
_TOP_BAR = re.compile(r"\|(?![^(]*\))")


def parse_pattern(source: str) -> Pattern:
    """Read one pattern (see the module docstring); ``PatternError`` says what is wrong."""
    text = " ".join(source.split())
    if not text:
        raise PatternError("is an empty pattern")
    required, excluded = [], []
    for piece in text.split(" & "):
        if piece.startswith("!"):
            excluded.append(_sequence(piece[1:].strip(), source))
        else:
            required.append(_sequence(piece, source))
    if not required:
        raise PatternError(f'"{source}" only excludes; say what the sentence must have too')
    return Pattern(source=source, required=tuple(required), excluded=tuple(excluded))


def _sequence(text: str, source: str) -> Sequence:
    if not text or text == "&" or text.startswith("& ") or text.endswith(" &"):
        raise PatternError(f'"{source}" has an empty part around "&"')
    terms: list[Term] = []
    far: list[bool] = []
    pending_far = False
    for piece in _PIECE.findall(text):
        if piece in ("(", ")"):
            raise PatternError(f'"{source}" has an unbalanced parenthesis')
        if piece == "..":
            if not terms or pending_far:
                raise PatternError(f'"{source}" has ".." where a word is expected')
            pending_far = True
            continue
        if terms:
            far.append(pending_far)
        pending_far = False
        terms.append(_term(piece, source))
    if pending_far:
        raise PatternError(f'"{source}" ends with ".."; it must end with a word')
    if len(terms) > MAX_TERMS:
        raise PatternError(f'"{source}" has {len(terms)} terms; keep a sequence to {MAX_TERMS} or fewer')
    return Sequence(terms=tuple(terms), far=tuple(far))


def _term(piece: str, source: str) -> Term:
    alternatives: list[tuple[str, ...]] = []
    for part in _TOP_BAR.split(piece):
        grouped = part.startswith("(") and part.endswith(")")
        if "(" in part[1:] or ")" in part[:-1] or part.startswith("(") != part.endswith(")"):
            raise PatternError(f'"{source}" has "{part}"; a group is "(phrase|phrase)" between | or spaces')
        phrases = part[1:-1].split("|") if grouped else [part]
        for phrase in phrases:
            atoms = tuple(phrase.split())
            if not atoms:
                raise PatternError(f'"{source}" has an empty alternative in "{piece}"')
            for atom in atoms:
                _check_atom(atom, source)
            alternatives.append(atoms)
    return Term(tuple(alternatives))


def _check_atom(atom: str, source: str) -> None:
    if atom in CLASSES:
        return
    if atom.isupper() and atom.isalpha() and len(atom) > 1:
        known = ", ".join(sorted(CLASSES))
        raise PatternError(f'"{source}" uses the unknown class {atom}; the classes are {known}')
    if not _ATOM.match(atom):
        raise PatternError(f'"{source}" has "{atom}", which is not a word, a word* prefix or a class')
    if atom.endswith("*") and len(atom) - 1 < MIN_PREFIX:
        raise PatternError(f'"{source}" has the prefix "{atom}"; a prefix needs at least {MIN_PREFIX} letters')
