"""The knowledge check a child answers before a band's first lesson and after its last.

It is a measure, not a lesson: an answer moves straight on to the next question, with no
right or wrong shown, and every answer is saved at once. "I'm not sure" is always there,
so nobody has to guess. A grown-up sees the class's results on the grown-ups page.
"""

from __future__ import annotations

from kivy.core.window import Window
from kivy.metrics import dp
from kivy.uix.widget import Widget

from app.core.checks import NOT_SURE, CheckItem
from app.core.pictures import build_picture
from app.i18n import _, tr
from app.ui import theme
from app.ui.art import PictureView
from app.ui.picture_choice import PictureChoice, PictureChoiceGrid
from app.ui.screens import BaseScreen
from app.ui.widgets import AppButton, Card, StepBar

NOT_SURE_PICTURE = build_picture({"props": ["question-mark"]})


class CheckScreen(BaseScreen):
    """Intro, then one question at a time, then a thank-you."""

    def fill(self) -> None:
        run = self.app.check_run
        if run is None:
            self.paragraph(_("There are no questions to answer now."))
            self.bottom_bar.add_widget(AppButton(text=_("Back"), on_press=self.app.back))
            return
        if run.finished:
            self._outro()
        elif run.started or run.answers:
            self._question(run.item)
        else:
            self._intro()

    def _intro(self) -> None:
        check = self.app.check_run.check
        self.heading(tr(check.title))
        card = Card()
        for line in check.intro:
            self.paragraph(tr(line), parent=card, size_role="large")
        self.column.add_widget(card)
        self.bottom_bar.add_widget(
            AppButton(text=_("Not now"), style="quiet", on_press=self.app.back)
        )
        self.bottom_bar.add_widget(AppButton(text=_("Let's start"), on_press=self._begin))

    def _begin(self) -> None:
        self.app.check_run.started = True
        self.refresh()

    def _question(self, item: CheckItem) -> None:
        run = self.app.check_run
        total = len(run.check.items)
        self.column.add_widget(StepBar(total=total, done=len(run.answers)))
        self.paragraph(
            _("Question {n} of {total}").format(n=run.number, total=total),
            size_role="small",
            color=theme.rgba(theme.TEXT_MUTED),
        )
        self.heading(tr(item.prompt), role="large")
        if item.picture is not None:
            # Small enough that the question and the first answers share the screen.
            tallest = max(dp(96), min(dp(200) * self.app.ui_scale, Window.height * 0.22))
            self.column.add_widget(PictureView(picture=item.picture, max_height=tallest))
        options = item.shown_options()
        not_sure = _("I'm not sure")
        if all(o.picture is not None for o in options):
            choices = [
                PictureChoice(o.picture, tr(o.text), on_press=lambda x=o.id: self._answer(x))
                for o in options
            ]
            choices.append(
                PictureChoice(NOT_SURE_PICTURE, not_sure, on_press=lambda: self._answer(NOT_SURE))
            )
            self.column.add_widget(PictureChoiceGrid(choices))
            return
        for option in options:
            self.column.add_widget(
                AppButton(
                    text=tr(option.text),
                    style="choice",
                    on_press=lambda x=option.id: self._answer(x),
                )
            )
        self.column.add_widget(Widget(size_hint_y=None, height=dp(4)))
        self.column.add_widget(
            AppButton(text=not_sure, style="quiet", on_press=lambda: self._answer(NOT_SURE))
        )

    def _answer(self, option_id: str) -> None:
        run = self.app.check_run
        if run is None or run.finished:
            return  # a second tap on a page already answered
        self.app.answer_check(option_id)
        self.refresh()

    def _outro(self) -> None:
        check = self.app.check_run.check
        self.heading(_("All done!"))
        card = Card()
        for line in check.outro:
            self.paragraph(tr(line), parent=card, size_role="large")
        self.column.add_widget(card)
        self.bottom_bar.add_widget(AppButton(text=_("Back to lessons"), on_press=self._leave))

    def _leave(self) -> None:
        self.app.check_run = None
        self.app.back_to("lessons")
