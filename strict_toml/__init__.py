"""One strict TOML reader for every file mockloop reads: questions, loops, session files, themes, config.

``read_toml(path)`` never hangs and never crashes: it opens only regular files
(a FIFO, a folder or a device is refused before anything blocks on it), reads
at most ``max_bytes``, requires UTF-8, parses with ``tomllib`` (which executes
nothing), and refuses values nested deeper than ``max_depth`` (a 20,000-deep
file used to surface as a ~3,000-line ``RecursionError``). Every failure is a
``TomlFileError`` whose ``problem`` is one sentence a person can act on,
naming the line and column when the parser knows them; each caller wraps it
in its own error (``BankError``, ``SessionFileError``…) with the file's name.
``excerpt`` is how any message quotes a value from a file: briefly.

A package of its own (not a module of ``question_bank`` or ``tui.core``)
because the bank, the themes and the app all read TOML and none of them may
depend on the others for it (the import contracts in ``pyproject.toml``);
it imports nothing of mockloop's.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_MAX_DEPTH", "TomlFileError", "excerpt", "read_regular", "read_toml"]

#: Deeper than any file mockloop writes or ships (a session file reaches about 10).
DEFAULT_MAX_DEPTH = 32

_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_KIND = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


class TomlFileError(Exception):
    """A file that cannot be read as TOML; ``problem`` is one sentence without the file's name."""

    def __init__(self, path: Path, problem: str, *, missing: bool = False) -> None:
        self.path = path
        self.problem = problem
        self.missing = missing  # there is no such file (some callers take that as "use the defaults")
        super().__init__(f"{path}: {problem}")


def excerpt(value: object, limit: int = 40) -> str:
    """``value`` as a message quotes it: whole when short, else its start and its length."""
    text = str(value)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(text):,} characters)"


def read_regular(path: Path, max_bytes: int, what: str = "a file") -> bytes:
    """At most ``max_bytes`` of ``path`` if it is a regular file (never blocking on a pipe); ``TomlFileError``.

    Also what mockloop's own JSON caches are read with (``sessions/index.json``,
    the bank's cache): a named pipe put in their place must not hang anything.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise TomlFileError(path, "does not exist.", missing=True) from None
    except IsADirectoryError:
        raise TomlFileError(path, f"is a folder, not {what}.") from None
    except OSError as exc:
        raise TomlFileError(path, f"cannot be read ({exc.strerror or exc}).") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise TomlFileError(path, f"is a folder, not {what}.")
        if not stat.S_ISREG(mode):
            raise TomlFileError(path, f"is {_KIND.get(stat.S_IFMT(mode), 'not a regular file')}, not {what}.")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise TomlFileError(path, f"cannot be read ({exc.strerror or exc}).") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise TomlFileError(path, f"is larger than {max_bytes:,} bytes, too large to be {what}.")
    return data


def _too_deep(data: Any, limit: int) -> bool:
    """Whether tables and lists nest more than ``limit`` deep (iteratively: no recursion to run out of)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))
    return False


def _keys_too_deep(text: str, limit: int) -> bool:
    """Whether a dotted key or table header has more than ``limit`` parts, seen without parsing.

    tomllib takes quadratic time over one long dotted key (``a.a.a…`` 20,000
    parts: 5 s), so such a file is refused before it is parsed. Lines inside
    multi-line strings are skipped; a quoted key with dots in it only counts
    more parts than it has, which errs on the side of refusing an absurd file.
    """
    in_string: str | None = None
    for line in text.splitlines():
        if in_string is None:
            stripped = line.lstrip()
            if stripped and stripped[0] != "#":
                head = stripped.split("]", 1)[0] if stripped[0] == "[" else stripped.split("=", 1)[0]
                if head.count(".") >= limit:
                    return True
        for quote in ('"""', "'''"):
            if line.count(quote) % 2 and in_string in (None, quote):
                in_string = None if in_string == quote else quote
    return False


def read_toml(
    path: Path, *, max_bytes: int = 1024 * 1024, max_depth: int = DEFAULT_MAX_DEPTH, what: str = "a TOML file"
) -> dict[str, Any]:
    """The parsed table of ``path``, or ``TomlFileError`` (one sentence); ``what`` names the kind of file."""
    path = Path(path)
    data = read_regular(path, max_bytes, what)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TomlFileError(path, f"is not UTF-8 text (byte {exc.start + 1} is not valid).") from None
    if _keys_too_deep(text, max_depth):
        raise TomlFileError(path, f"is not {what}: its values are nested more than {max_depth} deep.")
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _WHERE.search(message)
        problem = _WHERE.sub("", message).strip().rstrip(".")
        problem = problem[:1].lower() + problem[1:]
        if where:
            raise TomlFileError(
                path, f"is not valid TOML at line {where.group(1)}, column {where.group(2)} ({problem})."
            ) from None
        raise TomlFileError(path, f"is not valid TOML ({problem}).") from None
    except RecursionError:
        raise TomlFileError(path, f"is not {what}: its values are nested too deeply.") from None
    if _too_deep(table, max_depth):
        raise TomlFileError(path, f"is not {what}: its values are nested more than {max_depth} deep.")
    return table
