"""Settings: the theme, previewed live and remembered in config.toml.

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
from tui.theming import ThemedApp
from tui.widgets.code_editor import CodeEditor
from tui.widgets.test_panel import STATUS_LOOK, STATUS_WORDS

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

#: (CSS class of the sample badge, its text): the countdown's phases as the round shows them.
TIMER_SAMPLES = (
    ("-normal", " 23:41 "),
    ("-low", " 10:12 · low "),
    ("-critical", " ⚠ 01:45 "),
    ("-overtime", " +03:12 overtime "),
    ("-paused", " ⏸ 12:00 paused "),
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
        parts += [(f"{icon} {STATUS_WORDS[status]}", f"${variable}"), "   "]
    return Content.assemble(*parts[:-1])


class SettingsScreen(Screen[None]):
    """The theme list and a live preview."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("f1", "app.help", "Help", show=False),
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
            yield Static(Content("Settings"), classes="screen-title", markup=False)
            with Horizontal(id="settings-body"):
                with Vertical(id="settings-themes"):
                    yield Static(Content("Theme"), classes="section-title", markup=False)
                    yield OptionList(*self._options(), id="theme-list")
                    yield Static(
                        Content(
                            "↑↓ preview · enter choose · escape back.\n"
                            f"Your own themes: *.toml in {display_path(app.theme_catalog.user_dir)} "
                            "(format: themes/README.md)."
                        ),
                        id="settings-help",
                        markup=False,
                    )
                with VerticalScroll(id="settings-preview"):
                    yield Static(Content(""), id="preview-title", markup=False)
                    yield CodeEditor.for_python(SAMPLE_CODE, id="preview-code", read_only=True)
                    yield Static(status_preview(), id="preview-statuses", markup=False)
                    with Horizontal(id="preview-timers"):
                        for css_class, text in TIMER_SAMPLES:
                            yield Static(Content(text), classes=f"timer-sample {css_class}", markup=False)
        yield Footer()

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
        return Content.assemble(f"{current} ", (name, "bold"), (f"  {origin}", "" if highlighted else "$text-muted"))

    def on_mount(self) -> None:
        self._opened_with = self.app.theme
        options = self.query_one("#theme-list", OptionList)
        names = self.themed_app.theme_names()
        if self.app.theme in names:
            options.highlighted = options.get_option_index(self.app.theme)
        options.focus()
        self._describe(self.app.theme)

    def _describe(self, name: str) -> None:
        catalog = self.themed_app.theme_catalog
        spec = catalog.spec(name)
        description = spec.description if spec is not None and spec.description else "A Textual built-in theme."
        self.query_one("#preview-title", Static).update(Content.assemble((name, "bold $accent"), " — ", description))

    def _refresh_labels(self) -> None:
        options = self.query_one("#theme-list", OptionList)
        highlighted = options.highlighted_option.id if options.highlighted_option is not None else None
        for name in self.themed_app.theme_names():
            options.replace_option_prompt(name, self._label(name, highlighted=name == highlighted))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        name = event.option.id
        self._refresh_labels()
        if name is None or name == self.app.theme:
            return
        self.app.theme = name  # a preview: not saved
        self._describe(name)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        name = event.option.id
        if name is None:
            return
        self.themed_app.choose_theme(name)
        self._opened_with = name
        self._describe(name)
        self._refresh_labels()
        self.notify(f"Theme {name!r} chosen; it will be used next time too.", markup=False, timeout=4)

    def action_back(self) -> None:
        if self.app.theme != self._opened_with:
            self.app.theme = self._opened_with
        self.dismiss(None)
