"""The replay's timeline: one row of markers (runs, submits, hints, round boundaries) and the cursor.

Pure rendering of ``tui.core.replay_state.markers``: ``render_bar`` is a
plain function (tested without a terminal); the widget only redraws when the
replay moves. Clicking the bar seeks there.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from tui.core.replay_state import Marker

#: Marker glyphs, strongest last (it wins when two share a cell).
GLYPHS: dict[str, tuple[str, str]] = {
    "ask": ("?", "$text-muted"),
    "hint": ("h", "$warning"),
    "run": ("r", "$primary"),
    "result": ("·", "$text-muted"),
    "finish": ("f", "$accent"),
    "submit": ("S", "$success"),
    "time_up": ("T", "$error"),
    "round_start": ("[", "$accent"),
    "round_end": ("]", "$accent"),
}
PRIORITY = list(GLYPHS)
#: The legend under the bar: a catalogue key.
LEGEND = "replay.legend"


def cell_of(t: float, length: float, width: int) -> int:
    if width <= 1 or length <= 0:
        return 0
    return max(0, min(width - 1, round(t / length * (width - 1))))


def render_bar(marks: list[Marker], t: float, length: float, width: int) -> Content:
    """Two lines: the markers over a track, then the cursor under the current time."""
    width = max(10, width)
    cells: list[str | None] = [None] * width
    for mark in marks:
        i = cell_of(mark.t, length, width)
        current = cells[i]
        if current is None or PRIORITY.index(mark.kind) >= PRIORITY.index(current):
            cells[i] = mark.kind
    parts: list[str | tuple[str, str]] = []
    for i, kind in enumerate(cells):
        if kind is None:
            parts.append(("─", "$text-muted") if cell_of(t, length, width) >= i else ("─", "$panel-lighten-2"))
        else:
            parts.append(GLYPHS[kind])
    cursor = cell_of(t, length, width)
    parts.append("\n")
    parts.append(" " * cursor)
    parts.append(("▲", "bold $accent"))
    return Content.assemble(*parts)


class TimelineBar(Widget):
    """Markers and a cursor; posts ``Seek`` when clicked."""

    DEFAULT_CSS = """
    TimelineBar { height: 2; width: 1fr; }
    """

    class Seek(Message):
        def __init__(self, t: float) -> None:
            super().__init__()
            self.t = t

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marks: list[Marker] = []
        self.t = 0.0
        self.length = 1.0

    def show(self, marks: list[Marker], t: float, length: float) -> None:
        self.marks, self.t, self.length = marks, t, max(length, 1.0)
        self.refresh()

    def render(self) -> Content:
        return render_bar(self.marks, self.t, self.length, self.size.width)

    def on_click(self, event: events.Click) -> None:
        width = max(10, self.size.width)
        self.post_message(self.Seek(event.x / max(1, width - 1) * self.length))
