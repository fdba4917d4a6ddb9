"""For grown-ups: privacy in plain words, export, delete everything, and content problems."""

from __future__ import annotations

from datetime import datetime

from kivy.metrics import dp
from kivy.uix.boxlayout import BoxLayout

from app.core.pictures import PROFILE_AVATARS
from app.i18n import _, plural
from app.paths import export_folder
from app.ui import theme
from app.ui.art import AvatarFace
from app.ui.profiles import profile_name
from app.ui.screens import BaseScreen
from app.ui.widgets import AppButton, Card, Column, WrapLabel, tone_card


class GrownUpsScreen(BaseScreen):
    """The adults' page: what is kept, and the controls over it."""

    def fill(self) -> None:
        self.heading(_("For grown-ups"))
        for notice in self.app.notices:
            self.column.add_widget(tone_card(False, _("Please note"), notice))
        if self.app.last_export is not None:
            self.column.add_widget(
                tone_card(
                    True,
                    _("Data exported"),
                    _("All SafeSteps data on this device was saved to {path}").format(
                        path=self.app.last_export
                    ),
                )
            )
        profiles = len(self.app.store.profiles())
        self.paragraph(
            plural(
                "{n} learner uses SafeSteps on this device.",
                "{n} learners use SafeSteps on this device.",
                profiles,
            )
        )
        for label, action in (
            (_("Knowledge check results"), lambda: self.app.show("results")),
            (_("Lesson plans and notes for parents"), lambda: self.app.show("lesson-plans")),
            (_("Learners on this device"), lambda: self.app.show("learners")),
            (_("Privacy: what SafeSteps keeps"), lambda: self.app.show("privacy")),
            (_("Export all data (JSON file)"), self._export),
            (_("Delete all data"), lambda: self.app.show("delete")),
            (self._problems_label(), lambda: self.app.show("content-problems")),
            (_("Settings"), lambda: self.app.show("settings")),
        ):
            self.column.add_widget(AppButton(text=label, style="secondary", on_press=action))

    def _problems_label(self) -> str:
        count = len(self.app.content_problems())
        if not count:
            return _("Content check: no problems")
        return plural("Content check: {n} problem", "Content check: {n} problems", count)

    def _export(self) -> None:
        folder = export_folder(self.app.data_dir)
        stamp = datetime.now().strftime("%Y-%m-%d %H%M%S")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.app.last_export = self.app.store.export_to(
                folder / f"SafeSteps export {stamp}.json"
            )
        except OSError as problem:
            self.app.notices.append(
                _("The export could not be written to {path} ({reason}).").format(
                    path=folder, reason=problem.strerror or problem
                )
            )
        self.refresh()


def learner_badge(avatar: str, name: str) -> BoxLayout:
    """A learner's picture and name, to look at (not a button)."""
    box = BoxLayout(orientation="vertical", size_hint=(None, None), size=(dp(120), dp(132)))
    box.add_widget(AvatarFace(person=PROFILE_AVATARS.get(avatar), seed=avatar))
    box.add_widget(WrapLabel(text=name, halign="center", size_role="small", bold=True))
    return box


class LearnersScreen(BaseScreen):
    """Each learner with their stars; deleting one asks first, then removes all of theirs."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.confirming: int | None = None  # the profile whose deletion waits for a yes

    def fill(self) -> None:
        self.heading(_("Learners on this device"))
        profiles = self.app.store.profiles()
        if not profiles:
            self.paragraph(_("No learners yet."))
        for number, profile in enumerate(profiles, start=1):
            name = profile_name(profile, number)
            card = Card(orientation="horizontal", spacing=dp(theme.GAP))
            card.add_widget(learner_badge(profile.avatar, name))
            actions = Column()
            if self.confirming == profile.id:
                self.paragraph(
                    _("Delete {name} and all their stars and answers?").format(name=name),
                    parent=actions,
                    bold=True,
                )
                actions.add_widget(AppButton(text=_("Keep"), on_press=self._keep))
                actions.add_widget(
                    AppButton(
                        text=_("Yes, delete {name}").format(name=name),
                        style="secondary",
                        on_press=lambda p=profile.id: self._delete(p),
                    )
                )
            else:
                actions.add_widget(
                    AppButton(
                        text=_("Delete {name}").format(name=name),
                        style="secondary",
                        on_press=lambda p=profile.id: self._confirm(p),
                    )
                )
            card.add_widget(actions)
            self.column.add_widget(card)

    def _confirm(self, profile_id: int) -> None:
        self.confirming = profile_id
        self.refresh()

    def _keep(self) -> None:
        self.confirming = None
        self.refresh()

    def _delete(self, profile_id: int) -> None:
        self.app.delete_profile(profile_id)
        self.confirming = None
        self.refresh()


class PrivacyScreen(BaseScreen):
    """Privacy for children in plain words, and the fuller version for adults."""

    def fill(self) -> None:
        self.heading(_("Your privacy"))
        child = Card()
        for line in (
            _("SafeSteps keeps your stars and badges on this device only."),
            _("It never sends anything over the internet."),
            _('What you type in a "write your ideas" box is never kept.'),
            _("Your nickname and your helping hand stay on this device."),
            _("A grown-up can delete everything at any time."),
        ):
            self.paragraph(line, parent=child, size_role="large")
        self.column.add_widget(child)
        self.heading(_("For grown-ups"), role="large")
        adult = Card()
        for line in (
            _(
                "Kept on this device, in one file in the app's data folder: profiles (a "
                "picture and an optional nickname), stars per lesson and activity, "
                "knowledge-check answers, helping-hand roles and nicknames, and settings."
            ),
            _(
                "Never collected: real names, ages, e-mail addresses, locations, photos, "
                "voice recordings, anything typed in free-text boxes, usage analytics."
            ),
            _(
                "SafeSteps opens no network connection and has no accounts, adverts or "
                "third-party services."
            ),
            _(
                "Data stays until you delete it: 'Delete all data' on the grown-ups page "
                "removes it at once; 'Export all data' saves a JSON copy you can read."
            ),
        ):
            self.paragraph(line, parent=adult)
        self.column.add_widget(adult)


class DeleteScreen(BaseScreen):
    """Deleting needs a second, clearly worded step."""

    def fill(self) -> None:
        self.heading(_("Delete all data?"))
        self.column.add_widget(
            tone_card(
                False,
                _("This cannot be undone"),
                _(
                    "Every learner's profile, stars, badges, answers, helping hand and all "
                    "settings on this device will be deleted."
                ),
            )
        )
        self.column.add_widget(AppButton(text=_("Keep everything"), on_press=self.app.back))
        self.column.add_widget(
            AppButton(text=_("Yes, delete everything"), style="secondary", on_press=self._delete)
        )

    def _delete(self) -> None:
        self.app.delete_everything()
        self.app.notices.append(_("All SafeSteps data on this device was deleted."))
        self.app.back_to("grown-ups")


class ContentProblemsScreen(BaseScreen):
    """Every problem in the lesson and helpline files, with file, line and fix."""

    def fill(self) -> None:
        self.heading(_("Content check"))
        problems = self.app.content_problems()
        lessons = len(self.app.library.lessons)
        self.paragraph(plural("{n} lesson loaded.", "{n} lessons loaded.", lessons))
        if not problems:
            self.column.add_widget(
                tone_card(True, _("No problems"), _("Every lesson and helpline file is valid."))
            )
            return
        self.paragraph(
            _("Lessons with problems are left out of the children's list until fixed."),
            color=theme.rgba(theme.TEXT_MUTED),
        )
        for problem in problems:
            card = Card()
            where = f"{problem.file}:{problem.line}" if problem.line else problem.file
            self.paragraph(where, parent=card, bold=True, size_role="small")
            self.paragraph(problem.message, parent=card)
            if problem.fix:
                self.paragraph(
                    _("Fix: {fix}").format(fix=problem.fix),
                    parent=card,
                    color=theme.rgba(theme.TEXT_MUTED),
                )
            self.column.add_widget(card)
