"""Detects NaN with x != x, which raises decimal.InvalidOperation for a signalling NaN Decimal instead of giving not_finite.

Caught by: test_not_finite, test_matches_the_model_answer_on_generated_pairs, test_matches_the_model_answer_on_every_pair_of_special_values

Written from the prompt alone; before Decimal("sNaN") joined test_not_finite only the
differential tests caught it (the hand-written NaNs were all quiet).
"""

import math
from decimal import Decimal, InvalidOperation
from decimal import Overflow as DecimalOverflow
from fractions import Fraction


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


def safe_divide(numerator, denominator):
    for x in (numerator, denominator):
        if isinstance(x, bool) or not isinstance(x, (int, float, Fraction, Decimal)):
            raise DivisionError("not_a_number", f"{type(x).__name__} is not a real number")
    for x in (numerator, denominator):
        if isinstance(x, (float, Decimal)) and (x != x or x in (float("inf"), float("-inf"))):
            raise DivisionError("not_finite", f"{x!r} is not finite")
    try:
        quotient = numerator / denominator
    except TypeError as exc:
        raise DivisionError("incompatible", "cannot divide these") from exc
    except (ZeroDivisionError, InvalidOperation) as exc:
        raise DivisionError("zero_division", "division by zero") from exc
    except (OverflowError, DecimalOverflow) as exc:
        if denominator == 0:
            raise DivisionError("zero_division", "division by zero") from exc
        raise DivisionError("overflow", "too large") from exc
    if isinstance(quotient, float) and math.isinf(quotient):
        raise DivisionError("overflow", "too large")
    return quotient
