"""The home screen: the product's name and what you can do.

The menu is a list of ``MenuEntry`` values, each naming an app action; a
feature arrives by adding its entry to ``MENU`` (replay, settings…). The
``#home-banner`` slot above the menu is where a later version puts the
"resume your session" banner and recent sessions; it is empty and hidden now.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

LOGO = """\
┌┬┐┌─┐┌─┐┬┌─┬  ┌─┐┌─┐┌─┐
││││ ││  ├┴┐│  │ ││ │├─┘
┴ ┴└─┘└─┘┴ ┴┴─┘└─┘└─┘┴  """


@dataclass(frozen=True, slots=True)
class MenuEntry:
    id: str
    label: str
    description: str
    action: str  # an app action, run when the entry is chosen


MENU: tuple[MenuEntry, ...] = (
    MenuEntry(
        "onsite",
        "Start full onsite (Mistral AI · Software Engineer)",
        "Five timed rounds back to back, as on the day.",
        "start_onsite",
    ),
    MenuEntry("drill", "Drill a question", "One question, one timer; pause and overtime allowed.", "open_drill_picker"),
    MenuEntry("bank", "Question bank", "Browse every question and its prompt.", "open_bank"),
    MenuEntry("quit", "Quit", "", "quit"),
)


class HomeScreen(Screen[None]):
    BINDINGS = [Binding("f1", "app.help", "Help"), Binding("q", "app.quit", "Quit", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(Content(LOGO), id="home-logo", markup=False)
            yield Static(
                Content("A timed, offline mock of the Mistral AI software-engineer loop."),
                id="home-tagline",
                markup=False,
            )
            yield Vertical(id="home-banner")
            with Center():
                yield OptionList(*(self._option(entry) for entry in MENU), id="home-menu")
        yield Footer()

    @staticmethod
    def _option(entry: MenuEntry) -> Option:
        if entry.description:
            prompt = Content.assemble((entry.label, "bold"), "\n", (entry.description, "$text-muted"))
        else:
            prompt = Content.styled(entry.label, "bold")
        return Option(prompt, id=entry.id)

    def on_mount(self) -> None:
        self.query_one("#home-menu", OptionList).focus()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = next(e for e in MENU if e.id == event.option_id)
        await self.app.run_action(entry.action)
