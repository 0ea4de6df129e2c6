"""How long loading and validating the question bank takes, and how it scales.

Loads the shipped bank, then synthetic banks of 250, 500 and 1,000 questions
(copies of the shipped ones under new ids, so every file is as rich as a real
one), each several times, and prints median times and the per-question cost,
so linear growth is visible at a glance. Each bank is measured side by side
without the parsed-TOML cache (a first start, or every file edited) and with
it (every later start), with the ratio between the two.

    uv run python bench/bank_load.py
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from question_bank import SHIPPED_BANK, load_bank_from
from question_bank.cache import ParsedTomlCache

REPEATS = 15


def median_ms(root: Path, cache_file: Path | None = None) -> tuple[float, int]:
    times = []
    count = 0
    if cache_file is not None:  # fill the cache once, as the first start would
        load_bank_from([root], ParsedTomlCache(cache_file))
    for _ in range(REPEATS):
        start = time.perf_counter()
        bank = load_bank_from([root], ParsedTomlCache(cache_file) if cache_file else None)
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


def report(label: str, root: Path, cache_file: Path) -> None:
    cold, count = median_ms(root)
    warm, _ = median_ms(root, cache_file)
    print(
        f"{label:<10} {count:>5} questions   uncached {cold:8.2f} ms ({cold / count * 1000:5.0f} µs/q)   "
        f"cached {warm:8.2f} ms ({warm / count * 1000:5.0f} µs/q)   cached/uncached {warm / cold:.2f}×"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report("shipped", SHIPPED_BANK, Path(tmp) / "shipped-cache.json")
        for size in (250, 500, 1000):
            root = synthetic_bank(Path(tmp) / str(size), size)
            report("synthetic", root, Path(tmp) / f"{size}-cache.json")


if __name__ == "__main__":
    main()
