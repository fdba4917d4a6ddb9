"""The real app in its own process: errors in the running loop, and a SIGKILL mid-lesson."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.store.progress import ProgressStore

CHILD = Path(__file__).with_name("child_app.py")


def start(mode: str, data: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(CHILD), mode, str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_an_error_in_the_running_app_shows_the_calm_screen(tmp_path: Path):
    child = start("crash", tmp_path)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err[-2000:]
    assert "SCREEN oops" in out, out + err[-2000:]
    assert "Something went wrong" in out and "Traceback" not in out
    log = (tmp_path / "logs" / "errors.log").read_text("utf-8")
    assert "RuntimeError: boom inside the event loop" in log


def test_killing_the_app_mid_lesson_keeps_every_finished_activity(tmp_path: Path):
    child = start("lesson", tmp_path)
    lines = []
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            assert line, "the app stopped early:\n" + child.stderr.read()[-2000:]
            lines.append(line.strip())
            if line.startswith("PLAYING"):
                break
        os.kill(child.pid, signal.SIGKILL)  # no clean shutdown, no chance to save
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert lines[-1].startswith("PLAYING"), lines
    assert child.returncode == -signal.SIGKILL
    store = ProgressStore(tmp_path)
    assert store.notice is None, "the file is intact after a kill"
    kept = store.activity_stars("every-activity-type")
    assert set(kept) == {"amiras-game", "reply-to-skyfox", "game-chat"}, kept
    assert all(stars == 3 for stars in kept.values())
