"""Story: a short picture story, panel by panel, with Next and Back."""
