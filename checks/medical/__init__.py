"""The `medical` check family."""

from checks.medical import claims, integrity, structure, trust
from checks.medical.facts import FACT_RULES
from seotool.registry import Family

FAMILY = Family(name="medical", rules=(*FACT_RULES, *integrity.RULES, *claims.RULES, *structure.RULES, *trust.RULES),
                standalone=True)
