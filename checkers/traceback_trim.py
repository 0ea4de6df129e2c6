"""Tracebacks a candidate can read: only their own frames, bounded in size and time.

A failing test's raw traceback runs through pytest, pluggy and the suite
before it reaches the answer; the candidate only needs the lines of
``solution.py``. And an answer that recurses a million frames deep produces
a million-entry traceback: pytest's own formatting of it (and its recursion
detection, which compares frame locals) takes seconds to minutes. So the
plugin first *cuts* every long traceback in place (``cut_traceback``: the
``tb_next`` links are writable), keeping the head and the tail, and only then
lets anything format it.
"""

from __future__ import annotations

import linecache
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType

__all__ = [
    "Frame",
    "answer_frames",
    "cut_traceback",
    "exception_chain",
    "format_exception_only",
    "format_frames",
    "frames_of",
]

#: Frames kept at each end of a long traceback.
KEEP_HEAD = 60
KEEP_TAIL = 40
#: Longest exception message kept (a huge ``str(exc)`` must not flood the report).
MAX_MESSAGE = 2000


@dataclass(frozen=True, slots=True)
class Frame:
    filename: str
    lineno: int
    name: str
    line: str  # the source line, stripped ("" when unknown)
    repeat: int = 1  # how many identical consecutive frames this one stands for


def exception_chain(exc: BaseException, limit: int = 5) -> Iterator[BaseException]:
    """``exc`` then its causes/contexts, at most ``limit``, never looping."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(seen) < limit:
        seen.add(id(current))
        yield current
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)


def cut_traceback(exc: BaseException, *, head: int = KEEP_HEAD, tail: int = KEEP_TAIL) -> dict[int, int]:
    """Shorten the tracebacks of ``exc`` and its chain in place.

    Returns ``{id(traceback node before a cut): frames removed there}`` so the
    formatter can say how many frames it is not showing. One pass over each
    chain (a million ``tb_next`` hops take a fraction of a second); the
    dropped middle is then freed by reference counting.
    """
    cuts: dict[int, int] = {}
    for item in exception_chain(exc):
        tb = item.__traceback__
        if tb is None:
            continue
        first: list[TracebackType] = []
        ring: deque[TracebackType] = deque(maxlen=tail)
        count = 0
        node: TracebackType | None = tb
        while node is not None:
            if count < head:
                first.append(node)
            else:
                ring.append(node)
            count += 1
            node = node.tb_next
        if count > head + tail:
            first[-1].tb_next = ring[0]
            cuts[id(first[-1])] = count - head - tail
    return cuts


_CUT = "<frames not shown>"


def frames_of(tb: TracebackType | None, cuts: dict[int, int] | None = None) -> list[Frame]:
    """The frames of a traceback, outermost first, with a marker where it was cut."""
    frames: list[Frame] = []
    while tb is not None:
        code = tb.tb_frame.f_code
        lineno = tb.tb_lineno or 0
        line = linecache.getline(code.co_filename, lineno).strip() if lineno else ""
        frames.append(Frame(code.co_filename, lineno, code.co_name, line))
        if cuts and id(tb) in cuts:
            frames.append(Frame("", 0, _CUT, "", cuts[id(tb)]))
        tb = tb.tb_next
    return frames


def _same(a: Frame, b: Frame) -> bool:
    return (a.filename, a.lineno, a.name) == (b.filename, b.lineno, b.name)


def _compress(frames: list[Frame]) -> list[Frame]:
    """Fold runs of the same frame (recursion) into one frame with a repeat count.

    A cut between two identical frames is folded into the count too: that
    is what a deep recursion looks like once cut.
    """
    out: list[Frame] = []
    for i, frame in enumerate(frames):
        last = out[-1] if out else None
        if frame.name == _CUT and not frame.filename:
            following = frames[i + 1] if i + 1 < len(frames) else None
            if last is not None and following is not None and _same(last, following):
                out[-1] = Frame(last.filename, last.lineno, last.name, last.line, last.repeat + frame.repeat)
            else:
                out.append(frame)
        elif last is not None and _same(last, frame):
            out[-1] = Frame(last.filename, last.lineno, last.name, last.line, last.repeat + 1)
        else:
            out.append(frame)
    return out


def answer_frames(
    exc: BaseException, answer_file: str, *, cuts: dict[int, int] | None = None, limit: int = 8
) -> list[Frame]:
    """The frames of ``answer_file`` in ``exc``'s traceback, recursion folded, innermost last."""
    frames = [
        f
        for f in frames_of(exc.__traceback__, cuts)
        if f.filename == answer_file or (f.name == _CUT and not f.filename)
    ]
    frames = _compress(frames)
    while frames and frames[0].name == _CUT and not frames[0].filename:
        del frames[0]
    if len(frames) > limit:
        frames = frames[: limit // 2] + frames[-(limit - limit // 2) :]
    return frames


def format_exception_only(exc: BaseException) -> str:
    """``ZeroDivisionError: division by zero``, bounded in length."""
    name = type(exc).__qualname__
    module = type(exc).__module__
    if module not in ("builtins", "__main__", "solution"):
        name = f"{module}.{name}"
    try:
        text = str(exc)
    except Exception:  # noqa: BLE001 - a broken __str__ in the answer's exception class
        text = "<unprintable exception>"
    if len(text) > MAX_MESSAGE:
        text = text[:MAX_MESSAGE] + f"… ({len(text) - MAX_MESSAGE} more characters)"
    if isinstance(exc, SyntaxError) and exc.lineno:
        return f"{name}: {exc.msg} (line {exc.lineno})"
    return f"{name}: {text}" if text else name


def format_frames(frames: list[Frame], *, display_name: str = "solution.py") -> str:
    """A short traceback of the answer's frames, e.g.::

    solution.py, line 4, in safe_divide
        return a / b
    """
    lines: list[str] = []
    for frame in frames:
        if frame.name == _CUT and not frame.filename:
            lines.append(f"  [{frame.repeat:,} frames not shown]")
            continue
        lines.append(f"{display_name}, line {frame.lineno}, in {frame.name}")
        if frame.line:
            lines.append(f"    {frame.line}")
        if frame.repeat > 1:
            lines.append(f"  [the line above repeated {frame.repeat - 1:,} more times]")
    return "\n".join(lines)
