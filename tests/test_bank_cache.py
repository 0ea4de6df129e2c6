"""The parsed-TOML cache: a speed-up that can never serve stale or invalid questions."""

from __future__ import annotations

from pathlib import Path

import pytest
from bank_factory import code_question, text, write_question

from question_bank import BankError, load_bank_from
from question_bank.cache import ParsedTomlCache, default_cache_file


def test_cache_lives_under_mockloop_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOCKLOOP_HOME", str(tmp_path))
    assert default_cache_file() == tmp_path / "cache" / "bank.json"


def test_second_load_reads_the_cache_and_gives_the_same_bank(tmp_path: Path) -> None:
    write_question(tmp_path / "bank", code_question())
    cache_file = tmp_path / "cache.json"
    first = load_bank_from([tmp_path / "bank"], ParsedTomlCache(cache_file))
    assert cache_file.is_file()
    cache = ParsedTomlCache(cache_file)
    assert cache.get(tmp_path / "bank" / "questions" / "add-two" / "question.toml") is not None
    assert load_bank_from([tmp_path / "bank"], cache) == first


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    write_question(tmp_path / "bank", code_question())
    cache_file = tmp_path / "cache.json"
    load_bank_from([tmp_path / "bank"], ParsedTomlCache(cache_file))
    write_question(tmp_path / "bank", code_question(title=text("A longer, edited title")))
    bank = load_bank_from([tmp_path / "bank"], ParsedTomlCache(cache_file))
    assert bank.question("add-two").title.en == "A longer, edited title"


def test_a_cached_file_that_became_invalid_is_still_refused(tmp_path: Path) -> None:
    write_question(tmp_path / "bank", code_question())
    cache_file = tmp_path / "cache.json"
    load_bank_from([tmp_path / "bank"], ParsedTomlCache(cache_file))
    broken = code_question(minutes="soon", tags=["a-much-longer-tag-list-to-change-size"])
    write_question(tmp_path / "bank", broken)
    with pytest.raises(BankError, match='"minutes" must be an integer'):
        load_bank_from([tmp_path / "bank"], ParsedTomlCache(cache_file))


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": 99, "files": {}}', b"[]", b"\xff\xfe"])
def test_a_corrupt_cache_is_ignored(tmp_path: Path, content: bytes) -> None:
    write_question(tmp_path / "bank", code_question())
    cache_file = tmp_path / "cache.json"
    cache_file.write_bytes(content)
    bank = load_bank_from([tmp_path / "bank"], ParsedTomlCache(cache_file))
    assert bank.question("add-two").minutes == 20


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path: Path) -> None:
    write_question(tmp_path / "bank", code_question())
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    bank = load_bank_from([tmp_path / "bank"], ParsedTomlCache(blocker / "cache.json"))
    assert len(bank) == 1
