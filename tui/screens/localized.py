"""Screens in the interface language: footer keys from the catalogue, new words when the language changes.

``Binding`` descriptions and tooltips in mockloop are catalogue keys
(``key.run``); ``Localized.active_bindings`` turns them into the interface
language each time the footer (or the key panel) asks, so a key's words are
decided in one place. Descriptions Textual itself brings (``palette``, a
widget's own keys) are looked up under ``textual.<description>`` and left as
they are when the catalogue has no entry.

When the interface language changes (Settings), the app asks every screen
on its stack to ``relabel`` at once, the ones under Settings too: by default a
screen composes itself anew, which is right for screens whose content is
derived from state. A screen holding what compose cannot rebuild (a round's
editor) overrides ``relabel`` to change only what it can.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tui.core.messages import Language, has, language, t

if TYPE_CHECKING:
    from textual.binding import ActiveBinding, Binding
    from textual.screen import Screen

    _ScreenBase = Screen[Any]  # what the mixin is mixed into, for the type checker
else:
    _ScreenBase = object


def translated(text: str) -> str:
    """``text`` in the interface language when it is a catalogue key (or one of Textual's words), else as it is."""
    if not text:
        return text
    if has(text):
        return t(text)
    if has(f"textual.{text}"):
        return t(f"textual.{text}")
    return text


@functools.lru_cache(maxsize=1024)
def _translated_binding(binding: Binding, lang: Language) -> Binding:
    """``binding`` with its description in ``lang``, kept: the footer asks on every focus change."""
    return replace(binding, description=translated(binding.description))


class Localized(_ScreenBase):
    """Mix into a ``Screen`` (before it): the footer speaks the interface language, and follows it."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        bindings: dict[str, ActiveBinding] = super().active_bindings
        lang = language()
        return {
            key: active._replace(
                binding=_translated_binding(active.binding, lang),
                tooltip=translated(active.tooltip or active.binding.tooltip),
            )
            for key, active in bindings.items()
        }

    async def relabel(self) -> None:
        """Show this screen in the interface language (default: compose it anew)."""
        await self.recompose()
        self.refresh_bindings()
