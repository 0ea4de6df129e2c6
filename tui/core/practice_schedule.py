"""What to drill next: spaced repetition of questions, scheduled from how their attempts went.

Each question is an FSRS card (the ``fsrs`` package: the scheduler Anki
uses, which models how well a skill is retained rather than counting fixed
steps). An attempt — a drill or a question of an onsite — is a review, rated
from its verdict:

=====================  =========  ===============================================
band of the attempt    rating     why
=====================  =========  ===============================================
Strong No Hire         Again      the question is not yet in hand: see it soon
No Hire                Hard       a partial answer: a short interval
Hire                   Good       the normal interval
Strong Hire            Easy       a long interval
=====================  =========  ===============================================

An attempt that hit a danger zone is rated at most Hard, whatever its band:
the mistake the zone names is the one to practise away. An attempt with no
band (never finished) is not a review. Learning steps are one day, not the
minutes of a flashcard: a question needs a night between attempts.

**One sitting, one review.** Attempts at a question each less than
``SITTING`` (6 hours) after the one before are one sitting, and the sitting's
last attempt is its review: it *replaces* the sitting's earlier ones (the
card is reviewed again from where it stood before the sitting). Otherwise a
`mockloop watch` of ten passing saves would be ten Easy reviews in an hour
and push the question half a year out, and ten failing ones would say no
more than one: what a sitting ended on is how the question stands.

The schedule is derived data: it lives in ``schedule.json`` in the data
folder and can always be rebuilt from the history of attempts (``rebuild``),
so a corrupted or missing file costs nothing but a sentence
(``tui.core.practice`` keeps the file in step with history). Each attempt
has a key (its session, round and question): the schedule remembers the keys
it has reviewed, so recording an attempt twice changes nothing, and
``catch_up`` can tell whether the attempts it has not seen can simply be
added (they are all newer than its last review) or call for a rebuild.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fsrs import Card, Rating, Scheduler

from checkers.text.feedback import Band
from tui.core.atomic import write_atomically
from tui.core.messages import t

__all__ = ["PracticeAttempt", "Schedule", "ScheduleFileError", "rating_for"]

SCHEDULE_VERSION = 3  # 2: the keys of the attempts reviewed; 3: each card as it stood before its sitting
#: Attempts at a question closer than this to the one before are one sitting: the last one is its review.
SITTING = dt.timedelta(hours=6)
MAX_SCHEDULE_BYTES = 8 << 20

_RATINGS = {
    Band.STRONG_NO_HIRE: Rating.Again,
    Band.NO_HIRE: Rating.Hard,
    Band.HIRE: Rating.Good,
    Band.STRONG_HIRE: Rating.Easy,
}


class ScheduleFileError(Exception):
    """The schedule file could not be read; its text is one sentence naming the file."""


@dataclass(frozen=True, slots=True)
class PracticeAttempt:
    """One finished attempt at a question, as the schedule sees it."""

    question_id: str
    at: dt.datetime  # when it ended (aware, UTC)
    band: Band | None
    zones_hit: tuple[str, ...] = ()
    key: str = ""  # which attempt this is (session, round, question); "" when it has none


def rating_for(band: Band, zones_hit: Iterable[str] = ()) -> Rating:
    """The FSRS rating of an attempt: its band's (see the module docstring), at most Hard after a danger zone."""
    rating = _RATINGS[band]
    if any(True for _ in zones_hit) and rating > Rating.Hard:
        return Rating.Hard
    return rating


def _card_id(question_id: str) -> int:
    """A stable id per question (fsrs would use the clock, and sleep 1 ms to keep them apart)."""
    return int.from_bytes(hashlib.sha256(question_id.encode()).digest()[:6], "big")


def _scheduler() -> Scheduler:
    day = dt.timedelta(days=1)
    return Scheduler(learning_steps=(day,), relearning_steps=(day,), enable_fuzzing=False)


class Schedule:
    """Question id → its card; which questions are due, and which is most due."""

    def __init__(
        self,
        cards: dict[str, Card] | None = None,
        seen: Iterable[str] = (),
        latest: dt.datetime | None = None,
        before: dict[str, Card] | None = None,
    ) -> None:
        self.cards: dict[str, Card] = dict(cards or {})
        self.before: dict[str, Card] = dict(before or {})  # each card before its last sitting (absent: new then)
        self.seen: set[str] = set(seen)  # the keys of the attempts reviewed
        self.latest = latest  # when the newest of them ended
        self._scheduler = _scheduler()

    # -- reviews --------------------------------------------------------------------

    def record(self, attempt: PracticeAttempt) -> None:
        """Count ``attempt`` as a review of its question (unbanded, or already seen: nothing changes)."""
        if attempt.band is None or (attempt.key and attempt.key in self.seen):
            return
        question = attempt.question_id
        card = self.cards.get(question)
        if card is not None and card.last_review is not None and attempt.at - card.last_review < SITTING:
            base = self.before.get(question)  # the same sitting: this attempt replaces its review
        else:
            base = card
            if card is None:
                self.before.pop(question, None)
            else:
                self.before[question] = card
        base = base or Card(card_id=_card_id(question), due=attempt.at)
        card, _ = self._scheduler.review_card(base, rating_for(attempt.band, attempt.zones_hit), attempt.at)
        self.cards[question] = card
        if attempt.key:
            self.seen.add(attempt.key)
        if self.latest is None or attempt.at > self.latest:
            self.latest = attempt.at

    def catch_up(self, attempts: Iterable[PracticeAttempt]) -> bool | None:
        """Record the attempts not seen yet, when that gives the schedule a rebuild would.

        True: some were recorded; False: nothing new; None: one of them ended
        before the latest review (FSRS replays reviews in order), so nothing
        was recorded and the schedule must be rebuilt.
        """
        new = sorted((a for a in attempts if a.band is not None and a.key not in self.seen), key=lambda a: a.at)
        if not new:
            return False
        if self.latest is not None and new[0].at < self.latest:
            return None
        for attempt in new:
            self.record(attempt)
        return True

    @classmethod
    def rebuild(cls, attempts: Iterable[PracticeAttempt]) -> Schedule:
        """The schedule the attempts lead to, replayed oldest first."""
        schedule = cls()
        for attempt in sorted(attempts, key=lambda a: a.at):
            schedule.record(attempt)
        return schedule

    # -- reading ----------------------------------------------------------------------

    def due_date(self, question_id: str) -> dt.datetime | None:
        card = self.cards.get(question_id)
        return card.due if card is not None else None

    def due(self, now: dt.datetime) -> list[tuple[str, dt.datetime]]:
        """The questions due by ``now``, most overdue first."""
        return sorted(((q, c.due) for q, c in self.cards.items() if c.due <= now), key=lambda item: (item[1], item[0]))

    def next_question(self, now: dt.datetime, candidates: Iterable[str]) -> str | None:
        """The question to drill now: the most overdue one, else one never attempted, else None.

        ``candidates`` are the bank's question ids, in the order to prefer
        among the never attempted.
        """
        due = self.due(now)
        if due:
            return due[0][0]
        return next((q for q in candidates if q not in self.cards), None)

    # -- the file ---------------------------------------------------------------------

    def to_json(self) -> str:
        cards = {q: json.loads(card.to_json()) for q, card in sorted(self.cards.items())}
        before = {q: json.loads(card.to_json()) for q, card in sorted(self.before.items())}
        latest = self.latest.isoformat() if self.latest is not None else None
        document = {
            "version": SCHEDULE_VERSION,
            "cards": cards,
            "before": before,
            "latest": latest,
            "seen": sorted(self.seen),
        }
        return json.dumps(document, indent=1)

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_json().encode("utf-8"))

    @classmethod
    def load(cls, path: Path) -> Schedule:
        """The saved schedule; ``ScheduleFileError`` (one sentence) when the file cannot be used."""
        try:
            if not path.is_file():
                raise ScheduleFileError(t("schedule.not_regular", path=path))
            if path.stat().st_size > MAX_SCHEDULE_BYTES:
                raise ScheduleFileError(t("schedule.too_large", path=path))
            data = json.loads(path.read_bytes())
            if not isinstance(data, dict) or data.get("version") != SCHEDULE_VERSION:
                raise ScheduleFileError(t("schedule.version", path=path))
            cards, seen, latest, before = data.get("cards"), data.get("seen"), data.get("latest"), data.get("before")
            if not isinstance(cards, dict) or not isinstance(seen, list) or not isinstance(before, dict):
                raise ScheduleFileError(t("schedule.no_cards", path=path))
            when = dt.datetime.fromisoformat(latest) if latest is not None else None
            if when is not None and when.tzinfo is None:
                raise ValueError("latest has no time zone")
            loaded = {str(q): Card.from_json(json.dumps(c)) for q, c in cards.items()}
            earlier = {str(q): Card.from_json(json.dumps(c)) for q, c in before.items()}
            if any(card.due.tzinfo is None for card in (*loaded.values(), *earlier.values())):
                raise ValueError("a due date has no time zone")
            return cls(loaded, map(str, seen), when, earlier)
        except ScheduleFileError:
            raise
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else t("schedule.damaged")
            raise ScheduleFileError(t("schedule.unreadable", path=path, reason=reason)) from None
