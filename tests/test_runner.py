"""The runner: rule selection, isolation of failing checks, severity overrides, fingerprints."""

from __future__ import annotations

from seotool.config import Config, defaults, merge
from seotool.page import Page
from seotool.registry import Family, Registry
from seotool.rules import Example, Rule, Severity, rule_matches
from seotool.runner import EARLY_KEY, METRICS_KEY, at_or_above, run_rules, select_rules
from seotool.site import Site


def _say_title(page, site):
    if page.title and "bad" in page.title:
        yield RULE_A.finding(page, "bad title", excerpt=page.title)


def _boom(page, site):
    raise RuntimeError("kaboom")


def _site_rule(site):
    yield RULE_C.finding(None, f"{len(site.pages)} pages")


EX = (Example.of("<title>bad</title>"),)
GOOD = (Example.of("<title>good</title>"),)
RULE_A = Rule("onpage.say-title", "t", Severity.WARNING, "w", "w", "f", EX, GOOD, _say_title)
RULE_B = Rule("onpage.boom", "t", Severity.ERROR, "w", "w", "f", EX, GOOD, _boom)
RULE_C = Rule("links.count", "t", Severity.NOTICE, "w", "w", "f", EX, GOOD, _site_rule, scope="site")
REG = Registry([Family("onpage", (RULE_A, RULE_B)), Family("links", (RULE_C,))])


def config(**rules):
    return Config(merge(defaults(), {"rules": rules}, "test"))


def site(cfg, *titles):
    s = Site(targets=["x"], config=cfg)
    s.pages = [Page(f"p{i}.html", f"<title>{t}</title>") for i, t in enumerate(titles)]
    return s


def test_prefix_selection():
    assert rule_matches("links.broken-link", ["links"])
    assert rule_matches("links.broken-link", ["links.broken"])
    assert not rule_matches("linksx.a", ["links"])
    assert not rule_matches("onpage.title", ["links"])
    assert [r.id for r in select_rules(REG, config(select=["onpage"], ignore=["onpage.boom"]))] == ["onpage.say-title"]
    assert [r.id for r in select_rules(REG, config(), ["links"])] == ["links.count"]


def test_failing_check_becomes_tool_error_and_audit_goes_on():
    cfg = config()
    findings, _ = run_rules(site(cfg, "bad one", "fine"), list(REG.rules.values()), cfg)
    rules = sorted(f.rule for f in findings)
    assert rules.count("tool.check-error") == 2  # once per page
    assert "onpage.say-title" in rules and "links.count" in rules
    err = next(f for f in findings if f.rule == "tool.check-error")
    assert "onpage.boom" in err.message and "kaboom" in err.message


def test_severity_override_and_threshold():
    cfg = config(severity={"onpage.say-title": "error"})
    findings, _ = run_rules(site(cfg, "bad"), [RULE_A], cfg)
    assert [f.severity for f in findings] == ["error"]
    assert at_or_above(findings, "error") and not at_or_above(findings, "never")


def test_fingerprints_stable_and_distinct():
    cfg = config()
    f1, _ = run_rules(site(cfg, "bad", "bad"), [RULE_A], cfg)
    f2, _ = run_rules(site(cfg, "bad", "bad"), [RULE_A], cfg)
    assert [f.fingerprint for f in f1] == [f.fingerprint for f in f2]
    assert len({f.fingerprint for f in f1}) == 2  # same excerpt, different pages


def test_url_ignore_needs_pattern_and_reports_reason():
    cfg = Config(merge(defaults(), {"ignore": {"urls": [{"pattern": "p0*", "rules": ["onpage"], "reason": "legacy"}]}}, "t"))
    findings, suppressed = run_rules(site(cfg, "bad", "bad"), [RULE_A], cfg)
    assert [f.url for f in findings] == ["p1.html"]
    assert suppressed[0]["url"] == "p0.html" and suppressed[0]["reason"] == "legacy"


def test_inline_suppression_with_and_without_reason():
    cfg = config()
    s = Site(targets=["x"], config=cfg)
    s.pages = [
        Page("a.html", "<!-- seotool-disable onpage.say-title old title kept on purpose -->\n<title>bad</title>"),
        Page("b.html", "<!-- seotool-disable onpage.say-title -->\n<title>bad</title>"),
    ]
    findings, suppressed = run_rules(s, [RULE_A], cfg)
    assert [(f.url, f.rule) for f in findings if f.rule == "onpage.say-title"] == [("b.html", "onpage.say-title")]
    assert any(f.rule == "tool.suppression-without-reason" and f.url == "b.html" for f in findings)
    assert suppressed[0]["reason"] == "old title kept on purpose"


def test_worker_processes_find_what_the_serial_run_finds():
    cfg = config()
    titles = [("bad" if i % 3 else "good") + f" {i % 4}" for i in range(40)]
    rules = list(REG.rules.values())

    def metrics(page, s):
        if page.title.endswith("3"):
            raise ValueError("no figures")
        return {"title_length": len(page.title)}

    serial_site = site(cfg, *titles)
    serial, _ = run_rules(serial_site, rules, cfg, workers=1)
    pooled_site = site(cfg, *titles)
    pooled, _ = run_rules(pooled_site, rules, cfg, page_metrics={"onpage": metrics}, workers=2, pool_min_pages=2)
    assert [f.to_dict() for f in pooled] == [f.to_dict() for f in serial]
    assert sum(f.rule == "tool.check-error" for f in pooled) == 40  # the failing check, once per page
    assert any(f.rule == "links.count" and f.message == "40 pages" for f in pooled)
    # figures computed in the workers come back for the result (the first page is checked here)
    assert pooled_site.pages[5].cache[METRICS_KEY] == {"onpage": {"title_length": len(titles[5])}}
    assert pooled_site.pages[3].cache[METRICS_KEY] == {"onpage": {"error": "ValueError: no figures"}}


def _unpicklable(page, site):
    yield RULE_D.finding(page, "odd", data={"callback": lambda: None})


RULE_D = Rule("onpage.odd-data", "t", Severity.NOTICE, "w", "w", "f", EX, GOOD, _unpicklable)


def test_findings_workers_cannot_send_back_are_found_here():
    cfg = config()
    titles = [f"bad {i}" for i in range(6)]
    pooled, _ = run_rules(site(cfg, *titles), [RULE_A, RULE_D], cfg, workers=2, pool_min_pages=2)
    serial, _ = run_rules(site(cfg, *titles), [RULE_A, RULE_D], cfg, workers=1)
    assert [(f.rule, f.url, f.message) for f in pooled] == [(f.rule, f.url, f.message) for f in serial]
    assert sum(f.rule == "onpage.odd-data" for f in pooled) == 6


def test_results_of_early_checks_are_used_not_run_again():
    """Pages the crawl's helpers checked early carry those rules' findings and figures: the runner
    keeps them, runs only the other rules, and merges the figures in family order."""
    cfg = config()
    rules = [RULE_A, RULE_C]
    hooks = {"links": lambda page, s: {"late": 1}, "onpage": lambda page, s: {"late": 2}}
    for workers in (1, 2):
        s = site(cfg, *[f"bad {i}" for i in range(6)])
        for page in s.pages[1:]:
            marker = RULE_A.finding(page, "found early", excerpt=page.title)
            page.cache[EARLY_KEY] = (frozenset({RULE_A.id}), [marker], {"onpage": {"early": True}})
        found, _ = run_rules(s, rules, cfg, page_metrics=hooks, workers=workers, pool_min_pages=2)
        by_page = {f.url: f.message for f in found if f.rule == RULE_A.id}
        assert by_page == {"p0.html": "bad title", **{f"p{i}.html": "found early" for i in range(1, 6)}}
        assert s.pages[3].cache[METRICS_KEY] == {"links": {"late": 1}, "onpage": {"early": True}}
        assert list(s.pages[3].cache[METRICS_KEY]) == ["links", "onpage"]




def test_a_worker_sends_back_only_what_it_checked():
    """A forked worker's copy of a page still holds the early findings; sending them back would
    pickle every early finding a second time. The parent holds them and merges them in."""
    from seotool.runner import _late_results

    cfg = config()
    s = site(cfg, "bad 0", "bad 1")
    page = s.pages[1]
    marker = RULE_A.finding(page, "found early", excerpt=page.title)
    page.cache[EARLY_KEY] = (frozenset({RULE_A.id}), [marker], {"onpage": {"early": True}})
    late, metrics = _late_results(s, page, [RULE_A, RULE_C], {"links": lambda p, s: {"late": 1}}, want_metrics=True)
    assert all(f.message != "found early" for f in late)
    assert metrics == {"links": {"late": 1}}
    assert EARLY_KEY in page.cache  # left for the parent's merge
def test_excerpt_and_context_of_a_finding_are_capped_around_the_excerpt():
    """A huge crawled paragraph must not be copied into every finding on it."""
    from seotool.rules import MAX_CONTEXT, MAX_EXCERPT

    para = " ".join(f"w{i}" for i in range(20_000)) + " the exact words here " + " ".join(f"v{i}" for i in range(20_000))
    page = Page("p.html", f"<html><title>t</title><p>{para}</p></html>")
    block = page.blocks[0]
    f = RULE_A.finding(page, "m", excerpt="the exact words here", block=block)
    assert f.excerpt == "the exact words here"
    assert len(f.context) <= MAX_CONTEXT + 2 and "the exact words here" in f.context
    assert f.context.startswith("…") and f.context.endswith("…")
    long = RULE_A.finding(page, "m", excerpt=para, block=block)
    assert len(long.excerpt) <= MAX_EXCERPT + 1 and long.excerpt.endswith("…") and para.startswith(long.excerpt[:-1])
    short = RULE_A.finding(page, "m", excerpt="w1", context="w1 w2")
    assert (short.excerpt, short.context) == ("w1", "w1 w2")  # short ones untouched


def _many(page, site):
    for i in range(120):
        yield RULE_MANY.finding(page, f"repeat {i}", excerpt=f"x{i}")


RULE_MANY = Rule("onpage.many", "t", Severity.NOTICE, "w", "w", "f", EX, GOOD, _many)


def test_one_rule_lists_at_most_fifty_findings_a_page_and_says_how_many_more():
    from seotool.runner import MAX_PER_RULE_AND_PAGE

    cfg = config()
    found, _ = run_rules(site(cfg, "bad one", "good"), [RULE_MANY, RULE_A], cfg, workers=1)
    on_first = [f for f in found if f.url == "p0.html" and f.rule == "onpage.many"]
    assert len(on_first) == MAX_PER_RULE_AND_PAGE + 1
    assert sum(f.message == "... and 70 more onpage.many findings on this page, not listed one by one."
               for f in on_first) == 1
    assert any(f.rule == "onpage.say-title" for f in found)  # other rules are not affected


def test_a_finding_as_a_dict_is_a_copy_with_every_field_but_key():
    from dataclasses import asdict

    from seotool.rules import Finding

    for data in ({}, {"count": 3, "kind": "x", "ok": True, "ratio": 0.5, "none": None},
                 {"pages": ["a", "b"], "nested": {"k": [1, 2]}}):
        f = Finding("onpage.x", "onpage", "notice", "high", "p.html", "m", source={"name": "n", "url": "u"},
                    key="k", data=data)
        d = f.to_dict()
        expected = asdict(f)
        del expected["key"]
        assert d == expected and list(d) == list(expected)
        d["data"]["added"] = 1
        d["source"]["name"] = "changed"
        for value in d["data"].values():
            if isinstance(value, list):
                value.append("x")
        assert "added" not in f.data and f.source == {"name": "n", "url": "u"}
        assert f.data.get("pages", ["a", "b"]) == ["a", "b"]


# -- site rules checked ahead, in a forked process, while the audit probes links ---------------

def _site_pid(site):
    import os

    yield RULE_PID.finding(None, f"checked in {os.getpid()}", data={"pages": len(site.pages)})


def _site_pid_probes(site):
    import os

    yield RULE_PROBES.finding(None, f"checked in {os.getpid()}")


def _site_unsendable(site):
    yield RULE_ODD_SITE.finding(None, "odd", data={"callback": lambda: None})


def _site_slow(site):
    import time

    time.sleep(30)
    return []


RULE_PID = Rule("onpage.site-pid", "t", Severity.NOTICE, "w", "w", "f", EX, GOOD, _site_pid, scope="site")
RULE_PROBES = Rule("links.site-probes", "t", Severity.NOTICE, "w", "w", "f", EX, GOOD, _site_pid_probes, scope="site",
                   needs=frozenset({"probes"}))
RULE_ODD_SITE = Rule("onpage.site-odd", "t", Severity.NOTICE, "w", "w", "f", EX, GOOD, _site_unsendable, scope="site")
RULE_SLOW = Rule("onpage.site-slow", "t", Severity.NOTICE, "w", "w", "f", EX, GOOD, _site_slow, scope="site")


def test_site_rules_without_probes_are_checked_ahead_in_another_process():
    import os

    from seotool.runner import start_site_checks

    cfg = config()
    titles = [f"bad {i}" for i in range(6)]
    rules = [RULE_A, RULE_PID, RULE_PROBES, RULE_C]
    s = site(cfg, *titles)
    ahead = start_site_checks(s, rules, workers=2, pool_min_pages=2)
    assert ahead is not None
    found, _ = run_rules(s, rules, cfg, workers=2, pool_min_pages=2, ahead=ahead)
    by_rule = {f.rule: f.message for f in found if f.rule != RULE_A.id}
    assert by_rule["onpage.site-pid"] != f"checked in {os.getpid()}"  # the forked process did it
    assert by_rule["links.site-probes"] == f"checked in {os.getpid()}"  # it needs probes: checked here, later
    serial, _ = run_rules(site(cfg, *titles), rules, cfg, workers=1)
    assert [(f.rule, f.url, f.data) for f in found] == [(f.rule, f.url, f.data) for f in serial]
    assert sorted(f.rule for f in found if f.rule != RULE_A.id) == ["links.count", "links.site-probes", "onpage.site-pid"]


def test_site_findings_that_cannot_come_back_are_found_here():
    import os

    from seotool.runner import start_site_checks

    cfg = config()
    s = site(cfg, *[f"t{i}" for i in range(4)])
    ahead = start_site_checks(s, [RULE_ODD_SITE, RULE_PID], workers=2, pool_min_pages=2)
    found, _ = run_rules(s, [RULE_ODD_SITE, RULE_PID], cfg, workers=2, pool_min_pages=2, ahead=ahead)
    assert [f.rule for f in found] == ["onpage.site-odd", "onpage.site-pid"]
    assert found[1].message == f"checked in {os.getpid()}"


def test_site_checks_ahead_only_for_big_sites_on_two_cpus():
    from seotool.runner import start_site_checks

    cfg = config()
    assert start_site_checks(site(cfg, "a", "b"), [RULE_PID], workers=1, pool_min_pages=2) is None
    assert start_site_checks(site(cfg, "a", "b"), [RULE_PID], workers=2, pool_min_pages=3) is None
    assert start_site_checks(site(cfg, "a", "b"), [RULE_PROBES, RULE_A], workers=2, pool_min_pages=2) is None


def test_an_interrupted_audit_does_not_wait_for_the_site_checks():
    import time

    from seotool.runner import start_site_checks

    ahead = start_site_checks(site(config(), "a", "b"), [RULE_SLOW], workers=2, pool_min_pages=2)
    assert ahead is not None
    started = time.monotonic()
    ahead.close()
    assert time.monotonic() - started < 5
