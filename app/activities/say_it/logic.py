"""Say it out loud: rehearse the words to say no, leave or tell (Kidpower-style practice).

The child reads a short situation about a character, picks ready-made words (or builds
them one whole sentence at a time), sees them big with kind feedback, and says them out
loud. Nothing is recorded: the run only remembers which of the author's phrases were
practised. No Kivy here; the view lives beside it in view.py.
"""

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
from app.core.yamlsource import Path_

GOALS = ("no", "leave", "tell")

# Stages of a run, in the order a child usually meets them.
CHOOSE, BUILD, REHEARSE, DONE = "choose", "build", "rehearse", "done"


@dataclass(frozen=True)
class Phrase:
    """Words a character could say: a whole sentence, strong (clear) or weaker."""

    id: str
    text: Text
    strong: bool
    feedback: Text


@dataclass(frozen=True)
class Part:
    """One step of building the words: a prompt and whole sentences to choose from."""

    id: str
    prompt: Text
    options: tuple[Phrase, ...]

    def option(self, option_id: str) -> Phrase:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(f"part '{self.id}' has no option '{option_id}'")


@dataclass(frozen=True)
class Words:
    """What the child is practising: one ready phrase, or one chosen sentence per part."""

    sentences: tuple[Phrase, ...]
    built: bool = False

    @property
    def strong(self) -> bool:
        return all(s.strong for s in self.sentences)


@dataclass(frozen=True)
class SayItActivity:
    id: str
    type: str
    title: Text
    situation: Text
    question: Text
    goal: str
    phrases: tuple[Phrase, ...]
    parts: tuple[Part, ...]

    def start(self) -> SayItRun:
        return SayItRun(self)

    def phrase(self, phrase_id: str) -> Phrase:
        for phrase in self.phrases:
            if phrase.id == phrase_id:
                return phrase
        raise KeyError(f"no phrase '{phrase_id}'")


@dataclass
class SayItRun:
    activity: SayItActivity
    stage: str = ""
    words: Words | None = None  # the words shown to practise (REHEARSE) or just said (DONE)
    building: list[Phrase] = field(default_factory=list)  # sentences chosen so far (BUILD)
    said: list[Words] = field(default_factory=list)  # every time "I said it!" was pressed

    def __post_init__(self) -> None:
        if not self.stage:
            self.stage = CHOOSE if self.activity.phrases else BUILD

    # --- state -----------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return bool(self.said)

    @property
    def score(self) -> float:
        """1.0 once strong words were practised, 0.5 for weaker ones, 0.0 before."""
        if any(words.strong for words in self.said):
            return 1.0
        return 0.5 if self.said else 0.0

    @property
    def practised_strong(self) -> bool:
        return any(words.strong for words in self.said)

    @property
    def part(self) -> Part | None:
        """The part to choose now while building, or None."""
        if self.stage != BUILD:
            return None
        parts = self.activity.parts
        return parts[len(self.building)] if len(self.building) < len(parts) else None

    # --- moves -----------------------------------------------------------------------

    def pick(self, phrase_id: str) -> Words:
        """Choose ready-made words to practise."""
        self._expect(CHOOSE)
        self.words = Words((self.activity.phrase(phrase_id),))
        self.stage = REHEARSE
        return self.words

    def start_building(self) -> None:
        """Build the words one part at a time instead."""
        if not self.activity.parts:
            raise RuntimeError("this activity has no parts to build from")
        self._expect(CHOOSE, DONE, REHEARSE)
        self.building = []
        self.words = None
        self.stage = BUILD

    def choose_part(self, option_id: str) -> Words | None:
        """Choose a sentence for the current part; the Words once every part is chosen."""
        part = self.part
        if part is None:
            raise RuntimeError("not building words now")
        self.building.append(part.option(option_id))
        if len(self.building) < len(self.activity.parts):
            return None
        self.words = Words(tuple(self.building), built=True)
        self.building = []
        self.stage = REHEARSE
        return self.words

    def restart_building(self) -> None:
        self._expect(BUILD)
        self.building = []

    def said_it(self) -> Words:
        """The child said the words out loud (we take their word for it)."""
        self._expect(REHEARSE)
        assert self.words is not None
        self.said.append(self.words)
        self.stage = DONE
        return self.words

    def again(self) -> None:
        """Go back and choose other words to practise."""
        self._expect(REHEARSE, DONE, BUILD)
        self.words = None
        self.building = []
        self.stage = CHOOSE if self.activity.phrases else BUILD

    def _expect(self, *stages: str) -> None:
        if self.stage not in stages:
            raise RuntimeError(f"cannot do that while the run is at '{self.stage}'")


# --- loading -------------------------------------------------------------------------

_PHRASE_PROPERTIES = {
    "id": id_property("phrase"),
    "text": text_property("the words, as the character would say them: a whole sentence"),
    "strong": {
        "type": "boolean",
        "description": "true for clear, strong words; false for weaker ones worth improving",
    },
    "feedback": text_property(
        "kind feedback: what is good about these words, then (for weaker ones) why "
        "clearer words work better"
    ),
}

_PHRASE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "text", "strong", "feedback"],
    "properties": _PHRASE_PROPERTIES,
}

_PART_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "prompt", "options"],
    "properties": {
        "id": id_property("part"),
        "prompt": text_property("what this step is for, e.g. 'First, get their attention'"),
        "options": {
            "type": "array",
            "minItems": 2,
            "maxItems": 4,
            "items": _PHRASE_SCHEMA,
            "description": "2-4 whole sentences to choose from for this step",
        },
    },
}

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "type", "title", "situation", "question", "goal"],
    "properties": {
        **common_activity_properties("say_it"),
        "situation": text_property("a short scene about a character, e.g. 'Someone in a game...'"),
        "question": text_property("the question, e.g. 'What could Maya say?'"),
        "goal": {
            # YAML reads a bare `no` as false: take it to mean "no" rather than fail.
            "enum": [*GOALS, False],
            "description": 'what the words do: "no" (in quotes), leave or tell',
        },
        "phrases": {
            "type": "array",
            "minItems": 2,
            "maxItems": 6,
            "items": _PHRASE_SCHEMA,
            "description": "2-6 ready-made phrases to pick from, at least one strong",
        },
        "parts": {
            "type": "array",
            "minItems": 2,
            "maxItems": 4,
            "items": _PART_SCHEMA,
            "description": "2-4 steps to build the words from, one whole sentence per step",
        },
    },
}


def _phrase(raw: dict[str, Any], ids: tuple[str, ...], texts: TextFactory, path: Path_) -> Phrase:
    return Phrase(
        id=raw["id"],
        text=texts.make(ids, raw["text"], (*path, "id")),
        strong=raw["strong"],
        feedback=texts.make((*ids, "feedback"), raw["feedback"], path),
    )


def build(data: dict[str, Any], texts: TextFactory, path: Path_) -> SayItActivity:
    aid = data["id"]
    return SayItActivity(
        id=aid,
        type="say_it",
        title=texts.make((aid, "title"), data["title"], (*path, "title")),
        situation=texts.make((aid, "situation"), data["situation"], (*path, "situation")),
        question=texts.make((aid, "question"), data["question"], (*path, "question")),
        goal=data["goal"] or "no",
        phrases=tuple(
            _phrase(p, (aid, p["id"]), texts, (*path, "phrases", i))
            for i, p in enumerate(data.get("phrases", ()))
        ),
        parts=tuple(
            Part(
                id=part["id"],
                prompt=texts.make(
                    (aid, part["id"], "prompt"), part["prompt"], (*path, "parts", i, "prompt")
                ),
                options=tuple(
                    _phrase(o, (aid, part["id"], o["id"]), texts, (*path, "parts", i, "options", j))
                    for j, o in enumerate(part["options"])
                ),
            )
            for i, part in enumerate(data.get("parts", ()))
        ),
    )


def check(data: dict[str, Any]) -> list[Finding]:
    findings: list[Finding] = []
    phrases, parts = data.get("phrases"), data.get("parts")
    if not phrases and not parts:
        findings.append(
            Finding(
                ("type",),
                f"say_it activity '{data['id']}' has no words to practise",
                "add 'phrases:' (ready-made words to pick) or 'parts:' (steps to build "
                "the words from), or both",
            )
        )
    if phrases and not any(p["strong"] for p in phrases):
        findings.append(
            Finding(
                ("phrases",),
                f"say_it activity '{data['id']}' has no strong phrase",
                "mark at least one clear, firm phrase 'strong: true' so the child can "
                "practise the best words",
                on_key=True,
            )
        )
    seen_phrases: dict[str, int] = {}
    for i, phrase in enumerate(phrases or ()):
        words = " ".join(phrase["text"].split()).casefold()
        if words in seen_phrases:
            findings.append(
                Finding(
                    ("phrases", i, "text"),
                    f"phrase '{phrase['id']}' repeats the words of phrase "
                    f"'{phrases[seen_phrases[words]]['id']}'",
                    "give each phrase different words",
                )
            )
        else:
            seen_phrases[words] = i
    for i, part in enumerate(parts or ()):
        if not any(o["strong"] for o in part["options"]):
            findings.append(
                Finding(
                    ("parts", i, "options"),
                    f"part '{part['id']}' has no strong option, so the built words can "
                    "never be strong",
                    "mark at least one option of every part 'strong: true'",
                    on_key=True,
                )
            )
    return findings


def finish_well(run: SayItRun) -> None:
    """Practise the first strong words: a strong phrase, or strong sentences built."""
    activity = run.activity
    if run.stage == DONE and run.practised_strong:
        return
    if run.stage != CHOOSE:
        run.again()
    strong = [p for p in activity.phrases if p.strong]
    if strong:
        run.pick(strong[0].id)
    else:
        if run.stage != BUILD:
            run.start_building()
        for part in activity.parts:
            run.choose_part(next(o.id for o in part.options if o.strong))
    run.said_it()


ACTIVITY_TYPE = ActivityType(
    name="say_it",
    schema=SCHEMA,
    build=build,
    check=check,
    view="app.activities.say_it.view:SayItView",
    terminal="app.activities.say_it.terminal:play",
    finish_well=finish_well,
)
