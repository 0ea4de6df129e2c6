"""The debugging question's written "what was wrong": judged against its rubric, root cause first."""

from __future__ import annotations

import pytest

from checkers.text import Band, NoExplanationRubric, Severity, analyze_explanation
from question_bank import SHIPPED_BANK, Question, load_question


def _question(question_id: str = "debug-avg-token-usage") -> Question:
    return load_question(SHIPPED_BANK / "questions" / question_id)


STRONG = (
    "The bug was that `total_tokens += tokens` sat inside the `if user not in user_tokens` branch, so only "
    "each user's first log was added to the total. I moved the line out of the if: every log now reaches the "
    "total, while each user is still counted once in the denominator. A test with one user who has two logs "
    "would have caught it, since it expects 240 / 2 = 120 and the old code gave 100. I also return 0.0 instead "
    "of the int 0 when there are no logs."
)


def test_a_complete_explanation_is_strong_and_quotes_its_evidence() -> None:
    feedback = analyze_explanation(_question(), STRONG)
    assert feedback.kind == "explanation" and feedback.band is Band.STRONG_HIRE, feedback.reasons
    assert feedback.coverage is not None
    root = next(c for c in feedback.coverage.concepts if c.id == "root-cause")
    assert root.covered and root.evidence[0].startswith("The bug was that `total_tokens += tokens` sat inside")


@pytest.mark.parametrize(
    "text",
    [
        "Only the first log of every user was counted, because the addition was indented under the if.",
        "Seul le premier log de chaque utilisateur était compté : l'addition était indentée sous le if.",
    ],
)
def test_the_root_cause_in_other_words_and_in_french(text: str) -> None:
    feedback = analyze_explanation(_question(), text, "fr")
    assert feedback.coverage is not None and feedback.coverage.is_covered("root-cause")


def test_without_the_root_cause_it_is_no_hire_at_best_and_says_why() -> None:
    text = (
        "The function returned the wrong average in some cases. I rewrote it so that it divides the total by the "
        "number of distinct users, and I added a test with several logs for the same user."
    )
    feedback = analyze_explanation(_question(), text)
    assert not feedback.band.is_hire
    assert any("does not show what this question requires" in r for r in feedback.reasons)


def test_a_vague_explanation_is_not_credited() -> None:
    feedback = analyze_explanation(_question(), "There was a bug in the loop and I fixed it, now it works.")
    assert feedback.coverage is not None and not feedback.coverage.is_covered("root-cause")
    assert feedback.finding("thin-explanation").severity is Severity.WARNING
    assert feedback.band in (Band.NO_HIRE, Band.STRONG_NO_HIRE)


def test_an_empty_explanation_is_strong_no_hire() -> None:
    assert analyze_explanation(_question(), "   ").band is Band.STRONG_NO_HIRE


def test_an_explanation_that_points_nowhere_gets_a_note() -> None:
    text = "Only the first log of every user reached the total; now every log does, and users count once."
    feedback = analyze_explanation(_question(), text)
    assert feedback.finding("no-code-reference").severity is Severity.INFO


def test_questions_without_an_explanation_rubric_are_refused_in_one_sentence() -> None:
    with pytest.raises(NoExplanationRubric, match=r'^The question "safe-divide" has no explanation to judge\.$'):
        analyze_explanation(_question("safe-divide"), STRONG)


def test_the_feedback_round_trips_like_every_written_feedback() -> None:
    from checkers.text import Feedback

    feedback = analyze_explanation(_question(), STRONG, "fr")
    assert Feedback.from_dict(feedback.to_dict()).to_dict() == feedback.to_dict()
