"""The child's screens: home, age band, lesson list, intro, activity, finish and help."""

from __future__ import annotations

import datetime as dt

from kivy.app import App
from kivy.core.window import Window
from kivy.metrics import dp
from kivy.uix.anchorlayout import AnchorLayout
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label
from kivy.uix.screenmanager import Screen
from kivy.uix.scrollview import ScrollView
from kivy.uix.widget import Widget

from app.core.session import activity_stars
from app.i18n import _, current, date, plural, tr
from app.i18n.languages import languages
from app.ui import theme
from app.ui.badges import BadgeEmblem
from app.ui.fonts import font_name_for
from app.ui.widgets import (
    AppButton,
    ButtonGrid,
    Card,
    Column,
    Row,
    SpeakerButton,
    StarRow,
    StepBar,
    WrapLabel,
    longest_word_width,
    tone_card,
)

YOUNG_BANDS = ("5-7", "8-10")  # helpline wording without "nude" or "sexual" (CONTENT_GUIDE)


def band_label(band: str) -> str:
    low, high = band.split("-")
    return _("Ages {low}\u2013{high}").format(low=low, high=high)


def country_name(code: str) -> str:
    """The country's name in the current language (from CLDR, through Babel)."""
    return current().locale.territories.get(code, code)


def choice_grid(options: list[tuple[str, str]], chosen: str, pick, fonts=None) -> Widget:
    """Buttons for one choice in a ButtonGrid; the chosen one ticked.

    fonts: value -> font name, for options written in another script (language names).
    """
    return ButtonGrid(
        [
            choice_button(
                value, label, chosen, pick, **({"font_name": fonts[value]} if fonts else {})
            )
            for value, label in options
        ],
        spacing=dp(8),
    )


def choice_button(value: str, label: str, chosen: str, pick, **kwargs) -> AppButton:
    """One option of a choice: pressing it calls pick(value); the chosen one is ticked."""
    return AppButton(
        text=label,
        style="choice",
        selected=value == chosen,
        on_press=lambda: pick(value),
        **kwargs,
    )


class BaseScreen(Screen):
    """Top bar (Back, Help), a scrolling centred column, and an optional bottom bar."""

    show_back = True
    show_help = True

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.app = App.get_running_app()
        outer = BoxLayout(orientation="vertical")
        self.top_bar = Row(size_hint_y=None, height=dp(72), padding=dp(8), spacing=dp(8))
        outer.add_widget(self.top_bar)
        self.scroll = ScrollView(do_scroll_x=False, bar_width=dp(6), effect_cls="ScrollEffect")
        holder = AnchorLayout(anchor_x="center", anchor_y="top", size_hint_y=None)
        self.column = Column(size_hint_x=None, padding=(0, dp(8), 0, dp(24)))
        holder.add_widget(self.column)
        self.scroll.add_widget(holder)
        self.scroll.bind(width=self._fit_column)
        self.column.bind(height=lambda *_: setattr(holder, "height", self.column.height))
        outer.add_widget(self.scroll)
        bottom = AnchorLayout(anchor_x="center", size_hint_y=None, height=0)
        self.bottom_bar = Row(size_hint_x=None, padding=(0, dp(8)), spacing=dp(8))
        bottom.add_widget(self.bottom_bar)
        self.bottom_bar.bind(height=lambda *_: setattr(bottom, "height", self.bottom_bar.height))
        outer.add_widget(bottom)
        self.add_widget(outer)

    def _fit_column(self, *_args) -> None:
        width = min(self.scroll.width - dp(2 * theme.PAD), dp(theme.COLUMN_MAX) * self.app.ui_scale)
        self.column.width = self.bottom_bar.width = width

    def refresh(self) -> None:
        """Rebuild the screen's content in the current language and state."""
        self.top_bar.clear_widgets()
        scale = self.app.ui_scale  # the bar grows with the type on big screens
        self.top_bar.height = dp(72) * scale
        side = dp(104) * scale
        # Back and Help keep their places even when hidden, so the title stays centred.
        back = AppButton(
            text=_("Back"),
            style="quiet",
            size_hint_x=None,
            width=side,
            pos_hint={"center_y": 0.5},
            on_press=self.app.back,
        )
        help_button = AppButton(
            text=_("Help"),
            style="help",
            size_hint_x=None,
            width=side,
            pos_hint={"center_y": 0.5},
            on_press=lambda: self.app.show("help"),
        )
        # Wider for longer words ("Допомога"), up to a third of the window (a phone's
        # title space is empty anyway); the label shrinks its type a little for the rest.
        needed = max(longest_word_width(b) * 0.9 + dp(32) for b in (back, help_button))
        side = max(side, min(Window.width * 0.34, needed))
        back.width = help_button.width = side
        self.top_bar.add_widget(back if self.show_back else Widget(size_hint_x=None, width=side))
        self.top_bar.add_widget(self.top_centre())
        self.top_bar.add_widget(
            SpeakerButton(on_press=self.app.read_aloud, size=(dp(theme.TOUCH_MIN) * scale,) * 2)
            if self.app.speech is not None
            else Widget(size_hint_x=None, width=dp(theme.TOUCH_MIN) * scale)
        )
        self.top_bar.add_widget(
            help_button if self.show_help else Widget(size_hint_x=None, width=side)
        )
        self.column.clear_widgets()
        self.bottom_bar.clear_widgets()
        self._fit_column()
        self.fill()
        self.scroll.scroll_y = 1
        self.bottom_bar.height = (
            max(c.height for c in self.bottom_bar.children) + dp(16)
            if self.bottom_bar.children
            else 0
        )
        self.app.content_changed()

    def narration(self) -> str:
        """What the speaker button reads: the content column, top to bottom."""
        return "\n".join(
            w.text for w in self.column.walk(restrict=True) if isinstance(w, Label) and w.text
        )

    def top_centre(self) -> Widget:
        if Window.width < dp(480):
            return Widget()  # no room between the buttons on a phone
        return WrapLabel(
            text="SafeSteps",
            bold=True,
            halign="center",
            size_role="large",
            color=theme.rgba(theme.PRIMARY),
            pos_hint={"center_y": 0.5},
        )

    def fill(self) -> None:
        raise NotImplementedError

    def heading(self, text: str, role: str = "title") -> WrapLabel:
        label = WrapLabel(text=text, bold=True, size_role=role)
        self.column.add_widget(label)
        return label

    def paragraph(self, text: str, parent=None, **kwargs) -> WrapLabel:
        label = WrapLabel(text=text, **kwargs)
        (parent or self.column).add_widget(label)
        return label


class HomeScreen(BaseScreen):
    show_back = False

    def top_centre(self) -> Widget:
        return Widget()  # the page itself carries the name

    def fill(self) -> None:
        self.column.add_widget(Widget(size_hint_y=None, height=dp(24)))
        self.paragraph(
            "SafeSteps",
            bold=True,
            size_role="hero",
            halign="center",
            color=theme.rgba(theme.PRIMARY),
        )
        self.paragraph(
            _("Learn how to stay safe online, and who you can tell."),
            size_role="large",
            halign="center",
        )
        self.column.add_widget(Widget(size_hint_y=None, height=dp(16)))
        self.column.add_widget(AppButton(text=_("I'm a child"), on_press=self.app.start_as_child))
        self.column.add_widget(
            AppButton(
                text=_("I need help now"), style="secondary", on_press=lambda: self.app.show("help")
            )
        )
        row = Row(size_hint_y=None, spacing=dp(theme.GAP))
        for label, screen in ((_("Settings"), "settings"), (_("Privacy"), "privacy")):
            row.add_widget(
                AppButton(text=label, style="quiet", on_press=lambda s=screen: self.app.show(s))
            )
        row.bind(minimum_height=row.setter("height"))
        self.column.add_widget(row)
        language = languages().get(self.app.language)
        self.column.add_widget(
            AppButton(
                # "Language" in the current language, then the language's own name.
                text=_("Language: {name}").format(name=language.name if language else "English"),
                style="quiet",
                on_press=lambda: self.app.show("settings"),
            )
        )
        self.column.add_widget(
            AppButton(
                text=_("For grown-ups"), style="quiet", on_press=lambda: self.app.show("grown-ups")
            )
        )
        if self.app.notices:
            self.column.add_widget(
                tone_card(
                    False,
                    _("A note for grown-ups"),
                    _("Please open the grown-ups page: SafeSteps has something to tell you."),
                )
            )
        self.paragraph(
            _("SafeSteps works without the internet. Nothing you do here leaves this device."),
            size_role="small",
            halign="center",
            color=theme.rgba(theme.TEXT_MUTED),
        )


class BandsScreen(BaseScreen):
    def fill(self) -> None:
        self.heading(_("How old are you?"))
        for band in self.app.library.bands():
            self.column.add_widget(
                AppButton(
                    text=band_label(band), style="choice", on_press=lambda b=band: self._choose(b)
                )
            )
        if not self.app.library.bands():
            self.paragraph(
                _("No lessons could be loaded. Please ask an adult to check the content.")
            )

    def _choose(self, band: str) -> None:
        self.app.band = band
        self.app.show("lessons")


class LessonsScreen(BaseScreen):
    def fill(self) -> None:
        bands = self.app.library.bands()
        if not bands:
            self.paragraph(
                _("No lessons could be loaded. Please ask an adult to check the content.")
            )
            return
        band = self.app.band if self.app.band in bands else bands[0]
        low, high = band.split("-")
        self.heading(_("Lessons for ages {low}\u2013{high}").format(low=low, high=high))
        due = self.app.check_due(band)
        if due is not None:
            self.column.add_widget(self._check_card(*due))
        done = self.app.store.completed()
        for number, lesson in enumerate(self.app.library.by_band(band), start=1):
            card = Card()
            self.paragraph(
                f"{number}. {tr(lesson.title)}", parent=card, bold=True, size_role="large"
            )
            self.paragraph(tr(lesson.summary), parent=card)
            stars = done.get(lesson.id)
            status = Row(size_hint_y=None, height=dp(48), spacing=dp(8))
            status.add_widget(
                BadgeEmblem(
                    icon=lesson.badge.icon,
                    earned=stars is not None,
                    size_hint_x=None,
                    width=dp(48),
                )
            )
            if stars is None:
                status.add_widget(
                    WrapLabel(
                        text=_("Not done yet"),
                        color=theme.rgba(theme.TEXT_MUTED),
                        pos_hint={"center_y": 0.5},
                    )
                )
            else:
                status.add_widget(
                    WrapLabel(
                        text=_("Done"),
                        bold=True,
                        size_hint_x=None,
                        width=dp(72),
                        color=theme.rgba(theme.SAFE_TEXT),
                        pos_hint={"center_y": 0.5},
                    )
                )
                status.add_widget(StarRow(earned=stars, size_hint_x=None, width=dp(96)))
                status.add_widget(Widget())
            card.add_widget(status)
            card.add_widget(
                AppButton(text=_("Open lesson"), on_press=lambda x=lesson.id: self._open(x))
            )
            self.column.add_widget(card)

    def _check_card(self, check, phase: str) -> Card:
        """An invitation, never a gate: a child can open a lesson instead."""
        card = Card(bg=theme.rgba(theme.SECONDARY), border=theme.rgba(theme.PRIMARY))
        if phase == "before":
            heading = _("Before you start")
            body = _("Answer a few questions first. It is not a test, and there are no marks.")
        else:
            heading = _("You finished every lesson!")
            body = _("Answer the same questions again, to see what you learned.")
        self.paragraph(heading, parent=card, bold=True, size_role="large")
        self.paragraph(body, parent=card)
        card.add_widget(
            AppButton(
                text=_("Answer the questions"),
                on_press=lambda: self._start_check(check, phase),
            )
        )
        return card

    def _start_check(self, check, phase: str) -> None:
        self.app.start_check(check, phase)
        self.app.show("check")

    def _open(self, lesson_id: str) -> None:
        self.app.choose_lesson(lesson_id)
        self.app.show("intro")


class IntroScreen(BaseScreen):
    def fill(self) -> None:
        lesson = self.app.lesson
        self.heading(tr(lesson.title))
        minutes = lesson.duration_minutes
        self.paragraph(
            plural("About {n} minute", "About {n} minutes", minutes)
            + " \u00b7 "
            + plural("{n} activity", "{n} activities", len(lesson.activities)),
            color=theme.rgba(theme.TEXT_MUTED),
        )
        card = Card()
        for line in lesson.intro:
            self.paragraph(tr(line), parent=card, size_role="large")
        self.column.add_widget(card)
        session = self.app.session
        resuming = (
            session is not None and not session.finished and (session.index > 0 or session.results)
        )
        self.bottom_bar.add_widget(
            AppButton(text=_("Carry on") if resuming else _("Let's start"), on_press=self._start)
        )

    def _start(self) -> None:
        self.app.start_or_resume()
        self.app.show("activity")


class ActivityScreen(BaseScreen):
    """Hosts the current activity's view, with progress, Skip and Take a break."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = None

    def fill(self) -> None:
        session = self.app.session
        activity = session.activity
        total = len(session.lesson.activities)
        self.paragraph(
            _("Activity {n} of {total}").format(n=session.index + 1, total=total),
            bold=True,
            size_role="small",
            color=theme.rgba(theme.TEXT_MUTED),
        )
        self.column.add_widget(StepBar(done=session.index, total=total))
        self.heading(tr(activity.title), role="large")
        # Imported here, not at the top: the home screen's first frame needs no activities.
        from app.activities import ACTIVITY_TYPES, load_hook

        view_class = load_hook(ACTIVITY_TYPES[activity.type].view)
        self.view = view_class(run=session.run, on_done=self._done, scroll=self.scroll)
        self.column.add_widget(self.view)
        self.bottom_bar.add_widget(
            AppButton(text=_("Skip this"), style="secondary", on_press=self._skip)
        )
        self.bottom_bar.add_widget(
            AppButton(text=_("Take a break"), style="quiet", on_press=self._take_break)
        )

    def narration(self) -> str:
        session = self.app.session
        live = session is not None and not session.finished
        if live and self.view is not None and self.view.parent is not None:
            return "\n".join((tr(session.activity.title), self.view.narration()))
        return super().narration()

    def _done(self) -> None:
        title = tr(self.app.session.activity.title)
        result = self.app.session.complete()
        stars = activity_stars(result)
        self.app.store.record_activity(self.app.lesson.id, result.activity_id, stars)
        self._show_activity_done(title, stars)

    def _show_activity_done(self, title: str, stars: int) -> None:
        """A short moment of praise between activities: stars, then on to the next one."""
        self.column.clear_widgets()
        self.bottom_bar.clear_widgets()
        self.bottom_bar.height = 0
        self.column.add_widget(Widget(size_hint_y=None, height=dp(24)))
        self.paragraph(
            _("Activity done!"),
            bold=True,
            size_role="title",
            halign="center",
            color=theme.rgba(theme.PRIMARY),
        )
        self.paragraph(title, size_role="large", halign="center")
        row = StarRow(total=3, size_hint_y=None, height=dp(64))
        self.column.add_widget(row)
        row.fill_to(stars, reduce_motion=self.app.reduce_motion)
        self.paragraph(
            plural("{n} star for this activity.", "{n} stars for this activity.", stars),
            halign="center",
        )
        last = self.app.session.finished
        self.column.add_widget(
            AppButton(
                text=_("Finish the lesson") if last else _("Next activity"), on_press=self._next
            )
        )
        self.scroll.scroll_y = 1
        self.app.content_changed()

    def _skip(self) -> None:
        self.app.session.skip()
        self._next()

    def _next(self) -> None:
        if self.app.session.finished:
            self.app.lesson_finished()
            self.app.show("finish")
        else:
            self.refresh()

    def _take_break(self) -> None:
        self.app.back_to("lessons")


class FinishScreen(BaseScreen):
    show_back = False

    def fill(self) -> None:
        self._back_leads_to_lessons()
        session, lesson = self.app.session, self.app.lesson
        self.paragraph(
            _("Well done!"),
            bold=True,
            size_role="hero",
            halign="center",
            color=theme.rgba(theme.PRIMARY),
        )
        stars = StarRow(size_hint_y=None, height=dp(56))
        self.column.add_widget(stars)
        stars.fill_to(session.stars, reduce_motion=self.app.reduce_motion)
        self.paragraph(
            plural("You earned {n} star.", "You earned {n} stars.", session.stars),
            halign="center",
        )
        badge = BadgeEmblem(icon=lesson.badge.icon, size_hint_y=None, height=dp(112))
        self.column.add_widget(badge)
        badge.celebrate(reduce_motion=self.app.reduce_motion)
        self.paragraph(
            _("New badge: {name}").format(name=tr(lesson.badge.title)),
            bold=True,
            size_role="large",
            halign="center",
        )
        learned = Card()
        self.paragraph(_("What you learned"), parent=learned, bold=True, size_role="large")
        for line in lesson.debrief.learned:
            self.paragraph("\u2022  " + tr(line), parent=learned)
        self.column.add_widget(learned)
        for text in (lesson.debrief.never_your_fault, lesson.debrief.tell_someone):
            card = Card(bg=theme.rgba(theme.SAFE_BG), border=theme.rgba(theme.SAFE_BG))
            self.paragraph(
                tr(text),
                parent=card,
                bold=True,
                size_role="large",
                color=theme.rgba(theme.SAFE_TEXT),
            )
            self.column.add_widget(card)
        tell = Card()
        self.paragraph(_("Who can you tell?"), parent=tell, bold=True, size_role="large")
        self.paragraph(
            _(
                "A parent or carer, a teacher, a grandparent, a coach, the school "
                "nurse: any grown-up you trust. If the first person doesn't "
                "listen, keep telling until someone does."
            ),
            parent=tell,
        )
        self.column.add_widget(tell)
        self.bottom_bar.add_widget(
            AppButton(text=_("Back to lessons"), on_press=lambda: self.app.back_to("lessons"))
        )

    def _back_leads_to_lessons(self) -> None:
        """Escape goes where "Back to lessons" goes, never back into the finished lesson:
        its last activity is over, and pressing anything there would act on nothing."""
        history = self.app.history
        if "lessons" not in history:
            return
        while history[-1] != "lessons":
            history.pop()
        self.app.manager.get_screen("lessons").refresh()  # with the new badge and stars


class HelpScreen(BaseScreen):
    show_help = False

    def fill(self) -> None:
        self.heading(_("Need help?"))
        steps = Card()
        self.paragraph(
            _("If something online worries you:"), parent=steps, bold=True, size_role="large"
        )
        for number, step in enumerate(
            (
                _("Stop. You don't have to reply."),
                _("Don't delete the messages. They can help an adult."),
                _("Tell a trusted adult. It is never your fault."),
            ),
            start=1,
        ):
            self.paragraph(f"{number}.  {step}", parent=steps, size_role="large")
        self.column.add_widget(steps)
        country = self.app.helplines.countries.get(self.app.country)
        if country is not None:
            danger = Card(bg=theme.rgba(theme.CAUTION_BG), border=theme.rgba(theme.CAUTION_BG))
            self.paragraph(
                _("In danger right now? Call {number}.").format(number=country.emergency),
                parent=danger,
                bold=True,
                size_role="large",
                color=theme.rgba(theme.CAUTION_TEXT),
            )
            self.column.add_widget(danger)
        self.heading(
            _("Help in {country}").format(country=country_name(self.app.country)), role="large"
        )
        self.column.add_widget(
            AppButton(
                text=_("Change country"),
                style="quiet",
                on_press=lambda: self.app.show("country"),
            )
        )
        if country is not None:
            for service in sorted(country.services, key=lambda s: s.audience != "children"):
                self.column.add_widget(self._service_card(service))
        self.bottom_bar.add_widget(AppButton(text=_("Back to where I was"), on_press=self.app.back))

    def _service_card(self, service) -> Card:
        card = Card()
        self.paragraph(service.name, parent=card, bold=True, size_role="large")
        if service.audience == "adults":
            self.paragraph(
                _("For adults"), parent=card, size_role="small", color=theme.rgba(theme.TEXT_MUTED)
            )
        young = self.app.band in YOUNG_BANDS and service.about_young is not None
        self.paragraph(tr(service.about_young if young else service.about), parent=card)
        for label, value in (
            (_("Phone"), service.phone),
            (_("Text"), service.sms),
            (_("Web"), service.web),
        ):
            if value:
                self.paragraph(
                    _("{label}: {value}").format(label=label, value=value), parent=card, bold=True
                )
        self.paragraph(
            _("Checked on {date}").format(date=date(dt.date.fromisoformat(service.last_checked))),
            parent=card,
            size_role="small",
            color=theme.rgba(theme.TEXT_MUTED),
        )
        return card


class CountryScreen(BaseScreen):
    """Where helplines come from: every country SafeSteps has checked numbers for."""

    def fill(self) -> None:
        self.heading(_("Which country are you in?"))
        self.paragraph(_("SafeSteps shows the helplines of the country you choose."))
        codes = sorted(self.app.helplines.countries, key=country_name)
        self.column.add_widget(
            choice_grid([(c, country_name(c)) for c in codes], self.app.country, self._pick)
        )

    def _pick(self, code: str) -> None:
        self.app.set_country(code)
        self.app.back()
        self.app.manager.current_screen.refresh()  # Help or Settings, with the new country


class SettingsScreen(BaseScreen):
    """Read aloud and motion: choices a child or a grown-up can change at any time."""

    def fill(self) -> None:
        self.heading(_("Settings"))
        language_card = Card()
        self.paragraph(_("Language"), parent=language_card, bold=True, size_role="large")
        language_card.add_widget(
            choice_grid(
                [(x.code, x.name) for x in self.app.language_choices],
                self.app.language,
                self.app.choose_language,
                fonts={x.code: font_name_for(x.code) for x in self.app.language_choices},
            )
        )
        self.column.add_widget(language_card)
        country_card = Card()
        self.paragraph(
            _("Country for helplines"), parent=country_card, bold=True, size_role="large"
        )
        self.paragraph(country_name(self.app.country), parent=country_card)
        country_card.add_widget(
            AppButton(
                text=_("Change country"), style="choice", on_press=lambda: self.app.show("country")
            )
        )
        self.column.add_widget(country_card)
        self._choices(
            _("Read aloud"),
            [
                ("auto", _("For ages 5\u20137, and when I tap the speaker")),
                ("always", _("Always read everything aloud")),
                ("on-request", _("Only when I tap the speaker")),
            ],
            self.app.read_aloud_mode,
            self.app.set_read_aloud_mode,
        )
        if self.app.speech is None:
            self.paragraph(
                _("This device has no voice for reading aloud in this language."),
                color=theme.rgba(theme.TEXT_MUTED),
            )
        self._choices(
            _("Text size"),
            [("normal", _("Normal")), ("large", _("Large")), ("larger", _("Larger"))],
            self.app.text_size,
            self.app.set_text_size,
        )
        self._choices(
            _("Movement"),
            [("no", _("Gentle animations")), ("yes", _("Keep everything still"))],
            "yes" if self.app.prefers_still else "no",
            lambda value: self.app.set_reduce_motion(value == "yes"),
        )

    def _choices(self, title: str, options, chosen: str, choose) -> None:
        card = Card()
        self.paragraph(title, parent=card, bold=True, size_role="large")
        for value, label in options:
            card.add_widget(choice_button(value, label, chosen, lambda v: self._pick(choose, v)))
        self.column.add_widget(card)

    def _pick(self, choose, value: str) -> None:
        choose(value)
        self.refresh()
