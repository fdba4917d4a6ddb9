"""Play a spot-the-signs activity in the terminal."""

from __future__ import annotations

from app.activities.spot.logic import FINE, FOUND, MISSED, SpotRun
from app.i18n import tr
from app.terminal import TerminalPlayer

MARKS = {FOUND: "FOUND", MISSED: "MISSED", "wrong": "OK", FINE: ""}


def play(player: TerminalPlayer, run: SpotRun) -> bool:
    activity = run.activity
    account, me = tr(activity.account_name), tr(activity.player) if activity.player else ""
    player.say(f"  {tr(activity.instruction)}")
    if activity.layout == "profile":
        player.say(f"  (profile of {account})")
    labels = []
    for item in activity.items:
        if activity.layout == "conversation":
            who = me if item.sender == "me" else account
        else:
            who = item.kind
        labels.append(f"[{who}] {tr(item.text)}")
    picked = player.pick("  warning signs (numbers separated by commas)> ", labels, several=True)
    if picked is None:
        return True
    for index in sorted(set(picked)):
        run.toggle(activity.items[index].id)
    run.check()
    player.say(f"  You found {run.found} of {run.total_signs} signs.")
    for item, label in zip(activity.items, labels, strict=True):
        result = run.result(item)
        if result != FINE:
            player.say(f"   {MARKS[result]:>6}  {label}: {tr(item.explanation)}")
    player.say(f"  {tr(activity.summary)}")
    return False
