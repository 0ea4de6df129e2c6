"""The validator: every broken file is refused with one sentence naming file, key and problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bank_factory import behavioral_question, code_question, design_question, loop, text, write_loop, write_question

from question_bank import BankError, Kind, load_bank_from
from question_bank.mutants import Mutant, MutantError


def load_error(root: Path) -> str:
    with pytest.raises(BankError) as caught:
        load_bank_from([root])
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".")
    return message


def test_valid_small_bank_loads(tmp_path: Path) -> None:
    write_question(tmp_path, code_question())
    write_question(tmp_path, behavioral_question())
    write_question(tmp_path, design_question())
    write_loop(tmp_path, loop())
    bank = load_bank_from([tmp_path])
    assert {q.id for q in bank} == {"add-two", "conflict", "cache"}
    add = bank.question("add-two")
    assert add.kind is Kind.CODE and add.code is not None
    assert add.code.tests_path == tmp_path / "questions" / "add-two" / "tests.py"
    assert add.code.timeout == 2.0
    assert add.title.get("fr") == "Add two numbers (fr)"
    assert bank.question("cache").design is not None
    assert bank.question("conflict").star is not None
    assert bank.loop("tiny").total_minutes == 50


def _without(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


BROKEN = {
    "missing key": (_without(code_question(), "prompt"), 'is missing the required key "prompt"'),
    "unknown key": (code_question(hint=[text("typo")]), 'has an unknown key "hint"'),
    "unknown nested key": (
        code_question(
            code={
                "entry": "add",
                "starter": "starter.py",
                "tests": "tests.py",
                "reference": "reference.py",
                "timout": 3,
            }
        ),
        'has an unknown key "code.timout"',
    ),
    "wrong type": (code_question(minutes="twenty"), 'key "minutes" must be an integer, not a string'),
    "bad round": (code_question(round="lunch"), 'key "round" is "lunch", which is not one of'),
    "bad kind": (code_question(kind="quiz"), 'key "kind" is "quiz"'),
    "empty translation": (
        code_question(prompt={"en": "Write add.", "fr": ""}),
        'key "prompt.fr" must be a non-empty string, not an empty one',
    ),
    "missing translation": (code_question(prompt={"en": "Write add."}), 'missing the required key "prompt.fr"'),
    "plain string where bilingual": (code_question(prompt="Write add."), 'must be a table with "en" and "fr"'),
    "code question without starter": (
        code_question(code={"entry": "add", "tests": "tests.py", "reference": "reference.py"}),
        'missing the required key "code.starter"',
    ),
    "too few clarifications": (
        code_question(clarifications=[{"question": text("Q?"), "answer": text("A.")}]),
        'key "clarifications" has 1 entries; a code question needs at least 4',
    ),
    "one hint": (code_question(hints=[text("Only one.")]), 'key "hints" has 1 entries'),
    "clarification typo": (
        code_question(clarifications=[{"question": text("Q?"), "answr": text("A.")}] * 4),
        'missing the required key "clarifications[1].answer"',
    ),
    "table of another kind": (code_question(star=behavioral_question()["star"]), 'key "star" belongs to another kind'),
    "bad id": (code_question("Add_Two"), "ids are lowercase letters and digits"),
    "bad difficulty": (code_question(difficulty="brutal"), 'key "difficulty" is "brutal"'),
    "minutes out of range": (code_question(minutes=0), 'key "minutes" is 0, outside the allowed range 1–120'),
    "danger zone without red flag": (
        behavioral_question(danger_zones=[{"id": "blame", "title": text("Blame"), "judged": text("Blames.")}]),
        "behavioral danger zones need a red flag with the same id",
    ),
    "design zone that says nothing": (
        design_question(danger_zones=[{"id": "x", "title": text("X"), "judged": text("X.")}]),
        'key "danger_zones[1].patterns" is missing; give a few patterns (or built-in checks) that recognise it',
    ),
    "broken pattern": (
        design_question(
            danger_zones=[{"id": "x", "title": text("X"), "judged": text("X."), "patterns": ["one ..", "ok"]}]
        ),
        'key "danger_zones[1].patterns[1]" "one .." ends with ".."; it must end with a word',
    ),
    "rubric weight": (
        design_question(
            design=design_question()["design"]
            | {"rubric": [{"id": "shard", "concept": text("S"), "weight": 9, "patterns": ["shard"]}]}
        ),
        'key "design.rubric[1].weight" is 9',
    ),
    "rubric concept in an unknown section": (
        design_question(
            design=design_question()["design"]
            | {"rubric": [{"id": "shard", "concept": text("S"), "weight": 2, "patterns": ["shard"], "parts": ["x"]}]}
        ),
        'is "x", which is not one of "requirements", "scale"',
    ),
    "explanation on a design question": (
        design_question(explanation={"guidance": text("Say it."), "rubric": []}),
        'key "explanation" belongs to debugging questions, not to a design question',
    ),
    "old synonyms": (
        design_question(
            design=design_question()["design"]
            | {"rubric": [{"id": "s", "concept": text("S"), "weight": 2, "patterns": ["s"], "synonyms": {"en": ["s"]}}]}
        ),
        'key "design.rubric[1].synonyms"',
    ),
}


@pytest.mark.parametrize("data, expected", list(BROKEN.values()), ids=list(BROKEN))
def test_broken_question_is_refused_with_one_sentence(tmp_path: Path, data: dict[str, Any], expected: str) -> None:
    folder = write_question(tmp_path, data, folder=data.get("id", "q"))
    message = load_error(tmp_path)
    assert expected in message
    assert str(folder.name) in message and "question.toml" in message


def test_missing_code_file_is_named(tmp_path: Path) -> None:
    folder = write_question(tmp_path, code_question())
    (folder / "starter.py").unlink()
    assert 'key "code.starter" names "starter.py", which is not a file' in load_error(tmp_path)


def test_id_must_match_folder(tmp_path: Path) -> None:
    write_question(tmp_path, code_question(), folder="other")
    assert 'is "add-two" but the folder is "other"' in load_error(tmp_path)


def test_duplicate_id_across_banks(tmp_path: Path) -> None:
    write_question(tmp_path / "a", code_question())
    write_question(tmp_path / "b", code_question())
    with pytest.raises(BankError, match='repeats the question id "add-two"'):
        load_bank_from([tmp_path / "a", tmp_path / "b"])


def test_invalid_toml_gives_parser_position(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()  # a bare folder of question folders is a bank too
    (folder / "question.toml").write_text('id = "broken"\ntitle = {en = "x"\n', encoding="utf-8")
    message = load_error(tmp_path)
    assert "is not valid TOML" in message and "line 2" in message


def test_non_utf8_file(tmp_path: Path) -> None:
    folder = tmp_path / "latin"
    folder.mkdir()
    (folder / "question.toml").write_bytes('id = "café"'.encode("latin-1"))
    assert "is not UTF-8 text" in load_error(tmp_path)


def test_missing_question_file(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert "question.toml: does not exist" in load_error(tmp_path)


def test_missing_root(tmp_path: Path) -> None:
    assert "does not exist" in load_error(tmp_path / "nowhere")


def test_loop_slot_nobody_can_fill(tmp_path: Path) -> None:
    write_question(tmp_path, code_question())
    write_loop(tmp_path, loop())  # its behavioral slot has no question
    assert 'has a behavioral slot that no question of round "behavioral" can fill' in load_error(tmp_path)


def test_loop_needing_more_questions_than_exist(tmp_path: Path) -> None:
    write_question(tmp_path, code_question())
    write_question(tmp_path, behavioral_question())
    data = loop()
    data["rounds"][0]["slots"] = [{"kinds": ["code"]}, {"kinds": ["code"]}]
    write_loop(tmp_path, data)
    assert "asks for more distinct questions" in load_error(tmp_path)


def test_loop_unknown_key(tmp_path: Path) -> None:
    write_question(tmp_path, code_question())
    write_question(tmp_path, behavioral_question())
    data = loop()
    data["rounds"][0]["duration"] = 30
    write_loop(tmp_path, data)
    assert 'has an unknown key "rounds[1].duration"' in load_error(tmp_path)


# -- mutants: what each known-wrong answer claims ------------------------------------


def test_a_mutant_reads_its_mistake_and_the_tests_that_catch_it(tmp_path: Path) -> None:
    path = tmp_path / "off_by_one.py"
    path.write_text('"""Stops one short.\n\nCaught by: test_example, test_edges ,\n"""\n', encoding="utf-8")
    mutant = Mutant.read("q", path)
    assert (mutant.name, mutant.mistake, mutant.caught_by) == (
        "off_by_one",
        "Stops one short.",
        ("test_example", "test_edges"),
    )


@pytest.mark.parametrize(
    ("docstring", "said"),
    [("", "name the mistake"), ("Stops one short.", "Caught by"), ("\n\nCaught by: test_x", "name the mistake")],
)
def test_a_mutant_without_its_mistake_or_its_tests_is_named(tmp_path: Path, docstring: str, said: str) -> None:
    path = tmp_path / "vague.py"
    path.write_text(f'"""{docstring}"""\n' if docstring else "x = 1\n", encoding="utf-8")
    with pytest.raises(MutantError, match=said) as caught:
        Mutant.read("q", path)
    assert str(caught.value).startswith("vague.py: ")
