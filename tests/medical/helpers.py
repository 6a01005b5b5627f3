"""Run one medical rule on an HTML page built in the test (the checks are pure functions)."""

from __future__ import annotations

from seotool.config import Config
from seotool.page import Page
from seotool.rules import Finding, Rule
from seotool.site import Site


def html(body: str, title: str = "Patient information", head: str = "") -> str:
    return (f'<!doctype html><html lang="en"><head><title>{title}</title>{head}</head>'
            f"<body><main>{body}</main></body></html>")


def run(rule: Rule, body: str, *, url: str = "conditions/page.html", title: str = "Patient information",
        head: str = "", full: str | None = None) -> list[Finding]:
    page = Page(url, full if full is not None else html(body, title, head), final_url="http://site.invalid/" + url)
    return list(rule.check(page, Site(targets=[], config=Config({}))))


def excerpts(findings: list[Finding]) -> list[str]:
    return [f.excerpt for f in findings]
