"""Play "Say it out loud" in the terminal."""

from __future__ import annotations

from app.activities.say_it.logic import BUILD, CHOOSE, SayItRun
from app.i18n import tr
from app.terminal import TerminalPlayer


def play(player: TerminalPlayer, run: SayItRun) -> bool:
    activity = run.activity
    player.say(f"  ({activity.goal}) {tr(activity.situation)}")
    player.say(f"  {tr(activity.question)}")
    while not run.finished:
        if run.stage == CHOOSE:
            labels = [tr(p.text) for p in activity.phrases]
            if activity.parts:
                labels.append("[build my own words]")
            picked = player.pick("  words> ", labels)
            if picked is None:
                return True
            if picked[0] == len(activity.phrases):
                run.start_building()
            else:
                run.pick(activity.phrases[picked[0]].id)
            continue
        if run.stage == BUILD:
            part = run.part
            player.say(f"  {tr(part.prompt)}")
            picked = player.pick("  part> ", [tr(o.text) for o in part.options])
            if picked is None:
                return True
            run.choose_part(part.options[picked[0]].id)
            continue
        words = run.words
        player.say(f"  {'STRONG' if words.strong else 'COULD BE CLEARER'}:")
        for sentence in words.sentences:
            player.say(f'    "{tr(sentence.text)}"')
            player.say(f"    {tr(sentence.feedback)}")
        player.say("  Now say it out loud, like you mean it. Nobody is recording.")
        answer = player.ask("  d) I said it!  a) other words> ", lambda a: a in ("d", "a"))
        if answer == "a":
            run.again()
        else:
            run.said_it()
    player.say(f"  Practised strong words: {'yes' if run.practised_strong else 'not yet'}")
    return False
