"""STAR analysis of a behavioral answer: structure, evidence of ownership, red flags.

``analyze_star(answer, spec, lang)`` takes the text of each STAR part
(``question_bank.STAR_PARTS``: situation, task, action, result, reflection)
and the question's ``StarSpec``, and returns a ``Feedback``.

Findings (ids in brackets):

- ``[red-flag:<id>]`` **problem** — one of the question's red flags fired: one
  of its ``phrases`` occurs (not right after a negation such as "I don't think
  he was being difficult") and none of its ``unless`` words occur anywhere in
  the answer. The evidence quotes the phrase in context. A flag with the id of
  one of the question's danger zones is listed in ``danger_zones_hit``.
- ``[missing-action]`` **problem**; ``[missing-situation|task|result]``
  **warning** — the part is empty.
- ``[thin-<part>]`` **warning** — the part has fewer words than ``THIN_WORDS``.
- ``[action-not-largest]`` **warning** — another part is as long as the Action.
- ``[long-situation]`` info — the Situation is over ``LONG_SITUATION_SHARE`` of
  the answer.
- ``[no-measurable-result]`` **warning** — the Result has no digit, %, currency
  sign or number word.
- ``[no-reflection]`` **warning** — the Reflection has fewer than
  ``REFLECTION_MIN_WORDS`` words and the Result holds no reflection cue
  ("learned", "next time", "avec le recul"…).
- ``[we-not-i]`` **warning** — the Action says "we/us/our" (French: nous, on,
  notre) at least ``WE_MIN`` times and more than ``WE_RATIO`` times as often as
  "I/me/my" (je, j', moi, mon…).
- ``[fillers]`` **warning** — more than 2 fillers or hedges per 100 words.
- ``[too-short]`` / ``[too-long]`` **warning** — under 1.5 minutes (210 words)
  or over 3.5 minutes (490 words) spoken at 140 words per minute, for a story
  that should last 1.5–3 minutes: ``checkers.text.speech.STAR_LENGTH``, which
  the STAR panel's "short" / "good length" / "long" label also uses (the
  reasoning behind the numbers is in ``checkers.text.speech``).

Band rules (each failed rule caps the band; the lowest cap wins and its reasons
are given):

1. fewer than ``MIN_ASSESSABLE_WORDS`` words in all → Strong No Hire;
2. two or more problems (e.g. two red flags, or a red flag and no Action) →
   Strong No Hire;
3. one problem (a red flag, or a missing Action) → No Hire at best;
4. three or more warnings → No Hire at best;
5. one or two warnings → Hire at best;
6. otherwise Strong Hire: all parts present and substantial, Action the largest,
   a measured result, a reflection, no red flag, clear ownership, few fillers,
   a sensible length.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from checkers.text.feedback import Band, Cap, Feedback, Finding, Severity, decide, severity_caps, sort_findings
from checkers.text.matching import (
    CONTEXT_CHARS,
    Match,
    contains_any,
    count_words,
    detect_language,
    find_all,
    find_any,
    find_quantity,
    is_negated,
)
from checkers.text.messages import bank_text, message, part_name
from checkers.text.speech import (
    STAR_LENGTH,
    count_fillers,
    filler_finding,
    length_finding,
    pronoun_counts,
    speaking_seconds,
)
from question_bank import STAR_PARTS, DangerZone, RedFlag, StarSpec

#: A present part shorter than this (in words) is thin.
THIN_WORDS: dict[str, int] = {"situation": 15, "task": 8, "action": 40, "result": 12}
#: A Reflection at least this long counts even without a cue word.
REFLECTION_MIN_WORDS = 8
#: What share of the Situation/Task/Action/Result words each part should take.
TARGET_SHARES: dict[str, float] = {"situation": 0.20, "task": 0.10, "action": 0.60, "result": 0.10}
LONG_SITUATION_SHARE = 0.35
#: Below this the answer is not assessable at all.
MIN_ASSESSABLE_WORDS = 40
#: "We" must appear at least WE_MIN times and more than WE_RATIO times as often as "I".
WE_MIN = 3
WE_RATIO = 2.0

#: Words that show a lesson drawn, when no separate Reflection part was written. Kept
#: specific on purpose: "depuis" or "otherwise" would be found in almost any Result.
REFLECTION_CUES: tuple[str, ...] = (
    "learned",
    "learnt",
    "lesson",
    "lessons",
    "next time",
    "in hindsight",
    "looking back",
    "differently",
    "taught me",
    "i realised",
    "i realized",
    "since then, i",
    "i would have",
    "i should have",
    "appris",
    "leçon",
    "leçons",
    "la prochaine fois",
    "avec le recul",
    "rétrospectivement",
    "je ferais autrement",
    "différemment",
    "je referais",
    "depuis, je",
    "j'aurais dû",
    "je me suis rendu compte",
)


class StarPartError(ValueError):
    """The answer mapping names something that is not a STAR part."""


def analyze_star(
    answer: Mapping[str, str], spec: StarSpec, lang: str = "en", *, zones: Iterable[DangerZone] | None = None
) -> Feedback:
    """Judge a behavioral answer given as text per STAR part (missing parts are empty).

    ``zones`` are the question's danger zones: a fired red flag whose id is a
    zone's id is listed in ``danger_zones_hit``. Without them every fired red
    flag is listed (in the bank, every behavioral zone has its red flag).
    """
    parts = _parts(answer)
    words = {part: count_words(parts[part]) for part in STAR_PARTS}
    total = sum(words.values())
    full = "\n\n".join(parts[p] for p in STAR_PARTS if parts[p])
    language = detect_language(full)

    findings: list[Finding] = []
    flags = [f for flag in spec.red_flags if (f := red_flag_finding(flag, full, lang)) is not None]
    findings += flags
    findings += _structure_findings(parts, words, spec, lang)

    singular, plural = pronoun_counts(parts["action"], language)
    if plural >= WE_MIN and plural > WE_RATIO * singular:
        findings.append(
            Finding(
                id="we-not-i",
                severity=Severity.WARNING,
                title=message("star.we-not-i", lang, we=plural, i=singular),
                evidence=_we_evidence(parts["action"], language),
                suggestion=message("star.we-not-i.suggestion", lang),
            )
        )
    fillers = count_fillers(full, language, total)
    for extra in (
        filler_finding(fillers, lang),
        length_finding(total, STAR_LENGTH, lang),
    ):
        if extra is not None:
            findings.append(extra)

    caps: list[Cap] = []
    if total < MIN_ASSESSABLE_WORDS:
        caps.append(Cap(Band.STRONG_NO_HIRE, message("too-short-to-assess", lang, words=total)))
    caps += severity_caps(findings, lang)
    band, reasons = decide(caps, message("star.strong", lang))

    core = sum(words[p] for p in TARGET_SHARES)
    stats = {
        "language": language,
        "words": words,
        "total_words": total,
        "speaking_seconds": round(speaking_seconds(total)),
        "shares": {p: (words[p] / core if core else 0.0) for p in TARGET_SHARES},
        "target_shares": dict(TARGET_SHARES),
        "fillers": {
            "count": fillers.total,
            "per_100_words": fillers.per_100_words,
            "by_word": dict(fillers.by_word),
        },
        "pronouns": {"i": singular, "we": plural},
    }
    return Feedback(
        kind="behavioral",
        band=band,
        reasons=reasons,
        findings=sort_findings(findings),
        coverage=None,
        danger_zones_hit=_zones_hit(flags, zones),
        stats=stats,
        lang=lang,
    )


def red_flag_finding(flag: RedFlag, text: str, lang: str = "en") -> Finding | None:
    """The red flag as a problem finding when it fires on ``text``, else ``None``.

    It fires when a phrase occurs outside a negation and no ``unless`` word
    occurs anywhere: mitigation anywhere in the story counts, because a
    candidate may say "I was right" early and "we agreed together" at the end.
    """
    hits = [m for phrase in flag.phrases for m in find_all(text, phrase) if not is_negated(text, m.start)]
    if not hits or contains_any(text, flag.unless):
        return None
    hits.sort(key=lambda m: (m.start, -m.end))
    kept: list[Match] = []
    for hit in hits:  # a phrase already visible in the previous quote is not quoted again
        if not kept or hit.start >= kept[-1].end + CONTEXT_CHARS:
            kept.append(hit)
    evidence = tuple(dict.fromkeys(m.snippet for m in kept))[:3]
    return Finding(
        id=f"red-flag:{flag.id}",
        severity=Severity.PROBLEM,
        title=bank_text(flag.title, lang),
        evidence=evidence,
        suggestion=bank_text(flag.suggestion, lang),
    )


def _zones_hit(flags: list[Finding], zones: Iterable[DangerZone] | None) -> tuple[str, ...]:
    fired = [f.id.removeprefix("red-flag:") for f in flags]
    if zones is None:
        return tuple(fired)
    zone_ids = {z.id for z in zones}
    return tuple(f for f in fired if f in zone_ids)


def _parts(answer: Mapping[str, str]) -> dict[str, str]:
    unknown = [key for key in answer if key not in STAR_PARTS]
    if unknown:
        raise StarPartError(f'"{unknown[0]}" is not a STAR part; the parts are {", ".join(STAR_PARTS)}.')
    return {part: (answer.get(part) or "").strip() for part in STAR_PARTS}


def _structure_findings(parts: dict[str, str], words: dict[str, int], spec: StarSpec, lang: str) -> list[Finding]:
    """Missing and thin parts, proportions, a measured result, a reflection."""
    found: list[Finding] = []
    for part, minimum in THIN_WORDS.items():
        guidance = bank_text(spec.guidance(part), lang)
        name = part_name(part, lang)
        if words[part] == 0:
            severity = Severity.PROBLEM if part == "action" else Severity.WARNING
            found.append(Finding(f"missing-{part}", severity, message("star.missing", lang, part=name), (), guidance))
        elif words[part] < minimum:
            title = message("star.thin", lang, part=name, words=words[part], minimum=minimum)
            found.append(Finding(f"thin-{part}", Severity.WARNING, title, (), guidance))

    action = words["action"]
    rival = max((p for p in STAR_PARTS if p != "action"), key=lambda p: words[p])
    if action and words[rival] >= action:
        title = message("star.action-not-largest", lang, action=action, part=part_name(rival, lang), words=words[rival])
        suggestion = message("star.action-not-largest.suggestion", lang)
        found.append(Finding("action-not-largest", Severity.WARNING, title, (), suggestion))

    core = sum(words[p] for p in TARGET_SHARES)
    if core and words["situation"] / core > LONG_SITUATION_SHARE and words["situation"] >= THIN_WORDS["situation"]:
        share, target = round(100 * words["situation"] / core), round(100 * TARGET_SHARES["situation"])
        title = message("star.long-situation", lang, share=share, target=target)
        suggestion = message("star.long-situation.suggestion", lang)
        found.append(Finding("long-situation", Severity.INFO, title, (), suggestion))

    if words["result"] and find_quantity(parts["result"]) is None:
        suggestion = message("star.no-measurable-result.suggestion", lang)
        title = message("star.no-measurable-result", lang)
        found.append(Finding("no-measurable-result", Severity.WARNING, title, (), suggestion))

    reflective = words["reflection"] >= REFLECTION_MIN_WORDS or find_any(
        parts["result"] + "\n\n" + parts["reflection"], REFLECTION_CUES
    )
    if not reflective:
        title = message("star.no-reflection", lang)
        found.append(Finding("no-reflection", Severity.WARNING, title, (), bank_text(spec.reflection, lang)))
    return found


def _we_evidence(action: str, language: str) -> tuple[str, ...]:
    """The first few "we" sentences of the Action, quoted."""
    phrases = ("nous", "on") if language == "fr" else ("we",)
    matches = sorted((m for p in phrases for m in find_all(action, p)), key=lambda m: m.start)
    return tuple(dict.fromkeys(m.snippet for m in matches))[:2]
