"""Hypothesis profiles: a fixed, quick default for CI and a long search on request.

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/core/test_fuzz_loader.py

"fast" (the default) derandomizes and keeps no example database, so every run and CI
try exactly the same examples. "long" draws fresh random examples, 5000 per property.
A test's own @settings still wins for the settings it names.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("fast", max_examples=150, deadline=None, derandomize=True, database=None)
settings.register_profile("long", max_examples=5000, deadline=None, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


def pytest_sessionstart(session) -> None:
    """The app reads compiled catalogs: compile any that are older than their .po files
    (as `make test` does), so `pytest` run on its own tests the translations in git."""
    from app.i18n.catalogs import compile_catalogs

    compile_catalogs()
