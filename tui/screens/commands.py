"""The command palette's entries for the screen it was opened on.

Help promises "every action by name" in the palette (ctrl+p). Screens with
actions of their own (home's menu, a round's keys) list them as
``PaletteCommand`` values from ``palette_commands()``; ``ScreenCommands`` is
the Textual ``Provider`` that offers them, listed in those screens'
``COMMANDS``. The app adds Help and Settings everywhere
(``MockloopApp.get_system_commands``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

__all__ = ["HasCommands", "PaletteCommand", "ScreenCommands"]


@dataclass(frozen=True, slots=True)
class PaletteCommand:
    """One palette entry: its title, a line of help, and the action it runs on the screen."""

    title: str
    help: str
    action: str  # run with ``screen.run_action`` ("app.…" for the app's actions)


@runtime_checkable
class HasCommands(Protocol):
    def palette_commands(self) -> list[PaletteCommand]: ...


class ScreenCommands(Provider):
    """The palette entries of the screen the palette was opened on, in the screen's order."""

    def _commands(self) -> list[PaletteCommand]:
        screen = self.screen
        return screen.palette_commands() if isinstance(screen, HasCommands) else []

    def _run(self, command: PaletteCommand) -> None:
        screen = self.screen
        self.app.call_later(screen.run_action, command.action)

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, lambda c=command: self._run(c), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = max(matcher.match(command.title), matcher.match(command.help) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), lambda c=command: self._run(c), help=command.help)
