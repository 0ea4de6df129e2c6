"""How often the written-answer judge agrees with a human interviewer, on a labelled corpus.

The corpus (``bench/corpus/text/``, described by its two READMEs) holds answers
to the eleven written questions, each with a label beside it: the band a human
interviewer gave and the danger zones the answer actually *says* (never the
ones it merely omits). It was written by people who never saw the analyzers,
and split in two halves:

- ``dev``: read it, debug against it, tune on it;
- ``heldout``: measurement only. This script prints aggregate figures for it
  and refuses to list its per-answer verdicts, so tuning cannot peek.

For each half and each kind (behavioral, design, motivation) it prints:

- **band agreement**: the judge's band is the labelled band (four bands, exact);
- **hire agreement**: both say Hire-or-better, or both say below (the decision
  ``mockloop check`` turns into its exit status);
- **within one**: the judge's band is at most one band away from the label;
- **red flags**: labelled zones the judge found, labelled zones it missed, and
  zones it reported that the label does not list (false red flags).

    uv run python bench/text_agreement.py                  # both halves, aggregates
    uv run python bench/text_agreement.py --show dev       # plus every dev verdict
    uv run python bench/text_agreement.py --json           # the figures as JSON

The functions (``load_corpus``, ``judge_corpus``, ``figures``) are what the
test suite uses to hold the dev half to the goal (``tests/test_text_corpus.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from checkers.text import Band, check_text  # noqa: E402
from checkers.text.markdown import AnswerFormatError  # noqa: E402
from question_bank import Question, load_bank  # noqa: E402

CORPUS = ROOT / "bench" / "corpus" / "text"
SPLITS = ("dev", "heldout")
KINDS = ("behavioral", "design", "motivation")
#: The goal of issue 13: band agreement on the held-out half.
GOAL = 0.90


@dataclass(frozen=True, slots=True)
class Sample:
    """One labelled answer: where it is, which question, and what the interviewer said."""

    path: Path
    split: str
    question: Question
    lang: str
    band: Band
    red_flags: frozenset[str]
    voice: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judge's verdict on one sample (``error`` set when it could not be judged)."""

    sample: Sample
    band: Band | None
    zones: frozenset[str]
    reasons: tuple[str, ...] = ()
    error: str = ""

    @property
    def agrees(self) -> bool:
        return self.band == self.sample.band

    @property
    def hire_agrees(self) -> bool:
        return self.band is not None and self.band.is_hire == self.sample.band.is_hire

    @property
    def within_one(self) -> bool:
        return self.band is not None and abs(self.band.rank - self.sample.band.rank) <= 1


@dataclass(slots=True)
class Figures:
    """Aggregates over a set of verdicts."""

    answers: int = 0
    agree: int = 0
    hire_agree: int = 0
    within_one: int = 0
    flags_found: int = 0
    flags_missed: int = 0
    flags_false: int = 0
    errors: int = 0
    missed_ids: list[str] = field(default_factory=list)
    false_ids: list[str] = field(default_factory=list)

    def add(self, verdict: Verdict) -> None:
        self.answers += 1
        self.agree += verdict.agrees
        self.hire_agree += verdict.hire_agrees
        self.within_one += verdict.within_one
        self.errors += bool(verdict.error)
        labelled = verdict.sample.red_flags
        self.flags_found += len(labelled & verdict.zones)
        self.flags_missed += len(labelled - verdict.zones)
        self.flags_false += len(verdict.zones - labelled)

    @property
    def agreement(self) -> float:
        return self.agree / self.answers if self.answers else 0.0

    @property
    def hire_agreement(self) -> float:
        return self.hire_agree / self.answers if self.answers else 0.0

    @property
    def within_one_rate(self) -> float:
        return self.within_one / self.answers if self.answers else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "answers": self.answers,
            "band_agreement": round(self.agreement, 3),
            "hire_agreement": round(self.hire_agreement, 3),
            "within_one": round(self.within_one_rate, 3),
            "flags_found": self.flags_found,
            "flags_missed": self.flags_missed,
            "flags_false": self.flags_false,
            "errors": self.errors,
        }


def load_corpus(split: str, corpus: Path = CORPUS) -> list[Sample]:
    """Every labelled answer of one half, sorted by path (a label without its answer is an error)."""
    if split not in SPLITS:
        raise ValueError(f'"{split}" is not a half of the corpus; the halves are {", ".join(SPLITS)}.')
    bank = load_bank()
    samples = []
    for label_path in sorted((corpus / split).glob("*/*.toml")):
        answer = label_path.with_suffix(".md")
        if not answer.is_file():
            raise FileNotFoundError(f"{label_path} has no answer beside it ({answer.name}).")
        label = tomllib.loads(label_path.read_text(encoding="utf-8"))
        samples.append(
            Sample(
                path=answer,
                split=split,
                question=bank.question(str(label["question"])),
                lang=str(label.get("lang", "en")),
                band=Band(label["band"]),
                red_flags=frozenset(str(f) for f in label.get("red_flags", ())),
                voice=str(label.get("voice", "")),
            )
        )
    return samples


def judge(sample: Sample) -> Verdict:
    """The judge's verdict, exactly as ``mockloop check`` computes it, in the answer's language."""
    try:
        feedback = check_text(sample.question, sample.path.read_text(encoding="utf-8"), sample.lang)
    except AnswerFormatError as exc:
        return Verdict(sample, None, frozenset(), error=str(exc))
    return Verdict(sample, feedback.band, frozenset(feedback.danger_zones_hit), feedback.reasons)


def judge_corpus(samples: Iterable[Sample]) -> list[Verdict]:
    return [judge(s) for s in samples]


def figures(verdicts: Iterable[Verdict], kind: str | None = None) -> Figures:
    """Aggregates over ``verdicts`` (of one kind, or all)."""
    result = Figures()
    for verdict in verdicts:
        if kind is None or str(verdict.sample.question.kind) == kind:
            result.add(verdict)
    return result


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}%"


def _table(split: str, verdicts: Sequence[Verdict]) -> list[str]:
    lines = [
        f"{split}: {len(verdicts)} answers",
        f"  {'kind':<11} {'n':>3}  {'band':>6}  {'hire':>6}  {'±1':>6}   flags found/missed/false",
    ]
    for kind in (*KINDS, None):
        f = figures(verdicts, kind)
        if not f.answers:
            continue
        lines.append(
            f"  {kind or 'all':<11} {f.answers:>3}  {_pct(f.agreement)}  {_pct(f.hire_agreement)}  "
            f"{_pct(f.within_one_rate)}   {f.flags_found}/{f.flags_missed}/{f.flags_false}"
            + (f"   ({f.errors} not judged)" if f.errors else "")
        )
    return lines


def _details(verdicts: Sequence[Verdict]) -> list[str]:
    lines = []
    for v in verdicts:
        mark = "=" if v.agrees else "≈" if v.within_one else "✗"
        rel = v.sample.path.relative_to(CORPUS / v.sample.split)
        got = str(v.band) if v.band is not None else f"error: {v.error}"
        flags = ""
        if v.sample.red_flags or v.zones:
            missed, false = v.sample.red_flags - v.zones, v.zones - v.sample.red_flags
            flags = f"  flags label={sorted(v.sample.red_flags)} judge={sorted(v.zones)}"
            flags += " MISSED" if missed else ""
            flags += " FALSE" if false else ""
        lines.append(f"  {mark} {rel}  [{v.sample.lang}] label={v.sample.band}  judge={got}{flags}")
        if not v.agrees:
            lines += [f"      · {reason}" for reason in v.reasons]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--split", choices=(*SPLITS, "both"), default="both", help="which half to measure")
    parser.add_argument(
        "--show", choices=("dev",), help="also list every verdict of that half (the held-out half never)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    splits = SPLITS if args.split == "both" else (args.split,)
    if args.show and args.show not in splits:
        splits = (*splits, args.show)

    results = {split: judge_corpus(load_corpus(split)) for split in splits}
    if args.json:
        document = {
            split: {kind or "all": figures(verdicts, kind).to_dict() for kind in (*KINDS, None)}
            for split, verdicts in results.items()
        }
        print(json.dumps(document, indent=2))
        return 0
    for split, verdicts in results.items():
        print("\n".join(_table(split, verdicts)))
        if args.show == split:
            print("\n".join(_details(verdicts)))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
