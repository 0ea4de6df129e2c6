"""Before an onsite: the five rounds, how long each lasts, what each assesses, the rules."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from tui.core.session import Session
from tui.services import services


def hours_minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


RULES = (
    "The clock starts when you begin a round and never pauses.",
    "When a round's time is up, your answers are locked and submitted as they stand.",
    "Asking the interviewer and taking hints are allowed; each is noted, with its time, in your report.",
    "Run (ctrl+r) checks the prompt's examples; Submit (ctrl+s) runs every test and may be repeated: the last counts.",
)


class BriefingScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "begin", "Begin round 1", priority=True),
        Binding("escape", "back", "Back"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        lang = self.session.lang
        assert self.session.loop is not None
        loop = self.session.loop
        with VerticalScroll(id="briefing"):
            yield Static(Content(f"Briefing · {loop.title.get(lang)}"), classes="screen-title", markup=False)
            yield Static(
                Content(f"{len(loop.rounds)} rounds, {hours_minutes(loop.total_minutes)} in all, back to back."),
                markup=False,
            )
            yield Static(self._rounds(), id="briefing-rounds", markup=False)
            yield Static(Content("How it works"), classes="section-title", markup=False)
            rules = list(RULES)
            scale = services(self).clock.scale
            if scale != 1.0:
                rules.append(f"The clock runs {scale:g}× faster than real time (--time-scale).")
            yield Static(Content("\n".join(f"• {rule}" for rule in rules)), id="briefing-rules", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Back", id="back", compact=True)
                yield Button("Begin round 1 (Enter)", id="begin", variant="primary", compact=True)
        yield Footer()

    def _rounds(self) -> Content:
        lang = self.session.lang
        parts: list[str | tuple[str, str]] = []
        for index, state in enumerate(self.session.rounds):
            round_ = state.round
            count = len(state.attempts)
            parts += [
                (f" {index + 1}  ", "bold $accent"),
                (round_.title.get(lang), "bold"),
                (f" · {round_.minutes} min · {count} question{'s' if count > 1 else ''}", "$text-muted"),
                "\n    ",
                round_.assesses.get(lang),
                "\n\n",
            ]
        return Content.assemble(*parts)

    def on_mount(self) -> None:
        self.query_one("#begin", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "begin":
            self.action_begin()
        else:
            self.action_back()

    def action_begin(self) -> None:
        from tui.screens.round import RoundScreen

        self.session.begin()
        self.app.switch_screen(RoundScreen(self.session))

    def action_back(self) -> None:
        self.dismiss(None)
