"""Labelled sample answers: each Markdown file under fixtures/answers/<kind>/ is judged as
`mockloop check` would, and must get the band and findings its TOML label records.

A label (``<name>.toml`` beside ``<name>.md``) holds:

- ``question`` — the bank question id; ``lang`` — feedback language (default "en");
- ``note`` — why the sample exists, in one sentence;
- ``band`` — the expected band;
- ``findings`` — exactly the warning and problem finding ids expected;
- ``info`` — info finding ids that must be present (others are allowed);
- ``zones`` — exactly the danger zones expected to be hit;
- ``covered`` / ``missed`` — rubric concepts that must be covered / missed.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from checkers.text import Band, Feedback, Severity, check_text
from question_bank import SHIPPED_BANK, Kind, Question, load_question

ANSWERS = Path(__file__).parent / "fixtures" / "answers"
KINDS = {"behavioral": Kind.BEHAVIORAL, "design": Kind.DESIGN, "motivation": Kind.MOTIVATION}
LABEL_KEYS = {"question", "lang", "note", "band", "findings", "info", "zones", "covered", "missed"}
SAMPLES = sorted(ANSWERS.glob("*/*.md"))


def _question(question_id: str) -> Question:
    return load_question(SHIPPED_BANK / "questions" / question_id)


def _label(sample: Path) -> dict[str, Any]:
    label = tomllib.loads(sample.with_suffix(".toml").read_text(encoding="utf-8"))
    unknown = set(label) - LABEL_KEYS
    assert not unknown, f"{sample.name}: unknown label keys {sorted(unknown)}"
    assert label.get("note"), f"{sample.name}: say in `note` why the sample exists"
    return label


def _judge(sample: Path) -> tuple[dict[str, Any], Feedback]:
    label = _label(sample)
    question = _question(label["question"])
    assert question.kind is KINDS[sample.parent.name], f"{sample.name} is filed under the wrong kind"
    return label, check_text(question, sample.read_text(encoding="utf-8"), label.get("lang", "en"))


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_has_at_least_twelve_labelled_samples_of_every_band_range(kind: str) -> None:
    labels = [_label(p) for p in SAMPLES if p.parent.name == kind]
    assert len(labels) >= 12
    bands = {Band(label["band"]) for label in labels}
    assert Band.STRONG_HIRE in bands and (Band.NO_HIRE in bands or Band.STRONG_NO_HIRE in bands)
    assert any(label.get("lang") == "fr" for label in labels), "each kind needs French samples"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_sample_gets_its_labelled_band_and_findings(sample: Path) -> None:
    label, feedback = _judge(sample)
    graded = sorted(f.id for f in feedback.findings if f.severity is not Severity.INFO)
    info = {f.id for f in feedback.findings if f.severity is Severity.INFO}
    assert (feedback.band, graded) == (Band(label["band"]), sorted(label["findings"])), feedback.reasons
    assert set(label.get("info", ())) <= info
    if "zones" in label:
        assert sorted(feedback.danger_zones_hit) == sorted(label["zones"])
    if feedback.coverage is not None:
        covered = {c.id for c in feedback.coverage.covered}
        assert set(label.get("covered", ())) <= covered
        assert not set(label.get("missed", ())) & covered
    assert feedback.reasons, "every band is explained"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_sample_feedback_survives_json_and_toml(sample: Path) -> None:
    _, feedback = _judge(sample)
    data = feedback.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert tomllib.loads(tomli_w.dumps(data)) == data
    assert Feedback.from_dict(data).to_dict() == data


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_feedback_is_in_the_requested_language(sample: Path) -> None:
    label, feedback = _judge(sample)
    other = "fr" if label.get("lang", "en") == "en" else "en"
    translated = check_text(_question(label["question"]), sample.read_text(encoding="utf-8"), other)
    assert (translated.band, translated.finding_ids) == (feedback.band, feedback.finding_ids)
    assert translated.reasons != feedback.reasons
