"""Where SafeSteps finds its bundled files and keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ASSETS = PROJECT_ROOT / "assets"
LESSONS = ASSETS / "lessons"
EXAMPLES = ASSETS / "examples"  # lessons for authors and tests, not in the child's list
FONTS = ASSETS / "fonts"
HELPLINES = ASSETS / "helplines.yaml"
CHECKS = ASSETS / "checks"  # one knowledge check per age band
CONTENT_RULES = ASSETS / "content-rules.yaml"
DOCS = PROJECT_ROOT / "docs"
LOCALES = PROJECT_ROOT / "locales"

DATA_DIR_ENV = "SAFESTEPS_DATA_DIR"


def user_data_dir() -> Path:
    """The folder for progress and settings: $SAFESTEPS_DATA_DIR, else the platform's own."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("SafeSteps", appauthor=False)


def export_folder(data_dir: Path) -> Path:
    """Where "export all data" writes: the user's Documents folder, or beside the data when
    the data folder was chosen (SAFESTEPS_DATA_DIR, tests) or there is no Documents folder."""
    if os.environ.get(DATA_DIR_ENV) or data_dir != user_data_dir():
        return data_dir / "exports"
    from platformdirs import user_documents_path

    documents = user_documents_path()
    return documents if documents.is_dir() else data_dir / "exports"
