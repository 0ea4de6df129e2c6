"""`mockloop history [--delete ID | --prune --older-than DAYS]`, `mockloop report FILE [--format md]`,
and the file checks of `replay` and `--resume`.

Plain text out, exit codes scripts rely on: 0 done, 2 bad input (a file that
cannot be read as a session: one sentence on stderr, and the file is never
written to).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from tui.core.messages import t


def run_history(
    out: TextIO = sys.stdout, *, delete: str | None = None, prune: bool = False, older_than: int | None = None
) -> int:
    """List the sessions; or delete one (``delete``: its id); or prune those older than ``older_than`` days."""
    try:
        return _history(out, delete, prune, older_than)
    except OSError as exc:
        from tui.core.locations import sessions_dir

        print(
            t("cli.sessions.cannot_list", folder=sessions_dir(create=False), reason=exc.strerror or exc),
            file=sys.stderr,
        )
        return 2


def _history(out: TextIO, delete: str | None, prune: bool, older_than: int | None) -> int:
    from tui.core.history import format_history, list_sessions

    if delete is not None:
        return _delete(delete, out)
    if prune or older_than is not None:
        if not prune or older_than is None:
            print(t("cli.sessions.prune_together"), file=sys.stderr)
            return 2
        from tui.core.tidy import prune as prune_sessions

        out.write(prune_sessions(older_than).sentence(older_than) + "\n")
        return 0
    out.write(format_history(list_sessions()))
    return 0


def _delete(session_id: str, out: TextIO) -> int:
    from tui.core.session_lock import SessionLocked
    from tui.core.tidy import NoSuchSession, delete_session, find

    try:
        entry = find(session_id)
        delete_session(entry.path)
    except (NoSuchSession, SessionLocked) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except OSError as exc:
        print(t("sessions.delete.failed", name=session_id, reason=exc.strerror or exc), file=sys.stderr)
        return 2
    out.write(t("sessions.delete.done", id=entry.id) + "\n")
    return 0


def run_report(path: Path, fmt: str = "text", out: TextIO = sys.stdout) -> int:
    from tui.core.report import build_report
    from tui.core.report_format import format_markdown, format_text
    from tui.core.store import SessionFileError, load

    try:
        record = load(path)
    except SessionFileError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    report = build_report(record)
    out.write(format_markdown(report) if fmt == "md" else format_text(report))
    return 0


def check_session_file(path: Path) -> int:
    """0 when ``path`` reads as a session file; otherwise one sentence on stderr and 2."""
    from tui.core.store import SessionFileError, load

    try:
        load(path)
    except SessionFileError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return 0


def find_resume() -> Path | None:
    """The session `mockloop onsite --resume` continues, or None (after saying so, for exit 2)."""
    from tui.core.resume import latest_resumable

    try:
        path = latest_resumable()
    except OSError as exc:
        print(t("sessions.cannot_list", reason=exc.strerror or exc), file=sys.stderr)
        return None
    if path is None:
        print(t("cli.sessions.nothing_to_resume"), file=sys.stderr)
    return path
