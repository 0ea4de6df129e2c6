"""Column widths for a table that must fit its width: cut with an ellipsis, never at the edge.

Textual's ``DataTable`` sizes columns to their content and lets the table
scroll sideways, so on a narrow terminal the last columns were cut at the
screen's edge mid-word, without an ellipsis ("written answ"), and the ones
after them were not seen at all. Given each column's natural width, this
decides which columns give way (in the order given, down to their minimum) so
the whole table fits; the cells are then drawn with ``overflow="ellipsis"``.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["CELL_PADDING", "fit_columns"]

#: DataTable's cell padding: one column either side of every cell.
CELL_PADDING = 2


def fit_columns(
    natural: Mapping[str, int], width: int, shrinkable: Mapping[str, int], *, reserve: int = 0
) -> dict[str, int]:
    """Widths for ``natural`` columns within ``width`` cells (minus ``reserve``, e.g. a scrollbar).

    ``shrinkable`` maps the columns that may give way, in the order they do, to the
    least each keeps. When even that does not fit, the table scrolls as before.
    """
    widths = dict(natural)
    excess = sum(widths.values()) + CELL_PADDING * len(widths) + reserve - width
    for key, least in shrinkable.items():
        if excess <= 0:
            break
        if key in widths:
            give = min(excess, max(0, widths[key] - least))
            widths[key] -= give
            excess -= give
    return widths
