"""The `links` check family."""

from seotool.registry import Family

FAMILY = Family(name="links", rules=())
