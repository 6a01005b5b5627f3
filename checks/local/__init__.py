"""The `local` check family."""

from seotool.registry import Family

FAMILY = Family(name="local", rules=())
