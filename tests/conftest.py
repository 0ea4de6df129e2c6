"""Shared fixtures for the app's tests: a small fixed bank, a fake clock, fake checkers.

App tests and snapshots read ``tests/fixtures/app_bank`` rather than the shipped
bank, so they do not move when question content is edited; the shipped bank
has its own content tests.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

from question_bank import Bank, load_bank_from
from tui.core.checking import TestInfo
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner
from tui.core.messages import Language, set_language

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot
    from textual.screen import Screen

    from tui.app import MockloopApp, Route
    from tui.core.checking import CheckerRunner

ROOT = Path(__file__).resolve().parents[1]
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


@pytest.fixture(autouse=True)
def english_interface() -> Iterator[None]:
    """Every test starts with the interface in English (the language is process-wide, like gettext's)."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=1000.0)


@pytest.fixture
def runner() -> ScriptedRunner:
    return ScriptedRunner()


#: Test modules that start real checker servers or time real work against a reference. Their
#: tests carry the ``checker`` mark (``-m checker`` selects them) and run one after another
#: on one worker: two at once would compete for the same cores and skew each other.
CHECKER_MODULES = frozenset(
    {
        "test_app_real_checker.py",
        "test_checker_client.py",
        "test_checker_faults.py",
        "test_checker_honesty.py",
        "test_cli_check.py",
        "test_cli_language.py",
        "test_question_suites.py",
        "test_sessions_cli.py",
        "test_sessions_resume.py",
        "test_watch.py",
    }
)


def _module_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0].rsplit("/", 1)[-1]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _module_of(item.nodeid) in CHECKER_MODULES:
            item.add_marker(pytest.mark.checker)


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Spread the tests over the workers one by one, except the checker modules: one unit, one worker.

    pytest-xdist's own ``--dist loadgroup`` reads ``xdist_group`` marks
    through a node-id suffix that pytest 9.2 no longer lets it write
    (pytest-xdist#1386): the group was silently spread over both workers.
    Deciding the group here, from the node id alone, does not depend on that.
    The largest unit is handed out first, so the checker tests start at once
    on one worker while the other takes everything else.
    """
    from xdist.scheduler import LoadScopeScheduling  # type: ignore[import-untyped]  # xdist ships no type hints

    class CheckerGroupScheduling(LoadScopeScheduling):  # type: ignore[misc]  # an untyped base (see the import)
        def _split_scope(self, nodeid: str) -> str:
            return "checker" if _module_of(nodeid) in CHECKER_MODULES else nodeid

    return CheckerGroupScheduling(config, log)


def pytest_configure(config: pytest.Config) -> None:
    """Before collection too: modules that load the bank at import must not write the user's cache."""
    import tempfile

    os.environ.setdefault("MOCKLOOP_HOME", tempfile.mkdtemp(prefix="mockloop-tests-"))
    # The interface language defaults to the system locale: pin it, so the app and the commands
    # the tests start speak English wherever the suite runs (French tests ask for French).
    os.environ["LC_ALL"] = "C.UTF-8"
    _shorter_idle_waits()
    if not hasattr(config, "workerinput"):  # once, in the process that starts the workers
        _compile_the_project()


def _compile_the_project() -> None:
    """Write the bytecode of mockloop's own packages before the workers and subprocesses import them.

    The suite starts a hundred Python processes (workers, checker servers,
    the CLI); where PYTHONDONTWRITEBYTECODE is set, as on the CI machine,
    each one compiled the project from source again (~0.1 s). The installed
    packages are compiled when uv installs them (pyproject's ``[tool.uv]``).
    """
    import compileall

    for package in ("tui", "checkers", "question_bank", "themes", "strict_toml"):
        compileall.compile_dir(ROOT / package, quiet=1)


#: Pilot's idle check, in seconds: one sleep of this length with almost no CPU used means idle.
IDLE_CHECK_SLEEP = 0.005


def _shorter_idle_waits() -> None:
    """Make each Pilot ``pause()`` and key press wait 5 ms slices for idleness instead of 20 ms.

    ``pilot.pause()`` first lets every widget of the screen handle what it has
    queued (``Pilot._wait_for_screen``), then sleeps in slices of
    ``textual._wait.SLEEP_GRANULARITY`` until one slice used almost no CPU. The
    first step is what makes a test deterministic; the second only waits out
    work in other threads, which our tests wait for by condition (``settle``).
    At 20 ms a slice, a third of a Pilot test's time was spent asleep. The
    share of a slice that counts as busy stays Textual's (1/20).
    """
    import textual._wait

    if not {"SLEEP_GRANULARITY", "SLEEP_IDLE"} <= set(textual._wait.wait_for_idle.__code__.co_names):
        raise pytest.UsageError("textual._wait.wait_for_idle no longer reads SLEEP_GRANULARITY: update conftest.py")
    textual._wait.SLEEP_GRANULARITY = IDLE_CHECK_SLEEP
    textual._wait.SLEEP_IDLE = IDLE_CHECK_SLEEP / 20


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own MOCKLOOP_HOME, so nothing touches the real user folders."""
    home = tmp_path / "mockloop-home"
    monkeypatch.setenv("MOCKLOOP_HOME", str(home))
    yield home


def make_app(
    bank: Bank,
    clock: FakeClock,
    runner: CheckerRunner,
    route: Route | None = None,
    language: Language = "en",
) -> MockloopApp:
    """The app as the command line builds it, with the fixture bank and fakes (in English unless told)."""
    from tui.app import HomeRoute, build_app

    return build_app(bank=bank, clock=clock, runner=runner, route=route or HomeRoute(), language=language)


ScreenT = TypeVar("ScreenT", bound="Screen[Any]")


def current(app: App[Any], kind: type[ScreenT]) -> ScreenT:
    """The screen on top, which must be a ``kind`` (typed, so tests reach its attributes checked)."""
    screen = app.screen
    assert isinstance(screen, kind), f"showing {type(screen).__name__}, not {kind.__name__}"
    return screen


async def type_text(pilot: Pilot[int], text: str) -> None:
    """Put ``text`` into the focused editor or field at its cursor, as one edit, then let the app react.

    Pressing keys costs ~70 ms a key through Pilot; an answer typed this way is
    the same text with the same cursor, and the tests that are about typing
    itself still press keys.
    """
    from textual.widgets import Input, TextArea

    focused = pilot.app.focused
    if isinstance(focused, TextArea):
        assert not focused.read_only, "typing into a read-only editor"
        focused.insert(text)
    elif isinstance(focused, Input):
        focused.insert_text_at_cursor(text)
    else:
        raise AssertionError(f"nothing to type into: {type(focused).__name__} has the focus")
    await pilot.pause()


#: How long a test waits for the app to reach a state before it fails: generous, since a
#: busy machine only makes the wait longer, and a test that gets there returns at once.
SETTLE_SECONDS = 30.0


async def settle(pilot: Pilot[int], until: Callable[[], bool], *, seconds: float = SETTLE_SECONDS) -> None:
    """Let the app process messages until ``until()`` holds; fail after ``seconds`` of waiting.

    Bounded by the clock, not by a number of pauses: a pause is as short as the
    app is quick to go idle, so a count would mean less time on a fast machine.
    """
    deadline = time.monotonic() + seconds
    while not until():
        if time.monotonic() > deadline:
            raise AssertionError(f"the app never reached the expected state in {seconds:.0f} s")
        await pilot.pause()
