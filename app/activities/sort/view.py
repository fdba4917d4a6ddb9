"""Kivy view of a sort activity: drag (or tap) one card at a time into a bin.

Two ways to sort, running the same code in the end (`_place`):
- drag: touch the card, move it over a bin (the bin lights up), let go; let go anywhere
  else and the card slides back;
- tap or keys: each bin is a button ("Put it in: OK"), keyboard focusable, so a child who
  cannot drag taps a bin (tapping the card first only lights the bins up) or uses Tab
  and Enter.

The drag is caught at the window, before the screen's ScrollView sees the touch, so a
quick drag downwards never turns into a scroll; while the finger is down the card is
drawn as a "ghost" on top of everything and the page under it stays still. On a phone
the card sits on top and the bins right below it, so both fit on one screen.
"""

from __future__ import annotations

from collections.abc import Callable

from kivy.animation import Animation
from kivy.clock import Clock
from kivy.core.window import Window
from kivy.graphics import Color, Line, RoundedRectangle
from kivy.metrics import dp
from kivy.properties import BooleanProperty, NumericProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from app.activities.sort.logic import Placement, SortBin, SortCard, SortRun
from app.i18n import _, tr
from app.ui import theme
from app.ui.activity_view import ActivityView
from app.ui.picture_choice import ChoiceArt
from app.ui.widgets import AppButton, Card, Row, WrapLabel, tone_card, when_showing

YOUNGEST_BAND = "5-7"
DRAG_START = 10  # dp the finger must travel before a touch on the card becomes a drag
BIN_MIN_WIDTH = 92  # dp; narrower than this and the bins stack instead of sitting in a row
BIN_ROOMY_WIDTH = 140  # dp; narrower than this and the bins' text gets compact
BIN_ROW_HEIGHT = 84  # dp; bins in a row are tall enough to look like something to drop into
CARD_MAX_WIDTH = 560  # dp; the card stays card-shaped on wide screens
STACK_OFFSET = 5  # dp between the cards of the stack drawn behind the current card
PHONE_WIDTH = 480  # dp; below this the card text is one size smaller
PICTURE_HEIGHT = 0.22  # a card's picture: at most this share of the window's height
PICTURE_MIN, PICTURE_MAX = 96, 190  # dp (the largest times the app's ui scale)

# tone -> (background, text and border)
BIN_COLOURS = {
    "safe": (theme.SAFE_BG, theme.SAFE_TEXT),
    "caution": (theme.CAUTION_BG, theme.CAUTION_TEXT),
    None: (theme.SURFACE, theme.TEXT),
}


def _in_window_rect(widget: Widget, pos: tuple[float, float]) -> bool:
    """Is a window position inside the widget as drawn on screen?"""
    x, y = widget.to_window(widget.x, widget.y)
    return x <= pos[0] <= x + widget.width and y <= pos[1] <= y + widget.height


def card_text_role() -> str:
    """Large type for the card, one step smaller on a phone so card and bins fit together."""
    return "large" if Window.width >= dp(PHONE_WIDTH) else "body"


def card_picture(card: SortCard, scale: float = 1.0) -> ChoiceArt:
    """A card's picture, above its text: small enough that card and bins fit together."""
    height = max(dp(PICTURE_MIN), min(dp(PICTURE_MAX) * scale, Window.height * PICTURE_HEIGHT))
    return ChoiceArt(picture=card.picture, max_height=height)


def card_words(card: SortCard, counter: str, scale: float = 1.0) -> list[Widget]:
    """What a card shows, top to bottom: "Card 2 of 6", its picture (if any), its text."""
    widgets: list[Widget] = [
        WrapLabel(
            text=counter,
            size_role="small",
            bold=True,
            halign="center",
            color=theme.rgba(theme.TEXT_MUTED),
        )
    ]
    if card.picture is not None:
        widgets.append(card_picture(card, scale))
    widgets.append(WrapLabel(text=tr(card.text), size_role=card_text_role(), halign="center"))
    return widgets


def bin_button_text(bin_: SortBin) -> str:
    return _("Put it in: {bin}").format(bin=tr(bin_.label))


class SortBinButton(ButtonBehavior, BoxLayout):
    """A bin: a drop target for the dragged card and a button that puts the card in it."""

    keyboard_focusable = True
    text = StringProperty("")  # "Put it in: OK": what tests, focus and narration use
    hovered = BooleanProperty(False)  # a dragged card is over this bin
    ready = BooleanProperty(False)  # the card was tapped: this bin waits for a tap
    natural_height = NumericProperty(0)

    def __init__(self, bin_: SortBin, on_choose: Callable[[str], None], **kwargs) -> None:
        kwargs.setdefault("orientation", "vertical")
        kwargs.setdefault("padding", (dp(10), dp(10)))
        kwargs.setdefault("spacing", dp(2))
        super().__init__(**kwargs)
        self.bin = bin_
        self.text = bin_button_text(bin_)
        background, foreground = BIN_COLOURS[bin_.tone]
        self._bg, self._fg = theme.rgba(background), theme.rgba(foreground)
        # Spacers above and below keep the two lines in the middle of a tall bin.
        self.add_widget(Widget())
        self._caption = WrapLabel(
            text=_("Put it in:"), size_role="small", halign="center", color=self._fg
        )
        self._name = WrapLabel(text=tr(bin_.label), bold=True, halign="center", color=self._fg)
        self.add_widget(self._caption)
        self.add_widget(self._name)
        self.add_widget(Widget())
        for label in (self._caption, self._name):
            label.bind(height=self._measure)
        self._measure()
        self.bind(on_release=when_showing(lambda: on_choose(bin_.id), self))
        self.bind(
            pos=self._draw, size=self._draw, hovered=self._draw, ready=self._draw, state=self._draw
        )

    def set_compact(self, compact: bool) -> None:
        """Narrow bins (three on a phone) drop "Put it in:" and use smaller type."""
        self._caption.text = "" if compact else _("Put it in:")
        self._name.size_role = "small" if compact else "body"

    def _measure(self, *_args) -> None:
        self.natural_height = (
            self._caption.height + self._name.height + self.spacing + 2 * self.padding[1]
        )

    def _draw(self, *_args) -> None:
        # Under a dragged card (or pressed): light blue with a thick blue edge. Waiting for
        # a tap after the card was tapped: its own colour with a thick blue edge. The bin
        # colours keep at least 7:1 text contrast on the light blue too.
        lit = self.hovered or self.state == "down"
        self.canvas.before.clear()
        radius = dp(theme.RADIUS)
        with self.canvas.before:
            Color(*(theme.rgba(theme.SECONDARY) if lit else self._bg))
            RoundedRectangle(pos=self.pos, size=self.size, radius=[radius])
            Color(*(theme.rgba(theme.PRIMARY) if lit or self.ready else self._fg))
            Line(
                rounded_rectangle=(self.x, self.y, self.width, self.height, radius),
                width=dp(3.5 if lit else 2.5 if self.ready else 1.5),
            )


class BinsArea(Row):
    """The bins side by side when there is room, stacked full-width when there is not."""

    def __init__(self, bins: list[SortBinButton], scale: float = 1.0, **kwargs) -> None:
        kwargs.setdefault("size_hint_y", None)
        kwargs.setdefault("spacing", dp(10))
        super().__init__(**kwargs)
        self.bins = bins
        self.scale = scale
        for bin_ in bins:
            self.add_widget(bin_)
            bin_.bind(natural_height=self._arrange)
        self.bind(width=self._arrange)
        self._arrange()

    @property
    def per_bin(self) -> float:
        count = len(self.bins)
        return (self.width - self.spacing * (count - 1)) / count

    def _arrange(self, *_args) -> None:
        compact = self.per_bin < dp(BIN_ROOMY_WIDTH)
        for bin_ in self.bins:
            bin_.set_compact(compact)
        if self.per_bin >= dp(BIN_MIN_WIDTH):
            self.orientation = "horizontal"
            height = max([dp(BIN_ROW_HEIGHT) * self.scale] + [b.natural_height for b in self.bins])
            for bin_ in self.bins:
                bin_.size_hint_y = 1
            self.height = height
        else:
            self.orientation = "vertical"
            for bin_ in self.bins:
                bin_.size_hint_y = None
                bin_.height = max(dp(theme.TOUCH_MIN), bin_.natural_height)
            self.height = sum(b.height for b in self.bins) + self.spacing * (len(self.bins) - 1)


class CardFace(Card):
    """The card itself: "Card 2 of 6" and what happens, in large type."""

    def __init__(self, card: SortCard, counter: str, scale: float = 1.0, **kwargs) -> None:
        kwargs.setdefault("bg", theme.rgba(theme.SURFACE))
        kwargs.setdefault("border", theme.rgba(theme.PRIMARY))
        roomy = Window.width >= dp(PHONE_WIDTH)  # a taller card on tablets and whiteboards
        kwargs.setdefault(
            "padding",
            (dp(24), dp(20), dp(24), dp(32)) if roomy else (dp(16), dp(12), dp(16), dp(18)),
        )
        kwargs.setdefault("spacing", dp(6))
        super().__init__(**kwargs)
        self.card = card
        self.counter = counter
        self.scale = scale
        for widget in card_words(card, counter, scale):
            self.add_widget(widget)


class CardStack(BoxLayout):
    """The current card with the cards still to come drawn as a small pile behind it."""

    def __init__(self, face: CardFace, behind: int, max_width: float, **kwargs) -> None:
        offset = dp(STACK_OFFSET) * min(behind, 2)
        kwargs.setdefault("size_hint", (None, None))
        kwargs.setdefault("pos_hint", {"center_x": 0.5})
        kwargs.setdefault("padding", (0, 0, offset, offset))
        super().__init__(**kwargs)
        self.face = face
        self.behind = min(behind, 2)
        self.max_width = max_width
        self.add_widget(face)
        face.bind(height=self._fit, pos=self._draw, size=self._draw)
        self._fit()

    def fit_width(self, available: float) -> None:
        self.width = min(available, self.max_width)

    def _fit(self, *_args) -> None:
        self.height = self.face.height + self.padding[3]

    def _draw(self, *_args) -> None:
        self.canvas.before.clear()
        face, radius = self.face, dp(theme.RADIUS)
        with self.canvas.before:
            for step in range(self.behind, 0, -1):
                shift = dp(STACK_OFFSET) * step
                box = (face.x + shift, face.y - shift, face.width, face.height)
                Color(*theme.rgba(theme.SURFACE))
                RoundedRectangle(pos=box[:2], size=box[2:], radius=[radius])
                Color(*theme.rgba(theme.BORDER))
                Line(rounded_rectangle=(*box, radius), width=dp(1.2))


class _Drag:
    """One finger on the card: where it started and, once it moves, the ghost card."""

    def __init__(self, touch, face: CardFace) -> None:
        self.touch = touch
        self.start = touch.pos
        self.moved = False
        x, y = face.to_window(face.x, face.y)
        self.home = (x, y)  # where the card sits on screen, for sliding back
        self.offset = (touch.x - x, touch.y - y)


class SortView(ActivityView):
    def __init__(self, run: SortRun, on_done: Callable[[], None], scroll, **kwargs) -> None:
        self.last: Placement | None = None  # the placement whose feedback is showing
        self.picked = False  # the card was tapped: the bins are lit, waiting for a tap
        self.face: CardFace | None = None
        self.bins: list[SortBinButton] = []
        self.hint: WrapLabel | None = None
        self.stack: CardStack | None = None
        self._drag: _Drag | None = None
        self._ghost: Card | None = None
        super().__init__(run=run, on_done=on_done, scroll=scroll, **kwargs)
        Window.bind(
            on_touch_down=self._window_down,
            on_touch_move=self._window_move,
            on_touch_up=self._window_up,
        )
        self.bind(parent=self._on_parent, width=self._fit_card)

    # --- building ----------------------------------------------------------------------

    @property
    def scale(self) -> float:
        return getattr(self.app, "ui_scale", 1.0) or 1.0

    @property
    def young(self) -> bool:
        return getattr(self.app, "band", None) == YOUNGEST_BAND

    def render(self) -> None:
        self._drop_ghost()
        self._drag = None
        self.clear_widgets()
        self.face, self.stack, self.hint, self.bins = None, None, None, []
        if self.last is not None:
            self._show_feedback(self.last)
        elif self.run.finished:
            self._show_summary()
        else:
            self._show_card(self.run.card)
        self.changed()

    def _card_stack(self, card: SortCard, behind: int) -> CardStack:
        number = self.run.activity.cards.index(card) + 1
        counter = _("Card {n} of {total}").format(n=number, total=self.run.total)
        face = CardFace(card, counter, self.scale)
        stack = CardStack(face, behind, dp(CARD_MAX_WIDTH) * self.scale)
        stack.fit_width(self.width)
        self.stack = stack
        return stack

    def _fit_card(self, *_args) -> None:
        if self.stack is not None:
            self.stack.fit_width(self.width)

    def _show_card(self, card: SortCard) -> None:
        activity = self.run.activity
        if activity.prompt is not None:
            self.add_widget(WrapLabel(text=tr(activity.prompt), bold=True))
        stack = self._card_stack(card, self.run.remaining - 1)
        self.face = stack.face
        self.add_widget(stack)
        self.hint = WrapLabel(text="", halign="center", color=theme.rgba(theme.TEXT_MUTED))
        self.add_widget(self.hint)
        self.bins = [SortBinButton(b, self._place) for b in activity.bins]
        area = BinsArea(self.bins, self.scale)
        self.add_widget(area)
        self._show_picked()
        # After the screen has scrolled to the top and laid out: if the bins end below the
        # visible part (a long card, a small phone), scroll just enough to show them.
        Clock.schedule_once(lambda *_: Clock.schedule_once(lambda *_: self._reveal(area), 0), 0)

    def _reveal(self, area: BinsArea) -> None:
        if area.parent is not self or area.get_root_window() is None:
            return
        scroll = self.scroll
        _, bottom = area.to_window(area.x, area.y)
        _, scroll_bottom = scroll.to_window(scroll.x, scroll.y)
        if bottom < scroll_bottom + dp(8):
            scroll.scroll_to(area, padding=dp(8), animate=False)

    def _show_picked(self) -> None:
        if self.hint is not None:
            self.hint.text = (
                _("Now tap the box where it goes.")
                if self.picked
                else _("Drag the card into a box, or tap a box.")
            )
        if self.face is not None:
            self.face.bg = theme.rgba(theme.SECONDARY if self.picked else theme.SURFACE)
        for bin_ in self.bins:
            bin_.ready = self.picked

    def _show_feedback(self, placement: Placement) -> None:
        card = placement.card
        self.add_widget(self._card_stack(card, 0))
        where = tr(self.run.activity.bin(card.bin).label)
        if placement.correct:
            feedback = tone_card(
                True,
                _("Yes! It goes in \u201c{bin}\u201d.").format(bin=where),
                tr(card.explanation),
            )
        else:
            understandable = tr(card.if_wrong) if card.if_wrong else _("That one is tricky.")
            feedback = tone_card(False, _("Let's look again"), understandable)
            colour = theme.rgba(theme.CAUTION_TEXT)
            feedback.add_widget(
                WrapLabel(
                    text=_("This one goes in \u201c{bin}\u201d.").format(bin=where),
                    bold=True,
                    color=colour,
                )
            )
            feedback.add_widget(WrapLabel(text=tr(card.explanation), color=colour))
        self.add_widget(feedback)
        last = self.run.finished
        self.add_widget(
            AppButton(text=_("See how I did") if last else _("Next card"), on_press=self._next)
        )

    def _show_summary(self) -> None:
        activity = self.run.activity
        score = (
            _("You sorted {n} of {total} the way a grown-up you trust would.")
            if self.young
            else _("You sorted {n} of {total} the way a trusted adult would.")
        ).format(n=self.run.correct_count, total=self.run.total)
        if activity.wrap_up is not None:
            closing = tr(activity.wrap_up)
        elif self.young:
            closing = _("If something gives you an uh-oh feeling, tell a grown-up you trust.")
        else:
            closing = _("If something online worries you, tell a trusted adult.")
        self.add_widget(tone_card(True, score, closing))
        self.add_widget(
            WrapLabel(text=_("Where each card goes:"), bold=True, color=theme.rgba(theme.TEXT))
        )
        for bin_ in activity.bins:
            self.add_widget(self._recap(bin_))
        self.add_widget(AppButton(text=_("Next"), on_press=self.on_done))

    def _recap(self, bin_: SortBin) -> Card:
        background, foreground = BIN_COLOURS[bin_.tone]
        colour = theme.rgba(foreground)
        card = Card(bg=theme.rgba(background), border=colour)
        card.add_widget(WrapLabel(text=tr(bin_.label), bold=True, color=colour))
        for item in self.run.activity.cards_in(bin_.id):
            card.add_widget(WrapLabel(text=f"\u2022 {tr(item.text)}", color=colour))
        return card

    def narration(self) -> str:
        if self.face is None:
            return super().narration()
        activity = self.run.activity
        lines = [tr(activity.prompt)] if activity.prompt is not None else []
        lines += [self.face.counter, tr(self.face.card.text)]
        if self.hint is not None:
            lines.append(self.hint.text)
        lines += [b.text for b in self.bins]
        return "\n".join(lines)

    # --- sorting -----------------------------------------------------------------------

    def _place(self, bin_id: str) -> None:
        if self.run.finished or self.last is not None:
            return
        self.last = self.run.place(bin_id)
        self.picked = False
        self.render()

    def _next(self) -> None:
        self.last = None
        self.render()

    def _tap_card(self) -> None:
        self.picked = not self.picked
        self._show_picked()

    # --- dragging ----------------------------------------------------------------------

    def _live(self) -> bool:
        return self.face is not None and self.face.get_root_window() is not None

    def _window_down(self, _window, touch) -> bool:
        if self._drag is not None or not self._live():
            return False
        if "button" in touch.profile and touch.button != "left":
            return False  # mouse wheel and right clicks belong to the page
        if not (_in_window_rect(self.face, touch.pos) and _in_window_rect(self.scroll, touch.pos)):
            return False
        self._drop_ghost()
        self._drag = _Drag(touch, self.face)
        return True  # the card has this touch: the page must not start scrolling

    def _window_move(self, _window, touch) -> bool:
        drag = self._drag
        if drag is None or drag.touch is not touch:
            return False
        if not drag.moved:
            dx, dy = touch.x - drag.start[0], touch.y - drag.start[1]
            if (dx * dx + dy * dy) ** 0.5 < dp(DRAG_START):
                return True
            drag.moved = True
            self._lift(drag)
        if self._ghost is not None:
            self._ghost.pos = (touch.x - drag.offset[0], touch.y - drag.offset[1])
        over = self._bin_at(touch.pos)
        for bin_ in self.bins:
            bin_.hovered = bin_ is over
        return True

    def _window_up(self, _window, touch) -> bool:
        drag = self._drag
        if drag is None or drag.touch is not touch:
            return False
        self._drag = None
        if not drag.moved:
            self._tap_card()
            return True
        target = self._bin_at(touch.pos)
        if target is not None:
            self._drop_ghost()
            self._place(target.bin.id)
        else:
            self._slide_back(drag)
        return True

    def _bin_at(self, pos: tuple[float, float]) -> SortBinButton | None:
        if not _in_window_rect(self.scroll, pos):
            return None  # over the top or bottom bar, even if a bin lies beneath it
        for bin_ in self.bins:
            if _in_window_rect(bin_, pos):
                return bin_
        return None

    def _lift(self, drag: _Drag) -> None:
        """Start a drag: a copy of the card follows the finger, on top of everything."""
        face = self.face
        ghost = Card(
            bg=theme.rgba(theme.SURFACE),
            border=theme.rgba(theme.PRIMARY),
            padding=face.padding,
            spacing=face.spacing,
            size_hint=(None, None),
            width=face.width,
            opacity=0.96,
        )
        for widget in card_words(face.card, face.counter, face.scale):
            ghost.add_widget(widget)
        ghost.pos = drag.home
        Window.add_widget(ghost)
        self._ghost = ghost
        face.opacity = 0.35  # the card's place stays visible while it is away
        self.picked = False
        self._show_picked()

    def _slide_back(self, drag: _Drag) -> None:
        """Let go outside every bin: the card goes back to its place."""
        for bin_ in self.bins:
            bin_.hovered = False
        ghost = self._ghost
        if ghost is None:
            return
        slide = Animation(x=drag.home[0], y=drag.home[1], d=0.25, t="out_quad")
        slide.bind(on_complete=lambda *_: self._drop_ghost() if self._ghost is ghost else None)
        slide.start(ghost)

    def _drop_ghost(self) -> None:
        ghost, self._ghost = self._ghost, None
        if ghost is not None:
            Animation.cancel_all(ghost)
            if ghost.parent is not None:
                ghost.parent.remove_widget(ghost)
        if self.face is not None:
            self.face.opacity = 1

    def _on_parent(self, _view, parent) -> None:
        if parent is None:  # the screen moved on: stop listening to the window
            self._drop_ghost()
            self._drag = None
            Window.unbind(
                on_touch_down=self._window_down,
                on_touch_move=self._window_move,
                on_touch_up=self._window_up,
            )
