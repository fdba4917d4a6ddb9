"""The activity registry: the one place that lists every activity type.

Each type lives in its own folder with its logic (no Kivy) and its view side by side.
Adding a type means adding its folder and one line here.
"""

from app.activities.chat.logic import CHAT
from app.activities.quiz.logic import QUIZ
from app.core.activity_type import ActivityType

ACTIVITY_TYPES: dict[str, ActivityType] = {t.name: t for t in (CHAT, QUIZ)}
