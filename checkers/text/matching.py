"""Literal phrase matching, for the few things that are about spelling rather than meaning.

What an answer *says* is matched on lemmas by ``checkers.text.patterns``;
this module is for what a listener hears word for word (fillers such as
"um" or "du coup"), for heading names, and for counting words. Its rules:

- **Case and accents are ignored.** Candidates type fast in a terminal, often
  on a QWERTY keyboard where French accents are awkward, so "reserver" counts
  as "réserver" and "ETAT" as "état". Text and phrase are both *folded*
  (Unicode decomposition, combining marks dropped, ``casefold``).
- **Apostrophes and hyphens are unified.** ``’ ‘ ʼ`` become ``'``, so the
  bank's ``j'avais raison`` matches the typographic ``j’avais raison``; a space
  or hyphen inside a phrase matches any run of spaces or hyphens, so
  ``fail open`` matches ``fail-open`` and ``peut-être`` matches ``peut être``.
- **Whole words only.** A phrase that starts (ends) with a letter must not be
  preceded (followed) by another letter, and a digit edge by another digit:
  ``he gave in`` does not fire on "he gave instructions", ``lua`` is not found
  in "evaluate". A digit next to a letter *is* a boundary, so ``ms`` is found
  in "800ms" and ``mb/s`` in "20MB/s". A phrase edge that is punctuation
  (``%``) needs no boundary, so ``%`` is found in "30%".

Matches map back to the original text, so evidence is quoted exactly as the
candidate wrote it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Characters unified before matching (typographic apostrophes, Unicode hyphens).
_UNIFY = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "\u2032": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u00ad": "",  # soft hyphen: invisible, never a separator
    }
)

#: How much text around a match is quoted as evidence (characters each side).
CONTEXT_CHARS = 40

_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
_SEPARATOR = re.compile(r"[\s-]+")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded copy of a text plus, for each folded character, its index in the original."""

    original: str
    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span ``[start, end)``."""
        if start >= end:
            pos = self.index[start] if start < len(self.index) else len(self.original)
            return pos, pos
        return self.index[start], self.index[end - 1] + 1


def _fold_char(ch: str) -> str:
    ch = ch.translate(_UNIFY)
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base.casefold()


@lru_cache(maxsize=256)
def fold(text: str) -> Folded:
    """Fold ``text`` for matching, remembering where every character came from."""
    if text.isascii():  # the common case, and ten times faster: lowercasing keeps positions
        return Folded(text, text.lower(), tuple(range(len(text))))
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    return Folded(text, "".join(out), tuple(index))


def fold_phrase(phrase: str) -> str:
    """Fold a phrase the way texts are folded (no position map needed)."""
    return "".join(_fold_char(ch) for ch in phrase).strip()


def _edge(ch: str, side: str) -> str:
    """The lookaround that makes one edge of a phrase a word boundary."""
    if _LETTER.match(ch):
        return r"(?<![^\W\d_])" if side == "left" else r"(?![^\W\d_])"
    if ch.isdigit():
        return r"(?<!\d)" if side == "left" else r"(?!\d)"
    return ""


@lru_cache(maxsize=4096)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Compile a bank phrase into a regex over folded text (see the module docstring)."""
    folded = fold_phrase(phrase)
    if not folded:
        raise ValueError("An empty phrase cannot be matched.")
    pieces = [re.escape(p) for p in _SEPARATOR.split(folded) if p]
    body = r"[\s-]+".join(pieces)
    return re.compile(_edge(folded[0], "left") + body + _edge(folded[-1], "right"))


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence of a phrase: where it is in the original text and how it reads there."""

    phrase: str
    start: int
    end: int
    text: str
    snippet: str


_SENTENCE_END = re.compile(r"[.!?…]\s+")


def snippet(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> str:
    """``text[start:end]`` with about ``context`` characters each side, cut at word edges.

    One line, whitespace collapsed, so it can be quoted as evidence in a list.
    The quote prefers to start and end on sentence boundaries within reach, and
    shows "…" where it cuts a sentence. A blank line (a new paragraph, or the
    next STAR part when parts are joined) always ends the quote.
    """
    paragraph_start = text.rfind("\n\n", 0, start) + 2 if "\n\n" in text[:start] else 0
    paragraph_end = text.find("\n\n", end)
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    left, right = start - context, end + context

    if left <= paragraph_start:
        left, cut_left = paragraph_start, False
    else:
        sentences = list(_SENTENCE_END.finditer(text, left, start))
        if sentences:
            left, cut_left = sentences[-1].end(), False
        else:
            space = text.find(" ", left, start)
            left, cut_left = (space + 1 if space != -1 else left), True

    if right >= paragraph_end:
        right, cut_right = paragraph_end, False
    else:
        sentence = _SENTENCE_END.search(text, end, right)
        if sentence:
            right, cut_right = sentence.start() + 1, False
        else:
            space = text.rfind(" ", end, right)
            right, cut_right = (space if space != -1 else right), True

    quoted = " ".join(text[left:right].split())
    return ("…" if cut_left else "") + quoted + ("…" if cut_right else "")


def find_all(text: str, phrase: str) -> list[Match]:
    """Every non-overlapping occurrence of ``phrase`` in ``text``, in order."""
    folded = fold(text)
    found = []
    for m in phrase_pattern(phrase).finditer(folded.text):
        start, end = folded.span(m.start(), m.end())
        found.append(Match(phrase, start, end, text[start:end], snippet(text, start, end)))
    return found


def find_phrase(text: str, phrase: str) -> Match | None:
    """The first occurrence of ``phrase`` in ``text``, or ``None``."""
    folded = fold(text)
    m = phrase_pattern(phrase).search(folded.text)
    if m is None:
        return None
    start, end = folded.span(m.start(), m.end())
    return Match(phrase, start, end, text[start:end], snippet(text, start, end))


def count_words(text: str) -> int:
    """Words as a listener hears them: "j'ai", "trade-off" and "p99" count once."""
    return len(_WORD.findall(text))
