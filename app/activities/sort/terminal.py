"""Play a sort activity in the terminal."""

from __future__ import annotations

from app.activities.sort.logic import SortRun
from app.i18n import tr
from app.terminal import TerminalPlayer


def play(player: TerminalPlayer, run: SortRun) -> bool:
    activity = run.activity
    if activity.prompt is not None:
        player.say(f"\n  {tr(activity.prompt)}")
    labels = [tr(b.label) for b in activity.bins]
    while not run.finished:
        card = run.card
        player.say(f"\n  Card {len(run.placements) + 1} of {run.total}: {tr(card.text)}")
        picked = player.pick("  which bin> ", labels)
        if picked is None:
            return True
        placement = run.place(activity.bins[picked[0]].id)
        right = tr(activity.bin(card.bin).label)
        if placement.correct:
            player.say(f"  RIGHT: it goes in '{right}'.")
        else:
            player.say(f"  NOT QUITE: it goes in '{right}'.")
            if card.if_wrong is not None:
                player.say(f"  {tr(card.if_wrong)}")
        player.say(f"  {tr(card.explanation)}")
    player.say(f"  Sorted right: {run.correct_count} of {run.total}")
    if activity.wrap_up is not None:
        player.say(f"  {tr(activity.wrap_up)}")
    return False
