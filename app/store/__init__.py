"""Local storage (SQLite, standard library). Never imports Kivy."""
