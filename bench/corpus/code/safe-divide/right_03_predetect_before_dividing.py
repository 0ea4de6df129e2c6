# expect: pass
# kind: right
# mistake: none
"""safe_divide: divide two real numbers, or raise a DivisionError saying why not."""


class DivisionError(Exception):
    """Raised by safe_divide when it cannot divide; ``reason`` says why.

    The reasons, in the order safe_divide checks them:

    - "not_a_number": an argument is not a real number (str, None, bool, complex…)
    - "not_finite": an argument is NaN or infinite
    - "incompatible": Python cannot divide these two kinds of number together
    - "zero_division": the denominator is zero
    - "overflow": the quotient is too large to represent
    """

    REASONS = ("not_a_number", "not_finite", "incompatible", "zero_division", "overflow")

    def __init__(self, reason: str, message: str | None = None) -> None:
        if reason not in self.REASONS:
            # A typo such as "zero-division" fails loudly instead of slipping through.
            raise ValueError(f"unknown reason {reason!r}; expected one of {', '.join(self.REASONS)}")
        super().__init__(message if message is not None else reason)
        self.reason = reason


import decimal
import math
from decimal import Decimal
from fractions import Fraction

# Detects incompatible kinds and zero denominators itself, before dividing.
# Per the clarification "a problem you detect before dividing has nothing to
# chain", those errors carry no __cause__; only exceptions Python actually
# raised during the division (overflow) are chained.


def safe_divide(numerator, denominator):
    args = (numerator, denominator)
    for x in args:
        if type(x) is bool or not isinstance(x, (int, float, Fraction, Decimal)):
            raise DivisionError("not_a_number", f"{type(x).__name__} is not a real number")
    for x in args:
        if isinstance(x, float) and not math.isfinite(x):
            raise DivisionError("not_finite", f"{x!r} is not finite")
        if isinstance(x, Decimal) and not x.is_finite():
            raise DivisionError("not_finite", f"{x!r} is not finite")
    has_decimal = any(isinstance(x, Decimal) for x in args)
    has_float_or_fraction = any(isinstance(x, (float, Fraction)) for x in args)
    if has_decimal and has_float_or_fraction:
        raise DivisionError(
            "incompatible",
            f"{type(numerator).__name__} and {type(denominator).__name__} cannot be divided together",
        )
    if denominator == 0:
        raise DivisionError("zero_division", "division by zero")
    try:
        q = numerator / denominator
    except (OverflowError, decimal.Overflow) as exc:
        raise DivisionError("overflow", "quotient too large") from exc
    if isinstance(q, float) and math.isinf(q):
        raise DivisionError("overflow", "quotient too large for a float")
    return q
