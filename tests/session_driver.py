"""Runs the app headless and types into a drill, then waits to be killed (for the kill -9 test).

Usage: python tests/session_driver.py QUESTION_ID TEXT
Prints "typed" once the text is in the editor; the autosave does the rest.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from session_support import TWO_SUM_TESTS, bank

from tui.app import DrillRoute, build_app
from tui.core.clock import MonotonicClock
from tui.core.fakes import InstantRunner


async def main(question: str, text: str) -> None:
    app = build_app(
        bank=bank(), clock=MonotonicClock(), runner=InstantRunner(TWO_SUM_TESTS), route=DrillRoute(question)
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+end")
        await pilot.press(*text)
        await pilot.press("ctrl+r")
        print("typed", flush=True)
        while True:
            await asyncio.sleep(0.1)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
