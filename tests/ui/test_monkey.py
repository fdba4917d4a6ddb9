"""The monkey test: a child can never crash the app, and never gets stuck on a screen.

A seeded random "monkey" drives the real app in the offscreen window: taps on controls
and on random points, drags (the sort cards need real ones, some with a key pressed or the
window resized mid-drag), scroll-wheel moves, right clicks, two fingers at once, a finger
held down while a key is pressed, keys mashed faster than a frame, keys (Tab, arrows,
Enter, Space, Escape, letters, digits and emoji typed into text fields), pauses and the
odd window resize, across every screen reachable from home. After every event: any
exception (raised, or caught by Kivy from a scheduled callback), the calm "oops" screen,
a line in the error log, reading the screen aloud failing, or a history that no longer
leads home fails the test. Every 250 events the monkey walks back home with Escape and
the visible Back-style buttons only.

    .venv/bin/python -m pytest tests/ui/test_monkey.py                        # CI, ~1 min
    MONKEY_EVENTS=100000 .venv/bin/python -m pytest tests/ui/test_monkey.py   # long run
    MONKEY_SEED=123 MONKEY_EVENTS=4000 .venv/bin/python -m pytest \
        'tests/ui/test_monkey.py::test_monkey[de]'             # replay what a failure printed

MONKEY_EVENTS is the total over all languages; MONKEY_SEED=random picks a fresh seed
(printed on failure). Time is virtual (each frame is 1/60 s of app time, however fast the
machine), so a seed replays the same run.

Languages: "en", plus "de" and "ar" as pseudo-translations built here (every string
accented and about a third longer, "ar" also right to left): only English ships a
catalog today, so a real "de" would fall back to English and test nothing new.
"""

from __future__ import annotations

import math
import os
import random
import time
import traceback
from collections import Counter, deque

import pytest

from tests.ui.conftest import KEY_ENTER, KEY_SPACE, KEY_TAB

# In total, over all languages: about a minute on a 2-core machine (40-55 events a second:
# most of the time goes into the app rebuilding its pages with new widgets).
DEFAULT_EVENTS = 3_000
EVENTS = int(os.environ.get("MONKEY_EVENTS", DEFAULT_EVENTS))
SEED = os.environ.get("MONKEY_SEED", "20250611")
if SEED == "random":
    SEED = str(random.SystemRandom().randrange(10**9))
LANGUAGES = ("en", "de", "ar")
WALK_HOME_EVERY = 250  # events between checks that the child can get home from here
WALK_HOME_STEPS = 40  # ... within this many key presses and taps
DRAW_EVERY = 25  # really draw a frame this often (drawing in software is slow)
FRAME = 1 / 60  # seconds of app time per frame
PHONE, DESKTOP = (360, 640), (1024, 768)
# A run of 1000 events or more must have got at least this far (it usually sees them all).
DEEP_SCREENS = {"new-learner", "bands", "lessons", "intro", "activity", "help"}
# Pages with nothing deeper behind them: a child moves on from these sooner.
LEAF_SCREENS = {"help", "settings", "privacy", "content-problems", "learners", "delete"}

KEY_ESCAPE, KEY_BACKSPACE, KEY_DELETE = 27, 8, 127
KEY_UP, KEY_DOWN, KEY_RIGHT, KEY_LEFT, KEY_HOME, KEY_END = 273, 274, 275, 276, 278, 279
KEY_SHIFT = 304


# --- pseudo-translations ------------------------------------------------------------------

ACCENTS = str.maketrans(
    "aceinorsuyzACEINORSUYZ",
    "\u00e4\u00e7\u00e9\u00ef\u00f1\u00f6\u0155\u0161\u00fc\u00ff\u017e"
    "\u00c4\u00c7\u00c9\u00cf\u00d1\u00d6\u0154\u0160\u00dc\u0178\u017d",
)


def pseudo(text: str) -> str:
    """Accented and about a third longer; {placeholders} and [markup] stay as they are."""
    out, depth_brace, depth_square = [], 0, 0
    for char in text:
        if char == "{":
            depth_brace += 1
        elif char == "}":
            depth_brace -= 1
        elif char == "[":
            depth_square += 1
        elif char == "]":
            depth_square -= 1
        elif not depth_brace and not depth_square:
            char = char.translate(ACCENTS)
        out.append(char)
    letters = sum(c.isalpha() for c in text)
    longer = "\u0175\u00f6\u0155\u0165" * math.ceil(letters / 12) if letters else ""
    return "".join(out) + (" " + longer if longer else "")


class PseudoCatalog:
    """A gettext catalog that "translates" every message with pseudo()."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return pseudo(singular if n == 1 else plural)

    def pgettext(self, _context: str, message: str) -> str:
        return pseudo(message)


def use_language(language: str) -> None:
    import app.i18n

    app.i18n.set_language(language)
    if language != "en":
        translator = app.i18n.current()
        translator._catalog = PseudoCatalog()
        translator.language = language  # as if its catalog had been found


# --- touches and keys ---------------------------------------------------------------------


def mouse_touch(x: float, y: float, button: str):
    """A mouse pointer rather than a finger: it has a button (left, right, scrollup...)."""
    from kivy.tests.common import UnitTestTouch

    touch = UnitTestTouch(x, y)
    touch.profile = ["pos", "button"]
    touch.button = button
    return touch


class ErrorRecorder:
    """Sees every exception Kivy hands to its ExceptionManager (e.g. from a Clock
    callback), which the app's own handler would otherwise turn into the calm screen."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []

    def handle_exception(self, inst):
        from kivy.base import ExceptionManager

        self.errors.append(inst)
        return ExceptionManager.RAISE


class MonkeyError(AssertionError):
    pass


class Monkey:
    def __init__(self, ui, language: str, seed: str, recorder: ErrorRecorder, clock) -> None:
        from kivy.base import EventLoop
        from kivy.lang import Builder

        self.ui, self.app = ui, ui.app
        self.language, self.seed = language, seed
        self.rng = random.Random(f"{seed}-{language}")
        self.recorder = recorder
        self.clock = clock
        self.loop, self.window, self.builder = EventLoop, EventLoop.window, Builder
        self.log: deque[str] = deque(maxlen=20)
        self.number = 0
        self.frames = 0
        self.screens: Counter[str] = Counter()
        self.activity_types: Counter[str] = Counter()
        self.kinds: Counter[str] = Counter()
        self.seconds: Counter[str] = Counter()  # wall time per kind of event
        self.trapped: dict[str, str] = {}
        self.here = ""  # the screen the monkey is on, and since which event
        self.since = 0
        self.patience = 0
        self.doing = ""  # the event under way, for the report if it fails

    # --- the event loop, one frame at a time ----------------------------------------------

    def frame(self, draw: bool = False) -> None:
        """What EventLoop.idle() does, drawing only when asked (software GL is slow)."""
        from kivy.clock import Clock

        self.clock.advance(FRAME)
        Clock.tick()
        self.loop.dispatch_input()
        self.builder.sync()
        Clock.tick_draw()
        self.builder.sync()
        if draw and self.window.canvas.needs_redraw:
            self.window.dispatch("on_draw")
            self.window.dispatch("on_flip")
        self.frames += 1

    def settle(self, frames: int = 3) -> None:
        for index in range(frames):
            self.frame(draw=index == frames - 1)

    # --- what the monkey can see -----------------------------------------------------------

    @property
    def screen(self) -> str:
        return self.app.manager.current

    def controls(self) -> list:
        return self.app.focus.candidates()

    def in_bar(self, widget) -> bool:
        from app.ui.focus import is_inside

        screen = self.app.manager.current_screen
        return is_inside(widget, screen.top_bar)

    def pick_control(self):
        """A control, the page's own ones more often than Back, Help and the speaker."""
        controls = self.controls()
        if not controls:
            return None
        weights = [0.12 if self.in_bar(w) else 1.0 for w in controls]
        return self.rng.choices(controls, weights)[0]

    def name(self, widget) -> str:
        text = getattr(widget, "text", "")
        return f"{type(widget).__name__} {str(text)[:40]!r}"

    def bring_into_view(self, widget) -> tuple[float, float]:
        """Scroll like a person would until the control shows, and find a point on it."""
        from app.ui.focus import is_inside

        scroll = self.app.manager.current_screen.scroll
        if is_inside(widget, scroll):
            before = scroll.scroll_y
            scroll.scroll_to(widget, padding=10, animate=False)
            if scroll.scroll_y != before:
                self.frame()
        x, y = widget.to_window(widget.x, widget.y)
        w, h = widget.size
        px = x + w * self.rng.uniform(0.15, 0.85)
        py = y + h * self.rng.uniform(0.15, 0.85)
        return self.clamp(px, py)

    def clamp(self, x: float, y: float) -> tuple[float, float]:
        width, height = self.window.size
        return min(max(x, 0.0), width - 1.0), min(max(y, 0.0), height - 1.0)

    def random_point(self) -> tuple[float, float]:
        width, height = self.window.size
        return self.rng.uniform(0, width - 1), self.rng.uniform(0, height - 1)

    # --- events ----------------------------------------------------------------------------

    def tap_control(self) -> str:
        widget = self.pick_control()
        if widget is None:
            return self.tap_point()
        x, y = self.bring_into_view(widget)
        self.tap_at(x, y)
        return f"tap {self.name(widget)} at ({x:.0f}, {y:.0f})"

    def tap_point(self) -> str:
        x, y = self.random_point()
        self.tap_at(x, y)
        return f"tap ({x:.0f}, {y:.0f})"

    def tap_at(self, x: float, y: float, still: bool = False) -> None:
        from kivy.tests.common import UnitTestTouch

        touch = UnitTestTouch(x, y)
        touch.touch_down()
        if not still and self.rng.random() < 0.3:  # a finger is never quite still
            self.frame()
            touch.touch_move(*self.clamp(x + self.rng.uniform(-4, 4), y + self.rng.uniform(-4, 4)))
        touch.touch_up()

    def double_tap(self) -> str:
        widget = self.pick_control()
        x, y = self.bring_into_view(widget) if widget is not None else self.random_point()
        self.tap_at(x, y)
        self.frame()
        self.tap_at(x, y)
        return f"double tap ({x:.0f}, {y:.0f}) {self.name(widget) if widget else ''}"

    def drag(self) -> str:
        from kivy.tests.common import UnitTestTouch

        start, what = self.drag_start()
        end = self.drag_end(start)
        touch = UnitTestTouch(*start)
        touch.touch_down()
        self.frame()
        steps = self.rng.randint(2, 8)
        meanwhile = ""
        interrupt = self.rng.randint(1, steps) if self.rng.random() < 0.15 else None
        for step in range(1, steps + 1):
            touch.touch_move(*self.clamp(*lerp(start, end, step / steps)))
            if step == interrupt:  # while the finger is still down
                meanwhile = (
                    " meanwhile " + self.rng.choice([self.key, self.resize, self.tap_point])()
                )
            self.frame()
        touch.touch_up()
        where = f"({start[0]:.0f}, {start[1]:.0f}) -> ({end[0]:.0f}, {end[1]:.0f})"
        return f"drag {what} {where}{meanwhile}"

    def mash(self) -> str:
        """The same key or spot again and again, faster than the app draws a frame."""
        times = self.rng.randint(2, 6)
        if self.rng.random() < 0.5:
            key = self.rng.choice([KEY_ENTER, KEY_SPACE, KEY_ESCAPE, KEY_TAB])
            for _ in range(times):
                self.press(key)
            return f"key {key} x{times} at once"
        widget = self.pick_control()
        x, y = self.bring_into_view(widget) if widget is not None else self.random_point()
        for _ in range(times):
            self.tap_at(x, y, still=True)
        return f"tap ({x:.0f}, {y:.0f}) x{times} at once {self.name(widget) if widget else ''}"

    def sort_view(self):
        from app.activities.sort.view import SortView

        view = getattr(self.app.manager.current_screen, "view", None)
        return view if isinstance(view, SortView) and view.get_root_window() else None

    def drag_start(self) -> tuple[tuple[float, float], str]:
        sort = self.sort_view()
        if sort is not None and sort.face is not None and self.rng.random() < 0.7:
            return self.bring_into_view(sort.face), "sort card"
        if self.rng.random() < 0.5:
            widget = self.pick_control()
            if widget is not None:
                return self.bring_into_view(widget), self.name(widget)
        return self.random_point(), "from a point"

    def drag_end(self, start: tuple[float, float]) -> tuple[float, float]:
        sort = self.sort_view()
        roll = self.rng.random()
        if sort is not None and sort.bins and roll < 0.5:
            target = self.rng.choice(sort.bins)
            x, y = target.to_window(*target.center)
            return self.clamp(x, y)
        if roll < 0.75:  # a swipe up or down the page
            return self.clamp(
                start[0] + self.rng.uniform(-20, 20), start[1] + self.rng.uniform(-400, 400)
            )
        return self.random_point()

    def wheel(self) -> str:
        x, y = self.random_point()
        button = self.rng.choice(["scrollup", "scrolldown", "scrollleft", "scrollright"])
        touch = mouse_touch(x, y, button)
        touch.touch_down()
        touch.touch_up()
        return f"mouse wheel {button} at ({x:.0f}, {y:.0f})"

    def other_click(self) -> str:
        widget = self.pick_control()
        x, y = self.bring_into_view(widget) if widget is not None else self.random_point()
        button = self.rng.choice(["right", "middle", "left"])
        touch = mouse_touch(x, y, button)
        touch.touch_down()
        touch.touch_up()
        return f"{button} click ({x:.0f}, {y:.0f}) {self.name(widget) if widget else ''}"

    def two_fingers(self) -> str:
        from kivy.tests.common import UnitTestTouch

        first = self.pick_control()
        a = self.bring_into_view(first) if first is not None else self.random_point()
        b = self.random_point()
        one, two = UnitTestTouch(*a), UnitTestTouch(*b)
        one.touch_down()
        two.touch_down()
        self.frame()
        two.touch_move(*self.clamp(b[0] + 30, b[1] - 30))
        ends = [one, two]
        self.rng.shuffle(ends)
        for touch in ends:
            touch.touch_up()
            self.frame()
        return f"two fingers ({a[0]:.0f}, {a[1]:.0f}) and ({b[0]:.0f}, {b[1]:.0f})"

    def hold_and_key(self) -> str:
        """A finger (or mouse button) held down on a control while a key is pressed."""
        from kivy.tests.common import UnitTestTouch

        widget = self.pick_control()
        x, y = self.bring_into_view(widget) if widget is not None else self.random_point()
        touch = UnitTestTouch(x, y)
        touch.touch_down()
        self.frame()
        key = self.rng.choice([KEY_ESCAPE, KEY_ENTER, KEY_SPACE, KEY_TAB])
        self.press(key)
        self.frame()
        touch.touch_up()
        return f"hold ({x:.0f}, {y:.0f}) {self.name(widget) if widget else ''} + key {key}"

    KEYS = (
        [(KEY_TAB, [])] * 25
        + [(KEY_TAB, ["shift"])] * 10
        + [(k, []) for k in (KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT)] * 5
        + [(KEY_ENTER, [])] * 15
        + [(KEY_SPACE, [])] * 10
        + [(KEY_ESCAPE, [])] * 4
        + [(KEY_BACKSPACE, []), (KEY_DELETE, []), (KEY_HOME, []), (KEY_END, [])]
        + [(KEY_SHIFT, ["shift"])]
        + [(ord(c), ["ctrl"]) for c in "acvxz"]
    )
    CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 .!?'\u00e9\u00fc\u00df\U0001f600"

    def key(self) -> str:
        if self.rng.random() < 0.25:
            text = "".join(self.rng.choices(self.CHARACTERS, k=self.rng.randint(1, 12)))
            for char in text:
                if ord(char) < 128:
                    self.press(ord(char), text=char)
                else:  # typed through an input method: text without a key
                    self.window.dispatch("on_textinput", char)
            return f"type {text!r}"
        key, modifiers = self.rng.choice(self.KEYS)
        self.press(key, modifiers)
        return f"key {key}{'+' + '+'.join(modifiers) if modifiers else ''}"

    def press(self, key: int, modifiers: list[str] | None = None, text: str | None = None):
        """Like SDL: key down, then (unless a text field took it) on_keyboard, then the
        typed text, then key up."""
        modifiers = modifiers or []
        window = self.window
        codepoint = text if text is not None else (chr(key) if key < 256 else "")
        if not window.dispatch("on_key_down", key, 0, codepoint, modifiers):
            window.dispatch("on_keyboard", key, 0, codepoint, modifiers)
        if text is not None and not modifiers:
            window.dispatch("on_textinput", text)
        window.dispatch("on_key_up", key, 0)

    def pause(self) -> str:
        """The child stops to read: animations, typing dots and chat messages catch up."""
        seconds = self.rng.choice([0.3, 1.0, 2.5])
        for _ in range(int(seconds / FRAME)):
            self.frame()
        return f"wait {seconds} s"

    def resize(self) -> str:
        size = self.rng.choice(
            [PHONE, PHONE, DESKTOP, (640, 360), (1280, 800), (320, 480), (200, 160)]
        )
        self.window.size = size
        return f"resize to {size[0]}x{size[1]}"

    EVENTS = {
        "tap_control": 38,
        "tap_point": 10,
        "double_tap": 2,
        "drag": 12,
        "wheel": 4,
        "other_click": 2,
        "two_fingers": 2,
        "hold_and_key": 1,
        "key": 26,
        "mash": 2,
        "pause": 2,
        "resize": 1,
    }

    # --- the run ---------------------------------------------------------------------------

    def run(self, count: int) -> None:
        kinds, weights = list(self.EVENTS), list(self.EVENTS.values())
        self.note_screen()
        for self.number in range(1, count + 1):
            kind = self.rng.choices(kinds, weights)[0]
            if self.number - self.since > self.patience:
                kind = "leave"  # bored here: go back, as a child would
            self.kinds[kind] += 1
            where, started = self.screen, time.perf_counter()
            self.doing = f"#{self.number} on {where}: {kind}"
            try:
                what = getattr(self, kind)()
                self.log.append(f"#{self.number} on {where}: {what}")
                self.doing = ""
                self.frame(draw=self.number % DRAW_EVERY == 0)
            except MonkeyError:
                raise
            except Exception as error:
                self.fail("an exception", error)
            self.check()
            self.seconds[kind] += time.perf_counter() - started
            if self.number % WALK_HOME_EVERY == 0 or self.number == count:
                started = time.perf_counter()
                self.walk_home()
                self.seconds["walk home"] += time.perf_counter() - started

    def new_patience(self) -> int:
        """How many events the monkey stays on this screen before it goes back."""
        return self.rng.randint(2, 12) if self.screen in LEAF_SCREENS else self.rng.randint(5, 40)

    def leave(self) -> str:
        """Escape, or a Back-style button (Back, Take a break, Back to lessons...)."""
        self.since, self.patience = self.number, self.new_patience()
        ways = self.ways_out()
        if ways and self.rng.random() < 0.6:
            widget = self.rng.choice(ways)
            x, y = self.bring_into_view(widget)
            self.tap_at(x, y)
            return f"leave: tap {self.name(widget)} at ({x:.0f}, {y:.0f})"
        self.press(KEY_ESCAPE)
        return "leave: Escape"

    def note_screen(self) -> None:
        screen = self.screen
        if screen != self.here:
            self.here, self.since, self.patience = screen, self.number, self.new_patience()
        self.screens[screen] += 1
        session = self.app.session
        if screen == "activity" and session is not None and not session.finished:
            self.activity_types[session.activity.type] += 1
        # Every way back (Escape, Back, Take a break...) follows the history, so it must
        # always lead back to home.
        history = self.app.history
        if screen != "home" and (not history or history[0] != "home"):
            self.trapped.setdefault(screen, f"history {history}")

    def check(self) -> None:
        screen = self.app.manager.current_screen
        try:
            screen.narration()  # the speaker button can be pressed at any moment
        except Exception as error:
            self.fail("an exception reading the screen aloud", error)
        if self.recorder.errors:
            self.fail("an exception in a scheduled callback", self.recorder.errors[0])
        if self.screen == "oops":
            self.fail('the "something went wrong" screen')
        if self.app.error_log_path.exists():
            log = self.app.error_log_path.read_text("utf-8", errors="replace")
            self.fail("a line in the error log:\n" + log[-3000:])
        self.note_screen()
        if self.trapped:
            self.fail(f"a screen with no way out: {self.trapped}")

    # --- no screen the child cannot leave ---------------------------------------------------

    def ways_out(self) -> list:
        from app.i18n import _

        labels = {
            _("Back"),
            _("Back to where I was"),
            _("Back to lessons"),
            _("Back to the start"),
            _("Take a break"),
            _("Keep everything"),
        }
        return [w for w in self.controls() if getattr(w, "text", None) in labels]

    def walk_home(self) -> None:
        """Escape, or a visible Back-style button, must lead home in a few steps."""
        path = [self.screen]
        for _step in range(WALK_HOME_STEPS):
            if self.screen == "home":
                self.settle()
                return
            before = (self.screen, len(self.app.history))
            self.press(KEY_ESCAPE)
            self.settle()
            if (self.screen, len(self.app.history)) == before:
                self.press(KEY_ESCAPE)  # the first Escape may only have left a text field
                self.settle()
            if (self.screen, len(self.app.history)) == before:
                ways = self.ways_out()
                if not ways:
                    self.fail(f"no way out of {self.screen} (Escape does nothing, no Back)")
                widget = ways[0]
                self.log.append(f"walk home: tap {self.name(widget)}")
                self.tap_at(*self.bring_into_view(widget), still=True)
                self.settle()
            else:
                self.log.append("walk home: Escape")
            path.append(self.screen)
            self.check()
        self.fail(f"could not get home in {WALK_HOME_STEPS} steps: {' -> '.join(path)}")

    # --- reporting ---------------------------------------------------------------------------

    def fail(self, what: str, error: BaseException | None = None) -> None:
        lines = [
            f"The monkey found {what}.",
            f"language {self.language}, seed {self.seed}, event {self.number}, "
            f"screen {self.screen}, history {self.app.history}",
            f"replay: MONKEY_SEED={self.seed} MONKEY_EVENTS={EVENTS} .venv/bin/python -m "
            f"pytest 'tests/ui/test_monkey.py::test_monkey[{self.language}]'",
            "last events:",
            *("  " + line for line in self.log),
            *([f"  {self.doing} (under way)"] if self.doing else []),
        ]
        if error is not None:
            lines += ["", *traceback.format_exception(error)]
        raise MonkeyError("\n".join(lines)) from error

    def summary(self, seconds: float) -> str:
        rate = self.number / seconds if seconds else 0
        return (
            f"monkey {self.language}: {self.number} events, {self.frames} frames in "
            f"{seconds:.1f} s ({rate:.0f} events/s), seed {self.seed}\n"
            f"  screens: {dict(self.screens.most_common())}\n"
            f"  activity types: {dict(self.activity_types.most_common())}\n"
            f"  events: {dict(self.kinds.most_common())}\n"
            f"  seconds: { {k: round(v, 1) for k, v in self.seconds.most_common()} }"
        )


def lerp(a: tuple[float, float], b: tuple[float, float], t: float) -> tuple[float, float]:
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


class VirtualTime:
    """Kivy's clock reads this instead of the wall clock: one frame, 1/60 s, per step."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


# Where Kivy and the app read the wall clock instead of Kivy's Clock: kinetic scrolling,
# the time a button stays down, touch times, double and triple taps, focus after typing.
WALL_CLOCK_READERS = [
    ("kivy.effects.kinetic", "time", None),
    ("kivy.effects.scroll", "time", None),
    ("kivy.uix.behaviors.button", "time", None),
    ("kivy.input.motionevent", "time", None),
    ("kivy.input.postproc.doubletap", "time", None),
    ("kivy.input.postproc.tripletap", "time", None),
    ("kivy.input.postproc.retaintouch", "time", "time"),
    ("app.ui.focus", "time", "monotonic"),
]


@pytest.fixture
def monkey_app(ui, monkeypatch):
    """The `ui` app, with virtual time, animations on, and every exception recorded."""
    import importlib
    from types import SimpleNamespace

    from kivy.base import ExceptionManager
    from kivy.clock import Clock
    from kivy.core.window import Window

    clock = VirtualTime(Clock.time())
    saved_fps = Clock._max_fps
    Clock._max_fps = 0  # no sleeping between frames
    Clock.time = clock
    for module, name, function in WALL_CLOCK_READERS:
        replacement = clock if function is None else SimpleNamespace(**{function: clock})
        monkeypatch.setattr(importlib.import_module(module), name, replacement)
    recorder = ErrorRecorder()
    ExceptionManager.add_handler(recorder)
    ui.app.still_frames = False  # animations run, as they do for a child
    try:
        yield ui, recorder, clock
    finally:
        ExceptionManager.remove_handler(recorder)
        ExceptionManager.remove_handler(ui.app.errors)
        del Clock.time
        # Virtual time ran ahead of the wall clock: move what is still scheduled (and the
        # last tick) back by as much, so nothing waits minutes for real time to catch up.
        behind = Clock.time() - clock.now
        for event in Clock.get_events():
            event._last_dt += behind
        Clock._last_tick += behind
        Clock._max_fps = saved_fps
        Window.size = PHONE
        use_language("en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_monkey(monkey_app, language):
    ui, recorder, clock = monkey_app
    use_language(language)
    ui.app.go_home()
    monkey = Monkey(ui, language, SEED, recorder, clock)
    monkey.settle()
    count = max(1, EVENTS // len(LANGUAGES))
    started = time.perf_counter()
    monkey.run(count)
    print(monkey.summary(time.perf_counter() - started))
    # The monkey must have got deep into the app, or it proves little.
    if count >= 1000:
        assert set(monkey.screens) >= DEEP_SCREENS, monkey.summary(0)


# --- what the monkey found ------------------------------------------------------------------


def escape_home(ui, limit: int = 10) -> list[str]:
    """Press Escape until home; the screens passed on the way."""
    path = [ui.screen]
    for _ in range(limit):
        if ui.screen == "home":
            return path
        ui.press_key(KEY_ESCAPE)
        path.append(ui.screen)
    raise AssertionError(f"Escape never led home: {' -> '.join(path)}")


def test_two_fingers_on_back_to_lessons_go_back_only_once(ui):
    # Both fingers released "Back to lessons": the second release went "back to lessons"
    # again from the lessons screen, emptying the history: Back and Escape did nothing.
    from kivy.tests.common import UnitTestTouch

    ui.open_activity("test-story", 1)
    ui.tap("Skip this")
    assert ui.screen == "finish"
    button = ui.button("Back to lessons")
    x, y = button.to_window(*button.center)
    one, two = UnitTestTouch(x - 10, y), UnitTestTouch(x + 10, y)
    one.touch_down()
    two.touch_down()
    one.touch_up()
    ui.pump(1)
    two.touch_up()
    ui.pump()
    assert ui.screen == "lessons"
    assert escape_home(ui)[-1] == "home"


def test_a_finger_held_on_take_a_break_while_enter_presses_it(ui):
    from kivy.tests.common import UnitTestTouch

    ui.open_activity("test-story", 1)
    ui.tab_to("Take a break")
    button = ui.focused
    finger = UnitTestTouch(*button.to_window(*button.center))
    finger.touch_down()
    ui.press_key(KEY_ENTER)
    assert ui.screen == "lessons"
    finger.touch_up()
    ui.pump()
    assert ui.screen == "lessons"
    assert escape_home(ui) == ["lessons", "bands", "home"]


def test_escape_from_the_finish_screen_goes_to_the_lessons_not_the_finished_lesson(ui):
    # Escape on the finish screen went back to the last activity, whose lesson was over:
    # reading it aloud crashed, and its buttons acted on a finished lesson.
    ui.app.set_read_aloud_mode("always")
    ui.open_activity("test-story", 1)
    ui.tap("Skip this")
    assert ui.screen == "finish"
    ui.press_key(KEY_ESCAPE)
    assert ui.screen == "lessons"
    assert "Done" in ui.card_texts("Amira's funny feeling"), "with the new badge and stars"
    assert escape_home(ui) == ["lessons", "bands", "home"]
