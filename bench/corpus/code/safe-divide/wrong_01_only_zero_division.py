# expect: fail
# kind: wrong
# mistake: only catches ZeroDivisionError: safe_divide("6", 3) lets a TypeError escape (expected DivisionError not_a_number); NaN, bool, Decimal 0/0 and overflow slip through too
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


def safe_divide(numerator, denominator):
    try:
        return numerator / denominator
    except ZeroDivisionError as exc:
        raise DivisionError("zero_division", "division by zero") from exc
