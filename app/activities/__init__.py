"""The activity registry: every activity type, found by looking in this folder.

Each type lives in its own folder, app/activities/<type>/, with its logic (logic.py, no
Kivy, exporting ACTIVITY_TYPE), its view (view.py) and its terminal player
(terminal.py) side by side. Adding a type means adding its folder: nothing else changes.
"""

from __future__ import annotations

import importlib
import pkgutil

from app.core.activity_type import ActivityType


def _discover() -> dict[str, ActivityType]:
    found: dict[str, ActivityType] = {}
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not module.ispkg:
            continue
        logic = importlib.import_module(f"{__name__}.{module.name}.logic")
        activity_type: ActivityType = logic.ACTIVITY_TYPE
        found[activity_type.name] = activity_type
    return found


ACTIVITY_TYPES: dict[str, ActivityType] = _discover()


def load_hook(dotted: str):
    """Import a "module:attribute" hook named by an ActivityType (view or terminal)."""
    module_name, attribute = dotted.split(":")
    return getattr(importlib.import_module(module_name), attribute)
