"""Read text answers from Markdown files, for ``mockloop check QUESTION_ID FILE``.

A behavioral answer is a Markdown file whose headings name the STAR parts; a
design answer's headings name the canvas sections; a motivation answer is
plain text. Heading rules, shared by both:

- ATX headings of any level (``#`` to ``######``), matched case- and
  accent-insensitively, in English or French (``## Résultat``, ``# tache``);
- numbering, emphasis and a trailing colon are ignored (``## 2. **Task**:``);
- a subtitle after ":", " - ", " — " or "(" is ignored (``# Deep dive: atomicity``);
- a heading that appears twice has its texts joined (two "Deep dive" headings);
- lines inside fenced code blocks are never headings; HTML comments are dropped.

Anything that cannot be placed is an error rather than silently ignored, so
a candidate never believes text was judged when it was not: an unknown heading
or text before the first heading raises ``AnswerFormatError`` (a
``ValueError``) with one sentence naming the problem and the accepted headings.
"""

from __future__ import annotations

import re

from checkers.text.matching import fold_phrase
from question_bank import DESIGN_SECTIONS, STAR_PARTS

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_NUMBERING = re.compile(r"^(?:(?:step|part|partie|étape|etape)\s+)?(?:\d+[.):]?|[ivx]+[.)])\s+", re.IGNORECASE)
_SUBTITLE = re.compile(r"\s*(?::|\s[-–—]\s|\().*$")

#: Accepted STAR headings, folded (lowercase, no accents), by part.
STAR_HEADINGS: dict[str, tuple[str, ...]] = {
    "situation": ("situation", "context", "contexte", "background"),
    "task": ("task", "tache", "mission", "objective", "objectif", "goal"),
    "action": ("action", "actions", "what i did", "ce que j'ai fait"),
    "result": ("result", "results", "outcome", "outcomes", "resultat", "resultats", "impact"),
    "reflection": (
        "reflection",
        "reflexion",
        "bilan",
        "learnings",
        "lessons",
        "lessons learned",
        "lessons learnt",
        "what i learned",
        "what i learnt",
        "retrospective",
        "ce que j'ai appris",
        "recul",
        "prise de recul",
    ),
}
#: What the error message lists, per part.
STAR_DISPLAY = (
    "Situation, Task, Action, Result, Reflection (in French: Situation, Tâche, Action, Résultat, Réflexion or Bilan)"
)

#: Accepted design headings, folded, by canvas section.
DESIGN_HEADINGS: dict[str, tuple[str, ...]] = {
    "requirements": (
        "requirements",
        "requirement",
        "functional requirements",
        "non functional requirements",
        "nonfunctional requirements",
        "exigences",
        "exigences fonctionnelles",
        "exigences non fonctionnelles",
        "besoins",
        "besoins fonctionnels",
        "besoins non fonctionnels",
    ),
    "scale": (
        "scale",
        "scale estimates",
        "scale estimate",
        "scale estimation",
        "estimates",
        "estimations",
        "estimation",
        "capacity",
        "capacity estimates",
        "capacity estimate",
        "capacity planning",
        "back of the envelope",
        "estimations de charge",
        "estimation de charge",
        "volumetrie",
        "dimensionnement",
        "ordres de grandeur",
    ),
    "api": ("api", "apis", "api design", "interface", "interfaces", "endpoints", "conception de l'api"),
    "data_model": (
        "data model",
        "data models",
        "data modelling",
        "data modeling",
        "schema",
        "database schema",
        "storage",
        "modele de donnees",
        "modeles de donnees",
        "schema de donnees",
        "stockage",
    ),
    "high_level": (
        "high level design",
        "high level",
        "high level architecture",
        "architecture",
        "overview",
        "system overview",
        "design",
        "architecture generale",
        "conception generale",
        "vue d'ensemble",
        "conception de haut niveau",
    ),
    "deep_dives": (
        "deep dives",
        "deep dive",
        "deepdives",
        "deepdive",
        "details",
        "detailed design",
        "approfondissements",
        "approfondissement",
        "zoom",
        "zooms",
        "points approfondis",
    ),
    "tradeoffs": (
        "bottlenecks and trade offs",
        "bottlenecks and tradeoffs",
        "bottlenecks & trade offs",
        "bottlenecks & tradeoffs",
        "trade offs",
        "tradeoffs",
        "trade off",
        "tradeoff",
        "bottlenecks",
        "bottlenecks trade offs",
        "trade offs and bottlenecks",
        "tradeoffs and bottlenecks",
        "risks",
        "goulots d'etranglement et compromis",
        "goulots d'etranglement",
        "goulots et compromis",
        "compromis",
        "limites",
        "risques",
    ),
}
DESIGN_DISPLAY = (
    "Requirements, Scale estimates, API, Data model, High-level design, Deep dives, Bottlenecks & trade-offs "
    "(in French: Exigences, Estimations de charge, API, Modèle de données, Architecture générale, "
    "Approfondissements, Goulots d'étranglement et compromis)"
)


class AnswerFormatError(ValueError):
    """A Markdown answer that cannot be split into the parts the analyzer expects."""


class UnknownHeading(AnswerFormatError):
    """A heading that names no STAR part or canvas section."""

    def __init__(self, heading: str, line: int, accepted: str) -> None:
        self.heading = heading
        self.line = line
        super().__init__(f'The heading "{heading}" on line {line} is not one of the accepted headings: {accepted}.')


def _normalise_heading(title: str) -> str:
    """Fold a heading for lookup: no emphasis, numbering, subtitle or punctuation."""
    text = re.sub(r"[*_`]", "", title).strip()
    text = _NUMBERING.sub("", text)
    text = _SUBTITLE.sub("", text)
    text = fold_phrase(text).replace("&", " and ")
    text = re.sub(r"[^\w']+", " ", text)
    return " ".join(text.split())


def _lookup(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_normalise_heading(alias): key for key, aliases in table.items() for alias in aliases}


_STAR_LOOKUP = _lookup(STAR_HEADINGS)
_DESIGN_LOOKUP = _lookup(DESIGN_HEADINGS)


def _split(text: str, lookup: dict[str, str], keys: tuple[str, ...], accepted: str, what: str) -> dict[str, str]:
    """Split Markdown into ``keys`` by heading; every key is present, empty when absent."""
    text = _COMMENT.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    chunks: dict[str, list[str]] = {key: [] for key in keys}
    current: str | None = None
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        if heading:
            title = (heading.group(2) or "").strip()
            key = lookup.get(_normalise_heading(title))
            if key is None:
                raise UnknownHeading(title or heading.group(1), number, accepted)
            if chunks[key] and chunks[key][-1].strip():
                chunks[key].append("")
            current = key
            continue
        if current is None:
            if line.strip():
                raise AnswerFormatError(
                    f"Line {number} comes before the first heading, so it belongs to no {what}; "
                    f"start the file with one of the headings {accepted}."
                )
            continue
        chunks[current].append(line)
    if current is None:
        raise AnswerFormatError(f"The answer has no headings; give each {what} its own heading: {accepted}.")
    return {key: "\n".join(lines).strip() for key, lines in chunks.items()}


def parse_star_markdown(text: str) -> dict[str, str]:
    """The text of each STAR part (``question_bank.STAR_PARTS``) of a Markdown answer."""
    return _split(text, _STAR_LOOKUP, STAR_PARTS, STAR_DISPLAY, "STAR part")


def parse_design_markdown(text: str) -> dict[str, str]:
    """The text of each canvas section (``question_bank.DESIGN_SECTIONS``) of a Markdown answer."""
    return _split(text, _DESIGN_LOOKUP, DESIGN_SECTIONS, DESIGN_DISPLAY, "canvas section")


def parse_motivation_text(text: str) -> str:
    """A motivation answer: the text as written, minus HTML comments and heading lines.

    Headings are dropped because they are not spoken; everything else counts.
    """
    text = _COMMENT.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line for line in text.split("\n") if not _HEADING.match(line)]
    return "\n".join(lines).strip()
