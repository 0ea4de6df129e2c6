"""config.toml: read forgivingly, written atomically, never overwritten unless a setting changes."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from tui.core import config
from tui.core.config import Settings, load_config, save_setting


def test_no_file_means_the_defaults(tmp_path: Path) -> None:
    loaded = load_config(tmp_path / "config.toml")
    assert loaded.settings == Settings() and loaded.problem is None
    assert not (tmp_path / "config.toml").exists()


def test_the_file_lives_in_the_config_folder(_isolated_home: Path) -> None:
    assert config.config_path() == _isolated_home / "config" / "config.toml"


def test_a_saved_setting_is_read_back_and_other_keys_survive(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('future_setting = "kept"\n[editor]\ntab = 4\n', encoding="utf-8")
    assert save_setting("theme", "mistral-light", path) == Settings(theme="mistral-light")
    assert load_config(path).settings.theme == "mistral-light"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"future_setting": "kept", "editor": {"tab": 4}, "theme": "mistral-light"}
    assert path.read_text(encoding="utf-8").startswith("# mockloop settings")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]  # no temporary file left behind


def test_saving_creates_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "config.toml"
    save_setting("theme", "nord", path)
    assert load_config(path).settings.theme == "nord"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("theme = \n", "not valid TOML"),
        ("theme = 3\n", "`theme` must be a non-empty str"),
        ('theme = "  "\n', "`theme` must be a non-empty str"),
    ],
)
def test_a_broken_file_is_one_sentence_and_is_left_alone(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_config(path)
    assert loaded.settings == Settings()
    assert loaded.problem is not None and words in loaded.problem and str(path) in loaded.problem
    assert loaded.problem.endswith("using the default settings.") and "\n" not in loaded.problem
    assert path.read_text(encoding="utf-8") == text  # reading never writes


def test_not_utf8_and_too_large_are_problems_too(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "caf\xe9"\n')
    assert "UTF-8" in (load_config(path).problem or "")
    path.write_text("# " + "x" * config.MAX_CONFIG_BYTES + "\n", encoding="utf-8")
    assert "larger than" in (load_config(path).problem or "")


def test_changing_a_setting_in_a_broken_file_keeps_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("theme = [unclosed\n", encoding="utf-8")
    save_setting("theme", "high-contrast", path)
    assert load_config(path).settings.theme == "high-contrast" and load_config(path).problem is None
    assert (tmp_path / "config.toml.broken").read_text(encoding="utf-8") == "theme = [unclosed\n"


def test_only_known_settings_of_the_right_type_are_saved(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        save_setting("colour", "red", tmp_path / "config.toml")
    with pytest.raises(TypeError):
        save_setting("theme", 3, tmp_path / "config.toml")  # type: ignore[arg-type]  # a wrong type on purpose


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "config.toml"
    save_setting("theme", "nord", path)

    def boom(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        save_setting("theme", "dracula", path)
    assert load_config(path).settings.theme == "nord"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]
