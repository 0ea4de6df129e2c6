"""Help: every key, and how a round works. The round's keys are read from its bindings."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.messages import t
from tui.screens.localized import Localized, translated
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
    ("tab / shift+tab", "help.editor.indent"),
)

HOW_IT_WORKS = ("help.how.colours", "help.how.onsite", "help.how.drill", "help.how.run", "help.how.hidden")


def key_section(title: str, keys: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> ComposeResult:
    """A section title, then one row per key: the key in a column as wide as the longest, the
    text beside it (wrapped lines stay in their column, so narrow terminals still read well)."""
    width = max(len(k) for k, _ in keys) + 4
    yield Static(Content.styled(title, "bold $accent"), classes="help-section", markup=False)
    for key, text in keys:
        with Horizontal(classes="help-row"):
            yield Static(Content.styled(key, "bold"), classes="help-key", markup=False).set_styles(f"width: {width};")
            yield Static(Content(text), classes="help-text", markup=False)  # already in the interface language


#: The hint under the help (catalogue keys).
CLOSE_HINT = "help.hint"
MORE_BELOW = "help.more_below"


def _said(keys: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return [(key, t(text)) for key, text in keys]


class HelpScreen(Localized, ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "close", "key.close")]

    def __init__(self) -> None:
        super().__init__(classes="modal")

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
                yield from key_section(t("help.section.round"), round_keys)
                yield from key_section(t("help.section.global"), _said(GLOBAL_KEYS))
                yield from key_section(t("help.section.editor"), _said(EDITOR_KEYS))
                yield Static(
                    Content.styled(t("help.section.how"), "bold $accent"), classes="help-section", markup=False
                )
                for line in HOW_IT_WORKS:
                    yield Static(Content(f"• {t(line)}"), classes="help-point", markup=False)
            yield Static(Content(t(CLOSE_HINT)), classes="dialog-hint", id="help-hint", markup=False)

    def on_mount(self) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.focus()  # ↑/↓, page up/down and space scroll it
        self.watch(body, "scroll_y", self._show_cue)
        self.watch(body, "virtual_size", self._later)

    def on_resize(self) -> None:
        self._later()

    def _later(self) -> None:
        """After the next layout: the body's scroll range is known only then."""
        self.call_after_refresh(self._show_cue)

    def _show_cue(self) -> None:
        """Say that there is more below (and how to reach it) until the end is in view."""
        body = self.query_one("#help-body", VerticalScroll)
        more = body.scroll_y < body.max_scroll_y
        hint = f"{t(MORE_BELOW)} · {t(CLOSE_HINT)}" if more else t(CLOSE_HINT)
        self.query_one("#help-hint", Static).update(Content(hint))

    def action_close(self) -> None:
        self.dismiss(None)
