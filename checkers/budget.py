"""How long a run may keep waiting on an answer that hangs: limits after a timeout, and a run budget.

An answer that loops forever in every call would otherwise cost each test its
full limit, one after another: 23 tests at 2 s is 46 s before a Submit says
anything, where an online judge says "Time Limit Exceeded" in seconds. The
rule, applied the same way in every test process of a run (the server hands
the state on when a run resumes in a new process):

- until a test runs out of time, every test has its own limit, so the first
  timeout always shows within the limit the suite gave that test;
- after a timeout, the remaining tests get at most ``AFTER_TIMEOUT`` seconds,
  or ``AFTER_TIMEOUT_SHARE`` of their own limit when the suite gave them a
  long one (a differential test's 300 generated inputs: at 1 s, an answer
  taking 0.6 s quiet ran out of time only when the machine was busy, so the
  same file got different statuses); performance tests keep their own limit:
  they stop a slow answer on their own CPU budget, and a correct answer needs
  their full time;
- once ``RUN_BUDGET`` seconds in all went to tests that ran out of time, the
  tests left are not run, and say why.

A slow but correct answer never times out, so none of this touches it.
Pure data and arithmetic: the plugin and the server both use it, and the
tests check it without processes.
"""

from __future__ import annotations

from dataclasses import dataclass

from checkers.events import TestInfo

__all__ = ["AFTER_TIMEOUT", "AFTER_TIMEOUT_SHARE", "NOT_RUN_MESSAGE", "RUN_BUDGET", "RunBudget"]

#: The most a test may take once an earlier test of the run has timed out...
AFTER_TIMEOUT = 1.0
#: ...or this share of its own limit, when that is more (a 10 s differential test keeps 3 s).
AFTER_TIMEOUT_SHARE = 0.3
#: Seconds lost to timeouts after which the remaining tests are not run.
RUN_BUDGET = 6.0

NOT_RUN_MESSAGE = (
    "Not run: earlier tests ran out of time ({lost:.0f} s lost to {count} timeout{s}), so the rest "
    "were not started. Fix the loop or the slow step, then run again."
)


@dataclass(frozen=True, slots=True)
class RunBudget:
    """What the timeouts of a run so far allow for its next test."""

    timeouts: int = 0
    lost: float = 0.0  # seconds spent in tests that ran out of time

    def limit(self, info: TestInfo) -> float:
        """The time limit of ``info`` now: its own, or a shorter one after a timeout (see the module docstring)."""
        if self.timeouts == 0 or info.perf:
            return info.timeout
        return min(info.timeout, max(AFTER_TIMEOUT, AFTER_TIMEOUT_SHARE * info.timeout))

    @property
    def exhausted(self) -> bool:
        return self.lost >= RUN_BUDGET

    def after_timeout(self, seconds: float) -> RunBudget:
        """The budget once a test ran out of time after ``seconds``."""
        return RunBudget(self.timeouts + 1, self.lost + max(0.0, seconds))

    def not_run_message(self) -> str:
        return NOT_RUN_MESSAGE.format(lost=self.lost, count=self.timeouts, s="" if self.timeouts == 1 else "s")

    def to_dict(self) -> dict[str, float]:
        return {"timeouts": self.timeouts, "lost": self.lost}

    @classmethod
    def from_dict(cls, data: object) -> RunBudget:
        if not isinstance(data, dict):
            return cls()
        try:
            return cls(int(data.get("timeouts", 0)), float(data.get("lost", 0.0)))
        except (TypeError, ValueError):
            return cls()
