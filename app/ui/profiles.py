"""Who is learning? Pseudonymous profiles: a picture and an optional nickname, nothing else."""

from __future__ import annotations

from kivy.graphics import Color, Line, RoundedRectangle
from kivy.metrics import dp
from kivy.properties import BooleanProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.gridlayout import GridLayout

from app.core.pictures import PROFILE_AVATARS
from app.i18n import _
from app.store.progress import Profile
from app.ui import theme
from app.ui.art import AvatarFace
from app.ui.screens import BaseScreen
from app.ui.widgets import AppButton, AppTextInput, WrapLabel, rtl, when_showing

NICKNAME_MAX = 20
TILE = 96


def profile_name(profile: Profile, number: int) -> str:
    return profile.nickname or _("Learner {n}").format(n=number)


class FaceTile(ButtonBehavior, BoxLayout):
    """A face with a name under it; pressing it chooses it. Keys reach it like any button."""

    keyboard_focusable = True
    selected = BooleanProperty(False)

    def __init__(self, avatar: str, text: str, on_press, show_text: bool = True, **kwargs):
        kwargs.setdefault("orientation", "vertical")
        kwargs.setdefault("size_hint_y", None)
        kwargs.setdefault("padding", dp(6))
        super().__init__(**kwargs)
        self.text = text
        self.avatar = avatar
        self.height = dp(TILE) + (dp(36) if show_text else dp(12))
        self.add_widget(AvatarFace(person=PROFILE_AVATARS.get(avatar), seed=avatar))
        if show_text:
            self.add_widget(WrapLabel(text=text, halign="center", size_role="small", bold=True))
        self.bind(on_release=when_showing(on_press, self))
        self.bind(pos=self._draw, size=self._draw, selected=self._draw, state=self._draw)

    def _draw(self, *_args) -> None:
        self.canvas.before.clear()
        lit = self.selected or self.state == "down"
        with self.canvas.before:
            Color(*theme.rgba(theme.SECONDARY if lit else theme.SURFACE))
            RoundedRectangle(pos=self.pos, size=self.size, radius=[dp(theme.RADIUS)])
            Color(*theme.rgba(theme.PRIMARY if self.selected else theme.BORDER))
            Line(
                rounded_rectangle=(self.x, self.y, self.width, self.height, dp(theme.RADIUS)),
                width=dp(3 if self.selected else 1),
            )


def tile_grid() -> GridLayout:
    """A grid of face tiles with as many columns as fit (2 to 6), kept up to date."""
    grid = GridLayout(
        cols=2, spacing=dp(10), size_hint_y=None, orientation="rl-tb" if rtl() else "lr-tb"
    )
    grid.bind(minimum_height=grid.setter("height"))
    grid.bind(
        width=lambda _grid, width: setattr(grid, "cols", max(2, min(6, int(width // dp(TILE + 8)))))
    )
    return grid


class WhoScreen(BaseScreen):
    """Choose your profile, or add someone new."""

    def fill(self) -> None:
        self.heading(_("Who is learning?"))
        profiles = self.app.store.profiles()
        grid = tile_grid()
        for number, profile in enumerate(profiles, start=1):
            grid.add_widget(
                FaceTile(
                    profile.avatar,
                    profile_name(profile, number),
                    on_press=lambda p=profile.id: self._choose(p),
                )
            )
        self.column.add_widget(grid)
        self.column.add_widget(
            AppButton(
                text=_("Someone new"),
                style="secondary",
                on_press=lambda: self.app.show("new-learner"),
            )
        )

    def _choose(self, profile_id: int) -> None:
        self.app.use_profile(profile_id)
        self.app.show("bands")


class NicknameField(AppTextInput):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("multiline", False)
        kwargs.setdefault("background_normal", "")
        kwargs.setdefault("background_active", "")
        kwargs.setdefault("background_color", theme.rgba(theme.SURFACE))
        kwargs.setdefault("foreground_color", theme.rgba(theme.TEXT))
        super().__init__(**kwargs)
        self.bind(pos=self._frame, size=self._frame, focus=self._frame)

    def _frame(self, *_args) -> None:
        self.canvas.after.remove_group("frame")
        with self.canvas.after:
            Color(*theme.rgba(theme.PRIMARY if self.focus else theme.TEXT_MUTED), group="frame")
            Line(
                rounded_rectangle=(self.x, self.y, self.width, self.height, dp(10)),
                width=dp(2.5 if self.focus else 1.2),
                group="frame",
            )

    def insert_text(self, substring: str, from_undo: bool = False):
        room = NICKNAME_MAX - len(self.text) + len(self.selection_text)
        return super().insert_text(substring[: max(0, room)], from_undo=from_undo)


class NewLearnerScreen(BaseScreen):
    """A picture (required, one tap) and a nickname (optional); no real names needed."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.chosen = "a1"
        self.nickname: NicknameField | None = None

    def fill(self) -> None:
        self.heading(_("Choose your picture"))
        grid = tile_grid()
        for number, avatar in enumerate(PROFILE_AVATARS, start=1):
            tile = FaceTile(
                avatar,
                _("Picture {n}").format(n=number),
                on_press=lambda a=avatar: self._pick(a),
                show_text=False,
                selected=avatar == self.chosen,
            )
            grid.add_widget(tile)
        self.column.add_widget(grid)
        self.paragraph(_("Nickname (you can leave this empty)"), bold=True)
        self.nickname = NicknameField(
            hint_text=_("For example: Star Fox"),
            size_hint_y=None,
            height=dp(theme.TOUCH_MIN),
            font_size=self.app.font_size("body"),
            padding=(dp(12), dp(14)),
        )
        self.column.add_widget(self.nickname)
        self.paragraph(
            _("Use a made-up name, not your full name. It stays on this device."),
            size_role="small",
            color=theme.rgba(theme.TEXT_MUTED),
        )
        self.bottom_bar.add_widget(AppButton(text=_("Start"), on_press=self._start))

    def _pick(self, avatar: str) -> None:
        self.chosen = avatar
        for widget in self.column.walk(restrict=True):
            if isinstance(widget, FaceTile):
                widget.selected = widget.avatar == avatar

    def _start(self) -> None:
        nickname = self.nickname.text.strip() if self.nickname else ""
        profile = self.app.store.add_profile(self.chosen, nickname)
        if self.nickname is not None:
            self.nickname.text = ""  # the field is rebuilt next time; keep nothing around
        self.chosen = "a1"
        self.app.use_profile(profile.id)
        self.app.show("bands")
