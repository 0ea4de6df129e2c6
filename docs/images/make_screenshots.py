"""Regenerate the README's screenshots from the real app, bank and checker.

    uv run --with cairosvg python docs/images/make_screenshots.py

Drives the app headless with Pilot at 120×40: a safe-divide drill with a
known-wrong answer (it handles only division by zero) submitted through the
real checker, and the failing visible test selected.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import cairosvg

from tui.app import DrillRoute, build_app
from tui.widgets.code_answer import CodeAnswerPanel
from tui.widgets.test_panel import TestPanel

HERE = Path(__file__).resolve().parent
QUESTION = HERE.parent.parent / "question_bank" / "questions" / "safe-divide"


async def code_round() -> None:
    app = build_app(route=DrillRoute("safe-divide"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(CodeAnswerPanel)
        mutant = (QUESTION / "mutants" / "only_zero_division.py").read_text(encoding="utf-8")
        panel.load_answer(mutant.split('"""', 2)[2].lstrip())  # without the docstring naming the mistake
        await pilot.press("ctrl+s")
        tests = app.screen.query_one(TestPanel)
        for _ in range(300):  # the real checker answers in well under a second
            await pilot.pause(0.05)
            run = tests.run
            if run is not None and run.finished_at is not None:
                break
        tests.select("test_example_string")
        await pilot.pause(0.2)
        svg = app.export_screenshot(title="mockloop")
    cairosvg.svg2png(bytestring=svg.encode(), write_to=str(HERE / "code-round.png"), output_width=1200)


if __name__ == "__main__":
    asyncio.run(code_round())
