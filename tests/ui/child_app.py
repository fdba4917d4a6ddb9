"""The real app in a child process, for tests that need Kivy's own event loop or a real kill.

python tests/ui/child_app.py crash DATA_DIR   an error inside the running loop
python tests/ui/child_app.py lesson DATA_DIR  finish activities, then keep running
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "offscreen")
os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")
os.environ.setdefault("KIVY_NO_FILELOG", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.ui.launch import configure_kivy  # noqa: E402

SAMPLE = "every-activity-type"
FINISHED_BEFORE_KILL = 3


def main(mode: str, data: Path) -> None:
    configure_kivy((360, 640))
    from kivy.clock import Clock

    from app.paths import EXAMPLES, LESSONS
    from app.ui.app import SafeStepsApp

    app = SafeStepsApp(language="en", data_dir=data, lesson_dirs=[LESSONS, EXAMPLES], speech=None)
    if mode == "crash":
        Clock.schedule_once(lambda *_: app.show("bands"), 0.2)
        Clock.schedule_once(_boom, 0.4)
        Clock.schedule_once(lambda *_: _report(app), 1.5)
    else:
        Clock.schedule_once(lambda *_: _play_some(app), 0.3)
    app.run()


def _boom(*_args) -> None:
    raise RuntimeError("boom inside the event loop")


def _report(app) -> None:
    texts = [w.text for w in app.manager.current_screen.walk() if getattr(w, "text", "")]
    print("SCREEN", app.manager.current, flush=True)
    print("TEXTS", " | ".join(str(t) for t in texts), flush=True)
    app.stop()


def _play_some(app) -> None:
    """Finish activities through the activity screen, as a child would, then wait."""
    from app.activities import ACTIVITY_TYPES
    from app.ui.launch import open_direct

    open_direct(app, "activity", SAMPLE, 1)
    screen = app.manager.current_screen
    for number in range(1, FINISHED_BEFORE_KILL + 1):
        session = app.session
        ACTIVITY_TYPES[session.activity.type].finish_well(session.run)
        screen._done()
        screen._next()
        print("DONE", number, flush=True)
    print("PLAYING", app.session.activity.id, flush=True)  # mid-lesson from here on


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
