"""Play a quiz in the terminal."""

from __future__ import annotations

from app.activities.quiz.logic import QuizRun
from app.i18n import _, tr
from app.terminal import TerminalPlayer


def play(player: TerminalPlayer, run: QuizRun) -> bool:
    while not run.finished:
        question = run.question
        player.say(f"\n  {tr(question.prompt)}")
        labels = [tr(o.text) if o.text else _(o.id.capitalize()) for o in question.options]
        several = question.kind == "multiple"
        hint = "numbers separated by commas" if several else "a number"
        picked = player.pick(f"  answer ({hint})> ", labels, several=True)
        if picked is None:
            return True
        if not several and len(picked) > 1:
            player.say("  Choose just one.")
            continue
        chosen = {question.options[i].id for i in picked}
        result = run.answer(chosen)
        player.say(f"  {'RIGHT' if result.correct else 'NOT QUITE'}")
        for option, label in zip(question.options, labels, strict=True):
            mark = "x" if option.id in chosen else " "
            player.say(f"   [{mark}] {label}: {tr(option.explanation)}")
    player.say(f"  Score: {run.correct_count} of {len(run.activity.questions)}")
    return False
