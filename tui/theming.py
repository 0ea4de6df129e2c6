"""Themes in the app: which exist, which one is active, and how a choice is remembered.

``ThemedApp`` is the base of ``MockloopApp``. At start it registers the
shipped themes (``themes/files``) and the user's (``*.toml`` in
``locations.themes_dir()``) next to Textual's built-in ones, then picks the
theme: ``--theme`` for this run, else ``theme`` in ``config.toml``, else
``mistral``. A broken user theme file, a broken ``config.toml`` or a
configured theme that no longer exists never stops the app: the problems are
collected and shown once, in one notification, after the first frame.

``choose_theme`` is how a person's choice is applied and remembered (the
Settings screen and the palette's theme list use it); a preview, a ``--theme``
and the tests set ``app.theme`` directly, which is never saved.

Every theme gets the app's own variables (``$status-passed``, ``$timer-low``,
``$syntax-keyword``…, see ``themes.variables``) through ``get_css_variables``,
so ``app.tcss`` may use them whichever theme is active.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from textual.app import App
from textual.command import CommandPalette
from textual.theme import BUILTIN_THEMES, Theme, ThemeProvider

from themes import DEFAULT_THEME, ThemeFileError, ThemeSpec, load_theme_folder, shipped_themes
from themes.variables import variables_for
from tui.core import locations
from tui.core.config import load_config, save_setting
from tui.core.messages import t

if TYPE_CHECKING:
    from textual.widgets.text_area import TextAreaTheme

ReturnType = TypeVar("ReturnType")

#: How long the start-up problems stay on screen (seconds).
PROBLEMS_TIMEOUT = 20


class UnknownTheme(ValueError):
    """``--theme NAME`` named no available theme; the message is one sentence listing them."""


@dataclass
class ThemeCatalog:
    """Every theme the app can use, by origin, and what went wrong loading them."""

    shipped: list[ThemeSpec]
    user: list[ThemeSpec]
    user_dir: Path
    errors: list[ThemeFileError] = field(default_factory=list)

    @classmethod
    def load(cls, user_dir: Path | None = None) -> ThemeCatalog:
        folder = user_dir if user_dir is not None else locations.themes_dir()
        loaded = load_theme_folder(folder)
        return cls(list(shipped_themes()), loaded.themes, folder, loaded.errors)

    @property
    def builtin_names(self) -> list[str]:
        """Textual's own themes not replaced by a shipped or user theme of the same name."""
        ours = {spec.name for spec in [*self.shipped, *self.user]}
        return [name for name in BUILTIN_THEMES if name not in ours]

    def names(self) -> list[str]:
        """Every available theme: shipped first, then the user's, then Textual's."""
        shipped = [s.name for s in self.shipped if s.name not in {u.name for u in self.user}]
        return [*shipped, *(s.name for s in self.user), *self.builtin_names]

    def themes(self) -> Iterable[Theme]:
        """The themes to register (a user theme replaces a shipped one of the same name)."""
        user_names = {s.name for s in self.user}
        for spec in self.shipped:
            if spec.name not in user_names:
                yield spec.to_theme()
        for spec in self.user:
            yield spec.to_theme()

    def spec(self, name: str) -> ThemeSpec | None:
        for spec in [*self.user, *self.shipped]:
            if spec.name == name:
                return spec
        return None

    def origin(self, name: str) -> str:
        if any(s.name == name for s in self.user):
            return "yours"
        if any(s.name == name for s in self.shipped):
            return "mockloop"
        return "Textual"

    def check(self, name: str) -> str:
        """``name`` if it is available; raises ``UnknownTheme`` (one sentence) otherwise."""
        if name in self.names():
            return name
        for error in self.errors:
            if error.path.stem == name:
                raise UnknownTheme(t("theme.not_loaded", name=name, error=error))
        raise UnknownTheme(t("theme.unknown", name=name, names=", ".join(self.names())))


class ChooseThemeProvider(ThemeProvider):
    """The palette's theme list (ctrl+p → Theme), remembering the choice like the Settings screen does."""

    @property
    def commands(self) -> list[tuple[str, Callable[[], None]]]:
        app = self.app
        names = app.theme_names() if isinstance(app, ThemedApp) else sorted(app.available_themes)
        choose = app.choose_theme if isinstance(app, ThemedApp) else partial(setattr, app, "theme")
        return [(name, partial(choose, name)) for name in names]


class ThemedApp(App[ReturnType], Generic[ReturnType]):
    """An app with mockloop's themes; ``theme_override`` is ``--theme`` (checked, never saved)."""

    def __init__(self, *, theme_override: str | None = None, themes_dir: Path | None = None) -> None:
        super().__init__()
        self.theme_catalog = ThemeCatalog.load(themes_dir)
        for theme in self.theme_catalog.themes():
            self.register_theme(theme)
        self.theme_problems: list[str] = [t("theme.file_error", error=error) for error in self.theme_catalog.errors]
        config = load_config()
        if config.problem:
            self.theme_problems.append(t("theme.settings_problem", problem=config.problem))
        name = DEFAULT_THEME
        if theme_override is not None:
            name = self.theme_catalog.check(theme_override)
        elif config.settings.theme is not None:
            if config.settings.theme in self.theme_catalog.names():
                name = config.settings.theme
            else:
                self.theme_problems.append(
                    t("theme.unavailable", name=config.settings.theme, path=config.path, default=DEFAULT_THEME)
                )
        self.theme = name

    def theme_names(self) -> list[str]:
        return self.theme_catalog.names()

    def on_mount(self) -> None:
        if self.theme_problems:
            self.notify(
                "\n".join(self.theme_problems),
                title=t("theme.problems_title"),
                severity="warning",
                timeout=PROBLEMS_TIMEOUT,
                markup=False,
            )

    def choose_theme(self, name: str) -> None:
        """Switch to ``name`` and remember it in config.toml (a person chose it)."""
        self.theme = self.theme_catalog.check(name)
        try:
            save_setting("theme", name)
        except OSError as exc:
            self.notify(
                t("settings.not_saved", reason=exc.strerror or exc),
                severity="error",
                markup=False,
            )

    def get_css_variables(self) -> dict[str, str]:
        """Textual's variables plus the app's own (``$status-*``, ``$timer-*``, ``$syntax-*``, ``$editor-*``)."""
        variables = variables_for(self.current_theme, base=super().get_css_variables())
        self.theme_variables = variables
        return variables

    def search_themes(self) -> None:
        """The palette's theme list: like Textual's, but the choice is remembered."""
        self.push_screen(CommandPalette(providers=[ChooseThemeProvider], placeholder=t("theme.search")))

    def editor_theme(self) -> TextAreaTheme:
        """The code editor's colours for the active theme."""
        from themes.code import text_area_theme

        theme = self.current_theme
        return text_area_theme(f"mockloop-{theme.name}", variables_for(theme))
