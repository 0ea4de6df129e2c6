"""`mockloop bank list|show|validate`: browse and check the question bank from a shell."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from question_bank import ROUND_IDS, BankError, Lang, Question, UnknownQuestion, load_bank, load_bank_from
from tui.core.bank_words import difficulty_name, kind_name, type_name, unknown_text
from tui.core.messages import language, plural, t

DEFAULT_LOOP = "mistral-swe"


def _round_titles(lang: Lang | None = None) -> dict[str, str]:
    """Round ids to the titles the guide uses, from the default loop (default: the interface language)."""
    return load_bank().round_titles(DEFAULT_LOOP, lang or language())


def list_questions(round_id: str | None, kind: str | None, out: TextIO) -> int:
    bank = load_bank()
    titles = _round_titles()
    chosen = [q for q in bank if (round_id is None or q.round == round_id) and (kind is None or q.kind == kind)]
    if not chosen:
        print(t("cli.bank.no_match"), file=out)
        return 0
    width = max(len(q.id) for q in chosen)
    lang = language()
    kinds = max(len(kind_name(q.kind)) for q in chosen)
    levels = max(len(difficulty_name(q.difficulty)) for q in chosen)
    for index, rid in enumerate(r for r in ROUND_IDS if any(q.round == r for q in chosen)):
        in_round = [q for q in chosen if q.round == rid]
        if index:
            print(file=out)
        print(f"{titles[rid]} ({len(in_round)})", file=out)
        for q in in_round:
            kind, level = kind_name(q.kind), difficulty_name(q.difficulty)
            print(
                f"  {q.id:<{width}}  {kind:<{kinds}}  {level:<{levels}}  {q.minutes:>3} min  {q.title.get(lang)}",
                file=out,
            )
    return 0


def format_question(question: Question, lang: Lang) -> str:
    """A question as plain text: metadata, prompt, what one may ask, danger zones (every word in ``lang``)."""

    def field(key: str, value: object) -> str:
        return t("cli.bank.field", lang, label=t(f"cli.bank.{key}", lang), value=value)

    meta = [
        field("round", _round_titles(lang)[question.round]),
        field("kind", kind_name(question.kind, lang)),
        field("type", type_name(question.type, lang)),
    ]
    second = [
        field("difficulty", difficulty_name(question.difficulty, lang)),
        field("minutes", f"{question.minutes} min"),
    ]
    if question.tags:
        second.append(field("tags", ", ".join(question.tags)))
    lines = [
        f"{question.title.get(lang)}  [{question.id}]",
        "",
        " · ".join(meta),
        " · ".join(second),
        "",
        question.prompt.get(lang).strip(),
    ]
    if question.clarifications:
        lines += ["", t("cli.bank.heading", lang, label=t("cli.bank.ask", lang))]
        lines += [f"  - {c.question.get(lang)}" for c in question.clarifications]
    lines += ["", field("hints", len(question.hints))]
    if question.danger_zones:
        lines += [t("cli.bank.heading", lang, label=t("cli.bank.zones", lang))]
        lines += [f"  - {z.title.get(lang)}" for z in question.danger_zones]
    return "\n".join(lines)


def run(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    try:
        if args.bank_command == "list":
            return list_questions(args.round, args.kind, out)
        if args.bank_command == "show":
            print(format_question(load_bank().question(args.question_id), args.lang or language()), file=out)
            return 0
        bank = load_bank_from(args.paths) if args.paths else load_bank()
        loops = f", {plural('count.loop', len(bank.loops))}" if bank.loops else ""
        print(t("cli.bank.valid", questions=plural("count.question", len(bank)), loops=loops), file=out)
        return 0
    except UnknownQuestion as exc:
        print(unknown_text(exc), file=err)
        return 2
    except BankError as exc:
        print(exc, file=err)
        return 2
