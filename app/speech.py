"""Read aloud with the platform's own text-to-speech; no network, nothing recorded.

Linux uses espeak-ng (or espeak), macOS `say`, Windows SAPI through pyttsx3. When none
is present `find_engine()` returns None and the app hides its speaker button.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from typing import Protocol

CHILD_RATE_WPM = 145  # a little slower than the engines' default of about 175
STANDARD_VARIANT = {"en": "en-gb", "pt": "pt", "es": "es"}
_MARKUP = re.compile(r"\[/?[a-z]+(=[^\]]*)?\]")


class SpeechEngine(Protocol):
    def can_speak(self, language: str) -> bool: ...

    def speak(self, text: str, language: str) -> None:
        """Start reading `text`, stopping whatever was being read."""
        ...

    def stop(self) -> None: ...


def plain_text(text: str) -> str:
    """Kivy markup tags removed, so the engine does not read "[b]" aloud."""
    return _MARKUP.sub("", text).strip()


class CommandEngine:
    """Runs a speech command (espeak-ng, say) per utterance; stop() ends it at once."""

    def __init__(self, command: list[str], voices: dict[str, str]) -> None:
        self.command = command
        self.voices = voices  # language code -> the engine's voice name
        self._process: subprocess.Popen | None = None

    def voice(self, language: str) -> str | None:
        """The voice for a locale code: pt_PT -> pt-pt if there is one, else pt."""
        for code in (language, language.replace("_", "-").lower(), language.split("_")[0]):
            if code in self.voices:
                return self.voices[code]
        return None

    def can_speak(self, language: str) -> bool:
        return self.voice(language) is not None

    def speak(self, text: str, language: str) -> None:
        self.stop()
        text = plain_text(text)
        voice = self.voice(language)
        if not text or voice is None:
            return
        self._process = subprocess.Popen(
            [*self.command, voice],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            self._process.stdin.write(text.encode("utf-8"))
            self._process.stdin.close()
        except OSError:
            self.stop()  # the engine died at once (e.g. no audio device): stay silent

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._process = None


def _espeak_voices(executable: str) -> dict[str, str]:
    """Language codes espeak-ng has a voice for, from `--voices` (e.g. de, ar, pt-br)."""
    try:
        listing = subprocess.run(
            [executable, "--voices"], capture_output=True, text=True, timeout=5, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    codes = [line.split()[1].lower() for line in listing.splitlines()[1:] if len(line.split()) > 1]
    voices = {code: code for code in codes}
    # A bare language code with no voice of its own gets its standard variant
    # (en -> en-gb, fr -> fr-fr), else its first variant.
    for code in codes:
        base = code.split("-")[0]
        if base not in voices:
            preferred = (STANDARD_VARIANT.get(base), f"{base}-{base}")
            voices[base] = next((v for v in preferred if v in codes), code)
    return voices


def _say_voices(executable: str) -> dict[str, str]:
    """macOS: `say -v ?` lines look like "Anna   de_DE   # Hallo, ich heiße Anna."."""
    try:
        listing = subprocess.run(
            [executable, "-v", "?"], capture_output=True, text=True, timeout=5, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    voices = {}
    for line in listing.splitlines():
        match = re.match(r"^(.+?)\s+([a-z]{2,3})[_-][A-Za-z]+\s+#", line)
        if match:
            voices.setdefault(match.group(2), match.group(1).strip())
    return voices


class Pyttsx3Engine:
    """Windows SAPI voices through pyttsx3, speaking on a background thread."""

    def __init__(self, module) -> None:
        self._engine = module.init()
        self._lock = threading.Lock()
        self.voices: dict[str, str] = {}
        for voice in self._engine.getProperty("voices"):
            for language in getattr(voice, "languages", []) or []:
                code = str(language).lower().replace("_", "-").split("-")[0]
                self.voices.setdefault(code, voice.id)

    def can_speak(self, language: str) -> bool:
        return language in self.voices

    def speak(self, text: str, language: str) -> None:
        self.stop()
        if not self.can_speak(language):
            return

        def run() -> None:
            with self._lock:
                self._engine.setProperty("voice", self.voices[language])
                self._engine.setProperty("rate", CHILD_RATE_WPM)
                self._engine.say(plain_text(text))
                self._engine.runAndWait()

        threading.Thread(target=run, daemon=True).start()

    def stop(self) -> None:
        self._engine.stop()


def find_engine(platform: str = sys.platform) -> SpeechEngine | None:
    """The platform's speech engine, or None. SAFESTEPS_SPEECH=off turns speech off."""
    if os.environ.get("SAFESTEPS_SPEECH", "").lower() == "off":
        return None
    if platform == "darwin" and (say := shutil.which("say")):
        voices = _say_voices(say)
        return CommandEngine([say, "-r", str(CHILD_RATE_WPM), "-v"], voices) if voices else None
    if platform == "win32":
        try:
            import pyttsx3

            return Pyttsx3Engine(pyttsx3)
        except Exception:  # no SAPI voices, or pyttsx3 missing: no speaker button
            return None
    for name in ("espeak-ng", "espeak"):
        if executable := shutil.which(name):
            voices = _espeak_voices(executable)
            if voices:
                command = [executable, "-s", str(CHILD_RATE_WPM), "--stdin", "-v"]
                return CommandEngine(command, voices)
    return None
