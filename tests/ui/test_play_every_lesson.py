"""Every lesson plays end to end (issue 5): by touch in the app, and with `python -m app play`.

A child who picks the safe replies, right answers, right bins and strong words goes from
the lesson list to the finish screen of each lesson in assets/lessons and assets/examples
(tests/ui/play.py does the tapping). New lessons are played as soon as they load.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest

from app import cli
from app.core.loader import load_library
from app.i18n import tr
from app.paths import EXAMPLES, LESSONS, PROJECT_ROOT
from tests.ui.play import TerminalChild, play_lesson

LIBRARY = load_library([LESSONS, EXAMPLES])
LESSON_IDS = [
    lesson.id
    for lesson in sorted(LIBRARY.lessons.values(), key=lambda x: (x.age_band, x.order, x.id))
]


def lesson_or_skip(library, lesson_id: str):
    lesson = library.lessons.get(lesson_id)
    if lesson is None:  # the file changed between collecting and running the tests
        pytest.skip(f"lesson {lesson_id!r} no longer loads")
    return lesson


@functools.cache
def library_of(lesson_dirs: tuple[Path, ...]):
    return load_library(lesson_dirs)


@pytest.fixture
def quick(ui):
    """The same app and the same frames, sooner: frames are drawn as fast as they can be
    instead of 60 a second (nothing here waits for real time: still frames mean no typing
    dots and no growing stars), and the lessons are read from disk once for all the tests
    rather than once per test (the lessons are frozen: no test can change them)."""
    from kivy.clock import Clock

    ui.app._library = library_of(tuple(ui.app.lesson_dirs))
    before = Clock._max_fps
    Clock._max_fps = 0
    yield ui
    Clock._max_fps = before


def test_there_are_lessons_to_play():
    assert "every-activity-type" in LESSON_IDS and "new-online-friend" in LESSON_IDS


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_a_child_plays_the_lesson_by_touch(quick, lesson_id):
    # No snapshots: 20-odd lessons take over a minute already (see play_lesson's `shots`).
    play_lesson(quick, lesson_or_skip(quick.app.library, lesson_id), shots=False)


def play_in_terminal(lesson) -> tuple[str, TerminalChild]:
    out = StringIO()
    child = TerminalChild(lesson, out)
    assert cli.play(lesson.id, read=child, out=out, extra_dirs=[EXAMPLES]) == 0
    return out.getvalue(), child


def assert_played_well(text: str, lesson) -> None:
    assert "Please type one of the choices shown." not in text
    assert "Stopped. Nothing was saved." not in text
    total = len(lesson.activities)
    for number, activity in enumerate(lesson.activities, start=1):
        assert f"-- Activity {number} of {total}: {tr(activity.title)} --" in text
    assert "\n== Well done! *** (3/3) ==\n" in text
    ending = text.split("== Well done!", 1)[1]
    for line in lesson.debrief.learned:
        assert f"  - {tr(line)}\n" in ending
    assert f"  {tr(lesson.debrief.never_your_fault)}\n" in ending
    assert f"  {tr(lesson.debrief.tell_someone)}\n" in ending


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_the_lesson_plays_in_the_terminal(lesson_id):
    lesson = lesson_or_skip(LIBRARY, lesson_id)
    text, child = play_in_terminal(lesson)
    assert_played_well(text, lesson)
    session = child.session  # the child's own copy followed every step
    assert session.index == len(lesson.activities) - 1 and session.run.finished
    session.complete()
    assert session.finished and session.stars == 3
    assert all(result.score == 1.0 for result in session.results)


def test_python_m_app_play_with_typed_answers():
    """The real command, its answers typed on stdin: the ones the child gave in-process."""
    lesson = LIBRARY.lessons["every-activity-type"]
    _, child = play_in_terminal(lesson)
    typed = "".join(f"{answer}\n" for answer in child.answers)
    done = subprocess.run(
        [sys.executable, "-m", "app", "play", lesson.id, "--lessons-dir", str(EXAMPLES)],
        input=typed,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert_played_well(done.stdout, lesson)
