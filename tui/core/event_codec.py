"""Typed events to and from the session file's ``[[rounds.events]]`` tables.

``event_table`` writes an event's fields in a fixed order (``t``, ``kind``,
``q``, then the kind's own fields), leaving out what is empty, so a file we
wrote and read back is rewritten byte for byte. ``read_event`` checks every
field strictly (``CheckedTable``) and refuses keys a kind does not have; it
reads format 1 too, whose runs said only ``automatic`` (by the clock).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.core.checked_table import CheckedTable
from tui.core.checking import RunCause, TestStatus
from tui.core.events import (
    ANSWER_PARTS,
    BY_KIND,
    EVENT_KINDS,
    AnswerPart,
    Clarify,
    ClockRanOut,
    Edit,
    EditorTrip,
    Event,
    FeedbackNote,
    Finish,
    Hint,
    LangSwitch,
    Pause,
    Resume,
    RoundEnd,
    RoundStart,
    RunResult,
    RunStart,
    Snapshot,
    TestRecord,
    Unpause,
    question_of,
)
from tui.core.record import QuestionRecord

_TEST_STATUSES = tuple(s.value for s in TestStatus)
_CAUSES = tuple(c.value for c in RunCause)
_QUESTION_KINDS = frozenset(kind for kind, cls in BY_KIND.items() if "q" in cls.__dataclass_fields__)


def row_table(row: TestRecord) -> dict[str, Any]:
    data: dict[str, Any] = {"name": row.name, "status": row.status, "visible": row.visible}
    if row.description:
        data["description"] = row.description
    if row.danger:
        data["danger"] = row.danger
    if row.duration is not None:
        data["duration"] = row.duration
    if row.message:
        data["message"] = row.message
    if row.expected is not None:
        data["expected"] = row.expected
    if row.actual is not None:
        data["actual"] = row.actual
    if row.traceback:
        data["traceback"] = row.traceback
    return data


def event_table(event: Event) -> dict[str, Any]:
    """The event as the file's table: ``t``, ``kind``, ``q``, then its own fields (empty ones left out)."""
    data: dict[str, Any] = {"t": event.t, "kind": event.kind}
    q = question_of(event)
    if q >= 0:
        data["q"] = q
    match event:
        case RoundEnd():
            data["reason"] = event.reason
        case Snapshot():
            data["text"] = event.text
            data.update(_part_field(event))
        case Edit():
            data.update(pos=event.pos, cut=event.cut, ins=event.ins)
            data.update(_part_field(event))
        case EditorTrip():
            data["changed"] = event.changed
        case RunStart():
            data.update(run=event.run, mode=event.mode, cause=event.cause)
        case RunResult():
            data.update(run=event.run, outcome=event.outcome, tests=[row_table(row) for row in event.tests])
            if event.failure_reason or event.failure_message:
                data.update(failure_reason=event.failure_reason, failure_message=event.failure_message)
        case Hint() | Clarify():
            data["index"] = event.index
        case LangSwitch():
            data["lang"] = event.lang
        case FeedbackNote():
            if event.feedback is not None:
                data["feedback"] = dict(event.feedback)
            if event.error:
                data["error"] = event.error
    return data


def _part_field(event: Snapshot | Edit) -> dict[str, str]:
    """The part an answer's text belongs to, written only when it is not the answer itself."""
    return {} if event.part == "answer" else {"part": event.part}


def read_event(table: CheckedTable, questions: tuple[QuestionRecord, ...], version: int) -> Event:
    """One event, checked; ``SessionFileError`` (naming the key) when it is not one."""
    t = table.seconds("t")
    kind = table.string("kind", choices=EVENT_KINDS)
    asks_q = kind in _QUESTION_KINDS
    q = table.integer("q", None if asks_q else -1, low=0 if asks_q else -1)
    if q >= len(questions):
        table.fail(f"names question {q + 1} of {len(questions)}", "q")
    question = questions[q] if asks_q else None
    event: Event
    match kind:
        case "round_start":
            event = RoundStart(t)
        case "round_end":
            event = RoundEnd(t, table.string("reason", choices=("time_up", "finished")))
        case "resume":
            event = Resume(t)
        case "lang":
            event = LangSwitch(t, table.string("lang", choices=("en", "fr")))
        case "pause":
            event = Pause(t)
        case "unpause":
            event = Unpause(t)
        case "time_up":
            event = ClockRanOut(t)
        case "snapshot":
            event = Snapshot(t, q, table.string("text", ""), _part(table))
        case "edit":
            event = Edit(t, q, table.integer("pos"), table.integer("cut"), table.string("ins", ""), _part(table))
        case "editor":
            event = EditorTrip(t, q, table.boolean("changed"))
        case "run":
            if version == 1:  # format 1 said only whether the clock submitted it
                cause = "time_up" if table.boolean("automatic", False) else "candidate"
            else:
                cause = table.string("cause", "candidate", choices=_CAUSES)
            event = RunStart(t, q, table.integer("run"), table.string("mode", choices=("run", "submit")), cause)
        case "result":
            failure = ("failure_reason" in table.data) or ("failure_message" in table.data)
            event = RunResult(
                t,
                q,
                table.integer("run"),
                table.string("outcome", choices=("finished", "failed", "cancelled")),
                tuple(table.tables("tests", _read_test, [])),
                table.string("failure_reason", "") if failure else "",
                table.string("failure_message", "") if failure else "",
            )
        case "hint" | "ask":
            assert question is not None
            limit = len(question.hints if kind == "hint" else question.clarifications)
            if limit == 0:
                table.fail(f"names a {kind} of a question that has none", "index")
            index = table.integer("index", high=limit - 1)
            event = Hint(t, q, index) if kind == "hint" else Clarify(t, q, index)
        case "finish":
            event = Finish(t, q)
        case _:  # "feedback"
            error = table.string("error", "")
            feedback = _read_feedback(table) if "feedback" in table.data or not error else None
            event = FeedbackNote(t, q, feedback, error)
    table.finish()
    return event


def _part(table: CheckedTable) -> AnswerPart:
    part = table.string("part", "answer", choices=ANSWER_PARTS)
    return "explanation" if part == "explanation" else "answer"


def _read_test(table: CheckedTable, _: int) -> TestRecord:
    return TestRecord(
        name=table.string("name"),
        status=table.string("status", choices=_TEST_STATUSES),
        visible=table.boolean("visible", True),
        description=table.string("description", ""),
        danger=table.string("danger", ""),
        duration=table.seconds("duration") if "duration" in table.data else None,
        message=table.string("message", ""),
        expected=table.string("expected") if "expected" in table.data else None,
        actual=table.string("actual") if "actual" in table.data else None,
        traceback=table.string("traceback", ""),
    )


def _read_feedback(table: CheckedTable) -> Mapping[str, Any]:
    from checkers.text.feedback import Feedback

    inner = table.table("feedback")
    try:
        Feedback.from_dict(inner.data)
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        inner.fail(f"is not valid analyzer feedback ({type(exc).__name__}: {str(exc)[:60]})")
    for key in ("reasons", "findings", "danger_zones_hit"):
        if key in inner.data and not isinstance(inner.data[key], list):
            inner.fail("should be a list", key)
    return inner.data
