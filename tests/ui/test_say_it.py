"""A child practises Maya's and Ayo's words with touches, and with the keyboard only."""

from __future__ import annotations

STRONG_LEAVE = "Stop. I'm leaving this chat now."
WEAK = "Um, maybe not\u2026"
INVITE = "Now say it out loud, like you mean it. Nobody is recording."


def test_choose_weaker_words_then_clearer_ones_and_say_them(ui):
    ui.open_activity("test-say-it", 1)
    assert ui.sees("Activity 1 of 2") and ui.sees("Maya says no")
    assert ui.sees("Practise: saying no")
    assert ui.sees("Don't tell your parents.") and ui.sees("What could Maya say?")
    assert not ui.sees("Build my own words")  # this one has ready-made words only
    ui.snapshot("say_it-choose")

    ui.tap(WEAK)
    assert ui.sees("Good start. Let's make it clearer.")
    assert ui.sees("\u201cUm, maybe not\u2026\u201d")
    assert ui.sees('"maybe" can sound like "yes, later"')
    assert ui.sees(INVITE) and ui.sees("Stand tall.") and ui.sees("Look at the person.")
    ui.snapshot("say_it-weaker")
    ui.tap("Try clearer words")
    assert ui.sees("What could Maya say?") and not ui.sees(INVITE)
    assert not ui.app.session.run.finished  # going back is not practising

    ui.tap(STRONG_LEAVE)
    assert ui.sees("Strong and clear!") and ui.sees("Leaving a chat that asks for secrets")
    assert ui.sees(INVITE) and ui.sees("Use a clear, strong voice.")
    ui.snapshot("say_it-rehearse")
    ui.tap("I said it!")
    assert ui.sees("You said it!") and ui.sees("Practising out loud makes it easier")
    run = ui.app.session.run
    assert run.finished and run.score == 1.0
    ui.snapshot("say_it-done")

    ui.tap("Practise other words")
    assert ui.sees("What could Maya say?")
    ui.tap("No. I don't keep secrets from my family.")
    ui.tap("I said it!")
    assert run.score == 1.0 and len(run.said) == 2
    ui.tap("Next")
    assert ui.sees("Activity done!") and ui.sees("3 stars for this activity.")
    ui.tap("Next activity")
    assert ui.screen == "activity" and ui.sees("Activity 2 of 2")
    assert ui.sees("What could Ayo say to his dad?")
    assert ui.app.session.results[0].score == 1.0


def test_weaker_words_practised_score_half_and_invite_clearer_ones(ui):
    ui.open_activity("test-say-it", 1)
    ui.tap("Sorry, I'm not sure. Is that OK?")
    ui.tap("I said it!")
    assert ui.sees("Good practice!") and ui.sees("Short, firm words show that you mean it.")
    assert ui.app.session.run.score == 0.5
    ui.snapshot("say_it-done-weaker")
    ui.tap("Next")
    assert ui.app.session.results[0].score == 0.5
    assert ui.sees("2 stars for this activity.")


def test_build_the_words_to_tell_a_trusted_adult(ui):
    ui.open_activity("test-say-it", 2)
    assert ui.sees("Practise: telling a trusted adult")
    ui.tap("Build my own words")
    assert ui.sees("Part 1 of 3") and ui.sees("First, get Dad's attention.")
    ui.tap("It's nothing really, but\u2026")
    assert ui.sees("Your words so far") and ui.sees("Part 2 of 3")
    ui.tap("Start again")
    assert ui.sees("Part 1 of 3") and not ui.sees("Your words so far")
    ui.tap("I need to tell you something.")
    ui.tap("Someone online is making me feel worried.")
    assert ui.sees("Then ask for help.")
    ui.snapshot("say_it-build")
    ui.tap("Don't tell anyone, OK?")
    # Built words stay whole sentences, each on its own line; only the weaker one gets advice.
    sentences = [
        "I need to tell you something.",
        "Someone online is making me feel worried.",
        "Don't tell anyone, OK?",
    ]
    assert all(sentence in ui.texts() for sentence in sentences)
    assert ui.sees("Dad may need to tell someone else to keep Ayo safe.")
    assert not ui.sees("Dad knows to stop and listen.")
    assert ui.sees("Find a trusted adult.")
    assert ui.sees("If they don't listen, keep telling until someone does.")
    ui.snapshot("say_it-built-weaker")

    ui.tap("Try clearer words")
    ui.tap("Build my own words")
    ui.tap("Can I talk to you about something?")
    ui.tap("Someone in my game asked me to keep a secret.")
    ui.tap("Please help me work out what to do.")
    assert ui.sees("Strong and clear!")
    assert ui.sees("Clear and kind.") and ui.sees("Dad and Ayo can work it out together.")
    ui.snapshot("say_it-built-strong")
    ui.tap("I said it!")
    assert ui.sees("You said it!")
    assert ui.sees("It is never too late to tell, even if you promised to keep a secret.")
    ui.tap("Next")
    ui.tap("Finish the lesson")
    assert ui.screen == "finish"
    assert ui.sees("You can always tell a trusted adult, even if you promised not to.")


def test_keyboard_only(ui):
    ui.open_activity("test-say-it", 1)
    ui.key_choose(WEAK)
    assert ui.sees("Good start. Let's make it clearer.")
    ui.key_choose("Try clearer words")
    ui.key_choose(STRONG_LEAVE, key=32)  # Space presses too
    assert ui.sees("Strong and clear!")
    ui.key_choose("Say it again")  # try other words
    assert ui.sees("What could Maya say?") and not ui.sees("Strong and clear!")
    ui.key_choose("No. I don't keep secrets from my family.")
    assert ui.sees("Strong and clear!") and ui.sees("gives a reason")
    ui.key_choose("I said it!")
    assert ui.sees("You said it!")
    ui.snapshot("say_it-keys-done")
    ui.key_choose("Next")
    ui.key_choose("Next activity")
    assert ui.sees("Activity 2 of 2")

    ui.key_choose("Build my own words")
    ui.key_choose("I need to tell you something.")
    ui.key_choose("Someone in my game asked me to keep a secret.")
    ui.key_choose("Can you help me?")
    assert ui.sees("Strong and clear!")
    ui.key_choose("I said it!")
    ui.key_choose("Next")
    ui.key_choose("Finish the lesson")
    assert ui.screen == "finish"
    assert [r.score for r in ui.app.session.results] == [1.0, 1.0]
