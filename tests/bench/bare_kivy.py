"""The baseline for `make bench`: a bare Kivy window with one label, exiting at first frame."""

import os
import resource
import sys
import time

STARTED = time.perf_counter()
os.environ.setdefault("KIVY_NO_ARGS", "1")

from kivy.app import App  # noqa: E402
from kivy.core.window import Window  # noqa: E402
from kivy.uix.label import Label  # noqa: E402


class Bare(App):
    def build(self):
        Window.bind(on_flip=self.first_frame)
        return Label(text="Hello")

    def first_frame(self, *_args):
        Window.unbind(on_flip=self.first_frame)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"FIRST_FRAME {time.perf_counter() - STARTED:.4f} {peak}", flush=True)
        sys.stdout.flush()
        self.stop()


Bare().run()
