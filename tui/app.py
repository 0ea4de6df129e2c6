"""The Textual app: screens, global keys, and the services screens share.

Kept small on purpose: decisions live in ``tui.core``, layouts in
``tui/screens`` and ``tui/widgets``, styles in ``app.tcss``. ``build_app`` is
the one way to make the app, shared by the command line (``run_app``) and the
tests, which pass a fake clock and a fake checker.

Screens other than home are imported when first opened, so the first frame
does not wait for the editor, Markdown and tree-sitter to import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.screen import Screen

from tui.core.clock import Clock, MonotonicClock
from tui.screens.home import HomeScreen
from tui.screens.too_small import TooSmallScreen, too_small
from tui.theming import ThemedApp

if TYPE_CHECKING:
    from question_bank import Bank, Question
    from tui.core.attempt import QuestionAttempt
    from tui.core.autosave import BackgroundSaver, SaveNotice
    from tui.core.checking import CheckerRunner, RunCause
    from tui.core.keeper import SessionKeeper
    from tui.core.record import SessionRecord
    from tui.core.session import RoundState, Session
    from tui.services import Services

DEFAULT_LOOP = "mistral-swe"


@dataclass(frozen=True, slots=True)
class HomeRoute:
    """Open on the home screen."""


@dataclass(frozen=True, slots=True)
class OnsiteRoute:
    """Open on the briefing of an onsite (``mockloop onsite``)."""

    loop_id: str = DEFAULT_LOOP
    seed: int | None = None


@dataclass(frozen=True, slots=True)
class DrillRoute:
    """Open on a drill (``mockloop drill [ID]``): the picker when no id is given."""

    question_id: str | None = None


@dataclass(frozen=True, slots=True)
class ReplayRoute:
    """Open a saved session read-only (``mockloop replay FILE``)."""

    path: Path


@dataclass(frozen=True, slots=True)
class ResumeRoute:
    """Continue an interrupted session (``mockloop onsite --resume``)."""

    path: Path


Route = HomeRoute | OnsiteRoute | DrillRoute | ReplayRoute | ResumeRoute

#: Seconds between two observations of the session for the recorder (and autosave).
KEEP_SECONDS = 1.0


class MockloopApp(ThemedApp[int]):
    """mockloop's full-screen app."""

    TITLE = "mockloop"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False),
        Binding("f1", "help", "Help", show=False),
    ]

    def __init__(
        self,
        *,
        bank: Bank | Callable[[], Bank],
        clock: Clock,
        runner: CheckerRunner,
        route: Route = HomeRoute(),
        theme: str | None = None,
    ) -> None:
        super().__init__(theme_override=theme)
        self._bank = bank
        self.clock = clock
        self.runner = runner
        self.route = route
        self.keeper: SessionKeeper | None = None
        self._saver: BackgroundSaver | None = None

    # -- services the screens use (``tui.services.Services``) ----------------------------

    @property
    def services(self) -> Services:
        """This app as the screens see it (mypy checks here that it provides every service)."""
        return self

    @property
    def bank(self) -> Bank:
        """The question bank, loaded on first use (the home screen does not need it)."""
        if callable(self._bank):
            self._bank = self._bank()
        return self._bank

    def onsite_screen(self, loop_id: str = DEFAULT_LOOP, seed: int | None = None) -> Screen[None]:
        from tui.core.session import Session
        from tui.screens.briefing import BriefingScreen

        loop = self.bank.loop(loop_id)
        if seed is None:
            import secrets

            seed = secrets.randbelow(10**6)
        return BriefingScreen(self.keep(Session.onsite(loop, loop.draw(self.bank, seed), self.clock, seed=seed)))

    def drill_screen(self, question: Question) -> Screen[None]:
        from tui.core.session import Session
        from tui.screens.round import RoundScreen

        return RoundScreen(self.keep(Session.drill(question, self.clock)))

    # -- recording, autosave, resume ---------------------------------------------------

    def keep(self, session: Session) -> Session:
        """Record ``session`` and autosave it from now on (the previous one is saved first)."""
        from tui.core.keeper import SessionKeeper

        self.save_session(force=True)
        self.keeper = SessionKeeper(session)
        return session

    @property
    def saver(self) -> BackgroundSaver:
        """Writes the live session off the event loop (created with the first session: home does not need it)."""
        if self._saver is None:
            from tui.core.autosave import BackgroundSaver

            self._saver = BackgroundSaver(self._save_notice)
        return self._saver

    def save_session(self, *, force: bool = False) -> None:
        """Record what changed in the live session and save it when due; a failed save says so once.

        Recording and copying the record happen here, on the event loop (cheap);
        dumping and writing run in a worker thread, one save at a time, later
        requests coalesced (``tui.core.autosave.BackgroundSaver``).
        """
        keeper = self.keeper
        if keeper is None:
            return
        for screen in self.screen_stack:
            sync = getattr(screen, "sync_answers", None)
            if sync is not None and getattr(screen, "session", None) is keeper.session and screen.is_mounted:
                sync()
        keeper.flush(force=force)
        self.saver.request(keeper.autosaver, force=force)  # written in a thread; the loop never waits

    def live_record(self, session: Session) -> SessionRecord:
        """The record of the live ``session``, with everything that happened so far (what summaries show)."""
        keeper = self.keeper
        if keeper is None or keeper.session is not session:
            raise LookupError("that session is not the one being recorded")
        self.save_session()
        return keeper.recorder.record

    def _save_notice(self, notice: SaveNotice) -> None:
        self.notify(notice.message, title="Autosave", severity=notice.severity, markup=False)

    def resume_screen(self, path: Path) -> Screen[None] | None:
        """The screen that continues the session saved at ``path`` (None, after a notice, if it cannot)."""
        from tui.core.keeper import SessionKeeper
        from tui.core.resume import ResumeError
        from tui.core.session import SessionPhase
        from tui.core.store import SessionFileError

        self.save_session(force=True)
        try:
            keeper = SessionKeeper.resume(path, self.bank, self.clock)
        except (SessionFileError, ResumeError) as exc:
            self.notify(str(exc), title="Resume", severity="error", markup=False)
            return None
        self.keeper = keeper
        session = keeper.session
        if session.phase is SessionPhase.ROUND_OVER:
            from tui.screens.round_summary import RoundSummaryScreen

            return RoundSummaryScreen(session, session.current)
        from tui.screens.round import RoundScreen

        return RoundScreen(session)

    def resume(self, path: Path) -> None:
        """Continue the session saved at ``path`` (a notice instead when it cannot)."""
        screen = self.resume_screen(path)
        if screen is not None:
            self.push_screen(screen)

    def open_replay(self, path: Path) -> None:
        from tui.core.store import SessionFileError, load
        from tui.screens.replay import ReplayScreen

        try:
            record = load(path)
        except SessionFileError as exc:
            self.notify(str(exc), title="Replay", severity="error", markup=False)
            return
        self.push_screen(ReplayScreen(record, path))

    def open_report(self, path: Path) -> None:
        from tui.core.store import SessionFileError, load
        from tui.screens.report import ReportScreen

        try:
            record = load(path)
        except SessionFileError as exc:
            self.notify(str(exc), title="Report", severity="error", markup=False)
            return
        self.push_screen(ReportScreen(record))

    def open_sessions(self) -> None:
        from tui.screens.sessions import SessionsScreen

        self.push_screen(SessionsScreen())

    def submit_final(self, state: RoundState, attempts: Iterable[QuestionAttempt], cause: RunCause) -> None:
        """Submit locked answers in the background; the app owns the worker, so it outlives the round screen.

        ``cause`` (finished early, time's up) is recorded with each run, so the report says how it was submitted.
        """
        from tui.core.checking import RunMode
        from tui.core.checks import stream_check

        todo = [a for a in attempts if a.question.code is not None]
        for attempt in todo:  # visible at once as "checking…"
            attempt.begin_run(RunMode.SUBMIT, state.at(), cause=cause)

        async def submit_all() -> None:
            for attempt in todo:
                run = attempt.current_run
                assert run is not None and attempt.question.code is not None
                await stream_check(self.runner, attempt.question.code, run, state.at, lambda _: self.state_changed())

        if todo:
            self.run_worker(submit_all(), group="final-submit", exit_on_error=False, name="final submission")
        self.state_changed()

    def state_changed(self) -> None:
        """Tell every screen that shows session state to re-render it."""
        self.save_session()
        for screen in self.screen_stack:
            handler = getattr(screen, "on_state_changed", None)
            if handler is not None and screen.is_mounted:
                handler()

    # -- lifecycle -------------------------------------------------------------------

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
        # Warm the checker up right after the first frame: it starts a process that
        # imports pytest, which would otherwise compete with drawing that frame.
        self.call_after_refresh(self._start_checker)
        self.set_interval(KEEP_SECONDS, self.save_session, name="autosave")
        route = self.route
        if isinstance(route, OnsiteRoute):
            self.push_screen(self.onsite_screen(route.loop_id, route.seed))
        elif isinstance(route, DrillRoute) and route.question_id is not None:
            self.push_screen(self.drill_screen(self.bank.question(route.question_id)))
        elif isinstance(route, DrillRoute):
            self.action_open_drill_picker()
        elif isinstance(route, ReplayRoute):
            self.open_replay(route.path)
        elif isinstance(route, ResumeRoute):
            self.resume(route.path)
        self.check_size()

    def _start_checker(self) -> None:
        self.run_worker(self.runner.start(), name="checker warm-up", exit_on_error=False)

    async def on_unmount(self) -> None:
        self.save_session(force=True)
        if self._saver is not None:
            await self._saver.flush()  # the last save is on disk before the process ends
        await self.runner.close()

    def on_resize(self, event: events.Resize) -> None:
        self.check_size(event.size)  # self.size is updated only after this handler

    def check_size(self, size: Size | None = None) -> None:
        """Cover the app with the too-small notice while the terminal is too small, and only then."""
        small = too_small(*(size or self.size))
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif not small and showing:
            self.pop_screen()

    # -- actions ---------------------------------------------------------------------

    def action_start_onsite(self) -> None:
        self.push_screen(self.onsite_screen())

    def action_open_drill_picker(self) -> None:
        from tui.screens.drill_picker import DrillPickerScreen

        self.push_screen(DrillPickerScreen())

    def action_open_settings(self) -> None:
        from tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def action_open_bank(self) -> None:
        from tui.screens.bank_browser import BankBrowserScreen

        self.push_screen(BankBrowserScreen())

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, (HelpScreen, TooSmallScreen)):
            self.push_screen(HelpScreen())

    def interview_in_progress(self) -> bool:
        """The live session has started and is not finished: quitting must ask what to do with it."""
        return self.keeper is not None and self.keeper.session.in_progress

    async def action_quit(self) -> None:
        from tui.screens.confirm import ConfirmScreen
        from tui.screens.quit import QuitScreen

        if isinstance(self.screen, (ConfirmScreen, QuitScreen)):
            return
        if self.keeper is None or not self.interview_in_progress():
            self.save_and_exit()
            return
        self.push_screen(QuitScreen(str(self.keeper.session.mode)), self.quit_as)

    def quit_as(self, choice: str | None) -> None:
        """Do what the quit dialog chose: finish the session now, keep it for later, or discard it."""
        keeper = self.keeper
        if choice is None or keeper is None:
            return
        if choice == "discard":
            keeper.session.abandon()
        elif choice == "finish":
            from tui.core.checking import RunCause

            self.save_session()  # the answers as typed, before they are locked
            session = keeper.session
            state = session.current
            to_submit = session.end_now()
            self.submit_final(state, to_submit, RunCause.FINISH)
            self.run_worker(self._exit_after_submissions(), name="quit after submitting", exit_on_error=False)
            return
        self.save_and_exit()

    def save_and_exit(self) -> None:
        """Exit after taking the answers from the screens (once unmounting, they are gone)."""
        self.save_session(force=True)
        self.exit(0)

    async def _exit_after_submissions(self) -> None:
        """Exit once every final submission in flight has its results (the report must not say "never submitted")."""
        pending = [w for w in self.workers if w.group == "final-submit" and not w.is_finished]
        if pending:
            self.notify("Submitting your answers before quitting…", title="Quit")
            await self.workers.wait_for_complete(pending)
        self.save_and_exit()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette: the round's own actions first (when in a round), then Textual's."""
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            for title, help_text, action in commands():
                yield SystemCommand(title, help_text, lambda a=action: screen.run_action(a))
        yield SystemCommand("Help", "Keys and how a round works", self.action_help)
        yield SystemCommand("Settings", "Choose the theme (previewed live, remembered)", self.action_open_settings)
        yield from super().get_system_commands(screen)


def _shipped_bank() -> Bank:
    from question_bank import load_bank

    return load_bank()


def build_app(
    *,
    bank: Bank | Callable[[], Bank] | None = None,
    clock: Clock | None = None,
    runner: CheckerRunner | None = None,
    route: Route = HomeRoute(),
    theme: str | None = None,
) -> MockloopApp:
    """The app, with real services unless told otherwise (tests pass fakes).

    ``theme`` overrides the configured theme for this run (``--theme``); an unknown
    name raises ``tui.theming.UnknownTheme``.
    """
    if bank is None:
        bank = _shipped_bank
    if runner is None:
        from tui.core.checker_client import CheckerClientRunner

        runner = CheckerClientRunner()
    return MockloopApp(bank=bank, clock=clock or MonotonicClock(), runner=runner, route=route, theme=theme)


def run_app(*, route: Route = HomeRoute(), time_scale: float = 1.0, theme: str | None = None) -> int:
    """Run the app in this terminal; returns the exit code for the command line."""
    app = build_app(clock=MonotonicClock(time_scale), route=route, theme=theme)
    result = app.run()
    return result if isinstance(result, int) else 0
