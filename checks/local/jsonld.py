"""The clinic's LocalBusiness JSON-LD: finding the nodes and reading their values."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from checks.local import vocab
from seotool.page import JsonLd, Page


def type_names(node: dict[str, Any]) -> list[str]:
    """'@type' as a list of bare names: 'schema:Physician' and 'https://schema.org/Physician' -> 'Physician'."""
    t = node.get("@type")
    values = t if isinstance(t, list) else [t]
    return [re.split(r"[/:#]", v)[-1] for v in values if isinstance(v, str) and v]


def is_business(node: dict[str, Any]) -> bool:
    return any(t in vocab.business_types() for t in type_names(node))


# Properties that make a business node the clinic's own markup rather than a mention of it.
_DETAILS = ("address", "telephone", "geo", "openingHours", "openingHoursSpecification", "location")


def _walk(node: Any, out: list[tuple[dict[str, Any], bool]], nested: bool = False) -> None:
    """Collect (business node, is a reference) pairs. A reference is a business node inside another
    node's property ("publisher": {"@type": "MedicalClinic", "name": ...}) that gives no details:
    it names the clinic, it is not the clinic's LocalBusiness markup."""
    if isinstance(node, list):
        for n in node:
            _walk(n, out, nested)
    elif isinstance(node, dict):
        if is_business(node):
            out.append((node, nested and not any(k in node for k in _DETAILS)))
        for key, value in node.items():
            if isinstance(value, dict | list):
                _walk(value, out, nested or key != "@graph")


@dataclass
class BusinessNode:
    node: dict[str, Any]
    block: JsonLd
    reference: bool = False  # a nested mention without details (a page's publisher), not the markup itself

    @property
    def type_label(self) -> str:
        return "/".join(type_names(self.node))

    def canonical(self) -> str:
        return json.dumps(self.node, sort_keys=True, ensure_ascii=False)


def business_blocks(page: Page) -> list[BusinessNode]:
    """Every LocalBusiness-type node on the page, nested ones included (e.g. a WebPage's ``about``)."""
    cached = page.cache.get("local.business")
    if cached is None:
        cached = []
        for block in page.jsonld:
            if block.data is None:
                continue
            found: list[tuple[dict[str, Any], bool]] = []
            _walk(block.data, found)
            cached.extend(BusinessNode(n, block, ref) for n, ref in found)
        page.cache["local.business"] = cached
    return cached


def business_nodes(page: Page) -> list[dict[str, Any]]:
    return [b.node for b in business_blocks(page)]


def all_types(page: Page) -> list[str]:
    out: list[str] = []
    for block in page.jsonld:
        for item in block.items():
            out.extend(type_names(item))
    return list(dict.fromkeys(out))


def text(value: Any) -> str:
    """A JSON-LD value as plain text: strings as they are, numbers as written, first of a list."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or ""
    if isinstance(value, bool) or value is None:
        return ""
    return str(value).strip()


def first_dict(value: Any) -> dict[str, Any] | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), None)
    return value if isinstance(value, dict) else None


def decimals(raw_json: str, key: str, value: Any) -> int:
    """Decimal places of a coordinate as written in the JSON source (``35.22710`` has 5; the parsed
    float would say 4)."""
    s = text(value)
    for m in re.finditer(rf'"{key}"\s*:\s*"?\s*(-?\d+(?:\.(\d+))?)', raw_json):
        try:
            if float(m.group(1)) == float(s):
                return len(m.group(2) or "")
        except ValueError:
            break
    return len(s.split(".", 1)[1]) if "." in s else 0
