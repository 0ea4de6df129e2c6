"""Accepts only int and float, rejecting Fraction and Decimal as not numbers.

Caught by: test_example_fraction, test_decimals_stay_decimal, test_fractions_and_mixed_types, test_huge_ints_with_a_small_quotient, test_zero_denominators, test_decimal_zero_denominators, test_not_finite, test_incompatible_numbers, test_first_reason_that_applies, test_decimal_quotient_too_large

`isinstance(x, (int, float))` is the number check most people write first.
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
    return isinstance(value, (int, float))


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
    except TypeError as exc:
        raise DivisionError(
            "incompatible",
            f"cannot divide {type(numerator).__name__} by {type(denominator).__name__}",
        ) from exc
    except (ZeroDivisionError, InvalidOperation) as exc:
        raise DivisionError("zero_division", "division by zero") from exc
    except (OverflowError, DecimalOverflow) as exc:
        raise DivisionError("overflow", "the quotient is too large to represent") from exc

    if not _is_finite(quotient):
        raise DivisionError("overflow", "the quotient is too large to represent")
    return quotient
