"""Author tools that need no window: `check` validates content, `play` walks a lesson."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from app.activities import ACTIVITY_TYPES, load_hook
from app.activities.chat.logic import ChatActivity
from app.core.checks import CheckLibrary, load_checks
from app.core.curriculum_docs import curriculum_docs
from app.core.helplines import load_helplines
from app.core.loader import Library, load_library
from app.core.model import AGE_BANDS
from app.core.session import LessonSession
from app.core.standards import (
    band_problems,
    check_problems,
    child_texts,
    hardest,
    lesson_problems,
    load_rules,
    reading_grade,
)
from app.i18n import _, tr
from app.i18n.languages import load_languages
from app.paths import CHECKS, CONTENT_RULES, DOCS, EXAMPLES, HELPLINES, LESSONS
from app.terminal import QuitRequestError, TerminalPlayer


def _is_check_path(path: Path) -> bool:
    """Knowledge checks live in a folder called 'checks'; everything else is a lesson."""
    return "checks" in path.parts


def _is_example(source_file: str) -> bool:
    try:
        return Path(source_file).resolve().is_relative_to(EXAMPLES)
    except OSError:
        return False


def load_content(paths: list[str]) -> tuple[Library, CheckLibrary]:
    """Lessons and checks from the given files and folders (default: the shipped ones)."""
    targets = [Path(p) for p in paths] or [LESSONS, CHECKS]
    library = load_library([t for t in targets if not _is_check_path(t)])
    checks = load_checks([t for t in targets if _is_check_path(t)])
    return library, checks


def check(paths: list[str], out: TextIO = sys.stdout) -> int:
    """Validate lessons and checks against their formats and the content standards.

    With no paths, the whole curriculum is checked: the helpline file too, and every age
    band's sequence (five lessons, a check that tests what the lessons teach).
    """
    library, checks = load_content(paths)
    rules = load_rules(CONTENT_RULES)
    problems = [*library.problems, *checks.problems]
    for lesson in library.lessons.values():
        if not _is_example(lesson.source_file):  # examples show the format, not a lesson
            problems += lesson_problems(lesson, rules)
    for knowledge_check in checks.checks.values():
        problems += check_problems(knowledge_check, rules)
    if not paths:
        problems += load_helplines(HELPLINES).problems
        problems += load_languages().problems
        for band in AGE_BANDS:
            problems += band_problems(band, library.by_band(band), checks.checks.get(band), rules)
    for problem in sorted(set(problems)):
        print(problem, file=out)
    counts = f"{len(library.lessons)} lesson(s) and {len(checks.checks)} check(s) valid"
    if problems:
        print(f"\n{len(problems)} problem(s) found; {counts}.", file=out)
        return 1
    print(f"OK: {counts}.", file=out)
    return 0


def reading_level(paths: list[str], out: TextIO = sys.stdout) -> int:
    """Print each lesson's and check's reading level against its band's limit."""
    library, checks = load_content(paths)
    rules = load_rules(CONTENT_RULES)
    over = 0
    items = sorted(
        [*library.lessons.values(), *checks.checks.values()],
        key=lambda x: (AGE_BANDS.index(x.age_band), getattr(x, "order", 99), x.id),
    )
    for item in items:
        texts = child_texts(item)
        grade, limit = reading_grade(texts), rules.reading_level[item.age_band]
        over += grade > limit
        mark = "OK  " if grade <= limit else "OVER"
        print(
            f"{mark} {item.age_band:>5} {item.id:<44} grade {grade:4.1f} (max {limit:g})", file=out
        )
        for text_grade, text in hardest(texts):
            print(f"       {text_grade:4.1f}  {text.source[:90]}", file=out)
    for problem in [*library.problems, *checks.problems]:
        print(problem, file=out)
    return 1 if over or library.problems or checks.problems else 0


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


def write_curriculum_docs(docs: Path = DOCS, out: TextIO = sys.stdout) -> int:
    """Regenerate docs/curriculum-map.md and docs/lesson-plans/ from the shipped content."""
    library, checks = load_content([])
    for problem in [*library.problems, *checks.problems]:
        print(problem, file=out)
    plans = docs / "lesson-plans"
    if plans.is_dir():  # lessons may have been renamed or removed
        for old in plans.rglob("*.md"):
            old.unlink()
    pages = curriculum_docs(library.lessons.values(), checks.checks)
    for relative, text in pages.items():
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"Wrote {len(pages)} pages under {docs}.", file=out)
    return 1 if library.problems or checks.problems else 0


# --- translation ---------------------------------------------------------------------------


def i18n_status(out: TextIO = sys.stdout) -> int:
    """Coverage of every shipped language; exit 1 if one is below 100%."""
    from app.i18n.catalogs import coverage
    from app.i18n.languages import languages

    incomplete = 0
    print(f"{'code':<7}{'language':<22}{'translated':>12}{'%':>8}  review", file=out)
    for language in languages().shipped:
        found = coverage(language)
        incomplete += found.translated < found.total
        counts = f"{found.translated}/{found.total}"
        print(
            f"{language.code:<7}{language.name:<22}{counts:>12}{found.percent:>7.1f}%  "
            f"{language.review}",
            file=out,
        )
        for missing in found.missing[:5]:
            print(f"        missing: {missing[:90]}", file=out)
    return 1 if incomplete else 0


def i18n_update(out: TextIO = sys.stdout) -> int:
    from app.i18n.catalogs import update_catalogs

    for path in update_catalogs():
        print(f"updated {path}", file=out)
    return 0


def i18n_compile(out: TextIO = sys.stdout) -> int:
    from app.i18n.catalogs import compile_catalogs

    compiled = compile_catalogs()
    print(f"compiled {len(compiled)} catalog(s)", file=out)
    return 0


I18N_COMMANDS = {
    "i18n-status": i18n_status,
    "i18n-update": i18n_update,
    "i18n-compile": i18n_compile,
}
