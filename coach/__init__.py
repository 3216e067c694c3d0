"""coach: a terminal coach for bedtime calf stretches."""

__version__ = "0.1.0"
