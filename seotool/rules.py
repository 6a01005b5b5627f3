"""Rules and findings: the vocabulary shared by checks, the runner and every report.

A rule is an id, its documentation, its examples and one pure function. A page-scoped rule's
function takes ``(page, site)``; a site-scoped one takes ``(site,)``. Both yield findings built
with :meth:`Rule.finding`, and never touch the network (the gathering stage has done that).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pragma: no cover
    from seotool.page import Block, Page
    from seotool.site import Site

FAMILIES = ("medical", "readability", "links", "local", "onpage")
_ID = re.compile(r"^(medical|readability|links|local|onpage|tool)\.[a-z0-9]+(-[a-z0-9]+)*$")


class Severity(IntEnum):
    """Ordered so that ``a >= b`` means "a is at least as serious as b"."""

    NOTICE = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or notice)") from None

    def __str__(self) -> str:
        return self.name.lower()


CONFIDENCES = ("high", "medium", "low")


@dataclass(frozen=True)
class Example:
    """A tiny site a rule must fire on (``bad``) or stay silent on (``good``).

    ``files`` maps a relative path to its content (``index.html`` when given a string).
    ``config`` is merged into the audit config (e.g. a ``clinic`` profile).
    ``responses`` (path -> keyword arguments of ``tests.support.server.Response``) makes the example
    run over real HTTP: the files and responses are served on 127.0.0.1, ``{origin}`` in the files
    is replaced by the server's origin, and the first file is crawled.
    """

    files: dict[str, str]
    config: dict[str, Any] = field(default_factory=dict)
    responses: dict[str, dict[str, Any]] = field(default_factory=dict)
    serve: bool = False  # crawl over HTTP even without special responses

    @classmethod
    def of(cls, value: str | dict[str, str] | Example, config: dict[str, Any] | None = None) -> Example:
        if isinstance(value, Example):
            return value
        files = {"index.html": value} if isinstance(value, str) else dict(value)
        return cls(files=files, config=config or {})

    @property
    def over_http(self) -> bool:
        return self.serve or bool(self.responses)


@dataclass(frozen=True)
class Source:
    name: str
    url: str


@dataclass
class Finding:
    rule: str
    family: str
    severity: str
    confidence: str
    url: str
    message: str
    excerpt: str = ""
    line: int | None = None
    section: str = ""
    suggestion: str = ""
    source: dict[str, str] | None = None
    fingerprint: str = ""
    context: str = ""  # the paragraph the excerpt sits in, for highlighting in reports
    element: str = ""  # e.g. '<a href="/x">' for link and markup findings
    key: str = ""  # extra identity for fingerprints when excerpt alone is ambiguous
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        # Field by field: dataclasses.asdict deep-copies through every value and is the slowest
        # part of building a large result. Containers are still copied (callers may edit them).
        own = self.__dict__
        d = {name: own[name] for name in _FINDING_FIELDS}
        if self.source is not None:
            d["source"] = dict(self.source)
        data = self.data
        if not data:
            d["data"] = {}
        elif all(type(v) in _SCALARS for v in data.values()):
            d["data"] = dict(data)  # flat (most findings): a shallow copy is a full one
        else:
            d["data"] = _copied(data)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in known})

    def compute_fingerprint(self) -> str:
        """Stable across runs and unrelated edits: no line numbers, whitespace and case folded."""
        norm = " ".join(self.excerpt.split()).lower()
        raw = "\x1f".join((self.rule, self.url, norm, self.key))
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


_FINDING_FIELDS = tuple(name for name in Finding.__dataclass_fields__ if name != "key")
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _copied(value: Any) -> Any:
    """A copy of a JSON-like value, as ``dataclasses.asdict`` would make it."""
    if isinstance(value, dict):
        return {k: _copied(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_copied(v) for v in value)
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return value


PageCheck = Callable[["Page", "Site"], Iterable[Finding]]
SiteCheck = Callable[["Site"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: Severity
    what: str  # what it checks
    why: str  # why it matters
    fix: str  # how to fix
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    check: Callable[..., Iterable[Finding]]
    scope: Literal["page", "site"] = "page"
    confidence: str = "high"
    source: Source | None = None
    needs: frozenset[str] = frozenset()  # gathered artifacts beyond pages, e.g. {"probes"}
    medical_only: bool = False

    def __post_init__(self) -> None:
        if not _ID.match(self.id):
            raise ValueError(f"rule id {self.id!r} is not '<family>.<slug>'")
        if self.confidence not in CONFIDENCES:
            raise ValueError(f"rule {self.id}: confidence must be one of {CONFIDENCES}")
        if not self.bad or not self.good:
            raise ValueError(f"rule {self.id}: needs at least one bad and one good example")

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    def finding(
        self,
        page: Page | None,
        message: str,
        *,
        excerpt: str = "",
        block: Block | None = None,
        line: int | None = None,
        section: str | None = None,
        suggestion: str = "",
        source: Source | None = None,
        severity: Severity | None = None,
        confidence: str | None = None,
        element: str = "",
        key: str = "",
        url: str | None = None,
        context: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> Finding:
        """Build a finding for this rule; location fields default from ``block`` then ``page``."""
        src = source or self.source
        if block is not None:
            line = line if line is not None else block.line
            section = section if section is not None else block.section_path
            context = context if context is not None else block.text
        context = _window(context or "", excerpt, MAX_CONTEXT)
        excerpt = _capped(excerpt, MAX_EXCERPT)
        found = Finding(
            rule=self.id,
            family=self.family,
            severity=str(severity or self.severity),
            confidence=confidence or self.confidence,
            url=url if url is not None else (page.url if page is not None else ""),
            message=message,
            excerpt=excerpt,
            line=line,
            section=section or "",
            suggestion=suggestion,
            source={"name": src.name, "url": src.url} if src else None,
            context=context or "",
            element=element,
            key=key,
            data=data or {},
        )
        # Fingerprinted here, where the checks run (often in a helper or worker process), rather
        # than by the runner for all findings at the end, on one core.
        found.fingerprint = found.compute_fingerprint()
        return found


# Crawled text is untrusted and can be huge: a 600 KB "paragraph" gave each of its 1,700
# findings a copy of it, and the audit JSON grew past 1 GB. Real excerpts and paragraphs are far
# shorter than these caps; reports show at most a few hundred characters around an excerpt.
MAX_EXCERPT = 1000
MAX_CONTEXT = 2000


def _capped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def _window(context: str, excerpt: str, limit: int) -> str:
    """``context`` when short; else about ``limit`` characters of it around ``excerpt``."""
    if len(context) <= limit:
        return context
    at = context.find(excerpt) if excerpt else -1
    if at < 0 and excerpt:
        at = context.lower().find(excerpt.lower())
    if at < 0:
        return _capped(context, limit)
    lead = max(0, (limit - len(excerpt)) // 2)  # as much before the excerpt as after it
    start = max(0, min(at - lead, len(context) - limit))
    piece = context[start:start + limit]
    return ("…" if start > 0 else "") + piece + ("…" if start + limit < len(context) else "")


def rule_matches(rule_id: str, patterns: Iterable[str]) -> bool:
    """ruff-style prefix selection: 'medical' matches 'medical.x'; 'links.broken' matches only that id
    or ids starting with 'links.broken'."""
    for p in patterns:
        p = p.strip()
        if not p:
            continue
        if p in ("all", "*") or rule_id == p or rule_id.startswith(p if p.endswith(".") else p + ".") or (
            "." in p and rule_id.startswith(p)
        ):
            return True
    return False
