"""Kivy view of a story: one panel at a time, its picture and lines, then Back and Next."""

from __future__ import annotations

from kivy.animation import Animation
from kivy.core.window import Window
from kivy.graphics import Color, Ellipse, Line
from kivy.metrics import dp
from kivy.properties import NumericProperty
from kivy.uix.widget import Widget

from app.activities.story.logic import Panel, StoryRun
from app.i18n import _, tr
from app.ui import theme
from app.ui.activity_view import ActivityView
from app.ui.art import AvatarFace, PictureView
from app.ui.widgets import AppButton, Card, Row, WrapLabel, rtl

FACE = 44  # dp: the speaker's face


class PageDots(Widget):
    """One dot per panel: the ones read filled, the current one larger and outlined."""

    current = NumericProperty(0)
    total = NumericProperty(1)

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("size_hint_y", None)
        kwargs.setdefault("height", dp(20))
        super().__init__(**kwargs)
        self.bind(pos=self._draw, size=self._draw, current=self._draw, total=self._draw)

    def _draw(self, *_args) -> None:
        self.canvas.clear()
        count = max(1, int(self.total))
        step = dp(22)
        start = self.center_x - step * (count - 1) / 2
        with self.canvas:
            for i in range(count):
                x = start + step * (count - 1 - i if rtl() else i)
                radius = dp(7) if i == self.current else dp(5)
                Color(*theme.rgba(theme.PRIMARY if i <= self.current else theme.STAR_EMPTY))
                Ellipse(pos=(x - radius, self.center_y - radius), size=(radius * 2, radius * 2))
                if i == self.current:
                    Color(*theme.rgba(theme.PRIMARY))
                    Line(circle=(x, self.center_y, radius + dp(2.5)), width=dp(1.2))


class StoryView(ActivityView):
    run: StoryRun

    def render(self) -> None:
        self.clear_widgets()
        run = self.run
        panel = run.panel
        if panel.picture is not None:
            self.add_widget(
                PictureView(picture=panel.picture, max_height=max(dp(180), Window.height * 0.42))
            )
        self.add_widget(self._words(panel))
        self.add_widget(PageDots(current=run.index, total=run.total))
        self.add_widget(
            WrapLabel(
                text=_("{n} of {total}").format(n=run.index + 1, total=run.total),
                halign="center",
                size_role="small",
                color=theme.rgba(theme.TEXT_MUTED),
            )
        )
        self.add_widget(self._buttons())
        self.changed()

    def _words(self, panel: Panel) -> Card:
        card = Card(bg=theme.rgba(theme.SURFACE), border=theme.rgba(theme.BORDER))
        if panel.speaker is not None:
            card.add_widget(self._speaker(panel))
        for line in panel.lines:
            card.add_widget(WrapLabel(text=tr(line), size_role="large"))
        return card

    def _speaker(self, panel: Panel) -> Widget:
        """The speaker's face and name, like a contact in a chat app."""
        name = tr(panel.speaker)
        row = Row(size_hint_y=None, height=dp(FACE), spacing=dp(10))
        face = AvatarFace(
            person=panel.speaker_person,
            seed=panel.speaker.source,
            size_hint=(None, None),
            size=(dp(FACE), dp(FACE)),
        )
        label = WrapLabel(
            text=name,
            bold=True,
            color=theme.rgba(theme.PRIMARY),
            pos_hint={"center_y": 0.5},
        )
        for widget in [face, label]:
            row.add_widget(widget)
        return row

    def _buttons(self) -> Widget:
        run = self.run
        next_text = _("Finish the story") if run.is_last else _("Next")
        next_button = AppButton(text=next_text, on_press=self._next)
        if run.is_first:
            return next_button
        row = Row(size_hint_y=None, spacing=dp(theme.GAP))
        back = AppButton(text=_("Previous"), style="secondary", on_press=self._back)
        for button in [back, next_button]:
            row.add_widget(button)
            button.bind(
                height=lambda *_: setattr(row, "height", max(back.height, next_button.height))
            )
        row.height = max(back.height, next_button.height)
        return row

    def _next(self) -> None:
        self.run.next()
        if self.run.finished:
            self.on_done()
        else:
            self._turn()

    def _back(self) -> None:
        self.run.back()
        self._turn()

    def _turn(self) -> None:
        """Show the new page; its picture fades in gently unless motion is reduced."""
        self.render()
        picture = next((w for w in self.children if isinstance(w, PictureView)), None)
        if picture is not None and not getattr(self.app, "reduce_motion", True):
            picture.opacity = 0.35
            Animation(opacity=1, duration=0.25, t="out_quad").start(picture)

    def narration(self) -> str:
        """Read the current panel: who is speaking, then the lines."""
        panel = self.run.panel
        lines = [tr(line) for line in panel.lines]
        if panel.speaker is not None:
            return _("{speaker} says:").format(speaker=tr(panel.speaker)) + "\n" + "\n".join(lines)
        return "\n".join(lines)
