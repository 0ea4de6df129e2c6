"""Handles only division by zero; every other problem escapes or passes through.

Caught by: test_example_string, test_decimal_zero_denominators, test_not_a_number, test_bools_are_not_numbers, test_not_finite, test_incompatible_numbers, test_first_reason_that_applies, test_int_quotient_too_large_for_a_float, test_float_quotient_overflows_to_inf, test_decimal_quotient_too_large, test_original_exception_is_chained

The guide's danger zone: strings and None raise TypeError, NaN and inf come
back as results, Decimal's 0/0 raises InvalidOperation, 10**400 / 3 raises
OverflowError.
"""


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
    try:
        return numerator / denominator
    except ZeroDivisionError as exc:
        raise DivisionError("zero_division", "division by zero") from exc
