"""Read aloud: the engine is found, speaks each language with its own voice, or hides."""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

import pytest

from app import speech
from app.speech import CommandEngine, find_engine, plain_text

ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed")


def test_markup_is_not_read_aloud():
    assert plain_text("Phone: [b]0800 1111[/b]") == "Phone: 0800 1111"
    assert plain_text("[color=#ff0000]Hi[/color] there") == "Hi there"


def test_speech_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("SAFESTEPS_SPEECH", "off")
    assert find_engine() is None


def test_no_engine_on_this_machine_means_no_speaker(monkeypatch):
    monkeypatch.delenv("SAFESTEPS_SPEECH", raising=False)
    monkeypatch.setattr(speech.shutil, "which", lambda name: None)
    assert find_engine(platform="linux") is None
    assert find_engine(platform="darwin") is None


def test_a_language_without_a_voice_is_not_spoken():
    engine = CommandEngine(["true"], {"en": "en-gb"})
    assert engine.can_speak("en") and not engine.can_speak("xx")
    engine.speak("Hello", "xx")  # silently nothing
    assert engine._process is None


@needs_espeak
def test_espeak_ng_voices_cover_the_launch_languages(monkeypatch):
    monkeypatch.delenv("SAFESTEPS_SPEECH", raising=False)
    engine = find_engine(platform="linux")
    assert engine is not None
    assert engine.voices["en"] == "en-gb"
    for language in ("de", "fr", "es", "it", "nl", "pl", "pt", "ro", "tr", "uk", "ar"):
        assert engine.can_speak(language), language


@needs_espeak
@pytest.mark.parametrize(("language", "text"), [("en", "Tell a trusted adult."), ("ar", "مرحبا")])
def test_espeak_ng_really_speaks(tmp_path: Path, language: str, text: str):
    """Speak into a WAV file instead of the speakers and check it is not silence."""
    target = tmp_path / "spoken.wav"
    voices = find_engine(platform="linux").voices
    engine = CommandEngine([ESPEAK, "-w", str(target), "--stdin", "-v"], voices)
    engine.speak(text, language)
    engine._process.wait(timeout=20)
    with wave.open(str(target)) as audio:
        frames = audio.readframes(audio.getnframes())
        seconds = audio.getnframes() / audio.getframerate()
    assert seconds > 0.3
    samples = memoryview(frames).cast("h")
    assert max(abs(s) for s in samples) > 1000, "not silence"


@needs_espeak
def test_stop_ends_speech_at_once():
    engine = find_engine(platform="linux")
    engine.command = [ESPEAK, "-w", "/dev/null", "--stdin", "-v"]
    engine.speak("A long sentence. " * 200, "en")
    engine.stop()
    assert engine._process is None
