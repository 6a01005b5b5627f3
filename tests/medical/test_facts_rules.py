"""The fact rules through a real (offline, local-folder) audit: findings carry the exact sentence,
the correct fact and its authority; the seed page yields exactly the one backwards fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import registry
from tests.medical.corpus_scoring import audit_folder

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_SITE = ROOT / "examples" / "site"
SEED_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "seed-neuropathic-pain.html"
FACT_RULES = {"medical.fact-contradiction", "medical.fda-status", "medical.wrong-pathogen"}
SEED_SENTENCE = "Shingles are a viral infection that causes chickenpox."


def fact_findings(folder: Path) -> list[dict]:
    return [f for f in audit_folder(folder) if f["rule"] in FACT_RULES]


def write(folder: Path, name: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(
        f"<html lang='en'><head><title>{name}</title></head><body><main>{body}</main></body></html>", encoding="utf-8"
    )


def test_rules_are_registered_in_the_medical_family():
    assert FACT_RULES <= set(registry().rules)
    assert all(registry().rules[r].family == "medical" for r in FACT_RULES)


@pytest.mark.parametrize("page", [p for p in (SEED_FIXTURE, EXAMPLE_SITE / "conditions" / "neuropathic-pain.html")
                                  if p.exists()], ids=lambda p: p.parent.name)
def test_seed_page_has_exactly_the_backwards_fact(tmp_path, page):
    (tmp_path / "seed.html").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    found = fact_findings(tmp_path)
    assert len(found) == 1, [(f["rule"], f["excerpt"]) for f in found]
    [f] = found
    assert f["rule"] == "medical.fact-contradiction"
    assert f["severity"] == "error"
    assert f["excerpt"] == SEED_SENTENCE
    assert "varicella-zoster virus" in f["suggestion"]
    assert f["source"]["name"].startswith("CDC") and f["source"]["url"].startswith("https://www.cdc.gov/")
    assert f["data"]["fact_id"] == "shingles-does-not-cause-chickenpox"
    assert f["line"] is not None and f["fingerprint"]


def test_example_site_raises_only_the_seed_fact(tmp_path):
    if not EXAMPLE_SITE.exists():
        pytest.skip("no example site")
    found = fact_findings(EXAMPLE_SITE)
    assert [f["excerpt"] for f in found] == [SEED_SENTENCE]


def test_excerpt_is_the_exact_sentence_in_its_paragraph(tmp_path):
    write(tmp_path, "pain.html", "<h1>Pain medicines</h1><p>Opioids carry risks. Tramadol is a non-opioid "
                                 "painkiller, so it is safe for long-term use. Ask your doctor.</p>"
                                 "<p>Gabapentin is FDA-approved for fibromyalgia.</p>"
                                 "<p>Lyme disease is caused by a virus spread by ticks.</p>")
    found = {f["rule"]: f for f in fact_findings(tmp_path)}
    assert set(found) == FACT_RULES
    tramadol = found["medical.fact-contradiction"]
    assert tramadol["excerpt"] == "Tramadol is a non-opioid painkiller, so it is safe for long-term use."
    assert tramadol["context"].startswith("Opioids carry risks.")
    assert "medlineplus.gov" in tramadol["source"]["url"]
    assert found["medical.fda-status"]["excerpt"] == "Gabapentin is FDA-approved for fibromyalgia."
    assert "pregabalin" in found["medical.fda-status"]["suggestion"]
    assert found["medical.wrong-pathogen"]["excerpt"] == "Lyme disease is caused by a virus spread by ticks."
    assert "disease-ontology.org" in found["medical.wrong-pathogen"]["source"]["url"]


def test_fact_findings_are_silent_on_correct_pages(tmp_path):
    write(tmp_path, "shingles.html", "<h1>Shingles</h1><p>Shingles is caused by the varicella-zoster virus, the "
                                     "same virus that causes chickenpox. After chickenpox, the virus stays in the "
                                     "nerves and can reactivate years later as shingles.</p><p>Shingrix, a "
                                     "recombinant vaccine, helps prevent shingles and postherpetic neuralgia.</p>")
    write(tmp_path, "ketamine.html", "<h1>Ketamine</h1><p>Ketamine is an anesthetic, not an opioid. It is "
                                     "FDA-approved as an anesthetic, and its use for nerve pain is off-label.</p>")
    assert fact_findings(tmp_path) == []
