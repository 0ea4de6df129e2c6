"""What every snapshot test does before the picture: the same size, nothing blinking, nothing pending.

A snapshot varies between runs only through time: a cursor caught in the
off half of its blink, focus or layout not settled yet, a debounced refresh
firing before or after the picture. ``still`` removes each of these, so a
snapshot taken on a busy machine is the same as one taken on a quiet one.

One of them is a Textual 8.2 quirk: ``TextArea`` caches rendered lines under
a key that does not change when blinking is turned off, so a line drawn in
the "off" half of a blink kept its missing cursor. ``still`` drops that
cache after turning blinking off (found by running the snapshots with the
other cores busy: the theme snapshots differed in that one cursor cell).
"""

from __future__ import annotations

from conftest import TWO_SUM_TESTS, app_bank_loaded, make_app, settle
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tui.app import MockloopApp, Route
from tui.core.checking import TestStatus
from tui.core.clock import FakeClock
from tui.core.fakes import InstantRunner
from tui.core.messages import Language

#: The terminal size of every snapshot unless a test says otherwise.
SIZE = (120, 40)

#: A Run/Submit with one failure and one timeout among passes: every status colour shows.
MIXED = {
    "test_negative_numbers": TestStatus.FAILED,
    "test_large_input": TestStatus.TIMEOUT,
}


def snapshot_app(
    route: Route, clock: FakeClock | None = None, *, theme: str | None = None, language: Language = "en"
) -> MockloopApp:
    """The app on the fixture bank with a fake clock and a checker that answers ``MIXED`` at once."""
    app = make_app(app_bank_loaded(), clock or FakeClock(), InstantRunner(TWO_SUM_TESTS, MIXED), route, language)
    if theme is not None:
        app.theme = theme
    return app


async def still(pilot: Pilot[int]) -> None:
    """No blinking cursors, timers' pending work done, and everything laid out."""
    await pilot.pause()
    for editor in pilot.app.screen.query(TextArea):
        editor.cursor_blink = False
        editor._line_cache.clear()  # see the module docstring
        editor.refresh()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def run_to_the_end(pilot: Pilot[int], key: str) -> None:
    """Press Run (``ctrl+r``) or Submit (``ctrl+s``) in the round on top and let its results arrive."""
    from tui.screens.round import RoundScreen

    await pilot.pause()
    await pilot.press(key)
    screen = pilot.app.screen
    assert isinstance(screen, RoundScreen)
    await settle(pilot, lambda: (run := screen.current_attempt.current_run) is not None and not run.running)
