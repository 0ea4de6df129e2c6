"""Hand the terminal to the candidate's own editor ($VISUAL / $EDITOR) and take it back.

Textual's ``App.suspend()`` resumes the app only when its ``with`` block ends
normally: an exception raised inside it (``subprocess.call`` of a program that
does not exist raises ``FileNotFoundError``) skipped the resume, so the screen
stayed blank, keys echoed as raw text and ctrl+q did nothing. Here the program
is looked up before the app suspends, and nothing can raise inside the block;
every failure comes back as one sentence for a notification.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from tui.core.messages import t

if TYPE_CHECKING:
    from textual.app import App

__all__ = ["EditorOutcome", "editor_command", "run_editor"]


@dataclass(frozen=True, slots=True)
class EditorOutcome:
    """``problem`` is None when the editor exited 0; otherwise the sentence to show."""

    problem: str | None


def editor_command() -> tuple[str, str] | None:
    """(the variable's name, its value) of the editor to use, or None when neither is set."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            return name, value
    return None


def _call(argv: list[str], *, attached: bool) -> int | OSError:
    """The editor's exit status, or the error that kept it from starting (never raised)."""
    try:
        if attached:
            return subprocess.call(argv)
        return subprocess.call(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError as error:
        return error


def run_editor(app: App[object], variable: str, command: str, path: Path) -> EditorOutcome:
    """Run ``command`` (the value of ``$variable``) on ``path`` with the terminal handed over."""
    try:
        words = shlex.split(command)
    except ValueError as error:
        return EditorOutcome(t("editor.unparsable", variable=variable, command=command, error=error))
    if not words:
        return EditorOutcome(t("editor.empty", variable=variable))
    program = words[0]
    if shutil.which(program) is None:
        return EditorOutcome(t("editor.missing", variable=variable, program=program))
    argv = [*words, str(path)]
    try:
        with app.suspend():
            status = _call(argv, attached=True)
    except SuspendNotSupported:  # headless (tests): nothing to hand the terminal to
        status = _call(argv, attached=False)
    if isinstance(status, OSError):
        return EditorOutcome(
            t("editor.cannot_start", variable=variable, program=program, reason=status.strerror or status)
        )
    if status != 0:
        return EditorOutcome(t("editor.failed", variable=variable, program=program, status=status))
    return EditorOutcome(None)
