"""`python -m app` starts SafeSteps; `check` and `play` are tools for content authors."""

from __future__ import annotations

import argparse
import sys

AUTHOR_COMMANDS = (
    "check",
    "play",
    "reading-level",
    "curriculum-map",
    "i18n-status",
    "i18n-update",
    "i18n-compile",
)


def _author_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate lesson files and list every problem")
    check.add_argument("paths", nargs="*", help="files or folders (default: assets/lessons)")
    level = sub.add_parser(
        "reading-level", help="the reading level of each lesson and check, hardest lines first"
    )
    level.add_argument("paths", nargs="*", help="files or folders (default: all content)")
    sub.add_parser(
        "curriculum-map", help="write docs/curriculum-map.md and docs/lesson-plans/ from lessons"
    )
    sub.add_parser("i18n-status", help="how much of each shipped language is translated")
    sub.add_parser(
        "i18n-update", help="update every locales/<lang>/.../messages.po from messages.pot"
    )
    sub.add_parser("i18n-compile", help="compile the catalogs the app reads (.mo)")
    play = sub.add_parser("play", help="play a lesson in the terminal")
    play.add_argument("lesson_id")
    play.add_argument(
        "--paths",
        action="store_true",
        help="print every route through each chat instead of playing",
    )
    play.add_argument(
        "--lessons-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="also look for the lesson in DIR (e.g. assets/examples)",
    )
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m app",
        description="Start SafeSteps. Author tools: 'python -m app check' and "
        "'python -m app play LESSON_ID'.",
    )
    parser.add_argument(
        "--screen",
        help="open this screen directly: home, settings, bands, lessons, intro, activity, "
        "finish or help",
    )
    parser.add_argument("--lesson", help="lesson id for the lessons/intro/activity/finish screens")
    parser.add_argument("--activity", type=int, default=1, help="activity number (from 1)")
    parser.add_argument(
        "--lessons-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="also load lessons from DIR (e.g. assets/examples); may be repeated",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep progress and settings in DIR instead of the platform's user-data folder "
        "(also: SAFESTEPS_DATA_DIR)",
    )
    parser.add_argument(
        "--lang",
        help="language code, e.g. de or ar (default: the one chosen in Settings); "
        "en_XA is the pseudo-locale",
    )
    parser.add_argument("--size", default="1024x768", help="window size as WIDTHxHEIGHT")
    parser.add_argument(
        "--screenshot", metavar="FILE.png", help="save the screen as a PNG and exit"
    )
    parser.add_argument(
        "--exit-after-first-frame", action="store_true", help=argparse.SUPPRESS
    )  # used by `make bench`
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in AUTHOR_COMMANDS:
        args = _author_parser().parse_args(argv)
        from app import cli

        if args.command == "check":
            return cli.check(args.paths)
        if args.command == "reading-level":
            return cli.reading_level(args.paths)
        if args.command == "curriculum-map":
            return cli.write_curriculum_docs()
        if args.command.startswith("i18n-"):
            return cli.I18N_COMMANDS[args.command]()
        from pathlib import Path

        extra = [Path(d) for d in args.lessons_dir]
        return cli.play(args.lesson_id, show_paths=args.paths, extra_dirs=extra)
    args = _gui_parser().parse_args(argv)
    try:
        width, height = (int(x) for x in args.size.lower().split("x"))
    except ValueError:
        print(f"--size must look like 360x640, not {args.size!r}", file=sys.stderr)
        return 2
    from app.ui.launch import launch

    return launch(args, (width, height))


if __name__ == "__main__":
    sys.exit(main())
