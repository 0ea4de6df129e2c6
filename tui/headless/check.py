"""`mockloop check QUESTION_ID FILE [--submit] [--json]`: judge an answer from a shell.

Code and debugging questions run here; behavioral, design and motivation
answers (Markdown) are analyzed by ``tui.headless.check_text``.

Runs the question's suite against FILE in the same isolated checker the app
uses, printing one line per test as it completes (status, name, duration,
then the message indented) and a summary; or, with ``--json``, one JSON
document with every field of every result. Plain text only: nothing in a
message is interpreted as markup.

Exit codes: 0 when every test passed, 1 otherwise (a failure, an import
error, a crash, no test run), 2 for bad input (unknown question, a question
that cannot be read as an answer of its kind, a file that is missing,
unreadable, not UTF-8, not a regular file or over 1 MiB) with one sentence on
stderr, 130 when interrupted with Ctrl-C.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from checkers import CheckerClient, RunFinished, RunStarted, Status, Suite, TestFinished
from checkers.events import Event, Mode, Result
from checkers.verdicts import danger_zones_hit, zone_hit
from question_bank import Question
from tui.core.bank_words import kind_name, unknown_text
from tui.core.messages import number, plural, t

__all__ = [
    "CheckInputError",
    "print_event",
    "print_outcome",
    "read_answer",
    "resolve_question",
    "resolve_suite",
    "run_check",
    "run_suite",
]

ICONS = {
    Status.PASSED: "✓",
    Status.FAILED: "✗",
    Status.ERROR: "!",
    Status.TIMEOUT: "⏱",
    Status.MEMORY: "M",
    Status.OUTPUT_LIMIT: "…",
    Status.CRASHED: "☠",
    Status.IMPORT_ERROR: "·",
}


#: The largest answer file `mockloop check` reads (a real answer is a few KiB).
MAX_ANSWER_BYTES = 1 << 20


class CheckInputError(Exception):
    """Bad input for `mockloop check`; its text is the one sentence printed to stderr."""


def resolve_question(question_id: str) -> Question:
    """The bank question, or ``CheckInputError`` saying why not."""
    from question_bank import BankError, UnknownQuestion, load_bank

    try:
        return load_bank().question(question_id)
    except UnknownQuestion as exc:
        raise CheckInputError(unknown_text(exc)) from None
    except BankError as exc:
        raise CheckInputError(t("cli.check.bank", reason=exc)) from None


def resolve_suite(question_id: str) -> Suite:
    """The suite of a bank code question, or ``CheckInputError`` saying why not."""
    question = resolve_question(question_id)
    if question.code is None:
        raise CheckInputError(t("cli.check.no_suite", id=question_id, kind=kind_name(question.kind)))
    return Suite.from_code(question.code)


def read_answer(file: Path) -> str:
    """The answer's source, or ``CheckInputError`` with a sentence a person understands.

    Only a regular file of at most ``MAX_ANSWER_BYTES`` is read: a FIFO would
    block, ``/dev/zero`` would never end, and a huge file would swamp the
    checker. The file is opened without blocking and checked again once open,
    so it cannot be swapped for something else in between.
    """
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise CheckInputError(t("cli.check.no_file", file=file)) from None
    except IsADirectoryError:
        raise CheckInputError(t("cli.check.folder", file=file)) from None
    except OSError as exc:
        raise CheckInputError(t("cli.check.cannot_read", file=file, reason=exc.strerror or exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise CheckInputError(t("cli.check.folder", file=file))
        if not stat.S_ISREG(info.st_mode):
            raise CheckInputError(t("cli.check.not_regular", file=file))
        if info.st_size > MAX_ANSWER_BYTES:
            raise CheckInputError(
                t("cli.check.too_big", file=file, size=f"{info.st_size:,}", limit=f"{MAX_ANSWER_BYTES // 1024:,}")
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_ANSWER_BYTES + 1)
    except OSError as exc:
        raise CheckInputError(t("cli.check.cannot_read", file=file, reason=exc.strerror or exc)) from None
    finally:
        os.close(fd)
    if len(data) > MAX_ANSWER_BYTES:
        raise CheckInputError(t("cli.check.grew", file=file, limit=f"{MAX_ANSWER_BYTES // 1024:,}"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise CheckInputError(t("cli.check.not_utf8", file=file)) from None


#: Every status word the listing may print (``cli.status.<status>``): English keeps the checker's own words.
LABELS = (*(str(status) for status in Status), "not_run")


def _label_width() -> int:
    """The status column: at least 12 wide (as it always was in English), more for longer words."""
    return max(12, *(len(t(f"cli.status.{label}")) for label in LABELS))


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{number(seconds, 2)} s"


def _indent(text: str) -> str:
    return "\n".join("    " + row for row in text.splitlines())


def _print_result(result: Result, out: TextIO) -> None:
    status = Status(result.status)
    timing = f"  ({_duration(result.duration)})" if result.ran else ""
    zone = t("cli.check.zone", zone=result.danger) if zone_hit(result) else ""
    label = _label(result)
    icon = ICONS[status] if label != t("cli.status.not_run") else "·"
    print(f"{icon} {label:<{_label_width()}} {result.name}{timing}{zone}", file=out)
    if status is not Status.PASSED and result.message:
        print(_indent(result.message), file=out)
    out.flush()


def _status(result: Result) -> str:
    """A result's status, or ``not_run`` for a test never started."""
    return str(result.status) if result.ran or result.status is Status.IMPORT_ERROR else "not_run"


def _label(result: Result) -> str:
    """What a result is called in the listing: its status's word (English: the checker's own)."""
    return t(f"cli.status.{_status(result)}")


def _summary(finished: RunFinished, results: list[Result]) -> str:
    """``3 passed, 2 timeout, 18 not run in 6.21 s``: tests that never started are counted apart."""
    counts = Counter(_status(r) for r in results)
    ordered = sorted(counts.items(), key=lambda item: t(f"cli.status.{item[0]}"))
    text = ", ".join(plural(f"cli.counted.{status}", n) for status, n in ordered)
    return t("cli.check.summary", counts=text or t("cli.check.no_tests"), duration=_duration(finished.duration))


def print_event(event: Event, question_id: str, mode: Mode, out: TextIO) -> None:
    """Print one event of a run as `mockloop check` does: the run's size, then each test as it completes."""
    if isinstance(event, RunStarted):
        label = t("cli.check.all_tests") if mode == "submit" else t("cli.check.visible_tests")
        print(t("cli.check.started", id=question_id, count=len(event.tests), label=label), file=out)
        out.flush()
    elif isinstance(event, TestFinished):
        _print_result(event.result, out)


def print_outcome(finished: RunFinished, results: list[Result], out: TextIO) -> None:
    """Print how a run ended: its message (an import error's), the counts, the danger zones hit."""
    if finished.message:
        print(finished.message, file=out)
        if finished.output:
            print(t("cli.check.printed") + "\n" + _indent(finished.output), file=out)
    print(_summary(finished, results), file=out)
    if zones := danger_zones_hit(results):
        print(t("cli.check.zones", zones=", ".join(zones)), file=out)
    out.flush()


def run_suite(
    question_id: str,
    suite: Suite,
    source: str,
    *,
    mode: Mode,
    as_json: bool,
    out: TextIO,
    client_factory: Callable[[], CheckerClient] = CheckerClient,
) -> int:
    """Run and print; the part of ``run_check`` after the input was resolved."""
    with client_factory() as client:
        handle = client.run(suite, source, mode=mode)
        results: list[Result] = []
        finished: RunFinished | None = None
        for event in handle:
            if not as_json:
                print_event(event, question_id, mode, out)
            if isinstance(event, TestFinished):
                results.append(event.result)
            elif isinstance(event, RunFinished):
                finished = event
    assert finished is not None
    if as_json:
        document = {
            "question": question_id,
            "mode": mode,
            "status": str(finished.status),
            "counts": finished.counts,
            "duration": finished.duration,
            "message": finished.message,
            "output": finished.output,
            "danger_zones_hit": danger_zones_hit(results),
            "results": [r.to_dict() for r in results],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    else:
        print_outcome(finished, results, out)
    return 0 if finished.status is Status.PASSED else 1


def run_check(
    question_id: str,
    file: Path,
    *,
    submit: bool,
    as_json: bool,
    out: TextIO = sys.stdout,
) -> int:
    """`mockloop check`: see the module docstring for output and exit codes."""
    try:
        question = resolve_question(question_id)
        source = read_answer(file)
    except CheckInputError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if question.code is None:
        from tui.headless.check_text import run_text_check

        return run_text_check(question, source, as_json=as_json, out=out)
    suite = Suite.from_code(question.code)
    try:
        return run_suite(question_id, suite, source, mode="submit" if submit else "run", as_json=as_json, out=out)
    except KeyboardInterrupt:
        # The client's context manager has stopped the checker and its processes by now.
        print(t("cli.check.interrupted"), file=sys.stderr)
        return 130
