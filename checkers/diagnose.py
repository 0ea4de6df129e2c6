"""From "a test raised X" to a status and a message a candidate can act on.

``diagnose`` classifies an exception (wrong answer, the answer raised, time
out, memory, output cap) and collects the evidence: the suite's statement
that failed, expected and actual values, the answer's own frames.
``compose_result`` then applies the visibility rule — visible tests show the
evidence in ``message``; hidden tests show only their name and what they
probe, and keep the evidence in ``detail`` for the report after the round.

Pure functions over exceptions and strings; no pytest import, so the server
(which reports crashes) and the tests use them directly.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass, replace

from checkers.bounded import cap
from checkers.events import Result, Status, TestInfo
from checkers.suite_source import dedent, expected_exception_at, statement_at
from checkers.traceback_trim import (
    Frame,
    answer_frames,
    exception_chain,
    format_exception_only,
    format_frames,
    frames_of,
)

__all__ = [
    "AnswerInterrupt",
    "Diagnosis",
    "compose_result",
    "crash_frames",
    "diagnose",
    "first_lines",
    "statement_at",
]

#: Lines of an assertion explanation or diff kept in a message, and characters of each.
EXPLANATION_LINES = 40
EXPLANATION_LINE_CHARS = 400
#: The most any text field of a result carries (the server reads results line by line, with a cap).
FIELD_CHARS = 32_000
#: Lines / characters of printed output quoted in a visible test's message.
OUTPUT_LINES = 5
OUTPUT_CHARS = 600
#: … and in ``detail`` / ``output``.
DETAIL_OUTPUT_CHARS = 8000

#: pytest-timeout's failure message starts with this.
_TIMEOUT_PREFIX = "Timeout (>"


class AnswerInterrupt(Exception):
    """Stands for a ``KeyboardInterrupt`` the answer raised, so pytest keeps going.

    pytest treats ``KeyboardInterrupt`` as "the user pressed Ctrl-C" and
    stops the whole session; raised by the answer, it is just an exception.
    The original is the ``__cause__``.
    """


@dataclass(frozen=True, slots=True)
class Diagnosis:
    status: Status
    summary: str  # one line: "ZeroDivisionError: division by zero", "assert None == 0"
    statement: str = ""  # the suite's statement that failed or called the answer
    expected: str | None = None
    actual: str | None = None
    explanation: str = ""  # assertion explanation / diff lines
    traceback: str = ""  # the answer's frames, formatted
    line: int | None = None  # innermost line of the answer


def _root(exc: BaseException) -> BaseException:
    if isinstance(exc, AnswerInterrupt) and exc.__cause__ is not None:
        return exc.__cause__
    return exc


def _is_timeout_failure(exc: BaseException) -> bool:
    return type(exc).__name__ == "Failed" and str(exc).startswith(_TIMEOUT_PREFIX)


def _is_timeout(exc: BaseException) -> bool:
    """pytest-timeout fired during the test: its ``Failed`` is the exception, or anywhere beneath it.

    A limit that runs out inside a library that catches and re-raises ends as
    that library's error: Hypothesis replays the example, which now passes,
    and raises ``FlakyFailure`` (an exception group holding the timeout) or
    ``FlakyStrategyDefinition`` (raised while handling it). The cause is still
    the time limit, so the status is ``timeout``, the same on every run.
    """
    pending: list[BaseException] = [exc]
    seen: set[int] = set()
    while pending and len(seen) < 100:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if _is_timeout_failure(current):
            return True
        pending += [e for e in (current.__cause__, current.__context__) if e is not None]
        if isinstance(current, BaseExceptionGroup):
            pending += list(current.exceptions)
    return False


def _is_outcome(exc: BaseException) -> bool:
    """pytest's own ``Failed`` (``pytest.fail``, ``pytest.raises`` that did not raise).

    pytest gives its outcome exceptions ``__module__ = "builtins"`` so they
    print nicely; no real builtin is called ``Failed``.
    """
    kind = type(exc)
    return kind.__name__ == "Failed" and kind.__module__ in ("builtins", "_pytest.outcomes")


def classify(exc: BaseException, *, answer_file: str) -> Status:
    if _is_timeout(exc):
        return Status.TIMEOUT
    chain = list(exception_chain(exc))
    if any(isinstance(e, MemoryError) for e in chain):
        return Status.MEMORY
    if any(isinstance(e, OSError) and e.errno == errno.EFBIG for e in chain):
        return Status.OUTPUT_LIMIT
    if _is_outcome(exc):
        return Status.FAILED
    if isinstance(exc, AssertionError):
        frames = frames_of(exc.__traceback__)
        raised_by_answer = bool(frames) and frames[-1].filename == answer_file
        return Status.ERROR if raised_by_answer else Status.FAILED
    return Status.ERROR


def _suite_frame(exc: BaseException, tests_file: str) -> Frame | None:
    """The innermost frame of the suite file: where the failing call or assert is."""
    found = None
    for frame in frames_of(exc.__traceback__):
        if frame.filename == tests_file:
            found = frame
    return found


def _explanation(exc: BaseException, skip_first: bool) -> str:
    try:
        text = str(exc)
    except Exception:  # noqa: BLE001 - a broken __str__ in the answer's exception class
        return ""
    rows = text.splitlines()
    if skip_first and rows:
        rows = rows[1:]
    while rows and not rows[0].strip():
        rows.pop(0)
    # pytest's hints are for its own command line, which a candidate does not have.
    rows = [cap(row, EXPLANATION_LINE_CHARS) for row in rows if "use '-vv'" not in row and "use -vv" not in row]
    if len(rows) > EXPLANATION_LINES:
        rows = [*rows[:EXPLANATION_LINES], f"… ({len(rows) - EXPLANATION_LINES} more lines)"]
    text = dedent("\n".join(rows)).rstrip()
    # Notes added to the exception: a generated test's shrunk counterexample (Hypothesis: "Failing test case: …").
    notes = [cap(str(note), EXPLANATION_LINE_CHARS * 4) for note in getattr(exc, "__notes__", None) or ()]
    return "\n".join(part for part in (text, *notes) if part)


def diagnose(
    exc: BaseException,
    *,
    answer_file: str,
    tests_file: str,
    cuts: dict[int, int] | None = None,
    compare: tuple[str, str, str] | None = None,
    timeout: float | None = None,
    full_timeout: float | None = None,
    memory_limit: int | None = None,
    output_limit: int | None = None,
) -> Diagnosis:
    """Classify ``exc`` raised by a test and gather what a person needs to fix it.

    ``compare`` is ``(op, left repr, right repr)`` of the assertion's failing
    comparison, as spied from pytest's assertion rewriting; by the suites'
    convention (``assert actual == expected``) left is actual, right expected.
    ``full_timeout`` is the test's own limit when the run's budget gave it a
    shorter ``timeout`` (``checkers.budget``).
    """
    status = classify(exc, answer_file=answer_file)
    root = _root(exc)
    frames = answer_frames(root, answer_file, cuts=cuts)
    line = next((f.lineno for f in reversed(frames) if f.filename), None)
    suite_frame = _suite_frame(root, tests_file)
    statement = statement_at(tests_file, suite_frame.lineno) if suite_frame else ""
    traceback = format_frames(frames)
    expected_exception = expected_exception_at(tests_file, suite_frame.lineno) if suite_frame else None
    unfinished = isinstance(root, NotImplementedError)  # the starter as given says nothing about the mistakes
    if status is Status.ERROR and expected_exception is not None and not unfinished:
        # Raised inside `with pytest.raises(X):` — the test wanted an exception and got the wrong one.
        raised = format_exception_only(root)
        return Diagnosis(
            Status.FAILED,
            f"expected {expected_exception}, but the answer raised {raised}",
            statement,
            expected=expected_exception,
            actual=raised,
            explanation=traceback,
            traceback=traceback,
            line=line,
        )

    if status is Status.FAILED:
        if _is_outcome(exc):
            summary = str(exc).strip().splitlines()[0] if str(exc).strip() else "failed"
            return Diagnosis(status, summary, statement, explanation=_explanation(exc, True))
        summary = _first_line(exc) or "assertion failed"
        expected = actual = None
        if compare is not None and compare[0] == "==":
            actual, expected = compare[1], compare[2]
        return Diagnosis(
            status,
            summary,
            statement,
            expected=expected,
            actual=actual,
            explanation=_explanation(exc, True),
        )
    if status is Status.TIMEOUT:
        limit = f"{timeout:g} s" if timeout else "its time limit"
        summary = f"Did not finish within {limit} (an infinite loop, or too slow for this input)."
        if timeout and full_timeout and full_timeout > timeout:
            summary = (
                f"Did not finish within {limit}: its limit was cut from {full_timeout:g} s because an earlier "
                "test ran out of time (an infinite loop, or too slow for this input)."
            )
        return Diagnosis(status, summary, statement, traceback=traceback, line=line)
    if status is Status.MEMORY:
        limit = f" ({_size(memory_limit)} allowed)" if memory_limit else ""
        summary = f"Ran out of memory{limit}: MemoryError."
        return Diagnosis(status, summary, statement, traceback=traceback, line=line)
    if status is Status.OUTPUT_LIMIT:
        limit = f" than {_size(output_limit)}" if output_limit else ""
        summary = f"Printed more{limit}; output is capped. Remove debugging prints in loops."
        return Diagnosis(status, summary, statement, traceback=traceback, line=line)
    summary = format_exception_only(root)
    if isinstance(root, OSError) and "reading from stdin" in str(root):
        summary = (
            "The answer reads standard input (input()), which is empty here: the tests call "
            "your function directly, so take the values as arguments."
        )
    elif isinstance(root, RecursionError):
        summary += " (unbounded recursion?)"
    elif isinstance(root, SystemExit):
        summary = f"SystemExit: {root.code!r} — the answer called sys.exit() or exit()."
    return Diagnosis(status, summary, statement, traceback=traceback, line=line)


def _first_line(exc: BaseException) -> str:
    try:
        text = str(exc)
    except Exception:  # noqa: BLE001 - a broken __str__ in the answer's exception class
        return ""
    return text.strip().splitlines()[0] if text.strip() else ""


def _size(n: int | None) -> str:
    if n is None:
        return ""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:g} {unit}"
    return f"{n} bytes"


_FRAME_LINE = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+) in (?P<name>\S+)')


_DUMP_START = re.compile(r"^(Fatal Python error|Timeout \(|Current thread|Thread 0x)", re.MULTILINE)


def crash_frames(log: str, answer_file: str, source: str, limit: int = 6) -> list[Frame]:
    """The answer's frames from the last faulthandler dump in a process log.

    A segfault leaves no Python exception, and a process killed inside a long
    C call raises none either; faulthandler writes the stack ("most recent
    call first") to the log the checker keeps: on a fatal signal, and on a
    timer armed just before the watchdog's deadline.
    """
    starts = [m.start() for m in _DUMP_START.finditer(log)]
    if not starts:
        return []
    # The last dump may span several headers ("Fatal Python error…", "Current thread…").
    start = starts[-1]
    for earlier in reversed(starts[:-1]):
        if "File " in log[earlier:start]:
            break
        start = earlier
    lines = source.splitlines()
    frames: list[Frame] = []
    for row in log[start:].splitlines():
        match = _FRAME_LINE.match(row)
        if match and match["file"] == answer_file:
            lineno = int(match["line"])
            text = lines[lineno - 1].strip() if 0 < lineno <= len(lines) else ""
            frames.append(Frame(answer_file, lineno, match["name"], text))
    frames.reverse()  # faulthandler lists the most recent call first
    return frames[-limit:]


def first_lines(text: str, lines: int = OUTPUT_LINES, chars: int = OUTPUT_CHARS) -> str:
    """The start of ``text``, bounded by lines and characters, saying what was cut."""
    if not text:
        return ""
    rows = text.splitlines()
    head = "\n".join(rows[:lines])
    cut = len(rows) > lines
    if len(head) > chars:
        head, cut = head[:chars], True
    return head + ("\n…" if cut else "")


_HIDDEN_VERBS = {
    Status.PASSED: "passed",
    Status.FAILED: "failed",
    Status.ERROR: "raised an exception",
    Status.TIMEOUT: "timed out",
    Status.MEMORY: "ran out of memory",
    Status.OUTPUT_LIMIT: "printed too much output",
    Status.CRASHED: "crashed the test process",
    Status.IMPORT_ERROR: "did not run",
}


def _indent(text: str, prefix: str = "  ") -> str:
    return "\n".join(prefix + row for row in text.splitlines())


def evidence_text(diag: Diagnosis, output: str, *, output_chars: int = OUTPUT_CHARS) -> str:
    """The visible-test message: what failed, expected vs actual, where, what it printed."""
    parts: list[str] = []
    if diag.status is Status.FAILED:
        parts.append(diag.statement or diag.summary)
        if diag.expected is not None and diag.actual is not None:
            parts.append(f"expected: {diag.expected}\nactual:   {diag.actual}")
        if diag.explanation:
            parts.append(diag.explanation)
    else:
        parts.append(diag.summary)
        if diag.traceback:
            parts.append(diag.traceback)
        if diag.statement:
            parts.append("called from the test:\n" + _indent(diag.statement))
    if output:
        head = first_lines(output, lines=OUTPUT_LINES if output_chars <= OUTPUT_CHARS else 200, chars=output_chars)
        parts.append("printed:\n" + _indent(head))
    return "\n".join(p for p in parts if p)


def compose_result(
    info: TestInfo,
    status: Status,
    *,
    duration: float,
    diag: Diagnosis | None = None,
    output: str = "",
    note: str = "",
) -> Result:
    """A ``Result`` with the visibility rule applied (see ``checkers.events.Result``), every text capped.

    ``note`` replaces the evidence when there is no exception to diagnose
    (a crash, a skip): it is shown as is for visible tests.
    """
    result = _compose(info, status, duration=duration, diag=diag, output=output, note=note)
    return replace(
        result,
        message=cap(result.message, FIELD_CHARS),
        detail=cap(result.detail, FIELD_CHARS),
        traceback=cap(result.traceback, FIELD_CHARS),
        output=cap(result.output, FIELD_CHARS),
        expected=None if result.expected is None else cap(result.expected, FIELD_CHARS),
        actual=None if result.actual is None else cap(result.actual, FIELD_CHARS),
    )


def _compose(
    info: TestInfo,
    status: Status,
    *,
    duration: float,
    diag: Diagnosis | None,
    output: str,
    note: str,
) -> Result:
    if status is Status.PASSED and diag is None:
        return Result(
            name=info.name,
            status=status,
            description=info.description,
            visible=info.visible,
            danger=info.danger,
            perf=info.perf,
            duration=duration,
            message=note,
            output=first_lines(output, 200, DETAIL_OUTPUT_CHARS) if info.visible else "",
            detail=note,
        )
    if diag is not None:
        shown = evidence_text(diag, output)
        full = evidence_text(diag, output, output_chars=DETAIL_OUTPUT_CHARS)
    else:
        shown = note + ("\nprinted:\n" + _indent(first_lines(output)) if output else "")
        full = note + ("\nprinted:\n" + _indent(first_lines(output, 200, DETAIL_OUTPUT_CHARS)) if output else "")
    if info.visible:
        return Result(
            name=info.name,
            status=status,
            description=info.description,
            visible=True,
            danger=info.danger,
            perf=info.perf,
            duration=duration,
            message=shown,
            expected=diag.expected if diag else None,
            actual=diag.actual if diag else None,
            output=first_lines(output, 200, DETAIL_OUTPUT_CHARS),
            traceback=diag.traceback if diag else "",
            line=diag.line if diag else None,
            detail=full,
        )
    what = info.description or info.name.replace("_", " ")
    message = f"Hidden test {_HIDDEN_VERBS[status]}: {what}"
    return Result(
        name=info.name,
        status=status,
        description=info.description,
        visible=False,
        danger=info.danger,
        perf=info.perf,
        duration=duration,
        message=message,
        detail=full,
    )
