"""The Kivy shell: draws screens and forwards input to the plain-Python core."""
