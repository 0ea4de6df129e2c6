"""Every claim a mutant makes, proven alone: each (mutant, test it names) submitted by itself.

A mutant's docstring says which tests catch it (``question_bank.mutants``).
The test suite submits each mutant once against those tests (speed tests
aside when others catch it), the way a candidate's Submit runs them; this
runs each pair with nothing before it, so no earlier timeout shortens the
test's limit, and speed tests included. A claim fails when the test passes
on the mutant.

    uv run python bench/mutant_claims.py [QUESTION_ID ...]

Prints, per question, how many claims hold and the slowest pair; exit
status 1 when any claim does not hold.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checkers import CheckerClient, Suite  # noqa: E402
from checkers.events import Status  # noqa: E402
from question_bank import load_bank  # noqa: E402
from question_bank.mutants import mutants_of  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", nargs="*")
    args = parser.parse_args(argv)
    questions = sorted((q for q in load_bank() if q.kind.is_code), key=lambda q: q.id)
    broken = total = 0
    with CheckerClient() as client:
        client.wait_ready(60)
        for question in questions:
            if args.questions and question.id not in args.questions:
                continue
            assert question.code is not None
            suite = Suite.from_code(question.code)
            held = claims = 0
            slowest = (0.0, "")
            for mutant in mutants_of(question):
                for name in mutant.caught_by:
                    start = time.monotonic()
                    outcome = client.run(suite, mutant.source(), mode="submit", only=[name], supersede=False).wait(300)
                    took = time.monotonic() - start
                    slowest = max(slowest, (took, f"{mutant.name}/{name}"))
                    statuses = [r.status for r in outcome.results if r.name.split("[", 1)[0] == name]
                    claims += 1
                    if statuses and any(s is not Status.PASSED for s in statuses):
                        held += 1
                    else:
                        verdict = "passes" if statuses else "did not run"
                        print(f"  ✗ {question.id}/{mutant.name}: {name} {verdict} ({mutant.mistake})")
            total += claims
            broken += claims - held
            print(f"{question.id}: {held}/{claims} claims hold; slowest {slowest[0]:.1f} s ({slowest[1]})")
    print(f"\nclaims that do not hold: {broken} of {total}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
