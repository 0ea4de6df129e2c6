"""`mockloop bank list|show|validate`: browse and check the question bank from a shell."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from question_bank import ROUND_IDS, BankError, Lang, Question, UnknownQuestion, load_bank, load_bank_from

DEFAULT_LOOP = "mistral-swe"


def _round_titles(lang: Lang = "en") -> dict[str, str]:
    """Round ids to the titles the guide uses, from the default loop."""
    return load_bank().round_titles(DEFAULT_LOOP, lang)


def list_questions(round_id: str | None, kind: str | None, out: TextIO) -> int:
    bank = load_bank()
    titles = _round_titles()
    chosen = [q for q in bank if (round_id is None or q.round == round_id) and (kind is None or q.kind == kind)]
    if not chosen:
        print("No question matches those filters.", file=out)
        return 0
    width = max(len(q.id) for q in chosen)
    for index, rid in enumerate(r for r in ROUND_IDS if any(q.round == r for q in chosen)):
        in_round = [q for q in chosen if q.round == rid]
        if index:
            print(file=out)
        print(f"{titles[rid]} ({len(in_round)})", file=out)
        for q in in_round:
            print(f"  {q.id:<{width}}  {q.kind:<10}  {q.difficulty:<6}  {q.minutes:>3} min  {q.title.en}", file=out)
    return 0


def format_question(question: Question, lang: Lang) -> str:
    """A question as plain text: metadata, prompt, what one may ask, danger zones."""
    labels = {
        "en": ("Round", "Kind", "Type", "Difficulty", "Suggested time", "Tags", "You may ask", "Hints", "Danger zones"),
        "fr": (
            "Tour",
            "Nature",
            "Type",
            "Difficulté",
            "Temps conseillé",
            "Étiquettes",
            "Questions possibles",
            "Indices",
            "Zones de danger",
        ),
    }[lang]
    rnd, kind, qtype, difficulty, minutes, tags, ask, hints, zones = labels
    lines = [
        f"{question.title.get(lang)}  [{question.id}]",
        "",
        f"{rnd}: {_round_titles(lang)[question.round]} · {kind}: {question.kind} · {qtype}: {question.type}",
        f"{difficulty}: {question.difficulty} · {minutes}: {question.minutes} min"
        + (f" · {tags}: {', '.join(question.tags)}" if question.tags else ""),
        "",
        question.prompt.get(lang).strip(),
    ]
    if question.clarifications:
        lines += ["", f"{ask}:"] + [f"  - {c.question.get(lang)}" for c in question.clarifications]
    lines += ["", f"{hints}: {len(question.hints)}"]
    if question.danger_zones:
        lines += [f"{zones}:"] + [f"  - {z.title.get(lang)}" for z in question.danger_zones]
    return "\n".join(lines)


def run(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    try:
        if args.bank_command == "list":
            return list_questions(args.round, args.kind, out)
        if args.bank_command == "show":
            print(format_question(load_bank().question(args.question_id), args.lang), file=out)
            return 0
        bank = load_bank_from(args.paths) if args.paths else load_bank()
        loops = f", {len(bank.loops)} loop{'s' if len(bank.loops) != 1 else ''}" if bank.loops else ""
        print(f"Valid: {len(bank)} question{'s' if len(bank) != 1 else ''}{loops}.", file=out)
        return 0
    except (BankError, UnknownQuestion) as exc:
        print(exc, file=err)
        return 2
