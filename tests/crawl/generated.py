"""A generated clinic-like site of N pages for the scale test and the crawl benchmark.

Every page is reachable from ``/`` (page i links to i+1), links are spelled in several ways
(fragments, ``./``, absolute URLs) so deduplication is exercised, and each page carries a few
hundred words so parsing costs what it does on real pages."""

from __future__ import annotations

from tests.support.server import Response

WORDS = ("ketamine therapy patients clinic treatment depression chronic pain infusion doctor "
         "appointment insurance symptoms relief care team visit results safety evidence").split()


def page_path(i: int) -> str:
    return f"/services/page-{i}.html" if i % 3 else f"/conditions/topic-{i}/"


def page_html(i: int, n: int, origin: str) -> str:
    targets = [(i + 1) % n, (2 * i + 1) % n, (7 * i + 3) % n]
    links = [f'<a href="{page_path(t)}">page {t}</a>' for t in targets]
    links.append(f'<a href="{page_path(targets[0])}#details">details</a>')  # fragment spelling
    links.append(f'<a href="{origin}{page_path(targets[1])}">absolute</a>')  # absolute spelling
    links.append('<a href="/">home</a>')
    text = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(300))
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Page {i} | Clinic</title></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/contact'>Contact</a></nav><main><h1>Page {i}</h1>"
            f"<p>{text}.</p><ul>{''.join(f'<li>{link}</li>' for link in links)}</ul></main>"
            f"<footer>Clinic, 1 Main St</footer></body></html>")


def generated_routes(n: int, origin: str) -> dict[str, Response]:
    """Routes for ``/``, ``/contact`` and pages 0..n-1 (n + 2 HTML pages in all)."""
    routes = {page_path(i): Response(body=page_html(i, n, origin).encode()) for i in range(n)}
    home = "".join(f'<a href="{page_path(i)}">{i}</a> ' for i in range(10))
    routes["/"] = Response(body=f"<html><head><title>Clinic</title></head><body>{home}<a href='/contact'>c</a></body></html>")
    routes["/contact"] = Response(body="<html><head><title>Contact</title></head><body><a href='./'>home</a></body></html>")
    return routes
