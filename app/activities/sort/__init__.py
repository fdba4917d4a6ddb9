"""Sort activity: cards into bins."""
