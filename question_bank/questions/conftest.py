"""Lets a suite run by hand, the way a candidate would: ``pytest tests.py``.

Copy an answer beside a question's ``tests.py`` as ``solution.py`` and run
pytest there; this registers the suite markers (visible, hidden, danger,
perf) so ``--strict-markers`` accepts them. The checker does not use this
file: it runs suites with its own plugin and ``--noconftest``.
"""

from __future__ import annotations

import pytest

from checkers.plugin import MARKERS


def pytest_configure(config: pytest.Config) -> None:
    for line in MARKERS:
        config.addinivalue_line("markers", line)
