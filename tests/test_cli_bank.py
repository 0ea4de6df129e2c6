"""`mockloop bank …`, `--version` and `--help`, run as a user runs them: as a subprocess."""

from __future__ import annotations

import subprocess
from pathlib import Path

import tomli_w
from bank_factory import code_question, write_question
from cli_support import ROOT, run_mockloop


def mockloop(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_mockloop(*args, cwd=cwd, timeout=60)


def test_version_and_help() -> None:
    version = mockloop("--version")
    assert version.returncode == 0 and version.stdout.startswith("mockloop ")
    help_ = mockloop("--help")
    assert help_.returncode == 0 and "bank" in help_.stdout and "check" in help_.stdout


def test_list_groups_the_questions_by_round_in_interview_order() -> None:
    result = mockloop("bank", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    headings = [line for line in lines if line and not line.startswith(" ")]
    assert headings == [
        "Recruiter Screen (1)",
        "Coding Screen (3)",
        "System Design (4)",
        "Onsite Coding (4)",
        "Behavioral / Leadership (6)",
    ]
    assert sum(1 for line in lines if line.startswith("  ")) == 18


def test_list_filters_by_kind_and_round() -> None:
    result = mockloop("bank", "list", "--kind", "design")
    assert result.returncode == 0
    assert "url-shortener" in result.stdout and "safe-divide" not in result.stdout
    result = mockloop("bank", "list", "--round", "onsite-coding", "--kind", "debugging")
    assert [line.split()[0] for line in result.stdout.splitlines()[1:]] == ["debug-avg-token-usage"]


def test_show_in_french() -> None:
    result = mockloop("bank", "show", "safe-divide", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert "safe_divide" in result.stdout and "Zones de danger" in result.stdout
    english = mockloop("bank", "show", "safe-divide").stdout
    assert english != result.stdout


def test_show_unknown_id_suggests_close_matches() -> None:
    result = mockloop("bank", "show", "safe-devide")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == 'There is no question "safe-devide" in the bank. Did you mean "safe-divide"?'


def test_validate_shipped_bank() -> None:
    result = mockloop("bank", "validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Valid: 18 questions, 1 loop."


def test_validate_a_broken_folder_gives_one_sentence_and_exit_2(tmp_path: Path) -> None:
    data = code_question()
    del data["hints"]
    folder = write_question(tmp_path, data)
    result = mockloop("bank", "validate", str(folder))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith('question.toml: is missing the required key "hints".')
    assert len(result.stderr.strip().splitlines()) == 1


def test_validate_a_good_folder(tmp_path: Path) -> None:
    folder = write_question(tmp_path, code_question())
    (folder / "extra.toml").write_text(tomli_w.dumps({"ignored": True}), encoding="utf-8")
    result = mockloop("bank", "validate", str(tmp_path))
    assert result.returncode == 0 and result.stdout.strip() == "Valid: 1 question."
