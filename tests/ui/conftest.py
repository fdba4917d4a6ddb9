"""Drive the real SafeSteps app in an offscreen Kivy window with simulated touches."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("SDL_VIDEODRIVER", "offscreen")
os.environ.setdefault("KIVY_NO_ARGS", "1")
os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")
os.environ.setdefault("KIVY_NO_FILELOG", "1")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.ui.launch import configure_kivy  # noqa: E402

configure_kivy((360, 640))  # before anything imports kivy.core.window

from app.ui.focus import is_inside  # noqa: E402

KEY_TAB, KEY_ENTER, KEY_SPACE, KEY_DOWN, KEY_UP = 9, 13, 32, 274, 273
TEST_LESSONS = Path(__file__).with_name("lessons")  # one small lesson per activity type


class FakeSpeech:
    """Stands in for espeak-ng: remembers what would have been read aloud."""

    def __init__(self) -> None:
        self.spoken: list[tuple[str, str]] = []

    def can_speak(self, language: str) -> bool:
        return True

    def speak(self, text: str, language: str) -> None:
        self.spoken.append((text, language))

    def stop(self) -> None:
        pass


class Driver:
    """What a tester's hands and eyes do: read the screen, scroll to a button, tap it."""

    def __init__(self, app) -> None:
        from kivy.base import EventLoop

        self.app = app
        self.loop = EventLoop

    def pump(self, frames: int = 3) -> None:
        for _ in range(frames):
            self.loop.idle()

    @property
    def screen(self) -> str:
        return self.app.manager.current

    def _widgets(self):
        return list(self.app.manager.current_screen.walk(restrict=True))

    def texts(self) -> list[str]:
        """Every piece of text on the current screen (scrolled into view or not)."""
        from kivy.uix.label import Label

        return [w.text for w in self._widgets() if isinstance(w, Label) and w.text]

    def sees(self, text: str) -> bool:
        return any(text in t for t in self.texts())

    def card_texts(self, showing: str) -> list[str]:
        """Every text in the card that shows `showing` (e.g. one lesson in a list)."""
        from kivy.uix.label import Label

        from app.ui.widgets import Card

        cards = [
            w
            for w in self._widgets()
            if isinstance(w, Card)
            and any(isinstance(x, Label) and showing in x.text for x in w.walk(restrict=True))
        ]
        assert cards, f"no card shows {showing!r}"
        return [x.text for x in cards[-1].walk(restrict=True) if isinstance(x, Label) and x.text]

    def button(self, text: str, near: str | None = None):
        """The one control showing `text` (any button, bin or tile a child can press);
        `near` picks the one in the card that also shows that text."""
        found = [
            w
            for w in self._widgets()
            if getattr(w, "keyboard_focusable", False) and getattr(w, "text", None) == text
        ]
        if near is not None:
            found = [w for w in found if self._card_text_of(w, near)]
        assert found, f"no button {text!r} on {self.screen}; buttons: " + ", ".join(
            repr(w.text) for w in self._widgets() if getattr(w, "keyboard_focusable", False)
        )
        assert len(found) == 1, f"{len(found)} buttons say {text!r}"
        return found[0]

    @staticmethod
    def _card_text_of(widget, text: str) -> bool:
        from kivy.uix.label import Label

        from app.ui.widgets import Card

        card = widget.parent
        while card is not None and not isinstance(card, Card):
            card = card.parent
        return card is not None and any(
            isinstance(w, Label) and text in w.text for w in card.walk(restrict=True)
        )

    def tap(self, text: str, near: str | None = None) -> None:
        """Scroll the button into view like a person would, then touch its centre."""
        self.touch_widget(self.button(text, near))

    def touch_widget(self, widget) -> None:
        from kivy.tests.common import UnitTestTouch

        text = getattr(widget, "text", widget)
        scroll = self.app.manager.current_screen.scroll
        if is_inside(widget, scroll):
            scroll.scroll_to(widget, padding=10, animate=False)
            self.pump()
        x, y = widget.to_window(*widget.center)
        window = self.loop.window
        assert 0 <= x <= window.width and 0 <= y <= window.height, f"{text!r} is off screen"
        touch = UnitTestTouch(x, y)
        touch.touch_down()
        touch.touch_up()
        self.pump()

    def tap_speaker(self) -> None:
        from app.ui.widgets import SpeakerButton

        speaker = next(w for w in self._widgets() if isinstance(w, SpeakerButton))
        self.touch_widget(speaker)

    def press_key(self, key: int, modifiers: list[str] | None = None) -> None:
        window = self.loop.window
        window.dispatch("on_key_down", key, 0, "", modifiers or [])
        window.dispatch("on_keyboard", key, 0, "", modifiers or [])
        window.dispatch("on_key_up", key, 0)
        self.pump()

    # --- keyboard only --------------------------------------------------------------

    @property
    def focused(self):
        return self.app.focus.widget

    def focused_text(self) -> str | None:
        widget = self.focused
        return None if widget is None else getattr(widget, "text", None)

    def tab_to(self, text: str, limit: int = 60) -> None:
        """Press Tab until the control showing `text` has the focus ring."""
        for _ in range(limit):
            if self.focused_text() == text and self.focused.get_root_window() is not None:
                return
            self.press_key(KEY_TAB)
        raise AssertionError(f"Tab never reached {text!r}; last focus {self.focused_text()!r}")

    def key_choose(self, text: str, key: int = None) -> None:
        """Tab to a control and press it with Enter (or `key`, e.g. Space)."""
        self.tab_to(text)
        self.press_key(KEY_ENTER if key is None else key)

    # --- opening screens directly ---------------------------------------------------

    def open_activity(self, lesson_id: str, number: int = 1) -> None:
        """Open activity `number` (from 1) of a lesson, as if the child tapped there."""
        from app.ui.launch import open_direct

        open_direct(self.app, "activity", lesson_id, number)
        self.pump()

    def snapshot(self, name: str) -> None:
        """Save what is on screen for people to look at, when SAFESTEPS_SHOTS names a folder."""
        folder = os.environ.get("SAFESTEPS_SHOTS")
        if not folder:
            return
        window = self.loop.window
        window.dispatch("on_draw")
        saved = window.screenshot(name=str(Path(folder) / name) + "%(counter)s.png")
        Path(saved).replace(Path(folder) / f"{name}.png")


@pytest.fixture
def ui(tmp_path):
    from kivy.base import EventLoop
    from kivy.core.window import Window

    from app.paths import EXAMPLES, LESSONS
    from app.ui.app import SafeStepsApp

    EventLoop.ensure_window()
    Window.size = (360, 640)
    app = SafeStepsApp(
        language="en",
        data_dir=tmp_path,
        lesson_dirs=[LESSONS, EXAMPLES, TEST_LESSONS],
        speech=FakeSpeech(),
    )
    app.still_frames = True  # snapshots show finished animations; one test turns this off
    app._run_prepare()
    driver = Driver(app)
    driver.pump()
    yield driver
    Window.remove_widget(app.root)
    # on_stop closes the store and also lets kv's `app` proxy forget this app; without it
    # every later test's kv rules would still read the first app (its scale, text size).
    app.dispatch("on_stop")
    from kivy.lang import Builder

    Builder.unload_file(
        str(Path(sys.modules[type(app).__module__].__file__).with_name("safesteps.kv"))
    )
