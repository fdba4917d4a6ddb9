"""For teachers and parents: the class's knowledge-check results and every lesson plan.

Results count learners, never name them. Lesson plans are the teacher guide and the parent
note of each lesson, readable offline on the same device the class uses.
"""

from __future__ import annotations

from babel.numbers import format_decimal, format_percent

from app.core.check_report import MIN_FOR_EFFECT, CheckReport, check_report
from app.core.model import AGE_BANDS, Lesson
from app.core.skills import SKILLS
from app.i18n import _, current, join_list, plural, tr
from app.ui import theme
from app.ui.screens import BaseScreen, band_label
from app.ui.widgets import AppButton, Card

COCHRANE_SMD = 0.61  # questionnaire knowledge, Walsh et al. 2015 (CONTENT_GUIDE, Evidence)


def _percent(share: float | None) -> str:
    return "–" if share is None else format_percent(share, locale=current().locale)


class ResultsScreen(BaseScreen):
    """Before and after, per age band: averages, the change, an effect size, and per item."""

    def fill(self) -> None:
        self.heading(_("Knowledge check results"))
        self.paragraph(
            _(
                "Each age band has the same short check before its first lesson and after "
                "its last. Only finished checks count. Learners are counted, never named."
            )
        )
        reports = [
            check_report(check, self.app.store.class_check_answers(check.id))
            for band in AGE_BANDS
            if (check := self.app.checks.checks.get(band)) is not None
        ]
        shown = [r for r in reports if r.before or r.after]
        if not shown:
            self.paragraph(
                _("No results yet. Children answer a check from their lesson list."),
                color=theme.rgba(theme.TEXT_MUTED),
            )
        for report in shown:
            self.column.add_widget(self._band_card(report))

    def _band_card(self, report: CheckReport) -> Card:
        card = Card()
        self.paragraph(band_label(report.check.age_band), parent=card, bold=True, size_role="large")
        for label, scores, average in (
            (_("Before"), report.before, report.mean_before),
            (_("After"), report.after, report.mean_after),
        ):
            learners = plural("{n} learner", "{n} learners", len(scores))
            self.paragraph(
                _("{phase}: {learners}, {average} right on average").format(
                    phase=label, learners=learners, average=_percent(average)
                ),
                parent=card,
            )
        self.paragraph(self._change(report), parent=card, bold=True)
        self.paragraph(_("Right answers per question, before and after:"), parent=card)
        for item in report.items:
            self.paragraph(
                _("{skill}: {before} before, {after} after").format(
                    skill=_(SKILLS[item.skill]),
                    before=_percent(item.before),
                    after=_percent(item.after),
                ),
                parent=card,
                size_role="small",
            )
        return card

    def _change(self, report: CheckReport) -> str:
        paired = len(report.paired)
        if not paired:
            return _("No learner has answered both times yet.")
        gain = format_decimal(round(report.mean_gain * 100), locale=current().locale)
        text = plural(
            "{n} learner answered both times: {gain} points more on average.",
            "{n} learners answered both times: {gain} points more on average.",
            paired,
            gain=gain,
        )
        effect = report.effect_size
        if effect is None:
            return (
                text
                + " "
                + _(
                    "An effect size needs at least {n} learners with some spread in scores."
                ).format(n=MIN_FOR_EFFECT)
            )
        return (
            text
            + " "
            + _("Effect size {d} (research programmes average about {typical}).").format(
                d=format_decimal(round(effect, 2), locale=current().locale),
                typical=format_decimal(COCHRANE_SMD, locale=current().locale),
            )
        )


class LessonPlansScreen(BaseScreen):
    """Every lesson by age band; each opens its plan."""

    def fill(self) -> None:
        self.heading(_("Lesson plans"))
        self.paragraph(_("For each lesson: the teacher's plan and a note for parents and carers."))
        for band in self.app.library.bands():
            self.heading(band_label(band), role="large")
            for lesson in self.app.library.by_band(band):
                self.column.add_widget(
                    AppButton(
                        text=f"{lesson.order}. {tr(lesson.title)}",
                        style="secondary",
                        on_press=lambda x=lesson: self._open(x),
                    )
                )

    def _open(self, lesson: Lesson) -> None:
        self.app.plan_lesson = lesson
        self.app.show("lesson-plan")


class LessonPlanScreen(BaseScreen):
    """One lesson's plan, in the order a teacher runs it, then the parent note."""

    def fill(self) -> None:
        lesson: Lesson | None = getattr(self.app, "plan_lesson", None)
        if lesson is None:
            self.paragraph(_("Choose a lesson from the lesson plans."))
            return
        self.heading(tr(lesson.title))
        minutes = lesson.duration_minutes
        self.paragraph(
            band_label(lesson.age_band)
            + " · "
            + plural("About {n} minute", "About {n} minutes", minutes),
            color=theme.rgba(theme.TEXT_MUTED),
        )
        self._section(_("Objectives"), [tr(t) for t in lesson.objectives])
        if lesson.skills:
            skills = join_list([_(SKILLS[skill]) for skill in lesson.skills])
            self.paragraph(_("Skills: {skills}").format(skills=skills))
        teacher = lesson.teacher
        if teacher is None:
            self.paragraph(_("This lesson has no teacher's plan yet."))
        else:
            notes = {n.activity: tr(n.text) for n in teacher.activity_notes}
            self._section(_("Materials"), [tr(t) for t in teacher.materials])
            self._section(_("Ground rules"), [tr(t) for t in teacher.ground_rules])
            self._section(_("Starter"), [tr(teacher.starter)])
            self._section(
                _("Activities"),
                [f"{tr(a.title)}: {notes.get(a.id, '')}" for a in lesson.activities],
            )
            for question in teacher.discussion:
                self._section(tr(question.question), [tr(p) for p in question.points])
            self._section(_("Plenary"), [tr(teacher.plenary)])
            self._section(
                _("Differentiation"),
                [
                    _("SEND: {text}").format(text=tr(teacher.send)),
                    _("EAL: {text}").format(text=tr(teacher.eal)),
                ],
            )
            self._section(_("If a child tells you something"), [tr(teacher.safeguarding)])
            self._section(_("Home link"), [tr(teacher.home_link)])
        parent = lesson.parent
        if parent is not None:
            self._section(
                _("For parents and carers"),
                [
                    tr(parent.learned),
                    _("Ask: {question}").format(question=tr(parent.conversation_starter)),
                    _("Try at home: {activity}").format(activity=tr(parent.home_activity)),
                ],
            )

    def _section(self, title: str, lines: list[str]) -> None:
        card = Card()
        self.paragraph(title, parent=card, bold=True, size_role="large")
        for line in lines:
            self.paragraph(line, parent=card)
        self.column.add_widget(card)
