"""Plain-Python core: content model, loading, validation, sessions, scoring.

Never imports Kivy.
"""
