"""A child reads Amira's story with touches, and again with the keyboard only."""

from __future__ import annotations

from tests.ui.conftest import KEY_ENTER


def story_view(ui):
    from app.activities.story.view import StoryView

    found = [w for w in ui._widgets() if isinstance(w, StoryView)]
    assert len(found) == 1
    return found[0]


def test_child_reads_the_story_page_by_page(ui):
    from app.ui.art import AvatarFace, PictureView

    ui.open_activity("test-story", 1)
    assert ui.screen == "activity"
    assert ui.sees("Amira loves playing Puzzle Island on her tablet.")
    assert ui.sees("1 of 5")
    assert any(isinstance(w, PictureView) for w in ui._widgets())
    assert "Previous" not in [getattr(w, "text", None) for w in ui._widgets()]
    ui.snapshot("story-1-first-panel")

    ui.tap("Next")
    assert ui.sees("An account called SkyFox99 starts sending her messages.")
    assert ui.sees("2 of 5")
    ui.tap("Previous")
    assert ui.sees("Amira loves playing Puzzle Island on her tablet.")
    ui.tap("Next")
    ui.tap("Next")
    assert ui.sees("SkyFox99")  # the speaker's name over the words
    assert ui.sees("Let's keep our chats secret. Don't tell your family about me, OK?")
    assert story_view(ui).narration().startswith("SkyFox99 says:")
    faces = [w for w in ui._widgets() if isinstance(w, AvatarFace)]
    assert [f.seed for f in faces] == ["SkyFox99"]  # an ordinary account face, nothing scary
    ui.snapshot("story-3-secret")
    ui.tap("Next")
    assert ui.sees("Amira gets a funny feeling in her tummy.")
    ui.tap("Next")
    assert ui.sees("Grandad")
    assert ui.sees("5 of 5")
    assert ui.sees("Let's block and report this account together.")
    ui.snapshot("story-5-grandad")
    run = story_view(ui).run
    assert not run.finished
    ui.tap("Finish the story")
    assert run.finished and run.score == 1.0
    assert ui.sees("Activity done!") and ui.sees("3 stars for this activity.")
    ui.tap("Finish the lesson")
    assert ui.screen == "finish"
    ui.snapshot("story-finish")


def test_read_aloud_reads_only_the_current_panel(ui):
    ui.open_activity("test-story", 1)
    narration = story_view(ui).narration()
    assert narration == (
        "Amira loves playing Puzzle Island on her tablet.\n"
        "She plays it at Grandad's house after school."
    )


def test_story_with_keys_only(ui):
    ui.open_activity("test-story", 1)
    ui.key_choose("Next")
    assert ui.sees("2 of 5")
    ui.key_choose("Previous")
    assert ui.sees("1 of 5")
    for page in range(2, 6):
        ui.key_choose("Next")
        assert ui.sees(f"{page} of 5")
    ui.tab_to("Finish the story")
    ui.press_key(KEY_ENTER)
    assert ui.sees("Activity done!")
    ui.key_choose("Finish the lesson")
    assert ui.screen == "finish"
