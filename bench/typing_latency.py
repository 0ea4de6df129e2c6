"""Typing latency in a 2,000-line answer: mockloop's round screen vs a bare TextArea.

Both apps run in a fresh interpreter under a pseudo-terminal with the real
terminal driver, the editor holding the same 2,000-line Python answer with
the cursor in the middle, on a comment line. For each keystroke the bench
writes the key to the terminal and times how long until the app has drawn it
(the last characters typed appear in the terminal output), so the figure
includes key parsing, the edit, syntax highlighting, layout, rendering and
the terminal write. The keystrokes are spaced like fast typing; the apps
alternate, and medians are compared.

mockloop runs a drill of the first code question of the shipped bank, with a
fake checker (nothing runs while typing) and its real clock and header.

Target: mockloop ≤ 1.2× the bare TextArea.

    uv run python bench/typing_latency.py [--keys N] [--rounds N]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.2
LINES = 2000
GAP = 0.03  # seconds between keystrokes: a fast typist

CHILD = r"""
import os, sys
kind, fd, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def answer():
    body = []
    for i in range(lines // 4):
        body += [f"def helper_{i}(values):", f"    total = sum(v * {i} for v in values)", "    return total", ""]
    middle = len(body) // 2
    body[middle] = "# "
    return "\n".join(body), middle

def focus_middle(editor, row):
    editor.focus()
    editor.move_cursor((row, len(editor.document.get_line(row))))
    editor.scroll_cursor_visible(center=True, animate=False)

if kind == "bare":
    from textual.app import App
    from textual.widgets import TextArea

    class Bare(App):
        def compose(self):
            text, self.row = answer()
            yield TextArea.code_editor(text, language="python")

        def on_ready(self):
            focus_middle(self.query_one(TextArea), self.row)
            self.call_after_refresh(os.write, fd, b"ready\n")

    Bare().run()
else:
    from question_bank import load_bank
    from tui.app import DrillRoute, MockloopApp, build_app
    from tui.core.fakes import InstantRunner
    from tui.widgets.code_editor import CodeEditor

    bank = load_bank()
    question = next(q for q in bank if q.kind.is_code)

    class Timed(MockloopApp):
        def on_ready(self):
            text, row = answer()
            editor = self.screen.query_one(CodeEditor)
            editor.load_text(text)
            focus_middle(editor, row)
            self.call_after_refresh(os.write, fd, b"ready\n")

    app = build_app(bank=bank, runner=InstantRunner(()), route=DrillRoute(question.id))
    app.__class__ = Timed
    app.run()
"""


class Terminal:
    """A child app on a pseudo-terminal, with its output read as it comes."""

    def __init__(self, kind: str, env: dict[str, str], lines: int = LINES) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-c", CHILD, kind, str(write_end), str(lines)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            pass_fds=(write_end,),
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        os.close(write_end)
        deadline = time.monotonic() + 60
        while not select.select([read_end], [], [], 0.05)[0]:
            self.drain()
            if time.monotonic() > deadline:
                raise RuntimeError(f"{kind} did not start")
        os.close(read_end)
        time.sleep(1.0)  # let start-up work (highlighting, warm-ups) settle
        self.drain()

    def drain(self) -> bytes:
        data = b""
        while select.select([self.master], [], [], 0)[0]:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        return data

    def type(self, char: str, expect: bytes, timeout: float = 5.0) -> float:
        """Seconds from writing ``char`` until ``expect`` shows up in the output."""
        self.drain()
        start = time.perf_counter()
        os.write(self.master, char.encode())
        seen = b""
        deadline = start + timeout
        while expect not in seen:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise RuntimeError(f"the app never drew {expect!r}")
            if select.select([self.master], [], [], remaining)[0]:
                seen += os.read(self.master, 65536)
        return time.perf_counter() - start

    def close(self) -> None:
        os.write(self.master, b"\x11")  # ctrl+q
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def typed_text(count: int) -> str:
    """Characters whose every 6-character window is unique: a counter, 5 characters a step."""
    text = "".join(f"{n:04d}," for n in range(count // 5 + 2))
    return text[:count]


def measure(kind: str, keys: int, env: dict[str, str], lines: int = LINES) -> list[float]:
    terminal = Terminal(kind, env, lines)
    text = typed_text(keys)
    latencies = []
    try:
        for index, char in enumerate(text):
            expect = text[max(0, index - 5) : index + 1].encode()
            latencies.append(terminal.type(char, expect))
            time.sleep(GAP)
    finally:
        terminal.close()
    return latencies[5:]  # the first few windows are short, so not unique


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=150, help="keystrokes per session (default 150)")
    parser.add_argument("--rounds", type=int, default=3, help="sessions per app (default 3)")
    parser.add_argument("--lines", type=int, default=LINES, help=f"lines in the answer (default {LINES})")
    args = parser.parse_args()
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="120", LINES="40", PYTHONPATH=str(ROOT))
    env.setdefault("MOCKLOOP_HOME", str(Path(os.environ.get("TMPDIR", "/tmp")) / "mockloop-bench-home"))
    samples: dict[str, list[float]] = {"bare": [], "mockloop": []}
    for _ in range(args.rounds):
        for kind in samples:
            samples[kind] += measure(kind, args.keys, env, args.lines)
    print(
        f"{'app':<10} {'median':>9} {'p90':>9} {'max':>9}   ({len(samples['bare'])} keystrokes each, "
        f"{args.lines}-line answer)"
    )
    for kind, values in samples.items():
        ordered = sorted(values)
        p90 = ordered[int(len(ordered) * 0.9)]
        print(f"{kind:<10} {statistics.median(values) * 1000:7.2f}ms {p90 * 1000:7.2f}ms {max(values) * 1000:7.2f}ms")
    ratio = statistics.median(samples["mockloop"]) / statistics.median(samples["bare"])
    verdict = "ok" if ratio <= TARGET else "over target"
    print(f"ratio mockloop/bare (median): {ratio:.2f}× (target ≤ {TARGET}×: {verdict})")


if __name__ == "__main__":
    main()
