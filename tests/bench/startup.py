"""`make bench`: startup to first frame and peak memory against a bare Kivy window,
plus content loading at scale. Not a test: it prints figures for the closing notes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = 7
LESSON = ROOT / "assets" / "lessons" / "8-10" / "new-online-friend.yaml"
SAMPLE = ROOT / "assets" / "examples" / "every-activity-type.yaml"


def first_frame(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time from process start to the first drawn frame, and peak RSS in MiB."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        if line.startswith("FIRST_FRAME"):
            elapsed = time.perf_counter() - started
            peak_mib = int(line.split()[2]) / 1024
            process.wait(timeout=30)
            return elapsed, peak_mib
    raise RuntimeError(f"{command} exited without drawing a frame")


def startup() -> None:
    with tempfile.TemporaryDirectory() as data:
        env = {
            **os.environ,
            "SAFESTEPS_DATA_DIR": data,
            "SDL_VIDEODRIVER": os.environ.get("SDL_VIDEODRIVER", "offscreen"),
            "KIVY_NO_CONSOLELOG": "1",
        }
        commands = {
            "bare Kivy window + label": [sys.executable, "tests/bench/bare_kivy.py"],
            "SafeSteps home screen": [
                sys.executable,
                "-m",
                "app",
                "--size",
                "1024x768",
                "--exit-after-first-frame",
            ],
        }
        results = {}
        for _ in range(RUNS):  # interleave so machine noise hits both alike
            for name, command in commands.items():
                results.setdefault(name, []).append(first_frame(command, env))
    print(f"Startup to first frame (median of {RUNS}, offscreen SDL):")
    medians = {}
    for name, runs in results.items():
        times = [t for t, _ in runs]
        medians[name] = statistics.median(times)
        print(
            f"  {name:28s} {medians[name] * 1000:7.0f} ms "
            f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}); "
            f"peak RSS {statistics.median(m for _, m in runs):.0f} MiB"
        )
    bare, ours = medians.values()
    print(f"  SafeSteps adds {(ours - bare) * 1000:.0f} ms to a bare Kivy window")


def content_at_scale(lesson: Path, old_id: str, copies: int = 200) -> None:
    sys.path.insert(0, str(ROOT))
    from app.core.loader import load_library

    text = lesson.read_text()
    with tempfile.TemporaryDirectory() as folder:
        for index in range(copies):
            Path(folder, f"l{index}.yaml").write_text(
                text.replace(f"id: {old_id}", f"id: lesson-{index}", 1)
            )
        started = time.perf_counter()
        library = load_library([Path(folder)])
        elapsed = time.perf_counter() - started
    assert len(library.lessons) == copies and not library.problems
    print(
        f"Content loading: {copies} x {lesson.name} ({lesson.stat().st_size / 1024:.0f} KiB) "
        f"validated and built in {elapsed * 1000:.0f} ms "
        f"({elapsed / copies * 1000:.1f} ms per lesson)"
    )


if __name__ == "__main__":
    startup()
    content_at_scale(LESSON, "new-online-friend")
    content_at_scale(SAMPLE, "every-activity-type")  # all eight activity types
