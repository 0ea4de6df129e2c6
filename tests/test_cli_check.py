"""`mockloop check QUESTION_ID FILE [--submit] [--json]`, run as a person would: a subprocess.

Uses the shipped ``safe-divide`` question (its reference passes, its
``only_zero_division`` mutant fails hidden tests) and checks the exit codes
scripts rely on: 0 all passed, 1 some failed, 2 bad input with one sentence
on stderr. The in-process tests at the end cover ``run_suite`` against the
checker's own fixture suite, independent of the bank's content.
"""

from __future__ import annotations

import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import ROOT, run_mockloop
from fixtures.checker_support.helpers import REFERENCE, SUITE, answer

from tui.headless.check import CheckInputError, read_answer, run_suite

SAFE_DIVIDE = ROOT / "question_bank" / "questions" / "safe-divide"

pytestmark = [
    pytest.mark.timeout(120),
]


def mockloop(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_mockloop("check", *args)


def test_reference_passes_the_visible_tests() -> None:
    done = mockloop("safe-divide", SAFE_DIVIDE / "reference.py")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("safe-divide: ") and "visible tests" in lines[0]
    assert any(line.startswith("✓ passed") and "test_example_ints" in line for line in lines)
    assert " passed in " in lines[-1]
    assert done.stderr == ""


def test_submit_runs_hidden_tests_and_fails_a_mutant(tmp_path: Path) -> None:
    mutant = SAFE_DIVIDE / "mutants" / "only_zero_division.py"
    visible = mockloop("safe-divide", mutant)
    submitted = mockloop("safe-divide", mutant, "--submit")
    assert submitted.returncode == 1
    assert len(submitted.stdout.splitlines()) > len(visible.stdout.splitlines())
    failing = [line for line in submitted.stdout.splitlines() if line.startswith(("✗", "!"))]
    assert failing, submitted.stdout
    # A hidden test says what it probes, never its expected value.
    assert "Hidden test" in submitted.stdout
    # The guide's danger zone is named on the failing test and in the summary.
    assert any("danger zone: only-zero-division" in line for line in failing)
    assert submitted.stdout.splitlines()[-1].startswith("Danger zones hit: only-zero-division")


def test_json_document(tmp_path: Path) -> None:
    done = mockloop("safe-divide", SAFE_DIVIDE / "reference.py", "--submit", "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["question"] == "safe-divide"
    assert document["mode"] == "submit"
    assert document["status"] == "passed"
    assert document["counts"] == {"passed": len(document["results"])}
    first = document["results"][0]
    for key in (
        "name",
        "status",
        "description",
        "visible",
        "danger",
        "perf",
        "duration",
        "message",
        "detail",
    ):
        assert key in first
    assert any(not r["visible"] for r in document["results"])
    assert document["danger_zones_hit"] == []


def test_import_error_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "answer.py"
    broken.write_text("def safe_divide(a, b:\n    return a / b\n")
    done = mockloop("safe-divide", broken)
    assert done.returncode == 1
    assert "import_error" in done.stdout and "SyntaxError" in done.stdout


@pytest.mark.parametrize(
    ("question", "make_file", "words"),
    [
        ("safe-dvide", lambda d: d / "a.py", 'no question "safe-dvide"'),
        ("safe-divide", lambda d: d / "missing.py", "No such file"),
        ("safe-divide", lambda d: d, "is a folder"),
        (
            "safe-divide",
            lambda d: _write(d / "latin1.py", "x = 'é'\n".encode("latin-1")),
            "not UTF-8",
        ),
        (
            "disagreement",
            lambda d: _write(d / "a.py", b"pass\n"),
            "comes before the first heading, so it belongs to no STAR part",
        ),
    ],
)
def test_bad_input_exits_2_with_one_sentence(
    question: str, make_file: Callable[[Path], Path], words: str, tmp_path: Path
) -> None:
    (tmp_path / "a.py").write_text("pass\n")
    done = mockloop(question, make_file(tmp_path))
    assert done.returncode == 2
    assert words in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stdout == ""


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- in process, against the checker's fixture suite (independent of the bank) ---------------


def test_run_suite_prints_a_line_per_test_and_messages() -> None:
    out = io.StringIO()
    code = run_suite("fixture", SUITE, answer("return 41"), mode="submit", as_json=False, out=out)
    text = out.getvalue()
    assert code == 1
    assert "✗ failed       test_risky" in text
    assert "expected: 42" in text and "actual:   41" in text
    assert text.splitlines()[-1].startswith("1 failed, 8 passed in ")


def test_run_suite_json_passes_reference() -> None:
    out = io.StringIO()
    assert run_suite("fixture", SUITE, REFERENCE, mode="run", as_json=True, out=out) == 0
    document = json.loads(out.getvalue())
    assert document["status"] == "passed" and document["mode"] == "run"


def test_messages_are_not_markup() -> None:
    """Text that looks like Rich markup is printed as is."""
    out = io.StringIO()
    run_suite(
        "fixture",
        SUITE,
        answer("raise ValueError('[bold]oops[/bold]')"),
        mode="run",
        as_json=False,
        out=out,
    )
    assert "ValueError: [bold]oops[/bold]" in out.getvalue()


def test_read_answer_rejects_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(CheckInputError, match="not UTF-8"):
        read_answer(path)


ANSWERS = ROOT / "tests" / "fixtures" / "answers"


def test_behavioral_answer_gets_a_band_with_evidence() -> None:
    done = mockloop("disagreement", ANSWERS / "behavioral" / "disagreement-won-argument.md")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("disagreement: behavioral answer, ")
    assert "Band: Strong No Hire" in lines  # a red flag in a story under 1.5 minutes
    assert any("I proved him wrong" in line for line in lines), "findings quote the answer"
    assert lines[-1].startswith("Danger zones hit: Winning the argument")


def test_strong_behavioral_answer_exits_0() -> None:
    done = mockloop("disagreement", ANSWERS / "behavioral" / "disagreement-strong.md")
    assert done.returncode == 0, done.stdout
    assert "Band: Strong Hire" in done.stdout or "Band: Hire" in done.stdout


def test_a_strong_design_in_other_words_than_the_rubric_passes_with_coverage_quoted() -> None:
    done = mockloop("distributed-rate-limiter", ANSWERS / "design" / "rate-limiter-other-words.md")
    assert done.returncode == 0, done.stdout
    assert "Band: Strong Hire" in done.stdout
    assert "shared in-memory tier split by customer key" in done.stdout, "coverage quotes the answer"
    assert "a small procedure that runs inside the store" in done.stdout


def test_design_answer_as_json_has_coverage() -> None:
    answer = next((ANSWERS / "design").glob("rate-limiter-*.md"))
    done = mockloop("distributed-rate-limiter", answer, "--json")
    assert done.returncode in (0, 1), done.stderr
    document = json.loads(done.stdout)
    assert document["question"] == "distributed-rate-limiter" and document["kind"] == "design"
    assert document["band"] in ("Strong No Hire", "No Hire", "Hire", "Strong Hire")
    assert document["coverage"]["concepts"]
    assert isinstance(document["passed"], bool)
