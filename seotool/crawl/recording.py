"""Turn one fetch into Records: a state and reason for the URL asked for and for every URL its
redirect chain passed through (each hop gets the chain's outcome and the hops from it on).

States and reasons (``seotool.site.Record``):
- fetched: an HTML page was parsed; reason ``redirected`` on a URL that redirected to it (or to
  a URL handled elsewhere: already seen, out of scope, disallowed).
- skipped: ``not-html`` (status kept), ``robots``, ``out-of-scope``, ``excluded`` (--include /
  --exclude), ``depth-limit``, ``limit-reached`` (--max-pages), ``interrupted`` (Ctrl-C).
- failed: ``http-error`` (4xx/5xx, status kept), ``timeout``, ``dns``, ``tls``, ``refused``,
  ``reset``, ``too-large``, ``bad-encoding``, ``redirect-loop``, ``too-many-redirects``,
  ``bad-redirect``, ``invalid-url``, ``parse-error``, ``connection-error``; ``detail`` says more.
"""

from __future__ import annotations

from seotool.crawl.fetch import FetchResult
from seotool.crawl.pages import PageOutcome
from seotool.site import FAILED, FETCHED, SKIPPED, Record
from seotool.urls import normalize

CHAIN_ERRORS = ("redirect-loop", "too-many-redirects", "bad-redirect")


def outcome_state(outcome: PageOutcome) -> tuple[str, str | None, str | None]:
    """(state, reason, detail) of a finished page fetch."""
    res = outcome.fetch
    assert res is not None
    if res.error == "cancelled":
        return SKIPPED, "interrupted", res.detail
    if res.error:
        return FAILED, res.error, res.detail
    if res.refused_hop:
        return FETCHED, "redirected", None
    status = res.status or 0
    if status >= 400:
        return FAILED, "http-error", f"HTTP {status}"
    if 300 <= status < 400:
        return FAILED, "bad-redirect", f"HTTP {status} without a usable Location"
    if outcome.parse_error:
        return FAILED, "parse-error", outcome.parse_error
    if outcome.page is not None:
        return FETCHED, None, None
    return SKIPPED, "not-html", res.content_type or "no Content-Type"


def chain_records(outcome: PageOutcome) -> list[tuple[str, Record]]:
    """(key, Record) for the requested URL, each redirect hop and the URL the chain landed on."""
    res: FetchResult | None = outcome.fetch
    assert res is not None
    entry = outcome.entry
    state, reason, detail = outcome_state(outcome)
    # The chain "landed" when its last URL was requested; a refused or broken chain did not.
    landed = None if (res.refused_hop or res.error in CHAIN_ERRORS) else res.final_url
    landed_key = normalize(landed) if landed else None

    def record(url: str, own_reason: str | None, redirects: list) -> Record:
        return Record(url=url, state=state, reason=own_reason, status=res.status, final_url=res.final_url,
                      redirects=redirects, content_type=res.content_type, elapsed_ms=res.elapsed_ms,
                      depth=entry.depth, referrer=entry.referrer, size=res.size, detail=detail)

    out: list[tuple[str, Record]] = []
    hop_reason = "redirected" if state == FETCHED else reason
    merged_from: int | None = None
    for i, hop in enumerate(res.redirects):
        key = normalize(hop["url"]) or hop["url"]
        if key == landed_key:
            merged_from = i if merged_from is None else merged_from
            continue  # /about -> /about/ is one page: one record
        if any(k == key for k, _ in out):
            continue
        out.append((key, record(hop["url"], hop_reason, list(res.redirects[i:]))))
    if landed and landed_key:
        redirects = list(res.redirects[merged_from:]) if merged_from is not None else []
        out.append((landed_key, record(landed, reason, redirects)))
    if not out:  # no hops and nothing landed: cannot happen for a real fetch, but never lose a URL
        out.append((entry.key, record(entry.url, reason, [])))
    return out
