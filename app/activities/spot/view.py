"""Kivy view of spot-the-signs: a chat or a profile card whose parts the child flags.

Each message or profile line is one toggle (`SpotToggle`): touch, or Tab then Enter/Space,
flags it. A flag shows in three ways at once: a thicker outline, a tinted background and a
round badge with a flag drawn in it. After "Check" every part that matters gets a card
under it saying why, and a counter says how many signs were found. There is no fail state.
"""

from __future__ import annotations

from kivy.animation import Animation
from kivy.core.text import Label as CoreLabel
from kivy.graphics import Color, Ellipse, Line, Mesh
from kivy.metrics import dp
from kivy.properties import (
    NumericProperty,
    OptionProperty,
    StringProperty,
)
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.widget import Widget

from app.activities.spot.logic import FINE, FOUND, MISSED, WRONG, SpotItem, SpotRun
from app.i18n import _, ngettext, number, plural, tr
from app.ui import theme
from app.ui.activity_view import ActivityView
from app.ui.art import AvatarFace
from app.ui.widgets import AppButton, Bubble, Card, Column, Row, WrapLabel, when_showing

AVATAR = 36  # dp, beside "them" bubbles
BADGE = 32  # dp, the flag badge beside each item
GAP = 8  # dp, between the parts of a row

PICKED = "picked"
UNPICKED = "unpicked"
NO_MARK = "none"  # after checking, items that needed no flag show no badge

# How an item looks in each state: background, text, border, border width (dp).
SURFACE_LOOK = (theme.THEM_BUBBLE, theme.TEXT, theme.BORDER, 1)
MINE_LOOK = (theme.PRIMARY, theme.ON_PRIMARY, theme.PRIMARY, 1)
BIO_LOOK = (theme.BACKGROUND, theme.TEXT, theme.BORDER, 1)  # bio lines on paper, posts on white
PICKED_LOOK = (theme.SECONDARY, theme.ON_SECONDARY, theme.PRIMARY, 3)
RESULT_LOOK = {
    FOUND: (theme.SAFE_BG, theme.SAFE_TEXT, theme.SAFE_TEXT, 2.5),
    MISSED: (theme.CAUTION_BG, theme.CAUTION_TEXT, theme.CAUTION_TEXT, 2.5),
    WRONG: (theme.SECONDARY, theme.ON_SECONDARY, theme.PRIMARY, 2.5),
}


# --- drawn parts -----------------------------------------------------------------------


class Badge(Widget):
    """A round badge drawn as vector shapes: an empty ring, a flag or a tick."""

    mark = OptionProperty(UNPICKED, options=[NO_MARK, UNPICKED, PICKED, FOUND, MISSED, WRONG])
    pop = NumericProperty(1.0)  # briefly above 1 right after a tap

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("size_hint", (None, None))
        kwargs.setdefault("size", (dp(BADGE), dp(BADGE)))
        kwargs.setdefault("pos_hint", {"center_y": 0.5})
        super().__init__(**kwargs)
        self.bind(pos=self._draw, size=self._draw, mark=self._draw, pop=self._draw)
        self._draw()

    def bounce(self) -> None:
        Animation.cancel_all(self, "pop")
        self.pop = 1.25
        Animation(pop=1.0, d=0.2, t="out_quad").start(self)

    def _draw(self, *_args) -> None:
        self.canvas.clear()
        if self.mark == NO_MARK:
            return
        r = min(self.size) / 2 * self.pop
        cx, cy = self.center
        fill, ink = {
            UNPICKED: (None, theme.TEXT_MUTED),
            PICKED: (theme.PRIMARY, theme.ON_PRIMARY),
            FOUND: (theme.SAFE_TEXT, theme.SAFE_BG),
            MISSED: (theme.CAUTION_TEXT, theme.CAUTION_BG),
            WRONG: (None, theme.PRIMARY),
        }[self.mark]
        with self.canvas:
            if fill is None:
                Color(*theme.rgba(theme.SURFACE))
                Ellipse(pos=(cx - r, cy - r), size=(2 * r, 2 * r))
                Color(*theme.rgba(ink))
                Line(circle=(cx, cy, r - dp(1)), width=dp(1.5))
            else:
                Color(*theme.rgba(fill))
                Ellipse(pos=(cx - r, cy - r), size=(2 * r, 2 * r))
                Color(*theme.rgba(ink))
            if self.mark == FOUND:
                _tick(cx, cy, r)
            elif self.mark != UNPICKED:
                _flag(cx, cy, r)


def _flag(cx: float, cy: float, r: float) -> None:
    """A pole with a pennant, centred in a circle of radius r."""
    pole_x = cx - r * 0.32
    Line(points=[pole_x, cy - r * 0.5, pole_x, cy + r * 0.5], width=max(1.0, r * 0.09), cap="round")
    top, bottom, tip = cy + r * 0.5, cy - r * 0.02, cx + r * 0.42
    vertices = [pole_x, top, 0, 0, tip, (top + bottom) / 2, 0, 0, pole_x, bottom, 0, 0]
    Mesh(vertices=vertices, indices=[0, 1, 2], mode="triangles")


def _tick(cx: float, cy: float, r: float) -> None:
    Line(
        points=[cx - r * 0.42, cy, cx - r * 0.1, cy - r * 0.32, cx + r * 0.45, cy + r * 0.35],
        width=max(1.2, r * 0.11),
        cap="round",
        joint="round",
    )


class HugLabel(WrapLabel):
    """A wrapping label as wide as its text needs, up to `max_width` (chat bubbles)."""

    max_width = NumericProperty(dp(200))

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("size_hint_x", None)
        super().__init__(**kwargs)
        self.bind(max_width=self._fit, text=self._fit, font_size=self._fit, bold=self._fit)
        self._fit()

    def _fit(self, *_args) -> None:
        measure = CoreLabel(font_size=self.font_size, font_name=self.font_name, bold=self.bold)
        natural = max(measure.get_extents(line)[0] for line in self.text.split("\n"))
        self.width = max(dp(8), min(self.max_width, natural + dp(2)))


# --- the tappable parts -----------------------------------------------------------------


class ItemRow(Row):
    """One message or profile line with its badge; sized by its tallest part."""

    text = StringProperty("")  # the item's text: lets keys and tests find the control
    min_height = NumericProperty(dp(theme.TOUCH_MIN))

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("size_hint_y", None)
        kwargs.setdefault("spacing", dp(GAP))
        super().__init__(**kwargs)
        self.bubble: Bubble | None = None
        self.label: WrapLabel | None = None
        self.badge: Badge | None = None

    def fit_height(self, *_args) -> None:
        if self.bubble is not None:
            self.height = max(self.min_height, self.bubble.height)


class SpotToggle(ButtonBehavior, ItemRow):
    """A flaggable item: touch it, or Tab to it and press Enter/Space."""

    keyboard_focusable = True
    item_id = StringProperty("")


# --- the view ---------------------------------------------------------------------------


class SpotView(ActivityView):
    run: SpotRun

    def render(self) -> None:
        self.clear_widgets()
        self.rows: dict[str, ItemRow] = {}
        activity = self.run.activity
        checked = self.run.checked
        if checked:
            self.add_widget(self._result_card())
        else:
            self.add_widget(WrapLabel(text=tr(activity.instruction), bold=True))
            self.add_widget(WrapLabel(text=self._hint(), color=theme.rgba(theme.TEXT_MUTED)))
        if activity.layout == "conversation":
            self.add_widget(self._conversation())
        else:
            self.add_widget(self._profile())
        if checked:
            summary = Card(bg=theme.rgba(theme.SECONDARY), border=theme.rgba(theme.PRIMARY))
            colour = theme.rgba(theme.ON_SECONDARY)
            summary.add_widget(
                WrapLabel(text=_("Remember"), bold=True, size_role="large", color=colour)
            )
            summary.add_widget(WrapLabel(text=tr(activity.summary), color=colour))
            self.add_widget(summary)
            self.add_widget(AppButton(text=_("Next"), on_press=self.on_done))
        else:
            self.add_widget(AppButton(text=_("Check"), on_press=self._check))
        self.changed()

    def _scaled(self, value: float) -> float:
        """dp scaled like the app's text on large windows."""
        return dp(value) * getattr(self.app, "ui_scale", 1.0)

    def _badge(self, mark: str) -> Badge:
        return Badge(mark=mark, size=(self._scaled(BADGE), self._scaled(BADGE)))

    def _hint(self) -> str:
        if self.run.activity.layout == "conversation":
            return _("Tap a message to put a flag on it. Tap it again to take the flag off.")
        return _(
            "Tap a part of the profile to put a flag on it. Tap it again to take the flag off."
        )

    # --- the result ---------------------------------------------------------------------

    def _result_card(self) -> Card:
        run = self.run
        found, total, wrong = run.found, run.total_signs, run.wrong
        every = found == total
        card = Card(
            bg=theme.rgba(theme.SAFE_BG if every else theme.SECONDARY),
            border=theme.rgba(theme.SAFE_TEXT if every else theme.PRIMARY),
        )
        colour = theme.rgba(theme.SAFE_TEXT if every else theme.ON_SECONDARY)
        counter = ngettext(
            "You found {found} of {total} warning sign.",
            "You found {found} of {total} warning signs.",
            total,
        ).format(found=number(found), total=number(total))
        card.add_widget(WrapLabel(text=counter, bold=True, size_role="large", color=colour))
        if every:
            more = _("Great detective work! Read why each one is a warning sign.")
        elif found == 0:
            more = _("Good try! Read about each warning sign below, so you know what to look for.")
        else:
            more = _(
                "Well done for looking carefully! Read about the signs you found "
                "and the ones to look out for."
            )
        card.add_widget(WrapLabel(text=more, color=colour))
        if wrong and self._is_chat:
            also = plural(
                "You also flagged {n} message that is OK. See why below.",
                "You also flagged {n} messages that are OK. See why below.",
                wrong,
            )
        elif wrong:
            also = plural(
                "You also flagged {n} part that is OK. See why below.",
                "You also flagged {n} parts that are OK. See why below.",
                wrong,
            )
        if wrong:
            card.add_widget(WrapLabel(text=also, color=colour))
        return card

    def _feedback(self, item: SpotItem, result: str) -> Card:
        bg, text, border, _width = RESULT_LOOK[result]
        heading = {
            FOUND: _("A warning sign, and you spotted it!"),
            MISSED: _("This is a warning sign too."),
            WRONG: _("Good to be careful! This one is OK."),
        }[result]
        card = Card(bg=theme.rgba(bg), border=theme.rgba(border), padding=dp(12))
        colour = theme.rgba(text)
        card.add_widget(WrapLabel(text=heading, bold=True, color=colour))
        card.add_widget(WrapLabel(text=tr(item.explanation), color=colour))
        return card

    def _with_feedback(self, row: ItemRow, item: SpotItem, indent: float) -> Widget:
        """After checking: the item, then (if it matters) why, indented under its bubble."""
        result = self.run.result(item)
        if not self.run.checked or result == FINE:
            return row
        box = Column(spacing=dp(4), padding=(0, 0, 0, dp(6)))
        box.add_widget(row)
        line = Row(size_hint_y=None, spacing=0)
        card = self._feedback(item, result)
        card.bind(height=lambda *_: setattr(line, "height", card.height))
        for part in [Widget(size_hint_x=None, width=indent), card]:
            line.add_widget(part)
        box.add_widget(line)
        return box

    # --- rows ---------------------------------------------------------------------------

    def _row(self, item: SpotItem) -> ItemRow:
        if self.run.checked:
            row = ItemRow(text=tr(item.text))
        else:
            row = SpotToggle(text=tr(item.text), item_id=item.id)
            row.bind(on_release=when_showing(lambda r=row: self._toggle(r.item_id), row))
        self.rows[item.id] = row
        return row

    def _look(self, item: SpotItem) -> tuple[tuple, str]:
        """The item's look and badge mark for the current state of the run."""
        checked = self.run.checked
        if checked and self.run.result(item) != FINE:
            return RESULT_LOOK[self.run.result(item)], self.run.result(item)
        if not checked and self.run.is_selected(item.id):
            return PICKED_LOOK, PICKED
        mark = NO_MARK if checked else UNPICKED
        if self._is_chat:
            return (MINE_LOOK if item.sender == "me" else SURFACE_LOOK), mark
        return (BIO_LOOK if item.kind == "bio" else SURFACE_LOOK), mark

    def _restyle(self, item: SpotItem) -> None:
        row = self.rows[item.id]
        look, mark = self._look(item)
        row.label.color = theme.rgba(row.bubble.look(look))
        row.badge.mark = mark

    @property
    def _is_chat(self) -> bool:
        return self.run.activity.layout == "conversation"

    def _toggle(self, item_id: str) -> None:
        if self.run.checked:
            return
        self.run.toggle(item_id)
        item = self.run.activity.item(item_id)
        self._restyle(item)
        if not getattr(self.app, "reduce_motion", False):
            self.rows[item_id].badge.bounce()

    def _check(self) -> None:
        self.run.check()
        self.render()

    # --- conversation -------------------------------------------------------------------

    def _conversation(self) -> Widget:
        activity = self.run.activity
        name = tr(activity.account_name)
        box = Column(spacing=dp(6))
        header = Row(size_hint_y=None, height=self._scaled(52), spacing=dp(10))
        header_text = (
            _("{player} is chatting with {name}").format(player=tr(activity.player), name=name)
            if activity.player
            else _("A chat with {name}").format(name=name)
        )
        header_parts = [
            self._avatar(44),
            WrapLabel(text=header_text, bold=True, pos_hint={"center_y": 0.5}),
        ]
        for part in header_parts:
            header.add_widget(part)
        box.add_widget(header)
        previous = None
        for item in activity.items:
            first_of_run = item.sender != previous
            previous = item.sender
            if first_of_run and box.children:
                box.add_widget(Widget(size_hint_y=None, height=dp(2)))
            box.add_widget(self._message(item, show_avatar=first_of_run))
        return box

    def _avatar(self, size: float) -> AvatarFace:
        # Seeded by the untranslated name, so the face is the same in every language.
        return AvatarFace(
            seed=self.run.activity.account_name.source,
            colour=self.run.activity.account_colour or "",
            size_hint=(None, None),
            size=(self._scaled(size), self._scaled(size)),
            pos_hint={"top": 1} if size == AVATAR else {"center_y": 0.5},
        )

    def _message(self, item: SpotItem, show_avatar: bool) -> Widget:
        mine = item.sender == "me"
        row = self._row(item)
        left_tail = not mine  # mirrored by Bubble itself in right-to-left languages
        bubble = Bubble(size_hint=(None, None), tail="left" if left_tail else "right")
        look, mark = self._look(item)
        label = HugLabel(text=tr(item.text))
        label.color = theme.rgba(bubble.look(look))
        bubble.add_widget(label)
        badge = self._badge(mark)
        row.bubble, row.label, row.badge = bubble, label, badge

        def fit(*_args) -> None:
            pad_x = bubble.padding[0] + bubble.padding[2]
            pad_y = bubble.padding[1] + bubble.padding[3]
            room = row.width - self._scaled(AVATAR) - self._scaled(BADGE) - 3 * dp(GAP)
            label.max_width = max(dp(80), min(room, self._scaled(560)) - pad_x)
            bubble.size = (label.width + pad_x, label.height + pad_y)
            row.fit_height()

        row.bind(width=fit)
        label.bind(size=fit)
        fit()
        if mine:
            parts = [Widget(), badge, bubble]
        else:
            avatar = self._avatar(AVATAR) if show_avatar else Widget(size_hint_x=None, width=0)
            avatar.width = self._scaled(AVATAR)
            parts = [avatar, bubble, badge, Widget()]
        for part in parts:
            part.pos_hint = part.pos_hint or {"center_y": 0.5}
            row.add_widget(part)
        indent = 0 if mine else self._scaled(AVATAR) + dp(GAP)
        return self._with_feedback(row, item, indent)

    # --- profile --------------------------------------------------------------------

    def _profile(self) -> Widget:
        activity = self.run.activity
        name = tr(activity.account_name)
        card = Card(bg=theme.rgba(theme.SURFACE), border=theme.rgba(theme.BORDER))
        card.spacing = dp(8)
        header = Row(size_hint_y=None, height=self._scaled(72), spacing=dp(12))
        title = Column(spacing=dp(2), pos_hint={"center_y": 0.5})
        title.add_widget(WrapLabel(text=name, bold=True, size_role="large"))
        title.add_widget(
            WrapLabel(text=_("Profile"), size_role="small", color=theme.rgba(theme.TEXT_MUTED))
        )
        for part in [self._avatar(64), title]:
            header.add_widget(part)
        card.add_widget(header)
        headings = {"bio": _("About"), "post": _("Posts")}
        for item in activity.items:
            heading = headings.pop(item.kind, None)
            if heading is not None:
                card.add_widget(Widget(size_hint_y=None, height=dp(2)))
                card.add_widget(
                    WrapLabel(text=heading, bold=True, color=theme.rgba(theme.TEXT_MUTED))
                )
            card.add_widget(self._field(item))
        return card

    def _field(self, item: SpotItem) -> Widget:
        row = self._row(item)
        bubble = Bubble(size_hint_y=None)
        look, mark = self._look(item)
        if item.kind == "name":
            label = WrapLabel(text=tr(item.text), bold=True, size_role="large")
        else:
            label = WrapLabel(text=tr(item.text))
        label.color = theme.rgba(bubble.look(look))
        bubble.add_widget(label)
        badge = self._badge(mark)
        row.bubble, row.label, row.badge = bubble, label, badge

        def fit(*_args) -> None:
            bubble.height = label.height + bubble.padding[1] + bubble.padding[3]
            row.fit_height()

        label.bind(height=fit)
        fit()
        for part in [bubble, badge]:
            part.pos_hint = {"center_y": 0.5}
            row.add_widget(part)
        return self._with_feedback(row, item, 0)

    # --- read aloud -----------------------------------------------------------------

    def narration(self) -> str:
        activity = self.run.activity
        run = self.run
        lines = []
        if run.checked:
            card = self._result_card()
            lines += [w.text for w in reversed(card.children)]
        else:
            lines += [tr(activity.instruction), self._hint()]
        account = tr(activity.account_name)
        if not self._is_chat:
            lines.append(_("The profile of {name}.").format(name=account))
        for item in activity.items:
            text = tr(item.text)
            if self._is_chat:
                who = tr(activity.player) if item.sender == "me" and activity.player else account
                text = _("{name} says: {text}").format(name=who, text=text)
            lines.append(text)
            if run.checked and run.result(item) != FINE:
                card = self._feedback(item, run.result(item))
                lines += [w.text for w in reversed(card.children)]
            elif run.is_selected(item.id):
                lines.append(_("Flagged."))
        if run.checked:
            lines.append(tr(activity.summary))
        return "\n".join(lines)
