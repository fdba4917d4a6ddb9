"""Render every screen of the first lesson at phone and desktop size into a folder.

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

SIZES = {"phone": "360x640", "desktop": "1920x1080"}
# (file stem, screen, activity number)
SHOTS = [
    ("home", "home", 1),
    ("bands", "bands", 1),
    ("lessons", "lessons", 1),
    ("intro", "intro", 1),
    ("activity1-chat", "activity", 1),
    ("activity2-quiz", "activity", 2),
    ("finish", "finish", 1),
    ("help", "help", 1),
]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/screens")
    languages = sys.argv[2:] or ["en"]
    env = {**os.environ, "SDL_VIDEODRIVER": os.environ.get("SDL_VIDEODRIVER", "offscreen")}
    failures = 0
    for lang in languages:
        for size_name, size in SIZES.items():
            for stem, screen, activity in SHOTS:
                with tempfile.TemporaryDirectory() as data:
                    target = out / f"{lang}-{size_name}-{stem}.png"
                    command = [
                        sys.executable,
                        "-m",
                        "app",
                        "--screen",
                        screen,
                        "--activity",
                        str(activity),
                        "--lang",
                        lang,
                        "--size",
                        size,
                        "--screenshot",
                        str(target),
                    ]
                    result = subprocess.run(
                        command,
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
