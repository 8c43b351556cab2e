"""courseware: a training course written in YAML, validated and built into an offline static site."""

__version__ = "0.1.0"
