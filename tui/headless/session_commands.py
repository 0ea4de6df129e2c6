"""`mockloop history`, `mockloop report FILE [--format md]`, and the file checks of `replay` and `--resume`.

Plain text out, exit codes scripts rely on: 0 done, 2 bad input (a file that
cannot be read as a session: one sentence on stderr, and the file is never
written to).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO


def run_history(out: TextIO = sys.stdout) -> int:
    from tui.core.history import format_history, list_sessions

    out.write(format_history(list_sessions()))
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

    path = latest_resumable()
    if path is None:
        print("There is no interrupted session to resume.", file=sys.stderr)
    return path
