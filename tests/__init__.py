"""SafeSteps tests. A regular package, so that a stray top-level `tests` package that
some PyPI projects install (dennis 1.3.0 does) can never shadow it."""
