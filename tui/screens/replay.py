"""Replay: a saved session, read-only, as it stood at time t, with a scrubber.

Everything shown is ``state_at(record, round, t)`` (``tui.core.replay_state``):
the answer as it was, the test results of the last run, the clock, the hints
and clarifications taken. The screen only moves ``t`` (playing, jumping,
seeking) and redraws; it never changes the record, and nothing from the file
is interpreted as markup.

Keys: space play/pause; s cycles 1×/4×/16×/64×; ←/→ ±10 s; shift+←/→ ±1 min;
home/end; n/p next/previous event; [ ] previous/next round (no wrapping: the
first and last stay put); tab the next question of the round; ctrl+t
English/French. The moving keys are priority bindings: the prompt's scroll
view and the answer's editor have their own home/end/arrows, which would
otherwise swallow them. The answer pane follows the edit at ``t``, and the
test panel shows only when the question has results to show.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import ClassVar

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Markdown, Static, TextArea

from question_bank import Lang, as_lang
from tui.core.messages import has, t
from tui.core.record import RoundRecord, SessionRecord
from tui.core.replay_state import RoundView, markers, next_event, previous_event, state_at
from tui.core.report import build_report
from tui.core.timer import format_duration
from tui.screens.localized import Localized
from tui.widgets.code_editor import CodeEditor
from tui.widgets.timeline_bar import LEGEND, TimelineBar

SPEEDS = (1, 4, 16, 64)


def _band(value: object) -> str:
    """A recorded band (its English value) in the interface language."""
    from tui.core.verdict import Band, band_label

    try:
        return band_label(Band(str(value)))
    except ValueError:
        return str(value)


FRAME_SECONDS = 0.1


def clock_text(view: RoundView) -> str:
    if view.t >= view.duration:
        over = view.overtime
        return t("replay.overtime", over=format_duration(over)) if over >= 1 else "00:00"
    return format_duration(view.remaining + 0.999)


class ReplayScreen(Localized, Screen[None]):
    DEFAULT_CSS = """
    #replay { height: 1fr; }
    #replay-header { height: 2; padding: 0 1; background: $panel; text-style: bold; }
    #replay-body { height: 1fr; }
    #replay-prompt { width: 2fr; padding: 0 1; }
    #replay-work { width: 3fr; }
    #replay-answer { height: 1fr; }
    #replay-explanation { height: 6; border: round $panel-lighten-2; border-title-color: $text-muted; }
    #replay-run { height: 1; padding: 0 1; }
    #replay-tests { height: auto; max-height: 8; }
    #replay-timeline { margin: 0 1; }
    #replay-legend { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "play", "key.replay.play", priority=True),
        Binding("s", "speed", "key.replay.speed"),
        Binding("left", "seek(-10)", "key.replay.back10", show=False, priority=True),
        Binding("right", "seek(10)", "key.replay.forward10", show=False, priority=True),
        Binding("shift+left", "seek(-60)", "key.replay.back60", show=False, priority=True),
        Binding("shift+right", "seek(60)", "key.replay.forward60", show=False, priority=True),
        Binding("home", "edge(0)", "key.replay.start", show=False, priority=True),
        Binding("end", "edge(1)", "key.replay.end", show=False, priority=True),
        Binding("n", "jump(1)", "key.replay.next_event"),
        Binding("p", "jump(-1)", "key.replay.previous_event"),
        Binding("left_square_bracket", "round(-1)", "key.replay.previous_round"),
        Binding("right_square_bracket", "round(1)", "key.replay.next_round"),
        Binding("tab", "question", "key.replay.question", priority=True),
        Binding("ctrl+t", "translate", "key.translate", show=False),
        Binding("escape", "back", "key.back"),
    ]

    def __init__(
        self, record: SessionRecord, path: Path | None = None, *, round_index: int | None = None, t: float = 0.0
    ) -> None:
        super().__init__()
        self.record = record
        self.path = path
        started = [r.index for r in record.rounds if r.started] or [0]
        self.round_index = round_index if round_index is not None else started[0]
        self.t = t
        self.question = 0
        self.speed = 1
        self.playing = False
        self.lang_override: Lang | None = None
        self._last_frame = 0.0
        self._prompt_markdown = ""
        self.report = build_report(record)  # the verdicts, as the report and history show them

    @property
    def rec(self) -> RoundRecord:
        return self.record.rounds[self.round_index]

    def compose(self) -> ComposeResult:
        with Vertical(id="replay"):
            yield Static(id="replay-header", markup=False)
            with Horizontal(id="replay-body"):
                with VerticalScroll(id="replay-prompt"):
                    # Markdown, as the round showed it (Markdown never reads Rich markup)
                    yield Markdown(id="replay-prompt-text")
                with Vertical(id="replay-work"):
                    # a CodeEditor, so the answer's code colours follow the theme
                    yield CodeEditor("", read_only=True, id="replay-answer", show_line_numbers=True)
                    explanation = TextArea("", read_only=True, id="replay-explanation", soft_wrap=True)
                    explanation.border_title = t("code.what_was_wrong")
                    yield explanation
                    yield Static(id="replay-run", markup=False)
                    table: DataTable[RichText] = DataTable(id="replay-tests", cursor_type="none", show_cursor=False)
                    table.add_columns(*(RichText(t(f"replay.column.{c}")) for c in ("test", "status", "shown")))
                    yield table
            yield TimelineBar(id="replay-timeline")
            yield Static(Content(t(LEGEND)), id="replay-legend", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(FRAME_SECONDS, self._frame, name="replay-play")
        # after the first refresh: during on_mount the screen does not count as mounted yet
        self.call_after_refresh(self.redraw)

    async def relabel(self) -> None:
        self.report = build_report(self.record)
        await super().relabel()
        self._prompt_markdown = ""
        self.call_after_refresh(self.redraw)

    # -- moving t --------------------------------------------------------------------

    def length(self) -> float:
        return self.rec.length()

    def seek(self, t: float) -> None:
        self.t = max(0.0, min(self.length(), t))
        self.redraw()

    def _frame(self) -> None:
        now = time.monotonic()
        if not self.playing:
            self._last_frame = now
            return
        delta = min(now - self._last_frame, 1.0) if self._last_frame else FRAME_SECONDS
        self._last_frame = now
        self.seek(self.t + delta * self.speed)
        if self.t >= self.length():
            self.playing = False
            self.redraw()

    def action_play(self) -> None:
        if not self.playing and self.t >= self.length():
            self.t = 0.0
        self.playing = not self.playing
        self._last_frame = time.monotonic()
        self.redraw()

    def action_speed(self) -> None:
        self.speed = SPEEDS[(SPEEDS.index(self.speed) + 1) % len(SPEEDS)]
        self.redraw()

    def action_seek(self, seconds: float) -> None:
        self.seek(self.t + seconds)

    def action_edge(self, end: int) -> None:
        self.seek(self.length() if end else 0.0)

    def action_jump(self, step: int) -> None:
        found = next_event(self.rec, self.t) if step > 0 else previous_event(self.rec, self.t)
        if found is None:
            self.app.bell()
            return
        self.seek(found)

    def action_round(self, step: int) -> None:
        """The previous or next round that started; on the first or last, stay put (where you were)."""
        started = [r.index for r in self.record.rounds if r.started]
        here = started.index(self.round_index) if self.round_index in started else 0
        target = here + step
        if not 0 <= target < len(started) or started[target] == self.round_index:
            self.app.bell()
            return
        self.round_index = started[target]
        self.question = 0
        self.t = 0.0
        self.redraw()

    def action_question(self) -> None:
        self.question = (self.question + 1) % len(self.rec.questions)
        self.redraw()

    def action_translate(self) -> None:
        current = self.lang_override or state_at(self.record, self.round_index, self.t).lang or "en"
        self.lang_override = "fr" if current == "en" else "en"
        self.redraw()

    def action_back(self) -> None:
        self.dismiss(None)

    def on_timeline_bar_seek(self, event: TimelineBar.Seek) -> None:
        self.seek(event.t)

    # -- drawing ---------------------------------------------------------------------

    def _verdict_text(self) -> str:
        summary = self.report.rounds[self.round_index]
        if summary.verdict is None:
            return ""
        question = summary.questions[self.question].verdict.label
        if len(summary.questions) == 1:
            return t("replay.verdict", verdict=question)
        return t("replay.verdict_round", verdict=question, round=summary.label)

    @staticmethod
    def _follow_edit(answer: TextArea, text: str, offset: int) -> None:
        """Put the place of the edit at ``t`` in view (the answer may be longer than the pane)."""
        before = text[: max(0, min(offset, len(text)))]
        row = before.count("\n")
        column = len(before) - (before.rfind("\n") + 1)
        answer.move_cursor((row, column), center=True)

    def redraw(self) -> None:
        if not self.is_mounted:
            return
        record, rec = self.record, self.rec
        view = state_at(record, self.round_index, self.t)
        lang = as_lang(self.lang_override or view.lang or record.lang)
        q_rec = rec.questions[self.question]
        q = view.questions[self.question]
        state = t("replay.playing") if self.playing else t("replay.paused")
        count = len(rec.questions)
        header = (
            t(
                "replay.header",
                title=record.title.get(lang),
                n=rec.index + 1,
                total=len(record.rounds),
                round=rec.title.get(lang),
            )
            + (t("replay.question", n=self.question + 1, total=count) if count > 1 else "")
            + "\n"
            + t("replay.position", at=format_duration(view.t), length=format_duration(self.length()))
            + t("replay.clock", clock=clock_text(view))
            + f" · {state} {self.speed}×"
            + self._verdict_text()
            + (t("replay.time_up") if view.ended and view.end_reason == "time_up" else "")
            + (t("round.tab_finished") if q.locked and not view.ended else "")
        )
        self.query_one("#replay-header", Static).update(Content(header))
        prompt = [f"## {q_rec.title.get(lang)}", "", q_rec.prompt.get(lang)]
        if q.hints:
            prompt += ["", "### " + t("replay.hints_taken", taken=len(q.hints), total=len(q_rec.hints)), ""]
            prompt += [
                f"- **{format_duration(at)}** {q_rec.hints[i].get(lang)}"
                for i, at in zip(q.hints, q.hint_times, strict=True)
                if i < len(q_rec.hints)
            ]
        if q.asks:
            prompt += ["", "### " + t("replay.asked"), ""]
            for i, at in zip(q.asks, q.ask_times, strict=True):
                if i < len(q_rec.clarifications):
                    c = q_rec.clarifications[i]
                    prompt += [f"- **{format_duration(at)}** {c.question.get(lang)}  \n  → {c.answer.get(lang)}"]
        markdown = "\n".join(prompt)
        if markdown != self._prompt_markdown:  # re-parsing Markdown every frame of playback would stutter
            self._prompt_markdown = markdown
            self.query_one("#replay-prompt-text", Markdown).update(markdown)
        answer = self.query_one("#replay-answer", TextArea)
        language = "python" if q_rec.is_code else "markdown"
        if answer.language != language:
            with contextlib.suppress(Exception):
                answer.language = language
        if answer.text != q.answer:
            answer.load_text(q.answer)
            self._follow_edit(answer, q.answer, q.edit_at)
        explanation = self.query_one("#replay-explanation", TextArea)
        explanation.display = q_rec.explanation is not None
        if explanation.text != q.explanation:
            explanation.load_text(q.explanation)
        run = q.last_run
        if run is None:
            run_text = (
                t("replay.no_run")
                if q_rec.is_code
                else (
                    t("replay.feedback", band=_band(q.feedback.get("band", ""))) if q.feedback else t("replay.written")
                )
            )
        else:
            run_text = t(f"replay.run.{run.mode}", at=format_duration(run.started_at), summary=run.summary())
        self.query_one("#replay-run", Static).update(Content(run_text))
        table = self.query_one("#replay-tests", DataTable)
        table.clear()
        table.display = run is not None and bool(run.tests)  # no empty table for a written answer
        if run is not None:
            for row in run.tests:
                table.add_row(
                    RichText(row.name),
                    RichText(t(f"status.{row.status}") if has(f"status.{row.status}") else row.status),
                    RichText(t("replay.visible") if row.visible else t("replay.hidden")),
                )
        self.query_one(TimelineBar).show(markers(rec), view.t, self.length())
