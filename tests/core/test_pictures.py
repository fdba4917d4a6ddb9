"""Pictures as data: the schema, the name checks and the builder (no Kivy)."""

from __future__ import annotations

from jsonschema import Draft202012Validator

from app.core.pictures import (
    EXTRAS,
    HAIR_STYLES,
    PICTURE_SCHEMA,
    SCENES,
    PersonSpec,
    Picture,
    build_cast,
    build_picture,
    check_picture,
)

VALIDATOR = Draft202012Validator(PICTURE_SCHEMA)

EXAMPLE = {
    "scene": "bedroom",
    "people": [
        {
            "skin": 4,
            "hair": "curly",
            "hair_colour": "black",
            "top": "teal",
            "mood": "thinking",
            "extras": ["glasses"],
        },
        {
            "skin": 2,
            "hair": "long",
            "hair_colour": "brown",
            "top": "coral",
            "mood": "happy",
            "age": "adult",
        },
    ],
    "props": ["tablet"],
}


def test_example_is_valid_and_builds():
    assert list(VALIDATOR.iter_errors(EXAMPLE)) == []
    assert check_picture(EXAMPLE, ("picture",)) == []
    picture = build_picture(EXAMPLE)
    assert picture.scene == "bedroom"
    assert picture.people[0].has("glasses")
    assert picture.people[1].age == "adult"
    assert picture.devices == ("tablet",) and picture.symbols == ()


def test_diversity_is_covered():
    assert len(SCENES) == 6
    assert {"short", "long", "curly", "braids", "bun", "shaved", "headscarf"} <= set(HAIR_STYLES)
    assert {"glasses", "hearing-aid", "wheelchair"} <= set(EXTRAS)
    for skin in range(1, 7):
        assert list(VALIDATOR.iter_errors({"people": [{"skin": skin}]})) == []
    assert list(VALIDATOR.iter_errors({"people": [{"skin": 0}]}))


def test_hijab_is_an_alias_for_headscarf_with_a_clothes_colour():
    raw = {"people": [{"hair": "hijab", "hair_colour": "teal"}]}
    assert check_picture(raw, ()) == []
    assert build_picture(raw).people[0].hair == "headscarf"
    wrong = check_picture({"people": [{"hair": "curly", "hair_colour": "teal"}]}, ())
    assert "unknown hair colour 'teal'" in wrong[0].message


def test_misspelt_names_get_did_you_mean():
    findings = check_picture(
        {"scene": "parc", "props": ["lapotp"], "people": [{"mood": "hapy", "extras": ["glases"]}]},
        ("picture",),
    )
    fixes = {f.path: f.fix for f in findings}
    assert fixes[("picture", "scene")].startswith("did you mean 'park'?")
    assert fixes[("picture", "props", 0)].startswith("did you mean 'laptop'?")
    assert fixes[("picture", "people", 0, "mood")].startswith("did you mean 'happy'?")
    assert fixes[("picture", "people", 0, "extras", 0)].startswith("did you mean 'glasses'?")


def test_one_device_per_picture():
    findings = check_picture({"props": ["tablet", "phone"]}, ())
    assert "one device" in findings[0].message


def test_cast_names_and_overrides():
    cast = build_cast({"amira": {"skin": 4, "extras": ["wheelchair"]}})
    picture = build_picture({"people": ["amira", {"as": "amira", "mood": "unsure"}]}, cast)
    first, second = picture.people
    assert first.skin == second.skin == 4 and second.has("wheelchair")
    assert second.mood == "unsure"
    findings = check_picture({"people": ["amria"]}, (), cast=["amira"])
    assert "did you mean 'amira'?" in findings[0].fix
    findings = check_picture({"people": ["amira"]}, ())
    assert "has no cast" in findings[0].message


def test_defaults():
    assert Picture() == build_picture({})
    assert PersonSpec.from_data({}) == PersonSpec()
