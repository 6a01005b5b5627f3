"""The `onpage` check family."""

from seotool.registry import Family

FAMILY = Family(name="onpage", rules=())
