"""A child who picks the safe, right answers plays lessons through the real app.

`play_lesson(ui, lesson)` starts on the home screen (or the age bands) and goes the whole
way by touch: the band, "Open lesson", "Let's start", every activity, the finish screen.
`play_activity(ui, activity)` plays the activity on screen up to its "Activity done!".

The model says what is right (which reply is safe, which answer correct, which bin a
card goes in, which words are strong); the player then taps the button showing that
text, as the view labels it in English, and checks that the screen answers as it should.

`TerminalChild` does the same for `python -m app play`: it reads each prompt and the
options printed before it, and answers from the model.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from io import StringIO

from app.core.model import Lesson
from app.core.session import LessonSession
from app.i18n import tr

# Helping hand: what the view calls each finger, and what it asks for each.
FINGER_NAMES = ("Thumb", "Pointer finger", "Middle finger", "Ring finger", "Little finger")
FINGER_WORDS = ("thumb", "pointer finger", "middle finger", "ring finger", "little finger")
NICKNAME = "Nana Joy"
SAY_IT_GOALS = {
    "no": "Practise: saying no",
    "leave": "Practise: leaving",
    "tell": "Practise: telling a trusted adult",
}


def band_label(band: str) -> str:
    low, high = band.split("-")
    return f"Ages {low}\u2013{high}"


def plural(n: int, one: str, many: str) -> str:
    return (one if n == 1 else many).format(n=n)


def expect(ui, *texts: str) -> None:
    """Every text is somewhere on the screen (scrolled into view or not)."""
    shown = ui.texts()
    for text in texts:
        assert any(text in t for t in shown), f"{text!r} is not on the {ui.screen} screen"


def has_button(ui, text: str) -> bool:
    return any(
        getattr(w, "keyboard_focusable", False) and getattr(w, "text", None) == text
        for w in ui._widgets()
    )


def wait_for_typing(ui, seconds: float = 10) -> None:
    """Chat messages that arrive after typing dots (only when frames are not still)."""
    deadline = time.monotonic() + seconds
    while ui.sees(" is typing\u2026") and time.monotonic() < deadline:
        time.sleep(0.05)
        ui.pump(1)
    assert not ui.sees(" is typing\u2026"), "the chat is still typing"


def current_view(ui):
    return ui.app.manager.current_screen.view


# --- one activity of each type --------------------------------------------------------


def play_story(ui, activity, run) -> None:
    total = len(activity.panels)
    for number, panel in enumerate(activity.panels, start=1):
        expect(ui, f"{number} of {total}", *(tr(line) for line in panel.lines))
        if panel.speaker is not None:
            expect(ui, tr(panel.speaker))
        ui.tap("Finish the story" if number == total else "Next")


def play_chat(ui, activity, run) -> None:
    player, contact = tr(activity.player), tr(activity.contact_name)
    expect(ui, tr(activity.setting), f"{player} is chatting with {contact}")
    while not run.finished:
        wait_for_typing(ui)
        expect(ui, *(tr(m.text) for m in run.state.messages))
        expect(ui, f"What should {player} reply?")
        choice = next(c for c in run.available_choices() if c.safe)
        ui.tap(tr(choice.text))
        expect(ui, "A safe reply!", tr(choice.feedback))
        ui.tap("Keep going")
    wait_for_typing(ui)
    ending = run.ending
    expect(ui, *(tr(m.text) for m in run.state.messages))
    expect(ui, tr(ending.title), tr(ending.debrief))
    expect(ui, f"Safe replies: {run.choices_made} of {run.choices_made}")
    ui.tap("Next")


def play_spot(ui, activity, run) -> None:
    expect(ui, tr(activity.instruction))
    signs = [item for item in activity.items if item.sign]
    for item in signs:
        ui.tap(tr(item.text))
    assert run.selected == {item.id for item in signs}, "every sign is flagged, nothing else"
    ui.tap("Check")
    n = len(signs)
    expect(
        ui,
        plural(n, "You found {n} of {n} warning sign.", "You found {n} of {n} warning signs."),
        "Great detective work! Read why each one is a warning sign.",
        *(tr(item.explanation) for item in signs),
        tr(activity.summary),
    )
    assert not ui.sees("You also flagged")
    ui.tap("Next")


def play_sort(ui, activity, run) -> None:
    total = len(activity.cards)
    for number, card in enumerate(activity.cards, start=1):
        expect(ui, f"Card {number} of {total}", tr(card.text))
        if activity.prompt is not None:
            expect(ui, tr(activity.prompt))
        # Tap to choose: the card first (the bins light up), then the bin it goes in.
        face = current_view(ui).face
        assert face is not None and face.card is card, "the card on top is the next card"
        ui.touch_widget(face)
        expect(ui, "Now tap the box where it goes.")
        label = tr(activity.bin(card.bin).label)
        ui.tap(f"Put it in: {label}")
        expect(ui, f"Yes! It goes in \u201c{label}\u201d.", tr(card.explanation))
        ui.tap("See how I did" if number == total else "Next card")
    expect(ui, f"You sorted {total} of {total} the way", "Where each card goes:")
    if activity.wrap_up is not None:
        expect(ui, tr(activity.wrap_up))
    ui.tap("Next")


def option_label(option) -> str:
    """What a quiz option's button (or picture card) says."""
    if option.text is not None:
        return tr(option.text)
    return "True" if option.id == "true" else "False"


def play_quiz(ui, activity, run) -> None:
    total = len(activity.questions)
    for number, question in enumerate(activity.questions, start=1):
        expect(ui, f"Question {number} of {total}", tr(question.prompt))
        right = [option for option in question.options if option.correct]
        if question.kind == "multiple":
            expect(ui, "Choose all the answers that are right.")
            for option in right:
                ui.tap(option_label(option))
            ui.tap("Check my answer")
        else:
            expect(ui, "Choose one answer.")
            ui.tap(option_label(right[0]))
        expect(ui, "That's right!", *(tr(option.explanation) for option in question.options))
        ui.tap("See my score" if number == total else "Next question")
    expect(ui, f"You got {total} of {total} right.")
    ui.tap("Next")


def play_helping_hand(ui, activity, run) -> None:
    if run.finished:  # this device already keeps a hand from an earlier lesson
        expect(ui, "Welcome back! Here is your helping hand.", tr(activity.closing))
        ui.tap("Next")
        return
    from app.activities.helping_hand.view import NicknameInput

    expect(ui, tr(activity.instructions))
    roles = activity.roles
    chosen = []
    for finger, name in enumerate(FINGER_NAMES):
        expect(ui, f"Finger {finger + 1} of 5", f"Who goes on your {FINGER_WORDS[finger]}?")
        role = tr(roles[finger % len(roles)].text)  # a different grown-up on each finger
        ui.tap(role)
        expect(ui, "Great choice!", f"{name}: {role}")
        chosen.append(f"{name}: {role}")
        if finger == 0:  # the optional nickname, typed once like a child might
            field = next(w for w in ui._widgets() if isinstance(w, NicknameInput))
            ui.touch_widget(field)
            field.insert_text(NICKNAME)
            ui.pump()
        ui.tap("See my hand" if finger == len(FINGER_NAMES) - 1 else "Next finger")
    expect(ui, "Here is your helping hand!", NICKNAME, *chosen, tr(activity.closing))
    ui.tap("Next")


def play_say_it(ui, activity, run) -> None:
    expect(ui, SAY_IT_GOALS[activity.goal], tr(activity.situation), tr(activity.question))
    strong = [phrase for phrase in activity.phrases if phrase.strong]
    assert strong or activity.parts, "there are no strong words to practise"
    if strong:  # ready-made words
        ui.tap(tr(strong[0].text))
        expect(ui, "Strong and clear!", tr(strong[0].feedback))
        ui.tap("I said it!")
        expect(ui, "You said it!")
        if activity.parts:
            ui.tap("Practise other words")
    if activity.parts:  # and building the words one part at a time
        if activity.phrases:
            ui.tap("Build my own words")
        built = []
        for number, part in enumerate(activity.parts, start=1):
            expect(ui, f"Part {number} of {len(activity.parts)}", tr(part.prompt))
            option = next(o for o in part.options if o.strong)
            ui.tap(tr(option.text))
            built.append(tr(option.text))
        expect(ui, "Strong and clear!")
        assert all(sentence in ui.texts() for sentence in built), "the built words are shown"
        ui.tap("I said it!")
        expect(ui, "You said it!")
    ui.tap("Next")


def play_talk(ui, activity, run) -> None:
    expect(ui, "Talk about it together", tr(activity.prompt))
    for hint in activity.hints:
        ui.tap("Show something to think about")
        expect(ui, tr(hint))
    assert not has_button(ui, "Show something to think about")
    if activity.for_adults:
        ui.tap("For the grown-up")
        expect(ui, *(tr(point) for point in activity.for_adults))
    ui.tap("We talked about it")


PLAYERS: dict[str, Callable] = {
    "story": play_story,
    "chat": play_chat,
    "spot": play_spot,
    "sort": play_sort,
    "quiz": play_quiz,
    "helping_hand": play_helping_hand,
    "say_it": play_say_it,
    "talk": play_talk,
}


def play_activity(ui, activity) -> None:
    """Play the activity on screen the best way, up to its "Activity done!" (3 stars)."""
    session = ui.app.session
    assert ui.screen == "activity" and session.activity is activity
    run = session.run
    try:
        PLAYERS[activity.type](ui, activity, run)
        assert run.finished, "the activity is not finished"
        expect(ui, "Activity done!", tr(activity.title), "3 stars for this activity.")
    except (AssertionError, StopIteration) as error:
        raise AssertionError(f"activity {activity.id!r} ({activity.type}): {error}") from error


# --- a whole lesson -----------------------------------------------------------------------


def lesson_heading(ui, lesson: Lesson) -> str:
    """The lesson's numbered title in the list, e.g. "1. A new online friend"."""
    listed = [x.id for x in ui.app.library.by_band(lesson.age_band)]
    return f"{listed.index(lesson.id) + 1}. {tr(lesson.title)}"


def open_lesson(ui, lesson: Lesson) -> None:
    """From home or the age bands to the lesson's first activity, by touch."""
    if ui.screen == "home":
        ui.tap("I'm a child")
    if ui.screen == "new-learner":
        ui.tap("Start")
    assert ui.screen == "bands", ui.screen
    ui.tap(band_label(lesson.age_band))
    assert ui.screen == "lessons"
    heading = lesson_heading(ui, lesson)
    assert "Not done yet" in ui.card_texts(heading)
    ui.tap("Open lesson", near=heading)
    assert ui.screen == "intro"
    expect(ui, tr(lesson.title), *(tr(line) for line in lesson.intro))
    ui.tap("Let's start")


def play_lesson(ui, lesson: Lesson, shots: bool = True) -> None:
    """Play every activity of the lesson and check the finish screen and the progress."""
    open_lesson(ui, lesson)
    total = len(lesson.activities)
    for number, activity in enumerate(lesson.activities, start=1):
        assert ui.screen == "activity", f"activity {number}: on {ui.screen}"
        expect(ui, f"Activity {number} of {total}", tr(activity.title))
        if shots:
            ui.snapshot(f"play-{lesson.id}-{number}-{activity.type}")
        play_activity(ui, activity)
        ui.tap("Finish the lesson" if number == total else "Next activity")
    assert ui.screen == "finish"
    debrief = lesson.debrief
    expect(
        ui,
        "Well done!",
        "You earned 3 stars.",
        f"New badge: {tr(lesson.badge.title)}",
        *(tr(line) for line in debrief.learned),
        tr(debrief.never_your_fault),
        tr(debrief.tell_someone),
    )
    if shots:
        ui.snapshot(f"play-{lesson.id}-finish")
    assert ui.app.store.completed().get(lesson.id) == 3
    stars = ui.app.store.activity_stars(lesson.id)
    assert stars == {a.id: 3 for a in lesson.activities}, stars
    ui.tap("Back to lessons")
    assert ui.screen == "lessons"
    assert "Done" in ui.card_texts(lesson_heading(ui, lesson))


# --- the terminal: python -m app play -------------------------------------------------

OPTION = re.compile(r"^ {4}(\d+)\) (.*)$", re.MULTILINE)
ACTIVITY = re.compile(r"^-- Activity (\d+) of (\d+): ", re.MULTILINE)


class TerminalChild:
    """Answers `python -m app play` prompts the best way, as `read` for `cli.play`.

    It follows the lesson in its own session, makes the same moves as the terminal
    player, and checks that the options printed are the model's, so it never answers
    a prompt it does not understand: anything unexpected fails with the recent output.
    """

    def __init__(self, lesson: Lesson, out: StringIO, limit: int = 2000) -> None:
        self.lesson = lesson
        self.out = out
        self.session = LessonSession(lesson)
        self.seen = 0  # how much of the output was read before the last prompt
        self.new = ""  # what was printed since the last prompt
        self.answers: list[str] = []
        self.limit = limit

    def __call__(self, prompt: str) -> str:
        text = self.out.getvalue()
        self.new, self.seen = text[self.seen :], len(text)
        assert len(self.answers) < self.limit, "the lesson never ends"
        self._follow(self.new)
        answer = self._answer(prompt.strip(), [label for _, label in OPTION.findall(self.new)])
        self.answers.append(answer)
        return answer

    def _follow(self, new: str) -> None:
        """Keep the shadow session on the activity the terminal is playing now."""
        for number, _total in ACTIVITY.findall(new):
            while self.session.index + 1 < int(number):
                assert self.session.run.finished, "the terminal moved on too early"
                self.session.complete()

    def _fail(self, prompt: str, why: str) -> AssertionError:
        recent = self.out.getvalue()[-1500:]
        return AssertionError(f"{why}\nprompt: {prompt!r}\nrecent output:\n{recent}")

    def _answer(self, prompt: str, labels: list[str]) -> str:
        run = self.session.run
        kind = self.session.activity.type
        handler = getattr(self, f"_{kind}", None)
        if handler is None:
            raise self._fail(prompt, f"no terminal answers for activity type {kind!r}")
        answer = handler(prompt, labels, run)
        if answer is None:
            raise self._fail(prompt, f"an unexpected prompt in a {kind} activity")
        return answer

    def _pick(self, prompt: str, labels: list[str], expected: list[str], *right: int) -> str:
        if labels != expected:
            raise self._fail(prompt, f"the options are {labels}, expected {expected}")
        return ",".join(str(i + 1) for i in right)

    def _story(self, prompt, labels, run):
        if prompt.startswith("Enter "):
            run.next()
            return ""
        return None

    def _chat(self, prompt, labels, run):
        if prompt != "choose>":
            return None
        choices = run.available_choices()
        safe = next(i for i, c in enumerate(choices) if c.safe)
        answer = self._pick(prompt, labels, [tr(c.text) for c in choices], safe)
        run.choose(choices[safe].id)
        run.proceed()
        return answer

    def _spot(self, prompt, labels, run):
        if not prompt.startswith("warning signs"):
            return None
        items = run.activity.items
        signs = [i for i, item in enumerate(items) if item.sign]
        if [label.split("] ", 1)[-1] for label in labels] != [tr(x.text) for x in items]:
            raise self._fail(prompt, "the items are not the activity's")
        for index in signs:
            run.toggle(items[index].id)
        run.check()
        return ",".join(str(i + 1) for i in signs) or "s"

    def _sort(self, prompt, labels, run):
        if prompt != "which bin>":
            return None
        bins = run.activity.bins
        number = len(run.placements) + 1
        if f"Card {number} of {run.total}: {tr(run.card.text)}\n" not in self.new:
            raise self._fail(prompt, "the card shown is not the next card")
        right = next(i for i, b in enumerate(bins) if b.id == run.card.bin)
        answer = self._pick(prompt, labels, [tr(b.label) for b in bins], right)
        run.place(run.card.bin)
        return answer

    def _quiz(self, prompt, labels, run):
        if not prompt.startswith("answer"):
            return None
        question = run.question
        options = question.options
        right = [i for i, o in enumerate(options) if o.correct]
        answer = self._pick(prompt, labels, [option_label(o) for o in options], *right)
        run.answer(question.correct_ids)
        return answer

    def _say_it(self, prompt, labels, run):
        activity = run.activity
        if prompt == "words>":
            expected = [tr(p.text) for p in activity.phrases]
            expected += ["[build my own words]"] if activity.parts else []
            strong = [i for i, p in enumerate(activity.phrases) if p.strong]
            if strong:
                run.pick(activity.phrases[strong[0]].id)
                return self._pick(prompt, labels, expected, strong[0])
            run.start_building()
            return self._pick(prompt, labels, expected, len(activity.phrases))
        if prompt == "part>":
            part = run.part
            strong = next(i for i, o in enumerate(part.options) if o.strong)
            answer = self._pick(prompt, labels, [tr(o.text) for o in part.options], strong)
            run.choose_part(part.options[strong].id)
            return answer
        if prompt.startswith("d) I said it!"):
            if run.words.strong:
                run.said_it()
                return "d"
            run.again()
            return "a"
        return None

    def _talk(self, prompt, labels, run):
        if prompt.startswith("h) a hint"):
            run.reveal()
            return "h"
        if prompt.startswith("d) we talked about it"):
            run.finish()
            return "d"
        return None

    def _helping_hand(self, prompt, labels, run):
        roles = run.activity.roles
        if prompt == "role number>":
            expected = [tr(r.text) for r in roles]
            expected += ["(leave this finger empty)"] if run.can_leave_empty else []
            pick = run.finger % len(roles)
            run.choose(roles[pick].id)
            return self._pick(prompt, labels, expected, pick)
        if prompt.startswith("nickname"):
            nickname = NICKNAME if run.finger == 0 else ""
            if nickname:
                run.set_nickname(nickname)
            run.next_finger()
            return nickname
        return None
