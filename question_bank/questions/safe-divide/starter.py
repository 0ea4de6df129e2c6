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
    """Return numerator / denominator, or raise DivisionError.

    Real numbers are int, float, fractions.Fraction and decimal.Decimal; the
    result is whatever Python's `/` gives for them (7 / 2 -> 3.5,
    Fraction(1, 3) / 2 -> Fraction(1, 6), Decimal(1) / 8 -> Decimal('0.125')).

    Otherwise raise DivisionError with the first reason that applies, in the
    order of DivisionError.REASONS. When the DivisionError replaces an
    exception Python raised, chain it: `raise DivisionError(...) from exc`.
    Never return an error value.
    """
    raise NotImplementedError
