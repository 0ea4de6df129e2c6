"""A footer that wraps onto a second row instead of hiding the keys that do not fit.

Textual's ``Footer`` is one row that scrolls sideways, so at 80 columns (and
at 120 once "f5 Reference" appears after a submission) the last keys were
simply not there. This footer lays the same keys out in as many rows as the
width needs, so it shows every action available now. It shows what
``check_action`` allows, like Textual's: screens call ``refresh_bindings()``
when their state changes and the footer follows through the screen's
``bindings_updated_signal``.

Textual's footer rebuilds all its keys on every such signal, and the screen
sends one on every focus change; this one rebuilds only when what it would
show changed (the keys, their state, the width), so moving between panes
costs nothing here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.screen import Screen

#: One key of the footer: its binding, whether it applies now, its tooltip.
_Entry = tuple[Binding, bool, str]
#: What the footer draws: its keys, the command palette's key, the width it fills.
_Shown = tuple[tuple[_Entry, ...], _Entry | None, int]

__all__ = ["KeyFooter", "pack_rows"]


def pack_rows(widths: list[int], available: int, reserve_last: int = 0) -> list[list[int]]:
    """Indices of the items on each row, filled greedily; the last row keeps ``reserve_last`` cells free."""
    rows: list[list[int]] = [[]]
    used = 0
    for index, width in enumerate(widths):
        if rows[-1] and used + width > available:
            rows.append([])
            used = 0
        rows[-1].append(index)
        used += width
    if reserve_last and rows[-1] and used + reserve_last > available:
        rows.append([])
    return rows


class KeyFooter(Footer):
    """Every shown binding of the screen, on as many rows as it takes (compact style)."""

    DEFAULT_CSS = """
    KeyFooter {
        height: auto;
        layout: vertical;
        & > HorizontalGroup { height: 1; width: 1fr; background: $footer-background; }
    }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: _Shown | None = None

    def _what_to_show(self) -> _Shown:
        """The keys to draw (binding, enabled, tooltip), the palette's key, and the width to fill."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        keys: list[_Entry] = []
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                keys.append((binding, enabled, tooltip or binding.tooltip))
        palette: _Entry | None = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                palette = (binding, enabled, binding.tooltip or binding.description)
        return tuple(keys), palette, self.size.width or self.app.size.width

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    def on_resize(self, event: Resize) -> None:
        if self._bindings_ready:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if self.is_attached and self._what_to_show() != self._shown:
            await self.recompose()

    def _key(self, binding: Binding, enabled: bool, tooltip: str, classes: str = "") -> FooterKey:
        key = FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            disabled=not enabled,
            tooltip=tooltip,
            classes=classes,
        )
        key.compact = True
        return key

    @staticmethod
    def _width(key: FooterKey) -> int:
        """Cells a compact key takes: "key description" and one cell of margin."""
        from rich.cells import cell_len

        return cell_len(key.key_display) + 1 + cell_len(key.description) + 1

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._shown = entries, palette_entry, width = self._what_to_show()
        keys = [self._key(*entry) for entry in entries]
        palette = self._key(*palette_entry, classes="-command-palette") if palette_entry else None
        reserve = self._width(palette) + 2 if palette is not None else 0
        rows = pack_rows([self._width(key) for key in keys], width - 1, reserve)
        for number, row in enumerate(rows):
            with HorizontalGroup():
                yield from (keys[index] for index in row)
                if palette is not None and number == len(rows) - 1:
                    yield palette
