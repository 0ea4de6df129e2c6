"""`mockloop history`, `report`, `replay` and `onsite --resume` as subprocesses, with MOCKLOOP_HOME set."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import run_mockloop
from session_support import scripted_onsite

from tui.core import store
from tui.core.record import FORMAT


def mockloop(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_mockloop(*args, home=home, timeout=120)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def save_one(home: Path) -> Path:
    record = scripted_onsite().recorder.record
    path = home / "data" / "sessions" / f"{record.id}.toml"
    store.save(record, path)
    return path


def test_history_empty_then_one_line_per_session(home: Path) -> None:
    result = mockloop(home, "history")
    assert result.returncode == 0 and "No sessions yet" in result.stdout
    save_one(home)
    result = mockloop(home, "history")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("2025-03-14 09:30  onsite") and "No Hire" in lines[0]


def test_report_text_and_markdown(home: Path) -> None:
    path = save_one(home)
    text = mockloop(home, "report", str(path))
    assert text.returncode == 0 and "Overall: No Hire (in progress)" in text.stdout
    md = mockloop(home, "report", str(path), "--format", "md")
    assert md.returncode == 0 and md.stdout.startswith("# Mistral AI")


BAD: dict[str, Callable[[bytes], bytes]] = {
    "corrupted": lambda good: good.replace(b"[[rounds]]", b"[[rounds]", 1),
    "truncated": lambda good: good[: len(good) // 3],
    "future": lambda good: good.replace(f"format = {FORMAT}".encode(), b"format = 99", 1),
    "hostile": lambda good: b"format = 1\nx = " + b"[" * 50_000 + b"\n",
}


@pytest.mark.parametrize("kind", sorted(BAD))
@pytest.mark.parametrize("command", ["report", "replay"])
def test_bad_files_one_sentence_exit_2_untouched(home: Path, tmp_path: Path, kind: str, command: str) -> None:
    good = store.dumps(scripted_onsite(rounds=1).recorder.record)
    path = tmp_path / "bad.toml"
    data = BAD[kind](good)
    path.write_bytes(data)
    before = path.stat().st_mtime_ns
    result = mockloop(home, command, str(path))
    assert result.returncode == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1 and result.stderr.startswith(str(path))
    assert path.read_bytes() == data and path.stat().st_mtime_ns == before


def test_missing_file_and_nothing_to_resume(home: Path, tmp_path: Path) -> None:
    result = mockloop(home, "report", str(tmp_path / "nope.toml"))
    assert result.returncode == 2 and result.stderr.endswith("nope.toml: does not exist.\n")
    result = mockloop(home, "onsite", "--resume")
    assert result.returncode == 2 and result.stderr == "There is no interrupted session to resume.\n"


def saved_at(home: Path, days_ago: int, status: str) -> Path:
    import datetime as dt

    record = scripted_onsite(rounds=1, feedback=False).recorder.record
    record.created = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=days_ago)
    record.id = f"s-{days_ago}-{status}"
    record.status = status
    path = home / "data" / "sessions" / f"{record.id}.toml"
    store.save(record, path)
    return path


def test_history_delete_one_session_by_id(home: Path) -> None:
    path = saved_at(home, 1, "finished")
    result = mockloop(home, "history", "--delete", path.stem)
    assert result.returncode == 0 and result.stdout == f"Deleted {path.stem}.\n" and not path.exists()
    result = mockloop(home, "history", "--delete", path.stem)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "There is no session" in result.stderr
    assert "No sessions yet" in mockloop(home, "history").stdout


def test_history_prune_keeps_what_may_be_resumed(home: Path) -> None:
    old = [saved_at(home, 40, "finished"), saved_at(home, 41, "abandoned")]
    kept = [saved_at(home, 42, "in_progress"), saved_at(home, 3, "finished")]
    result = mockloop(home, "history", "--prune", "--older-than", "30")
    assert result.returncode == 0
    assert result.stdout == "Deleted 2 sessions older than 30 days; kept 1 in progress.\n"
    assert not any(p.exists() for p in old) and all(p.exists() for p in kept)
    assert len(mockloop(home, "history").stdout.splitlines()) == 2
    lonely = mockloop(home, "history", "--older-than", "30")
    assert lonely.returncode == 2 and "--prune and --older-than DAYS go together" in lonely.stderr
    bad = mockloop(home, "history", "--prune", "--older-than", "soon")
    assert bad.returncode == 2 and "not a whole number of days" in bad.stderr
