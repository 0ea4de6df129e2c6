"""What the evidence says happened, in words a person reads: one place for the checker's verdicts.

The server learns how a test process ended (killed by the watchdog for
time, a signal, an exit code, what its log says) and has to turn that into
one status and one sentence. The rules live here as pure functions, so the
same cause always gets the same status and wording, and the tests check
them without starting a process:

- a test that was past its time limit (the watchdog's kill, SIGXCPU, or any
  death after the limit had passed) is ``timeout``, never ``crashed``;
- a death is named: "killed by SIGSEGV (segmentation fault)", "exited with
  status 3", "the temporary folder is full";
- a danger zone is *hit* only by a test that ``failed`` (a wrong value or
  the wrong exception): a timeout, a crash, an import error or an unfinished
  starter says nothing about the mistake the zone describes;
- a run passes only if every test it announced ran and passed, and at least
  one test ran.
"""

from __future__ import annotations

import signal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checkers.events import Result, Status, TestInfo

__all__ = [
    "Death",
    "InFlightVerdict",
    "danger_zones_hit",
    "death_reason",
    "in_flight_verdict",
    "run_status",
    "signal_words",
    "status_hits_zone",
    "zone_hit",
]

_SIGNAL_WORDS = {
    signal.SIGSEGV: "segmentation fault",
    signal.SIGBUS: "bus error",
    signal.SIGABRT: "aborted",
    signal.SIGFPE: "arithmetic fault",
    signal.SIGILL: "illegal instruction",
    signal.SIGKILL: "killed outright",
    signal.SIGTERM: "asked to terminate",
    signal.SIGXCPU: "CPU time limit reached",
    signal.SIGXFSZ: "file size limit reached",
    signal.SIGPIPE: "broken pipe",
    signal.SIGINT: "interrupted",
}

#: Phrases in a process log that mean the disk (the temporary folder) is full.
_DISK_FULL = ("No space left on device", "[Errno 28]", "Disk quota exceeded", "[Errno 122]")


@dataclass(frozen=True, slots=True)
class Death:
    """How a test process ended: ``("signal", 11)``, ``("exit", 0)``, or ``("lost", 0)`` (no report)."""

    kind: str
    code: int = 0

    @property
    def by_signal(self) -> int | None:
        return self.code if self.kind == "signal" else None


def signal_words(signum: int) -> str:
    """``11`` → ``"SIGSEGV (segmentation fault)"``; an unknown number stays a number."""
    try:
        sig = signal.Signals(signum)
    except ValueError:
        return f"signal {signum}"
    word = _SIGNAL_WORDS.get(sig)
    return f"{sig.name} ({word})" if word else sig.name


def disk_full(log: str) -> bool:
    return any(phrase in log for phrase in _DISK_FULL)


def death_reason(death: Death, log: str = "", *, temp_folder: str = "") -> str:
    """One sentence on how the test process ended, with the likely cause a person can act on."""
    if disk_full(log):
        where = f" ({temp_folder})" if temp_folder else ""
        return (
            f"the temporary folder{where} is full, so the test process could not write its files. Free some disk space."
        )
    if death.kind == "signal":
        text = f"it was killed by {signal_words(death.code)}"
        if death.code == signal.SIGSEGV:
            text += ": the answer (or a library it called through ctypes) accessed memory it does not own"
        return text + "."
    if death.kind == "exit":
        return (
            f"it exited with status {death.code} in the middle of the test. "
            "Does the answer call os._exit(), or exit from another thread?"
        )
    return "its supervising process was killed. Does the answer kill its parent process?"


@dataclass(frozen=True, slots=True)
class InFlightVerdict:
    status: Status
    note: str


def in_flight_verdict(
    info: TestInfo,
    *,
    killed: str | None,
    death: Death,
    duration: float,
    log: str = "",
    memory_limit: int = 0,
    temp_folder: str = "",
) -> InFlightVerdict:
    """The status of the test that was running when its process ended, and why.

    ``killed`` is why the server killed the process (``"timeout"``,
    ``"overflow"``), or None if it died on its own; ``duration`` how long the
    test had been running; ``info.timeout`` its (possibly budget-shortened)
    limit.
    """
    # Past its limit, a test that ends without a fault of its own (a kill, an exit, no report)
    # ran out of time: pytest-timeout fired somewhere it could not be turned into a result.
    out_of_time = (
        killed == "timeout"
        or death.by_signal == signal.SIGXCPU
        or (killed is None and duration >= info.timeout and death.by_signal in (None, signal.SIGKILL))
    )
    if out_of_time:
        return InFlightVerdict(
            Status.TIMEOUT,
            f"Did not finish within {info.timeout:g} s and could not be interrupted, so the test process "
            "was stopped. Look for an infinite loop, or one very long call (such as sum(range(10**13))).",
        )
    if killed == "overflow":
        return InFlightVerdict(
            Status.OUTPUT_LIMIT,
            "The answer sent more output than the checker reads (print in a loop?), so the test process was stopped.",
        )
    if "MemoryError" in log:
        allowed = f" ({memory_limit / 2**30:g} GiB allowed)" if memory_limit else ""
        return InFlightVerdict(Status.MEMORY, f"Ran out of memory{allowed}, and the test process could not recover.")
    return InFlightVerdict(
        Status.CRASHED,
        "The test process died during this test: " + death_reason(death, log, temp_folder=temp_folder),
    )


def status_hits_zone(status: str) -> bool:
    """Whether a test that ended with ``status`` is evidence of its danger zone (a wrong value or exception)."""
    return status == Status.FAILED.value


def zone_hit(result: Result) -> bool:
    """Whether ``result`` is evidence of its danger zone: it ran and got a wrong value or the wrong exception."""
    return result.danger is not None and result.ran and status_hits_zone(result.status.value)


def danger_zones_hit(results: Iterable[Result]) -> list[str]:
    """The danger zones the results give evidence of, in the order they were hit."""
    return list(dict.fromkeys(r.danger for r in results if zone_hit(r) and r.danger))


NO_TESTS = "No test ran, so nothing was checked: the run is not a pass."


def run_status(tests: Sequence[TestInfo] | None, results: Iterable[Result]) -> tuple[Status, str]:
    """A run's status from its results: passed only if every announced test ran and passed."""
    done = list(results)
    if not done or not tests:
        return Status.ERROR, NO_TESTS
    names = {r.name for r in done}
    if any(t.name not in names for t in tests):
        return Status.FAILED, ""
    if all(r.status is Status.PASSED and r.ran for r in done):
        return Status.PASSED, ""
    return Status.FAILED, ""
