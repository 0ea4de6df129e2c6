"""Returns an error string instead of raising DivisionError.

Caught by: test_example_zero_denominator, test_example_string, test_zero_denominators, test_decimal_zero_denominators, test_not_a_number, test_bools_are_not_numbers, test_not_finite, test_incompatible_numbers, test_first_reason_that_applies, test_int_quotient_too_large_for_a_float, test_float_quotient_overflows_to_inf, test_decimal_quotient_too_large, test_original_exception_is_chained, test_error_carries_a_reason_and_a_message

Every check is right, but the caller gets "error: <reason>" back as if it were
a result, and can use it by mistake.
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
    for value in (numerator, denominator):
        if not _is_real_number(value):
            return "error: not_a_number"
    for value in (numerator, denominator):
        if not _is_finite(value):
            return "error: not_finite"
    try:
        quotient = numerator / denominator
    except TypeError:
        return "error: incompatible"
    except (ZeroDivisionError, InvalidOperation):
        return "error: zero_division"
    except (OverflowError, DecimalOverflow):
        return "error: overflow"
    if not _is_finite(quotient):
        return "error: overflow"
    return quotient
