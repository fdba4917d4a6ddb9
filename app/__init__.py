"""SafeSteps: offline lessons on recognising online grooming and telling a trusted adult."""

__version__ = "0.1.0"
