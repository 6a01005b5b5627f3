"""The `readability` check family."""

from seotool.registry import Family

FAMILY = Family(name="readability", rules=())
