"""Author tools that need no window: `check` validates content, `play` walks a lesson."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TextIO

from app.activities.chat.logic import ChatActivity, ChatRun
from app.activities.quiz.logic import QuizRun
from app.core.helplines import load_helplines
from app.core.loader import Library, load_library
from app.core.session import LessonSession
from app.i18n import _, tr
from app.paths import HELPLINES, LESSONS


def check(paths: list[str], out: TextIO = sys.stdout) -> int:
    """Validate lessons (and the helpline file); print every problem; 1 if any."""
    targets = [Path(p) for p in paths] or [LESSONS]
    library = load_library(targets)
    problems = list(library.problems)
    if not paths:
        problems.extend(load_helplines(HELPLINES).problems)
    for problem in problems:
        print(problem, file=out)
    count = len(library.lessons)
    if problems:
        print(f"\n{len(problems)} problem(s) found; {count} lesson(s) valid.", file=out)
        return 1
    print(f"OK: {count} lesson(s) valid.", file=out)
    return 0


class _QuitRequestError(Exception):
    pass


class TerminalPlayer:
    """Plays a lesson in the terminal so an author can walk every branch."""

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
                raise _QuitRequestError from error
            if answer == "q":
                raise _QuitRequestError
            if allowed(answer):
                return answer
            self.say("  Please type one of the choices shown.")

    def play(self, session: LessonSession) -> None:
        lesson = session.lesson
        self.say(f"== {tr(lesson.title)} (ages {lesson.age_band}) ==")
        for line in lesson.intro:
            self.say(f"  {tr(line)}")
        self.say("(type q at any prompt to quit, s to skip an activity)")
        while not session.finished:
            activity = session.activity
            self.say(
                f"\n-- Activity {session.index + 1} of {len(lesson.activities)}: "
                f"{tr(activity.title)} --"
            )
            skipped = (
                self.play_chat(session.run)
                if isinstance(activity, ChatActivity)
                else self.play_quiz(session.run)
            )
            if skipped:
                session.skip()
            else:
                session.complete()
        self.say(f"\n== {_('Well done!')} {'*' * session.stars} ({session.stars}/3) ==")
        for line in lesson.debrief.learned:
            self.say(f"  - {tr(line)}")
        self.say(f"  {tr(lesson.debrief.never_your_fault)}")
        self.say(f"  {tr(lesson.debrief.tell_someone)}")

    def play_chat(self, run: ChatRun) -> bool:
        activity = run.activity
        self.say(tr(activity.setting))
        shown = 0
        names = {"them": tr(activity.contact_name), "me": tr(activity.player), "narrator": "..."}
        while not run.finished:
            for line in run.transcript[shown:]:
                self.say(f"  [{names[line.sender]}] {tr(line.text)}")
            shown = len(run.transcript)
            choices = run.available_choices()
            for number, choice in enumerate(choices, start=1):
                self.say(f"    {number}) {tr(choice.text)}")
            answer = self.ask("  choose> ", partial(_valid_pick, count=len(choices)))
            if answer == "s":
                return True
            choice = run.choose(choices[int(answer) - 1].id)
            shown = len(run.transcript)
            self.say(f"  {'SAFE' if choice.safe else 'THINK AGAIN'}: {tr(choice.feedback)}")
            if (
                not choice.safe
                and self.ask("  r) try again  c) continue> ", lambda a: a in ("r", "c")) == "r"
            ):
                run.retry()
                shown = len(run.transcript)
                continue
            run.proceed()
        ending = run.ending
        for line in run.transcript[shown:]:
            self.say(f"  [{names[line.sender]}] {tr(line.text)}")
        self.say(f"  ENDING ({ending.outcome}): {tr(ending.title)}\n  {tr(ending.debrief)}")
        self.say(f"  Safe replies: {run.safe_choices} of {run.choices_made}")
        return False

    def play_quiz(self, run: QuizRun) -> bool:
        while not run.finished:
            question = run.question
            self.say(f"\n  {tr(question.prompt)}")
            labels = [tr(o.text) if o.text else _(o.id.capitalize()) for o in question.options]
            for number, label in enumerate(labels, start=1):
                self.say(f"    {number}) {label}")
            hint = "numbers separated by commas" if question.kind == "multiple" else "a number"
            answer = self.ask(
                f"  answer ({hint})> ", partial(_valid_pick, count=len(labels), several=True)
            )
            if answer == "s":
                return True
            picked = {question.options[int(x) - 1].id for x in answer.split(",")}
            if question.kind != "multiple" and len(picked) > 1:
                self.say("  Choose just one.")
                continue
            result = run.answer(picked)
            self.say(f"  {'RIGHT' if result.correct else 'NOT QUITE'}")
            for option, label in zip(question.options, labels, strict=True):
                mark = "x" if option.id in picked else " "
                self.say(f"   [{mark}] {label}: {tr(option.explanation)}")
        self.say(f"  Score: {run.correct_count} of {len(run.activity.questions)}")
        return False


def _valid_pick(answer: str, count: int, several: bool = False) -> bool:
    """'s' (skip), or a choice number; several comma-separated numbers where allowed."""
    picks = answer.split(",") if several else [answer]
    return answer == "s" or all(p.strip().isdigit() and 1 <= int(p) <= count for p in picks)


def chat_paths(activity: ChatActivity) -> Iterator[list[str]]:
    """Every route through a chat as 'state [choice]' steps, start to ending (no loops)."""

    def walk(state_id: str, path: list[str]) -> Iterator[list[str]]:
        state = activity.states[state_id]
        if state.ending:
            yield [*path, f"{state_id} ({state.ending.outcome})"]
        for choice in state.choices:
            yield from walk(choice.next, [*path, f"{state_id} [{choice.id}]"])

    yield from walk(activity.start_state, [])


def play(
    lesson_id: str,
    show_paths: bool = False,
    read: Callable[[str], str] = input,
    out: TextIO = sys.stdout,
) -> int:
    library: Library = load_library([LESSONS])
    lesson = library.lessons.get(lesson_id)
    if lesson is None:
        known = ", ".join(sorted(library.lessons)) or "none"
        print(f"No valid lesson '{lesson_id}'. Valid lessons: {known}", file=out)
        return 2
    if show_paths:
        for activity in (a for a in lesson.activities if isinstance(a, ChatActivity)):
            routes = list(chat_paths(activity))
            print(f"{activity.id}: {len(routes)} route(s)", file=out)
            for route in routes:
                print("  " + " -> ".join(route), file=out)
        return 0
    try:
        TerminalPlayer(read, out).play(LessonSession(lesson))
    except _QuitRequestError:
        print("\nStopped. Nothing was saved.", file=out)
    return 0
