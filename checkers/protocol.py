"""The JSON-lines protocol between the client and the server, and a bounded line reader.

Client → server (stdin), one JSON object per line::

    {"op": "run", "run": ID, "suite": {...}, "source": "...", "mode": "run"|"submit", "only": [...]|null}
    {"op": "cancel", "run": ID}
    {"op": "prepare", "suite": {...}}          warm the caches for a suite
    {"op": "shutdown"}

Server → client (stdout)::

    {"type": "ready", "pid": N}
    {"type": "event", "event": {...}}          a public event (checkers.events)
    {"type": "group", "run": ID, "pgid": N}    a test process group, so a
                                               client can kill it if the server dies
    {"type": "warning", "message": "..."}

Lines are bounded: ``LineReader`` drops an over-long line instead of
growing without limit, because the test process is on the other end of
one of these pipes and its output is not trusted to be well-formed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

__all__ = ["LineReader", "decode", "encode"]


def encode(message: dict[str, Any]) -> bytes:
    # ASCII escapes: any str (even lone surrogates) survives the trip.
    return (json.dumps(message, separators=(",", ":")) + "\n").encode("ascii")


def decode(line: bytes) -> dict[str, Any] | None:
    """One message, or None for anything that is not a JSON object."""
    try:
        data = json.loads(line.decode("utf-8", "replace"))
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


class LineReader:
    """Splits a byte stream into lines; a line longer than ``max_line`` is dropped whole."""

    def __init__(self, max_line: int) -> None:
        self.max_line = max_line
        self._buffer = bytearray()
        self._skipping = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        start = 0
        while True:
            end = data.find(b"\n", start)
            if end < 0:
                break
            chunk = data[start:end]
            start = end + 1
            if self._skipping:
                self._skipping = False
                self._buffer.clear()
                continue
            if self._buffer:
                self._buffer += chunk
                line = bytes(self._buffer)
                self._buffer.clear()
            else:
                line = chunk
            if len(line) <= self.max_line:
                yield line
        rest = data[start:]
        if not self._skipping:
            self._buffer += rest
            if len(self._buffer) > self.max_line:
                self._buffer.clear()
                self._skipping = True
