"""Shared fixtures for the app's tests: a small fixed bank, a fake clock, fake checkers.

App tests and snapshots read ``tests/fixtures/app_bank`` rather than the shipped
bank, so they do not move when question content is edited; the shipped bank
has its own content tests.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from question_bank import Bank, load_bank_from
from tui.core.checking import TestInfo
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from tui.app import MockloopApp

APP_BANK = Path(__file__).parent / "fixtures" / "app_bank"

#: The tests of the fixture question ``two-sum`` as the checker would announce them.
TWO_SUM_TESTS = (
    TestInfo("test_example", "the prompt's example", visible=True),
    TestInfo("test_negative_numbers", "negative numbers add up too", visible=True),
    TestInfo("test_no_pair", "no pair: None", visible=True),
    TestInfo("test_same_element_twice", "an element is never used twice", visible=False),
    TestInfo("test_large_input", "a large input, in linear time", visible=False, danger="quadratic"),
)
TWO_SUM_VISIBLE = tuple(t for t in TWO_SUM_TESTS if t.visible)


@functools.cache
def app_bank_loaded() -> Bank:
    """The fixture bank, loaded once per test process (usable outside fixtures, e.g. in snapshots)."""
    return load_bank_from([APP_BANK])


@pytest.fixture
def app_bank() -> Bank:
    return app_bank_loaded()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=1000.0)


@pytest.fixture
def runner() -> ScriptedRunner:
    return ScriptedRunner()


def pytest_configure(config: pytest.Config) -> None:
    """Before collection too: modules that load the bank at import must not write the user's cache."""
    import os
    import tempfile

    os.environ.setdefault("MOCKLOOP_HOME", tempfile.mkdtemp(prefix="mockloop-tests-"))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own MOCKLOOP_HOME, so nothing touches the real user folders."""
    home = tmp_path / "mockloop-home"
    monkeypatch.setenv("MOCKLOOP_HOME", str(home))
    yield home


def make_app(
    bank: Bank,
    clock: FakeClock,
    runner: object,
    route: object | None = None,
) -> MockloopApp:
    """The app as the command line builds it, with the fixture bank and fakes."""
    from tui.app import HomeRoute, build_app

    return build_app(bank=bank, clock=clock, runner=runner, route=route or HomeRoute())  # type: ignore[arg-type]


async def settle(pilot: Pilot[int], until: Callable[[], bool], *, rounds: int = 200) -> None:
    """Let the app process messages until ``until()`` holds (no sleeping: it yields to the loop)."""
    for _ in range(rounds):
        if until():
            return
        await pilot.pause()
    raise AssertionError("the app never reached the expected state")
