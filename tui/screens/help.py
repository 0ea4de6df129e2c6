"""Help: every key, and how a round works. The round's keys are read from its bindings."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.messages import t
from tui.screens.localized import translated
from tui.screens.round import ROUND_BINDINGS

#: (keys, catalogue key of what they do).
GLOBAL_KEYS = (
    ("f1", "help.global.help"),
    ("ctrl+p", "help.global.palette"),
    ("ctrl+q", "help.global.quit"),
    ("tab / shift+tab", "help.global.tab"),
    ("escape", "help.global.escape"),
)

EDITOR_KEYS = (
    ("ctrl+z / ctrl+y", "help.editor.undo"),
    ("ctrl+a / ctrl+e", "help.editor.line"),
    ("ctrl+x / ctrl+c / ctrl+v", "help.editor.clipboard"),
    ("f6 / f7", "help.editor.select"),
)

HOW_IT_WORKS = ("help.how.colours", "help.how.onsite", "help.how.drill", "help.how.run", "help.how.hidden")


def key_lines(title: str, keys: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> Content:
    width = max(len(k) for k, _ in keys)
    parts: list[str | tuple[str, str]] = [(title, "bold $accent"), "\n"]
    for key, text in keys:
        parts += [(f"  {key:<{width}}  ", "bold"), text, "\n"]
    return Content.assemble(*parts)


def _said(keys: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return [(key, t(text)) for key, text in keys]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "close", "key.close")]

    def compose(self) -> ComposeResult:
        round_keys = [
            (b.key.replace(",", " / "), translated(b.tooltip or b.description))
            for b in ROUND_BINDINGS
            if b.action != "app.help" and not b.action.startswith("switch_question")
        ]
        round_keys.append(("alt+← / alt+→", t("help.switch_question")))
        with Vertical(classes="dialog wide", id="help"):
            yield Static(Content(t("help.title")), classes="dialog-title", markup=False)
            with VerticalScroll(id="help-body"):
                yield Static(key_lines(t("help.section.round"), round_keys), markup=False)
                yield Static(key_lines(t("help.section.global"), _said(GLOBAL_KEYS)), markup=False)
                yield Static(key_lines(t("help.section.editor"), _said(EDITOR_KEYS)), markup=False)
                yield Static(
                    Content.assemble(
                        (t("help.section.how"), "bold $accent"), "\n", *(f"  • {t(line)}\n" for line in HOW_IT_WORKS)
                    ),
                    markup=False,
                )
            yield Static(Content(t("help.hint")), classes="dialog-hint", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
