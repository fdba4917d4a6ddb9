"""Play a chat simulation in the terminal."""

from __future__ import annotations

from app.activities.chat.logic import ChatRun
from app.i18n import tr
from app.terminal import TerminalPlayer


def play(player: TerminalPlayer, run: ChatRun) -> bool:
    activity = run.activity
    player.say(tr(activity.setting))
    shown = 0
    names = {"them": tr(activity.contact_name), "me": tr(activity.player), "narrator": "..."}

    def show_new_lines() -> None:
        nonlocal shown
        for line in run.transcript[shown:]:
            player.say(f"  [{names[line.sender]}] {tr(line.text)}")
        shown = len(run.transcript)

    while not run.finished:
        show_new_lines()
        choices = run.available_choices()
        picked = player.pick("  choose> ", [tr(c.text) for c in choices])
        if picked is None:
            return True
        choice = run.choose(choices[picked[0]].id)
        shown = len(run.transcript)
        player.say(f"  {'SAFE' if choice.safe else 'THINK AGAIN'}: {tr(choice.feedback)}")
        if (
            not choice.safe
            and player.ask("  r) try again  c) continue> ", lambda a: a in ("r", "c")) == "r"
        ):
            run.retry()
            shown = len(run.transcript)
            continue
        run.proceed()
    show_new_lines()
    ending = run.ending
    player.say(f"  ENDING ({ending.outcome}): {tr(ending.title)}\n  {tr(ending.debrief)}")
    player.say(f"  Safe replies: {run.safe_choices} of {run.choices_made}")
    return False
