"""A small valid lesson for loader tests, and helpers that expect a broken lesson to fail."""

from app.core.loader import load_lesson_text

VALID = """\
schema_version: 1
id: sample
age_band: "8-10"
order: 1
title: Sample
summary: A sample lesson.
duration_minutes: 20
objectives:
  - id: one
    text: Know one thing.
curriculum:
  - framework: UKCIS Education for a Connected World
    strand: Online relationships
    band: "7-11"
    outcome: An outcome.
intro:
  - id: hello
    text: Hello.
activities:
  - id: talk
    type: chat
    title: A chat
    setting: Sam is online.
    player: Sam
    contact:
      name: Pat
    states:
      - id: start
        messages:
          - id: hi
            text: Hi there!
        choices:
          - id: safe-reply
            text: No thanks.
            safe: true
            feedback: Good choice.
            next: good-end
          - id: risky-reply
            text: OK!
            safe: false
            feedback: Understandable, but a safer reply is no.
            next: middle
      - id: middle
        messages:
          - id: again
            text: Keep it secret.
        choices:
          - id: tell
            text: I'm telling my dad.
            safe: true
            feedback: Yes, tell.
            next: good-end
          - id: hide
            text: OK.
            safe: false
            feedback: It's never too late to tell.
            next: worried-end
      - id: good-end
        ending:
          outcome: safe
          title: Sam told
          debrief: Telling helped.
      - id: worried-end
        ending:
          outcome: caution
          title: Still worried
          debrief: It's not too late to tell.
  - id: check
    type: quiz
    title: Quiz
    questions:
      - id: q1
        kind: single
        prompt: Who can pretend online?
        options:
          - id: anyone
            text: Anyone
            correct: true
            explanation: Yes.
          - id: nobody
            text: Nobody
            correct: false
            explanation: No.
      - id: q2
        kind: true_false
        prompt: It is your fault if tricked.
        answer: false
        explanation: Never your fault.
      - id: q3
        kind: multiple
        prompt: Red flags?
        options:
          - id: secret
            text: Secrets
            correct: true
            explanation: Yes.
          - id: gifts
            text: Gifts
            correct: true
            explanation: Yes.
          - id: hello
            text: Hello
            correct: false
            explanation: No.
debrief:
  learned:
    - id: pretend
      text: People can pretend.
  never_your_fault: It is never your fault.
  tell_someone: You can always tell.
"""


def line_of(text: str, fragment: str) -> int:
    """1-based line of the first line containing fragment."""
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in text")


def problems_for(text: str) -> list:
    """Every problem in a lesson that must not load."""
    result = load_lesson_text(text, "lesson.yaml")
    assert result.lesson is None, "a broken lesson must not load"
    assert result.problems
    return result.problems


def only_problem(text: str):
    """The one problem in a lesson that has exactly one."""
    problems = problems_for(text)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


# Everything of VALID before its activities, for tests that bring their own activities.
LESSON_HEAD = VALID[: VALID.index("activities:\n")]


def _check_item(number: int, kind: str, skill: str) -> str:
    return f"""\
  - id: item-{number}
    kind: {kind}
    skill: {skill}
    prompt: Question {number}. What should Mo do?
    options:
      - {{id: tell, text: Tell his dad., correct: true}}
      - {{id: keep-quiet, text: Keep it quiet.}}
      - {{id: reply-back, text: Just reply back.}}
"""


_CHECK_SKILLS = ("secrecy", "gifts", "pretending", "trusted-adults")

# A valid knowledge check: 8 items, half vignettes, skills the sample lesson could teach.
CHECK_VALID = """\
schema_version: 1
id: check-sample
age_band: "8-10"
title: What do you know?
intro:
  - id: not-a-test
    text: This is not a test.
outro:
  - id: thanks
    text: Thank you!
items:
""" + "".join(
    _check_item(n, "vignette" if n % 2 else "knowledge", _CHECK_SKILLS[n % 4]) for n in range(1, 9)
)
