"""How soon does `mockloop watch` answer a save? Against a cold pytest of the same suite, side by side.

Run:  uv run python bench/watch_latency.py [--question lru-cache] [--runs 15] [--submit]

It starts ``mockloop watch QUESTION FILE`` (a subprocess, as a person runs
it, with a throw-away MOCKLOOP_HOME), waits for its first run to be recorded,
then alternates, ``--runs`` times:

- a save of FILE (the model answer, with a changing comment so each save is
  new text): the time from the write to the first result line watch prints,
  and to its summary line; then it waits until that attempt is recorded, so
  the automatic final submission never overlaps what is measured next;
- a cold ``python -m pytest tests.py`` of the same tests (``-m visible``
  unless ``--submit``; plugin autoload off, ``-p pytest_timeout``, the way
  the checker runs pytest) in a folder holding the suite, its conftest, the
  model answer and the answer: the time from launch to the first and to
  the last test line of its ``-v`` output.

It prints medians and 90th percentiles and the ratios against the target:
watch's first result after a save <= 0.15x a cold pytest (its whole run).
Not part of the test run: timing depends on the machine; ratios are what to
compare.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from question_bank import load_bank  # noqa: E402

TARGET_FIRST = 0.15
RESULT_MARKS = ("✓ ", "✗ ", "! ", "⏱ ", "M ", "… ", "☠ ", "· ")


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


class Output:
    """A process's stdout lines, each stamped with when it arrived."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        threading.Thread(target=self._read, args=(process.stdout,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.put((time.perf_counter(), line.rstrip("\n")))

    def until(self, test: Callable[[str], bool], timeout: float = 120.0) -> float:
        deadline = time.monotonic() + timeout
        while True:
            stamp, line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            if test(line):
                return stamp


def cold_pytest_once(folder: Path, submit: bool) -> tuple[float, float, int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    env["PYTHONPATH"] = str(ROOT)
    command = [sys.executable, "-u", "-m", "pytest", "tests.py", "-p", "pytest_timeout", "-p", "no:cacheprovider", "-v"]
    if not submit:
        command += ["-m", "visible"]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    first = last = 0.0
    count = 0
    for line in proc.stdout:
        if b" PASSED" in line or b" FAILED" in line or b" ERROR" in line:
            now = time.perf_counter() - start
            first = first or now
            last = now
            count += 1
    proc.wait()
    return first, last, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--question", default="lru-cache")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--submit", action="store_true", help="watch --submit against the whole suite")
    args = parser.parse_args()

    question = load_bank().question(args.question)
    if question.code is None:
        parser.error(f"{args.question} is not a code question")
    reference = question.code.reference_path.read_text()
    work = Path(tempfile.mkdtemp(prefix="watch-bench-"))
    suite = work / "suite"
    suite.mkdir()
    shutil.copy(question.code.tests_path, suite / "tests.py")
    shutil.copy(question.code.reference_path, suite / "reference.py")
    shutil.copy(ROOT / "question_bank" / "questions" / "conftest.py", suite / "conftest.py")
    shutil.copy(question.code.reference_path, suite / "solution.py")
    answer = work / "answer.py"
    answer.write_text(reference)
    command = [sys.executable, "-m", "tui.cli", "watch", args.question, str(answer)]
    if args.submit:
        command.append("--submit")
    env = {**os.environ, "MOCKLOOP_HOME": str(work / "home")}
    watch = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
    first: list[float] = []
    summary: list[float] = []
    cold: list[tuple[float, float, int]] = []
    try:
        out = Output(watch)
        out.until(lambda line: line.startswith("Watching "))  # the first run, recorded
        for number in range(args.runs):
            saved = time.perf_counter()
            answer.write_text(reference + f"\n# save {number}\n")
            first.append(out.until(lambda line: line.startswith(RESULT_MARKS)) - saved)
            summary.append(out.until(lambda line: " in " in line and ("passed" in line or "failed" in line)) - saved)
            out.until(lambda line: line.startswith("Watching "))  # recorded: nothing left running
            cold.append(cold_pytest_once(suite, args.submit))
    finally:
        watch.send_signal(signal.SIGINT)
        code = watch.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    assert code == 130, f"watch exited with {code}"

    rows = {
        "watch: first result after save": first,
        "watch: all results after save": summary,
        "cold pytest: first result": [c[0] for c in cold],
        "cold pytest: all results": [c[1] for c in cold],
    }
    label = "every test" if args.submit else "visible tests"
    print(
        f"{args.question}, {label} ({cold[0][2]}), {args.runs} saves each side, alternating ({os.cpu_count()} CPUs)\n"
    )
    print(f"{'':34} {'median':>10} {'p90':>10}")
    for name, values in rows.items():
        print(f"{name:34} {statistics.median(values) * 1000:8.1f}ms {p90(values) * 1000:8.1f}ms")
    cold_all = statistics.median(rows["cold pytest: all results"])
    cold_first = statistics.median(rows["cold pytest: first result"])
    ratio = statistics.median(first) / cold_all
    print()
    print(f"watch first result / cold pytest (all results):  {ratio:.3f}x  (target <= {TARGET_FIRST}x)")
    print(f"watch first result / cold pytest (first result): {statistics.median(first) / cold_first:.3f}x")
    print(f"watch all results  / cold pytest (all results):  {statistics.median(summary) / cold_all:.3f}x")
    ok = ratio <= TARGET_FIRST
    print("target met" if ok else "TARGET NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
