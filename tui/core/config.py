"""The user's settings: ``config.toml`` in the config folder (``MOCKLOOP_HOME/config`` or the platform's).

::

    # mockloop settings (written by the app; edit by hand if you like)
    theme = "mistral"
    language = "fr"     # the interface's: "en" or "fr" (default: the system locale)

Reading is forgiving, writing is careful:

- a missing file means the defaults;
- a broken file (not TOML, a setting of the wrong type) is reported as one
  sentence (``LoadedConfig.problem``, shown once by the app) and ignored:
  the defaults are used and the file is left alone;
- keys this version does not know are kept, so a newer version's settings
  survive a round trip through an older one;
- ``save_setting`` is the only writer, and only a setting the user changed
  calls it. It writes atomically (``tui.core.atomic``: temporary file in the
  same folder, flush, fsync, ``os.replace``); if the file was broken, its text
  is first kept beside it as ``config.toml.broken``, so a hand edit gone wrong
  is never lost.

This module never imports Textual (it is part of ``tui.core``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from strict_toml import TomlFileError, excerpt, read_regular, read_toml
from tui.core import locations
from tui.core.atomic import write_atomically as write_atomically  # re-exported: tests replace it here
from tui.core.messages import LANGUAGES, Language, as_language, system_language, t

CONFIG_NAME = "config.toml"
MAX_CONFIG_BYTES = 256 * 1024
HEADER = "# mockloop settings (written by the app; edit by hand if you like)\n"

#: Every setting this version understands, with its type.
SETTING_TYPES: dict[str, type] = {"theme": str, "language": str}
#: Settings whose value must be one of a few words.
SETTING_CHOICES: dict[str, tuple[str, ...]] = {"language": LANGUAGES}


@dataclass(frozen=True, slots=True)
class Settings:
    """The settings the app uses; ``None`` means "not set, use the default"."""

    theme: str | None = None
    language: str | None = None  # "en" or "fr"; None: the system locale decides (``interface_language``)


def interface_language(settings: Settings, environ: Mapping[str, str] | None = None) -> Language:
    """The language the interface speaks: the setting when there is one, else the system locale's."""
    return as_language(settings.language) or system_language(environ)


@dataclass(frozen=True, slots=True)
class LoadedConfig:
    settings: Settings
    path: Path
    problem: str | None = None  # one sentence when the file could not be used


def config_path() -> Path:
    return locations.config_dir() / CONFIG_NAME


def _read_raw(path: Path) -> dict[str, Any]:
    """The file's table (``{}`` when there is none); ``ValueError`` with one sentence when it cannot be used.

    ``strict_toml`` reads it, as every file: regular files only, bounded size and nesting.
    """
    try:
        return read_toml(path, max_bytes=MAX_CONFIG_BYTES, what="a settings file")
    except TomlFileError as exc:
        if exc.missing:
            return {}
        raise ValueError(t("config.unusable", path=path, problem=exc.problem.rstrip("."))) from None


def _settings(raw: Mapping[str, Any], path: Path) -> Settings:
    values: dict[str, Any] = {}
    for key, kind in SETTING_TYPES.items():
        if key not in raw:
            continue
        value = raw[key]
        if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
            raise ValueError(t("config.wrong_type", path=path, key=key, kind=kind.__name__, value=excerpt(repr(value))))
        value = value.strip() if isinstance(value, str) else value
        choices = SETTING_CHOICES.get(key)
        if choices is not None and value not in choices:
            raise ValueError(
                t(
                    "config.wrong_choice",
                    path=path,
                    key=key,
                    choices=", ".join(map(repr, choices)),
                    value=excerpt(repr(value)),
                )
            )
        values[key] = value
    return Settings(**values)


def load_config(path: Path | None = None) -> LoadedConfig:
    """The user's settings; never raises for a bad file (see ``LoadedConfig.problem``)."""
    path = path or config_path()
    try:
        return LoadedConfig(_settings(_read_raw(path), path), path)
    except ValueError as exc:
        return LoadedConfig(Settings(), path, problem=str(exc))


def save_setting(key: str, value: str, path: Path | None = None) -> Settings:
    """Set one setting the user changed, keeping the others; returns the settings now in the file."""
    if key not in SETTING_TYPES:
        raise KeyError(f"unknown setting {key!r}")
    if not isinstance(value, SETTING_TYPES[key]):
        raise TypeError(f"setting {key!r} must be a {SETTING_TYPES[key].__name__}")
    if key in SETTING_CHOICES and value not in SETTING_CHOICES[key]:
        raise ValueError(f"setting {key!r} must be one of {SETTING_CHOICES[key]}")
    path = path or config_path()
    try:
        raw = _read_raw(path)
        _settings(raw, path)
    except ValueError:
        raw = {}
        _keep_broken_copy(path)
    raw[key] = value
    write_atomically(path, (HEADER + tomli_w.dumps(raw)).encode("utf-8"))
    return _settings(raw, path)


def _keep_broken_copy(path: Path) -> None:
    try:
        data = read_regular(path, MAX_CONFIG_BYTES, "a settings file")
    except TomlFileError:
        return  # missing, not a regular file, too large: nothing worth keeping
    write_atomically(path.with_name(path.name + ".broken"), data)
