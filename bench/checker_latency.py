"""How fast does a candidate see test results? The checker against a cold pytest.

Run:  uv run python bench/checker_latency.py [--runs 30]

On the 20-test suite in tests/fixtures/checker_bench, it measures, over
``--runs`` runs each, side by side in one process:

- the checker (``checkers.CheckerClient``, warm server): time from ``run()``
  to the first result and to the last result;
- a cold ``python -m pytest`` on the same files (plugin autoload off,
  ``-p pytest_timeout``, the way the checker runs pytest): time from launch to
  the first and to the last test line in its ``-v`` output;
- the first run right after a client is created (no waiting for the server),
  which must never be slower than the cold pytest.

It prints medians and 90th percentiles and the checker/cold ratios against
the targets (all results <= 0.25x, first result <= 0.15x). Not part of the
test run: timing depends on the machine; ratios are what to compare.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checkers import CheckerClient, RunFinished, Suite, TestFinished  # noqa: E402

SUITE_DIR = ROOT / "tests" / "fixtures" / "checker_bench"
SUITE = Suite(SUITE_DIR / "tests.py", SUITE_DIR / "reference.py", timeout=2.0)
ANSWER = (SUITE_DIR / "reference.py").read_text()
TARGET_ALL = 0.25
TARGET_FIRST = 0.15


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def checker_once(client: CheckerClient) -> tuple[float, float, int]:
    start = time.perf_counter()
    first = last = 0.0
    count = 0
    for event in client.run(SUITE, ANSWER, mode="submit"):
        if isinstance(event, TestFinished):
            now = time.perf_counter() - start
            first = first or now
            last = now
            count += 1
            assert event.result.passed, event.result
        elif isinstance(event, RunFinished):
            break
    return first, last, count


def cold_pytest_once(folder: Path) -> tuple[float, float, int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    command = [
        sys.executable, "-u", "-m", "pytest", "tests.py", "-p", "pytest_timeout",
        "-p", "no:cacheprovider", "-v", "-o", "markers=visible\nhidden\nperf\ndanger",
    ]  # fmt: skip
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    first = last = 0.0
    count = 0
    for line in proc.stdout:
        if b" PASSED" in line or b" FAILED" in line:
            now = time.perf_counter() - start
            first = first or now
            last = now
            count += 1
    proc.wait()
    return first, last, count


def first_run_after_launch() -> float:
    start = time.perf_counter()
    with CheckerClient() as client:
        outcome = client.run(SUITE, ANSWER, mode="submit").wait(60)
        elapsed = time.perf_counter() - start
        assert outcome.passed
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--launches", type=int, default=5)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="checker-bench-"))
    try:
        shutil.copy(SUITE_DIR / "tests.py", folder / "tests.py")
        shutil.copy(SUITE_DIR / "reference.py", folder / "solution.py")
        with CheckerClient() as client:
            client.wait_ready(60)
            for _ in range(3):  # warm-up, not measured
                checker_once(client)
            checker: list[tuple[float, float, int]] = []
            cold: list[tuple[float, float, int]] = []
            for _ in range(args.runs):  # interleaved, so both see the same machine
                checker.append(checker_once(client))
                cold.append(cold_pytest_once(folder))
        launches = [first_run_after_launch() for _ in range(args.launches)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    assert all(c[2] == 20 for c in checker), "the checker did not report 20 results"
    assert all(c[2] == 20 for c in cold), "pytest did not report 20 results"
    rows = {
        "checker first result": [c[0] for c in checker],
        "checker all results": [c[1] for c in checker],
        "cold pytest first result": [c[0] for c in cold],
        "cold pytest all results": [c[1] for c in cold],
        "first run after launch (all)": launches,
    }
    print(f"20-test suite, {args.runs} runs each ({os.cpu_count()} CPUs)\n")
    print(f"{'':32} {'median':>10} {'p90':>10}")
    for name, values in rows.items():
        print(f"{name:32} {statistics.median(values) * 1000:8.1f}ms {p90(values) * 1000:8.1f}ms")
    cold_all = statistics.median(rows["cold pytest all results"])
    ratio_first = statistics.median(rows["checker first result"]) / cold_all
    ratio_all = statistics.median(rows["checker all results"]) / cold_all
    ratio_launch = statistics.median(launches) / cold_all
    print()
    print(f"first result / cold pytest (all results): {ratio_first:.3f}x  (target <= {TARGET_FIRST}x)")
    print(f"all results  / cold pytest (all results): {ratio_all:.3f}x  (target <= {TARGET_ALL}x)")
    print(f"first run after launch / cold pytest:     {ratio_launch:.3f}x  (target <= 1x)")
    ok = ratio_first <= TARGET_FIRST and ratio_all <= TARGET_ALL and ratio_launch <= 1.0
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
