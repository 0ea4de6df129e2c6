"""The app's side of the live session: keep it (record, autosave, lock), resume it, end it, quit.

``SessionHost`` is a mixin of ``MockloopApp`` (kept apart so ``app.py`` stays
about screens and keys). Decisions stay in ``tui.core``: the session decides
its lifecycle (``end_now``, ``abandon``), the keeper records, saves and locks;
this class wires them to the screens and dialogs:

- ``keep`` a new session (the previous keeper lets its file go once its last
  save is written), ``resume`` one from its file (another mockloop holding
  it: one sentence and an offer to replay it read-only);
- ``save_session`` (the 1 s beat and every change: answers taken from the
  screens, saved off the event loop);
- quitting: an unfinished interview asks finish / keep / discard
  (``QuitScreen``); when saves are failing, quitting asks what to do with
  the unsaved work (``UnsavedScreen``: keep trying, save elsewhere, or lose
  the last N seconds) instead of exiting with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import Screen

from tui.core.messages import t

if TYPE_CHECKING:
    from textual.signal import Signal

    from question_bank import Bank
    from tui.core.attempt import QuestionAttempt
    from tui.core.autosave import BackgroundSaver, SaveNotice
    from tui.core.checking import CheckerRunner, RunCause
    from tui.core.clock import Clock
    from tui.core.keeper import SessionKeeper
    from tui.core.record import SessionRecord
    from tui.core.session import RoundState, Session


class SessionHost(App[int]):
    """The live session's services; ``MockloopApp`` provides the bank, the clock and the runner."""

    clock: Clock
    runner: CheckerRunner
    keeper: SessionKeeper | None
    _saver: BackgroundSaver | None
    #: Published when the live session's state moved on (a background submission's results):
    #: screens that show it subscribe and re-render.
    session_changed: Signal[Session]
    #: Published before the session is recorded: the screens editing it copy their panels'
    #: text into its attempts (synchronously: Textual calls subscribers in order).
    answers_wanted: Signal[Session]

    @property
    def bank(self) -> Bank:
        raise NotImplementedError  # MockloopApp loads it on first use

    # -- recording, autosave, locking --------------------------------------------------

    def keep(self, session: Session) -> Session:
        """Record ``session`` and autosave it from now on (the previous one is saved, then let go)."""
        from tui.core.keeper import SessionKeeper

        self._retire()
        self.keeper = SessionKeeper(session)
        return session

    def _retire(self) -> None:
        """Save the live session one last time and let its file go once that save is written."""
        old = self.keeper
        if old is None:
            return
        self.save_session(force=True)
        self.keeper = None

        async def release() -> None:
            await self.saver.flush()
            old.release()

        self.run_worker(release(), name="let the last session go", exit_on_error=False)

    @property
    def saver(self) -> BackgroundSaver:
        """Writes the live session off the event loop (created with the first session: home does not need it)."""
        if self._saver is None:
            from tui.core.autosave import BackgroundSaver

            self._saver = BackgroundSaver(self._save_notice)
        return self._saver

    def save_session(self, *, force: bool = False) -> None:
        """Record what changed in the live session and save it when due; a failed save says so once.

        Taking the answers from the screens and copying the record happen here,
        on the event loop (cheap); dumping and writing run in a worker thread,
        one save at a time, later requests coalesced
        (``tui.core.autosave.BackgroundSaver``).
        """
        keeper = self.keeper
        if keeper is None:
            return
        self.answers_wanted.publish(keeper.session)
        keeper.flush(force=force)
        self.saver.request(keeper.autosaver, force=force)  # written in a thread; the loop never waits

    def live_record(self, session: Session) -> SessionRecord:
        """The record of the live ``session``, with everything that happened so far (what summaries show)."""
        keeper = self.keeper
        if keeper is None or keeper.session is not session:
            raise LookupError("that session is not the one being recorded")
        self.save_session()
        return keeper.recorder.record

    def _save_notice(self, notice: SaveNotice) -> None:
        self.notify(notice.message, title=t("autosave.title"), severity=notice.severity, markup=False)

    async def close_session(self) -> None:
        """On the way out: the last save written, the file let go."""
        self.save_session(force=True)
        if self._saver is not None:
            await self._saver.flush()  # the last save is on disk before the process ends
        if self.keeper is not None:
            self.keeper.release()

    # -- resuming, replaying, reporting ------------------------------------------------

    def resume_screen(self, path: Path) -> Screen[None] | None:
        """The screen that continues the session saved at ``path`` (None, after saying why, if it cannot)."""
        from tui.core.keeper import SessionKeeper
        from tui.core.resume import ResumeError
        from tui.core.session import SessionPhase
        from tui.core.session_lock import SessionLocked
        from tui.core.store import SessionFileError

        if self.keeper is not None and self.keeper.path == path:
            return None  # already the live session
        try:
            keeper = SessionKeeper.resume(path, self.bank, self.clock)
        except SessionLocked as exc:
            self._offer_replay(path, str(exc))
            return None
        except (SessionFileError, ResumeError) as exc:
            self.notify(str(exc), title=t("sessions.action.resume"), severity="error", markup=False)
            return None
        self._retire()
        self.keeper = keeper
        session = keeper.session
        if session.phase is SessionPhase.ROUND_OVER:
            from tui.screens.round_summary import RoundSummaryScreen

            return RoundSummaryScreen(session, session.current)
        from tui.screens.round import RoundScreen

        return RoundScreen(session)

    def _offer_replay(self, path: Path, why: str) -> None:
        from tui.screens.confirm import ConfirmScreen

        self.push_screen(
            ConfirmScreen(t("host.open_elsewhere"), why, confirm=t("host.replay_read_only"), cancel=t("key.back")),
            lambda ok: self.open_replay(path) if ok else None,
        )

    def resume(self, path: Path) -> None:
        """Continue the session saved at ``path`` (a notice, or the replay offer, when it cannot)."""
        screen = self.resume_screen(path)
        if screen is not None:
            self.push_screen(screen)

    def open_replay(self, path: Path) -> None:
        from tui.core.store import SessionFileError, load
        from tui.screens.replay import ReplayScreen

        try:
            record = load(path)
        except SessionFileError as exc:
            self.notify(str(exc), title=t("sessions.action.replay"), severity="error", markup=False)
            return
        self.push_screen(ReplayScreen(record, path))

    def open_report(self, path: Path) -> None:
        from tui.core.store import SessionFileError, load
        from tui.screens.report import ReportScreen

        try:
            record = load(path)
        except SessionFileError as exc:
            self.notify(str(exc), title=t("key.report"), severity="error", markup=False)
            return
        self.push_screen(ReportScreen(record))

    def action_open_sessions(self) -> None:
        """Home's "History" entry and the palette's."""
        self.open_sessions()

    def open_sessions(self) -> None:
        from tui.screens.sessions import SessionsScreen

        self.push_screen(SessionsScreen())

    # -- final submissions -------------------------------------------------------------

    def submit_final(self, state: RoundState, attempts: Iterable[QuestionAttempt], cause: RunCause) -> None:
        """Submit locked answers in the background; the app owns the worker, so it outlives the round screen.

        ``cause`` (finished early, time's up) is recorded with each run, so the report says how it was submitted.
        """
        from tui.core.checking import RunMode
        from tui.core.checks import stream_check

        todo = [a for a in attempts if a.question.code is not None]
        for attempt in todo:  # visible at once as "checking…"
            attempt.begin_run(RunMode.SUBMIT, state.at(), cause=cause)

        async def submit_all() -> None:
            for attempt in todo:
                run = attempt.current_run
                assert run is not None and attempt.question.code is not None
                await stream_check(self.runner, attempt.question.code, run, state.at, lambda _: self.state_changed())

        if todo:
            self.run_worker(submit_all(), group="final-submit", exit_on_error=False, name="final submission")
        self.state_changed()

    def state_changed(self) -> None:
        """Tell every screen that shows session state to re-render it (``session_changed``)."""
        self.save_session()
        if self.keeper is not None:
            self.session_changed.publish(self.keeper.session)

    # -- quitting ----------------------------------------------------------------------

    def interview_in_progress(self) -> bool:
        """The live session has started and is not finished: quitting must ask what to do with it."""
        return self.keeper is not None and self.keeper.session.in_progress

    async def action_quit(self) -> None:
        from tui.screens.confirm import ConfirmScreen
        from tui.screens.quit import QuitScreen
        from tui.screens.unsaved import UnsavedScreen

        if isinstance(self.screen, (ConfirmScreen, QuitScreen, UnsavedScreen)):
            return
        if self.keeper is None or not self.interview_in_progress():
            self.save_and_exit()
            return
        self.push_screen(QuitScreen(str(self.keeper.session.mode)), self.quit_as)

    def quit_as(self, choice: str | None) -> None:
        """Do what the quit dialog chose: finish the session now, keep it for later, or discard it."""
        keeper = self.keeper
        if choice is None or keeper is None:
            return
        if choice == "discard":
            keeper.session.abandon()
        elif choice == "finish":
            from tui.core.checking import RunCause

            self.save_session()  # the answers as typed, before they are locked
            session = keeper.session
            state = session.current
            to_submit = session.end_now()
            self.submit_final(state, to_submit, RunCause.FINISH)
            self.run_worker(self._exit_after_submissions(), name="quit after submitting", exit_on_error=False)
            return
        self.save_and_exit()

    async def _exit_after_submissions(self) -> None:
        """Exit once every final submission in flight has its results (the report must not say "never submitted")."""
        pending = [w for w in self.workers if w.group == "final-submit" and not w.is_finished]
        if pending:
            self.notify(t("host.submitting"), title=t("key.quit"))
            await self.workers.wait_for_complete(pending)
        self.save_and_exit()

    def save_and_exit(self) -> None:
        """Exit once the answers, taken from the screens (once unmounting, they are gone), are saved.

        When saving fails and something is not on disk, ask first (``UnsavedScreen``).
        """
        self.save_session(force=True)
        self.run_worker(self._exit_when_saved(), name="quit", group="quit", exclusive=True, exit_on_error=False)

    async def _exit_when_saved(self) -> None:
        if self._saver is not None:
            await self._saver.flush()
        keeper = self.keeper
        if keeper is not None and keeper.autosaver.unsaved:
            self._ask_about_unsaved(keeper)
            return
        self.exit(0)

    def _ask_about_unsaved(self, keeper: SessionKeeper, problem: str = "") -> None:
        from tui.screens.unsaved import UnsavedScreen

        saver = keeper.autosaver
        screen = UnsavedScreen(saver.unsaved_seconds(), str(keeper.path), saver.last_error, str(Path.home()), problem)
        self.push_screen(screen, lambda choice: self._unsaved_choice(keeper, choice))

    def _unsaved_choice(self, keeper: SessionKeeper, choice: str | None) -> None:
        if choice == "lose":
            self.exit(0)
        elif choice is not None and choice.startswith("elsewhere:"):
            folder = Path(choice.removeprefix("elsewhere:")).expanduser()
            self.run_worker(self._save_elsewhere(keeper, folder), name="save elsewhere", exit_on_error=False)
        else:  # keep trying: stay, and try again now
            self.save_session(force=True)

    async def _save_elsewhere(self, keeper: SessionKeeper, folder: Path) -> None:
        """Write the session to ``folder`` (then quit), or ask again saying why that folder did not work."""
        import asyncio

        from tui.core import store

        target = folder / keeper.path.name
        try:
            if not folder.is_dir():
                raise NotADirectoryError(t("host.not_a_folder", folder=folder))
            await asyncio.to_thread(store.save, store.snapshot(keeper.recorder.record), target)
        except OSError as exc:
            self._ask_about_unsaved(keeper, t("host.cannot_save", folder=folder, reason=exc.strerror or exc))
            return
        self.notify(t("host.saved_to", target=target), title=t("autosave.title"), markup=False)
        self.exit(0)
