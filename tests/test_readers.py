"""Readers that never hang or crash: one strict TOML reader for the bank, sessions, themes and config.

A named pipe where a file should be used to hang ``history``, ``report`` and
Home; a 20,000-deep value was a RecursionError traceback everywhere but in
session files; a 60 MB id was printed whole by ``bank validate``;
``--time-scale 1e308`` crashed the timer.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bank_factory import code_question, write_question
from cli_support import run_mockloop

from question_bank import BankError, load_bank_from
from strict_toml import TomlFileError, excerpt, read_toml
from themes.spec import ThemeFileError, load_theme_file, load_theme_folder
from tui.core import store
from tui.core.clock import MonotonicClock
from tui.core.config import load_config
from tui.core.history import format_history, list_sessions

DEEP = "x = " + "[" * 20_000 + "]" * 20_000 + "\n"
DOTTED = "a" + ".a" * 20_000 + " = 1\n"


def test_only_regular_files_are_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")  # opening it for reading would block until a writer came
    (tmp_path / "folder.toml").mkdir()
    with pytest.raises(TomlFileError, match="is a named pipe, not a TOML file"):
        read_toml(tmp_path / "pipe.toml")
    with pytest.raises(TomlFileError, match="is a folder, not a TOML file"):
        read_toml(tmp_path / "folder.toml")
    with pytest.raises(TomlFileError) as missing:
        read_toml(tmp_path / "nothing.toml")
    assert missing.value.missing


@pytest.mark.parametrize("text", [DEEP, DOTTED], ids=["arrays", "dotted keys"])
def test_deep_nesting_is_one_sentence_for_every_kind_of_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(text)
    with pytest.raises(store.SessionFileError, match=r"deep\.toml: is not a session file: its values are nested"):
        store.load(path)
    with pytest.raises(ThemeFileError, match="is not a theme file: its values are nested"):
        load_theme_file(path)
    config = load_config(path)
    assert config.problem is not None and "nested" in config.problem and "\n" not in config.problem
    folder = tmp_path / "bank" / "questions" / "deep"
    folder.mkdir(parents=True)
    (folder / "question.toml").write_text(text)
    with pytest.raises(BankError, match="is not a question or loop file: its values are nested"):
        load_bank_from([tmp_path / "bank"])


def test_history_names_every_unreadable_entry_and_never_waits(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "folder.toml").mkdir()
    (tmp_path / "broken.toml").write_text("format = 2\nnot toml")
    lines = format_history(list_sessions(tmp_path)).splitlines()
    assert len(lines) == 3
    assert any("unreadable: pipe.toml is a named pipe, not a session file." in line for line in lines)
    assert any("unreadable: folder.toml is a folder, not a session file." in line for line in lines)
    assert any("unreadable: broken.toml is not valid TOML at line 2" in line for line in lines)


def test_a_theme_folder_names_what_it_cannot_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    folder = load_theme_folder(tmp_path)
    assert [str(e) for e in folder.errors] == [f"{tmp_path / 'pipe.toml'}: is a named pipe, not a theme file."]


def test_messages_quote_a_short_excerpt_of_a_value() -> None:
    assert excerpt("short") == "short"
    assert excerpt("x" * 5_000_000) == "x" * 39 + "… (5,000,000 characters)"


def test_bank_validate_quotes_a_huge_id_briefly(tmp_path: Path) -> None:
    folder = write_question(tmp_path, code_question(question_id="a" * 500_000), folder="huge")
    result = run_mockloop("bank", "validate", str(folder))
    assert result.returncode == 2 and len(result.stderr) < 300, result.stderr[:300]
    assert "(500,000 characters)" in result.stderr and "ids are at most 64 characters" in result.stderr


def test_history_report_and_replay_do_not_hang_on_a_pipe(tmp_path: Path) -> None:
    home = tmp_path / "home"
    sessions = home / "data" / "sessions"
    sessions.mkdir(parents=True)
    os.mkfifo(sessions / "pipe.toml")
    history = run_mockloop("history", home=home, timeout=60)
    assert history.returncode == 0 and "unreadable: pipe.toml is a named pipe" in history.stdout
    for command in ("report", "replay"):
        result = run_mockloop(command, sessions / "pipe.toml", home=home, timeout=60)
        assert result.returncode == 2 and result.stderr.count("\n") == 1
        assert result.stderr.startswith(str(sessions / "pipe.toml")) and "named pipe" in result.stderr


@pytest.mark.parametrize("scale", ["1e308", "inf", "nan", "0", "-1", "1e-9"])
def test_the_time_scale_is_bounded(scale: str) -> None:
    result = run_mockloop("drill", "--time-scale", scale, "two-sum")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "the time scale must be between 0.01 and 3600" in result.stderr
    with pytest.raises(ValueError, match=r"between 0\.01 and 3600"):
        MonotonicClock(float(scale))
