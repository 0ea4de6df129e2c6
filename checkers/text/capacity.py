"""Back-of-the-envelope capacity estimates, for the Scale estimates section of a design.

``estimate_capacity(...)`` is a pure function: from daily active users, actions
per user per day, the read:write ratio, the object size, the retention and the
peak factor, it derives request rates, storage and bandwidth, and renders them
in human units for pasting into the canvas.

Conventions, chosen to match how estimates are done at a whiteboard:

- **Actions are split by the ratio.** With ``actions_per_user_per_day = 10``
  and ``read_write_ratio = 4`` (4:1), 8 of the 10 actions are reads and 2 are
  writes. Each write stores one object of ``object_size_bytes``; each read
  returns one.
- **A day is 86,400 s, a year 365 days.** Averages are daily counts over
  86,400; peaks are averages times ``peak_factor``.
- **Units are decimal** (1 KB = 1,000 bytes, 1 M = 10⁶), because estimates are
  powers of ten; values are shown with three significant digits.
- **Storage** is raw object bytes: no replication, indexes or compression;
  say so when you paste it, and multiply by your replication factor.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import partial

SECONDS_PER_DAY = 86_400
DAYS_PER_YEAR = 365

_COUNT_UNITS = {"en": ("", "K", "M", "B", "T"), "fr": ("", " k", " M", " Md", " T")}
_BYTE_UNITS = {"en": ("B", "KB", "MB", "GB", "TB", "PB", "EB"), "fr": ("o", "ko", "Mo", "Go", "To", "Po", "Eo")}


class CapacityError(ValueError):
    """An input the estimate cannot use; ``field`` names it so a form can highlight it."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class CapacityEstimate:
    """The inputs and everything derived from them (rates per second, sizes in bytes)."""

    daily_active_users: float
    actions_per_user_per_day: float
    read_write_ratio: float
    object_size_bytes: float
    retention_years: float
    peak_factor: float

    daily_reads: float
    daily_writes: float
    avg_read_qps: float
    avg_write_qps: float
    peak_read_qps: float
    peak_write_qps: float
    storage_per_day_bytes: float
    storage_per_year_bytes: float
    storage_total_bytes: float
    avg_bandwidth_in_bytes_per_s: float
    avg_bandwidth_out_bytes_per_s: float
    peak_bandwidth_in_bytes_per_s: float
    peak_bandwidth_out_bytes_per_s: float

    def summary_lines(self, lang: str = "en") -> list[str]:
        """One line per quantity, in human units, ready to become bullet points."""
        c, b = partial(human_count, lang=lang), partial(human_bytes, lang=lang)
        if lang == "fr":
            return [
                (
                    f"Écritures : {c(self.daily_writes)}/jour, {c(self.avg_write_qps)}/s en moyenne, "
                    f"{c(self.peak_write_qps)}/s au pic"
                ),
                (
                    f"Lectures : {c(self.daily_reads)}/jour, {c(self.avg_read_qps)}/s en moyenne, "
                    f"{c(self.peak_read_qps)}/s au pic"
                ),
                (
                    f"Stockage : {b(self.storage_per_day_bytes)}/jour, {b(self.storage_per_year_bytes)}/an, "
                    f"{b(self.storage_total_bytes)} sur {_num(self.retention_years, lang)} an(s)"
                ),
                (
                    f"Bande passante entrante : {b(self.avg_bandwidth_in_bytes_per_s)}/s en moyenne, "
                    f"{b(self.peak_bandwidth_in_bytes_per_s)}/s au pic"
                ),
                (
                    f"Bande passante sortante : {b(self.avg_bandwidth_out_bytes_per_s)}/s en moyenne, "
                    f"{b(self.peak_bandwidth_out_bytes_per_s)}/s au pic"
                ),
            ]
        return [
            f"Writes: {c(self.daily_writes)}/day, {c(self.avg_write_qps)}/s average, {c(self.peak_write_qps)}/s peak",
            f"Reads: {c(self.daily_reads)}/day, {c(self.avg_read_qps)}/s average, {c(self.peak_read_qps)}/s peak",
            (
                f"Storage: {b(self.storage_per_day_bytes)}/day, {b(self.storage_per_year_bytes)}/year, "
                f"{b(self.storage_total_bytes)} over {_num(self.retention_years, lang)} year(s)"
            ),
            (
                f"Bandwidth in: {b(self.avg_bandwidth_in_bytes_per_s)}/s average, "
                f"{b(self.peak_bandwidth_in_bytes_per_s)}/s peak"
            ),
            (
                f"Bandwidth out: {b(self.avg_bandwidth_out_bytes_per_s)}/s average, "
                f"{b(self.peak_bandwidth_out_bytes_per_s)}/s peak"
            ),
        ]

    def assumptions(self, lang: str = "en") -> str:
        """The inputs in one line, so a pasted estimate says where it came from."""
        c = partial(human_count, lang=lang)
        ratio = _num(self.read_write_ratio, lang)
        if lang == "fr":
            return (
                f"{c(self.daily_active_users)} utilisateurs actifs/jour × {_num(self.actions_per_user_per_day, lang)} "
                f"actions, lecture:écriture {ratio}:1, objets de {human_bytes(self.object_size_bytes, lang)}, "
                f"conservation {_num(self.retention_years, lang)} an(s), pic ×{_num(self.peak_factor, lang)}"
            )
        return (
            f"{c(self.daily_active_users)} DAU × {_num(self.actions_per_user_per_day, lang)} actions/day, "
            f"read:write {ratio}:1, {human_bytes(self.object_size_bytes, lang)} objects, "
            f"{_num(self.retention_years, lang)} year(s) retention, peak ×{_num(self.peak_factor, lang)}"
        )

    def to_markdown(self, lang: str = "en") -> str:
        """A titled bullet list for the Scale estimates section."""
        title = "Estimation de capacité" if lang == "fr" else "Capacity estimate"
        lines = [f"**{title}** ({self.assumptions(lang)})", *(f"- {line}" for line in self.summary_lines(lang))]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


def estimate_capacity(
    *,
    daily_active_users: float,
    actions_per_user_per_day: float,
    read_write_ratio: float,
    object_size_bytes: float,
    retention_years: float,
    peak_factor: float = 2.0,
) -> CapacityEstimate:
    """Rates, storage and bandwidth from the usual whiteboard inputs (see the module docstring).

    Every input must be a finite number of at least 0, and ``peak_factor`` at
    least 1 (a peak below the average is not a peak); otherwise
    ``CapacityError`` says which input and why, in one sentence.
    """
    dau = _check("daily_active_users", daily_active_users)
    per_user = _check("actions_per_user_per_day", actions_per_user_per_day)
    ratio = _check("read_write_ratio", read_write_ratio)
    size = _check("object_size_bytes", object_size_bytes)
    years = _check("retention_years", retention_years)
    peak = _check("peak_factor", peak_factor, minimum=1.0)

    actions = dau * per_user
    writes = actions / (1 + ratio)
    reads = actions - writes
    avg_reads, avg_writes = reads / SECONDS_PER_DAY, writes / SECONDS_PER_DAY
    per_day = writes * size
    per_year = per_day * DAYS_PER_YEAR
    return CapacityEstimate(
        daily_active_users=dau,
        actions_per_user_per_day=per_user,
        read_write_ratio=ratio,
        object_size_bytes=size,
        retention_years=years,
        peak_factor=peak,
        daily_reads=reads,
        daily_writes=writes,
        avg_read_qps=avg_reads,
        avg_write_qps=avg_writes,
        peak_read_qps=avg_reads * peak,
        peak_write_qps=avg_writes * peak,
        storage_per_day_bytes=per_day,
        storage_per_year_bytes=per_year,
        storage_total_bytes=per_year * years,
        avg_bandwidth_in_bytes_per_s=avg_writes * size,
        avg_bandwidth_out_bytes_per_s=avg_reads * size,
        peak_bandwidth_in_bytes_per_s=avg_writes * size * peak,
        peak_bandwidth_out_bytes_per_s=avg_reads * size * peak,
    )


def _check(name: str, value: object, minimum: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CapacityError(name, f"{name} must be a number, not {value!r}.")
    number = float(value)
    if not math.isfinite(number):
        raise CapacityError(name, f"{name} must be a finite number, not {value!r}.")
    if number < minimum:
        raise CapacityError(name, f"{name} must be at least {_num(minimum, 'en')}, not {_num(number, 'en')}.")
    return number


def parse_ratio(text: str) -> float:
    """``"100:1"``, ``"100 : 1"``, ``"100/1"`` or ``"100"`` → reads per write (100.0).

    For the canvas form, where people type ratios the way they say them.
    """
    raw = text.strip().replace(",", ".")
    parts = [p.strip() for p in raw.replace("/", ":").split(":")]
    try:
        if len(parts) == 1:
            reads, writes = float(parts[0]), 1.0
        elif len(parts) == 2:
            reads, writes = float(parts[0]), float(parts[1])
        else:
            raise ValueError
    except ValueError:
        raise CapacityError("read_write_ratio", f'The read:write ratio "{text}" is not of the form 10:1.') from None
    if not (math.isfinite(reads) and math.isfinite(writes)) or reads < 0 or writes <= 0:
        raise CapacityError(
            "read_write_ratio", f'The read:write ratio "{text}" needs reads of at least 0 and writes above 0.'
        )
    return reads / writes


def _three_digits(value: float) -> float:
    """``value`` rounded to three significant digits, halves up (182.5 → 183, as people round)."""
    if value == 0 or not math.isfinite(value):
        return value
    exact = Decimal(repr(value))
    step = Decimal(1).scaleb(exact.adjusted() - 2)
    return float(exact.quantize(step, rounding=ROUND_HALF_UP))


def _scaled(value: float, units: tuple[str, ...]) -> tuple[float, str]:
    """``value`` divided by the largest power of 1,000 that leaves it under 1,000 at 3 digits."""
    index = 0
    scaled = value
    while index < len(units) - 1 and _three_digits(scaled) >= 1000:
        scaled /= 1000
        index += 1
    return scaled, units[index]


def _num(value: float, lang: str) -> str:
    """Three significant digits, no exponent, no trailing zeros; comma decimal in French."""
    if value == 0:
        text = "0"
    elif abs(value) < 0.01:
        text = "<0.01"
    else:
        text = f"{_three_digits(value):f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def human_count(value: float, lang: str = "en") -> str:
    """A count in K/M/B/T (French: k/M/Md/T): 1157.4 → "1.16K", 2.5e9 → "2.5B"."""
    scaled, unit = _scaled(value, _COUNT_UNITS.get(lang, _COUNT_UNITS["en"]))
    return _num(scaled, lang) + unit


def human_bytes(value: float, lang: str = "en") -> str:
    """A size in decimal units: 1.5e12 → "1.5 TB" (French: "1,5 To")."""
    scaled, unit = _scaled(value, _BYTE_UNITS.get(lang, _BYTE_UNITS["en"]))
    return f"{_num(scaled, lang)} {unit}"
