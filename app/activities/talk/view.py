"""Kivy view of "Talk about it": a prompt, hints on tap, a scratch box that is never saved."""

from __future__ import annotations

from kivy.animation import Animation
from kivy.app import App
from kivy.metrics import dp
from kivy.uix.widget import Widget

from app.activities.talk.logic import TalkRun
from app.i18n import _, tr
from app.ui import theme
from app.ui.activity_view import ActivityView
from app.ui.widgets import AppButton, AppTextInput, Card, WrapLabel


def fade_in(widget: Widget) -> None:
    """A gentle, short fade for a new hint: readable at once, settled within 0.3 s."""
    if getattr(App.get_running_app(), "reduce_motion", False):
        return
    widget.opacity = 0.55
    Animation(opacity=1, d=0.3, t="out_quad").start(widget)


class IdeasInput(AppTextInput):
    """A scratch box for the child's ideas. Its text lives only in this widget.

    Nothing reads it back: not the run, not the store, not read aloud. It disappears with
    the view when the child moves on. Enter/Space from the keyboard focus it (focus.py).
    """

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("multiline", True)
        kwargs.setdefault("size_hint_y", None)
        kwargs.setdefault("padding", [dp(12), dp(12), dp(12), dp(12)])
        kwargs.setdefault("background_normal", "")
        kwargs.setdefault("background_active", "")
        kwargs.setdefault("background_color", theme.rgba(theme.SURFACE))
        kwargs.setdefault("foreground_color", theme.rgba(theme.TEXT))
        kwargs.setdefault("hint_text_color", theme.rgba(theme.TEXT_MUTED))
        kwargs.setdefault("cursor_color", theme.rgba(theme.PRIMARY))
        kwargs.setdefault("selection_color", theme.rgba(theme.PRIMARY, 0.3))
        super().__init__(**kwargs)
        self.bind(pos=self._draw_border, size=self._draw_border, focus=self._draw_border)
        app = App.get_running_app()
        if app is not None and hasattr(app, "font_size"):
            app.bind(ui_scale=self._fit_font)
        self._fit_font()

    def keyboard_on_key_down(self, window, keycode, text, modifiers):
        if keycode[1] == "tab":
            # Leave the box: the app's focus ring moves on (focus.py), and typed keys
            # such as Space must not land here any more.
            self.focus = False
            return False
        return super().keyboard_on_key_down(window, keycode, text, modifiers)

    def _fit_font(self, *_args) -> None:
        """Body text size, following the app's scale on big screens; room for 4 lines."""
        app = App.get_running_app()
        size = app.font_size("body") if app is not None and hasattr(app, "font_size") else dp(18)
        self.font_size = size
        self.height = max(dp(theme.TOUCH_MIN) * 2, size * 1.3 * 4 + dp(24))

    def _draw_border(self, *_args) -> None:
        from kivy.graphics import Color, Line

        self.canvas.after.remove_group("border")
        with self.canvas.after:
            Color(*theme.rgba(theme.PRIMARY if self.focus else theme.BORDER), group="border")
            Line(
                rounded_rectangle=(self.x, self.y, self.width, self.height, dp(8)),
                width=dp(2 if self.focus else 1),
                group="border",
            )


class TalkView(ActivityView):
    run: TalkRun

    def __init__(self, **kwargs) -> None:
        self.ideas: IdeasInput | None = None
        self.adult_open = False
        super().__init__(**kwargs)

    def render(self, scroll_to_top: bool = True) -> None:
        self.clear_widgets()
        activity = self.run.activity
        self._prompt()
        if activity.hints:
            self._hints()
        if activity.write_box:
            self._write_box()
        self.add_widget(AppButton(text=_("We talked about it"), on_press=self._finish))
        if activity.for_adults:
            self._for_adults()
        self.changed(scroll_to_top)

    def _prompt(self) -> None:
        card = Card(
            bg=theme.rgba(theme.SECONDARY),
            border=theme.rgba(theme.SECONDARY),
            padding=dp(theme.PAD) * 1.25,
        )
        card.add_widget(
            WrapLabel(
                text=_("Talk about it together"),
                bold=True,
                size_role="small",
                color=theme.rgba(theme.ON_SECONDARY),
            )
        )
        setting = self.run.activity.setting
        if setting is not None:
            card.add_widget(WrapLabel(text=tr(setting), color=theme.rgba(theme.ON_SECONDARY)))
        card.add_widget(
            WrapLabel(
                text=tr(self.run.activity.prompt),
                bold=True,
                size_role="large",
                color=theme.rgba(theme.ON_SECONDARY),
            )
        )
        card.add_widget(
            WrapLabel(
                text=_("There are no wrong ideas. Anyone can pass."),
                color=theme.rgba(theme.ON_SECONDARY),
            )
        )
        self.add_widget(card)

    def _hints(self) -> None:
        run = self.run
        total = len(run.activity.hints)
        self.add_widget(
            WrapLabel(
                text=(
                    _("Things to think about ({shown} of {total})").format(
                        shown=run.revealed, total=total
                    )
                    if run.revealed
                    else _("Things to think about")
                ),
                bold=True,
                size_role="large",
            )
        )
        for number, hint in enumerate(run.shown_hints, start=1):
            card = Card()
            card.add_widget(WrapLabel(text=tr(hint)))
            self.add_widget(card)
            if number == run.revealed and self._just_revealed:
                fade_in(card)
        if run.more_hints:
            self.add_widget(
                AppButton(
                    text=_("Show something to think about"),
                    style="secondary",
                    on_press=self._reveal,
                )
            )

    _just_revealed = False

    def _reveal(self) -> None:
        self.run.reveal()
        self._just_revealed = True
        self.render(scroll_to_top=False)
        self._just_revealed = False

    def _write_box(self) -> None:
        self.add_widget(WrapLabel(text=_("Write your ideas (not saved)"), bold=True))
        if self.ideas is None:
            self.ideas = IdeasInput(hint_text=_("Type your ideas here\u2026"))
        self.add_widget(self.ideas)
        self.add_widget(
            WrapLabel(
                text=_(
                    "This box is only for now. What you write is never saved, and it is "
                    "cleared when you move on."
                ),
                size_role="small",
                color=theme.rgba(theme.TEXT_MUTED),
            )
        )

    def _for_adults(self) -> None:
        toggle = AppButton(
            text=_("For the grown-up"),
            style="quiet",
            selected=self.adult_open,
            on_press=self._toggle_adults,
        )
        self.add_widget(toggle)
        if not self.adult_open:
            return
        card = Card()
        card.add_widget(
            WrapLabel(
                text=_("Points you might draw out:"),
                bold=True,
                color=theme.rgba(theme.TEXT_MUTED),
            )
        )
        for point in self.run.activity.for_adults:
            card.add_widget(WrapLabel(text="\u2022  " + tr(point)))
        self.add_widget(card)

    def _toggle_adults(self) -> None:
        self.adult_open = not self.adult_open
        self.render(scroll_to_top=False)

    def _finish(self) -> None:
        if self.ideas is not None:
            self.ideas.text = ""  # gone for good as the child moves on
        self.run.finish()
        self.on_done()
