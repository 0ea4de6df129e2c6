"""STAR analysis of a behavioral answer: what the story says, who acted, and how it is built.

``analyze_star(answer, spec, lang)`` takes the text of each STAR part
(``question_bank.STAR_PARTS``: situation, task, action, result, reflection)
and the question's ``StarSpec``, and returns a ``Feedback``. Task and
Reflection are optional (``OPTIONAL_PARTS``, shown as optional in the STAR
panel): leaving them out never lowers the band; what a good Task or
Reflection would say is in the question's rubric, which counts wherever the
story says it.

Findings (ids in brackets), each lowering one quoting the answer:

- ``[red-flag:<id>]`` **problem**: the story *says* one of the question's
  red flags (``checkers.text.rubric.red_flag_finding``); the quotes are the
  sentences that say it. A flag with a danger zone's id is a zone hit.
- ``[missing-action]`` **problem**; ``[missing-situation|result]``
  **warning**: the part is empty.
- ``[thin-<part>]`` **warning**: Situation, Action or Result has fewer words
  than ``THIN_WORDS``; the quote is the part itself.
- ``[no-measurable-result]`` **warning**: no sentence of the Result measures
  anything (``checkers.text.quantities``); the quote is the Result's claim.
- ``[we-not-i]`` **warning**: the Action's sentences have "we" (nous, on)
  act at least ``WE_MIN`` times and more than ``WE_RATIO`` times as often as
  "I" (``checkers.text.clauses``), quoted.
- ``[fillers]`` **warning**: more than 2 fillers or hedges per 100 words.
- ``[too-short]`` **warning**: under 1.5 minutes spoken (210 words), the
  STAR panel's "short" (``checkers.text.speech.STAR_LENGTH``).
- Notes that never move the band: ``[too-long]`` (over 3.5 minutes, the
  panel's "long"), ``[action-not-largest]``, ``[long-situation]``,
  ``[no-reflection]`` (an optional part left out).

Band rules (each failed rule caps the band; the lowest cap wins, with its reasons):

1. fewer than ``MIN_ASSESSABLE_WORDS`` words → Strong No Hire;
2. two or more problems → Strong No Hire; one → No Hire at best;
3. rubric coverage (what a strong story of this kind shows) below
   ``COVERAGE_CAPS``' thresholds → Strong No Hire / No Hire / Hire at best;
4. three or more warnings → No Hire at best; one or two → Hire at best;
5. otherwise Strong Hire.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from checkers.text.checks import measured_result
from checkers.text.clauses import own_actions, team_actions
from checkers.text.feedback import Band, Cap, Feedback, Finding, Severity, decide, severity_caps, sort_findings
from checkers.text.language import Doc, analyse
from checkers.text.matching import count_words
from checkers.text.messages import bank_text, message, part_name
from checkers.text.quantities import quantities
from checkers.text.rubric import coverage_cap, red_flag_finding, required_cap, rubric_coverage
from checkers.text.speech import STAR_LENGTH, Pace, count_fillers, filler_finding, length_finding, speaking_seconds
from question_bank import STAR_PARTS, DangerZone, StarSpec

#: Parts a story may leave out without losing anything but the advice.
OPTIONAL_PARTS: tuple[str, ...] = ("task", "reflection")
#: A present part shorter than this (in words) is thin (optional parts are never thin).
THIN_WORDS: dict[str, int] = {"situation": 15, "action": 40, "result": 12}
#: What share of the Situation/Task/Action/Result words each part should take.
TARGET_SHARES: dict[str, float] = {"situation": 0.20, "task": 0.10, "action": 0.60, "result": 0.10}
LONG_SITUATION_SHARE = 0.35
#: Below this the answer is not assessable at all.
MIN_ASSESSABLE_WORDS = 40
#: "We" must act at least WE_MIN times and more than WE_RATIO times as often as "I".
WE_MIN = 3
WE_RATIO = 2.0
#: Coverage of the question's story rubric below each threshold caps the band.
COVERAGE_CAPS: tuple[tuple[float, Band], ...] = ((0.10, Band.STRONG_NO_HIRE), (0.55, Band.NO_HIRE), (0.70, Band.HIRE))
#: A Strong Hire story has the detail of one: this many numbers, or this many words.
STRONG_DETAIL_NUMBERS = 16
STRONG_DETAIL_WORDS = 400


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
    doc = analyse({p: parts[p] for p in STAR_PARTS if parts[p]})

    flags = [f for flag in spec.red_flags if (f := red_flag_finding(flag, doc, lang)) is not None]
    findings: list[Finding] = [*flags, *_structure_findings(doc, parts, words, spec, lang)]
    ownership = _ownership(doc, lang)
    if ownership is not None:
        findings.append(ownership)
    full = "\n\n".join(parts[p] for p in STAR_PARTS if parts[p])
    fillers = count_fillers(full, doc.lang, total)
    findings += [f for f in (filler_finding(fillers, lang), length_finding(total, STAR_LENGTH, lang)) if f]

    coverage = rubric_coverage(doc, spec.rubric, lang) if spec.rubric else None
    caps: list[Cap] = []
    if total < MIN_ASSESSABLE_WORDS:
        caps.append(Cap(Band.STRONG_NO_HIRE, message("too-short-to-assess", lang, words=total)))
    caps += severity_caps(findings, lang)
    if coverage is not None and (cap := coverage_cap(coverage, lang, COVERAGE_CAPS)) is not None:
        caps.append(cap)
    if (cap := required_cap(spec.rubric, coverage, lang)) is not None:
        caps.append(cap)
    flagged = [f for f in findings if f.id.startswith("red-flag:")]
    if flagged and STAR_LENGTH.pace(total) is Pace.SHORT:
        titles = "; ".join(f.title for f in flagged)
        caps.append(Cap(Band.STRONG_NO_HIRE, message("star.flag-short", lang, titles=titles)))
    numbers = sum(len(quantities(s)) for s in doc.sentences)
    if numbers < STRONG_DETAIL_NUMBERS and total < STRONG_DETAIL_WORDS:
        caps.append(Cap(Band.HIRE, message("star.detail", lang, numbers=numbers, words=total)))
    band, reasons = decide(caps, message("star.strong", lang))

    core = sum(words[p] for p in TARGET_SHARES)
    own = sum(len(own_actions(s, doc.lang)) for s in doc.part("action"))
    team = sum(len(team_actions(s, doc.lang)) for s in doc.part("action"))
    stats = {
        "language": doc.lang,
        "words": words,
        "total_words": total,
        "speaking_seconds": round(speaking_seconds(total)),
        "shares": {p: (words[p] / core if core else 0.0) for p in TARGET_SHARES},
        "target_shares": dict(TARGET_SHARES),
        "fillers": {"count": fillers.total, "per_100_words": fillers.per_100_words, "by_word": dict(fillers.by_word)},
        "actions": {"i": own, "we": team},
        "coverage_score": coverage.score if coverage is not None else 0.0,
    }
    return Feedback(
        kind="behavioral",
        band=band,
        reasons=reasons,
        findings=sort_findings(findings),
        coverage=coverage,
        danger_zones_hit=_zones_hit(flags, zones),
        stats=stats,
        lang=lang,
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


def _quote(doc: Doc, part: str, sentences: int = 2) -> tuple[str, ...]:
    return tuple(s.text for s in doc.part(part)[:sentences])


def _structure_findings(
    doc: Doc, parts: dict[str, str], words: dict[str, int], spec: StarSpec, lang: str
) -> list[Finding]:
    """Missing and thin parts, proportions, a measured result, an (optional) reflection."""
    found: list[Finding] = []
    for part in ("situation", "action", "result"):
        guidance = bank_text(spec.guidance(part), lang)
        name = part_name(part, lang)
        if words[part] == 0:
            severity = Severity.PROBLEM if part == "action" else Severity.WARNING
            found.append(Finding(f"missing-{part}", severity, message("star.missing", lang, part=name), (), guidance))
        elif words[part] < THIN_WORDS[part]:
            title = message("star.thin", lang, part=name, words=words[part], minimum=THIN_WORDS[part])
            found.append(Finding(f"thin-{part}", Severity.WARNING, title, _quote(doc, part), guidance))

    action = words["action"]
    rival = max((p for p in STAR_PARTS if p != "action"), key=lambda p: words[p])
    if action and words[rival] >= action:
        title = message("star.action-not-largest", lang, action=action, part=part_name(rival, lang), words=words[rival])
        suggestion = message("star.action-not-largest.suggestion", lang)
        found.append(Finding("action-not-largest", Severity.INFO, title, (), suggestion))

    core = sum(words[p] for p in TARGET_SHARES)
    if core and words["situation"] / core > LONG_SITUATION_SHARE and words["situation"] >= THIN_WORDS["situation"]:
        share, target = round(100 * words["situation"] / core), round(100 * TARGET_SHARES["situation"])
        title = message("star.long-situation", lang, share=share, target=target)
        suggestion = message("star.long-situation.suggestion", lang)
        found.append(Finding("long-situation", Severity.INFO, title, (), suggestion))

    if words["result"] and not measured_result(doc):
        suggestion = message("star.no-measurable-result.suggestion", lang)
        title = message("star.no-measurable-result", lang)
        found.append(Finding("no-measurable-result", Severity.WARNING, title, _quote(doc, "result"), suggestion))

    if not words["reflection"]:
        title = message("star.no-reflection", lang)
        found.append(Finding("no-reflection", Severity.INFO, title, (), bank_text(spec.reflection, lang)))
    return found


def _ownership(doc: Doc, lang: str) -> Finding | None:
    """``[we-not-i]``: the Action is told as what "we" did, quoting those sentences."""
    action = doc.part("action")
    singular = sum(len(own_actions(s, doc.lang)) for s in action)
    plural_sentences = [s for s in action if team_actions(s, doc.lang)]
    plural = sum(len(team_actions(s, doc.lang)) for s in plural_sentences)
    if plural < WE_MIN or plural <= WE_RATIO * singular:
        return None
    return Finding(
        id="we-not-i",
        severity=Severity.WARNING,
        title=message("star.we-not-i", lang, we=plural, i=singular),
        evidence=tuple(s.text for s in plural_sentences[:2]),
        suggestion=message("star.we-not-i.suggestion", lang),
    )
