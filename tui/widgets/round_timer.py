"""The countdown in the round header.

It renders what ``RoundTimer`` computes and styles itself by the timer's
phase (``-low`` at a quarter left, ``-critical`` at two minutes, ``-overtime``
past the end, ``-paused``), with colours from the theme's ``$timer-*``
variables; the urgency is also in the text (``· low``, ``⚠``, ``overtime``,
``paused``), never in colour alone. It never counts anything itself.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.core.messages import t
from tui.core.timer import RoundTimer, TimerPhase

PHASE_CLASSES = {phase: f"-{phase.value}" for phase in TimerPhase}


class RoundTimerDisplay(Static):
    """``23:41`` / ``1:02:05`` / ``+03:12 overtime``, coloured by urgency."""

    def __init__(self, timer: RoundTimer, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.timer = timer

    def on_mount(self) -> None:
        self.refresh_time()

    def refresh_time(self) -> None:
        """Re-read the timer (the round screen calls this on every tick)."""
        phase = self.timer.phase()
        for value, css_class in PHASE_CLASSES.items():
            self.set_class(value is phase, css_class)
        self.set_class(self.timer.paused, "-paused")
        text = self.timer.display()
        if self.timer.paused:
            text = t("timer.paused", time=text)
        elif not self.timer.running and self.timer.started:
            ended = self.timer.is_up() and not self.timer.overtime()
            text = t("timer.time_up", time=text) if ended else t("timer.stopped", time=text)
        elif phase is TimerPhase.LOW:
            text = t("timer.low", time=text)  # the urgency in words too, not only in the badge's colour
        elif phase is TimerPhase.CRITICAL:
            text = f"⚠ {text}"
        self.update(Content(f" {text} "))
