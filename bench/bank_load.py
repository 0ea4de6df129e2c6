"""How long loading and validating the question bank takes, and how it scales.

Loads the shipped bank, then synthetic banks of 250, 500 and 1,000 questions
(copies of the shipped ones under new ids, so every file is as rich as a real
one), each several times in fresh state, and prints the median times and the
per-question cost, so linear growth is visible at a glance.

    uv run python bench/bank_load.py
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from question_bank import SHIPPED_BANK, load_bank_from

REPEATS = 15


def median_ms(root: Path) -> tuple[float, int]:
    times = []
    count = 0
    for _ in range(REPEATS):
        start = time.perf_counter()
        bank = load_bank_from([root])
        times.append((time.perf_counter() - start) * 1000)
        count = len(bank)
    return statistics.median(times), count


def synthetic_bank(target: Path, size: int) -> Path:
    """``size`` questions made by copying the shipped ones under fresh ids."""
    shipped = sorted(p for p in (SHIPPED_BANK / "questions").iterdir() if (p / "question.toml").is_file())
    questions = target / "questions"
    questions.mkdir(parents=True)
    for index in range(size):
        source = shipped[index % len(shipped)]
        new_id = f"{source.name}-{index}"
        shutil.copytree(source, questions / new_id)
        toml = questions / new_id / "question.toml"
        text = toml.read_text(encoding="utf-8").replace(f'id = "{source.name}"', f'id = "{new_id}"', 1)
        toml.write_text(text, encoding="utf-8")
    return target


def main() -> None:
    shipped_ms, shipped_count = median_ms(SHIPPED_BANK)
    print(f"shipped bank: {shipped_count:>5} questions  {shipped_ms:8.2f} ms  "
          f"({shipped_ms / shipped_count * 1000:.0f} µs/question)")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (250, 500, 1000):
            root = synthetic_bank(Path(tmp) / str(size), size)
            ms, count = median_ms(root)
            print(f"synthetic:    {count:>5} questions  {ms:8.2f} ms  ({ms / count * 1000:.0f} µs/question)")


if __name__ == "__main__":
    main()
