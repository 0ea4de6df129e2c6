"""The code editor edits like one (Tab/shift+Tab on lines, the cursor in view) and $EDITOR fails softly."""

from __future__ import annotations

import contextlib
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import current, make_app, settle
from textual.pilot import Pilot
from textual.widgets.text_area import Selection

from question_bank import Bank
from tui.app import DrillRoute, MockloopApp
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner
from tui.screens.round import RoundScreen
from tui.widgets.code_editor import CodeEditor

SIZES = [(120, 40), (80, 24)]
CODE = "def solve(x):\n    if x:\n        return x\n    return 0\n"


async def _editor(app: MockloopApp, pilot: Pilot[int], text: str = CODE) -> CodeEditor:
    await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
    editor = current(app, RoundScreen).query_one(CodeEditor)
    editor.load_text(text)
    editor.focus()
    return editor


@pytest.mark.parametrize("size", SIZES)
async def test_tab_indents_and_shift_tab_dedents_the_selected_lines(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner, size: tuple[int, int]
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=size) as pilot:
        editor = await _editor(app, pilot)
        editor.select_all()
        await pilot.press("tab")
        assert editor.text == "".join(f"    {line}\n" for line in CODE.splitlines())
        assert isinstance(app.focused, CodeEditor)
        await pilot.press("shift+tab", "shift+tab")
        assert editor.text == "def solve(x):\nif x:\n    return x\nreturn 0\n"
        assert isinstance(app.focused, CodeEditor)  # shift+Tab edits here, it does not move focus
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        assert editor.text == CODE  # each shift is one undoable edit


async def test_tab_on_part_of_two_lines_keeps_the_selection_on_the_same_text(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _editor(app, pilot)
        editor.selection = Selection((1, 6), (3, 0))  # ends at column 0 of line 3: lines 1 and 2 only
        await pilot.press("tab")
        assert editor.text == "def solve(x):\n        if x:\n            return x\n    return 0\n"
        assert editor.selection == Selection((1, 10), (3, 0))


async def test_tab_without_a_selection_inserts_indentation(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _editor(app, pilot, "x = 1\n")
        editor.move_cursor((0, 0))
        await pilot.press("tab")
        assert editor.text == "    x = 1\n"
        await pilot.press("shift+tab")
        assert editor.text == "x = 1\n"


@pytest.mark.parametrize("size", SIZES)
async def test_after_a_long_line_the_start_of_short_lines_stays_in_view(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner, size: tuple[int, int]
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=size) as pilot:
        editor = await _editor(app, pilot, "# " + "long comment " * 20 + "\ndef solve(x):\n    return x\n")
        editor.move_cursor((0, len(editor.document.get_line(0))))
        await pilot.pause()
        assert editor.scroll_x > 0
        await pilot.press("down")  # column 13 of a short line: it fits without scrolling
        await pilot.pause()
        assert editor.scroll_x == 0
        await pilot.press("down", "home", "up", "up")
        await pilot.pause()
        assert editor.cursor_location == (0, 4)
        assert editor.scroll_x == 0  # ``def `` on line 1 is not hidden


def _editor_script(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "editor"
    script.write_text(f"#!{sys.executable}\nimport sys\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@contextlib.contextmanager
def textual_like_suspend(log: list[str]) -> Iterator[None]:
    """What ``App.suspend`` does on a real terminal: it resumes only if the block ends normally."""
    log.append("suspended")
    yield
    log.append("resumed")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("editor", "sentence"),
    [
        ("/nonexistent/vim", "$EDITOR names /nonexistent/vim, which is not a program this system can run."),
        ("exit1", "(from $EDITOR) exited with status 1, so the answer is unchanged."),
        ("'unclosed", "$EDITOR ('unclosed) cannot be read as a command: No closing quotation."),
    ],
)
async def test_a_missing_or_failing_editor_is_one_sentence_and_the_app_carries_on(
    app_bank: Bank,
    clock: FakeClock,
    runner: ScriptedRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    editor: str,
    sentence: str,
    size: tuple[int, int],
) -> None:
    if editor == "exit1":
        editor = str(_editor_script(tmp_path, "sys.exit(1)"))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", editor)
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    log: list[str] = []
    monkeypatch.setattr(app, "suspend", lambda: textual_like_suspend(log))
    async with app.run_test(size=size) as pilot:
        code = await _editor(app, pilot)
        await pilot.press("f4")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert len(messages) == 1 and messages[0].endswith(sentence), messages
        assert log in ([], ["suspended", "resumed"])  # never suspended without resuming
        assert code.text == CODE
        await pilot.press("x")  # the app carries on: the editor still types
        assert code.text.startswith("x")
