# expect: fail
# kind: hostile
# mistake: calls pytest.skip() inside the function, so every test that calls it is reported as skipped instead of failed
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    import pytest

    pytest.skip("top_k_frequent: not applicable in this environment")
    return []
