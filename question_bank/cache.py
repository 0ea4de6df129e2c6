"""A cache of parsed TOML, so loading the bank costs JSON parsing, not TOML parsing.

Python's ``tomllib`` is pure Python: the shipped bank's 240 KB of TOML take
about 30 ms to parse, most of the load. The cache keeps each file's parsed
data as JSON (parsed in C) keyed by the file's path, size and modification
time, so an edited file is always re-read. It holds plain data only, never
objects, and validation still runs on every load: a stale or tampered cache
can at worst cost a re-parse, never admit an invalid question.

The cache lives under ``$MOCKLOOP_HOME/cache`` or the platform's user cache
folder. Any problem reading or writing it is ignored: it is an optimisation.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from strict_toml import TomlFileError, read_regular

FORMAT = 1
#: The largest cache read (the shipped bank's is ~300 KB).
MAX_CACHE_BYTES = 32 * 1024 * 1024


def default_cache_file() -> Path:
    home = os.environ.get("MOCKLOOP_HOME")
    if home:
        return Path(home) / "cache" / "bank.json"
    import platformdirs

    return Path(platformdirs.user_cache_dir("mockloop")) / "bank.json"


class ParsedTomlCache:
    """Parsed TOML files keyed by path, valid while the file's size and mtime match."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.entries: dict[str, dict[str, Any]] = {}
        self.dirty = False
        try:
            document = json.loads(read_regular(file, MAX_CACHE_BYTES, "a cache file"))
            if document.get("format") == FORMAT and isinstance(document.get("files"), dict):
                self.entries = document["files"]
        except (TomlFileError, ValueError, AttributeError, RecursionError):
            pass

    @staticmethod
    def _stamp(path: Path) -> list[int] | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        return [stat.st_size, stat.st_mtime_ns]

    def get(self, path: Path) -> dict[str, Any] | None:
        entry = self.entries.get(str(path))
        if entry is None or entry.get("stamp") != self._stamp(path):
            return None
        data = entry.get("data")
        return data if isinstance(data, dict) else None

    def put(self, path: Path, data: dict[str, Any]) -> None:
        stamp = self._stamp(path)
        try:
            json.dumps(data)
        except (TypeError, ValueError):  # TOML dates and times have no JSON form: not cached
            return
        if stamp is not None:
            self.entries[str(path)] = {"stamp": stamp, "data": data}
            self.dirty = True

    def save(self) -> None:
        """Write the cache atomically if it changed; failures are silently skipped."""
        if not self.dirty:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self.file.parent, prefix=".bank-", suffix=".tmp", delete=False
            ) as handle:
                json.dump({"format": FORMAT, "files": self.entries}, handle, ensure_ascii=False)
            os.replace(handle.name, self.file)
            self.dirty = False
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(handle.name)
