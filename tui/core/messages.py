"""Every sentence the interface shows, in English and French: one catalogue, ``messages.toml``.

Why a TOML catalogue rather than gettext: the two languages sit side by side
under one key, so a reviewer sees the French next to the English it
translates; there is nothing to compile (a fresh clone runs as it is, where
gettext needs ``.mo`` files built or committed next to their ``.po``); it is
read by the same strict TOML reader as every other file; and it follows the
pattern the feedback analyzers already use (``checkers/text/messages.py``,
which stays there because ``checkers`` may not import ``tui``). A test checks
that every entry has both languages with the same ``{fields}``, and another
that no screen, widget or command prints a literal sentence instead of a key.

Keys are dotted (``home.menu.drill``). An entry is a table with ``en`` and
``fr`` strings (``str.format`` templates). Counted entries have ``one`` and
``other`` sub-entries and are read with ``plural``: French puts 0 and 1 in the
singular, English only 1.

The *interface* language is process-wide (``set_language``), like gettext's
installed translation: the app sets it from the settings (or the system
locale), a command from ``--lang`` or the settings. The *question* language
(``Session.lang``, ctrl+t in a round) is separate: a new session starts in the
interface language, and toggling it changes the prompt, hints and feedback on
the answer, never the labels around them.

French typography follows the question bank's house style: a plain space
before ``:`` ``;`` ``?`` ``!``.

This module never imports Textual (it is part of ``tui.core``).
"""

from __future__ import annotations

import functools
import os
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from strict_toml import read_toml

Language = Literal["en", "fr"]
LANGUAGES: tuple[Language, ...] = ("en", "fr")
#: Each language in its own words (what the Settings screen lists).
LANGUAGE_NAMES: dict[Language, str] = {"en": "English", "fr": "Français"}

CATALOGUE_PATH = Path(__file__).with_name("messages.toml")

_current: list[Language] = ["en"]


class UnknownMessage(KeyError):
    """A key the catalogue does not have (a bug: the parity tests catch it before a user does)."""


def system_language(environ: Mapping[str, str] | None = None) -> Language:
    """French when the locale says so (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``, as POSIX reads them)."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "").strip()
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def as_language(value: str | None) -> Language | None:
    """``value`` when it is a language this version speaks, else ``None``."""
    return value if value in LANGUAGES else None


def set_language(lang: Language) -> None:
    """Make ``lang`` the interface language of this process."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current[0] = lang


def language() -> Language:
    """The interface language of this process."""
    return _current[0]


@functools.cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every entry, flattened to dotted keys: ``{"home.menu.drill": {"en": ..., "fr": ...}}``."""
    entries: dict[str, dict[str, str]] = {}

    def walk(prefix: str, table: Mapping[str, Any]) -> None:
        if table and set(table) <= set(LANGUAGES) and all(isinstance(v, str) for v in table.values()):
            entries[prefix] = {lang: table.get(lang, "") for lang in LANGUAGES}  # an entry (parity: tested)
            return
        for key, value in table.items():
            where = f"{prefix}.{key}" if prefix else key
            if not isinstance(value, Mapping):
                raise ValueError(f"{CATALOGUE_PATH}: {where} is neither an entry (en, fr) nor a group of entries")
            walk(where, value)

    walk("", read_toml(CATALOGUE_PATH, what="the message catalogue"))
    return entries


def has(key: str) -> bool:
    return key in catalogue()


def t(key: str, /, lang: Language | None = None, **fields: object) -> str:
    """The entry ``key`` in ``lang`` (default: the interface language), its ``{fields}`` filled in."""
    try:
        template = catalogue()[key][lang or language()]
    except KeyError:
        raise UnknownMessage(key) from None
    return template.format(**fields) if fields else template


def plural(key: str, count: int, /, lang: Language | None = None, **fields: object) -> str:
    """The counted entry ``key`` for ``count`` (``{count}`` is filled in too)."""
    lang = lang or language()
    one = count in (0, 1) if lang == "fr" else count == 1
    return t(f"{key}.{'one' if one else 'other'}", lang, count=count, **fields)


def fields_of(template: str) -> set[str]:
    """The ``{fields}`` a template uses (for the parity test)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def number(value: float, digits: int = 1, lang: Language | None = None) -> str:
    """``value`` with ``digits`` decimals, with the decimal sign of ``lang`` (``1.5`` / ``1,5``)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if (lang or language()) == "fr" else text
