"""Mutation score of each code question's suite: how many of mutmut's mutants of the model answer it kills.

A suite that passes the model answer may still let wrong answers through.
mutmut (a mutation-testing tool) makes many small wrong versions of the model
answer — an operator flipped, a constant changed, an argument dropped — and
runs the suite on each; a *surviving* mutant is a wrong answer the suite
accepts, unless it is equivalent (it behaves exactly like the model answer on
every input the prompt allows).

For each code question this copies the model answer into a temporary folder
twice: as ``solution.py``, the file mutmut mutates, and as ``reference.py``,
the model answer the performance and differential tests compare against (left
as it is). The suite and ``question_bank/questions/conftest.py`` (markers, the
``reference`` fixture) go beside them, and ``mutmut run`` runs the suite on
every mutant: plain pytest, ``-x -q -p no:cacheprovider``, in-process (mutmut
3 has no separate test command; it forks a pytest run per mutant and runs only
the tests that reach the mutated function). Plugin autoload is off, as in the
checker, with pytest-timeout loaded explicitly.

It prints, per question, killed / survived / timeout / other, the surviving
mutants with their diff, and the score: killed (a timeout counts as killed)
over the mutants that are not listed as equivalent in
``bench/mutation_equivalents.toml`` (question id -> list of
``{function, diffs, why}``; each diff is a mutant's changed lines, ``- old``
then ``+ new``, stripped). Under mutmut, performance tests allow ``SLACK``
times their usual ratio: mutmut's trampolines slow every call of the mutated
file, so the unmutated model answer would fail a 5x ratio; a mutant of the
wrong complexity is still orders of magnitude beyond the relaxed one.

    uv run python bench/mutation_score.py [QUESTION_ID ...] [--jobs N] [--keep] [-k EXPR]

``-k EXPR`` runs only the tests pytest's ``-k`` selects: ``-k "not model_answer"``
shows what the hand-written tests kill without the differential tests.

Exit status 1 when a mutant survives that is not listed as equivalent, or when
a listed equivalent no longer survives (the list is stale). It takes minutes
(each mutant runs part of a suite, performance tests included); it is a
bench, not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from question_bank import load_bank  # noqa: E402

EQUIVALENTS = ROOT / "bench" / "mutation_equivalents.toml"
CONFTEST = ROOT / "question_bank" / "questions" / "conftest.py"

MUTMUT_CONFIG = """\
[tool.mutmut]
source_paths = ["solution.py"]
also_copy = ["reference.py", "conftest.py", "tests.py", "mutmut_slack.py"]
pytest_add_cli_args = ["-x", "-q", "-p", "no:cacheprovider", "-p", "pytest_timeout", "-p", "mutmut_slack"]
pytest_add_cli_args_test_selection = ["tests.py"]
use_git_change_detection = false
"""

#: How much more time performance tests allow under mutmut (see ``SLACK_PLUGIN``).
SLACK = 20

#: A pytest plugin for the mutmut runs only. mutmut's trampolines put a dispatch in front of
#: every call of the mutated file, which makes the unmutated model answer several times slower
#: than the reference it is timed against (5x ratios fail on lru-cache before any mutant). A
#: mutant of the wrong complexity is still orders of magnitude past the relaxed ratio.
SLACK_PLUGIN = f"""\
\"\"\"bench/mutation_score.py: performance tests allow {SLACK}x their ratio under mutmut's trampolines.\"\"\"

import checkers.perf

_assert_fast_enough = checkers.perf.assert_fast_enough


def _relaxed(answer, reference, *, ratio=5.0, **options):
    return _assert_fast_enough(answer, reference, ratio=ratio * {SLACK}, **options)


checkers.perf.assert_fast_enough = _relaxed
"""

#: ``    solution.x_f__mutmut_3: survived`` in ``mutmut results --all true``.
RESULT_LINE = re.compile(r"^\s*(?P<name>solution\.\S+__mutmut_\d+):\s*(?P<status>.+?)\s*$")


@dataclass(frozen=True)
class Mutant:
    """One mutant: mutmut's name, its status, the function it changes and its changed lines."""

    name: str
    status: str
    function: str
    diff: str


def function_of(name: str) -> str:
    """``solution.xǁLRUCacheǁput__mutmut_4`` -> ``LRUCache.put``; ``solution.x_f__mutmut_2`` -> ``f``."""
    body = name.removeprefix("solution.").rsplit("__mutmut_", 1)[0]
    if "ǁ" in body:  # a method: xǁClassǁmethod
        return ".".join(part for part in body.split("ǁ")[1:] if part)
    return body.removeprefix("x_")


def changed_lines(show_output: str) -> str:
    """The ``-``/``+`` lines of ``mutmut show`` (not the ``---``/``+++`` headers), stripped, one per line."""
    rows = []
    for row in show_output.splitlines():
        if row.startswith(("---", "+++")):
            continue
        if row.startswith(("-", "+")):
            rows.append(row[0] + " " + row[1:].strip())
    return "\n".join(rows)


def prepare(folder: Path, question_folder: Path, select: str | None) -> None:
    model_answer = question_folder / "reference.py"
    shutil.copy(model_answer, folder / "solution.py")
    shutil.copy(model_answer, folder / "reference.py")
    shutil.copy(question_folder / "tests.py", folder / "tests.py")
    shutil.copy(CONFTEST, folder / "conftest.py")
    config = MUTMUT_CONFIG
    if select:
        config = config.replace('"-p", "mutmut_slack"]', f'"-p", "mutmut_slack", "-k", {json.dumps(select)}]')
    (folder / "pyproject.toml").write_text(config, encoding="utf-8")
    (folder / "mutmut_slack.py").write_text(SLACK_PLUGIN, encoding="utf-8")


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def mutmut(folder: Path, *args: str, check: bool = True) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", *args],
        cwd=folder,
        env=environment(),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if check and done.returncode != 0:
        output = done.stdout[-3000:] + done.stderr[-3000:]
        raise RuntimeError(f"mutmut {' '.join(args)} failed with status {done.returncode}:\n{output}")
    return done.stdout


def run_question(question_folder: Path, jobs: int, keep: bool, select: str | None) -> list[Mutant]:
    folder = Path(tempfile.mkdtemp(prefix=f"mutmut-{question_folder.name}-"))
    try:
        prepare(folder, question_folder, select)
        mutmut(folder, "run", "--max-children", str(jobs))
        mutants = []
        for row in mutmut(folder, "results", "--all", "true").splitlines():
            match = RESULT_LINE.match(row)
            if not match:
                continue
            name, status = match["name"], match["status"]
            diff = changed_lines(mutmut(folder, "show", name)) if status != "killed" else ""
            mutants.append(Mutant(name, status, function_of(name), diff))
        return mutants
    finally:
        if keep:
            print(f"  (kept {folder})")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def load_equivalents() -> dict[str, dict[tuple[str, str], str]]:
    """question id -> {(function, changed lines): why}, from ``bench/mutation_equivalents.toml``."""
    data = tomllib.loads(EQUIVALENTS.read_text(encoding="utf-8")) if EQUIVALENTS.exists() else {}
    return {
        question: {(entry["function"], diff.strip()): entry["why"] for entry in entries for diff in entry["diffs"]}
        for question, entries in data.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", nargs="*", help="question ids (default: every code question)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="mutants tested at once")
    parser.add_argument("--keep", action="store_true", help="keep each question's mutmut folder")
    parser.add_argument("-k", dest="select", help="run only the tests pytest -k selects")
    args = parser.parse_args(argv)
    bank = load_bank()
    questions = [q for q in bank if q.kind.is_code and (not args.questions or q.id in args.questions)]
    known = {q.id for q in bank if q.kind.is_code}
    unknown = sorted(set(args.questions) - known)
    if unknown:
        print(f"Unknown code question(s): {', '.join(unknown)}.", file=sys.stderr)
        return 2
    equivalents = load_equivalents()
    problems = 0
    totals: Counter[str] = Counter()
    for question in sorted(questions, key=lambda q: q.id):
        start = time.monotonic()
        mutants = run_question(question.folder, args.jobs, args.keep, args.select)
        listed = equivalents.get(question.id, {})
        counts = Counter("killed" if m.status == "timeout" else m.status for m in mutants)
        timeouts = sum(m.status == "timeout" for m in mutants)
        survivors = [m for m in mutants if m.status not in ("killed", "timeout")]
        equivalent = [m for m in survivors if (m.function, m.diff) in listed]
        unexplained = [m for m in survivors if (m.function, m.diff) not in listed]
        stale = set(listed) - {(m.function, m.diff) for m in survivors}
        judged = len(mutants) - len(equivalent)
        score = counts["killed"] / judged if judged else 1.0
        other = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s not in ("killed", "survived"))
        print(
            f"{question.id}: {len(mutants)} mutants, {counts['killed']} killed ({timeouts} by timeout), "
            f"{counts['survived']} survived{', ' + other if other else ''}; {len(equivalent)} equivalent; "
            f"score {counts['killed']}/{judged} = {score:.0%} ({time.monotonic() - start:.0f} s)"
        )
        for mutant in unexplained:
            print(f"  ✗ {mutant.status}: {mutant.function} ({mutant.name})")
            print("    " + mutant.diff.replace("\n", "\n    "))
        for function, diff in sorted(stale):
            print(f"  ≠ listed as equivalent but not surviving: {function}: {diff!r}")
        problems += len(unexplained) + len(stale)
        totals.update(total=len(mutants), killed=counts["killed"], equivalent=len(equivalent))
    judged = totals["total"] - totals["equivalent"]
    print(
        f"\nall: {totals['total']} mutants, {totals['equivalent']} equivalent, "
        f"{totals['killed']}/{judged} killed; {problems} unexplained or stale"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
