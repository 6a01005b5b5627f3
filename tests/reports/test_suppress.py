"""Suppressions: inline comments in HTML and Markdown, and per-URL ignores in config. Each needs a
reason, and the reports list what was silenced."""

from __future__ import annotations

import json

import pytest

from reports import renderer
from seotool.config import Config
from seotool.errors import ConfigError
from seotool.suppress import url_ignores
from tests.reports.conftest import audit_folder, fixture_config, write_site

CLAIM = "medical.test-absolute-claim"


def _audit(tmp_path, files, extra=None):
    return audit_folder(write_site(tmp_path, files), fixture_config(extra))


def _claims(result):
    return sorted((f["url"], f["line"]) for f in result["findings"] if f["rule"] == CLAIM)


def test_inline_disable_enable_covers_only_its_range(tmp_path):
    html = """<html><head><title>t</title><meta name="description" content="d"></head><body>
<p>Line two cures.</p>
<!-- seotool-disable medical.test-absolute-claim quoting the 1950 advert on purpose -->
<p>Line four cures.</p>
<p>Line five is guaranteed.</p>
<!-- seotool-enable medical.test-absolute-claim -->
<p>Line seven cures.</p>
</body></html>"""
    result = _audit(tmp_path, {"index.html": html})
    assert _claims(result) == [("index.html", 2), ("index.html", 7)]
    assert sorted((s["line"], s["excerpt"], s["how"], s["reason"]) for s in result["suppressed"]) == [
        (4, "cures", "inline", "quoting the 1950 advert on purpose"),
        (5, "guaranteed", "inline", "quoting the 1950 advert on purpose"),
    ]
    assert result["summary"]["suppressed"] == 2


def test_disable_without_a_reason_is_not_applied_and_is_reported(tmp_path):
    html = """<html><head><title>t</title><meta name="description" content="d"></head><body>
<!-- seotool-disable medical.test-absolute-claim -->
<p>It cures.</p></body></html>"""
    result = _audit(tmp_path, {"index.html": html})
    assert _claims(result) == [("index.html", 3)]
    problem = next(f for f in result["findings"] if f["rule"] == "tool.suppression-without-reason")
    assert problem["line"] == 2 and problem["severity"] == "warning"
    assert result["suppressed"] == []


def test_family_prefix_several_rules_and_an_unclosed_range(tmp_path):
    long = "word " * 40
    html = f"""<html><head><title>t</title></head><body>
<p>Before: cures. {long}.</p>
<!-- seotool-disable medical,readability.test-long-sentence copied from the manufacturer's leaflet -->
<p>After: cures. {long}.</p>
</body></html>"""
    result = _audit(tmp_path, {"index.html": html})
    rules = sorted(f["rule"] for f in result["findings"])
    # before the comment both rules fire, after it (to the end of the page) neither; the line-less
    # description finding stays, because the comment does not name its rule
    assert rules == [CLAIM, "onpage.test-meta-description", "readability.test-long-sentence"]
    assert sorted(s["rule"] for s in result["suppressed"]) == [CLAIM, "readability.test-long-sentence"]


def test_inline_suppression_in_markdown_uses_markdown_lines(tmp_path):
    md = """---
title: Guide
description: d
---
Our plan cures pain.

<!-- seotool-disable medical.test-absolute-claim the headline quotes a patient's words -->
"It cured me", one patient said.

Results are guaranteed.
<!-- seotool-enable medical.test-absolute-claim -->

It also cures stress.
"""
    result = _audit(tmp_path, {"guide.md": md})
    assert _claims(result) == [("guide.md", 5), ("guide.md", 13)]
    assert [(s["line"], s["reason"]) for s in result["suppressed"]] == [(10, "the headline quotes a patient's words")]


def test_config_url_ignores(tmp_path):
    files = {"index.html": "<p>It cures.</p>", "blog/a.html": "<p>It cures.</p>", "blog/b.html": "<p>Guaranteed.</p>"}
    extra = {"ignore": {"urls": [
        {"pattern": "blog/*", "rules": ["medical"], "reason": "the blog is archived and not maintained"},
        {"pattern": "re:^index\\.html$", "rules": ["onpage.test-meta-description"], "reason": "home uses og tags"},
    ]}}
    result = _audit(tmp_path, files, extra)
    assert _claims(result) == [("index.html", 1)]
    how = sorted((s["url"], s["rule"], s["how"], s["reason"]) for s in result["suppressed"])
    assert how == [
        ("blog/a.html", CLAIM, "config", "the blog is archived and not maintained"),
        ("blog/b.html", CLAIM, "config", "the blog is archived and not maintained"),
        ("index.html", "onpage.test-meta-description", "config", "home uses og tags"),
    ]


def test_crawled_urls_match_by_path_too():
    config = Config({"ignore": {"urls": [{"pattern": "/blog/*", "rules": ["links"], "reason": "archived"}]}})
    (ignore,) = url_ignores(config)
    assert ignore.matches("https://clinic.example/blog/2020/post")
    assert not ignore.matches("https://clinic.example/services/blog")


@pytest.mark.parametrize("entry, message", [
    ({"pattern": "blog/*", "rules": ["links"]}, "needs a reason"),
    ({"pattern": "blog/*", "reason": "  "}, "needs a reason"),
    ({"rules": ["links"], "reason": "x"}, "needs a pattern"),
    ({"pattern": "re:(", "reason": "x"}, "not a valid regular expression"),
    ({"pattern": "a", "reason": "x", "rule": ["links"]}, "unknown key 'rule'"),
    ({"pattern": "a", "reason": "x", "rules": [1]}, "rules must be a list"),
])
def test_malformed_url_ignores_are_rejected(entry, message):
    with pytest.raises(ConfigError, match=message):
        url_ignores(Config({"ignore": {"urls": [entry]}}))


@pytest.mark.parametrize("toml, message", [
    ('[[ignore.urls]]\npattern = "blog/*"\nrules = ["links"]\n', "say why these findings do not apply"),
    ('[[ignore.urls]]\npattern = "re:blog/("\nreason = "archived"\n', "not a valid regular expression"),
])
def test_cli_rejects_a_bad_ignore_before_auditing(cli, tmp_path, toml, message):
    write_site(tmp_path / "site", {"index.html": "<p>x</p>"})
    (tmp_path / "seotool.toml").write_text(toml, encoding="utf-8")
    run = cli("audit", "site", "--offline", "-q", "--no-store", cwd=tmp_path)
    assert run.code == 2, run
    assert message in run.err and len(run.err.strip().splitlines()) == 1, run


def test_reports_list_what_was_suppressed(result):
    reasons = {s["reason"] for s in result["suppressed"]}
    assert reasons == {"quoted from a 1990s newspaper ad we reproduce", "about page is excluded from search"}
    html = renderer("html")(result, {})
    md = renderer("md")(result, {})
    csv_text = renderer("csv")(result, {})
    sarif = json.loads(renderer("sarif")(result, {}))
    for reason in reasons:
        assert reason in html and reason in md
        assert any(s["justification"] == reason for r in sarif["runs"][0]["results"] for s in r.get("suppressions", []))
    assert "quoted from a 1990s" not in csv_text  # the CSV lists findings only
