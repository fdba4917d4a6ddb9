"""A content problem: where it is, what is wrong, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.message}"
        return f"{text}\n    fix: {self.fix}" if self.fix else text


def display_path(path: Path) -> str:
    """A short path for messages: relative to the working folder when it can be."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except (ValueError, OSError, RuntimeError):  # outside the folder; a symlink loop
        return str(path)
