"""Lets a suite run by hand, the way a candidate would: ``pytest tests.py``.

Copy an answer beside a question's ``tests.py`` as ``solution.py`` and run
pytest there; this registers the suite markers (visible, hidden, danger,
perf) so ``--strict-markers`` accepts them, and gives the suites the model
answer as the ``reference`` fixture, loaded from the ``reference.py`` beside
them. The checker does not use this file: it runs suites with its own plugin
and ``--noconftest``, and keeps the model answer where the answer cannot
import it.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from checkers.plugin import MARKERS, REFERENCE_MODULE


def pytest_configure(config: pytest.Config) -> None:
    for line in MARKERS:
        config.addinivalue_line("markers", line)


@pytest.fixture
def reference(request: pytest.FixtureRequest) -> ModuleType:
    """The model answer of the suite being run (``reference.py`` in the suite's folder)."""
    path = request.path.parent / "reference.py"
    spec = importlib.util.spec_from_file_location(REFERENCE_MODULE, path)
    assert spec is not None and spec.loader is not None, f"no model answer at {path}"
    module = importlib.util.module_from_spec(spec)
    sys.modules[REFERENCE_MODULE] = module
    spec.loader.exec_module(module)
    return module
