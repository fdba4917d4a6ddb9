"""Author tools that need no window: `check` validates content, `play` walks a lesson."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from app.activities import ACTIVITY_TYPES, load_hook
from app.activities.chat.logic import ChatActivity
from app.core.helplines import load_helplines
from app.core.loader import Library, load_library
from app.core.session import LessonSession
from app.i18n import _, tr
from app.paths import HELPLINES, LESSONS
from app.terminal import QuitRequestError, TerminalPlayer


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


def play_lesson(session: LessonSession, player: TerminalPlayer) -> None:
    """Play every activity with its type's terminal player, then show the debrief."""
    lesson = session.lesson
    player.say(f"== {tr(lesson.title)} (ages {lesson.age_band}) ==")
    for line in lesson.intro:
        player.say(f"  {tr(line)}")
    player.say("(type q at any prompt to quit, s to skip an activity)")
    while not session.finished:
        activity = session.activity
        player.say(
            f"\n-- Activity {session.index + 1} of {len(lesson.activities)}: "
            f"{tr(activity.title)} --"
        )
        play_activity = load_hook(ACTIVITY_TYPES[activity.type].terminal)
        if play_activity(player, session.run):
            session.skip()
        else:
            session.complete()
    player.say(f"\n== {_('Well done!')} {'*' * session.stars} ({session.stars}/3) ==")
    for line in lesson.debrief.learned:
        player.say(f"  - {tr(line)}")
    player.say(f"  {tr(lesson.debrief.never_your_fault)}")
    player.say(f"  {tr(lesson.debrief.tell_someone)}")


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
    extra_dirs: list[Path] | None = None,
) -> int:
    library: Library = load_library([LESSONS, *(extra_dirs or [])])
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
        play_lesson(LessonSession(lesson), TerminalPlayer(read, out))
    except QuitRequestError:
        print("\nStopped. Nothing was saved.", file=out)
    return 0
