"""Chat simulation: a branching conversation where the child chooses what a character replies.

This is the lesson's rehearsal: the child practises safe replies, sees kind feedback after
each choice, may try a risky moment again, and reaches one of several endings with a debrief.
No Kivy here; the view lives beside it in view.py.
"""

from __future__ import annotations

from collections import deque
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

SENDERS = ("them", "narrator")
OUTCOMES = ("safe", "caution")


@dataclass(frozen=True)
class ChatMessage:
    id: str
    sender: str  # "them" (the other account) or "narrator" (a scene note)
    text: Text


@dataclass(frozen=True)
class ChatChoice:
    id: str
    text: Text
    safe: bool
    feedback: Text
    next: str


@dataclass(frozen=True)
class ChatEnding:
    outcome: str
    title: Text
    debrief: Text


@dataclass(frozen=True)
class ChatState:
    id: str
    messages: tuple[ChatMessage, ...]
    choices: tuple[ChatChoice, ...]
    ending: ChatEnding | None

    def choice(self, choice_id: str) -> ChatChoice:
        for choice in self.choices:
            if choice.id == choice_id:
                return choice
        raise KeyError(f"state '{self.id}' has no choice '{choice_id}'")


@dataclass(frozen=True)
class ChatActivity:
    id: str
    type: str
    title: Text
    setting: Text
    player: Text  # the character the child plays, e.g. "Sam"
    contact_name: Text  # the chat account, e.g. "StarPlayer22"
    contact_colour: str
    start_state: str
    states: dict[str, ChatState]

    def start(self) -> ChatRun:
        return ChatRun(self)


@dataclass(frozen=True)
class Line:
    """One entry in the visible transcript."""

    sender: str  # "them", "narrator" or "me" (the character the child plays)
    text: Text


@dataclass
class ChatRun:
    """One pass through a chat. The view asks it what to show and tells it what was tapped."""

    activity: ChatActivity
    state_id: str = ""
    transcript: list[Line] = field(default_factory=list)
    pending: ChatChoice | None = None  # a choice whose feedback is on screen
    choices_made: int = 0
    safe_choices: int = 0
    path: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._enter(self.activity.start_state)

    @property
    def state(self) -> ChatState:
        return self.activity.states[self.state_id]

    @property
    def ending(self) -> ChatEnding | None:
        return None if self.pending else self.state.ending

    @property
    def finished(self) -> bool:
        return self.ending is not None

    @property
    def score(self) -> float:
        return self.safe_choices / self.choices_made if self.choices_made else 1.0

    def available_choices(self) -> tuple[ChatChoice, ...]:
        return () if self.pending else self.state.choices

    def choose(self, choice_id: str) -> ChatChoice:
        """The child picks a reply: it joins the transcript and its feedback becomes pending."""
        if self.pending:
            raise RuntimeError("show the feedback for the last choice before choosing again")
        choice = self.state.choice(choice_id)
        self.choices_made += 1
        self.safe_choices += choice.safe
        self.transcript.append(Line("me", choice.text))
        self.pending = choice
        return choice

    def retry(self) -> None:
        """After a risky reply: take it back and practise this moment again."""
        if not self.pending:
            raise RuntimeError("there is no choice to take back")
        self.transcript.pop()
        self.pending = None

    def proceed(self) -> None:
        """After the feedback: the conversation moves on to the choice's next state."""
        if not self.pending:
            raise RuntimeError("choose a reply first")
        next_state = self.pending.next
        self.pending = None
        self._enter(next_state)

    def _enter(self, state_id: str) -> None:
        self.state_id = state_id
        self.path.append(state_id)
        for message in self.state.messages:
            self.transcript.append(Line(message.sender, message.text))


# --- loading -------------------------------------------------------------------------

_MESSAGE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "text"],
    "properties": {
        "id": id_property("message"),
        "from": {
            "enum": list(SENDERS),
            "description": "'them' for the chat account (the default) or 'narrator' for a "
            "scene note such as 'The next day...'",
        },
        "text": text_property("what the message says"),
    },
}

_CHOICE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "text", "safe", "feedback", "next"],
    "properties": {
        "id": id_property("reply choice"),
        "text": text_property("the reply, in the words the character would type"),
        "safe": {
            "type": "boolean",
            "description": "true if this is a safe reply to practise, false if it is risky",
        },
        "feedback": text_property(
            "kind feedback shown after this choice: start with what was good or "
            "understandable, then the safer path (CONTENT_GUIDE.md)"
        ),
        "next": {
            "type": "string",
            "description": "the id of the state the conversation moves to after this reply",
        },
    },
}

_ENDING_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["outcome", "title", "debrief"],
    "properties": {
        "outcome": {
            "enum": list(OUTCOMES),
            "description": "'safe' when the character got help, 'caution' when there is more to do",
        },
        "title": text_property("a short heading for this ending"),
        "debrief": text_property("what happened, what was safe, and who can help"),
    },
}

_STATE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id"],
    "properties": {
        "id": id_property("state"),
        "messages": {"type": "array", "items": _MESSAGE_SCHEMA},
        "choices": {
            "type": "array",
            "minItems": 2,
            "maxItems": 4,
            "items": _CHOICE_SCHEMA,
            "description": "2 to 4 replies the child can choose from",
        },
        "ending": _ENDING_SCHEMA,
    },
}

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "type", "title", "setting", "player", "contact", "states"],
    "properties": {
        **common_activity_properties("chat"),
        "setting": text_property("one or two sentences that set the scene for the child"),
        "player": text_property("the name of the character the child plays, e.g. 'Sam'"),
        "contact": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "properties": {
                "name": text_property("the chat account's display name"),
                "colour": {
                    "type": "string",
                    "pattern": "^#[0-9a-fA-F]{6}$",
                    "description": "the avatar circle colour as #rrggbb (optional; by default "
                    "a soft colour chosen from the name)",
                },
            },
        },
        "start": {"type": "string", "description": "the id of the first state"},
        "states": {"type": "array", "minItems": 1, "items": _STATE_SCHEMA},
    },
}


def build(data: dict[str, Any], texts: TextFactory, path: Path_) -> ChatActivity:
    aid = data["id"]
    states: dict[str, ChatState] = {}
    for s_index, raw in enumerate(data["states"]):
        sid = raw["id"]
        s_path = (*path, "states", s_index)
        messages = tuple(
            ChatMessage(
                m["id"],
                m.get("from", "them"),
                texts.make((aid, sid, m["id"]), m["text"], (*s_path, "messages", i, "id")),
            )
            for i, m in enumerate(raw.get("messages", ()))
        )
        choices = tuple(
            ChatChoice(
                c["id"],
                texts.make((aid, sid, c["id"]), c["text"], (*s_path, "choices", i, "id")),
                c["safe"],
                texts.make((aid, sid, c["id"], "feedback"), c["feedback"], (*s_path, "choices", i)),
                c["next"],
            )
            for i, c in enumerate(raw.get("choices", ()))
        )
        ending = None
        if "ending" in raw:
            e = raw["ending"]
            e_path = (*s_path, "ending")
            ending = ChatEnding(
                e["outcome"],
                texts.make((aid, sid, "ending-title"), e["title"], e_path),
                texts.make((aid, sid, "debrief"), e["debrief"], e_path),
            )
        states.setdefault(sid, ChatState(sid, messages, choices, ending))
    return ChatActivity(
        id=aid,
        type="chat",
        title=texts.make((aid, "title"), data["title"], (*path, "title")),
        setting=texts.make((aid, "setting"), data["setting"], (*path, "setting")),
        player=texts.make((aid, "player"), data["player"], (*path, "player")),
        contact_name=texts.make((aid, "contact"), data["contact"]["name"], (*path, "contact")),
        contact_colour=data["contact"].get("colour", ""),
        start_state=data.get("start", data["states"][0]["id"]),
        states=states,
    )


def check(data: dict[str, Any]) -> list[Finding]:
    """Links, reachability and endings: every path through the chat must end."""
    states = data["states"]
    findings: list[Finding] = []
    index_of: dict[str, int] = {}
    for i, state in enumerate(states):
        if state["id"] in index_of:
            findings.append(
                Finding(
                    ("states", i, "id"),
                    f"state id '{state['id']}' is used twice "
                    f"(first by state {index_of[state['id']] + 1})",
                    "give each state its own id",
                )
            )
        index_of.setdefault(state["id"], i)
        has_choices, has_ending = bool(state.get("choices")), "ending" in state
        if has_choices and has_ending:
            findings.append(
                Finding(
                    ("states", i, "ending"),
                    f"state '{state['id']}' has both choices and an ending",
                    "a state either offers replies (choices) or ends the chat (ending); "
                    "move the ending into a state of its own",
                    on_key=True,
                )
            )
        elif has_choices and not any(choice["safe"] for choice in state["choices"]):
            findings.append(
                Finding(
                    ("states", i, "choices"),
                    f"state '{state['id']}' has no safe reply, so a child cannot practise one",
                    "add a choice with 'safe: true' (rehearsal means the safe reply is always "
                    "there to choose)",
                    on_key=True,
                )
            )
        elif not has_choices and not has_ending:
            findings.append(
                Finding(
                    ("states", i, "id"),
                    f"state '{state['id']}' has no choices and no ending, so the chat "
                    "would stop here with nothing to tap",
                    "add 2-4 'choices', or an 'ending' with outcome, title and debrief",
                )
            )
    if len(index_of) < len(states):
        return findings  # a 'next' naming a repeated id could mean either state
    names = ", ".join(f"'{s}'" for s in index_of)
    edges: dict[str, set[str]] = {sid: set() for sid in index_of}
    for i, state in enumerate(states):
        for j, choice in enumerate(state.get("choices", ())):
            if choice["next"] in index_of:
                edges[state["id"]].add(choice["next"])
            else:
                findings.append(
                    Finding(
                        ("states", i, "choices", j, "next"),
                        f"choice '{choice['id']}' goes to '{choice['next']}', but no state "
                        "has that id",
                        f"use one of the state ids: {names}",
                    )
                )
    start = data.get("start", states[0]["id"])
    if start not in index_of:
        findings.append(
            Finding(
                ("start",),
                f"start names '{start}', but no state has that id",
                f"use one of the state ids: {names}",
            )
        )
        return findings
    reachable = _reachable(start, edges)
    for sid, i in index_of.items():
        if sid not in reachable:
            findings.append(
                Finding(
                    ("states", i, "id"),
                    f"state '{sid}' can never be reached from the start state '{start}'",
                    "point a choice's 'next' at it, or remove the state",
                )
            )
    endings = {s["id"] for s in states if "ending" in s}
    reverse: dict[str, set[str]] = {sid: set() for sid in index_of}
    for source, targets in edges.items():
        for target in targets:
            reverse[target].add(source)
    can_end = _reachable_from_all(endings, reverse)
    for sid, i in index_of.items():
        if sid in reachable and sid not in can_end:
            findings.append(
                Finding(
                    ("states", i, "id"),
                    f"state '{sid}' can never reach an ending: every path from it loops forever",
                    "give one of its choices (or a later state's) a 'next' that leads to a "
                    "state with an 'ending'",
                )
            )
    findings.extend(_loop_findings(states, edges, start))
    return findings


def _loop_findings(states: list[dict], edges: dict[str, set[str]], start: str) -> list[Finding]:
    """A loop would let a child go round forever; practice uses the built-in "Try again".

    A depth-first walk without recursion, so a chat of a thousand states cannot overflow
    Python's stack.
    """
    index_of = {s["id"]: i for i, s in enumerate(states)}
    findings: list[Finding] = []
    finished: set[str] = set()
    on_path = [start]
    walk = [(start, iter(sorted(edges[start])))]
    while walk:
        sid, targets = walk[-1]
        target = next(targets, None)
        if target is None:
            walk.pop()
            on_path.pop()
            finished.add(sid)
        elif target in on_path:
            loop = " -> ".join([*on_path[on_path.index(target) :], target])
            choice = next(
                j for j, c in enumerate(states[index_of[sid]]["choices"]) if c["next"] == target
            )
            findings.append(
                Finding(
                    ("states", index_of[sid], "choices", choice, "next"),
                    f"the conversation can go round in a loop: {loop}",
                    "point this 'next' at a later state; to let a child practise a moment "
                    "again, rely on the built-in 'Try again' button",
                )
            )
        elif target not in finished:
            on_path.append(target)
            walk.append((target, iter(sorted(edges[target]))))
    return findings


def _reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    return _reachable_from_all({start}, edges)


def _reachable_from_all(starts: set[str], edges: dict[str, set[str]]) -> set[str]:
    seen = set(starts)
    queue = deque(starts)
    while queue:
        for target in edges.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def finish_well(run: ChatRun) -> None:
    """Always take a safe reply."""
    while not run.finished:
        run.choose(next(c for c in run.available_choices() if c.safe).id)
        run.proceed()


ACTIVITY_TYPE = ActivityType(
    name="chat",
    schema=SCHEMA,
    build=build,
    check=check,
    view="app.activities.chat.view:ChatView",
    terminal="app.activities.chat.terminal:play",
    finish_well=finish_well,
)
