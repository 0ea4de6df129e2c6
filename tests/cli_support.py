"""Running ``mockloop`` the way a person does: as a subprocess, with the tests' own data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_mockloop(
    *args: str | Path, home: Path | None = None, cwd: Path = ROOT, timeout: float = 90
) -> subprocess.CompletedProcess[str]:
    """``mockloop ARGS`` with no standard input; ``home`` sets ``MOCKLOOP_HOME`` (else the test's own)."""
    env = None if home is None else {**os.environ, "MOCKLOOP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )
