# expect: fail
# kind: wrong
# mistake: converts both arguments with float() before dividing: safe_divide(Fraction(1, 3), 2) returns 0.1666... (a float) instead of Fraction(1, 6); safe_divide(10**400, 10**399) gives overflow instead of 10.0
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


import math
from decimal import Decimal
from fractions import Fraction


def safe_divide(numerator, denominator):
    for x in (numerator, denominator):
        if isinstance(x, bool) or not isinstance(x, (int, float, Fraction, Decimal)):
            raise DivisionError("not_a_number", f"{type(x).__name__} is not a real number")
    for x in (numerator, denominator):
        if isinstance(x, float) and not math.isfinite(x):
            raise DivisionError("not_finite", "not finite")
        if isinstance(x, Decimal) and not x.is_finite():
            raise DivisionError("not_finite", "not finite")
    if isinstance(numerator, Decimal) != isinstance(denominator, Decimal) and (
        isinstance(numerator, (float, Fraction)) or isinstance(denominator, (float, Fraction))
    ):
        raise DivisionError("incompatible", "Decimal cannot be mixed with float or Fraction")
    try:
        a, b = float(numerator), float(denominator)
    except OverflowError as exc:
        raise DivisionError("overflow", "number too large") from exc
    try:
        q = a / b
    except ZeroDivisionError as exc:
        raise DivisionError("zero_division", "division by zero") from exc
    if math.isinf(q):
        raise DivisionError("overflow", "quotient too large")
    return q
