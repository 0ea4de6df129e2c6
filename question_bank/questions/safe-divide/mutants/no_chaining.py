"""Re-raises without `from exc`, so the original exception is not the cause.

Caught by: test_original_exception_is_chained

Only the implicit __context__ remains ("During handling of the above
exception, another exception occurred"), which reads like a second bug.
"""

import math
import numbers
from decimal import Decimal, InvalidOperation
from decimal import Overflow as DecimalOverflow


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
            raise ValueError(f"unknown reason {reason!r}; expected one of {', '.join(self.REASONS)}")
        super().__init__(message if message is not None else reason)
        self.reason = reason


def _is_real_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, (numbers.Real, Decimal))


def _is_finite(value: object) -> bool:
    if isinstance(value, Decimal):
        return value.is_finite()
    if isinstance(value, numbers.Rational):
        return True
    return math.isfinite(value)


def safe_divide(numerator, denominator):
    """Return numerator / denominator, or raise DivisionError.

    Real numbers are int, float, fractions.Fraction and decimal.Decimal; the
    result is whatever Python's `/` gives for them (7 / 2 -> 3.5,
    Fraction(1, 3) / 2 -> Fraction(1, 6), Decimal(1) / 8 -> Decimal('0.125')).

    Otherwise raise DivisionError with the first reason that applies, in the
    order of DivisionError.REASONS. When the DivisionError replaces an
    exception Python raised, chain it: `raise DivisionError(...) from exc`.
    Never return an error value.
    """
    for value in (numerator, denominator):
        if not _is_real_number(value):
            raise DivisionError("not_a_number", f"{type(value).__name__} is not a real number")
    for value in (numerator, denominator):
        if not _is_finite(value):
            raise DivisionError("not_finite", f"{value!r} is not a finite number")

    try:
        quotient = numerator / denominator
    except TypeError:
        raise DivisionError(
            "incompatible",
            f"cannot divide {type(numerator).__name__} by {type(denominator).__name__}",
        )
    except (ZeroDivisionError, InvalidOperation):
        raise DivisionError("zero_division", "division by zero")
    except (OverflowError, DecimalOverflow):
        raise DivisionError("overflow", "the quotient is too large to represent")

    if not _is_finite(quotient):
        raise DivisionError("overflow", "the quotient is too large to represent")
    return quotient
