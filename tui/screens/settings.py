"""Settings: the interface language and the theme, each remembered in config.toml.

The language list is on top: Enter on "Français" or "English" switches the
interface at once (this screen relabels itself; the screens under it follow
when shown again, ``tui.screens.localized``) and saves the choice. A new
session's question language starts as the interface language; ctrl+t in a
round still switches the question alone.

Moving through the list previews a theme (the whole app switches, so the
preview is the real thing); Enter chooses it and saves it; Escape goes back
and restores the theme the screen opened with unless one was chosen. The
preview pane shows what a theme must keep legible: code, the test statuses
(each with its icon and word, never colour alone) and the countdown's phases.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.core import locations
from tui.core.checking import TestStatus
from tui.core.messages import LANGUAGE_NAMES, LANGUAGES, as_language, language, t
from tui.screens.localized import Localized
from tui.services import services
from tui.theming import ThemedApp
from tui.widgets.code_editor import CodeEditor
from tui.widgets.test_panel import STATUS_LOOK, status_word

SAMPLE_CODE = '''\
@cache
def two_sum(nums: list[int], target: int):
    """One pass, with a dict of seen values."""
    seen: dict[int, int] = {}  # value -> index
    for i, n in enumerate(nums):
        if (j := seen.get(target - n)) is not None:
            return j, i
        seen[n] = i * 1 + 0
    raise ValueError(f"no pair for {target}")
'''

SAMPLE_STATUSES = (
    TestStatus.PASSED,
    TestStatus.FAILED,
    TestStatus.ERROR,
    TestStatus.TIMEOUT,
    TestStatus.CRASHED,
    TestStatus.RUNNING,
)

#: (CSS class of the sample badge, its text key): the countdown's phases as the round shows them.
TIMER_SAMPLES = (
    ("-normal", "settings.timer.normal"),
    ("-low", "settings.timer.low"),
    ("-critical", "settings.timer.critical"),
    ("-overtime", "settings.timer.overtime"),
    ("-paused", "settings.timer.paused"),
)


def display_path(path: Path) -> str:
    """``path`` as a person would type it: under ``$MOCKLOOP_HOME`` or ``~`` when it is."""
    home = os.environ.get(locations.HOME_VARIABLE, "").strip()
    for root, shown in ((home, f"${locations.HOME_VARIABLE}"), (str(Path.home()), "~")):
        if root and path.is_relative_to(Path(root).expanduser()):
            return str(Path(shown) / path.relative_to(Path(root).expanduser()))
    return str(path)


def status_preview() -> Content:
    parts: list[str | tuple[str, str]] = []
    for status in SAMPLE_STATUSES:
        icon, variable = STATUS_LOOK[status]
        parts += [(f"{icon} {status_word(status)}", f"${variable}"), "   "]
    return Content.assemble(*parts[:-1])


class SettingsScreen(Localized, Screen[None]):
    """The language list, the theme list and a live preview of the theme."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back"),
        Binding("l", "focus_list('language-list')", "key.language"),
        Binding("t", "focus_list('theme-list')", "key.theme"),
        Binding("f1", "app.help", "key.help", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._opened_with = ""

    @property
    def themed_app(self) -> ThemedApp[object]:
        assert isinstance(self.app, ThemedApp)
        return self.app

    def compose(self) -> ComposeResult:
        app = self.themed_app
        with Vertical(id="settings"):
            yield Static(Content(t("settings.title")), classes="screen-title", markup=False)
            with Horizontal(id="settings-body"):
                with Vertical(id="settings-themes"):
                    yield Static(Content(t("settings.language")), classes="section-title", markup=False)
                    yield OptionList(*self._language_options(), id="language-list")
                    yield Static(Content(t("settings.theme")), classes="section-title", markup=False)
                    yield OptionList(*self._options(), id="theme-list")
                    yield Static(
                        Content(t("settings.help", folder=display_path(app.theme_catalog.user_dir))),
                        id="settings-help",
                        markup=False,
                    )
                with VerticalScroll(id="settings-preview"):
                    yield Static(Content(""), id="preview-title", markup=False)
                    yield CodeEditor.for_python(SAMPLE_CODE, id="preview-code", read_only=True)
                    yield Static(status_preview(), id="preview-statuses", markup=False)
                    with Horizontal(id="preview-timers"):
                        for css_class, key in TIMER_SAMPLES:
                            yield Static(Content(t(key)), classes=f"timer-sample {css_class}", markup=False)
        yield Footer()

    @staticmethod
    def _language_options() -> list[Option | None]:
        current = language()
        return [
            Option(Content.assemble("● " if lang == current else "  ", (LANGUAGE_NAMES[lang], "bold")), id=lang)
            for lang in LANGUAGES
        ]

    def _options(self) -> list[Option | None]:
        catalog = self.themed_app.theme_catalog
        options: list[Option | None] = []
        previous = ""
        for name in catalog.names():
            origin = catalog.origin(name)
            if origin != previous and previous:
                options.append(None)  # a separator between mockloop's, yours and Textual's
            previous = origin
            options.append(Option(self._label(name), id=name))
        return options

    def _label(self, name: str, *, highlighted: bool = False) -> Content:
        """● marks the chosen theme; on the highlighted row the origin takes the row's colour
        ($text-muted on the highlight's background is unreadable)."""
        app = self.themed_app
        origin = app.theme_catalog.origin(name)
        current = "●" if name == (self._opened_with or app.theme) else " "
        origin_word = t("settings.origin." + origin)
        return Content.assemble(
            f"{current} ", (name, "bold"), (f"  {origin_word}", "" if highlighted else "$text-muted")
        )

    def on_mount(self) -> None:
        self._opened_with = self.app.theme
        self._show_choices(self.query_one("#theme-list", OptionList))

    async def relabel(self) -> None:
        await super().relabel()
        self._show_choices(self.query_one("#language-list", OptionList))

    def _show_choices(self, focus: OptionList) -> None:
        languages = self.query_one("#language-list", OptionList)
        languages.highlighted = languages.get_option_index(language())
        options = self.query_one("#theme-list", OptionList)
        names = self.themed_app.theme_names()
        if self.app.theme in names:
            options.highlighted = options.get_option_index(self.app.theme)
        focus.focus()
        self._describe(self.app.theme)

    def _describe(self, name: str) -> None:
        catalog = self.themed_app.theme_catalog
        spec = catalog.spec(name)
        description = spec.described(language()) if spec is not None and spec.description else t("settings.builtin")
        self.query_one("#preview-title", Static).update(Content.assemble((name, "bold $accent"), " — ", description))

    def _refresh_labels(self) -> None:
        options = self.query_one("#theme-list", OptionList)
        highlighted = options.highlighted_option.id if options.highlighted_option is not None else None
        for name in self.themed_app.theme_names():
            options.replace_option_prompt(name, self._label(name, highlighted=name == highlighted))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_list.id != "theme-list":
            return
        name = event.option.id
        self._refresh_labels()
        if name is None or name == self.app.theme:
            return
        self.app.theme = name  # a preview: not saved
        self._describe(name)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "language-list":
            chosen = as_language(event.option.id)
            if chosen is not None:
                services(self).choose_language(chosen)  # every screen relabels, this one too
                said = t(f"settings.in_sentence.{chosen}")
                self.notify(t("settings.language_chosen", language=said), markup=False, timeout=4)
            return
        name = event.option.id
        if name is None:
            return
        self.themed_app.choose_theme(name)
        self._opened_with = name
        self._describe(name)
        self._refresh_labels()
        self.notify(t("settings.theme_chosen", name=name), markup=False, timeout=4)

    def action_focus_list(self, list_id: str) -> None:
        self.query_one(f"#{list_id}", OptionList).focus()

    def action_back(self) -> None:
        if self.app.theme != self._opened_with:
            self.app.theme = self._opened_with
        self.dismiss(None)
