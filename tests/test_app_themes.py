"""Themes in the app: the start-up choice, problems reported once, live switching, Settings, the palette, --theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cli_support import run_mockloop
from conftest import TWO_SUM_TESTS, TWO_SUM_VISIBLE, make_app, settle, type_text
from rich.style import Style
from textual.app import App
from textual.command import CommandList
from textual.widgets import OptionList

from question_bank import Bank
from tui.app import DrillRoute, HomeRoute
from tui.core import locations
from tui.core.checking import TestStatus
from tui.core.clock import FakeClock
from tui.core.config import load_config, save_setting
from tui.core.fakes import InstantRunner, ScriptedRunner
from tui.screens.home import MENU
from tui.screens.round import RoundScreen
from tui.screens.settings import SettingsScreen
from tui.theming import ThemeCatalog, UnknownTheme
from tui.widgets.code_editor import CodeEditor
from tui.widgets.test_panel import TestPanel

GOOD_USER_THEME = """\
name = "my-night"
dark = true
description = "Mine."
[colors]
primary = "#3D8BFD"
background = "#0B1622"
[syntax]
keyword = "#123456"
"""


def user_themes(home: Path) -> Path:
    folder = locations.themes_dir()
    assert folder == home / "config" / "themes"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def notifications(app: App[Any]) -> list[str]:
    return [n.message for n in app._notifications]


# -- the start-up choice ------------------------------------------------------------


async def test_mistral_is_the_default_and_textual_themes_stay(app_bank: Bank, clock: FakeClock) -> None:
    app = make_app(app_bank, clock, ScriptedRunner())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "mistral"
        assert {"mistral", "mistral-light", "high-contrast", "nord", "textual-light"} <= set(app.available_themes)
        assert app.theme_variables["status-passed"] == "#6FD99B"
        assert not notifications(app)


async def test_the_configured_theme_is_used(app_bank: Bank, clock: FakeClock) -> None:
    save_setting("theme", "mistral-light")
    app = make_app(app_bank, clock, ScriptedRunner())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "mistral-light" and not app.current_theme.dark


async def test_a_broken_user_theme_is_reported_once_and_the_default_is_used(
    app_bank: Bank, clock: FakeClock, _isolated_home: Path
) -> None:
    folder = user_themes(_isolated_home)
    (folder / "mine.toml").write_text(GOOD_USER_THEME.replace('primary = "#3D8BFD"', 'primary = "bleu"'))
    app = make_app(app_bank, clock, ScriptedRunner())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "mistral"
        messages = notifications(app)
        assert len(messages) == 1
        assert "mine.toml" in messages[0] and "`colors.primary`" in messages[0] and "'bleu'" in messages[0]
        assert "my-night" not in app.available_themes


async def test_a_good_user_theme_is_available_with_its_code_colours(
    app_bank: Bank, clock: FakeClock, _isolated_home: Path
) -> None:
    (user_themes(_isolated_home) / "mine.toml").write_text(GOOD_USER_THEME)
    save_setting("theme", "my-night")
    app = make_app(app_bank, clock, ScriptedRunner(), DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert app.theme == "my-night"
        assert app.theme_catalog.origin("my-night") == "yours"
        editor = app.screen.query_one(CodeEditor)
        assert editor.theme == "mockloop-my-night"
        assert editor._theme.syntax_styles["keyword"] == Style.parse("#123456")
        assert "status-passed" in app.theme_variables  # derived: the file did not set it


async def test_problems_are_collected_into_one_notification(
    app_bank: Bank, clock: FakeClock, _isolated_home: Path
) -> None:
    folder = user_themes(_isolated_home)
    (folder / "a.toml").write_text("name = \n")
    (folder / "b.toml").write_text(GOOD_USER_THEME + "shade = 1\n")
    config = locations.config_dir() / "config.toml"
    config.write_text('theme = "gone"\n')
    app = make_app(app_bank, clock, ScriptedRunner())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "mistral"
        [message] = notifications(app)
        assert "a.toml" in message and "b.toml" in message and "'gone'" in message
    assert config.read_text() == 'theme = "gone"\n'  # reported, never rewritten


async def test_a_broken_config_is_reported_and_left_alone(app_bank: Bank, clock: FakeClock) -> None:
    config = locations.config_dir() / "config.toml"
    config.write_text("theme = [\n")
    app = make_app(app_bank, clock, ScriptedRunner())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "mistral"
        [message] = notifications(app)
        assert "config.toml" in message and "not valid TOML" in message
    assert config.read_text() == "theme = [\n"


def test_the_override_wins_for_one_run_and_is_checked(app_bank: Bank, clock: FakeClock) -> None:
    from tui.app import build_app

    save_setting("theme", "mistral-light")
    app = build_app(bank=app_bank, clock=clock, runner=ScriptedRunner(), theme="high-contrast")
    assert app.theme == "high-contrast"
    assert load_config().settings.theme == "mistral-light"
    with pytest.raises(UnknownTheme, match="Unknown theme 'nope'; available themes: mistral, "):
        build_app(bank=app_bank, clock=clock, runner=ScriptedRunner(), theme="nope")


def test_a_broken_user_theme_named_by_the_override_says_why(_isolated_home: Path) -> None:
    (user_themes(_isolated_home) / "mine.toml").write_text("name = \n")
    with pytest.raises(UnknownTheme, match=r"Theme 'mine' could not be loaded: .*mine.toml: is not valid TOML"):
        ThemeCatalog.load().check("mine")


# -- live switching -----------------------------------------------------------------


async def test_editor_and_results_follow_a_live_switch(app_bank: Bank, clock: FakeClock) -> None:
    runner = InstantRunner(TWO_SUM_TESTS, {"test_negative_numbers": TestStatus.FAILED})
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+r")
        table = app.screen.query_one(TestPanel).table
        await settle(pilot, lambda: table.row_count == len(TWO_SUM_VISIBLE) and "passed" in str(table.get_row_at(0)))
        editor = app.screen.query_one(CodeEditor)

        def passed_colour() -> str:
            cell = table.get_cell("test_example", "status")
            return str(cell.style)

        assert editor.theme == "mockloop-mistral"
        assert passed_colour() == "#6FD99B"
        dark_keyword = editor._theme.syntax_styles["keyword"]

        app.theme = "mistral-light"
        await settle(pilot, lambda: passed_colour() == "#17693A")
        assert editor.theme == "mockloop-mistral-light"
        assert editor._theme.syntax_styles["keyword"] != dark_keyword
        assert editor.styles.background.hex6 == "#FFFBF5"

        app.theme = "nord"  # a Textual theme: derived colours, still a theme of our own for the editor
        await pilot.pause()
        assert editor.theme == "mockloop-nord"


# -- choosing -----------------------------------------------------------------------


def test_home_offers_settings() -> None:
    assert any(entry.action == "open_settings" and entry.label == "Settings" for entry in MENU)


async def test_settings_previews_chooses_and_remembers(app_bank: Bank, clock: FakeClock) -> None:
    app = make_app(app_bank, clock, ScriptedRunner(), HomeRoute())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.run_action("open_settings")
        await settle(pilot, lambda: isinstance(app.screen, SettingsScreen) and bool(app.screen.query("#theme-list")))
        options = app.screen.query_one("#theme-list", OptionList)
        assert options.highlighted == options.get_option_index("mistral")

        options.highlighted = options.get_option_index("high-contrast")  # a preview
        await settle(pilot, lambda: app.theme == "high-contrast")
        assert load_config().settings.theme is None
        await pilot.press("escape")  # back: the preview is undone
        await settle(pilot, lambda: not isinstance(app.screen, SettingsScreen))
        assert app.theme == "mistral"

        await app.run_action("open_settings")
        await settle(pilot, lambda: isinstance(app.screen, SettingsScreen) and bool(app.screen.query("#theme-list")))
        options = app.screen.query_one("#theme-list", OptionList)
        options.highlighted = options.get_option_index("mistral-light")
        await pilot.press("enter")
        await settle(pilot, lambda: load_config().settings.theme == "mistral-light")
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, SettingsScreen))
        assert app.theme == "mistral-light"


async def test_the_settings_menu_entry_opens_settings(app_bank: Bank, clock: FakeClock) -> None:
    app = make_app(app_bank, clock, ScriptedRunner(), HomeRoute())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#home-menu", OptionList)
        menu.highlighted = menu.get_option_index("settings")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, SettingsScreen) and bool(app.screen.query("#theme-list")))


async def test_the_palette_theme_list_remembers_the_choice(app_bank: Bank, clock: FakeClock) -> None:
    app = make_app(app_bank, clock, ScriptedRunner(), HomeRoute())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.search_themes()
        await pilot.pause()
        await type_text(pilot, "high-contrast")
        commands = app.screen.query_one(CommandList)
        await settle(pilot, lambda: commands.option_count > 0)
        commands.highlighted = 0
        await pilot.press("enter")
        await settle(pilot, lambda: app.theme == "high-contrast")
        assert load_config().settings.theme == "high-contrast"


async def test_the_palette_offers_settings(app_bank: Bank, clock: FakeClock) -> None:
    app = make_app(app_bank, clock, ScriptedRunner(), HomeRoute())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Settings" in titles and "Theme" in titles


# -- the command line ---------------------------------------------------------------


def test_cli_unknown_theme_is_one_sentence_and_exit_2(_isolated_home: Path) -> None:
    result = run_mockloop("--theme", "nope", timeout=60)
    assert result.returncode == 2
    assert result.stdout == ""
    message = result.stderr.strip()
    assert message.startswith("Unknown theme 'nope'; available themes: mistral, ")
    assert "mistral-light" in message and "high-contrast" in message and "nord" in message
    assert message.count("\n") == 0 and message.endswith(".")


def test_cli_passes_a_known_theme_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.app
    from tui import cli

    seen: list[object] = []

    def run_app(**kwargs: object) -> int:
        seen.append(kwargs.get("theme"))
        return 0

    monkeypatch.setattr(tui.app, "run_app", run_app)
    assert cli.main(["--theme", "mistral-light"]) == 0
    assert cli.main([]) == 0
    assert seen == ["mistral-light", None]
