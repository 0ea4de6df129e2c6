"""The home screen: the product's name and what you can do.

The menu is a list of ``MenuEntry`` values, each naming an app action; a
feature arrives by adding its entry to ``MENU`` (replay, settings…). The
``#home-banner`` slot above the menu is where a later version puts the
"resume your session" banner and recent sessions; it is empty and hidden now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from tui.core.messages import t
from tui.screens.commands import PaletteCommand, ScreenCommands
from tui.screens.localized import Localized
from tui.services import services

if TYPE_CHECKING:  # the engine's modules load when first used: the first frame does not wait for them
    from tui.core.history import HistoryEntry
    from tui.core.progress_report import ProgressReport

LOGO = """\
┌┬┐┌─┐┌─┐┬┌─┬  ┌─┐┌─┐┌─┐
││││ ││  ├┴┐│  │ ││ │├─┘
┴ ┴└─┘└─┘┴ ┴┴─┘└─┘└─┘┴  """


#: How many recent sessions the home screen lists.
RECENT = 3
#: Below this many rows home shows only the resume notice and the menu.
SHORT_HEIGHT = 36


@dataclass(frozen=True, slots=True)
class MenuEntry:
    """A menu line: its words are the catalogue's ``home.menu.<id>`` (and ``<id>.help`` when it has one)."""

    id: str
    action: str  # an app action, run when the entry is chosen
    described: bool = True

    @property
    def label(self) -> str:
        return t(f"home.menu.{self.id}")

    @property
    def description(self) -> str:
        return t(f"home.menu.{self.id}.help") if self.described else ""

    @property
    def palette_title(self) -> str:
        """The entry's label without the loop's name in brackets (the palette matches on words)."""
        return self.label.split(" (")[0]


MENU: tuple[MenuEntry, ...] = (
    MenuEntry("onsite", "start_onsite"),
    MenuEntry("drill", "open_drill_picker"),
    MenuEntry("bank", "open_bank"),
    MenuEntry("sessions", "open_sessions"),
    MenuEntry("progress", "open_progress"),
    MenuEntry("settings", "open_settings"),
    MenuEntry("quit", "quit", described=False),
)


#: What the palette says of the commands that are not menu entries (catalogue keys).
REPLAY_HELP = "home.palette.replay"
DRILL_NEXT_HELP = "home.palette.drill_next"
DISCARD_HELP = "home.palette.discard"


class HomeScreen(Localized, Screen[None]):
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "key.help"),
        Binding("q", "app.quit", "key.quit", show=False),
        Binding("r", "resume", "key.resume"),
        Binding("d", "discard", "key.discard"),
        Binding("h", "sessions", "key.history"),
        Binding("n", "drill_next", "key.drill_next"),
        Binding("p", "app.open_progress", "key.progress", show=False),  # named on the due line
    ]

    def __init__(self) -> None:
        super().__init__()
        self._recent: list[HistoryEntry] = []
        self._resumable: HistoryEntry | None = None
        self._locked_by: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(Content(LOGO), id="home-logo", markup=False)
            yield Static(
                Content(t("home.tagline")),
                id="home-tagline",
                markup=False,
            )
            yield Vertical(id="home-banner")
            yield Static(id="home-due", markup=False)
            with Center():
                yield OptionList(*(self._option(entry) for entry in MENU), id="home-menu")
        yield Footer()

    @staticmethod
    def _prompt(entry: MenuEntry, *, highlighted: bool = False) -> Content:
        """The entry's label and description; on the highlighted row the description takes the
        row's own colour, because $text-muted on the highlight's background is unreadable."""
        if not entry.description:
            return Content.styled(entry.label, "bold")
        return Content.assemble((entry.label, "bold"), "\n", (entry.description, "" if highlighted else "$text-muted"))

    def _option(self, entry: MenuEntry) -> Option:
        return Option(self._prompt(entry), id=entry.id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        menu = event.option_list
        for entry in MENU:
            menu.replace_option_prompt(entry.id, self._prompt(entry, highlighted=entry.id == event.option_id))

    def on_resize(self) -> None:
        # On a short terminal (80x24) the logo and recent sessions give way, so the resume
        # notice stays on screen while the footer offers "r Resume" (history lists the rest).
        self.set_class(self.size.height < SHORT_HEIGHT, "-short")

    async def on_mount(self) -> None:
        self.set_class(self.size.height < SHORT_HEIGHT, "-short")
        self.query_one("#home-menu", OptionList).focus()
        self.query_one("#home-due", Static).display = False
        await self.show_banner()

    async def relabel(self) -> None:
        await super().relabel()
        self.query_one("#home-menu", OptionList).focus()
        self.query_one("#home-due", Static).display = False
        await self.show_banner()
        self.show_due()

    async def on_screen_resume(self) -> None:  # also when Home is first shown
        await self.show_banner()
        self.show_due()

    # -- what is due today -----------------------------------------------------------

    def show_due(self) -> None:
        """Read the schedule (in step with history) off the event loop, then say what is due today."""
        self.run_worker(self._due, thread=True, exclusive=True, group="due", exit_on_error=False)

    def _due(self) -> ProgressReport | None:
        from tui.core.progress_report import collect

        try:
            report = collect(dt.datetime.now(dt.UTC))  # no bank: the first frame must not wait for it
        except OSError:
            return None  # History says why the folder cannot be listed
        if report.problem is not None:  # said even if this worker's result is dropped for a newer one
            self.app.call_from_thread(
                self.notify, report.problem, title=t("home.due.schedule"), severity="warning", markup=False
            )
        return report

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "due" or event.state is not WorkerState.SUCCESS:
            return
        report: ProgressReport | None = event.worker.result
        if report is None:
            return
        line = self.query_one("#home-due", Static)
        if report.due:
            # " · " between titles: a title may hold a comma ("Why LLMs, and why Mistral AI?").
            titles = " · ".join(report.titles.get(q, q) for q, _ in report.due[:3])
            more = t("home.due.more", count=len(report.due) - 3) if len(report.due) > 3 else ""
            keys = (
                ("n", "bold $accent"),
                f" {t('home.due.drill')}   ",
                ("p", "bold $accent"),
                f" {t('home.due.progress')}",
            )
            line.update(Content.assemble((t("home.due.title"), "bold"), f"{titles}{more}\n", *keys))
        line.display = bool(report.due)

    def action_drill_next(self) -> None:
        """Drill the most due question, or the first never tried (the schedule decides: ``mockloop drill --next``)."""
        from tui.core.progress_report import collect

        app = services(self)
        try:
            report = collect(dt.datetime.now(dt.UTC), bank=app.bank)
        except OSError as exc:
            self.notify(t("sessions.cannot_list", reason=exc.strerror or exc), severity="error", markup=False)
            return
        if report.next_up is None:
            self.notify(t("home.due.nothing"), markup=False)
            return
        self.app.push_screen(app.drill_screen(app.bank.question(report.next_up)))

    async def show_banner(self) -> None:
        """The resume banner (an interrupted session) and the most recent sessions, when there are any.

        Async on purpose: the old banner must be gone before the new one (same
        ids) is mounted; mount and screen-resume arrive back to back at start.
        """
        from tui.core.history import list_sessions

        banner = self.query_one("#home-banner", Vertical)
        await banner.remove_children()
        try:
            entries = list_sessions()
        except OSError:
            entries = []
        self._recent = entries[:RECENT]
        resumable = next((e for e in entries if e.resumable), None)
        self._resumable = resumable
        self._locked_by = None
        if resumable is not None:
            from tui.core.session_lock import other_holder

            what = f"{resumable.title or t('mode.' + resumable.mode)} · {resumable.created} UTC · {resumable.outcome}\n"
            pid = self._locked_by = other_holder(resumable.path)
            if pid is None:
                head = t("home.resume.head")
                keys = [("r", f" {t('home.resume.resume')}   "), ("d", f" {t('home.resume.discard')}")]
            else:
                who = t("home.resume.another_pid", pid=pid) if pid else t("home.resume.another")
                head, keys = t("home.resume.open_in", who=who), [("r", f" {t('home.resume.replay')}")]
            parts: list[str | tuple[str, str]] = [(head, "bold"), what]
            for key, label in keys:
                parts += [(key, "bold $accent"), label]
            await banner.mount(Static(Content.assemble(*parts), id="home-resume", markup=False))
        if self._recent:
            title = Static(Content(t("home.recent")), classes="section-title home-recent", markup=False)
            await banner.mount(title)
            await banner.mount(
                Static(
                    Content("\n".join(e.line().rstrip() for e in self._recent)),
                    id="home-recent",
                    classes="home-recent",
                    markup=False,
                )
            )
        banner.display = bool(resumable or self._recent)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return self._resumable is not None
        if action == "discard":  # not while another mockloop writes it
            return self._resumable is not None and self._locked_by is None
        return True

    def palette_commands(self) -> list[PaletteCommand]:
        """Home's menu and keys for the command palette (``ScreenCommands``)."""
        commands = [PaletteCommand(e.palette_title, e.description, f"app.{e.action}") for e in MENU]
        commands.insert(-2, PaletteCommand(t("home.palette.replay.title"), t(REPLAY_HELP), "sessions"))
        commands.insert(2, PaletteCommand(t("key.drill_next"), t(DRILL_NEXT_HELP), "drill_next"))
        if self.check_action("resume", ()):
            resume = PaletteCommand(t("home.palette.resume.title"), t("home.palette.resume"), "resume")
            commands.insert(0, resume)
        if self.check_action("discard", ()):
            commands.append(PaletteCommand(t("home.palette.discard.title"), t(DISCARD_HELP), "discard"))
        return commands

    def action_resume(self) -> None:
        if self._resumable is not None:
            services(self).resume(self._resumable.path)

    async def action_discard(self) -> None:
        from tui.core.keeper import abandon
        from tui.core.session_lock import SessionLocked
        from tui.core.store import SessionFileError

        if self._resumable is not None:
            try:
                abandon(self._resumable.path)
            except (SessionFileError, SessionLocked, OSError) as exc:
                self.notify(str(exc), severity="error", markup=False)
            await self.show_banner()

    def action_sessions(self) -> None:
        services(self).open_sessions()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = next(e for e in MENU if e.id == event.option_id)
        await self.app.run_action(entry.action)
