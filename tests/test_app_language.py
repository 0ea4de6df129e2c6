"""The interface language: chosen in Settings (live, remembered), the default of a session's question language.

The question language stays ctrl+t's (the prompt, hints, the answer's part
names); the interface language is everything around it. These tests drive the
app in French through Pilot.
"""

from __future__ import annotations

from conftest import TWO_SUM_TESTS, make_app, settle
from textual.widgets import Button, OptionList, Static, TabbedContent

from question_bank import Bank
from tui.app import DrillRoute, HomeRoute
from tui.core.clock import FakeClock
from tui.core.config import load_config
from tui.core.fakes import InstantRunner, ScriptedRunner
from tui.core.messages import language
from tui.screens.help import HelpScreen
from tui.screens.home import HomeScreen
from tui.screens.round import RoundScreen
from tui.screens.settings import SettingsScreen
from tui.widgets.test_panel import TestPanel


def footer_words(screen: object) -> dict[str, str]:
    """What the footer would show for each key: the screen's active bindings, translated."""
    assert isinstance(screen, (HomeScreen, RoundScreen, SettingsScreen))
    return {key: active.binding.description for key, active in screen.active_bindings.items()}


def menu_text(screen: object) -> str:
    assert isinstance(screen, HomeScreen)
    menu = screen.query_one("#home-menu", OptionList)
    return "\n".join(str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count))


async def choose_language(pilot, app, lang: str) -> None:  # type: ignore[no-untyped-def]
    await app.run_action("open_settings")
    await settle(pilot, lambda: isinstance(app.screen, SettingsScreen) and bool(app.screen.query("#language-list")))
    languages = app.screen.query_one("#language-list", OptionList)
    languages.focus()
    languages.highlighted = languages.get_option_index(lang)
    await pilot.press("enter")
    await settle(pilot, lambda: language() == lang)
    await pilot.pause()


async def test_choosing_french_relabels_settings_at_once_and_home_under_it(app_bank: Bank, clock: FakeClock) -> None:
    app = make_app(app_bank, clock, ScriptedRunner(), HomeRoute())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert "Drill a question" in menu_text(app.screen)
        await choose_language(pilot, app, "fr")
        settings = app.screen
        assert isinstance(settings, SettingsScreen)
        await settle(pilot, lambda: bool(settings.query(".screen-title")))
        assert str(settings.query_one(".screen-title", Static).render()) == "Réglages"
        assert footer_words(settings)["escape"] == "Retour"
        assert "La palette orange à jaune de Mistral AI" in str(settings.query_one("#preview-title", Static).render())
        assert load_config().settings.language == "fr"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await settle(pilot, lambda: "S'exercer sur une question" in menu_text(app.screen))
        assert footer_words(app.screen)["f1"] == "Aide"
        await choose_language(pilot, app, "en")  # and back, live too
        await pilot.press("escape")
        await settle(pilot, lambda: "Drill a question" in menu_text(app.screen))
        assert load_config().settings.language == "en"


async def test_a_french_drill_speaks_french_and_its_question_starts_in_french(app_bank: Bank, clock: FakeClock) -> None:
    app = make_app(app_bank, clock, InstantRunner(TWO_SUM_TESTS), DrillRoute("two-sum"), language="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert screen.session.lang == "fr"  # the question language starts as the interface language
        tabs = screen.query_one(TabbedContent)
        assert str(tabs.get_tab("tab-prompt").label) == "Énoncé"
        assert str(tabs.get_tab("tab-ask").label) == "Interroger l'examinateur"
        words = footer_words(screen)
        assert words["ctrl+r"] == "Lancer" and words["ctrl+s"] == "Rendre" and words["f2"] == "Indice"
        await pilot.press("ctrl+r")
        panel = screen.query_one(TestPanel)
        await settle(pilot, lambda: panel.run is not None and not panel.run.running)
        summary = str(screen.query_one("#test-summary", Static).render())
        assert summary.startswith("3/3 réussis") and "tests cachés lancés à la soumission" in summary
        await pilot.press("ctrl+t")  # the question goes English, the interface stays French
        await pilot.pause()
        assert screen.session.lang == "en"
        assert str(tabs.get_tab("tab-prompt").label) == "Énoncé"


async def test_changing_the_language_mid_round_relabels_the_round_without_losing_the_answer(
    app_bank: Bank, clock: FakeClock
) -> None:
    app = make_app(app_bank, clock, ScriptedRunner(), DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        editor = screen.view(0).answer_panel
        editor.load_answer("def two_sum(nums, target):\n    return None  # mine\n")
        screen.sync_answers()
        await choose_language(pilot, app, "fr")
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is screen)
        tabs = screen.query_one(TabbedContent)
        await settle(pilot, lambda: str(tabs.get_tab("tab-prompt").label) == "Énoncé")
        assert footer_words(screen)["ctrl+r"] == "Lancer"
        assert "# mine" in editor.answer_text()
        assert screen.session.lang == "en"  # the question keeps its language; ctrl+t switches it


async def test_help_in_french(app_bank: Bank, clock: FakeClock) -> None:
    app = make_app(app_bank, clock, ScriptedRunner(), HomeRoute(), language="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "Pendant un tour" in text and "Palette de commandes" in text
        assert "Lancer les tests visibles" in text  # the round's keys, from the same bindings as the footer
        assert "During a round" not in text


async def test_the_briefing_in_french(app_bank: Bank, clock: FakeClock) -> None:
    from tui.app import OnsiteRoute
    from tui.screens.briefing import BriefingScreen

    app = make_app(app_bank, clock, ScriptedRunner(), OnsiteRoute(seed=1), language="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, BriefingScreen))
        assert str(app.screen.query_one("#begin", Button).label) == "Commencer le tour 1 (Entrée)"
        rules = str(app.screen.query_one("#briefing-rules", Static).render())
        assert "Le chrono démarre" in rules
