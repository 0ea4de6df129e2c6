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
from textual.signal import Signal
from textual.worker import Worker

from tui.core import messages
from tui.core.clock import Clock, MonotonicClock
from tui.core.config import interface_language, load_config, save_setting
from tui.core.messages import t
from tui.screens.home import HomeScreen
from tui.screens.localized import translated
from tui.screens.too_small import TooSmallScreen, too_small
from tui.session_host import SessionHost
from tui.theming import ThemedApp

if TYPE_CHECKING:
    from question_bank import Bank, Question
    from tui.core.autosave import BackgroundSaver
    from tui.core.checking import CheckerRunner
    from tui.core.keeper import SessionKeeper
    from tui.core.session import Session
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


class MockloopApp(SessionHost, ThemedApp[int]):
    """mockloop's full-screen app (the live session's services are ``SessionHost``'s)."""

    TITLE = "mockloop"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "key.quit", priority=True, show=False),
        Binding("f1", "help", "key.help", show=False),
    ]

    def __init__(
        self,
        *,
        bank: Bank | Callable[[], Bank],
        clock: Clock,
        runner: CheckerRunner,
        route: Route = HomeRoute(),
        theme: str | None = None,
        language: messages.Language | None = None,
    ) -> None:
        messages.set_language(language or interface_language(load_config().settings))
        super().__init__(theme_override=theme)
        self._bank = bank
        self.clock = clock
        self.runner = runner
        self.route = route
        self.keeper: SessionKeeper | None = None
        self._saver: BackgroundSaver | None = None
        self.session_changed: Signal[Session] = Signal(self, "session-changed")
        self.answers_wanted: Signal[Session] = Signal(self, "answers-wanted")

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

    def choose_language(self, lang: messages.Language) -> None:
        """Speak ``lang`` from now on and remember it in config.toml (a person chose it in Settings).

        Every screen on the stack relabels itself at once (``tui.screens.localized``).
        """
        from tui.screens.localized import Localized

        messages.set_language(lang)
        for screen in self.screen_stack:
            if isinstance(screen, Localized):
                self.call_later(screen.relabel)
        try:
            save_setting("language", lang)
        except OSError as exc:
            self.notify(messages.t("settings.not_saved", reason=exc.strerror or exc), severity="error", markup=False)

    def drill_screen(self, question: Question) -> Screen[None]:
        from tui.core.session import Session
        from tui.screens.round import RoundScreen

        return RoundScreen(self.keep(Session.drill(question, self.clock)))

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
        # A function, not a coroutine: made when the worker runs, so an app closed first leaves none un-awaited
        # (annotated: mypy cannot tell which of WorkType's forms an async function is).
        warm_up: Worker[None] = self.run_worker(self.runner.start, name="checker warm-up", exit_on_error=False)
        self.checker_warm_up = warm_up
        # The written-answer analyzers and their lemmatiser's dictionaries take ~0.5 s to load:
        # in a thread now rather than on the loop when the first round ends.
        self.run_worker(_import_text_analyzers, name="text analyzers warm-up", thread=True, exit_on_error=False)

    async def on_unmount(self) -> None:
        await self.close_session()
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

    def action_command_palette(self) -> None:
        """Textual's palette, with its search prompt in the interface language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=t("palette.search")))

    def action_help_quit(self) -> None:
        """ctrl+c (Textual's copy key) said in the interface language: how to really quit."""
        self.notify(t("app.help_quit"), title=t("app.help_quit.title"), markup=False)

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

    def action_open_progress(self) -> None:
        from tui.screens.progress import ProgressScreen

        if not isinstance(self.screen, ProgressScreen):
            self.push_screen(ProgressScreen())

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, (HelpScreen, TooSmallScreen)):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette everywhere: help, progress, settings, then Textual's.

        Screens add their own commands (``tui.screens.commands``).
        """
        yield SystemCommand(messages.t("palette.help"), messages.t("palette.help.help"), self.action_help)
        yield SystemCommand(
            messages.t("palette.progress"), messages.t("palette.progress.help"), self.action_open_progress
        )
        yield SystemCommand(
            messages.t("palette.settings"), messages.t("palette.settings.help"), self.action_open_settings
        )
        for command in super().get_system_commands(screen):  # Textual's own, in the interface language
            yield command._replace(title=translated(command.title), help=translated(command.help))


def _import_text_analyzers() -> None:
    import tui.core.feedback  # noqa: F401  (imports checkers.text)
    from checkers.text.language import load_dictionaries

    load_dictionaries()


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
    language: messages.Language | None = None,
) -> MockloopApp:
    """The app, with real services unless told otherwise (tests pass fakes).

    ``theme`` overrides the configured theme for this run (``--theme``); an unknown
    name raises ``tui.theming.UnknownTheme``. ``language`` is the interface's (default:
    the setting, else the system locale).
    """
    if bank is None:
        bank = _shipped_bank
    if runner is None:
        from tui.core.checker_client import CheckerClientRunner

        runner = CheckerClientRunner()
    return MockloopApp(
        bank=bank, clock=clock or MonotonicClock(), runner=runner, route=route, theme=theme, language=language
    )


def run_app(*, route: Route = HomeRoute(), time_scale: float = 1.0, theme: str | None = None) -> int:
    """Run the app in this terminal; returns the exit code for the command line.

    The interface speaks the language the command line chose (``--lang``, else the setting).
    """
    app = build_app(clock=MonotonicClock(time_scale), route=route, theme=theme, language=messages.language())
    result = app.run()
    return result if isinstance(result, int) else 0
