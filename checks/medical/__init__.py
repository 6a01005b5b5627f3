"""The `medical` check family."""

from checks.medical import claims, integrity, structure, trust
from seotool.registry import Family

FAMILY = Family(name="medical", rules=(*integrity.RULES, *claims.RULES, *structure.RULES, *trust.RULES))
