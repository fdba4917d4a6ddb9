"""A child plays the whole lesson with touches, from home to the finish screen."""

from __future__ import annotations

QUIZ_ANSWERS = [
    ["We can't be sure who Sky is."],
    [
        "Asks you to keep a secret from your family",
        "Offers you free gems or gifts",
        "Asks to chat on a different app",
        "Asks for a photo of you",
    ],
    ["False"],
    ["Stop chatting and tell a trusted adult."],
    ["False"],
    ["His mum or dad", "His teacher", "His football coach or the school nurse"],
]


def open_first_lesson(ui) -> None:
    assert ui.screen == "home"
    assert ui.sees("Learn how to stay safe online")
    ui.tap("I'm a child")
    assert ui.screen == "new-learner" and ui.sees("Choose your picture")
    ui.tap("Start")
    assert ui.screen == "bands" and ui.sees("How old are you?")
    ui.tap("Ages 8\u201310")
    assert ui.screen == "lessons"
    assert ui.sees("A new online friend") and ui.sees("Not done yet")
    ui.tap("Open lesson", near="A new online friend")
    assert ui.screen == "intro"
    assert ui.sees("people online can pretend to be someone they are not")
    ui.tap("Let's start")
    assert ui.screen == "activity" and ui.sees("Activity 1 of 3")


def test_child_plays_the_whole_lesson(ui):
    open_first_lesson(ui)
    assert ui.sees("Leo is chatting with Sky_Builder")
    assert ui.sees("Hi! I saw your castle. It's amazing!")

    ui.tap("Thanks! I like building too.")
    assert ui.sees("A safe reply!")
    ui.tap("Keep going")
    assert ui.sees("What school do you go to?")

    # A risky reply gets kind feedback and a chance to practise the safe one.
    ui.tap("I go to Hill Park School.")
    assert ui.sees("Let's think again") and ui.sees("A safer reply keeps it private.")
    ui.snapshot("walk-chat-risky-feedback")
    ui.tap("Try a safer reply")
    assert not ui.sees("Let's think again")
    ui.tap("I don't share that online.")
    assert ui.sees("A safe reply!")
    ui.tap("Keep going")

    ui.tap("I'm going to stop and show my mum this chat.")
    ui.tap("Keep going")
    assert ui.sees("Leo told a trusted adult")
    assert ui.sees("Safe replies: 3 of 4")
    ui.snapshot("walk-chat-ending")
    ui.tap("Next")
    assert ui.sees("Activity done!") and ui.sees("2 stars for this activity.")
    ui.snapshot("walk-activity-done")
    ui.tap("Next activity")

    assert ui.sees("Activity 2 of 3") and ui.sees("Question 1 of 6")
    for number, answers in enumerate(QUIZ_ANSWERS, start=1):
        assert ui.sees(f"Question {number} of 6")
        for answer in answers:
            ui.tap(answer)
        if len(answers) > 1:
            ui.tap("Check my answer")
        assert ui.sees("That's right!"), f"question {number}"
        ui.snapshot(f"walk-q{number}-answer")
        ui.tap("See my score" if number == len(QUIZ_ANSWERS) else "Next question")
    assert ui.sees("You got 6 of 6 right.")
    ui.snapshot("walk-quiz-score")
    ui.tap("Next")
    assert ui.sees("3 stars for this activity.")
    ui.tap("Next activity")

    # Rehearsal: Leo practises the words to tell Mum.
    assert ui.sees("Activity 3 of 3")
    ui.tap("Mum, can you look at this chat? It made me feel worried.")
    ui.tap("I said it!")
    ui.tap("Next")
    ui.tap("Finish the lesson")

    assert ui.screen == "finish"
    assert ui.sees("Well done!") and ui.sees("You earned 3 stars.")
    ui.snapshot("walk-finish")
    assert ui.sees("it is never your fault")
    assert ui.sees("You can always tell a trusted adult, even if you promised not to.")
    ui.tap("Back to lessons")
    assert ui.screen == "lessons"
    card = ui.card_texts("A new online friend")
    assert "Done" in card and "Not done yet" not in card
    assert ui.app.store.activity_stars("new-online-friend") == {
        "chat-with-sky": 2,
        "red-flag-quiz": 3,
        "leo-tells-mum": 3,
    }


def test_wrong_quiz_answer_explains_every_option(ui):
    open_first_lesson(ui)
    ui.tap("Skip this")
    assert ui.sees("Activity 2 of 3")
    ui.tap("Sky is 11.")
    assert ui.sees("Not quite. Here's why:")
    assert ui.sees("People online can say anything about themselves")
    assert ui.sees("Right! People online can pretend.")
    assert ui.sees("Grown-ups can play kids' games too")
    ui.snapshot("walk-quiz-wrong-answer")


def test_help_from_inside_an_activity_returns_to_the_same_place(ui):
    open_first_lesson(ui)
    ui.tap("Thanks! I like building too.")
    assert ui.sees("A safe reply!")
    ui.tap("Help")
    assert ui.screen == "help"
    assert ui.sees("Tell a trusted adult. It is never your fault.")
    assert ui.sees("In danger right now? Call 999.")
    assert ui.sees("Childline") and ui.sees("0800 1111")
    ui.tap("Back to where I was")
    assert ui.screen == "activity"
    assert ui.sees("A safe reply!") and ui.sees("Thanks! I like building too.")
    ui.tap("Keep going")
    assert ui.sees("What school do you go to?")


def test_help_shows_the_chosen_countrys_helplines(ui):
    ui.tap("Help")
    ui.tap("Change country")
    ui.tap("Canada")
    assert ui.screen == "help"
    assert ui.sees("Help in Canada")
    assert ui.sees("Kids Help Phone") and ui.sees("1-800-668-6868")
    ui.snapshot("walk-help-canada")
    assert ui.sees("In danger right now? Call 911.")
    assert not ui.sees("Childline")
    assert ui.app.store.setting("country", "") == "CA"


def test_skip_everything_still_finishes_with_the_key_messages(ui):
    open_first_lesson(ui)
    for _ in range(3):
        ui.tap("Skip this")
    assert ui.screen == "finish"
    assert ui.sees("You earned 1 star.")
    assert ui.sees("it is never your fault")


def test_take_a_break_goes_to_the_lessons_and_can_carry_on(ui):
    open_first_lesson(ui)
    ui.tap("Skip this")
    ui.tap("Take a break")
    assert ui.screen == "lessons"
    ui.tap("Open lesson", near="A new online friend")
    ui.tap("Carry on")
    assert ui.screen == "activity" and ui.sees("Activity 2 of 3")


def test_escape_key_goes_back_and_never_quits(ui):
    open_first_lesson(ui)
    ui.press_key(27)
    assert ui.screen == "intro"
    for _ in range(5):
        ui.press_key(27)
    assert ui.screen == "home"


def test_back_is_always_there_and_goes_back(ui):
    open_first_lesson(ui)
    ui.tap("Back")
    assert ui.screen == "intro"
    ui.tap("Back")
    assert ui.screen == "lessons"
    ui.tap("Back")
    ui.tap("Back")
    assert ui.screen == "new-learner"
    ui.tap("Back")
    assert ui.screen == "home"


def test_help_words_removal_services_gently_for_younger_children(ui):
    ui.app.set_country("GB")
    ui.app.band = "5-7"
    ui.tap("Help")
    assert ui.sees("If you are under 18, this helps take a picture of you off the internet.")
    assert not any("nude" in t for t in ui.texts())
    ui.tap("Back")
    ui.app.band = "14-16"
    ui.tap("Help")
    assert any("nude image of you removed" in t for t in ui.texts())
