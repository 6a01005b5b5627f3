"""The `readability` check family: reading grade of the main content, hard and long passages,
passive voice and plainer words (CDC Plain Language Thesaurus).

Modules: ``analysis`` (a page's prose, cached per page), ``metrics`` (the only textstat user),
``thesaurus`` (the word list and its index), ``advice`` (where to split), one module per rule group,
``summary`` (page figures and the site's grade distribution).
"""

from checks.readability import grade, length, passive, plain_language, starts
from checks.readability.settings import DEFAULTS
from checks.readability.summary import page_metrics, summarize
from seotool.registry import Family

FAMILY = Family(
    name="readability",
    rules=(*grade.RULES, *length.RULES, *starts.RULES, *passive.RULES, *plain_language.RULES),
    settings=DEFAULTS,
    page_metrics=page_metrics,
    summarize=summarize,
    standalone=True,  # page rules and metrics read the page and [readability] only
)
