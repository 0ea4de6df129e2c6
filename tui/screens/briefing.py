"""Before an onsite: the five rounds, how long each lasts, what each assesses, the rules."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from tui.core.messages import plural, t
from tui.core.session import Session
from tui.screens.localized import Localized
from tui.services import services


def hours_minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


#: The rules of an onsite, as catalogue keys.
RULES = ("briefing.rule.clock", "briefing.rule.time_up", "briefing.rule.help", "briefing.rule.run")


class BriefingScreen(Localized, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "begin", "key.begin", priority=True),
        Binding("escape", "back", "key.back"),
        Binding("f1", "app.help", "key.help"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        lang = self.session.lang
        assert self.session.loop is not None
        loop = self.session.loop
        with VerticalScroll(id="briefing"):
            yield Static(Content(t("briefing.title", title=loop.title.get(lang))), classes="screen-title", markup=False)
            yield Static(
                Content(
                    t(
                        "briefing.length",
                        rounds=plural("count.round", len(loop.rounds)),
                        total=hours_minutes(loop.total_minutes),
                    )
                ),
                markup=False,
            )
            yield Static(self._rounds(), id="briefing-rounds", markup=False)
            yield Static(Content(t("briefing.how")), classes="section-title", markup=False)
            rules = [t(rule) for rule in RULES]
            scale = services(self).clock.scale
            if scale != 1.0:
                rules.append(t("briefing.rule.scale", scale=f"{scale:g}"))
            yield Static(Content("\n".join(f"• {rule}" for rule in rules)), id="briefing-rules", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("key.back"), id="back", compact=True)
                yield Button(t("briefing.begin_button"), id="begin", variant="primary", compact=True)
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
                (f" · {round_.minutes} min · {plural('count.question', count)}", "$text-muted"),
                "\n    ",
                round_.assesses.get(lang),
                "\n\n",
            ]
        return Content.assemble(*parts)

    def on_mount(self) -> None:
        self.query_one("#begin", Button).focus()

    async def relabel(self) -> None:
        await super().relabel()
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
