"""Data and settings folders: MOCKLOOP_HOME wins, and nothing is created before it is needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core import locations


def test_mockloop_home_overrides_and_dirs_are_lazy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("MOCKLOOP_HOME", str(home))
    assert not home.exists()
    assert locations.data_dir() == home / "data" and (home / "data").is_dir()
    assert locations.config_dir() == home / "config" and (home / "config").is_dir()
    assert locations.sessions_dir() == home / "data" / "sessions"


def test_platform_dirs_without_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOCKLOOP_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    assert locations.data_dir() == tmp_path / "xdg-data" / "mockloop"
    assert locations.config_dir() == tmp_path / "xdg-config" / "mockloop"
