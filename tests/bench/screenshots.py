"""Render every screen, and every activity type of the sample lesson, into a folder.

Usage: python tests/bench/screenshots.py OUT_DIR [LANG ...]
Each picture is a separate `python -m app --screen ... --screenshot` run, so this also
checks that every screen opens directly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "assets" / "examples"

SIZES = {"phone": "360x640", "desktop": "1920x1080"}
SAMPLE = "every-activity-type"  # assets/examples: one activity of every type
SAMPLE_TYPES = ["story", "chat", "spot", "sort", "quiz", "helping-hand", "say-it", "talk"]
# (file stem, screen, lesson id or None for the first lesson, activity number)
FIRST = "new-online-friend"
SHOTS = [
    ("home", "home", None, 1),
    ("settings", "settings", None, 1),
    ("country", "country", None, 1),
    ("new-learner", "new-learner", None, 1),
    ("bands", "bands", FIRST, 1),
    ("lessons", "lessons", FIRST, 1),
    ("intro", "intro", FIRST, 1),
    ("activity1-chat", "activity", FIRST, 1),
    ("activity2-quiz", "activity", FIRST, 2),
    ("finish", "finish", FIRST, 1),
    ("help", "help", None, 1),
    ("young-helping-hand", "activity", "my-helping-hand", 2),
    ("spot-chat", "activity", "spot-the-red-flags", 1),
    ("young-sort-pictures", "activity", "surprise-or-secret", 2),
    ("young-quiz-pictures", "activity", "surprise-or-secret", 3),
    ("check-intro", "check", FIRST, 0),
    ("check-question", "check", FIRST, 3),
    ("young-check-question", "check", "my-helping-hand", 2),
    ("lesson-plans", "lesson-plans", None, 1),
    ("lesson-plan", "lesson-plan", "sextortion-what-to-do", 1),
    ("results", "results", None, 1),
    *(
        (f"sample{number}-{kind}", "activity", SAMPLE, number)
        for number, kind in enumerate(SAMPLE_TYPES, start=1)
    ),
]


def _command(screen: str, lesson: str | None, activity: int, lang: str, size: str, target: Path):
    command = [sys.executable, "-m", "app", "--screen", screen]
    if lesson == SAMPLE:  # the sample is not in the children's list otherwise
        command += ["--lessons-dir", str(EXAMPLES)]
    command += ["--activity", str(activity), "--lang", lang, "--size", size]
    command += ["--screenshot", str(target)]
    return command + (["--lesson", lesson] if lesson else [])


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/screens")
    languages = sys.argv[2:] or ["en"]
    env = {**os.environ, "SDL_VIDEODRIVER": os.environ.get("SDL_VIDEODRIVER", "offscreen")}
    failures = 0
    for lang in languages:
        for size_name, size in SIZES.items():
            for stem, screen, lesson, activity in SHOTS:
                with tempfile.TemporaryDirectory() as data:
                    target = out / f"{lang}-{size_name}-{stem}.png"
                    result = subprocess.run(
                        _command(screen, lesson, activity, lang, size, target),
                        env={**env, "SAFESTEPS_DATA_DIR": data},
                        capture_output=True,
                        text=True,
                        timeout=60,
                    )
                    if result.returncode != 0 or not target.exists():
                        failures += 1
                        print(f"FAILED {target}\n{result.stderr[-2000:]}", file=sys.stderr)
                    else:
                        print(target)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
