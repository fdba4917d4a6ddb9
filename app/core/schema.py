"""JSON Schema for the lesson file's own keys. Each activity type brings its own schema."""

from __future__ import annotations

from typing import Any

from app.core.activity_type import ID_PATTERN, text_item, text_property
from app.core.model import AGE_BANDS, BADGE_ICONS
from app.core.skills import SKILLS

SCHEMA_VERSION = 1


def _text_list(what: str, min_items: int = 1) -> dict[str, Any]:
    return {
        "type": "array",
        "minItems": min_items,
        "description": f"a list of {what}, each with an id and a text",
        "items": text_item("line", what),
    }


def _adult_text(what: str) -> dict[str, Any]:
    return text_property(f"{what} (for grown-ups; plain English, translated like the rest)")


SKILLS_PROPERTY: dict[str, Any] = {
    "type": "array",
    "uniqueItems": True,
    "minItems": 1,
    "description": "the warning signs and safe actions this lesson teaches",
    "items": {"enum": list(SKILLS), "description": "a skill id: " + ", ".join(SKILLS)},
}

TEACHER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "materials",
        "ground_rules",
        "starter",
        "activity_notes",
        "discussion",
        "safeguarding",
        "differentiation",
        "plenary",
        "home_link",
    ],
    "description": "the teacher's lesson plan",
    "properties": {
        "materials": _text_list("materials the lesson needs"),
        "ground_rules": _text_list("ground rules for the class"),
        "starter": _adult_text("a short, distanced opening activity"),
        "activity_notes": {
            "type": "array",
            "minItems": 1,
            "description": "one note per activity: {activity: <activity id>, text}",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["activity", "text"],
                "properties": {
                    "activity": {
                        "type": "string",
                        "pattern": ID_PATTERN,
                        "description": "the id of one of this lesson's activities",
                    },
                    "text": _adult_text("what to do and look out for in this activity"),
                },
            },
        },
        "discussion": {
            "type": "array",
            "minItems": 1,
            "description": "discussion questions: {id, question, points: [{id, text}]}",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "question", "points"],
                "properties": {
                    "id": {"type": "string", "pattern": ID_PATTERN},
                    "question": _adult_text("a question for the class"),
                    "points": _text_list("points to draw out"),
                },
            },
        },
        "safeguarding": _adult_text("what to do if a child discloses"),
        "differentiation": {
            "type": "object",
            "additionalProperties": False,
            "required": ["send", "eal"],
            "description": "adaptations: send (special needs) and eal (English learners)",
            "properties": {
                "send": _adult_text("adaptations for children with SEND"),
                "eal": _adult_text("adaptations for children learning English"),
            },
        },
        "plenary": _adult_text("the closing activity"),
        "home_link": _adult_text("what goes home and why"),
    },
}

PARENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["learned", "conversation_starter", "home_activity"],
    "description": "the note for parents and carers",
    "properties": {
        "learned": _adult_text("what the child learned"),
        "conversation_starter": _adult_text("one open, distanced question to ask at home"),
        "home_activity": _adult_text("a short activity to do at home"),
    },
}

LESSON_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "schema_version",
        "id",
        "age_band",
        "order",
        "title",
        "summary",
        "duration_minutes",
        "objectives",
        "curriculum",
        "intro",
        "activities",
        "debrief",
    ],
    "properties": {
        "schema_version": {
            "const": SCHEMA_VERSION,
            "description": f"the lesson format version; this app reads version {SCHEMA_VERSION}",
        },
        "id": {
            "type": "string",
            "pattern": ID_PATTERN,
            "description": "the lesson's stable id, e.g. 'new-online-friend'",
        },
        "age_band": {"enum": list(AGE_BANDS), "description": "one of " + ", ".join(AGE_BANDS)},
        "order": {
            "type": "integer",
            "minimum": 1,
            "description": "the lesson's place in its age band's sequence (1 = first)",
        },
        "title": text_property("the lesson title"),
        "summary": text_property("one sentence for the lesson list"),
        "duration_minutes": {
            "type": "integer",
            "minimum": 5,
            "maximum": 120,
            "description": "how long the lesson takes in class, in minutes",
        },
        "objectives": _text_list("learning objectives"),
        "curriculum": {
            "type": "array",
            "minItems": 1,
            "description": "curriculum links, each with framework, strand, band and outcome",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["framework", "strand", "band", "outcome"],
                "properties": {
                    "framework": text_property("e.g. 'UKCIS Education for a Connected World'"),
                    "strand": text_property("e.g. 'Online relationships'"),
                    "band": text_property("the framework's age band, e.g. '7-11'"),
                    "outcome": text_property("the outcome this lesson addresses"),
                },
            },
        },
        "intro": _text_list("intro lines shown before the first activity, one idea each"),
        "activities": {
            "type": "array",
            "minItems": 1,
            "description": "the lesson's activities, in order",
            # Each item is checked again against its own type's schema by the loader.
            "items": {
                "type": "object",
                "required": ["id", "type"],
                "properties": {"type": {"type": "string"}},
            },
        },
        "badge": {
            "type": "object",
            "additionalProperties": False,
            "required": ["title", "icon"],
            "description": "the badge for finishing the lesson: a title and an icon",
            "properties": {
                "title": text_property("the badge's name, e.g. 'Red-flag spotter'"),
                "icon": {
                    "enum": list(BADGE_ICONS),
                    "description": "one of " + ", ".join(BADGE_ICONS),
                },
            },
        },
        "skills": SKILLS_PROPERTY,
        "teacher": TEACHER_SCHEMA,
        "parent": PARENT_SCHEMA,
        "debrief": {
            "type": "object",
            "additionalProperties": False,
            "required": ["learned", "never_your_fault", "tell_someone"],
            "properties": {
                "learned": _text_list("things the child learned"),
                "never_your_fault": text_property(
                    "the self-blame message: it is never your fault (CONTENT_GUIDE rule 2)"
                ),
                "tell_someone": text_property(
                    "the trusted-adult message: you can always tell, even if you promised not to"
                ),
            },
        },
    },
}
