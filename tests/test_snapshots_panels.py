"""The written-answer panels as a person sees them (``pytest --snapshot-update`` to accept changes).

Deterministic as ``test_snapshots``: the fixture bank, a fake clock, a fixed
terminal size, answers loaded rather than typed, no blinking cursors.
"""

from __future__ import annotations

from collections.abc import Callable

from conftest import settle
from snapshot_support import snapshot_app, still
from textual.pilot import Pilot

from tui.app import DrillRoute
from tui.core.answer_markdown import design_to_markdown, star_to_markdown
from tui.screens.round import RoundScreen
from tui.widgets.answer_panel import AnswerPanel
from tui.widgets.written_answer import WrittenAnswerPanel

SIZE = (140, 45)

STAR = star_to_markdown(
    {
        "situation": "Our tech lead and I disagreed about rewriting the billing service two weeks before a launch.",
        "task": "I had to reach a decision that kept the launch date.",
        "action": "I met him one-to-one to understand his worry: data races in the invoice code. I wrote a load "
        "test that reproduced two of them in a day, proposed fixing those two now and the rewrite after launch, "
        "and asked our manager for a neutral review. It was not [bold]their fault[/].",
        "result": "We launched on time with zero billing incidents in the first month.",
        "reflection": "I learned to ask for the evidence behind a position before arguing for mine.",
    }
)
DESIGN = design_to_markdown(
    {
        "requirements": "Cache completions for identical prompts; p99 lookup under 5 ms; [b]no stale[/b] answers.",
        "scale": "",
        "api": "get(prompt_hash) -> completion | miss; put(prompt_hash, completion, ttl)",
        "data_model": "Key: sha256 of model + prompt + parameters. Value: completion text, created_at.",
        "high_level": "Gateway -> cache cluster (consistent hashing, shard by key) -> model servers on a miss.",
        "deep_dives": "",
        "tradeoffs": "",
    }
)
MOTIVATION = (
    "I want to work on open-weight models because [bold]I ship[/] inference infrastructure today: last year I cut "
    "our serving latency by 40% with batching."
)


def panel_app(question_id: str, answer: str, *, feedback: bool) -> tuple[object, Callable[[Pilot[int]], object]]:
    async def run_before(pilot: Pilot[int]) -> None:
        await settle(pilot, lambda: isinstance(pilot.app.screen, RoundScreen))
        screen = pilot.app.screen
        assert isinstance(screen, RoundScreen)
        panel = screen.query_one(AnswerPanel)
        panel.load_answer(answer)
        if feedback:
            assert isinstance(panel, WrittenAnswerPanel)
            panel.toggle_feedback()
        await pilot.pause()
        panel.focus_answer()
        await still(pilot)

    return snapshot_app(DrillRoute(question_id)), run_before


def test_star_panel(snap_compare: Callable[..., bool]) -> None:
    app, run_before = panel_app("a-disagreement", STAR, feedback=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_star_panel_with_feedback(snap_compare: Callable[..., bool]) -> None:
    app, run_before = panel_app("a-disagreement", STAR, feedback=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_design_canvas(snap_compare: Callable[..., bool]) -> None:
    app, run_before = panel_app("design-cache", DESIGN, feedback=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_design_canvas_with_feedback(snap_compare: Callable[..., bool]) -> None:
    app, run_before = panel_app("design-cache", DESIGN, feedback=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_motivation_panel(snap_compare: Callable[..., bool]) -> None:
    app, run_before = panel_app("why-us", MOTIVATION, feedback=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_motivation_panel_with_feedback(snap_compare: Callable[..., bool]) -> None:
    app, run_before = panel_app("why-us", MOTIVATION, feedback=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
