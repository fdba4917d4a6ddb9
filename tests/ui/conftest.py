"""Drive the real SafeSteps app in an offscreen Kivy window with simulated touches."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "offscreen")
os.environ.setdefault("KIVY_NO_ARGS", "1")
os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")
os.environ.setdefault("KIVY_NO_FILELOG", "1")

import pytest  # noqa: E402

from app.ui.launch import configure_kivy  # noqa: E402

configure_kivy((360, 640))


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

    def button(self, text: str):
        from app.ui.widgets import AppButton

        found = [w for w in self._widgets() if isinstance(w, AppButton) and w.text == text]
        assert found, f"no button {text!r} on {self.screen}; buttons: " + ", ".join(
            repr(w.text) for w in self._widgets() if isinstance(w, AppButton)
        )
        assert len(found) == 1, f"{len(found)} buttons say {text!r}"
        return found[0]

    def tap(self, text: str) -> None:
        """Scroll the button into view like a person would, then touch its centre."""
        from kivy.tests.common import UnitTestTouch

        widget = self.button(text)
        scroll = self.app.manager.current_screen.scroll
        if scroll in list(widget.walk_reverse()):
            scroll.scroll_to(widget, padding=10, animate=False)
            self.pump()
        x, y = widget.to_window(*widget.center)
        window = self.loop.window
        assert 0 <= x <= window.width and 0 <= y <= window.height, f"{text!r} is off screen"
        touch = UnitTestTouch(x, y)
        touch.touch_down()
        touch.touch_up()
        self.pump()

    def press_key(self, key: int) -> None:
        window = self.loop.window
        window.dispatch("on_key_down", key, 0, "", [])
        window.dispatch("on_keyboard", key, 0, "", [])
        window.dispatch("on_key_up", key, 0)
        self.pump()

    def snapshot(self, name: str) -> None:
        """Save what is on screen for people to look at, when SAFESTEPS_SHOTS names a folder."""
        folder = os.environ.get("SAFESTEPS_SHOTS")
        if not folder:
            return
        from pathlib import Path

        window = self.loop.window
        window.dispatch("on_draw")
        saved = window.screenshot(name=str(Path(folder) / name) + "%(counter)s.png")
        Path(saved).replace(Path(folder) / f"{name}.png")


@pytest.fixture
def ui(tmp_path):
    from kivy.base import EventLoop
    from kivy.core.window import Window

    from app.ui.app import SafeStepsApp

    EventLoop.ensure_window()
    Window.size = (360, 640)
    app = SafeStepsApp(data_dir=tmp_path)
    app._run_prepare()
    driver = Driver(app)
    driver.pump()
    yield driver
    Window.remove_widget(app.root)
    app.store.close()
