"""The written-answer judge agrees with a human interviewer on the development half of the corpus.

``bench/corpus/text/dev/`` holds labelled answers written by people who never
saw the analyzers (``bench/text_agreement.py`` describes the measure). Only
the dev half is tested: the held-out half is for measurement only, with
``uv run python bench/text_agreement.py``, so nothing here may look at it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import text_agreement

#: What the dev half must keep: the hire decision of ``GOAL`` at least, the exact band close behind,
#: every labelled red flag found and none invented.
HIRE_AGREEMENT = text_agreement.GOAL
BAND_AGREEMENT = 0.85


@pytest.fixture(scope="module")
def verdicts() -> list[text_agreement.Verdict]:
    return text_agreement.judge_corpus(text_agreement.load_corpus("dev"))


def test_the_dev_half_is_the_whole_dev_half(verdicts: list[text_agreement.Verdict]) -> None:
    assert len(verdicts) == 66
    assert all(v.error == "" for v in verdicts), [v.error for v in verdicts if v.error]


@pytest.mark.parametrize("kind", text_agreement.KINDS)
def test_the_judge_agrees_with_the_interviewer_on_the_dev_half(
    verdicts: list[text_agreement.Verdict], kind: str
) -> None:
    figures = text_agreement.figures(verdicts, kind)
    assert figures.hire_agreement >= HIRE_AGREEMENT, figures.to_dict()
    assert text_agreement.figures(verdicts).agreement >= BAND_AGREEMENT, figures.to_dict()


def test_every_labelled_red_flag_is_found_and_none_is_invented(verdicts: list[text_agreement.Verdict]) -> None:
    figures = text_agreement.figures(verdicts)
    assert (figures.flags_missed, figures.flags_false) == (0, 0), figures.to_dict()


def test_the_bench_refuses_to_list_held_out_verdicts(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        text_agreement.main(["--show", "heldout"])
    assert "invalid choice" in capsys.readouterr().err
