"""How the code checker judges answers it was never tuned on: the held-out corpus, verdict by verdict.

``bench/corpus/code/<question>/*.py`` holds right, wrong and hostile answers
written from the prompts alone (see its README). Each file says whether it
should pass. This submits every file through the real checker (as Submit in
the app does) and prints, per question, how many verdicts agree with the
label, the wrong verdicts by name, and the status counts of each run; the
time of the slowest run shows how long a candidate waits.

    uv run python bench/code_verdicts.py [QUESTION_ID ...] [--repeat N]

``--repeat N`` submits every file N times and reports any file whose
statuses differ between runs (the checker must give the same verdict every
time). ``--bank`` adds each question's model answer (must pass) and its
mutants (must fail); ``--bank-only`` runs those alone (the 10-run stability
check of every reference and mutant). Exit status 1 when any verdict
disagrees with its label.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checkers import CheckerClient, Suite  # noqa: E402
from checkers.events import RunOutcome  # noqa: E402
from question_bank import load_bank  # noqa: E402

CORPUS = ROOT / "bench" / "corpus" / "code"


def label(path: Path) -> tuple[bool, str, str]:
    """(should pass, kind, mistake) from the file's header."""
    fields: dict[str, str] = {}
    for row in path.read_text(encoding="utf-8").splitlines()[:3]:
        key, _, value = row.lstrip("# ").partition(":")
        fields[key.strip()] = value.strip()
    return fields.get("expect") == "pass", fields.get("kind", "?"), fields.get("mistake", "")


def summary(outcome: RunOutcome) -> str:
    counts = Counter(str(r.status) for r in outcome.results)
    text = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    return f"{outcome.status}: {text or 'no tests'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", nargs="*")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--bank", action="store_true", help="also the model answers and the mutants")
    parser.add_argument("--bank-only", action="store_true", help="only the model answers and the mutants")
    args = parser.parse_args(argv)
    bank = load_bank()
    wrong_verdicts = 0
    unstable = 0
    with CheckerClient() as client:
        client.wait_ready(60)
        for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
            if args.questions and folder.name not in args.questions:
                continue
            question = bank.question(folder.name)
            assert question.code is not None
            suite = Suite.from_code(question.code)
            agree = total = 0
            slowest = 0.0
            files = [] if args.bank_only else [(path, *label(path)) for path in sorted(folder.glob("*.py"))]
            if args.bank or args.bank_only:
                files.append((question.folder / "reference.py", True, "reference", "none"))
                files += [(m, False, "mutant", m.stem) for m in sorted((question.folder / "mutants").glob("*.py"))]
            for path, should_pass, kind, mistake in files:
                source = path.read_text(encoding="utf-8")
                seen: list[tuple[str, dict[str, str]]] = []
                for _ in range(args.repeat):
                    start = time.monotonic()
                    outcome = client.run(suite, source, mode="submit", supersede=False).wait(timeout=300)
                    slowest = max(slowest, time.monotonic() - start)
                    seen.append((str(outcome.status), {r.name: str(r.status) for r in outcome.results}))
                total += 1
                if outcome.passed == should_pass:
                    agree += 1
                else:
                    wrong_verdicts += 1
                    verdict = "PASSED" if outcome.passed else "failed"
                    print(f"  ✗ {folder.name}/{path.name} ({kind}) {verdict}; {summary(outcome)}")
                    print(f"      {mistake}")
                if len({repr(s) for s in seen}) > 1:
                    unstable += 1
                    print(f"  ≠ {folder.name}/{path.name}: statuses differ between runs")
                    for status, statuses in seen:
                        print(f"      {status}: {dict(Counter(statuses.values()))}")
            print(f"{folder.name}: {agree}/{total} verdicts agree; slowest Submit {slowest:.1f} s")
    print(f"\nwrong verdicts: {wrong_verdicts}; unstable files: {unstable} (over {args.repeat} run(s) each)")
    return 1 if wrong_verdicts or unstable else 0


if __name__ == "__main__":
    sys.exit(main())
