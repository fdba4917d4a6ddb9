"""Kivy view of "Say it out loud": choose or build the words, see them big, say them.

Nothing is recorded and no microphone is used: "I said it!" takes the child's word.
"""

from __future__ import annotations

from kivy.animation import Animation
from kivy.app import App
from kivy.clock import Clock
from kivy.metrics import dp
from kivy.uix.widget import Widget

from app.activities.say_it.logic import BUILD, CHOOSE, DONE, REHEARSE, SayItRun, Words
from app.i18n import _, tr
from app.ui import theme
from app.ui.activity_view import ActivityView
from app.ui.widgets import AppButton, Card, Column, WrapLabel


def goal_label(goal: str) -> str:
    return {
        "no": _("Practise: saying no"),
        "leave": _("Practise: leaving"),
        "tell": _("Practise: telling a trusted adult"),
    }[goal]


def tips(goal: str) -> list[str]:
    if goal == "tell":
        return [
            _("Find a trusted adult."),
            _("Look at them and use a clear voice."),
            _("If they don't listen, keep telling until someone does."),
        ]
    return [
        _("Stand tall."),
        _("Look at the person."),
        _("Use a clear, strong voice."),
    ]


def fade_in(widget: Widget) -> None:
    """A gentle, short fade: readable from the first frame, settled within 0.3 s."""
    if getattr(App.get_running_app(), "reduce_motion", False):
        return
    widget.opacity = 0.55
    Animation(opacity=1, d=0.3, t="out_quad").start(widget)


class SayItView(ActivityView):
    run: SayItRun

    def render(self) -> None:
        self.clear_widgets()
        self._scroll_target: Widget | None = None
        stage = self.run.stage
        if stage == CHOOSE:
            self._situation()
            self._choose()
        elif stage == BUILD:
            self._situation()
            self._build()
        elif stage == REHEARSE:
            self._rehearse(self.run.words)
        elif stage == DONE:
            self._done()
        target = self._scroll_target
        self.changed(scroll_to_top=target is None)
        if target is not None:
            # Building, part 2 onwards: keep the words so far and the next part in view.
            Clock.schedule_once(lambda *_: self._reveal(target), 0)

    def _reveal(self, widget: Widget) -> None:
        if widget.parent is self and self.scroll.height < self.scroll.children[0].height:
            self.scroll.scroll_to(widget, padding=dp(8), animate=False)

    # --- the situation and choosing ---------------------------------------------------

    def _situation(self) -> None:
        activity = self.run.activity
        card = Card(bg=theme.rgba(theme.SECONDARY), border=theme.rgba(theme.SECONDARY))
        card.add_widget(
            WrapLabel(
                text=goal_label(activity.goal),
                bold=True,
                size_role="small",
                color=theme.rgba(theme.ON_SECONDARY),
            )
        )
        card.add_widget(
            WrapLabel(
                text=tr(activity.situation),
                color=theme.rgba(theme.ON_SECONDARY),
            )
        )
        self.add_widget(card)
        self.add_widget(WrapLabel(text=tr(activity.question), bold=True, size_role="large"))

    def _muted(self, text: str) -> WrapLabel:
        return WrapLabel(text=text, color=theme.rgba(theme.TEXT_MUTED))

    def _choose(self) -> None:
        activity = self.run.activity
        self.add_widget(self._muted(_("Choose the words to practise.")))
        for phrase in activity.phrases:
            self.add_widget(
                AppButton(
                    text=tr(phrase.text),
                    style="choice",
                    on_press=lambda p=phrase.id: self._pick(p),
                )
            )
        if activity.parts:
            self.add_widget(
                AppButton(
                    text=_("Build my own words"), style="secondary", on_press=self._start_building
                )
            )

    def _pick(self, phrase_id: str) -> None:
        self.run.pick(phrase_id)
        self.render()

    def _start_building(self) -> None:
        self.run.start_building()
        self.render()

    def _build(self) -> None:
        run = self.run
        parts = run.activity.parts
        part = run.part
        if run.building:
            so_far = Card()
            so_far.add_widget(
                WrapLabel(
                    text=_("Your words so far"),
                    bold=True,
                    size_role="small",
                    color=theme.rgba(theme.TEXT_MUTED),
                )
            )
            for sentence in run.building:
                so_far.add_widget(WrapLabel(text=tr(sentence.text), size_role="large"))
            self.add_widget(so_far)
            self._scroll_target = so_far
        self.add_widget(
            self._muted(_("Part {n} of {total}").format(n=len(run.building) + 1, total=len(parts)))
        )
        self.add_widget(WrapLabel(text=tr(part.prompt), bold=True, size_role="large"))
        for option in part.options:
            self.add_widget(
                AppButton(
                    text=tr(option.text),
                    style="choice",
                    on_press=lambda o=option.id: self._choose_part(o),
                )
            )
        if run.building:
            self.add_widget(
                AppButton(text=_("Start again"), style="quiet", on_press=self._restart_building)
            )
        if run.activity.phrases:
            self.add_widget(
                AppButton(text=_("Choose ready-made words"), style="quiet", on_press=self._again)
            )

    def _choose_part(self, option_id: str) -> None:
        self.run.choose_part(option_id)
        self.render()

    def _restart_building(self) -> None:
        self.run.restart_building()
        self.render()

    # --- rehearsing -------------------------------------------------------------------

    def _words_card(self, words: Words) -> Card:
        """A tone card with the words big, and kind feedback on them."""
        strong = words.strong
        background, ink = (
            (theme.SAFE_BG, theme.SAFE_TEXT) if strong else (theme.CAUTION_BG, theme.CAUTION_TEXT)
        )
        colour = theme.rgba(ink)
        card = Card(
            bg=theme.rgba(background),
            border=colour,
            padding=dp(theme.PAD) * 1.25,
            spacing=dp(theme.GAP),
        )
        heading = _("Strong and clear!") if strong else _("Good start. Let's make it clearer.")
        card.add_widget(WrapLabel(text=heading, bold=True, color=colour))
        card.add_widget(self._words_block(words, colour))
        card.add_widget(Widget(size_hint_y=None, height=dp(2)))
        for sentence in words.sentences:
            if words.built and sentence.strong and not strong:
                continue  # with several sentences, talk about the ones to improve
            card.add_widget(WrapLabel(text=tr(sentence.feedback), color=colour))
        return card

    @staticmethod
    def _words_block(words: Words, colour, big: bool = True) -> Widget:
        """The words, big: one phrase in quotes, or built sentences one per line."""
        if not words.built:
            phrase = tr(words.sentences[0].text)
            return WrapLabel(
                text=_("\u201c{words}\u201d").format(words=phrase),
                bold=True,
                size_role="title" if big else "large",
                color=colour,
            )
        block = Column(spacing=dp(4))
        for sentence in words.sentences:
            block.add_widget(
                WrapLabel(
                    text=tr(sentence.text),
                    bold=True,
                    size_role="large" if big else "body",
                    color=colour,
                )
            )
        return block

    def _rehearse(self, words: Words) -> None:
        card = self._words_card(words)
        self.add_widget(card)
        fade_in(card)
        invite = Card()
        invite.add_widget(
            WrapLabel(
                text=_("Now say it out loud, like you mean it. Nobody is recording."),
                bold=True,
                size_role="large",
            )
        )
        for tip in tips(self.run.activity.goal):
            invite.add_widget(WrapLabel(text="\u2022  " + tip))
        self.add_widget(invite)
        buttons = Column()
        if words.strong:
            buttons.add_widget(AppButton(text=_("I said it!"), on_press=self._said_it))
            buttons.add_widget(
                AppButton(text=_("Say it again"), style="secondary", on_press=self._again)
            )
        else:
            # Weaker words can still be practised, but clearer ones come first.
            buttons.add_widget(AppButton(text=_("Try clearer words"), on_press=self._again))
            buttons.add_widget(
                AppButton(text=_("I said it!"), style="secondary", on_press=self._said_it)
            )
        self.add_widget(buttons)

    def _said_it(self) -> None:
        self.run.said_it()
        self.render()

    def _again(self) -> None:
        self.run.again()
        self.render()

    # --- done ---------------------------------------------------------------------------

    def _done(self) -> None:
        run = self.run
        last = run.said[-1]
        goal = run.activity.goal
        if last.strong:
            heading = _("You said it!")
            body = _("Practising out loud makes it easier to say it for real, if you ever need to.")
        else:
            heading = _("Good practice!")
            body = (
                _("Now try clearer words. Clear words help a trusted adult stop, listen and help.")
                if goal == "tell"
                else _("Now try saying clearer words. Short, firm words show that you mean it.")
            )
        background, ink = (
            (theme.SAFE_BG, theme.SAFE_TEXT)
            if last.strong
            else (theme.CAUTION_BG, theme.CAUTION_TEXT)
        )
        colour = theme.rgba(ink)
        card = Card(bg=theme.rgba(background), border=colour)
        card.add_widget(WrapLabel(text=heading, bold=True, size_role="large", color=colour))
        card.add_widget(
            WrapLabel(text=_("The words you practised:"), size_role="small", color=colour)
        )
        card.add_widget(self._words_block(last, colour, big=False))
        card.add_widget(Widget(size_hint_y=None, height=dp(2)))
        card.add_widget(WrapLabel(text=body, color=colour))
        if goal == "tell":
            card.add_widget(
                WrapLabel(
                    text=_("It is never too late to tell, even if you promised to keep a secret."),
                    color=colour,
                )
            )
        self.add_widget(card)
        fade_in(card)
        if last.strong:
            self.add_widget(AppButton(text=_("Next"), on_press=self.on_done))
            self.add_widget(
                AppButton(text=_("Practise other words"), style="secondary", on_press=self._again)
            )
        else:
            self.add_widget(AppButton(text=_("Try clearer words"), on_press=self._again))
            self.add_widget(AppButton(text=_("Next"), style="secondary", on_press=self.on_done))
