"""A round in progress (an onsite round or a drill): header, questions, keys.

The screen is the conductor between widgets and the session: widgets post
requests (run, ask, reveal a hint), the screen records them in the session
(tui.core decides), then asks the widgets to render the new state. A tick
four times a second refreshes the countdown and lets the session decide when
time is up; the countdown itself is computed from the clock, so irregular
ticks never make it drift.

Every key here was chosen not to collide with TextArea's own bindings, so
all of them work while the editor has focus.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.content import Content
from textual.screen import Screen
from textual.widgets import TabbedContent, TabPane

from question_bank import Lang
from tui.core.attempt import AnswerTooLarge, QuestionAttempt, oversize
from tui.core.checking import RunCause, RunMode
from tui.core.checks import stream_check
from tui.core.messages import LANGUAGE_NAMES, t
from tui.core.results import CheckRun
from tui.core.session import Mode, OvertimeStarted, RoundState, Session, TimeUp
from tui.screens.commands import PaletteCommand, ScreenCommands
from tui.screens.localized import Localized, translated
from tui.screens.round_panes import PaneNavigation
from tui.services import services
from tui.widgets.answer_panel import AnswerPanel, panel_for
from tui.widgets.ask_panel import AskPanel
from tui.widgets.code_answer import CodeAnswerPanel
from tui.widgets.hints_panel import HintsPanel
from tui.widgets.key_footer import KeyFooter
from tui.widgets.prompt_panel import TAB_ASK, TAB_HINTS, PromptPanel
from tui.widgets.question_view import QuestionView
from tui.widgets.round_header import RoundHeader

#: Seconds between ticks of the countdown (display only: decisions read the clock).
TICK_SECONDS = 0.25
#: Prompts side by side in both languages from this many columns on.
WIDE_COLUMNS = 160

ROUND_BINDINGS: tuple[Binding, ...] = (
    Binding("ctrl+r", "run", "key.run", tooltip="tip.run"),
    Binding("ctrl+s", "submit", "key.submit", tooltip="tip.submit"),
    Binding("f2", "hint", "key.hint", tooltip="tip.hint"),
    Binding("f3", "ask", "key.ask", tooltip="tip.ask"),
    Binding("ctrl+t", "translate", "key.translate", tooltip="tip.translate"),
    Binding("f4", "external_editor", "key.external_editor", tooltip="tip.external_editor"),
    Binding("f5", "reference", "key.reference", tooltip="tip.reference"),
    Binding("f9", "toggle_feedback", "key.feedback", tooltip="tip.feedback"),
    Binding("ctrl+o", "next_pane", "key.next_pane", tooltip="tip.next_pane"),
    Binding("ctrl+l", "cycle_layout", "key.cycle_layout", tooltip="tip.cycle_layout"),
    Binding("f8", "pause", "key.pause", tooltip="tip.pause"),
    Binding("ctrl+n", "finish", "key.finish", tooltip="tip.finish"),
    Binding("alt+right,ctrl+pagedown", "switch_question(1)", "key.next_question", tooltip="tip.next_question"),
    Binding("alt+left,ctrl+pageup", "switch_question(-1)", "key.previous_question", show=False),
    Binding("f1", "app.help", "key.help", tooltip="tip.help_round"),
)


class RoundScreen(PaneNavigation, Localized, Screen[None]):
    """The current round of ``session``."""

    BINDINGS: ClassVar[list[BindingType]] = list(ROUND_BINDINGS)
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenCommands}

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.state: RoundState = session.current
        self._oversize: set[int] = set()  # questions whose answer is over the size limit (not saved)

    # -- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield RoundHeader(self.session, self.state)
        lang = self.session.lang
        if len(self.state.attempts) == 1:
            yield QuestionView(0, self.state.attempts[0], lang, id="q-0")
        else:
            with TabbedContent(id="questions"):
                for index, attempt in enumerate(self.state.attempts):
                    with TabPane(self._tab_title(index, attempt), id=f"pane-{index}"):
                        yield QuestionView(index, attempt, lang, id=f"q-{index}")
        yield KeyFooter()

    def _tab_title(self, index: int, attempt: QuestionAttempt) -> Content:
        title = f"{index + 1} · {attempt.question.title.get(self.session.lang)}"
        return Content(title + (t("round.tab_finished") if attempt.locked else ""))

    def _refresh_tab_titles(self) -> None:
        if len(self.state.attempts) > 1:
            tabs = self.query_one("#questions", TabbedContent)
            for index, attempt in enumerate(self.state.attempts):
                tabs.get_tab(f"pane-{index}").label = self._tab_title(index, attempt)

    async def relabel(self) -> None:
        """The editor holds the answer as typed: keep the panels and relabel them, the tabs, header and footer."""
        for index in range(len(self.state.attempts)):
            view = self.view(index)
            view.prompt_panel.relabel()
            view.set_lang(self.session.lang)  # the panels redraw their words
        self._refresh_tab_titles()
        self.query_one(RoundHeader).refresh_labels()
        self.refresh_bindings()

    def on_mount(self) -> None:
        services(self).session_changed.subscribe(self, self._session_changed)
        services(self).answers_wanted.subscribe(self, self._answers_wanted)
        self.set_interval(TICK_SECONDS, self.tick, name="round-tick")
        self._apply_width()
        for index, attempt in enumerate(self.state.attempts):
            if attempt.locked:
                self.view(index).answer_panel.lock_answer()
        self.view(self.current_index).answer_panel.focus_answer()
        if self.state.timer.paused:  # a drill resumed from its file as it was: paused
            self._show_paused()

    def on_resize(self) -> None:
        self._apply_width()

    def _apply_width(self) -> None:
        self.set_class(self.app.size.width >= WIDE_COLUMNS, "-wide")

    # -- reading the screen ----------------------------------------------------------

    @property
    def current_index(self) -> int:
        if len(self.state.attempts) == 1:
            return 0
        active = self.query_one("#questions", TabbedContent).active
        return int(active.removeprefix("pane-")) if active else 0

    @property
    def current_attempt(self) -> QuestionAttempt:
        return self.state.attempts[self.current_index]

    @property
    def current_view(self) -> QuestionView:
        return self.view(self.current_index)

    def view(self, index: int) -> QuestionView:
        return self.query_one(f"#q-{index}", QuestionView)

    def sync_answers(self) -> None:
        """Copy what the panels hold into the attempts (before anything is decided or run).

        The app's autosave calls this on a timer, so it may land while the
        screen is still composing or already tearing down: panels that are not
        there are skipped (their attempts already hold the last answer).
        """
        for view in self.query(QuestionView):
            if not view.attempt.locked and view.query(AnswerPanel):
                try:
                    view.attempt.set_answer(view.answer_panel.answer_text())
                    if (explanation := view.answer_panel.explanation_text()) is not None:
                        view.attempt.set_explanation(explanation)
                except AnswerTooLarge as error:
                    if view.index not in self._oversize:  # said once, until it is short enough again
                        self._oversize.add(view.index)
                        self.notify(str(error), title=t("round.too_long"), severity="error", timeout=10, markup=False)
                else:
                    self._oversize.discard(view.index)

    # -- time ------------------------------------------------------------------------

    def tick(self) -> None:
        """Refresh the countdown; let the session turn time into decisions."""
        if self.state.ended:
            return
        self.query_one(RoundHeader).refresh_time()
        if self.state.timer.is_up() and self.session.mode is Mode.ONSITE:
            self.sync_answers()
            self._cancel_checks()
        event = self.session.tick()
        if isinstance(event, TimeUp):
            self._time_up(event)
        elif isinstance(event, OvertimeStarted):
            self.notify(t("round.overtime"), title=t("round.drill"), severity="warning")

    def _time_up(self, event: TimeUp) -> None:
        from tui.screens.time_up import TimeUpScreen

        self._lock_all()
        services(self).submit_final(self.state, event.to_submit, RunCause.TIME_UP)
        self._bring_to_top()  # time's up closes help or a pending question
        self.app.push_screen(TimeUpScreen(self.session, self.state), lambda _: self._round_over())
        services(self).check_size()

    def _round_over(self) -> None:
        from tui.screens.round_summary import RoundSummaryScreen

        self._bring_to_top()
        self.app.switch_screen(RoundSummaryScreen(self.session, self.state))
        services(self).check_size()

    def _bring_to_top(self) -> None:
        """Close whatever is above this screen (help, a confirmation, the too-small notice)."""
        while self.app.screen is not self and self in self.app.screen_stack:
            self.app.pop_screen()

    def _lock_all(self) -> None:
        self.query_one(RoundHeader).refresh_time()
        for index in range(len(self.state.attempts)):
            self.view(index).answer_panel.lock_answer()
            self.view(index).prompt_panel.refresh_attempt()
        self.refresh_bindings()

    # -- checks ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide keys that cannot apply right now (the footer follows)."""
        if not self.is_mounted or not self.state.attempts:
            return True
        attempt = self.current_attempt
        if action in ("run", "submit"):
            return attempt.question.kind.is_code and not attempt.locked
        if action == "toggle_feedback":  # offered in an onsite too, where it says why feedback waits
            return panel_for(attempt.question.kind).live_feedback
        if action == "pause":
            return self.session.mode is Mode.DRILL and not self.state.ended
        if action == "reference":
            return self.session.mode is Mode.DRILL and attempt.question.code is not None and attempt.has_submitted
        if action in ("hint", "ask", "finish", "external_editor"):
            return not attempt.locked
        if action == "switch_question":
            return len(self.state.attempts) > 1
        return True

    def action_switch_question(self, step: int) -> None:
        """Move to the round's next (or previous) question, wrapping around."""
        count = len(self.state.attempts)
        if count < 2:
            return
        index = (self.current_index + step) % count
        self.query_one("#questions", TabbedContent).active = f"pane-{index}"
        self.view(index).answer_panel.focus_answer()
        self.refresh_bindings()

    def action_run(self) -> None:
        self._start_check(RunMode.RUN)

    def action_submit(self) -> None:
        self._start_check(RunMode.SUBMIT)

    def _start_check(self, mode: RunMode) -> None:
        index = self.current_index
        attempt = self.state.attempts[index]
        if attempt.locked or attempt.question.code is None:
            self.app.bell()
            return
        self.sync_answers()
        if index in self._oversize:  # the answer shown is not the one that would run
            self.app.bell()
            return
        run = attempt.begin_run(mode, self.state.at())
        panel = self.view(index).answer_panel
        assert isinstance(panel, CodeAnswerPanel)
        panel.show_run(run)
        self.run_worker(
            stream_check(services(self).runner, attempt.question.code, run, self.state.at, self._run_update(panel)),
            group=f"check-{index}",
            exclusive=True,
            exit_on_error=False,
            name=f"{mode.value} {attempt.question.id}",
        )
        self.refresh_bindings()

    def _run_update(self, panel: CodeAnswerPanel) -> Callable[[CheckRun], None]:
        """Render each event of a run; when it ends, refresh the footer (f5 Reference after a submission)."""

        def update(run: CheckRun) -> None:
            panel.show_run(run)
            if not run.running:
                self.refresh_bindings()

        return update

    def _cancel_checks(self) -> None:
        for index, attempt in enumerate(self.state.attempts):
            self.workers.cancel_group(self, f"check-{index}")
            attempt.cancel_runs(self.state.at())

    def _answers_wanted(self, session: Session) -> None:
        if session is self.session:
            self.sync_answers()

    def _session_changed(self, session: Session) -> None:
        """A background submission moved on: re-render the runs."""
        if session is not self.session:
            return
        for index, attempt in enumerate(self.state.attempts):
            panel = self.view(index).answer_panel
            if isinstance(panel, CodeAnswerPanel):
                panel.show_run(attempt.current_run)
        self.refresh_bindings()

    # -- the interviewer and hints ---------------------------------------------------

    def action_hint(self) -> None:
        """First press shows the hints tab (and its cost); the next reveals a hint."""
        view = self.view(self.current_index)
        prompt = view.prompt_panel
        if prompt.active_tab != TAB_HINTS:
            view.answer_panel.focus_answer()
            prompt.show_tab(TAB_HINTS)
            if self.current_attempt.hints_left > 0:
                self.notify(t("round.hints_noted"), title=t("round.hints"))
            return
        self._reveal_hint(self.current_index)

    def _reveal_hint(self, index: int) -> None:
        attempt = self.state.attempts[index]
        if attempt.locked or attempt.reveal_hint(self.state.at()) is None:
            self.app.bell()
            return
        self.view(index).prompt_panel.refresh_attempt()

    def on_hints_panel_reveal_requested(self, event: HintsPanel.RevealRequested) -> None:
        event.stop()
        self._reveal_hint(next(v.index for v in event.panel.ancestors if isinstance(v, QuestionView)))

    def action_ask(self) -> None:
        view = self.view(self.current_index)
        if view.prompt_panel.active_tab != TAB_ASK:
            view.answer_panel.focus_answer()
            view.prompt_panel.show_tab(TAB_ASK)
        self.call_after_refresh(view.prompt_panel.query_one(AskPanel).focus_options)

    def on_ask_panel_asked(self, event: AskPanel.Asked) -> None:
        event.stop()
        attempt = event.panel.attempt
        if attempt.locked:
            self.app.bell()
            return
        attempt.ask(event.index, self.state.at())
        prompt = next(a for a in event.panel.ancestors if isinstance(a, PromptPanel))
        prompt.refresh_attempt()

    def action_translate(self) -> None:
        lang: Lang = self.session.toggle_lang()
        for index in range(len(self.state.attempts)):
            self.view(index).set_lang(lang)
        self.query_one(RoundHeader).refresh_labels()
        self._refresh_tab_titles()
        self.notify(LANGUAGE_NAMES[lang], title=t("round.question_language"), timeout=1.5)

    # -- finishing -------------------------------------------------------------------

    def action_finish(self) -> None:
        from tui.screens.confirm import ConfirmScreen

        index = self.current_index
        attempt = self.state.attempts[index]
        if attempt.locked:
            return
        others = [a for a in self.state.attempts if not a.locked and a is not attempt]
        if self.session.mode is Mode.DRILL:
            title, message = t("round.finish_drill"), t("round.finish_drill.body")
        elif others:
            title, message = t("round.finish_question"), t("round.finish_question.body")
        else:
            title, message = t("round.finish_round"), t("round.finish_round.body")
        self.app.push_screen(
            ConfirmScreen(title, message, confirm=t("round.finish")), lambda ok: self._finish(index) if ok else None
        )

    def _finish(self, index: int) -> None:
        self.sync_answers()
        self._cancel_checks()
        to_submit = self.session.finish_question(index)
        self.view(index).answer_panel.lock_answer()
        self.view(index).prompt_panel.refresh_attempt()
        services(self).submit_final(self.state, to_submit, RunCause.FINISH)
        if self.state.ended:
            self._round_over()
            return
        if len(self.state.attempts) > 1:
            self._refresh_tab_titles()
            tabs = self.query_one("#questions", TabbedContent)
            following = self.state.next_open_question(after=index)
            if following is not None:
                tabs.active = f"pane-{following}"
                self.view(following).answer_panel.focus_answer()
        self.refresh_bindings()

    # -- drills ----------------------------------------------------------------------

    def action_toggle_feedback(self) -> None:
        """Drills only: live feedback beside a written answer (an onsite shows it in the summary)."""
        panel = self.view(self.current_index).answer_panel
        if not panel.live_feedback:
            return
        if self.session.mode is not Mode.DRILL:
            self.notify(t("round.feedback_waits"), title=t("key.feedback"), markup=False)
            return
        panel.toggle_feedback()

    def action_pause(self) -> None:
        if self.session.mode is not Mode.DRILL or self.state.ended:
            return
        self.state.pause()
        self.tick()
        self._show_paused()

    def _show_paused(self) -> None:
        from tui.screens.paused import PausedScreen

        self.app.push_screen(PausedScreen(), lambda _: self._resume())

    def _resume(self) -> None:
        self.state.unpause()
        self.tick()

    def action_reference(self) -> None:
        from tui.screens.reference import ReferenceScreen

        attempt = self.current_attempt
        if self.session.mode is Mode.DRILL and attempt.question.code is not None and attempt.has_submitted:
            self.app.push_screen(ReferenceScreen(attempt.question))

    # -- the external editor ---------------------------------------------------------

    def action_external_editor(self) -> None:
        """Edit the answer in $VISUAL/$EDITOR; the clock keeps running meanwhile."""
        from tui.external_editor import editor_command, run_editor

        found = editor_command()
        if found is None:
            self.notify(t("round.editor.unset"), severity="warning")
            return
        index = self.current_index
        attempt = self.state.attempts[index]
        if attempt.locked:
            return
        panel = self.view(index).answer_panel
        suffix = ".py" if attempt.question.kind.is_code else ".md"
        with tempfile.TemporaryDirectory(prefix="mockloop-") as folder:
            path = Path(folder) / f"{attempt.question.id.replace('-', '_')}{suffix}"
            path.write_text(panel.answer_text(), encoding="utf-8")
            outcome = run_editor(self.app, *found, path)
            if outcome.problem is not None:
                self.notify(outcome.problem, title="$EDITOR", severity="warning", timeout=8, markup=False)
                return
            text = path.read_text(encoding="utf-8", errors="replace")
        if self.state.attempts[index].locked:
            self.notify(t("round.editor.locked"), severity="warning")
            return
        if size := oversize(text):
            self.notify(str(AnswerTooLarge(size)), title=t("round.too_long"), severity="error", markup=False)
            return
        panel.load_answer(text)
        attempt.set_answer(text)
        self.state.note_editor(index, changed=True)
        panel.focus_answer()

    # -- commands for the palette ----------------------------------------------------

    def palette_commands(self) -> list[PaletteCommand]:
        """The round's keys that apply now, for the command palette (``ScreenCommands``)."""
        return [
            PaletteCommand(translated(binding.description), translated(binding.tooltip), binding.action)
            for binding in ROUND_BINDINGS
            if not binding.action.startswith("app.") and self.check_action(binding.action.split("(")[0], ())
        ]
