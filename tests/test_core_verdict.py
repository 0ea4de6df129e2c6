"""The one verdict's rules (``tui.core.verdict``), as plain unit tests."""

from __future__ import annotations

import pytest

from tui.core.verdict import (
    Band,
    FinalRun,
    Verdict,
    code_verdict,
    coverage_text,
    round_verdict,
    session_verdict,
    written_verdict,
)


def final(passed: int, total: int = 5, *, cause: str = "candidate", outcome: str = "finished") -> FinalRun:
    return FinalRun(outcome, passed, total, cause, f"{passed}/{total} passed")


@pytest.mark.parametrize(
    ("run", "hints", "dangers", "band"),
    [
        (None, 0, [], Band.STRONG_NO_HIRE),
        (final(5), 0, [], Band.STRONG_HIRE),
        (final(5), 1, [], Band.HIRE),
        (final(4), 0, [], Band.HIRE),
        (final(4), 2, [], Band.NO_HIRE),
        (final(4), 0, ["Nested loops"], Band.NO_HIRE),
        (final(3), 0, [], Band.NO_HIRE),
        (final(2), 0, [], Band.STRONG_NO_HIRE),
        (final(0, 0), 0, [], Band.STRONG_NO_HIRE),
        (final(0, 0, outcome="failed"), 0, [], Band.STRONG_NO_HIRE),
    ],
)
def test_code_bands(run: FinalRun | None, hints: int, dangers: list[str], band: Band) -> None:
    assert code_verdict(run, hints, dangers).band is band


def test_the_cause_of_the_final_submission_is_said_as_it_happened() -> None:
    assert code_verdict(final(5), 0, []).reasons[0] == "5 of 5 tests passed on the final submission."
    early = code_verdict(final(5, cause="finish"), 0, []).reasons[0]
    assert early.endswith("(submitted when the question was finished early).")
    clock = code_verdict(final(5, cause="time_up"), 0, []).reasons[0]
    assert clock.endswith("(submitted by the clock at time's up).")


def test_a_submission_still_checking_is_pending() -> None:
    verdict = code_verdict(final(0, 0, outcome="running"), 0, [])
    assert verdict.pending and verdict.label == "checking…"
    assert round_verdict([("a", verdict), ("b", Verdict(Band.HIRE, ()))]).pending


def test_no_sentence_is_said_twice() -> None:
    for verdict in (
        code_verdict(None, 0, []),
        code_verdict(final(4), 2, ["zone"]),
        written_verdict(False, None, "", 0),
    ):
        assert len(set(verdict.reasons)) == len(verdict.reasons)


FEEDBACK = {
    "band": "Strong Hire",
    "reasons": ["Specific and concrete."],
    "coverage": {
        "concepts": [
            {"id": "a", "weight": 3, "covered": True},
            {"id": "b", "weight": 2, "covered": False},
            {"id": "c", "weight": 5, "covered": True},
        ]
    },
}


def test_written_answers_take_the_analyzers_band_capped_by_a_hint() -> None:
    clean = written_verdict(True, FEEDBACK, "", 0)
    assert clean.band is Band.STRONG_HIRE
    capped = written_verdict(True, FEEDBACK, "", 1)
    assert capped.band is Band.HIRE and capped.reasons[-1] == "1 hint taken, which caps it at Hire."
    assert written_verdict(False, None, "", 0).reasons == ("No answer was written.",)
    unreadable = written_verdict(True, None, "A heading is not one of the parts.", 0)
    assert unreadable.band is Band.NO_HIRE and "A heading is not one of the parts." in unreadable.reasons[0]


def test_rubric_coverage_is_the_weight_share_everywhere() -> None:
    text = coverage_text(FEEDBACK["coverage"])  # type: ignore[arg-type]  # a table as recorded
    assert text == "80% of the rubric's weight (8/10; 2 of 3 concepts)"
    assert f"Rubric coverage: {text}." in written_verdict(True, FEEDBACK, "", 0).reasons


def test_a_round_is_the_mean_rounded_down() -> None:
    strong, weak = Verdict(Band.STRONG_HIRE, ()), Verdict(Band.STRONG_NO_HIRE, ())
    assert round_verdict([("a", strong), ("b", weak)]).band is Band.NO_HIRE  # ranks (3 + 0) / 2 → 1
    assert round_verdict([("a", strong), ("b", Verdict(Band.NO_HIRE, ()))]).band is Band.HIRE  # (3 + 1) / 2 → 2


def test_one_round_is_its_own_verdict() -> None:
    for band in Band:
        verdict = session_verdict([Verdict(band, ())], total=1, finished=True)
        assert verdict is not None and verdict.band is band and verdict.reasons == ()


def test_the_session_rules_and_what_they_cover() -> None:
    def bands(*names: Band) -> list[Verdict]:
        return [Verdict(b, ()) for b in names]

    h, sh, nh, snh = Band.HIRE, Band.STRONG_HIRE, Band.NO_HIRE, Band.STRONG_NO_HIRE

    def band(verdicts: list[Verdict]) -> Band:
        verdict = session_verdict(verdicts, total=5, finished=True)
        assert verdict is not None
        return verdict.band

    assert band(bands(sh, sh, h, h, sh)) is sh
    assert band(bands(h, h, nh, h, sh)) is h
    assert band(bands(h, nh, nh, h, h)) is nh
    assert band(bands(snh, snh, h, h, h)) is snh
    early = session_verdict(bands(h, h), total=5, finished=True)
    assert early is not None and early.reasons[-1] == "3 rounds of 5 not taken; the band covers the 2 taken."
    going = session_verdict(bands(h, h), total=5, finished=False)
    assert going is not None and going.reasons[-1].startswith("In progress: 2 of 5 rounds")
    assert session_verdict([], total=5, finished=False) is None
