"""Load and validate question and loop files into the models.

The shipped bank sits beside this module. ``load_bank()`` reads it (and any
extra bank folders given), validates every file, checks ids are unique across
folders, and checks every loop can be drawn from the questions it has. The
first problem stops the load with a ``BankError`` that is one sentence.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType
from typing import TypedDict

from question_bank.cache import ParsedTomlCache, default_cache_file
from question_bank.draw import check_drawable
from question_bank.errors import BankError
from question_bank.models import (
    DESIGN_SECTIONS,
    QUESTION_TYPES,
    ROUND_IDS,
    STAR_PARTS,
    Bank,
    Clarification,
    CodeSpec,
    DangerZone,
    DesignSpec,
    Difficulty,
    ExplanationSpec,
    Kind,
    Loop,
    MotivationSpec,
    Question,
    RedFlag,
    Round,
    RubricConcept,
    Slot,
    StarSpec,
)
from question_bank.patterns import Pattern, PatternError, parse_pattern
from question_bank.schema import Table
from strict_toml import TomlFileError
from strict_toml import read_toml as strict_read

SHIPPED_BANK = Path(__file__).resolve().parent
QUESTION_FILE = "question.toml"
#: The largest question or loop file read (the longest shipped one is ~10 KB).
MAX_FILE_BYTES = 1024 * 1024

#: Kinds that must offer the candidate enough to ask before answering.
MIN_CLARIFICATIONS = {Kind.CODE: 4, Kind.DEBUGGING: 4, Kind.DESIGN: 4}
KIND_TABLES = {
    Kind.CODE: "code",
    Kind.DEBUGGING: "code",
    Kind.BEHAVIORAL: "star",
    Kind.DESIGN: "design",
    Kind.MOTIVATION: "motivation",
}


def read_toml(path: Path, cache: ParsedTomlCache | None = None) -> Table:
    """Parse a TOML file (or take it from ``cache``), turning every failure into one sentence.

    ``strict_toml`` reads it: regular files only (a named pipe never hangs the
    bank), at most ``MAX_FILE_BYTES``, nesting bounded.
    """
    if cache is not None and (cached := cache.get(path)) is not None:
        return Table(cached, path)
    try:
        data = strict_read(path, max_bytes=MAX_FILE_BYTES, what="a question or loop file")
    except TomlFileError as exc:
        raise BankError(path, exc.problem) from None
    if cache is not None:
        cache.put(path, data)
    return Table(data, path)


# -- questions -------------------------------------------------------------------------


def _patterns(table: Table, key: str, *, required: bool = True) -> tuple[Pattern, ...]:
    """A list of patterns (``question_bank.patterns``), each checked for syntax."""
    if not required and not table.has(key):
        return ()
    strings = table.strings(key, required=required)
    patterns = []
    for index, source in enumerate(strings, start=1):
        try:
            patterns.append(parse_pattern(source))
        except PatternError as exc:
            raise table.error(f"{key}[{index}]", str(exc)) from None
    return tuple(patterns)


def _detection(table: Table) -> tuple[tuple[Pattern, ...], tuple[str, ...]]:
    """``patterns`` and/or built-in ``checks``: at least one of them must say how to recognise it."""
    patterns = _patterns(table, "patterns", required=False)
    checks = table.strings("checks", required=False) if table.has("checks") else ()
    if not patterns and not checks:
        raise table.error("patterns", "is missing; give a few patterns (or built-in checks) that recognise it")
    return patterns, tuple(checks)


def _rubric(table: Table, *, parts: tuple[str, ...], required: bool = True) -> tuple[RubricConcept, ...]:
    concepts = []
    seen: set[str] = set()
    for item in table.tables("rubric", required=required):
        concept_id = item.string("id", is_id=True)
        if concept_id in seen:
            raise item.error("id", f'repeats the rubric concept id "{concept_id}"')
        seen.add(concept_id)
        concept_text = item.text("concept")
        weight = item.integer("weight", 1, 5)
        patterns, checks = _detection(item)
        where = item.strings("parts", required=False, choices=parts) if parts else ()
        concept = RubricConcept(
            id=concept_id, concept=concept_text, weight=weight, patterns=patterns, checks=checks, parts=where
        )
        item.finish()
        concepts.append(concept)
    return _with_required(table, tuple(concepts))


def _with_required(table: Table, rubric: tuple[RubricConcept, ...]) -> tuple[RubricConcept, ...]:
    """Mark the concepts the kind table lists in ``required`` (ids of its own rubric)."""
    if not table.has("required"):
        return rubric
    required = set(table.strings("required", choices=[c.id for c in rubric]))
    return tuple(dataclasses.replace(c, required=c.id in required) for c in rubric)


def _code(table: Table, folder: Path) -> CodeSpec:
    def existing(key: str) -> Path:
        path = folder / table.string(key)
        if not path.is_file():
            raise table.error(key, f'names "{path.name}", which is not a file in {folder.name}/')
        return path

    spec = CodeSpec(
        entry=table.string("entry"),
        starter_path=existing("starter"),
        tests_path=existing("tests"),
        reference_path=existing("reference"),
        timeout=table.number("timeout", 0.1, 60.0, 2.0),
    )
    table.finish()
    return spec


def _star(table: Table) -> StarSpec:
    flags = []
    for item in table.tables("red_flags", required=False):
        flag_id = item.string("id", is_id=True)
        title = item.text("title")
        patterns, checks = _detection(item)
        flags.append(
            RedFlag(
                id=flag_id,
                title=title,
                patterns=patterns,
                unless=_patterns(item, "unless", required=False),
                suggestion=item.text("suggestion"),
                checks=checks,
            )
        )
        item.finish()
    spec = StarSpec(
        situation=table.text("situation"),
        task=table.text("task"),
        action=table.text("action"),
        result=table.text("result"),
        reflection=table.text("reflection"),
        red_flags=tuple(flags),
        rubric=_rubric(table, parts=STAR_PARTS, required=False),
    )
    table.finish()
    return spec


def _design(table: Table) -> DesignSpec:
    spec = DesignSpec(
        requirements=table.text("requirements"),
        scale=table.text("scale"),
        api=table.text("api"),
        data_model=table.text("data_model"),
        high_level=table.text("high_level"),
        deep_dives=table.text("deep_dives"),
        tradeoffs=table.text("tradeoffs"),
        rubric=_rubric(table, parts=DESIGN_SECTIONS),
    )
    table.finish()
    return spec


def _motivation(table: Table) -> MotivationSpec:
    spec = MotivationSpec(guidance=table.texts("guidance"), rubric=_rubric(table, parts=()))
    table.finish()
    return spec


def _explanation(table: Table, kind: Kind) -> ExplanationSpec | None:
    """The optional ``[explanation]`` of a debugging question: guidance and rubric for "what was wrong"."""
    if not table.has("explanation"):
        return None
    if kind is not Kind.DEBUGGING:
        raise table.error("explanation", f"belongs to debugging questions, not to a {kind} question")
    section = table.table("explanation")
    assert section is not None
    spec = ExplanationSpec(guidance=section.text("guidance"), rubric=_rubric(section, parts=()))
    section.finish()
    return spec


def _danger_zones(table: Table, kind: Kind) -> tuple[DangerZone, ...]:
    zones = []
    seen: set[str] = set()
    for item in table.tables("danger_zones"):
        zone_id = item.string("id", is_id=True)
        if zone_id in seen:
            raise item.error("id", f'repeats the danger zone id "{zone_id}"')
        seen.add(zone_id)
        title, judged = item.text("title"), item.text("judged")
        patterns: tuple[Pattern, ...] = ()
        unless: tuple[Pattern, ...] = ()
        checks: tuple[str, ...] = ()
        if kind in (Kind.DESIGN, Kind.MOTIVATION):
            patterns, checks = _detection(item)
            unless = _patterns(item, "unless", required=False)
        zones.append(
            DangerZone(id=zone_id, title=title, judged=judged, patterns=patterns, unless=unless, checks=checks)
        )
        item.finish()
    return tuple(zones)


def _check_cross_references(question: Question, path: Path) -> None:
    """Behavioral danger zones must have the red flag that detects them."""
    for index, zone in enumerate(question.danger_zones, start=1):
        if question.star and zone.id not in {f.id for f in question.star.red_flags}:
            raise BankError(
                path,
                f'is "{zone.id}", but behavioral danger zones need a red flag with the same id',
                f"danger_zones[{index}].id",
            )


def load_question(folder: Path, cache: ParsedTomlCache | None = None) -> Question:
    """Read and validate ``folder/question.toml`` (and check its code files exist)."""
    path = folder / QUESTION_FILE
    table = read_toml(path, cache)
    question_id = table.string("id", is_id=True)
    if question_id != folder.name:
        raise table.error("id", f'is "{question_id}" but the folder is "{folder.name}"; they must match')
    kind = Kind(table.string("kind", choices=[k.value for k in Kind]))
    question = Question(
        id=question_id,
        title=table.text("title"),
        round=table.string("round", choices=ROUND_IDS),
        kind=kind,
        type=table.string("type", choices=QUESTION_TYPES),
        difficulty=Difficulty(table.string("difficulty", choices=[d.value for d in Difficulty])),
        tags=table.strings("tags", allow_empty=True),
        minutes=table.integer("minutes", 1, 120),
        prompt=table.text("prompt"),
        clarifications=tuple(
            Clarification(question=item.text("question"), answer=item.text("answer"))
            for item in _finished(table.tables("clarifications", required=False))
        ),
        hints=table.texts("hints"),
        danger_zones=_danger_zones(table, kind),
        folder=folder,
        explanation=_explanation(table, kind),
        **_kind_spec(table, kind, folder),
    )
    minimum = MIN_CLARIFICATIONS.get(kind, 0)
    if len(question.clarifications) < minimum:
        raise table.error(
            "clarifications", f"has {len(question.clarifications)} entries; a {kind} question needs at least {minimum}"
        )
    if not question.danger_zones:
        raise table.error("danger_zones", "is empty; name at least one classic way to fail this question")
    if not 2 <= len(question.hints) <= 3:
        raise table.error("hints", f"has {len(question.hints)} entries; a question needs 2 or 3 progressive hints")
    table.finish()
    _check_cross_references(question, path)
    return question


def _finished(tables: list[Table]) -> Iterable[Table]:
    """Yield each table, then check it had no unknown keys."""
    for table in tables:
        yield table
        table.finish()


class _KindSpecs(TypedDict, total=False):
    """The one kind table a question has, as ``Question``'s keyword arguments."""

    code: CodeSpec
    star: StarSpec
    design: DesignSpec
    motivation: MotivationSpec


def _kind_spec(table: Table, kind: Kind, folder: Path) -> _KindSpecs:
    """The kind's own table (``[code]``, ``[star]``…), refusing tables of other kinds."""
    wanted = KIND_TABLES[kind]
    for name in set(KIND_TABLES.values()) - {wanted}:
        if table.has(name):
            raise table.error(name, f"belongs to another kind of question, not to a {kind} question")
    section = table.table(wanted)
    assert section is not None  # required=True raised already
    if wanted == "code":
        return {"code": _code(section, folder)}
    if wanted == "star":
        return {"star": _star(section)}
    if wanted == "design":
        return {"design": _design(section)}
    return {"motivation": _motivation(section)}


# -- loops -----------------------------------------------------------------------------


def load_loop(path: Path, cache: ParsedTomlCache | None = None) -> Loop:
    table = read_toml(path, cache)
    loop_id = table.string("id", is_id=True)
    if loop_id != path.stem:
        raise table.error("id", f'is "{loop_id}" but the file is "{path.name}"; they must match')
    rounds = []
    for item in table.tables("rounds"):
        slots = []
        for slot in item.tables("slots"):
            slots.append(
                Slot(
                    kinds=tuple(Kind(k) for k in slot.strings("kinds", choices=[k.value for k in Kind])),
                    difficulty=tuple(
                        Difficulty(d)
                        for d in slot.strings("difficulty", required=False, choices=[d.value for d in Difficulty])
                    ),
                    types=slot.strings("types", required=False, choices=QUESTION_TYPES),
                )
            )
            slot.finish()
        rounds.append(
            Round(
                id=item.string("id", choices=ROUND_IDS),
                title=item.text("title"),
                minutes=item.integer("minutes", 1, 240),
                assesses=item.text("assesses"),
                slots=tuple(slots),
            )
        )
        item.finish()
    loop = Loop(
        id=loop_id,
        title=table.text("title"),
        company=table.string("company"),
        rounds=tuple(rounds),
        path=path,
    )
    table.finish()
    return loop


# -- banks -----------------------------------------------------------------------------


def _question_folders(root: Path) -> list[Path]:
    """The question folders under a bank root, a ``questions/`` folder, or one question."""
    if not root.exists():
        raise BankError(root, "does not exist")
    if (root / QUESTION_FILE).is_file():
        return [root]
    base = root / "questions" if (root / "questions").is_dir() else root
    if not base.is_dir():
        raise BankError(root, "is not a folder of questions")
    return sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def load_bank_from(roots: Iterable[Path], cache: ParsedTomlCache | None = None) -> Bank:
    """Load and validate the questions and loops under ``roots``.

    With a ``cache``, unchanged files are not parsed again; it is saved after a
    successful load only, so a broken bank never leaves half an entry behind.
    """
    questions: dict[str, Question] = {}
    loops: dict[str, Loop] = {}
    for root in roots:
        for folder in _question_folders(root):
            question = load_question(folder, cache)
            if question.id in questions:
                other = questions[question.id].folder
                raise BankError(
                    folder / QUESTION_FILE, f'repeats the question id "{question.id}" already used in {other}', "id"
                )
            questions[question.id] = question
        loop_dir = root / "loops"
        if loop_dir.is_dir():
            for path in sorted(loop_dir.glob("*.toml")):
                loop = load_loop(path, cache)
                if loop.id in loops:
                    raise BankError(path, f'repeats the loop id "{loop.id}"', "id")
                loops[loop.id] = loop
    bank = Bank(questions=MappingProxyType(questions), loops=MappingProxyType(loops))
    for loop in loops.values():
        check_drawable(loop, bank)
    if cache is not None:
        cache.save()
    return bank


@functools.cache
def load_bank() -> Bank:
    """The shipped bank, loaded once per process (parsed TOML cached across processes)."""
    return load_bank_from([SHIPPED_BANK], ParsedTomlCache(default_cache_file()))
