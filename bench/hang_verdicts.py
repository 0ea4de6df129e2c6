"""How long a candidate waits for the verdict on an answer that hangs in every call, per shipped question.

Each code question's starter is turned into two hanging answers: every
function body replaced by ``while True: pass`` (a loop pytest-timeout can
interrupt) and by ``sum(range(10**13))`` (one long C call, which only the
checker's watchdog can stop). Both are run as Run and as Submit through the
real checker, side by side with the reference's Submit as the baseline.

    uv run python bench/hang_verdicts.py

Goals (issue 12): Submit within 15 s, Run within 8 s, on every question.
"""

from __future__ import annotations

import ast
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checkers import CheckerClient, Suite  # noqa: E402
from question_bank import load_bank  # noqa: E402

HANGS = {
    "python loop": "while True:\n    pass",
    "C call": "return sum(range(10**13))",
}


def hanging(starter: str, body: str) -> str:
    """``starter`` with every function's body replaced by ``body`` (classes keep their methods' names)."""
    tree = ast.parse(starter)
    replacement = ast.parse(body).body
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            node.body = replacement
    return ast.unparse(tree)


def main() -> int:
    bank = load_bank()
    questions = sorted((q for q in bank if q.code is not None), key=lambda q: q.id)
    worst = {"run": 0.0, "submit": 0.0}
    with CheckerClient() as client:
        client.wait_ready(60)
        print(f"{'question':<26} {'answer':<12} {'Run':>7} {'Submit':>8} {'reference Submit':>17}")
        for question in questions:
            assert question.code is not None
            suite = Suite.from_code(question.code)
            start = time.monotonic()
            client.run(suite, question.code.reference(), mode="submit", supersede=False).wait(300)
            baseline = time.monotonic() - start
            for label, body in HANGS.items():
                source = hanging(question.code.starter(), body)
                times = {}
                for mode in ("run", "submit"):
                    start = time.monotonic()
                    client.run(suite, source, mode=mode, supersede=False).wait(300)
                    times[mode] = time.monotonic() - start
                    worst[mode] = max(worst[mode], times[mode])
                print(f"{question.id:<26} {label:<12} {times['run']:6.1f}s {times['submit']:7.1f}s {baseline:16.1f}s")
    ok = worst["run"] <= 8 and worst["submit"] <= 15
    print(f"\nslowest: Run {worst['run']:.1f} s (goal 8 s), Submit {worst['submit']:.1f} s (goal 15 s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
