"""Markdown answer files for `mockloop check`: headings in, parts out, clear errors otherwise."""

from __future__ import annotations

import pytest

from checkers.text import (
    AnswerFormatError,
    UnknownHeading,
    parse_answer,
    parse_design_markdown,
    parse_motivation_text,
    parse_star_markdown,
)
from question_bank import DESIGN_SECTIONS, STAR_PARTS, Kind


def test_star_headings_of_any_level_and_case() -> None:
    text = "# SITUATION\nThe scene.\n\n## task\nMy job.\n\n### Action ###\nI did it.\n\n###### Result\nIt worked.\n"
    assert parse_star_markdown(text) == {
        "situation": "The scene.",
        "task": "My job.",
        "action": "I did it.",
        "result": "It worked.",
        "reflection": "",
    }


@pytest.mark.parametrize(
    "heading, part",
    [
        ("Tâche", "task"),
        ("tache", "task"),
        ("Résultat", "result"),
        ("RÉSULTATS", "result"),
        ("Réflexion", "reflection"),
        ("Bilan", "reflection"),
        ("Lessons learned", "reflection"),
        ("2. **Task**:", "task"),
        ("Step 3: Action", "action"),
        ("Action — what I did", "action"),
        ("Situation (context)", "situation"),
        ("Outcome", "result"),
    ],
)
def test_star_heading_variants(heading: str, part: str) -> None:
    assert parse_star_markdown(f"## {heading}\nSome text.")[part] == "Some text."


def test_every_part_is_present_in_the_result_even_when_missing() -> None:
    parsed = parse_star_markdown("# Action\nOnly this.")
    assert set(parsed) == set(STAR_PARTS) and parsed["situation"] == ""


def test_a_repeated_heading_joins_its_texts() -> None:
    parsed = parse_star_markdown("# Action\nFirst.\n# Result\nDone.\n# Action\nSecond.")
    assert parsed["action"] == "First.\n\nSecond."


def test_headings_inside_code_fences_and_comments_are_ignored() -> None:
    text = "<!-- # Notes to self -->\n# Action\n```python\n# not a heading\nx = 1\n```\nThen more.\n"
    assert parse_star_markdown(text)["action"] == "```python\n# not a heading\nx = 1\n```\nThen more."


def test_windows_line_endings() -> None:
    assert parse_star_markdown("# Action\r\nDone.\r\n")["action"] == "Done."


def test_an_unknown_heading_names_itself_its_line_and_the_accepted_ones() -> None:
    with pytest.raises(UnknownHeading) as caught:
        parse_star_markdown("# Situation\nText.\n\n## Summary\nMore.")
    error = caught.value
    assert (error.heading, error.line) == ("Summary", 4)
    message = str(error)
    assert message.startswith('The heading "Summary" on line 4 is not one of the accepted headings: Situation, Task')
    assert "Résultat" in message and message.endswith(".") and message.count(". ") == 0


def test_text_before_the_first_heading_is_an_error() -> None:
    with pytest.raises(AnswerFormatError, match=r"^Line 1 comes before the first heading, so it belongs to no STAR"):
        parse_star_markdown("My answer\n# Action\nText.")


def test_no_headings_at_all_is_an_error() -> None:
    with pytest.raises(AnswerFormatError, match="has no headings"):
        parse_star_markdown("\n\n")
    with pytest.raises(AnswerFormatError, match="has no headings"):
        parse_design_markdown("")


@pytest.mark.parametrize(
    "heading, section",
    [
        ("Requirements", "requirements"),
        ("Functional requirements", "requirements"),
        ("Exigences", "requirements"),
        ("Scale estimates", "scale"),
        ("Back-of-the-envelope", "scale"),
        ("Capacity estimates", "scale"),
        ("Estimations de charge", "scale"),
        ("API", "api"),
        ("API design", "api"),
        ("Data model", "data_model"),
        ("Modèle de données", "data_model"),
        ("High-level design", "high_level"),
        ("High level architecture", "high_level"),
        ("Architecture générale", "high_level"),
        ("Deep dives", "deep_dives"),
        ("Deep dive: atomicity", "deep_dives"),
        ("Approfondissements", "deep_dives"),
        ("Bottlenecks & trade-offs", "tradeoffs"),
        ("Bottlenecks and tradeoffs", "tradeoffs"),
        ("Trade-offs", "tradeoffs"),
        ("Goulots d’étranglement et compromis", "tradeoffs"),
    ],
)
def test_design_heading_variants(heading: str, section: str) -> None:
    assert parse_design_markdown(f"## {heading}\nSome text.")[section] == "Some text."


def test_design_parse_returns_every_section() -> None:
    parsed = parse_design_markdown("# API\nGET /x\n# Deep dive: a\nOne.\n# Deep dive: b\nTwo.")
    assert set(parsed) == set(DESIGN_SECTIONS)
    assert parsed["deep_dives"] == "One.\n\nTwo."


def test_design_unknown_heading_lists_canvas_sections() -> None:
    with pytest.raises(UnknownHeading, match=r'"Monitoring" on line 1 .*Requirements, Scale estimates, API'):
        parse_design_markdown("# Monitoring\nGrafana.")


def test_motivation_is_plain_text_without_headings_or_comments() -> None:
    text = "# Why Mistral\n<!-- draft -->\nOpen weights matter.\n\n## Me\nI built things.\n"
    assert parse_motivation_text(text) == "Open weights matter.\n\nI built things."


def test_parse_answer_dispatches_on_kind() -> None:
    star, design = parse_answer(Kind.BEHAVIORAL, "# Action\nx"), parse_answer("design", "# API\nx")
    assert isinstance(star, dict) and star["action"] == "x"
    assert isinstance(design, dict) and design["api"] == "x"
    assert parse_answer(Kind.MOTIVATION, "plain") == "plain"
    with pytest.raises(ValueError, match="judged by running code"):
        parse_answer(Kind.CODE, "def f(): pass")


def test_analyze_answer_rejects_an_answer_of_the_wrong_shape() -> None:
    from checkers.text import analyze_answer
    from question_bank import SHIPPED_BANK, load_question

    design = load_question(SHIPPED_BANK / "questions" / "distributed-rate-limiter")
    with pytest.raises(ValueError, match=r'"distributed-rate-limiter" \(design\) cannot be judged from one text'):
        analyze_answer(design, "just text")
    motivation = load_question(SHIPPED_BANK / "questions" / "mistral-motivation")
    with pytest.raises(ValueError, match="cannot be judged from text per part"):
        analyze_answer(motivation, {"api": "x"})
