"""Quiz: single choice, multiple choice and true/false, with an explanation for every option."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core.activity_type import (
    ActivityType,
    Finding,
    TextFactory,
    common_activity_properties,
    id_property,
    text_property,
)
from app.core.model import Text
from app.core.pictures import PICTURE_SCHEMA, Picture, build_picture, check_picture
from app.core.yamlsource import Path_

KINDS = ("single", "multiple", "true_false")
TRUE_FALSE_IDS = ("true", "false")


@dataclass(frozen=True)
class QuizOption:
    id: str
    text: Text | None  # None for true/false: the view shows its own "True"/"False"
    correct: bool
    explanation: Text
    # Drawn above the label for children who cannot read yet (optional). Quizzes have no
    # cast, so people are described inline.
    picture: Picture | None = None


@dataclass(frozen=True)
class QuizQuestion:
    id: str
    kind: str
    prompt: Text
    options: tuple[QuizOption, ...]

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)


@dataclass(frozen=True)
class Answer:
    question: QuizQuestion
    chosen: frozenset[str]

    @property
    def correct(self) -> bool:
        return self.chosen == self.question.correct_ids


@dataclass(frozen=True)
class QuizActivity:
    id: str
    type: str
    title: Text
    questions: tuple[QuizQuestion, ...]

    def start(self) -> QuizRun:
        return QuizRun(self)


@dataclass
class QuizRun:
    activity: QuizActivity
    answers: list[Answer] = field(default_factory=list)

    @property
    def question(self) -> QuizQuestion | None:
        """The question to answer now, or None when every question is answered."""
        questions = self.activity.questions
        return questions[len(self.answers)] if len(self.answers) < len(questions) else None

    @property
    def finished(self) -> bool:
        return self.question is None

    @property
    def score(self) -> float:
        total = len(self.activity.questions)
        return sum(a.correct for a in self.answers) / total if total else 1.0

    @property
    def correct_count(self) -> int:
        return sum(a.correct for a in self.answers)

    def answer(self, chosen: set[str] | frozenset[str]) -> Answer:
        question = self.question
        if question is None:
            raise RuntimeError("the quiz is already finished")
        known = {o.id for o in question.options}
        if not chosen or not set(chosen) <= known:
            raise ValueError(f"choose from {sorted(known)}")
        if question.kind != "multiple" and len(chosen) != 1:
            raise ValueError("this question takes exactly one answer")
        answer = Answer(question, frozenset(chosen))
        self.answers.append(answer)
        return answer


# --- loading -------------------------------------------------------------------------

_OPTION_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "text", "correct", "explanation"],
    "properties": {
        "id": id_property("option"),
        "text": text_property("the answer option"),
        "correct": {"type": "boolean", "description": "true if this option is right"},
        "explanation": text_property("why this option is right or not, shown after answering"),
        "picture": {
            **PICTURE_SCHEMA,
            "description": "optional: a picture shown with the option, e.g. "
            "'{props: [gift]}' (for children who cannot read yet)",
        },
    },
}

_QUESTION_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "kind", "prompt"],
    "properties": {
        "id": id_property("question"),
        "kind": {"enum": list(KINDS), "description": "single, multiple or true_false"},
        "prompt": text_property("the question"),
        "options": {"type": "array", "minItems": 2, "maxItems": 6, "items": _OPTION_SCHEMA},
        "answer": {"type": "boolean", "description": "true/false questions: the right answer"},
        "explanation": text_property("true/false questions: why, shown after answering"),
    },
    "if": {"properties": {"kind": {"const": "true_false"}}},
    "then": {"required": ["answer", "explanation"]},
    "else": {"required": ["options"]},
}

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "type", "title", "questions"],
    "properties": {
        **common_activity_properties("quiz"),
        "questions": {"type": "array", "minItems": 1, "items": _QUESTION_SCHEMA},
    },
}


def _build_question(raw: dict[str, Any], aid: str, texts: TextFactory, path: Path_) -> QuizQuestion:
    qid = raw["id"]
    prompt = texts.make((aid, qid, "prompt"), raw["prompt"], (*path, "prompt"))
    if raw["kind"] == "true_false":
        explanation = texts.make((aid, qid, "explanation"), raw["explanation"], path)
        options = tuple(
            QuizOption(oid, None, (oid == "true") == raw["answer"], explanation)
            for oid in TRUE_FALSE_IDS
        )
    else:
        options = tuple(
            QuizOption(
                o["id"],
                texts.make((aid, qid, o["id"]), o["text"], (*path, "options", i, "id")),
                o["correct"],
                texts.make((aid, qid, o["id"], "why"), o["explanation"], (*path, "options", i)),
                build_picture(o["picture"]) if "picture" in o else None,
            )
            for i, o in enumerate(raw["options"])
        )
    return QuizQuestion(qid, raw["kind"], prompt, options)


def build(data: dict[str, Any], texts: TextFactory, path: Path_) -> QuizActivity:
    aid = data["id"]
    return QuizActivity(
        id=aid,
        type="quiz",
        title=texts.make((aid, "title"), data["title"], (*path, "title")),
        questions=tuple(
            _build_question(q, aid, texts, (*path, "questions", i))
            for i, q in enumerate(data["questions"])
        ),
    )


def check(data: dict[str, Any]) -> list[Finding]:
    findings = []
    for i, question in enumerate(data["questions"]):
        options = question.get("options")
        kind = question["kind"]
        for j, option in enumerate(options or ()):
            if "picture" in option:
                findings += check_picture(
                    option["picture"], ("questions", i, "options", j, "picture")
                )
        if kind == "true_false":
            if options:
                findings.append(
                    Finding(
                        ("questions", i, "options"),
                        f"true/false question '{question['id']}' should not list options",
                        "remove 'options'; give 'answer: true' or 'answer: false' and "
                        "one 'explanation'",
                        on_key=True,
                    )
                )
            continue
        correct = sum(o["correct"] for o in options)
        if kind == "single" and correct != 1:
            findings.append(
                Finding(
                    ("questions", i, "options"),
                    f"single-choice question '{question['id']}' has {correct} correct "
                    "options; it needs exactly one",
                    "mark exactly one option 'correct: true', or use kind: multiple",
                    on_key=True,
                )
            )
        elif kind == "multiple" and correct == 0:
            findings.append(
                Finding(
                    ("questions", i, "options"),
                    f"multiple-choice question '{question['id']}' has no correct option",
                    "mark at least one option 'correct: true'",
                    on_key=True,
                )
            )
    return findings


def finish_well(run: QuizRun) -> None:
    """Always give the right answer."""
    while not run.finished:
        run.answer(run.question.correct_ids)


ACTIVITY_TYPE = ActivityType(
    name="quiz",
    schema=SCHEMA,
    build=build,
    check=check,
    view="app.activities.quiz.view:QuizView",
    terminal="app.activities.quiz.terminal:play",
    finish_well=finish_well,
)
