"""Baselines: only findings not in the baseline fail the build, and fingerprints survive unrelated
edits to the page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seotool.baseline import apply_baseline, make_baseline, write_baseline
from seotool.errors import InputError
from tests.reports.conftest import SITE, audit_folder, write_site


def _fingerprints(result: dict) -> dict[tuple[str, str, str], str]:
    return {(f["rule"], f["url"], f["excerpt"]): f["fingerprint"] for f in result["findings"]}


def test_fingerprints_survive_unrelated_edits(tmp_path):
    before = audit_folder(write_site(tmp_path / "a"))
    edited = dict(SITE)
    # new paragraphs above the findings (every line number moves), other text changed, and the
    # flagged paragraph re-wrapped and re-cased around its excerpt
    edited["index.html"] = SITE["index.html"].replace(
        "<h1>Harbor Clinic</h1>",
        "<h1>Harbor Clinic</h1>\n<p>Opening hours changed.</p>\n<p>Parking is free.</p>\n\n",
    ).replace("Our new therapy cures anxiety in a single visit.", "OUR   therapy\n    cures anxiety for many.")
    edited["about.html"] = SITE["about.html"].replace("since 2004", "since 2005")
    after = audit_folder(write_site(tmp_path / "b", edited))
    old, new = _fingerprints(before), _fingerprints(after)
    assert old == new
    lines_before = {f["fingerprint"]: f["line"] for f in before["findings"]}
    moved = [f for f in after["findings"] if f["url"] == "index.html" and f["line"] != lines_before[f["fingerprint"]]]
    assert moved, "the edit should have moved the findings to other lines"


def test_fingerprints_of_the_project_checks_survive_line_shifts(cli, tmp_path):
    """Every real rule on the example site: pages shifted down by a comment and blank lines give
    the same fingerprints, though nearly every finding moved to another line."""
    import shutil

    examples = Path(__file__).resolve().parents[2] / "examples"
    shutil.copytree(examples / "site", tmp_path / "a")
    shutil.copytree(examples / "site", tmp_path / "b")
    for page in (tmp_path / "b").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("<head>", "<head>\n<!-- rebuilt -->\n\n", 1).replace("<body>", "<body>\n\n", 1),
                        encoding="utf-8")
    found = {}
    for name in ("a", "b"):
        cli("audit", name, "--config", str(examples / "seotool.toml"), "--offline", "-q", "--no-store",
            "--format", "json", "-o", f"{name}.json", cwd=tmp_path)
        found[name] = {f["fingerprint"]: f for f in json.loads((tmp_path / f"{name}.json").read_text())["findings"]}
    assert found["a"] and found["a"].keys() == found["b"].keys()
    moved = [k for k in found["a"] if found["a"][k]["line"] != found["b"][k]["line"]]
    assert len(moved) > len(found["a"]) / 2


def test_fingerprint_changes_when_the_flagged_text_changes(tmp_path):
    before = audit_folder(write_site(tmp_path / "a"))
    edited = dict(SITE, **{"guide.md": SITE["guide.md"].replace("100% effective", "guaranteed")})
    after = audit_folder(write_site(tmp_path / "b", edited))
    gone = set(before_fp := {f["fingerprint"] for f in before["findings"]}) - {f["fingerprint"] for f in after["findings"]}
    came = {f["fingerprint"] for f in after["findings"]} - before_fp
    assert len(gone) == 1 and len(came) == 1


def test_apply_baseline_marks_only_new_findings(result, tmp_path):
    base = tmp_path / "base.json"
    known = dict(result, findings=[f for f in result["findings"] if f["rule"] != "readability.test-long-sentence"])
    write_baseline(known, base)
    apply_baseline(result, base)
    new = [f for f in result["findings"] if f["new"]]
    assert [f["rule"] for f in new] == ["readability.test-long-sentence"]
    assert result["baseline"]["new"] == 1 and result["baseline"]["known"] == len(result["findings"]) - 1
    assert result["baseline"]["fixed"] == 0


def test_baseline_file_is_stable_and_line_free(result):
    a = make_baseline(result)
    shuffled = dict(result, findings=list(reversed(result["findings"])))
    for f in shuffled["findings"]:
        f["line"] = (f["line"] or 0) + 10
    assert make_baseline(shuffled)["findings"] == a["findings"]
    assert all("line" not in e for e in a["findings"])


@pytest.mark.parametrize("content, message", [
    ("{not json", "invalid JSON"),
    ('{"findings": []}', "not a seotool baseline"),
])
def test_bad_baseline_files_are_one_line_errors(tmp_path, result, content, message):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        apply_baseline(result, path)
    with pytest.raises(InputError, match="not found"):
        apply_baseline(result, tmp_path / "missing.json")


# -- through the command line -----------------------------------------------------------------


def test_cli_baseline_then_new_problem_fails(cli, tmp_path):
    """Link-independent version with the fixture rules: the new problem is a new absolute claim."""
    site = write_site(tmp_path / "site")
    first = cli("audit", "site", "--offline", "-q", "--no-store", "--format", "json", "-o", "a.json", cwd=tmp_path,
                registry="fixture")
    assert first.code == 1, first  # the site has errors
    made = cli("baseline", "a.json", "-o", ".seotool-baseline.json", cwd=tmp_path)
    count = len(json.loads((tmp_path / "a.json").read_text())["findings"])
    assert made.code == 0 and f"baseline of {count} findings" in made.out, made

    again = cli("audit", "site", "--offline", "-q", "--no-store", "--baseline", ".seotool-baseline.json",
                "--format", "json", "-o", "b.json", cwd=tmp_path, registry="fixture")
    assert again.code == 0, again
    assert not any(f["new"] for f in json.loads((tmp_path / "b.json").read_text())["findings"])

    (site / "about.html").write_text(SITE["about.html"].replace("since 2004.", "since 2004. It is guaranteed."),
                                     encoding="utf-8")
    worse = cli("audit", "site", "--offline", "-q", "--no-store", "--baseline", ".seotool-baseline.json",
                "--format", "json", "-o", "c.json", cwd=tmp_path, registry="fixture")
    assert worse.code == 1, worse
    new = [f for f in json.loads((tmp_path / "c.json").read_text())["findings"] if f["new"]]
    assert [(f["rule"], f["url"], f["excerpt"]) for f in new] == [("medical.test-absolute-claim", "about.html", "guaranteed")]


BROKEN_LINK = "links.broken-link"
LINKED_SITE = {
    "index.html": """<!doctype html><html lang="en"><head><title>Home</title></head><body><main>
<h1>Home</h1><p>Read <a href="about.html">about us</a> and our <a href="services.html">services</a>.</p>
</main></body></html>
""",
    "about.html": """<!doctype html><html lang="en"><head><title>About</title></head><body><main>
<h1>About</h1><p>Back <a href="index.html">home</a>.</p></main></body></html>
""",
    "services.html": """<!doctype html><html lang="en"><head><title>Services</title></head><body><main>
<h1>Services</h1><p>See <a href="about.html">about us</a>.</p></main></body></html>
""",
}


def test_cli_baseline_then_one_new_broken_link_fails(cli, tmp_path):
    """The issue's scenario with the project's real checks: unchanged site + baseline exits 0; one
    new broken link exits 1 and exactly that finding is new."""
    site = write_site(tmp_path / "site", LINKED_SITE)
    cli("audit", "site", "--offline", "-q", "--no-store", "--format", "json", "-o", "a.json", cwd=tmp_path)
    assert cli("baseline", "a.json", cwd=tmp_path).code == 0
    assert Path(tmp_path / ".seotool-baseline.json").is_file()

    same = cli("audit", "site", "--offline", "-q", "--no-store", "--baseline", ".seotool-baseline.json", cwd=tmp_path)
    assert same.code == 0, same

    (site / "about.html").write_text(LINKED_SITE["about.html"].replace(
        "Back <a", 'See <a href="team.html">our team</a>. Back <a'), encoding="utf-8")
    broken = cli("audit", "site", "--offline", "-q", "--no-store", "--baseline", ".seotool-baseline.json",
                 "--format", "json", "-o", "b.json", cwd=tmp_path)
    assert broken.code == 1, broken
    new = [f for f in json.loads((tmp_path / "b.json").read_text())["findings"] if f["new"]]
    assert len(new) == 1, new
    assert new[0]["rule"] == BROKEN_LINK and new[0]["url"] == "about.html"
    assert "team.html" in json.dumps(new[0])
