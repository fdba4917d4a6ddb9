"""Read a story in the terminal: each panel's lines, Enter for the next, b back, s skip."""

from __future__ import annotations

from app.activities.story.logic import StoryRun
from app.i18n import tr
from app.terminal import TerminalPlayer


def play(player: TerminalPlayer, run: StoryRun) -> bool:
    while not run.finished:
        panel = run.panel
        player.say(f"\n  [{run.index + 1}/{run.total}]")
        for line in panel.lines:
            text = tr(line)
            player.say(f"  {tr(panel.speaker)}: {text}" if panel.speaker else f"  {text}")
        prompt = (
            "  Enter to finish, b back, s skip> "
            if run.is_last
            else ("  Enter for next, b back, s skip> ")
        )
        answer = player.ask(prompt, lambda a: a in ("", "b", "s"))
        if answer == "s":
            return True
        if answer == "b":
            run.back()
        else:
            run.next()
    return False
