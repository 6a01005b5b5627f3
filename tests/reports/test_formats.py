"""The machine and spreadsheet formats, rendered from a real audit of the fixture site."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from reports import available, extension, renderer
from tests.reports.conftest import PAYLOAD_SCRIPT

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


# -- SARIF ------------------------------------------------------------------------------------


def _sarif(result, **options):
    return json.loads(renderer("sarif")(result, options))


def test_sarif_validates_against_the_official_schema(result, site_dir):
    doc = _sarif(result, srcroot=site_dir.parent)
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0"
    # one result per finding plus one per suppressed finding, each suppressed one carrying its reason
    assert len(run["results"]) == len(result["findings"]) + len(result["suppressed"])
    justifications = sorted(s["justification"] for r in run["results"] for s in r.get("suppressions", []))
    assert justifications == sorted(s["reason"] for s in result["suppressed"])


def test_sarif_points_local_findings_at_the_file_and_line(result, site_dir):
    doc = _sarif(result, srcroot=site_dir.parent)
    run = doc["runs"][0]
    by_fp = {r["partialFingerprints"]["seotool/v1"]: r for r in run["results"] if "suppressions" not in r}
    for f in result["findings"]:
        loc = by_fp[f["fingerprint"]]["locations"][0]["physicalLocation"]
        # relative to the source root, so code scanning finds the file in the checkout
        assert loc["artifactLocation"] == {"uri": f"{site_dir.name}/{f['url']}", "uriBaseId": "%SRCROOT%"}
        if f["line"]:
            assert loc["region"]["startLine"] == f["line"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == site_dir.parent.resolve().as_uri() + "/"
    md = next(r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("guide.md")
              and r["ruleId"] == "medical.test-absolute-claim")
    # the line of the Markdown source, not of the rendered HTML
    assert md["locations"][0]["physicalLocation"]["region"]["startLine"] == 9


def test_sarif_outside_the_source_root_uses_its_own_base(result, tmp_path):
    doc = _sarif(result, srcroot=tmp_path)  # the audited folder is not under tmp_path
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    run = doc["runs"][0]
    assert "SITEROOT" in run["originalUriBaseIds"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert "index.html" in uris


def test_sarif_rules_carry_help_from_rule_metadata(result):
    driver = _sarif(result)["runs"][0]["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    claim = rules["medical.test-absolute-claim"]
    assert claim["shortDescription"]["text"] == "Absolute treatment claim"
    assert "mislead patients" in claim["help"]["text"]
    assert "Describe typical outcomes" in claim["help"]["markdown"]
    assert claim["helpUri"] == "https://www.cdc.gov/"
    assert claim["defaultConfiguration"]["level"] == "error"
    assert rules["onpage.test-meta-description"]["defaultConfiguration"]["level"] == "note"
    for r in _sarif(result)["runs"][0]["results"]:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]


def test_sarif_for_a_crawl_and_a_baseline(result):
    crawled = json.loads(json.dumps(result))
    crawled["local_root"] = None
    for f in crawled["findings"]:
        f["url"] = "https://clinic.example/" + f["url"]
        f["new"] = f["rule"] == "links.test-orphan-page"
    doc = _sarif(crawled)
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    results = [r for r in doc["runs"][0]["results"] if "suppressions" not in r]
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("https://clinic.example/")
               for r in results)
    assert sorted(r["baselineState"] for r in results).count("new") == 1


# -- JUnit ------------------------------------------------------------------------------------


def test_junit_has_a_suite_per_page_and_a_failure_per_finding_at_fail_on(result):
    root = ET.fromstring(renderer("junit")(result, {}))
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {p["url"] for p in result["pages"]}
    errors = [f for f in result["findings"] if f["severity"] == "error"]
    failures = root.findall(".//failure")
    assert len(failures) == len(errors) == int(root.get("failures"))
    evil = suites["evil.html"]
    assert int(evil.get("failures")) == 2 and int(evil.get("tests")) == 3
    # the notice on evil.html is below --fail-on error: listed, not failed
    assert "onpage.test-meta-description" in evil.find("system-out").text
    assert PAYLOAD_SCRIPT in ET.tostring(evil, encoding="unicode").replace("&lt;", "<").replace("&gt;", ">")


def test_junit_follows_fail_on_and_baseline(result):
    result["fail_on"] = "notice"
    assert len(ET.fromstring(renderer("junit")(result, {})).findall(".//failure")) == len(result["findings"])
    for f in result["findings"]:
        f["new"] = f["rule"] == "readability.test-long-sentence"
    failures = ET.fromstring(renderer("junit")(result, {})).findall(".//failure")
    assert len(failures) == 1 and "Sentence of" in failures[0].get("message")


def test_junit_survives_characters_xml_cannot_carry(result):
    result["findings"][0]["message"] = "bell \x07 and nul \x00 and \ud800 surrogate"
    root = ET.fromstring(renderer("junit")(result, {}))
    assert any("bell" in (f.get("message") or "") for f in root.iter("failure"))


# -- CSV --------------------------------------------------------------------------------------


def test_csv_round_trips_with_bom_one_row_per_finding(result):
    text = renderer("csv")(result, {})
    assert text.startswith("\ufeff")
    data = text.encode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(result["findings"])
    assert {(r["rule"], r["url"], r["excerpt"]) for r in rows} == {
        (f["rule"], f["url"], f["excerpt"]) for f in result["findings"]}
    assert rows[0]["severity"] == "error"  # most important first
    assert all(r["fingerprint"] for r in rows)


def test_csv_defuses_spreadsheet_formulas(result):
    f = result["findings"][0]
    f["excerpt"] = '=HYPERLINK("http://evil.example","click")'
    f["message"] = "+1 cures all"
    f["section"] = "@SUM(A1)"
    f["suggestion"] = "-2+3"
    rows = list(csv.DictReader(io.StringIO(renderer("csv")(result, {}).lstrip("\ufeff"), newline="")))
    row = next(r for r in rows if r["fingerprint"] == f["fingerprint"])
    assert row["excerpt"] == "'" + f["excerpt"]
    assert row["message"] == "'+1 cures all"
    assert row["section"] == "'@SUM(A1)"
    assert row["suggestion"] == "'-2+3"
    assert row["url"] == f["url"]  # ordinary text is left alone


# -- Markdown ---------------------------------------------------------------------------------


def test_markdown_summary_puts_errors_first_and_escapes_page_text(result):
    result["findings"][-1]["excerpt"] = PAYLOAD_SCRIPT + " *bold* [link](javascript:x) | cell"
    md = renderer("md")(result, {})
    assert md.startswith("## seotool")
    assert "fails" in md.splitlines()[2]
    rows = [line for line in md.splitlines() if line.startswith("| 🔴") or line.startswith("| 🟠") or line.startswith("| 🔵")]
    assert len(rows) == len(result["findings"])
    sev_order = [r.split()[2] for r in rows]
    assert sev_order == sorted(sev_order, key=["error", "warning", "notice"].index)
    # no raw HTML from the page survives, and table cells are not broken by pipes
    assert "<script>" not in md and "<img" not in md and "</textarea>" not in md
    assert "&lt;script&gt;window" in md
    assert "\\*bold\\* \\[link\\](javascript:x) \\| cell" in md
    assert "suppressed" in md and "quoted from a 1990s newspaper ad" in md


def test_markdown_caps_the_list_and_defuses_mentions(result):
    base = result["findings"][0]
    result["findings"] = [dict(base, fingerprint=f"fp{i}", message=f"issue {i} for @team | x") for i in range(80)]
    md = renderer("md")(result, {})
    assert md.count("issue ") == 50
    assert "30 more" in md
    assert "@team" not in md and "@&#8203;team" in md
    assert "\\| x" in md


# -- all formats ------------------------------------------------------------------------------


def test_formats_are_registered_with_their_extensions():
    assert {"html", "csv", "md", "markdown", "sarif", "junit", "json"} <= set(available())
    assert [extension(f) for f in ("html", "csv", "md", "sarif", "junit")] == ["html", "csv", "md", "sarif", "xml"]


MINIMAL = {"schema_version": 1, "pages": [], "findings": [{"rule": "links.x", "severity": "warning", "url": "a.html"}]}


@pytest.mark.parametrize("fmt", ["html", "csv", "md", "sarif", "junit"])
def test_renderers_tolerate_missing_optional_keys(fmt):
    out = renderer(fmt)(json.loads(json.dumps(MINIMAL)), {})
    assert "links.x" in out
    if fmt == "sarif":
        jsonschema.Draft4Validator(SCHEMA).validate(json.loads(out))
    if fmt == "junit":
        assert ET.fromstring(out).find(".//testsuite").get("name") == "a.html"


def test_every_format_of_a_real_audit_of_the_example_site(cli, tmp_path):
    """The project's own checks on the example clinic site: whatever shapes their findings take,
    every format renders and stays valid."""
    examples = Path(__file__).resolve().parents[2] / "examples"
    run = cli("audit", str(examples / "site"), "--config", str(examples / "seotool.toml"), "--offline", "-q",
              "--no-store", "--format", "json", "--format", "html", "--format", "sarif", "--format", "csv",
              "--format", "junit", "--format", "md", "-o", str(tmp_path), cwd=tmp_path)
    assert run.code in (0, 1), run
    result = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert result["findings"], "the example site is built with defects"
    sarif = json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    assert len([r for r in sarif["runs"][0]["results"] if "suppressions" not in r]) == len(result["findings"])
    junit = ET.parse(tmp_path / "report.xml").getroot()
    assert int(junit.get("failures")) == sum(1 for f in result["findings"] if f["severity"] == "error")
    rows = list(csv.DictReader((tmp_path / "report.csv").open(encoding="utf-8-sig", newline="")))
    assert len(rows) == len(result["findings"])
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.count('class="finding-row"') == len(result["findings"])
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("## seotool")


def test_json_is_ascii_one_item_per_line_and_round_trips_any_text(result):
    """Non-ASCII text is escaped (faster to build and write), never lost: the report reads back
    as the very result it was rendered from, lone surrogates from broken pages included."""
    odd = {**result, "findings": [*result["findings"],
                                  {"rule": "medical.x", "excerpt": "caf\u00e9 \u201cquoted\u201d \u2028 \ud800 \U0001f600"}]}
    text = renderer("json")(odd, {})
    assert text.isascii()
    assert json.loads(text) == json.loads(json.dumps(odd))
    lines = text.splitlines()
    assert sum(1 for line in lines if line.startswith('    {"rule": ')) == len(odd["findings"])
