"""Play "Talk about it" in the terminal."""

from __future__ import annotations

from app.activities.talk.logic import TalkRun
from app.i18n import tr
from app.terminal import TerminalPlayer


def play(player: TerminalPlayer, run: TalkRun) -> bool:
    activity = run.activity
    if activity.setting is not None:
        player.say(f"  {tr(activity.setting)}")
    player.say(f"  TALK: {tr(activity.prompt)}")
    while True:
        options = "h) a hint  " if run.more_hints else ""
        answer = player.ask(
            f"  {options}d) we talked about it  s) skip> ",
            lambda a: a in ("d", "s") or (a == "h" and run.more_hints),
        )
        if answer == "s":
            return True
        if answer == "d":
            break
        player.say(f"   - {tr(run.reveal())}")
    for point in activity.for_adults:
        player.say(f"  For the grown-up: {tr(point)}")
    run.finish()
    return False
