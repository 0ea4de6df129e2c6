"""The capacity calculator: exact arithmetic, human units, one-sentence input errors."""

from __future__ import annotations

import math

import pytest

from checkers.text import CapacityError, estimate_capacity, human_bytes, human_count, parse_ratio

INPUTS = {
    "daily_active_users": 100_000_000,
    "actions_per_user_per_day": 10,
    "read_write_ratio": 4,
    "object_size_bytes": 500,
    "retention_years": 5,
    "peak_factor": 3,
}


def test_rates_storage_and_bandwidth_exactly() -> None:
    e = estimate_capacity(**INPUTS)
    # 1e9 actions a day, split 4:1 → 8e8 reads and 2e8 writes.
    assert (e.daily_reads, e.daily_writes) == (800_000_000, 200_000_000)
    assert e.avg_write_qps == pytest.approx(200_000_000 / 86_400)  # 2,314.8…
    assert e.avg_read_qps == pytest.approx(800_000_000 / 86_400)  # 9,259.2…
    assert e.peak_write_qps == pytest.approx(3 * 200_000_000 / 86_400)
    assert e.peak_read_qps == pytest.approx(3 * 800_000_000 / 86_400)
    assert e.storage_per_day_bytes == 100_000_000_000  # 2e8 × 500 B = 100 GB
    assert e.storage_per_year_bytes == 36_500_000_000_000  # × 365 = 36.5 TB
    assert e.storage_total_bytes == 182_500_000_000_000  # × 5 years = 182.5 TB
    assert e.avg_bandwidth_in_bytes_per_s == pytest.approx(200_000_000 * 500 / 86_400)
    assert e.avg_bandwidth_out_bytes_per_s == pytest.approx(800_000_000 * 500 / 86_400)
    assert e.peak_bandwidth_out_bytes_per_s == pytest.approx(3 * 800_000_000 * 500 / 86_400)


def test_summary_lines_in_human_units() -> None:
    assert estimate_capacity(**INPUTS).summary_lines() == [
        "Writes: 200M/day, 2.31K/s average, 6.94K/s peak",
        "Reads: 800M/day, 9.26K/s average, 27.8K/s peak",
        "Storage: 100 GB/day, 36.5 TB/year, 183 TB over 5 year(s)",
        "Bandwidth in: 1.16 MB/s average, 3.47 MB/s peak",
        "Bandwidth out: 4.63 MB/s average, 13.9 MB/s peak",
    ]


def test_markdown_for_the_scale_section() -> None:
    assert estimate_capacity(**INPUTS).to_markdown() == (
        "**Capacity estimate** (100M DAU × 10 actions/day, read:write 4:1, 500 B objects, "
        "5 year(s) retention, peak ×3)\n"
        "- Writes: 200M/day, 2.31K/s average, 6.94K/s peak\n"
        "- Reads: 800M/day, 9.26K/s average, 27.8K/s peak\n"
        "- Storage: 100 GB/day, 36.5 TB/year, 183 TB over 5 year(s)\n"
        "- Bandwidth in: 1.16 MB/s average, 3.47 MB/s peak\n"
        "- Bandwidth out: 4.63 MB/s average, 13.9 MB/s peak"
    )


def test_french_rendering() -> None:
    lines = estimate_capacity(**INPUTS).summary_lines("fr")
    assert lines[0] == "Écritures : 200 M/jour, 2,31 k/s en moyenne, 6,94 k/s au pic"
    assert lines[2] == "Stockage : 100 Go/jour, 36,5 To/an, 183 To sur 5 an(s)"
    assert estimate_capacity(**INPUTS).to_markdown("fr").startswith("**Estimation de capacité** (100 M utilisateurs")


def test_the_url_shortener_estimate_from_the_bank() -> None:
    # 100 M new links a month, 10 reads per write, 500 B per link, 5 years: the bank's guidance numbers.
    e = estimate_capacity(
        daily_active_users=100_000_000 / 30 * 11,  # 11 actions per "user" → 10 reads + 1 write
        actions_per_user_per_day=1,
        read_write_ratio=10,
        object_size_bytes=500,
        retention_years=5,
        peak_factor=10,
    )
    assert round(e.avg_write_qps) == 39  # "about 40 writes/s"
    assert round(e.avg_read_qps) == 386  # "about 400 redirects/s"
    assert human_bytes(e.storage_total_bytes) == "3.04 TB"  # "≈ 3 TB"


def test_a_write_only_workload_and_zero_users() -> None:
    e = estimate_capacity(**{**INPUTS, "read_write_ratio": 0})
    assert e.daily_reads == 0 and e.daily_writes == 1_000_000_000
    zero = estimate_capacity(**{**INPUTS, "daily_active_users": 0})
    assert zero.summary_lines()[0] == "Writes: 0/day, 0/s average, 0/s peak"


def test_peak_factor_defaults_to_two() -> None:
    inputs = {k: v for k, v in INPUTS.items() if k != "peak_factor"}
    e = estimate_capacity(**inputs)
    assert e.peak_factor == 2 and e.peak_read_qps == pytest.approx(2 * e.avg_read_qps)


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("daily_active_users", -1, "daily_active_users must be at least 0, not -1."),
        ("object_size_bytes", math.nan, "object_size_bytes must be a finite number, not nan."),
        ("retention_years", math.inf, "retention_years must be a finite number, not inf."),
        ("read_write_ratio", "10:1", "read_write_ratio must be a number, not '10:1'."),
        ("actions_per_user_per_day", True, "actions_per_user_per_day must be a number, not True."),
        ("peak_factor", 0.5, "peak_factor must be at least 1, not 0.5."),
    ],
)
def test_invalid_inputs_are_one_sentence_errors(field: str, value: object, message: str) -> None:
    with pytest.raises(CapacityError) as caught:
        estimate_capacity(**{**INPUTS, field: value})  # type: ignore[arg-type]  # wrong types on purpose
    assert (caught.value.field, str(caught.value)) == (field, message)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    "value, text",
    [
        (0, "0"),
        (0.004, "<0.01"),
        (0.5, "0.5"),
        (12, "12"),
        (999, "999"),
        (999.6, "1K"),  # rounding to three digits moves it to the next unit
        (1_157.4, "1.16K"),
        (11_574, "11.6K"),
        (2_500_000_000, "2.5B"),
        (4.2e12, "4.2T"),
        (7e15, "7000T"),  # no unit beyond T
    ],
)
def test_human_count(value: float, text: str) -> None:
    assert human_count(value) == text


@pytest.mark.parametrize(
    "value, text, fr",
    [
        (999, "999 B", "999 o"),
        (1_000, "1 KB", "1 ko"),
        (1_500_000_000_000, "1.5 TB", "1,5 To"),
        (2.5e15, "2.5 PB", "2,5 Po"),
        (3e18, "3 EB", "3 Eo"),
    ],
)
def test_human_bytes(value: float, text: str, fr: str) -> None:
    assert (human_bytes(value), human_bytes(value, "fr")) == (text, fr)


def test_french_counts_use_milliards() -> None:
    assert human_count(2_500_000_000, "fr") == "2,5 Md"


@pytest.mark.parametrize(
    "text, ratio", [("100:1", 100.0), ("10 : 1", 10.0), ("3/2", 1.5), ("4", 4.0), ("1,5:1", 1.5), ("0:1", 0.0)]
)
def test_parse_ratio(text: str, ratio: float) -> None:
    assert parse_ratio(text) == ratio


@pytest.mark.parametrize("text", ["a:b", "1:0", "1:2:3", "", "-1:1", "inf:1"])
def test_parse_ratio_rejects_nonsense(text: str) -> None:
    with pytest.raises(CapacityError, match="read:write ratio"):
        parse_ratio(text)
