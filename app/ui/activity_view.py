"""The base every activity type's view builds on: one place for what all views share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kivy.app import App
from kivy.clock import Clock
from kivy.uix.label import Label
from kivy.uix.scrollview import ScrollView

from app.ui.widgets import Column


class ActivityView(Column):
    """A view of one ActivityRun inside the activity screen's scrolling column.

    Subclasses implement `render()` (clear and rebuild from `self.run`) and call
    `self.changed()` at its end, so the screen scrolls, narrates and resets keyboard
    focus the same way for every type. Call `self.on_done()` when the run is finished.
    """

    def __init__(self, run: Any, on_done: Callable[[], None], scroll: ScrollView, **kwargs):
        super().__init__(**kwargs)
        self.run = run
        self.on_done = on_done
        self.scroll = scroll
        self.app = App.get_running_app()
        self.render()

    def render(self) -> None:
        raise NotImplementedError

    def changed(self, scroll_to_top: bool = True) -> None:
        """The content was rebuilt: scroll to its top and let the app narrate it."""
        if scroll_to_top:
            Clock.schedule_once(lambda *_: setattr(self.scroll, "scroll_y", 1), 0)
        notify = getattr(self.app, "content_changed", None)
        if notify is not None:
            notify()

    def narration(self) -> str:
        """What "read aloud" says for this view: by default every label, top to bottom.

        Override to read less (e.g. only the newest chat messages) or to describe a picture.
        """
        texts = [w.text for w in self.walk(restrict=True) if isinstance(w, Label) and w.text]
        return "\n".join(texts)
