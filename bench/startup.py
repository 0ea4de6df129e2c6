"""Cold start to first frame: mockloop's home screen vs a minimal Textual app, side by side.

Each sample is a fresh interpreter running under a pseudo-terminal (so the
real terminal driver draws the frame), timed from spawning the process to
Textual's ``Ready`` event ("the DOM is ready and the first frame has been
displayed"), reported back through a pipe. The two apps alternate so drifts
in machine load hit both equally; medians are compared.

Target: mockloop ≤ 1.3× the minimal app.

    uv run python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.3

CHILD = r"""
import os, sys
fd = int(sys.argv[2])

def report():
    os.write(fd, b"ready\n")

if sys.argv[1] == "minimal":
    from textual.app import App
    from textual.widgets import Footer, Static

    class Minimal(App):
        def compose(self):
            yield Static("Hello")
            yield Footer()

        def on_ready(self):
            report()
            self.exit()

    Minimal().run()
else:
    from tui.app import MockloopApp, build_app

    class Timed(MockloopApp):
        def on_ready(self):
            report()
            self.exit()

    app = build_app()
    app.__class__ = Timed  # after __init__, so CSS paths still resolve beside tui/app.py
    app.run()
"""


def sample(kind: str, env: dict[str, str]) -> float:
    """Seconds from spawning ``kind`` to its first frame."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    read_end, write_end = os.pipe()
    drained = threading.Thread(target=_drain, args=(master,), daemon=True)
    drained.start()
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD, kind, str(write_end)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        pass_fds=(write_end,),
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as marker:
        line = marker.readline()
    elapsed = time.perf_counter() - start
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    os.close(slave)
    os.close(master)
    if line != b"ready\n":
        raise RuntimeError(f"{kind} never drew its first frame")
    return elapsed


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="samples per app (default 15)")
    args = parser.parse_args()
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="120", LINES="40", PYTHONPATH=str(ROOT))
    env.setdefault("MOCKLOOP_HOME", str(Path(os.environ.get("TMPDIR", "/tmp")) / "mockloop-bench-home"))
    sample("minimal", env)  # warm the file cache and bytecode for both
    sample("mockloop", env)
    times: dict[str, list[float]] = {"minimal": [], "mockloop": []}
    for _ in range(args.runs):
        for kind in times:
            times[kind].append(sample(kind, env))
    minimal = statistics.median(times["minimal"])
    mockloop = statistics.median(times["mockloop"])
    print(f"{'app':<10} {'median':>9} {'min':>9} {'max':>9}   ({args.runs} runs each, first frame)")
    for kind, values in times.items():
        print(
            f"{kind:<10} {statistics.median(values) * 1000:7.1f}ms {min(values) * 1000:7.1f}ms "
            f"{max(values) * 1000:7.1f}ms"
        )
    ratio = mockloop / minimal
    verdict = "ok" if ratio <= TARGET else "over target"
    print(f"ratio mockloop/minimal: {ratio:.2f}× (target ≤ {TARGET}×: {verdict})")


if __name__ == "__main__":
    main()
