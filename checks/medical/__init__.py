"""The `medical` check family."""

from seotool.registry import Family

FAMILY = Family(name="medical", rules=())
