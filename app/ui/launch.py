"""Start the Kivy app: window size, fonts, opening a screen directly, screenshots."""

from __future__ import annotations

import os
import resource
import sys
import time
from argparse import Namespace
from pathlib import Path

_STARTED = time.perf_counter()
LESSON_PATH = ["bands", "lessons", "intro", "activity", "finish"]  # screens a lesson needs
OTHER_SCREENS = ["home", "who", "new-learner", "help", "settings", "privacy", "grown-ups"]
OTHER_SCREENS += ["learners", "delete", "content-problems", "oops", "results", "lesson-plans"]
OTHER_SCREENS += ["country"]
BAND_SCREENS = ["check", "lesson-plan"]  # need --lesson (for its age band); check: --activity
DIRECT_SCREENS = (*OTHER_SCREENS, *LESSON_PATH, *BAND_SCREENS)


def configure_kivy(size: tuple[int, int]) -> None:
    """Must run before Kivy creates its window."""
    os.environ.setdefault("KIVY_NO_ARGS", "1")
    from kivy.config import Config

    Config.set("graphics", "width", str(size[0]))
    Config.set("graphics", "height", str(size[1]))
    Config.set("input", "mouse", "mouse,disable_multitouch")
    Config.set("kivy", "exit_on_escape", "0")


def open_direct(app, screen: str, lesson_id: str | None, activity: int) -> None:
    """Open `screen` as if the child had tapped their way there (history included)."""
    from app.core.autoplay import play_safely
    from app.core.model import AGE_BANDS

    if screen not in DIRECT_SCREENS:
        raise SystemExit(f"unknown screen '{screen}'; choose from {', '.join(DIRECT_SCREENS)}")
    library = app.library
    if lesson_id is None and library.lessons:
        lesson_id = min(
            library.lessons.values(), key=lambda x: (AGE_BANDS.index(x.age_band), x.order)
        ).id
    if lesson_id is not None and lesson_id not in library.lessons:
        raise SystemExit(f"no valid lesson '{lesson_id}'; valid: {', '.join(library.lessons)}")
    if screen in OTHER_SCREENS:
        steps = [] if screen == "home" else [screen]
    elif screen in BAND_SCREENS:
        _prepare_band_screen(app, screen, library.lessons[lesson_id], activity)
        steps = ["lesson-plans", screen] if screen == "lesson-plan" else ["lessons", screen]
    else:
        steps = LESSON_PATH[: LESSON_PATH.index(screen) + 1]
    if lesson_id:
        app.choose_lesson(lesson_id)
    for step in steps:
        if step == "activity":
            session = app.start_or_resume()
            session.go_to(activity - 1)
        if step == "finish":
            play_safely(app.session)
            app.lesson_finished()
        app.show(step)


def _prepare_band_screen(app, screen: str, lesson, question: int) -> None:
    """lesson-plan: that lesson's plan. check: its band's check at question N (0 = the
    intro, past the last = the thank-you), earlier answers kept in memory only."""
    app.band = lesson.age_band
    if screen == "lesson-plan":
        app.plan_lesson = lesson
        return
    check = app.checks.checks.get(lesson.age_band)
    if check is None:
        raise SystemExit(f"ages {lesson.age_band} have no knowledge check")
    run = app.start_check(check, "before")
    for item in check.items[: max(0, question - 1)]:
        run.answer(item.correct_id)
    run.started = question > 0


def launch(args: Namespace, size: tuple[int, int]) -> int:
    configure_kivy(size)
    from kivy.clock import Clock
    from kivy.core.window import Window

    from app.paths import LESSONS
    from app.ui.app import SafeStepsApp

    extra = [Path(d) for d in args.lessons_dir]
    data_dir = Path(args.data_dir) if args.data_dir else None
    app = SafeStepsApp(language=args.lang, data_dir=data_dir, lesson_dirs=[LESSONS, *extra])
    if args.screenshot or args.screen:
        Clock.schedule_once(
            lambda *_: open_direct(app, args.screen or "home", args.lesson, args.activity), 0
        )
    if args.screenshot:
        app.still_frames = True
        waiter = LayoutSettled(app, lambda: _save_screenshot(app, Path(args.screenshot)))
        Clock.schedule_interval(waiter.check, 0)
    if args.exit_after_first_frame:
        Window.bind(on_flip=lambda *_: _report_first_frame(app))
    app.run()
    return 0


class LayoutSettled:
    """Calls `then` once the screen's layout has stopped moving for a few frames.

    A fixed wait is not enough: a large window on a software renderer needs more frames
    to lay out text than a phone-sized one.
    """

    STILL_FRAMES = 3
    MIN_SECONDS = 0.3
    MAX_SECONDS = 10.0

    def __init__(self, app, then) -> None:
        self.app, self.then = app, then
        self.started = time.perf_counter()
        self.last: tuple | None = None
        self.still = 0

    def signature(self) -> tuple:
        screen = self.app.manager.current_screen if self.app.manager else None
        if screen is None:
            return ()
        return tuple((tuple(w.pos), tuple(w.size)) for w in screen.walk(restrict=True))

    def check(self, _dt) -> bool:
        elapsed = time.perf_counter() - self.started
        current = self.signature()
        self.still = self.still + 1 if current == self.last and current else 0
        self.last = current
        settled = self.still >= self.STILL_FRAMES and elapsed >= self.MIN_SECONDS
        if settled or elapsed >= self.MAX_SECONDS:
            self.then()
            return False
        return True


def _save_screenshot(app, target: Path) -> None:
    from kivy.core.window import Window

    target.parent.mkdir(parents=True, exist_ok=True)
    # Draw into the back buffer right before reading it: after a swap its content is
    # undefined, and offscreen drivers then give a black image.
    Window.dispatch("on_draw")
    saved = Window.screenshot(name=str(target.with_suffix("")) + "%(counter)s.png")
    Path(saved).replace(target)
    print(f"saved {target} ({Window.width}x{Window.height})")
    app.stop()


def _report_first_frame(app) -> None:
    if getattr(app, "_first_frame_reported", False):
        return
    app._first_frame_reported = True
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"FIRST_FRAME {time.perf_counter() - _STARTED:.4f} {peak_kib}", flush=True)
    sys.stdout.flush()
    app.stop()
