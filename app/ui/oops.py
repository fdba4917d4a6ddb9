"""When something unexpected goes wrong: a calm screen for the child, a local log for adults.

Kivy's event loop hands every exception to `CalmErrors`, which writes the details to a
log file on this device and opens the "something went wrong" screen instead of
crashing. A child never sees a stack trace; finished activities are already saved.
"""

from __future__ import annotations

import logging
import logging.handlers
import time
from pathlib import Path

from kivy.base import ExceptionHandler, ExceptionManager
from kivy.clock import Clock
from kivy.metrics import dp
from kivy.uix.widget import Widget

from app.i18n import _
from app.ui import theme
from app.ui.screens import BaseScreen
from app.ui.widgets import AppButton, Card

LOG_BYTES = 256 * 1024  # a few hundred errors at most, kept in 3 files
TOO_MANY = 20  # errors within STORM_SECONDS mean the calm screen itself is failing
STORM_SECONDS = 5.0


def error_logger(log_file: Path) -> logging.Logger:
    """A logger that writes only to the local error log (never the console, never a network)."""
    logger = logging.getLogger("safesteps.errors")
    logger.propagate = False
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=LOG_BYTES, backupCount=2, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # a read-only device: nothing to write to
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.ERROR)
    return logger


class CalmErrors(ExceptionHandler):
    """Turns an unexpected exception into a log line and the calm screen."""

    def __init__(self, app) -> None:
        super().__init__()
        self.app = app
        self.times: list[float] = []

    def handle_exception(self, inst):
        if isinstance(inst, (KeyboardInterrupt, SystemExit)):
            return ExceptionManager.RAISE
        now = time.monotonic()
        self.times = [t for t in self.times if now - t < STORM_SECONDS] + [now]
        self.app.log_error(inst)
        if len(self.times) <= TOO_MANY:
            Clock.schedule_once(lambda *_: self.app.show_oops(), 0)
        return ExceptionManager.PASS


class OopsScreen(BaseScreen):
    """Something went wrong: calm words, progress is safe, one way back to the start."""

    show_back = False

    def fill(self) -> None:
        self.column.add_widget(Widget(size_hint_y=None, height=dp(24)))
        card = Card(bg=theme.rgba(theme.SECONDARY), border=theme.rgba(theme.SECONDARY))
        self.paragraph(
            _("Oops! Something went wrong."),
            parent=card,
            bold=True,
            size_role="title",
            color=theme.rgba(theme.ON_SECONDARY),
        )
        self.paragraph(
            _("It's not your fault. Your stars and the activities you finished are saved."),
            parent=card,
            size_role="large",
            color=theme.rgba(theme.ON_SECONDARY),
        )
        self.column.add_widget(card)
        self.column.add_widget(AppButton(text=_("Back to the start"), on_press=self.app.go_home))
        self.paragraph(
            _("For grown-ups: the details were written to {path}").format(
                path=self.app.error_log_path
            ),
            size_role="small",
            color=theme.rgba(theme.TEXT_MUTED),
        )
