"""Kivy view of a chat simulation: bubbles, reply choices, kind feedback and endings."""

from __future__ import annotations

from collections.abc import Callable

from kivy.clock import Clock
from kivy.metrics import dp
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.scrollview import ScrollView
from kivy.uix.widget import Widget

from app.activities.chat.logic import ChatRun, Line
from app.i18n import _, tr
from app.ui import theme
from app.ui.widgets import AppButton, Avatar, Card, Column, WrapLabel, tone_card

AVATAR = 44


class ChatView(Column):
    def __init__(
        self, run: ChatRun, on_done: Callable[[], None], scroll: ScrollView, **kwargs
    ) -> None:
        super().__init__(**kwargs)
        self.run = run
        self.on_done = on_done
        self.scroll = scroll
        self.render(reveal=False)

    @property
    def player(self) -> str:
        return tr(self.run.activity.player)

    def render(self, reveal: bool = True) -> None:
        """Redraw the chat; after a tap, scroll so the newest part is in view."""
        self.clear_widgets()
        activity = self.run.activity
        setting = Card(bg=theme.rgba(theme.SECONDARY), border=theme.rgba(theme.SECONDARY))
        setting.add_widget(
            WrapLabel(text=tr(activity.setting), color=theme.rgba(theme.ON_SECONDARY))
        )
        self.add_widget(setting)
        self.add_widget(self._contact_header())
        for line in self.run.transcript:
            self.add_widget(self._bubble(line))
        last = self._actions()
        self.add_widget(last)
        if reveal:
            Clock.schedule_once(lambda *_: self._reveal(last), 0)

    def _reveal(self, widget: Widget) -> None:
        if widget.parent is self and self.scroll.height < self.scroll.children[0].height:
            self.scroll.scroll_to(widget, padding=dp(8), animate=False)

    def _contact_header(self) -> BoxLayout:
        activity = self.run.activity
        name = tr(activity.contact_name)
        row = BoxLayout(size_hint_y=None, height=dp(AVATAR + 8), spacing=dp(10))
        row.add_widget(
            Avatar(
                colour=activity.contact_colour,
                initial=name[:1].upper(),
                size_hint=(None, None),
                size=(dp(AVATAR), dp(AVATAR)),
                pos_hint={"center_y": 0.5},
            )
        )
        row.add_widget(
            WrapLabel(
                text=_("{player} is chatting with {name}").format(player=self.player, name=name),
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
        bubble = Card(
            size_hint_x=0.78,
            padding=dp(12),
            bg=theme.rgba(theme.PRIMARY if mine else theme.THEM_BUBBLE),
            border=theme.rgba(theme.PRIMARY if mine else theme.BORDER),
        )
        bubble.add_widget(
            WrapLabel(text=text, color=theme.rgba(theme.ON_PRIMARY if mine else theme.TEXT))
        )
        row = BoxLayout(size_hint_y=None, spacing=dp(8))
        bubble.bind(height=lambda *_: setattr(row, "height", bubble.height))
        if mine:
            row.add_widget(Widget(size_hint_x=0.22))
            row.add_widget(bubble)
        else:
            name = tr(self.run.activity.contact_name)
            row.add_widget(
                Avatar(
                    colour=self.run.activity.contact_colour,
                    initial=name[:1].upper(),
                    size_hint=(None, None),
                    size=(dp(AVATAR * 0.8), dp(AVATAR * 0.8)),
                    pos_hint={"top": 1},
                )
            )
            row.add_widget(bubble)
            row.add_widget(Widget(size_hint_x=0.05))
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
        return card

    def _choose(self, choice_id: str) -> None:
        self.run.choose(choice_id)
        self.render()

    def _retry(self) -> None:
        self.run.retry()
        self.render()

    def _proceed(self) -> None:
        self.run.proceed()
        self.render()
