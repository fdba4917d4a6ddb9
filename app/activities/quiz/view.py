"""Kivy view of a quiz: one question at a time, then every option's explanation."""

from __future__ import annotations

from kivy.metrics import dp
from kivy.uix.widget import Widget

from app.activities.quiz.logic import Answer, QuizOption, QuizQuestion, QuizRun
from app.i18n import _, tr
from app.ui import theme
from app.ui.activity_view import ActivityView
from app.ui.picture_choice import RATIO, ChoiceArt, PictureChoice, PictureChoiceGrid
from app.ui.widgets import AppButton, Card, Row, WrapLabel

THUMBNAIL = 84  # dp: an option's picture beside its explanation


def option_label(option: QuizOption) -> str:
    return tr(option.text) if option.text else (_("True") if option.id == "true" else _("False"))


class QuizView(ActivityView):
    run: QuizRun

    def __init__(self, **kwargs) -> None:
        self.selected: set[str] = set()
        self.last_answer: Answer | None = None
        super().__init__(**kwargs)

    def render(self) -> None:
        self.clear_widgets()
        if self.last_answer is not None:
            self._show_answer(self.last_answer)
        elif self.run.finished:
            self._show_summary()
        else:
            self._show_question(self.run.question)
        self.changed()

    def _header(self, question: QuizQuestion) -> None:
        number = self.run.activity.questions.index(question) + 1
        self.add_widget(
            WrapLabel(
                text=_("Question {n} of {total}").format(
                    n=number, total=len(self.run.activity.questions)
                ),
                color=theme.rgba(theme.TEXT_MUTED),
            )
        )
        self.add_widget(WrapLabel(text=tr(question.prompt), bold=True, size_role="large"))

    def _show_question(self, question: QuizQuestion) -> None:
        self._header(question)
        multiple = question.kind == "multiple"
        hint = _("Choose all the answers that are right.") if multiple else _("Choose one answer.")
        self.add_widget(WrapLabel(text=hint, color=theme.rgba(theme.TEXT_MUTED)))
        buttons = [self._option_button(o, multiple) for o in question.options]
        if all(o.picture is not None for o in question.options):
            # Children who cannot read yet choose a picture: a grid of picture cards.
            self.add_widget(PictureChoiceGrid(buttons))
        else:
            for button in buttons:
                self.add_widget(button)
        if multiple:
            check = AppButton(text=_("Check my answer"), on_press=self._check)
            check.opacity = 1 if self.selected else 0.5
            self.add_widget(check)

    def _option_button(self, option: QuizOption, multiple: bool) -> AppButton:
        def press() -> None:
            self._tap(option.id, multiple)

        selected = option.id in self.selected
        if option.picture is not None:
            return PictureChoice(option.picture, option_label(option), press, selected=selected)
        return AppButton(
            text=option_label(option), style="choice", selected=selected, on_press=press
        )

    def _tap(self, option_id: str, multiple: bool) -> None:
        if not multiple:
            self._submit({option_id})
            return
        self.selected ^= {option_id}
        self.render()

    def _check(self) -> None:
        if self.selected:
            self._submit(self.selected)

    def _submit(self, chosen: set[str]) -> None:
        self.last_answer = self.run.answer(chosen)
        self.selected = set()
        self.render()

    def _show_answer(self, answer: Answer) -> None:
        question = answer.question
        self._header(question)
        verdict = _("That's right!") if answer.correct else _("Not quite. Here's why:")
        self.add_widget(
            WrapLabel(
                text=verdict,
                bold=True,
                size_role="large",
                color=theme.rgba(theme.SAFE_TEXT if answer.correct else theme.CAUTION_TEXT),
            )
        )
        for option in question.options:
            chosen = option.id in answer.chosen
            # True/false share one explanation: show it once, under the right answer.
            if question.kind != "true_false" or option.correct:
                self.add_widget(self._explanation(option, chosen))
            elif chosen:
                self.add_widget(
                    WrapLabel(
                        text=_("You chose: {answer}").format(answer=option_label(option)),
                        color=theme.rgba(theme.CAUTION_TEXT),
                        bold=True,
                    )
                )
        last = self.run.finished
        self.add_widget(
            AppButton(text=_("See my score") if last else _("Next question"), on_press=self._next)
        )

    def _explanation(self, option: QuizOption, chosen: bool) -> Widget:
        if option.correct:
            bg, fg, tag = theme.SAFE_BG, theme.SAFE_TEXT, _("Right answer")
        elif chosen:
            bg, fg, tag = theme.CAUTION_BG, theme.CAUTION_TEXT, _("Your choice")
        else:
            bg, fg, tag = theme.SURFACE, theme.TEXT, ""
        card = Card(
            bg=theme.rgba(bg), border=theme.rgba(fg if option.correct or chosen else theme.BORDER)
        )
        title = option_label(option)
        if tag:
            title = f"{title}  ({tag})"
        heading = WrapLabel(text=title, bold=True, color=theme.rgba(fg))
        scale = getattr(self.app, "ui_scale", 1.0) or 1.0
        card.add_widget(heading if option.picture is None else _beside(option, heading, scale))
        card.add_widget(WrapLabel(text=tr(option.explanation), color=theme.rgba(fg)))
        return card

    def _next(self) -> None:
        self.last_answer = None
        self.render()

    def _show_summary(self) -> None:
        total = len(self.run.activity.questions)
        card = Card(bg=theme.rgba(theme.SAFE_BG), border=theme.rgba(theme.SAFE_BG))
        card.add_widget(
            WrapLabel(
                text=_("You got {n} of {total} right.").format(
                    n=self.run.correct_count, total=total
                ),
                bold=True,
                size_role="large",
                color=theme.rgba(theme.SAFE_TEXT),
            )
        )
        card.add_widget(
            WrapLabel(
                text=_("Every answer you checked helps you spot red flags."),
                color=theme.rgba(theme.SAFE_TEXT),
            )
        )
        self.add_widget(card)
        self.add_widget(AppButton(text=_("Next"), on_press=self.on_done))


def _beside(option: QuizOption, heading: WrapLabel, scale: float = 1.0) -> Widget:
    """An option's picture, small, beside its heading: which picture the words are about."""
    row = Row(size_hint_y=None, spacing=dp(12))
    art = ChoiceArt(
        picture=option.picture,
        ratio=RATIO,
        size_hint=(None, None),
        width=dp(THUMBNAIL) * scale,
        pos_hint={"center_y": 0.5},
    )
    heading.pos_hint = {"center_y": 0.5}
    row.add_widget(art)
    row.add_widget(heading)

    def fit(*_args) -> None:
        row.height = max(art.height, heading.height)

    art.bind(height=fit)
    heading.bind(height=fit)
    fit()
    return row
