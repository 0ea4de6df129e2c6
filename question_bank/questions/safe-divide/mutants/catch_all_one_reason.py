"""Catches every exception and reports them all with one reason.

Caught by: test_example_zero_denominator, test_zero_denominators, test_decimal_zero_denominators, test_not_a_number, test_bools_are_not_numbers, test_not_finite, test_incompatible_numbers, test_first_reason_that_applies, test_int_quotient_too_large_for_a_float, test_float_quotient_overflows_to_inf, test_decimal_quotient_too_large, test_error_carries_a_reason_and_a_message

`except Exception` turns zero, incompatible types and overflow alike into
"not_a_number", and nothing is checked when Python does not raise (bools,
NaN, infinities, an infinite quotient).
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
    except Exception as exc:
        raise DivisionError("not_a_number", f"cannot divide: {exc}") from exc
