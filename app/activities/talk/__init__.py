"""Talk about it: a discussion prompt for class or home."""
