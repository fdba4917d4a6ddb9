"""Text-mode play for `python -m app play`: prompts, answers and the per-type players."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO


class QuitRequestError(Exception):
    """The author typed q (or closed input): stop the lesson, save nothing."""


class TerminalPlayer:
    """Reads and writes the terminal for every activity type's `terminal.play`."""

    def __init__(self, read: Callable[[str], str], out: TextIO) -> None:
        self.read = read
        self.out = out

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def ask(self, prompt: str, allowed: Callable[[str], bool]) -> str:
        while True:
            try:
                answer = self.read(prompt).strip().lower()
            except EOFError as error:
                raise QuitRequestError from error
            if answer == "q":
                raise QuitRequestError
            if allowed(answer):
                return answer
            self.say("  Please type one of the choices shown.")

    def pick(self, prompt: str, labels: list[str], several: bool = False) -> list[int] | None:
        """Number the labels, ask for one (or several, comma-separated); None means skip."""
        for number, label in enumerate(labels, start=1):
            self.say(f"    {number}) {label}")
        answer = self.ask(prompt, lambda a: valid_pick(a, len(labels), several))
        if answer == "s":
            return None
        return [int(part) - 1 for part in answer.split(",")]


def valid_pick(answer: str, count: int, several: bool = False) -> bool:
    """'s' (skip), or a choice number; several comma-separated numbers where allowed."""
    picks = answer.split(",") if several else [answer]
    return answer == "s" or all(p.strip().isdigit() and 1 <= int(p) <= count for p in picks)
