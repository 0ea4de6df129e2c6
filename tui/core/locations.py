"""Where mockloop keeps its data and settings.

One module decides every path, so the rest of the code never guesses. Folders
are created lazily, the first time someone asks for them: importing this module
(or running ``mockloop --help``) never touches the disk.

``MOCKLOOP_HOME`` overrides everything (tests and scripts point it at a
temporary folder); otherwise the platform's conventional folders are used via
platformdirs.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "mockloop"
HOME_VARIABLE = "MOCKLOOP_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_VARIABLE, "").strip()
    return Path(value).expanduser() if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir(*, create: bool = True) -> Path:
    """Sessions and other user data (created on first use, unless ``create`` is False)."""
    home = _home_override()
    if home is not None:
        path = home / "data"
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    return _ensure(path) if create else path


def config_dir() -> Path:
    """Settings and user themes (created on first use)."""
    home = _home_override()
    if home is not None:
        return _ensure(home / "config")
    from platformdirs import user_config_path

    return _ensure(user_config_path(APP_NAME, appauthor=False))


def sessions_dir(*, create: bool = True) -> Path:
    """Saved interview sessions, one TOML file each (created on first use, unless ``create`` is False).

    Writers name files with ``create=False``: the save makes the folder, so a
    folder that cannot be made (a file in its place, no permission) is a
    failed save said in one sentence, not a crash when the interview starts.
    """
    path = data_dir(create=create) / "sessions"
    return _ensure(path) if create else path


def schedule_file() -> Path:
    """The practice schedule (``tui.core.practice``); its folder is made when it is first saved."""
    return data_dir(create=False) / "schedule.json"


def themes_dir() -> Path:
    """The user's theme files (``*.toml``). Not created: an absent folder simply holds no themes."""
    return config_dir() / "themes"
