"""The complete example in question_bank/README.md is a question the loader accepts."""

from __future__ import annotations

import re
from pathlib import Path

from question_bank import SHIPPED_BANK, Kind, load_question


def test_readme_example_validates(tmp_path: Path) -> None:
    readme = (SHIPPED_BANK / "README.md").read_text(encoding="utf-8")
    example = readme.split("## A complete example", 1)[1]
    block = re.search(r"```toml\n(.*?)```", example, re.DOTALL)
    assert block, "the README's complete example lost its TOML block"
    folder = tmp_path / "first-unique"
    folder.mkdir()
    (folder / "question.toml").write_text(block.group(1), encoding="utf-8")
    for name in ("starter.py", "tests.py", "reference.py"):
        (folder / name).write_text("def first_unique(text):\n    return -1\n", encoding="utf-8")
    question = load_question(folder)
    assert question.kind is Kind.CODE and question.code is not None
    assert question.code.entry == "first_unique"
    assert len(question.clarifications) == 4 and len(question.hints) == 2
