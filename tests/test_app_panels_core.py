"""The written panels' pure parts: Markdown round trips, the calculator form, live counts, assessment."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping

import pytest

from checkers.text import CapacityError, parse_design_markdown, parse_star_markdown
from question_bank import DESIGN_SECTIONS, STAR_PARTS, Bank, Question
from tui.core.answer_markdown import design_from_markdown, design_to_markdown, star_from_markdown, star_to_markdown
from tui.core.capacity_form import FIELDS, estimate_from_form, parse_field
from tui.core.feedback import MOTIVATION_LENGTH, STAR_LENGTH, Pace, assess, star_counts
from tui.core.messages import LANGUAGES, set_language
from tui.widgets.motivation_panel import motivation_summary
from tui.widgets.star_panel import star_summary
from tui.widgets.written_answer import say

TRICKY_LINES = (
    "# not a heading",
    "## Task",
    "\\# escaped",
    "```",
    "~~~",
    "<!-- comment",
    "-->",
    "plain words",
    "   # indented",
    "\\\\```",
    "<\\!--",
    "",
    "#",
    "#hashtag",
    "# Situation",
    "\\",
    "```python",
    "x = 1  # note",
)


def test_star_markdown_is_what_the_cli_reads() -> None:
    parts = {
        "situation": "We had a launch.",
        "task": "Mine.",
        "action": "I did it.",
        "result": "Shipped.",
        "reflection": "",
    }
    text = star_to_markdown(parts)
    assert text.startswith("# Situation\n\nWe had a launch.\n")
    assert "# Reflection" in text  # every heading, so an editor shows the whole structure
    assert parse_star_markdown(text) == parts
    assert star_from_markdown(text) == parts
    assert star_to_markdown(dict.fromkeys(STAR_PARTS, "  ")) == ""  # nothing written: no answer
    assert star_from_markdown("") == dict.fromkeys(STAR_PARTS, "")


def test_design_markdown_headings_are_the_canvas_sections() -> None:
    sections = {s: f"text of {s}" for s in DESIGN_SECTIONS}
    text = design_to_markdown(sections)
    assert "# Scale estimates" in text and "# Bottlenecks & trade-offs" in text
    assert parse_design_markdown(text) == sections
    assert design_from_markdown(text) == sections


@pytest.mark.parametrize(
    ("to_md", "from_md", "keys"),
    [
        (star_to_markdown, star_from_markdown, STAR_PARTS),
        (design_to_markdown, design_from_markdown, DESIGN_SECTIONS),
    ],
)
def test_any_text_survives_the_round_trip(
    to_md: Callable[[Mapping[str, str]], str], from_md: Callable[[str], dict[str, str]], keys: tuple[str, ...]
) -> None:
    rng = random.Random(6)  # fixed seed: the same cases every run
    for _ in range(3000):
        texts = {k: "\n".join(rng.choice(TRICKY_LINES) for _ in range(rng.randint(0, 6))).strip() for k in keys}
        assert from_md(to_md(texts)) == texts


def test_a_heading_typed_inside_a_part_is_kept_as_text() -> None:
    parts = dict.fromkeys(STAR_PARTS, "")
    parts["action"] = "# Result\nI wrote ```\n<!-- and this"
    text = star_to_markdown(parts)
    assert parse_star_markdown(text)["result"] == ""
    assert star_from_markdown(text) == parts


def test_the_calculator_form_reads_numbers_as_people_type_them() -> None:
    assert parse_field("daily_active_users", "10M") == 10_000_000
    assert parse_field("daily_active_users", "2,500,000") == 2_500_000
    assert parse_field("daily_active_users", "1,5k") == 1500
    assert parse_field("object_size_bytes", "2 KB") == 2000
    assert parse_field("object_size_bytes", "1 Mo") == 1_000_000
    assert parse_field("read_write_ratio", "100:1") == 100
    estimate = estimate_from_form({f.name: f.default for f in FIELDS})
    assert estimate.daily_active_users == 10_000_000 and estimate.peak_factor == 3


@pytest.mark.parametrize(
    ("field", "value", "sentence"),
    [
        ("daily_active_users", "lots", 'Daily active users: "lots" is not a number (try 10M, 2.5K or 2,500,000).'),
        ("daily_active_users", "", "Daily active users is empty: type a number such as 10M, 2.5K or 2,500,000."),
        ("peak_factor", "0.5", "Peak factor must be at least 1, not 0.5."),
        ("retention_years", "-1", "Retention (years) must be at least 0, not -1."),
        ("read_write_ratio", "x", 'The read:write ratio "x" is not of the form 10:1.'),
        ("object_size_bytes", "3 parsecs", 'Object size: "3 parsecs" is not a number (try 1 KB, 500 B or 2 MB).'),
    ],
)
def test_bad_calculator_input_is_one_sentence(field: str, value: str, sentence: str) -> None:
    with pytest.raises(CapacityError) as caught:
        estimate_from_form({field: value})
    assert str(caught.value) == sentence
    assert caught.value.field == field


def test_star_counts_shares_and_speaking_time() -> None:
    counts = star_counts(
        {"situation": "one two", "task": "three", "action": "a b c d e f", "result": "r", "reflection": "x y"}
    )
    assert counts.words == {"situation": 2, "task": 1, "action": 6, "result": 1, "reflection": 2}
    assert counts.total == 12
    assert counts.shares["action"] == pytest.approx(0.6)  # the Reflection is not in the proportions
    assert counts.targets == {"situation": 0.2, "task": 0.1, "action": 0.6, "result": 0.1}
    assert counts.spoken.pace is Pace.SHORT
    assert star_counts({"action": "w " * 280}).spoken.clock == "2:00"
    assert star_counts({"action": "w " * 280}).spoken.pace is Pace.GOOD
    assert star_counts({"action": "w " * 500}).spoken.pace is Pace.LONG


#: The label each pace reads as, and the finding the analyzer raises for it.
PACE_FINDING = {Pace.SHORT: "too-short", Pace.GOOD: None, Pace.LONG: "too-long"}


def _length_findings(question: Question, text: str) -> set[str]:
    feedback = assess(question, text).feedback
    assert feedback is not None
    return {f for f in feedback.finding_ids if f in ("too-short", "too-long")}


@pytest.mark.parametrize(
    ("words", "pace"),
    [
        (209, Pace.SHORT),
        (210, Pace.GOOD),
        (490, Pace.GOOD),
        (491, Pace.LONG),
    ],
)
def test_star_panel_label_and_analyzer_agree_at_the_boundaries(app_bank: Bank, words: int, pace: Pace) -> None:
    assert (STAR_LENGTH.short_below, STAR_LENGTH.long_above) == (210, 490)  # 1.5 and 3.5 minutes at 140 wpm
    action = " ".join(["word"] * words)
    counts = star_counts({"action": action})
    assert counts.total == words and counts.spoken.pace is pace
    for lang in LANGUAGES:  # the labels speak the interface language
        set_language(lang)
        label = star_summary(counts, lang).plain
        assert say(pace.value) in label
        assert all(say(other.value) not in label for other in Pace if other is not pace)
    expected = {PACE_FINDING[pace]} - {None}
    assert _length_findings(app_bank.question("a-disagreement"), star_to_markdown({"action": action})) == expected


@pytest.mark.parametrize(
    ("words", "pace"),
    [
        (139, Pace.SHORT),
        (140, Pace.GOOD),
        (420, Pace.GOOD),
        (421, Pace.LONG),
    ],
)
def test_motivation_panel_label_and_analyzer_agree_at_the_boundaries(app_bank: Bank, words: int, pace: Pace) -> None:
    assert (MOTIVATION_LENGTH.short_below, MOTIVATION_LENGTH.long_above) == (140, 420)  # 1 and 3 minutes
    text = " ".join(["word"] * words)
    for lang in LANGUAGES:
        set_language(lang)
        label = motivation_summary(text, lang).plain
        assert say(pace.value) in label
        assert all(say(other.value) not in label for other in Pace if other is not pace)
    expected = {PACE_FINDING[pace]} - {None}
    assert _length_findings(app_bank.question("why-us"), text) == expected


def test_the_star_panel_aims_for_the_guides_one_and_a_half_to_three_minutes() -> None:
    counts = star_counts({"action": " ".join(["word"] * 175)})  # 1:15 spoken
    assert counts.spoken.pace is Pace.SHORT and counts.spoken.range_text == "1:30–3:00"
    assert "short (aim 1:30–3:00)" in star_summary(counts, "en").plain
    set_language("fr")
    assert "court (visez 1:30–3:00)" in star_summary(counts, "fr").plain


def test_assess_explains_an_unreadable_answer_instead_of_raising(app_bank: Bank) -> None:
    question = app_bank.question("a-disagreement")
    bad = assess(question, "# Situaton\nA typo in the heading.")
    assert bad.feedback is None and 'The heading "Situaton" on line 1' in bad.error
    good = assess(question, star_to_markdown({"action": "I talked to them. It was their fault."}), "fr")
    assert good.feedback is not None and good.feedback.lang == "fr"
    assert "red-flag:blame" in good.feedback.finding_ids
    with pytest.raises(ValueError):
        assess(app_bank.question("two-sum"), "def f(): ...")
