"""Kivy view of a chat simulation: a messaging-app look, typing dots, replies as buttons.

New messages from the other account arrive one by one after a short "typing" moment,
like a real chat; with reduced motion they all appear at once.
"""

from __future__ import annotations

from kivy.animation import Animation
from kivy.clock import Clock
from kivy.graphics import Color, Ellipse, RoundedRectangle
from kivy.metrics import dp
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from app.activities.chat.logic import ChatRun, Line
from app.i18n import _, tr
from app.ui import theme
from app.ui.activity_view import ActivityView
from app.ui.art import AvatarFace
from app.ui.widgets import AppButton, Bubble, Card, Column, Row, WrapLabel, tone_card

AVATAR = 44
TYPING_SECONDS = 0.9  # how long the other account "types" before each message appears


class TypingDots(Widget):
    """Three dots in a bubble that pulse in turn while the other account is typing."""

    def __init__(self, animate: bool, **kwargs) -> None:
        kwargs.setdefault("size_hint", (None, None))
        kwargs.setdefault("size", (dp(64), dp(36)))
        super().__init__(**kwargs)
        self.alphas = [1.0, 0.6, 0.3]
        self.bind(pos=self._draw, size=self._draw)
        if animate:
            self._phase = 0
            self._event = Clock.schedule_interval(self._pulse, 0.25)

    def _pulse(self, _dt) -> bool:
        if self.get_root_window() is None:
            return False  # gone from the screen: stop
        self._phase = (self._phase + 1) % 3
        self.alphas = [1.0 if i == self._phase else 0.35 for i in range(3)]
        self._draw()
        return True

    def _draw(self, *_args) -> None:
        self.canvas.clear()
        with self.canvas:
            Color(*theme.rgba(theme.BORDER))
            RoundedRectangle(pos=self.pos, size=self.size, radius=[dp(18)])
            Color(*theme.rgba(theme.THEM_BUBBLE))
            RoundedRectangle(
                pos=(self.x + 1, self.y + 1),
                size=(self.width - 2, self.height - 2),
                radius=[dp(17)],
            )
            for index, alpha in enumerate(self.alphas):
                Color(*theme.rgba(theme.TEXT_MUTED)[:3], alpha)
                Ellipse(
                    pos=(self.x + dp(14) + index * dp(14), self.center_y - dp(4)),
                    size=(dp(8), dp(8)),
                )


class ChatView(ActivityView):
    run: ChatRun

    def __init__(self, **kwargs) -> None:
        self.revealed = 0  # transcript lines shown so far
        super().__init__(**kwargs)

    @property
    def player(self) -> str:
        return tr(self.run.activity.player)

    @property
    def contact(self) -> str:
        return tr(self.run.activity.contact_name)

    def render(self) -> None:
        """Redraw the chat; the newest part is scrolled into view."""
        self.clear_widgets()
        first_render = self.revealed == 0
        transcript = self.run.transcript
        if first_render or self.app.reduce_motion:
            self.revealed = len(transcript)
        self._reveal_mine_at_once(transcript)
        setting = Card(bg=theme.rgba(theme.SECONDARY), border=theme.rgba(theme.SECONDARY))
        setting.add_widget(
            WrapLabel(text=tr(self.run.activity.setting), color=theme.rgba(theme.ON_SECONDARY))
        )
        self.add_widget(setting)
        self.add_widget(self._contact_header())
        for line in transcript[: self.revealed]:
            self.add_widget(self._bubble(line))
        if self.revealed < len(transcript):
            last = self._typing_row()
            Clock.schedule_once(lambda *_: self._reveal_next(), TYPING_SECONDS)
        else:
            last = self._actions()
        self.add_widget(last)
        self.changed(scroll_to_top=first_render)
        if not first_render:
            Clock.schedule_once(lambda *_: self._scroll_to(last), 0)

    def _reveal_mine_at_once(self, transcript: list[Line]) -> None:
        # Only the other account "types"; the child's own reply appears straight away.
        while self.revealed < len(transcript) and transcript[self.revealed].sender != "them":
            self.revealed += 1

    def _reveal_next(self) -> None:
        if self.parent is None or self.revealed >= len(self.run.transcript):
            return
        self.revealed += 1
        self.render()

    def _scroll_to(self, widget: Widget) -> None:
        if widget.parent is self and self.scroll.height < self.scroll.children[0].height:
            self.scroll.scroll_to(widget, padding=dp(8), animate=False)

    def narration(self) -> str:
        """Read the newest messages and what to do now, not the whole chat again."""
        transcript = self.run.transcript[: self.revealed]
        recent = [
            _("{name} says: {message}").format(name=self._name_of(line), message=tr(line.text))
            for line in transcript[-3:]
            if line.sender == "them"
        ]
        texts = [w.text for w in self.children[0].walk(restrict=True) if hasattr(w, "text")]
        return "\n".join([*recent, *(t for t in texts if t)])

    def _name_of(self, line: Line) -> str:
        return self.contact if line.sender == "them" else self.player

    def _avatar(self, size: float) -> AvatarFace:
        # An ordinary face, seeded by the untranslated name: the same in every language.
        return AvatarFace(
            seed=self.run.activity.contact_name.source,
            colour=self.run.activity.contact_colour or "",
            size_hint=(None, None),
            size=(dp(size) * self.app.ui_scale,) * 2,
        )

    def _contact_header(self) -> BoxLayout:
        row = Row(size_hint_y=None, height=dp(AVATAR + 8) * self.app.ui_scale, spacing=dp(10))
        avatar = self._avatar(AVATAR)
        avatar.pos_hint = {"center_y": 0.5}
        row.add_widget(avatar)
        row.add_widget(
            WrapLabel(
                text=_("{player} is chatting with {name}").format(
                    player=self.player, name=self.contact
                ),
                bold=True,
                pos_hint={"center_y": 0.5},
            )
        )
        return row

    def _bubble(self, line: Line) -> Widget:
        text = tr(line.text)
        if line.sender == "narrator":
            return WrapLabel(
                text=text, italic=True, halign="center", color=theme.rgba(theme.TEXT_MUTED)
            )
        mine = line.sender == "me"
        bubble = Bubble(
            size_hint=(0.78, None),
            tail="right" if mine else "left",  # the sharper corner points at the sender
            bg=theme.rgba(theme.PRIMARY if mine else theme.THEM_BUBBLE),
            border=theme.rgba(theme.PRIMARY if mine else theme.BORDER),
        )
        bubble.bind(minimum_height=bubble.setter("height"))
        bubble.add_widget(
            WrapLabel(text=text, color=theme.rgba(theme.ON_PRIMARY if mine else theme.TEXT))
        )
        row = Row(size_hint_y=None, spacing=dp(8))
        bubble.bind(height=lambda *_: setattr(row, "height", bubble.height))
        if mine:
            row.add_widget(Widget(size_hint_x=0.22))
            row.add_widget(bubble)
        else:
            avatar = self._avatar(AVATAR * 0.8)
            avatar.pos_hint = {"top": 1}
            row.add_widget(avatar)
            row.add_widget(bubble)
            row.add_widget(Widget(size_hint_x=0.05))
        return row

    def _typing_row(self) -> Widget:
        row = Row(size_hint_y=None, height=dp(40), spacing=dp(8))
        avatar = self._avatar(AVATAR * 0.8)
        avatar.pos_hint = {"center_y": 0.5}
        row.add_widget(avatar)
        row.add_widget(TypingDots(animate=not self.app.reduce_motion, pos_hint={"center_y": 0.5}))
        row.add_widget(
            WrapLabel(
                text=_("{name} is typing\u2026").format(name=self.contact),
                size_role="small",
                color=theme.rgba(theme.TEXT_MUTED),
                pos_hint={"center_y": 0.5},
            )
        )
        return row

    def _actions(self) -> Widget:
        run = self.run
        if run.pending is not None:
            return self._feedback()
        if run.ending is not None:
            return self._ending()
        box = Column()
        box.add_widget(
            WrapLabel(
                text=_("What should {player} reply?").format(player=self.player),
                bold=True,
                size_role="large",
            )
        )
        for choice in run.available_choices():
            box.add_widget(
                AppButton(
                    text=tr(choice.text),
                    style="choice",
                    on_press=lambda c=choice.id: self._choose(c),
                )
            )
        return box

    def _feedback(self) -> Card:
        choice = self.run.pending
        safe = choice.safe
        heading = _("A safe reply!") if safe else _("Let's think again")
        card = tone_card(safe, heading, tr(choice.feedback))
        if not safe:
            card.add_widget(AppButton(text=_("Try a safer reply"), on_press=self._retry))
        card.add_widget(
            AppButton(
                text=_("Keep going"),
                style="primary" if safe else "secondary",
                on_press=self._proceed,
            )
        )
        self._arrive(card)
        return card

    def _ending(self) -> Card:
        ending = self.run.ending
        safe = ending.outcome == "safe"
        card = tone_card(safe, tr(ending.title), tr(ending.debrief))
        colour = theme.rgba(theme.SAFE_TEXT if safe else theme.CAUTION_TEXT)
        card.add_widget(
            WrapLabel(
                text=_("Safe replies: {safe} of {total}").format(
                    safe=self.run.safe_choices, total=self.run.choices_made
                ),
                bold=True,
                color=colour,
            )
        )
        card.add_widget(AppButton(text=_("Next"), on_press=self.on_done))
        self._arrive(card)
        return card

    def _arrive(self, widget: Widget) -> None:
        """Feedback fades in gently rather than popping."""
        if not self.app.reduce_motion:
            widget.opacity = 0
            Animation(opacity=1, duration=0.3).start(widget)

    def _choose(self, choice_id: str) -> None:
        self.run.choose(choice_id)
        self.render()

    def _retry(self) -> None:
        self.run.retry()
        self.revealed = min(self.revealed, len(self.run.transcript))
        self.render()

    def _proceed(self) -> None:
        self.run.proceed()
        self.render()
