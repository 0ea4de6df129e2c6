"""The result model, the band machinery, the message catalogue and the package's boundaries."""

from __future__ import annotations

import json
import string
import subprocess
import sys
import tomllib

import pytest
import tomli_w

from checkers.text import Band, ConceptCoverage, Coverage, Feedback, Finding, Severity
from checkers.text.feedback import Cap, decide, severity_caps, sort_findings
from checkers.text.messages import MESSAGES, PART_NAMES, SECTION_NAMES, message, number


def _finding(fid: str, severity: Severity) -> Finding:
    return Finding(fid, severity, f"Title {fid}", (f"quote {fid}",), "Do better.")


def test_bands_are_ordered_and_know_whether_they_pass() -> None:
    assert [b.rank for b in Band] == [0, 1, 2, 3]
    assert [str(b) for b in Band] == ["Strong No Hire", "No Hire", "Hire", "Strong Hire"]
    assert [b.is_hire for b in Band] == [False, False, True, True]


def test_decide_takes_the_lowest_cap_and_its_reasons() -> None:
    caps = [Cap(Band.HIRE, "a"), Cap(Band.NO_HIRE, "b"), Cap(Band.NO_HIRE, "c"), Cap(Band.NO_HIRE, "b")]
    assert decide(caps, "strong") == (Band.NO_HIRE, ("b", "c"))
    assert decide([], "strong") == (Band.STRONG_HIRE, ("strong",))


@pytest.mark.parametrize(
    "problems, warnings, band",
    [
        (0, 0, Band.STRONG_HIRE),
        (0, 1, Band.HIRE),
        (0, 2, Band.HIRE),
        (0, 3, Band.NO_HIRE),
        (1, 0, Band.NO_HIRE),
        (2, 0, Band.STRONG_NO_HIRE),
    ],
)
def test_severity_caps(problems: int, warnings: int, band: Band) -> None:
    findings = [_finding(f"p{i}", Severity.PROBLEM) for i in range(problems)]
    findings += [_finding(f"w{i}", Severity.WARNING) for i in range(warnings)]
    findings += [_finding("i", Severity.INFO)] * 5  # info never moves the band
    assert decide(severity_caps(findings, "en"), "strong")[0] is band


def test_the_strong_no_hire_problem_count_is_per_kind() -> None:
    two = [_finding("a", Severity.PROBLEM), _finding("b", Severity.PROBLEM)]
    assert decide(severity_caps(two, "en", strong_no_hire_problems=3), "")[0] is Band.NO_HIRE


def test_findings_sort_problems_first_keeping_rule_order() -> None:
    findings = [
        _finding("i", Severity.INFO),
        _finding("w1", Severity.WARNING),
        _finding("p", Severity.PROBLEM),
        _finding("w2", Severity.WARNING),
    ]
    assert [f.id for f in sort_findings(findings)] == ["p", "w1", "w2", "i"]


def _feedback() -> Feedback:
    coverage = Coverage(
        (
            ConceptCoverage("a", "Concept A", 3, True, ("redis",), ("…in Redis…",), "high_level"),
            ConceptCoverage("b", "Concept B", 2, False),
        )
    )
    return Feedback(
        kind="design",
        band=Band.HIRE,
        reasons=("Because.",),
        findings=(_finding("w", Severity.WARNING),),
        coverage=coverage,
        danger_zones_hit=("zone",),
        stats={"words": {"api": 3}, "ratio": 2 / 3, "flags": [True, False]},
        lang="fr",
    )


def test_to_dict_is_json_and_toml_safe_and_round_trips() -> None:
    feedback = _feedback()
    data = feedback.to_dict()
    assert data["band"] == "Hire" and data["passed"] is True
    assert data["coverage"]["score"] == 0.6 and data["stats"]["ratio"] == 0.667
    assert json.loads(json.dumps(data)) == data
    assert tomllib.loads(tomli_w.dumps(data)) == data
    again = Feedback.from_dict(data)
    assert again.to_dict() == data and again.coverage == feedback.coverage and again.findings == feedback.findings


def test_an_absent_coverage_is_left_out_because_toml_has_no_null() -> None:
    feedback = Feedback("behavioral", Band.STRONG_HIRE, ("ok",), ())
    assert "coverage" not in feedback.to_dict()
    assert Feedback.from_dict(feedback.to_dict()).coverage is None
    with pytest.raises(TypeError, match="no null"):
        Feedback("behavioral", Band.HIRE, (), (), stats={"x": None}).to_dict()


def test_coverage_properties() -> None:
    coverage = _feedback().coverage
    assert coverage is not None
    assert (coverage.covered_weight, coverage.total_weight) == (3, 5)
    assert [c.id for c in coverage.covered] == ["a"] and [c.id for c in coverage.missed] == ["b"]
    assert coverage.is_covered("a") and not coverage.is_covered("b") and not coverage.is_covered("zzz")
    assert Coverage(()).score == 0.0


def test_feedback_lookups() -> None:
    feedback = _feedback()
    assert feedback.finding("w").id == "w"
    with pytest.raises(KeyError, match="no finding 'nope'"):
        feedback.finding("nope")
    assert feedback.finding_ids == ("w",) and feedback.passed


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_both_languages_with_the_same_fields(key: str) -> None:
    en, fr = MESSAGES[key]
    assert en.strip() and fr.strip() and en != fr
    assert _fields(en) == _fields(fr)


def test_names_and_numbers_in_both_languages() -> None:
    assert all(en and fr for en, fr in (*PART_NAMES.values(), *SECTION_NAMES.values()))
    assert message("star.missing", "fr", part="Tâche") == "Pas de partie Tâche"
    assert (number(2.5, "en"), number(2.5, "fr"), number(3.0, "en")) == ("2.5", "2,5", "3")


def test_checkers_text_never_imports_the_tui_or_textual() -> None:
    code = (
        "import sys, checkers.text, checkers.text.capacity;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('tui', 'textual'));"
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
