"""courseware: a training course written in YAML, validated and built into an offline static site."""

__version__ = "0.1.0"

from generator import cpu as _cpu  # noqa: F401 - its first look at the CPUs starts with the command
