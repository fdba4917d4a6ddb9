"""Play My helping hand in the terminal: a role number per finger, then an optional nickname.

Nothing typed here is kept: the terminal player never writes the device's settings.
"""

from __future__ import annotations

from app.activities.helping_hand.logic import FINGER_COUNT, FINGERS, HelpingHandRun
from app.i18n import tr
from app.terminal import QuitRequestError, TerminalPlayer


def play(player: TerminalPlayer, run: HelpingHandRun) -> bool:
    activity = run.activity
    player.say(tr(activity.instructions))
    while not run.finished:
        finger = run.finger
        player.say(
            f"\n  Finger {finger + 1} of {FINGER_COUNT} ({FINGERS[finger]}): who could it be?"
        )
        labels = [tr(role.text) for role in activity.roles]
        if run.can_leave_empty:
            labels.append("(leave this finger empty)")
        picked = player.pick("  role number> ", labels)
        if picked is None:
            return True
        if picked[0] == len(activity.roles):
            run.leave_empty()
            continue
        run.choose(activity.roles[picked[0]].id)
        try:
            nickname = player.read("  nickname (optional, press Enter to skip)> ")
        except EOFError as error:
            raise QuitRequestError from error
        if nickname.strip().lower() == "q":
            raise QuitRequestError
        if nickname.strip():
            run.set_nickname(nickname)
        run.next_finger()
    player.say("\n  Your helping hand:")
    for name, person in zip(FINGERS, run.people, strict=True):
        if person is None:
            player.say(f"    {name}: (empty)")
        else:
            nickname = f" ({person.nickname})" if person.nickname else ""
            player.say(f"    {name}: {tr(person.role.text)}{nickname}")
    player.say(f"  {tr(activity.closing)}")
    return False
