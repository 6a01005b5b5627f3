"""The medical fact base and its paraphrase-tolerant matcher.

Data: ``checks/medical/data/facts/*.yaml`` (facts), ``checks/medical/data/concepts*.yaml`` (concepts
and their names), ``relations.yaml`` here (relation wordings and function words) and the Human
Disease Ontology slim in ``checks/medical/data/disease_ontology/``. Rules: ``FACT_RULES``.
"""

from checks.medical.facts.matcher import KnowledgeBase, Verdict, build, knowledge
from checks.medical.facts.rules import FACT_RULES
from checks.medical.facts.schema import FactBaseError

__all__ = ["FACT_RULES", "FactBaseError", "KnowledgeBase", "Verdict", "build", "knowledge"]
