"""The SafeSteps Kivy app: state, navigation and scaling. Screens live in screens.py."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from babel import default_locale
from kivy.app import App
from kivy.base import ExceptionManager
from kivy.clock import Clock
from kivy.core.window import Window
from kivy.metrics import sp
from kivy.properties import NumericProperty
from kivy.uix.screenmanager import NoTransition, ScreenManager

from app.core.model import Lesson
from app.core.session import LessonSession
from app.i18n import current, set_language
from app.i18n.languages import languages
from app.paths import CHECKS, HELPLINES, LESSONS, user_data_dir
from app.store.progress import ProgressStore
from app.ui import theme
from app.ui.focus import KeyboardFocus
from app.ui.oops import CalmErrors, error_logger

if TYPE_CHECKING:
    from app.core.checks import CheckLibrary, CheckRun, KnowledgeCheck
    from app.core.helplines import Helplines
    from app.core.loader import Library
    from app.speech import SpeechEngine

DEFAULT_COUNTRY = "GB"  # when no choice, locale or language names a country
READ_ALOUD_MODES = ("auto", "always", "on-request")
TEXT_SIZES = {"normal": 1.0, "large": 1.2, "larger": 1.4}
YOUNGEST_BAND = "5-7"  # children who cannot read yet: narrated by default
SIZE_ROLES = {
    "small": theme.FONT_SMALL,
    "body": theme.FONT_BODY,
    "large": theme.FONT_LARGE,
    "title": theme.FONT_TITLE,
    "hero": theme.FONT_HERO,
}


def system_language() -> str:
    """The computer's language if SafeSteps ships it (LANGUAGE, LC_ALL, LANG...), else en."""
    found = default_locale("LC_MESSAGES") or ""
    for code in (found, found.split("_")[0]):
        if code and code in languages().codes:
            return code
    return "en"


def system_country() -> str | None:
    """The territory of the computer's locale (LC_ALL, LANG...), e.g. AT for de_AT."""
    found = default_locale("LC_MESSAGES") or ""
    parts = found.split("_")
    if "POSIX" in parts:  # LANG=C says nothing about where the computer is
        return None
    return parts[1] if len(parts) > 1 and len(parts[1]) == 2 else None


class SafeStepsApp(App):
    """Kivy loads its rules from safesteps.kv beside this file (named after the class)."""

    title = "SafeSteps"
    ui_scale = NumericProperty(1.0)

    def __init__(
        self,
        language: str | None = None,
        data_dir: Path | None = None,
        lesson_dirs: list[Path] | None = None,
        check_dirs: list[Path] | None = None,
        speech: SpeechEngine | None | str = "find",
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.lesson_dirs = lesson_dirs or [LESSONS]
        self.check_dirs = check_dirs or [CHECKS]
        self._checks: CheckLibrary | None = None
        self.check_run: CheckRun | None = None
        self.plan_lesson: Lesson | None = None  # the lesson plan a grown-up is reading
        self._text_size: str | None = None  # read once: every label asks for it
        self.still_frames = False  # screenshots and tests: show the end of every animation
        self._speech = speech
        self.data_dir = data_dir or user_data_dir()
        self._library: Library | None = None
        self.store = ProgressStore(self.data_dir)
        self._stale: set[str] = set()  # screens to rebuild when next shown (new language)
        self.language = ""
        # An explicit language (the --lang option, tests) is used without being saved.
        self.use_language(language or self.store.setting("language", "") or system_language())
        # Calm, adult-facing messages for the grown-ups page (a damaged file was replaced...).
        self.notices: list[str] = [self.store.notice] if self.store.notice else []
        self.last_export: Path | None = None
        self.error_log_path = self.data_dir / "logs" / "errors.log"
        self._error_log = None
        self.errors = CalmErrors(self)
        self._helplines: Helplines | None = None
        self.band: str | None = None
        self.lesson: Lesson | None = None
        self.session: LessonSession | None = None
        self.history: list[str] = []
        self.manager: ScreenManager | None = None
        self._after_change = Clock.create_trigger(self._settle_change)
        self.focus = KeyboardFocus(lambda: self.manager.current_screen if self.manager else None)

    # --- Kivy lifecycle ---------------------------------------------------------------

    def build(self) -> ScreenManager:
        Window.clearcolor = theme.rgba(theme.BACKGROUND)
        Window.bind(size=self._rescale, on_keyboard=self._on_keyboard)
        self._rescale(Window, Window.size)
        self.manager = ScreenManager(transition=NoTransition())
        self.show("home")
        # Content validation (jsonschema) is the slowest part of start-up and the home
        # screen needs none of it: load it just after the first frame instead.
        Window.bind(on_flip=self._load_content_after_first_frame)
        ExceptionManager.add_handler(self.errors)
        return self.manager

    def _load_content_after_first_frame(self, *_args) -> None:
        Window.unbind(on_flip=self._load_content_after_first_frame)
        Clock.schedule_once(lambda *_: self.library, 0.1)

    def _on_keyboard(self, _window, key: int, _scancode, _codepoint, modifiers) -> bool:
        # Escape (and Android's back button, also 27) goes back, never quits.
        if key == 27:
            if self.history:
                self.back()
            return True
        return self.focus.on_key(key, list(modifiers or []))

    def on_stop(self) -> None:
        if self.errors in ExceptionManager.handlers:
            ExceptionManager.remove_handler(self.errors)
        if self._speech not in (None, "find"):
            self._speech.stop()
        self.store.close()

    def _rescale(self, _window, size) -> None:
        # Larger type on big screens such as a classroom whiteboard.
        width, height = size
        self.ui_scale = max(1.0, min(1.5, min(width, height * 1.4) / 1000))

    def font_size(self, role: str) -> float:
        return sp(SIZE_ROLES[role]) * self.ui_scale * TEXT_SIZES[self.text_size]

    @property
    def text_size(self) -> str:
        """The chosen text size ("normal", "large", "larger"); anything else is normal."""
        if self._text_size is None:
            stored = self.store.setting("text_size", "normal")
            self._text_size = stored if stored in TEXT_SIZES else "normal"
        return self._text_size

    # --- language -----------------------------------------------------------------------

    def use_language(self, code: str) -> None:
        """Translate, format, draw and mirror in this language from now on."""
        from app.ui.fonts import use_font_for

        if languages().get(code) is None:
            code = "en"
        set_language(code)
        use_font_for(code)
        self.language = code

    def choose_language(self, code: str) -> None:
        """Settings: switch at once, without a restart, and remember the choice."""
        self.store.set_setting("language", code)
        self.use_language(code)
        if self.manager is None:
            return
        self._stale = {name for name in self.manager.screen_names if name != self.manager.current}
        self.manager.current_screen.refresh()

    @property
    def language_choices(self) -> list:
        """The shipped languages, and the pseudo-locale for developers (SAFESTEPS_PSEUDO=1)."""
        known = languages()
        pseudo = [known.pseudo] if known.pseudo and os.environ.get("SAFESTEPS_PSEUDO") else []
        return [*known.shipped, *pseudo]

    def set_text_size(self, size: str) -> None:
        self.store.set_setting("text_size", size)
        self._text_size = None

    # --- navigation -------------------------------------------------------------------

    def show(self, name: str) -> None:
        """Open a screen, fresh, remembering where we came from."""
        from app.ui.all_screens import screen_class

        current = self.manager.current
        if self.manager.current_screen is not None and current and current != name:
            self.history.append(current)  # re-showing the same screen adds no step back
        if not self.manager.has_screen(name):
            self.manager.add_widget(screen_class(name)(name=name))
        self._stale.discard(name)  # rebuilt now, in the current language
        self.manager.get_screen(name).refresh()
        self.manager.current = name

    def back(self) -> None:
        """Return to the previous screen exactly as it was left (in the language now chosen)."""
        if self.history:
            name = self.history.pop()
            self.manager.current = name
            if name in self._stale:
                self._stale.discard(name)
                try:
                    self.manager.get_screen(name).refresh()
                except Exception:  # what it showed is gone (a deleted learner): start over
                    self.go_home()
                    return
            self.content_changed()

    def content_changed(self) -> None:
        """A screen or an activity was (re)built: move keyboard focus, maybe read aloud."""
        self._after_change()  # a trigger: several changes in one frame act once

    def _settle_change(self, *_args) -> None:
        self.focus.content_changed()
        if self.reads_automatically:
            self.read_aloud()

    # --- read aloud -------------------------------------------------------------------

    @property
    def speech(self) -> SpeechEngine | None:
        """The platform's speech engine for the current language, or None (no button)."""
        if self._speech == "find":
            from app.speech import find_engine

            self._speech = find_engine()
        if self._speech is None or not self._speech.can_speak(current().language):
            return None
        return self._speech

    @property
    def reduce_motion(self) -> bool:
        """No growing stars or typing dots, for children who find motion distracting."""
        return self.still_frames or self.prefers_still

    @property
    def prefers_still(self) -> bool:
        """The child's or grown-up's own choice in Settings."""
        return self.store.setting("reduce_motion", "no") == "yes"

    def set_reduce_motion(self, reduce: bool) -> None:
        self.store.set_setting("reduce_motion", "yes" if reduce else "no")

    @property
    def read_aloud_mode(self) -> str:
        """ "auto" (always for ages 5-7, on request otherwise), "always" or "on-request"."""
        mode = self.store.setting("read_aloud", "auto")
        return mode if mode in READ_ALOUD_MODES else "auto"

    def set_read_aloud_mode(self, mode: str) -> None:
        self.store.set_setting("read_aloud", mode)

    @property
    def reads_automatically(self) -> bool:
        mode = self.read_aloud_mode
        young = self.band == YOUNGEST_BAND
        return self.speech is not None and (mode == "always" or (mode == "auto" and young))

    def read_aloud(self) -> None:
        """Read what the current screen shows, in the current language."""
        engine, screen = self.speech, self.manager.current_screen
        if engine is not None and screen is not None:
            engine.speak(screen.narration(), current().language)

    def back_to(self, name: str) -> None:
        """Go back to an earlier screen, dropping the screens after it, refreshed."""
        if name not in self.history:
            # Already there (a second tap) or never passed through it: never empty the
            # history, or Back and Escape would lead nowhere.
            if self.manager.current == name:
                self.manager.get_screen(name).refresh()
            else:
                self.show(name)
            return
        while self.history[-1] != name:
            self.history.pop()
        self.history.pop()
        self.manager.current = name
        self._stale.discard(name)
        self.manager.get_screen(name).refresh()

    def go_home(self) -> None:
        """Back to the start, forgetting the way here (after "something went wrong")."""
        self.show("home")
        self.history.clear()

    # --- when something goes wrong ------------------------------------------------------

    def log_error(self, error: BaseException) -> None:
        """Write the details to the local log; never to the child's screen."""
        try:
            if self._error_log is None:
                self._error_log = error_logger(self.error_log_path)
            screen = self.manager.current if self.manager else "-"
            self._error_log.error(
                "unexpected error on screen %s",
                screen,
                exc_info=(type(error), error, error.__traceback__),
            )
        except Exception:  # logging must never become a second error
            pass

    def show_oops(self) -> None:
        if self.manager.current == "oops":
            return
        if self.session is not None and not self.session.finished:
            self.session.restart_current()  # the activity that failed starts afresh
        try:
            self.history.clear()
            self.show("oops")
        except Exception as error:  # even the calm screen failed: log it and stay put
            self.log_error(error)

    # --- profiles and the grown-ups' controls --------------------------------------------

    def start_as_child(self) -> None:
        self.show("who" if self.store.profiles() else "new-learner")

    def use_profile(self, profile_id: int) -> None:
        self.store.use_profile(profile_id)
        self.lesson = self.session = None

    def delete_profile(self, profile_id: int) -> None:
        if self.store.profile_id == profile_id:
            self.lesson = self.session = None
        self.store.delete_profile(profile_id)

    def delete_everything(self) -> None:
        self.store.delete_everything()
        self.lesson = self.session = self.band = None
        self.last_export = None
        self.notices.clear()

    def content_problems(self) -> list:
        """Problems in lessons, checks, helplines and languages, for the content check page."""
        return [
            *self.library.problems,
            *self.checks.problems,
            *self.helplines.problems,
            *languages().problems,
        ]

    # --- knowledge checks ---------------------------------------------------------------

    @property
    def checks(self) -> CheckLibrary:
        if self._checks is None:
            from app.core.checks import load_checks

            self._checks = load_checks(self.check_dirs)
        return self._checks

    def check_due(self, band: str) -> tuple[KnowledgeCheck, str] | None:
        """The band's check and the phase to offer now, or None.

        "before" only until the learner finishes a lesson of the band (after that it would
        not measure the starting point); "after" once every lesson of the band is done.
        """
        check = self.checks.checks.get(band)
        if check is None:
            return None
        lessons = self.library.by_band(band)
        done = self.store.completed()
        finished = [x for x in lessons if x.id in done]

        def complete(phase: str) -> bool:
            return len(self.store.check_answers(check.id, phase)) >= len(check.items)

        if not finished and not complete("before"):
            return check, "before"
        if lessons and len(finished) == len(lessons) and not complete("after"):
            return check, "after"
        return None

    def start_check(self, check: KnowledgeCheck, phase: str) -> CheckRun:
        """Begin, or carry on from the answers already saved."""
        from app.core.checks import CheckRun

        saved = self.store.check_answers(check.id, phase)
        self.check_run = CheckRun(check, phase, {i: a for i, (a, _) in saved.items()})
        return self.check_run

    def answer_check(self, option_id: str) -> None:
        """Record one answer at once, so a child who stops halfway loses nothing."""
        run = self.check_run
        item = run.item
        correct = run.answer(option_id)
        self.store.record_check_answer(run.check.id, run.phase, item.id, option_id, correct)

    # --- state ------------------------------------------------------------------------

    @property
    def library(self) -> Library:
        if self._library is None:
            from app.core.loader import load_library

            self._library = load_library(self.lesson_dirs)
        return self._library

    @property
    def helplines(self) -> Helplines:
        if self._helplines is None:
            from app.core.helplines import load_helplines

            self._helplines = load_helplines(HELPLINES)
        return self._helplines

    @property
    def country(self) -> str:
        """The chosen country; else the computer's (de_AT -> AT); else the language's usual
        country (de -> DE; Arabic has none); else the default."""
        language = languages().get(self.language)
        for code in (
            self.store.setting("country", ""),
            system_country(),
            language.country if language else None,
            DEFAULT_COUNTRY,
        ):
            if code in self.helplines.countries:
                return code
        return DEFAULT_COUNTRY

    def set_country(self, code: str) -> None:
        self.store.set_setting("country", code)

    def choose_lesson(self, lesson_id: str) -> None:
        lesson = self.library.lessons[lesson_id]
        if self.lesson is None or self.lesson.id != lesson.id:
            self.lesson, self.session = lesson, None
        self.band = lesson.age_band

    def start_or_resume(self) -> LessonSession:
        if self.session is None or self.session.finished:
            self.session = LessonSession(self.lesson)
        return self.session

    def lesson_finished(self) -> None:
        self.store.record_lesson(self.lesson.id, self.session.stars)
