"""Session files: every event kind round-trips; bad files give one sentence and are never touched."""

from __future__ import annotations

import errno
import math
import os
import stat
from pathlib import Path

import pytest
from session_support import bank, fixed_now, scripted_onsite

from tui.core import store
from tui.core.autosave import Autosaver
from tui.core.clock import FakeClock
from tui.core.events import EVENT_KINDS, Resume, Snapshot
from tui.core.keeper import SessionKeeper
from tui.core.record import FORMAT, SessionRecord, apply_edit, edit_between
from tui.core.recorder import Recorder
from tui.core.replay_state import state_at
from tui.core.session import Session


def drill_with_everything() -> Recorder:
    """A drill that pauses, writes a long answer (snapshots) and is resumed."""
    clock = FakeClock(1000.0)
    session = Session.drill(bank().question("two-sum"), clock)
    recorder = Recorder(session, now=fixed_now)
    recorder.flush()
    attempt = session.current.attempts[0]
    text = attempt.answer
    for i in range(400):
        clock.advance(1.0)
        text += f"    x{i} = {i} * 2  # a line of padding to make it long\n"
        attempt.set_answer(text)
        recorder.flush()
    session.current.pause()
    recorder.flush()
    clock.advance(30)
    session.current.unpause()
    recorder.flush()
    recorder.record_event(0, Resume(session.current.at()))
    return recorder


def all_records() -> list[SessionRecord]:
    return [scripted_onsite().recorder.record, drill_with_everything().record]


def test_every_event_kind_round_trips(tmp_path: Path) -> None:
    seen: set[str] = set()
    for record in all_records():
        path = tmp_path / f"{record.id}.toml"
        store.save(record, path)
        again = store.load(path)
        assert store.to_dict(again) == store.to_dict(record)
        assert store.dumps(again) == path.read_bytes()  # a rewrite is byte-identical
        seen |= {e.kind for r in again.rounds for e in r.events}
    assert seen == set(EVENT_KINDS)


def test_file_starts_with_the_format(tmp_path: Path) -> None:
    record = scripted_onsite(rounds=1).recorder.record
    assert store.dumps(record).startswith(f"format = {FORMAT}\n".encode())


@pytest.mark.parametrize(
    ("old", "new"), [("", "abc"), ("abc", ""), ("hello world", "hello brave world"), ("aaaa", "aa"), ("xyz", "xyz")]
)
def test_edits_are_single_spans(old: str, new: str) -> None:
    assert apply_edit(old, *edit_between(old, new)) == new


def test_long_answers_are_snapshotted_and_replay_exactly() -> None:
    recorder = drill_with_everything()
    rec = recorder.record.rounds[0]
    kinds = [e.kind for e in rec.events]
    assert "snapshot" in kinds and kinds.count("edit") > kinds.count("snapshot")
    final = recorder.session.current.attempts[0].answer
    assert state_at(recorder.record, 0, math.inf).questions[0].answer == final


# -- bad files -------------------------------------------------------------------------


def good_bytes() -> bytes:
    return store.dumps(scripted_onsite().recorder.record)


BAD: dict[str, bytes] = {
    "truncated": b"",  # filled in by the test from good_bytes
    "not toml": b"format = 1\nid = \n",
    "future format": b"format = 99\nid = 'x'\n",
    "no format": b"id = 'x'\n",
    "wrong type": b"",
    "deep nesting": b"format = 1\nx = " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
    "nan time": b"",
    "not utf-8": b"format = 1\nid = '\xff\xfe'\n",
    "binary": bytes(range(256)) * 10,
    "index out of range": b"",
    "unknown key": b"",
}


def variant(name: str) -> bytes:
    good = good_bytes()
    if name == "truncated":
        return good[: len(good) // 2]
    if name == "wrong type":
        return good.replace(b'mode = "onsite"', b"mode = 3", 1)
    if name == "nan time":
        return good.replace(b"t = 0.0\n", b"t = nan\n", 1)
    if name == "index out of range":
        return good.replace(b"index = 1\n", b"index = 9\n", 1).replace(
            b'kind = "hint"\nq = 0\nindex = 0', b'kind = "hint"\nq = 0\nindex = 7', 1
        )
    if name == "unknown key":
        return good.replace(b'mode = "onsite"\n', b'mode = "onsite"\nrun_this = "rm -rf /"\n', 1)
    return BAD[name]


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_are_one_sentence(tmp_path: Path, name: str) -> None:
    path = tmp_path / "bad.toml"
    data = variant(name)
    path.write_bytes(data)
    with pytest.raises(store.SessionFileError) as caught:
        store.load(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and message.endswith(".") and "\n" not in message
    assert path.read_bytes() == data


def test_parser_errors_name_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b"format = 1\nid = \n")
    with pytest.raises(store.SessionFileError, match=r"line 2, column \d+"):
        store.load(path)


def test_future_format_names_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "future.toml"
    path.write_bytes(good_bytes().replace(f"format = {FORMAT}".encode(), f"format = {FORMAT + 1}".encode(), 1))
    with pytest.raises(store.SessionFileError, match=f"format {FORMAT + 1} by a newer mockloop.*reads format {FORMAT}"):
        store.load(path)


def test_oversized_files_are_refused_without_reading_them_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.toml"
    path.write_bytes(b"format = 1\ns = '" + b"x" * 5000 + b"'\n")
    with pytest.raises(store.SessionFileError, match="too large"):
        store.load(path)


def test_huge_strings_load_as_plain_data(tmp_path: Path) -> None:
    record = scripted_onsite(rounds=1).recorder.record
    rec = record.rounds[0]
    rec.events.append(Snapshot(rec.last_t, 0, "[bold red]x[/]" * 200_000))
    path = tmp_path / "huge.toml"
    store.save(record, path)
    again = store.load(path)
    last = again.rounds[0].events[-1]
    assert isinstance(last, Snapshot) and last.text.startswith("[bold red]")


# -- atomic autosave -------------------------------------------------------------------


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    script = scripted_onsite(rounds=1)
    path = tmp_path / "s" / "one.toml"
    store.save(script.recorder.record, path)
    store.save(script.recorder.record, path)
    assert [p.name for p in path.parent.iterdir()] == ["one.toml"]


def test_a_failed_save_is_shown_once_and_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = scripted_onsite(rounds=1)
    path = tmp_path / "s.toml"
    now = [0.0]
    saver = Autosaver(script.recorder, path, clock=lambda: now[0], interval=3, retry=5)
    real = store.write_atomically

    def full_disk(target: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "write_atomically", full_disk)
    first = saver.save_if_due(force=True)
    assert first is not None and first.severity == "error" and "No space left" in first.message
    now[0] += 1
    assert saver.save_if_due() is None  # not retried before the retry interval
    now[0] += 6
    assert saver.save_if_due() is None  # failing again: silent
    assert script.recorder.dirty and not path.exists()  # the record is still in memory
    monkeypatch.setattr(store, "write_atomically", real)
    now[0] += 6
    back = saver.save_if_due()
    assert back is not None and back.severity == "information"
    assert store.load(path).id == script.recorder.record.id
    assert not script.recorder.dirty


def test_a_read_only_folder_is_a_failed_save(tmp_path: Path) -> None:
    script = scripted_onsite(rounds=1)
    folder = tmp_path / "ro"
    folder.mkdir()
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: permissions do not apply")
        notice = Autosaver(script.recorder, folder / "s.toml").save_if_due(force=True)
        assert notice is not None and notice.severity == "error"
    finally:
        os.chmod(folder, stat.S_IRWXU)


def test_autosave_waits_for_the_interval_unless_urgent(tmp_path: Path) -> None:
    clock = FakeClock(0.0)
    session = Session.drill(bank().question("two-sum"), clock)
    now = [100.0]
    keeper = SessionKeeper(session, path=tmp_path / "d.toml")
    keeper.autosaver.clock = lambda: now[0]
    assert keeper.tick() is None and keeper.autosaver.saves == 1  # round_start is urgent
    session.current.attempts[0].set_answer("x")
    clock.advance(2)
    now[0] += 1
    keeper.tick()
    assert keeper.autosaver.saves == 1  # an edit waits for the interval
    now[0] += 3
    keeper.tick()
    assert keeper.autosaver.saves == 2
    session.current.attempts[0].reveal_hint(session.current.at())
    keeper.tick()
    assert keeper.autosaver.saves == 3  # a hint is saved at once


# -- fast saves: the TOML of what never changes is kept ---------------------------------


def test_incremental_dumps_are_what_tomli_w_writes_of_the_whole_record() -> None:
    import tomllib

    for record in all_records():
        assert tomllib.loads(store.dumps(record).decode()) == tomllib.loads(store.dumps_plainly(record).decode())
    plain = scripted_onsite().recorder.record  # no string long enough to be escaped differently
    assert store.dumps(plain) == store.dumps_plainly(plain)


def test_what_is_recorded_after_a_save_is_in_the_next_one() -> None:
    script = scripted_onsite(rounds=1)
    record = script.recorder.record
    first = store.dumps(record)
    copy = store.snapshot(record)  # shares the kept TOML, as the autosave's copies do
    script.session.advance()
    script.tick(5)
    script.type(0, "def two_sum(nums, target):\n    return None\n")
    script.tick(2)
    assert store.dumps(copy) == first  # a copy taken before is what it was
    again = store.dumps(record)
    assert again != first and parsed(again) == parsed(store.dumps_plainly(record))  # (a few short events are
    # written inline by tomli-w, as tables here: the same document)


def parsed(data: bytes) -> dict[str, object]:
    import tomllib

    return tomllib.loads(data.decode())


def test_long_strings_are_valid_toml_for_every_character() -> None:
    import tomllib

    from tui.core.session_toml import toml_string

    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for start in range(0, len(everything), 50_000):
        chunk = everything[start : start + 50_000]
        assert tomllib.loads(f"s = {toml_string(chunk)}\n")["s"] == chunk


def test_a_file_too_large_to_read_back_is_not_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "MAX_FILE_BYTES", 10_000)
    record = scripted_onsite(rounds=1).recorder.record
    path = tmp_path / "big.toml"
    with pytest.raises(OSError, match="more than the 0 MB mockloop reads back"):
        store.save(record, path)
    assert not path.exists()


def test_answers_over_the_limit_are_refused_with_one_sentence() -> None:
    from tui.core.attempt import MAX_ANSWER_BYTES, AnswerTooLarge

    session = Session.drill(bank().question("two-sum"), FakeClock(0.0))
    attempt = session.current.attempts[0]
    attempt.set_answer("é" * (MAX_ANSWER_BYTES // 2))  # exactly the limit in UTF-8
    with pytest.raises(AnswerTooLarge, match=r"1\.0 MiB, over the 1 MiB limit"):
        attempt.set_answer("é" * (MAX_ANSWER_BYTES // 2) + "x")
    assert len(attempt.answer) == MAX_ANSWER_BYTES // 2  # the last answer within the limit is kept
