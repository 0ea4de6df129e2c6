"""Theme files: read, validate strictly, and turn into Textual themes.

A theme file is TOML (the format is documented in ``themes/README.md``)::

    name = "mistral"
    dark = true
    [colors]      Textual's theme colours: primary (required), secondary, accent…
    [variables]   the app's status-*/timer-* colours and any Textual variable
    [syntax]      code colours: keyword, string, comment…
    [editor]      the editor's background, gutter, cursor line…

Validation is strict, so a typo never turns silently into a default colour:
an unknown key, a missing required key, a value of the wrong type or a colour
that ``textual.color.Color.parse`` rejects is a ``ThemeFileError`` whose
message is one sentence naming the file and the key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.design import ColorSystem
from textual.theme import Theme

from strict_toml import TomlFileError, excerpt, read_toml
from themes.variables import EDITOR_KEYS, STATUS_VARIABLES, SYNTAX_KEYS, TIMER_VARIABLES

#: The folder of the theme files shipped with mockloop.
SHIPPED_DIR = Path(__file__).parent / "files"
#: The theme the app uses when nothing else is chosen.
DEFAULT_THEME = "mistral"

COLOR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "success",
    "warning",
    "error",
    "boost",
)
TOP_KEYS = ("name", "dark", "description", "description_fr", "colors", "variables", "syntax", "editor")
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
#: Words a Textual ``*-style`` variable may hold (``link-style = "bold underline"``).
STYLE_WORDS = frozenset(
    [
        "none",
        "not",
        "bold",
        "b",
        "dim",
        "d",
        "italic",
        "i",
        "underline",
        "u",
        "underline2",
        "uu",
        "strike",
        "s",
        "reverse",
        "r",
        "blink",
        "overline",
        "o",
    ]
)


class ThemeFileError(ValueError):
    """A theme file that cannot be used; the message is one sentence naming the file and the key."""

    def __init__(self, path: Path | str, problem: str, key: str | None = None) -> None:
        self.path = Path(path)
        self.key = key
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def short(self) -> str:
        """The message with the file's name only (for a notification that names the folder once)."""
        return f"{self.path.name}: {self.problem}"


@cache
def textual_variable_names() -> frozenset[str]:
    """The variables Textual derives from a theme; a theme's [variables] may override any of them."""
    return frozenset(ColorSystem(primary="#000000").generate())


@dataclass(frozen=True)
class ThemeSpec:
    """A validated theme file: plain data, and the Textual ``Theme`` it makes."""

    name: str
    dark: bool
    colors: Mapping[str, str]
    variables: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    description_fr: str = ""  # shown when the interface speaks French (else ``description``)
    source: Path | None = None

    def described(self, lang: str) -> str:
        """The one-line description in ``lang`` ("en" or "fr"), falling back to the English one."""
        return (self.description_fr if lang == "fr" else "") or self.description

    def to_theme(self) -> Theme:
        c = self.colors.get
        return Theme(
            name=self.name,
            dark=self.dark,
            variables=dict(self.variables),
            primary=self.colors["primary"],
            secondary=c("secondary"),
            accent=c("accent"),
            foreground=c("foreground"),
            background=c("background"),
            surface=c("surface"),
            panel=c("panel"),
            success=c("success"),
            warning=c("warning"),
            error=c("error"),
            boost=c("boost"),
        )


# -- validation -------------------------------------------------------------------


#: The largest theme file read (a full theme is ~2 KB).
MAX_THEME_BYTES = 256 * 1024


def _q(value: object) -> str:
    """A value from the file as a message quotes it: briefly (a 60 MB value is not printed whole)."""
    return excerpt(repr(value))


def _fail(path: Path, problem: str, key: str | None = None) -> ThemeFileError:
    return ThemeFileError(path, problem, key)


def _known(keys: Iterable[str], limit: int = 12) -> str:
    keys = sorted(keys)
    shown = ", ".join(keys[:limit])
    return shown + (", …" if len(keys) > limit else "")


def _check_colour(path: Path, key: str, value: object) -> str:
    if not isinstance(value, str):
        raise _fail(path, f'`{key}` must be a colour in quotes, like "#FA500F", not {_q(value)}.', key)
    try:
        Color.parse(value)
    except ColorParseError:
        raise _fail(path, f'`{key}` = {_q(value)} is not a colour; use a hex value like "#FA500F".', key) from None
    return value


def _check_textual_value(path: Path, key: str, name: str, value: object) -> str:
    """A Textual variable: a colour, ``COLOUR N%``, ``auto N%``, or style words for a ``*-style`` one."""
    if not isinstance(value, str):
        raise _fail(path, f"`{key}` must be a string, not {_q(value)}.", key)
    if name.endswith("style"):
        words = value.split()
        if not words or any(word not in STYLE_WORDS for word in words):
            raise _fail(
                path,
                f'`{key}` = {_q(value)} is not a text style; use words like "bold underline" or "none".',
                key,
            )
        return value
    head, _, tail = value.strip().rpartition(" ")
    colour = value.strip()
    if head and re.fullmatch(r"\d{1,3}(\.\d+)?%", tail):
        colour = head.strip()
    if colour in ("auto", "transparent", "initial"):
        return value
    try:
        Color.parse(colour)
    except ColorParseError:
        raise _fail(
            path,
            f'`{key}` = {_q(value)} is not a colour; use a hex value like "#FA500F" (optionally with " 50%").',
            key,
        ) from None
    return value


def _table(path: Path, data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise _fail(path, f"`{name}` must be a table ([{name}]), not {_q(value)}.", name)
    return value


def parse_theme(data: Mapping[str, Any], path: Path | str = "<theme>") -> ThemeSpec:
    """Validate the parsed TOML of a theme file; raises ``ThemeFileError``."""
    path = Path(path)
    for key in data:
        if key not in TOP_KEYS:
            raise _fail(path, f"unknown key `{key}` (a theme file has {_known(TOP_KEYS)}).", key)
    name = data.get("name")
    if name is None:
        raise _fail(path, '`name` is missing; add a line like name = "my-theme".', "name")
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        raise _fail(
            path,
            f'`name` = {name!r} must be lowercase letters, digits and hyphens (at most 40), like "my-theme".',
            "name",
        )
    dark = data.get("dark")
    if not isinstance(dark, bool):
        problem = "is missing" if dark is None else f"= {dark!r} must be true or false"
        raise _fail(path, f"`dark` {problem}; write dark = true for a dark background, false for a light one.", "dark")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise _fail(path, f"`description` must be a string, not {description!r}.", "description")
    description_fr = data.get("description_fr", "")
    if not isinstance(description_fr, str):
        raise _fail(path, f"`description_fr` must be a string, not {description_fr!r}.", "description_fr")

    colors_table = _table(path, data, "colors")
    colors: dict[str, str] = {}
    for key, value in colors_table.items():
        if key not in COLOR_KEYS:
            raise _fail(path, f"unknown key `colors.{key}` (known: {_known(COLOR_KEYS)}).", f"colors.{key}")
        colors[key] = _check_colour(path, f"colors.{key}", value)
    if "primary" not in colors:
        raise _fail(path, "`colors.primary` is missing; every theme needs a primary colour.", "colors.primary")

    variables: dict[str, str] = {}
    app_variables = set(STATUS_VARIABLES) | set(TIMER_VARIABLES)
    textual_names = textual_variable_names()
    for key, value in _table(path, data, "variables").items():
        full = f"variables.{key}"
        if key in app_variables:
            variables[key] = _check_colour(path, full, value)
        elif key in textual_names:
            variables[key] = _check_textual_value(path, full, key, value)
        elif key.startswith(("syntax-", "editor-")):
            table = key.split("-", 1)[0]
            raise _fail(path, f"unknown key `{full}`: code colours go in the [{table}] table.", full)
        else:
            raise _fail(
                path,
                f"unknown key `{full}` (the app's are {_known(app_variables, 20)}; "
                "Textual's are listed in themes/README.md).",
                full,
            )
    for table, keys in (("syntax", SYNTAX_KEYS), ("editor", EDITOR_KEYS)):
        for key, value in _table(path, data, table).items():
            if key not in keys:
                raise _fail(path, f"unknown key `{table}.{key}` (known: {_known(keys, 20)}).", f"{table}.{key}")
            variables[f"{table}-{key}"] = _check_colour(path, f"{table}.{key}", value)
    return ThemeSpec(
        name=name,
        dark=dark,
        colors=colors,
        variables=variables,
        description=description,
        description_fr=description_fr,
        source=path,
    )


def load_theme_file(path: Path) -> ThemeSpec:
    """Read and validate one theme file; raises ``ThemeFileError``."""
    try:  # regular files only, bounded size and nesting: a broken theme is a sentence, never a hang or a crash
        data = read_toml(path, max_bytes=MAX_THEME_BYTES, what="a theme file")
    except TomlFileError as exc:
        raise _fail(path, exc.problem) from None
    return parse_theme(data, path)


@dataclass
class ThemeFolder:
    """What loading a folder of theme files gave: the good themes and one error per bad file."""

    themes: list[ThemeSpec] = field(default_factory=list)
    errors: list[ThemeFileError] = field(default_factory=list)


def load_theme_folder(folder: Path) -> ThemeFolder:
    """Every ``*.toml`` in ``folder`` (sorted by file name); a bad file is an error, never an exception.

    A missing folder is simply empty. Two files with the same ``name``: the first wins, the second is an error.
    """
    result = ThemeFolder()
    try:
        paths = sorted(folder.glob("*.toml"))  # not only regular files: a folder or a pipe is named, not skipped
    except OSError:
        return result
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            spec = load_theme_file(path)
        except ThemeFileError as exc:
            result.errors.append(exc)
            continue
        if spec.name in seen:
            result.errors.append(
                _fail(
                    path,
                    f"`name` = {spec.name!r} is already used by {seen[spec.name].name}; rename one of them.",
                    "name",
                )
            )
            continue
        seen[spec.name] = path
        result.themes.append(spec)
    return result


@cache
def shipped_themes() -> tuple[ThemeSpec, ...]:
    """The themes shipped with mockloop (``mistral`` first); a broken shipped file is a bug, so it raises."""
    folder = load_theme_folder(SHIPPED_DIR)
    if folder.errors:
        raise folder.errors[0]
    return tuple(sorted(folder.themes, key=lambda s: (s.name != DEFAULT_THEME, s.name)))
