"""What to drill next: the spaced-repetition schedule over attempts (tui/core/practice_schedule.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fsrs import Rating

from checkers.text.feedback import Band
from tui.core.practice_schedule import PracticeAttempt, Schedule, ScheduleFileError, rating_for

DAY0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def attempt(question: str, day: float, band: Band | None, zones: tuple[str, ...] = ()) -> PracticeAttempt:
    return PracticeAttempt(question, DAY0 + dt.timedelta(days=day), band, zones)


def test_bands_map_to_ratings_and_a_danger_zone_caps_at_hard() -> None:
    assert [rating_for(b) for b in Band] == [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]
    assert rating_for(Band.STRONG_HIRE, ("sort-by-start-only",)) is Rating.Hard
    assert rating_for(Band.STRONG_NO_HIRE, ("x",)) is Rating.Again


def test_weak_weak_strong_moves_the_question_further_out() -> None:
    schedule = Schedule()
    schedule.record(attempt("valid-bst", 0, Band.NO_HIRE))
    first = schedule.due_date("valid-bst")
    schedule.record(attempt("valid-bst", 1, Band.NO_HIRE))
    second = schedule.due_date("valid-bst")
    schedule.record(attempt("valid-bst", 2, Band.STRONG_HIRE))
    third = schedule.due_date("valid-bst")
    assert first is not None and second is not None and third is not None
    gaps = [first - DAY0, second - (DAY0 + dt.timedelta(days=1)), third - (DAY0 + dt.timedelta(days=2))]
    assert gaps[2] > gaps[1] >= dt.timedelta(hours=23), gaps


def test_the_most_overdue_question_is_next_then_one_never_tried() -> None:
    schedule = Schedule.rebuild(
        [attempt("a", 0, Band.STRONG_NO_HIRE), attempt("b", 0, Band.STRONG_HIRE), attempt("c", 0, None)]
    )
    assert "c" not in schedule.cards  # never finished: not a review
    later = DAY0 + dt.timedelta(days=2)
    assert [q for q, _ in schedule.due(later)] == ["a"]
    assert schedule.next_question(later, ["a", "b", "c", "d"]) == "a"
    assert schedule.next_question(DAY0, ["a", "b", "c", "d"]) == "c"  # nothing due yet: the first never tried
    assert Schedule.rebuild([attempt("a", 0, Band.HIRE)]).next_question(DAY0, ["a"]) is None


def test_rebuilding_in_any_order_gives_the_same_schedule() -> None:
    attempts = [attempt("q", 0, Band.NO_HIRE), attempt("q", 3, Band.HIRE), attempt("r", 1, Band.HIRE)]
    assert Schedule.rebuild(attempts).to_json() == Schedule.rebuild(reversed(attempts)).to_json()


def test_the_file_round_trips_and_a_broken_one_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "schedule.json"
    schedule = Schedule.rebuild([attempt("q", 0, Band.HIRE)])
    schedule.save(path)
    assert Schedule.load(path).to_json() == schedule.to_json()
    for content in (b"{not json", b'{"version": 99, "cards": {}}', b"[" * 100_000, b'{"version": 1, "cards": 3}'):
        path.write_bytes(content)
        with pytest.raises(ScheduleFileError) as caught:
            Schedule.load(path)
        message = str(caught.value)
        assert str(path) in message and message.endswith("rebuilt from history.") and "\n" not in message
    with pytest.raises(ScheduleFileError, match="not a regular file"):
        Schedule.load(tmp_path)


def test_one_sitting_is_one_review_its_last_attempt() -> None:
    """Ten passing saves of a watch in under an hour say what one does; a sitting ending well counts as ending well."""

    def minutes(question: str, start: float, bands: list[Band]) -> list[PracticeAttempt]:
        return [
            PracticeAttempt(
                question, DAY0 + dt.timedelta(days=start, minutes=5 * i), band, (), f"{question}{start}/{i}"
            )
            for i, band in enumerate(bands)
        ]

    once = Schedule.rebuild([PracticeAttempt("q", DAY0 + dt.timedelta(minutes=45), Band.STRONG_HIRE, (), "one")])
    many = Schedule.rebuild(minutes("q", 0, [Band.STRONG_HIRE] * 10))
    assert many.due_date("q") == once.due_date("q")
    mended = Schedule.rebuild(minutes("q", 0, [Band.STRONG_NO_HIRE] * 5 + [Band.STRONG_HIRE]))
    clean = Schedule.rebuild([PracticeAttempt("q", DAY0 + dt.timedelta(minutes=25), Band.STRONG_HIRE, (), "x")])
    assert mended.due_date("q") == clean.due_date("q")
    # Two sittings, days apart: the second builds on the first (further out than either alone).
    both = Schedule.rebuild(minutes("q", 0, [Band.HIRE] * 3) + minutes("q", 3, [Band.NO_HIRE, Band.STRONG_HIRE]))
    second = both.due_date("q")
    assert second is not None and second - (DAY0 + dt.timedelta(days=3, minutes=5)) > dt.timedelta(days=8)


def test_attempts_hours_apart_are_separate_reviews(tmp_path: Path) -> None:
    spaced = [PracticeAttempt("q", DAY0 + dt.timedelta(hours=7 * i), Band.STRONG_HIRE, (), str(i)) for i in range(2)]
    one = Schedule.rebuild(spaced[:1])
    two = Schedule.rebuild(spaced)
    assert two.due_date("q") != one.due_date("q")
    path = tmp_path / "schedule.json"
    two.save(path)
    assert Schedule.load(path).to_json() == two.to_json()  # the card before the sitting is kept too
    same_day = Schedule.load(path)
    same_day.record(PracticeAttempt("q", DAY0 + dt.timedelta(hours=8), Band.STRONG_NO_HIRE, (), "late"))
    expected = Schedule.rebuild([*spaced, PracticeAttempt("q", DAY0 + dt.timedelta(hours=8), Band.STRONG_NO_HIRE)])
    assert same_day.due_date("q") == expected.due_date("q")  # noting after a reload equals a rebuild
