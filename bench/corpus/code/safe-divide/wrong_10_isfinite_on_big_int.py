# expect: fail
# kind: wrong
# mistake: checks finiteness with math.isfinite() on every argument, which converts ints to float: safe_divide(10**400, 10**399) raises a bare OverflowError instead of returning 10.0
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


def safe_divide(numerator, denominator):
    for x in (numerator, denominator):
        if isinstance(x, bool) or not isinstance(x, (int, float, Fraction, Decimal)):
            raise DivisionError("not_a_number", f"{type(x).__name__} is not a real number")
    for x in (numerator, denominator):
        if isinstance(x, Decimal):
            finite = x.is_finite()
        else:
            finite = math.isfinite(x)
        if not finite:
            raise DivisionError("not_finite", "not finite")
    try:
        q = numerator / denominator
    except TypeError as exc:
        raise DivisionError("incompatible", str(exc)) from exc
    except (ZeroDivisionError, decimal.InvalidOperation) as exc:
        raise DivisionError("zero_division", "division by zero") from exc
    except (OverflowError, decimal.Overflow) as exc:
        raise DivisionError("overflow", "overflow") from exc
    if isinstance(q, float) and math.isinf(q):
        raise DivisionError("overflow", "overflow")
    return q
