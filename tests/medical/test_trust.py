"""Trust signals on medical pages: each signal, its machine-readable forms, and which pages count."""

from __future__ import annotations

import json

import pytest

from checks.medical.trust import TRUST
from tests.medical.helpers import run

ARTICLE = ("<h1>Sciatica</h1><p>Sciatica is pain that travels along the sciatic nerve from the lower back "
           "down one leg. A herniated disc is the most common cause, and spinal stenosis is another. Symptoms "
           "include burning pain, numbness and tingling, and they often get worse with sitting. Most people "
           "improve within a few weeks with gentle activity, heat and over-the-counter medicines, and physical "
           "therapy can help. An epidural steroid injection may ease severe leg pain for a while, and surgery "
           "is considered when weakness is severe. See a doctor at once if you lose bladder control.</p>")
BYLINE = "<p>Medically reviewed by Dr. Lena Park, DO.</p>"
DATE = "<p>Last updated: 2025-01-14</p>"
CITE = '<p>Source: <a href="https://medlineplus.gov/sciatica.html">MedlinePlus</a>.</p>'
DISCLAIMER = "<p>This article does not replace medical advice from your doctor.</p>"


def missing(body: str, **kw) -> list[str]:
    found = run(TRUST, body, **kw)
    return found[0].data["missing"] if found else []


def test_page_with_every_signal_passes():
    assert missing(ARTICLE + BYLINE + DATE + CITE + DISCLAIMER) == []


@pytest.mark.parametrize(("left_out", "signal"), [
    (BYLINE, "reviewer"), (DATE, "date"), (CITE, "citations"), (DISCLAIMER, "disclaimer"),
])
def test_each_missing_signal_is_named(left_out, signal):
    body = ARTICLE + "".join(p for p in (BYLINE, DATE, CITE, DISCLAIMER) if p != left_out)
    found = run(TRUST, body)
    assert [f.data["missing"] for f in found] == [[signal]]
    assert found[0].severity == "notice" and found[0].excerpt == "Sciatica"
    assert "medlineplus.gov" in found[0].source["url"]


def test_page_with_no_signal_lists_all_four():
    assert missing(ARTICLE) == ["reviewer", "date", "citations", "disclaimer"]


def test_schema_org_reviewer_and_date_count():
    ld = {"@context": "https://schema.org", "@type": "MedicalWebPage",
          "reviewedBy": {"@type": "Person", "name": "Lena Park"}, "lastReviewed": "2025-01-14"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert missing(ARTICLE + CITE + DISCLAIMER, head=head) == []


def test_meta_author_and_date_and_references_heading_count():
    head = '<meta name="author" content="Lena Park"><meta property="article:modified_time" content="2025-01-14">'
    refs = "<h2>References</h2><ul><li>Ropper AH. Sciatica. N Engl J Med. 2015.</li></ul>"
    assert missing(ARTICLE + refs + DISCLAIMER, head=head) == []


def test_reviewed_by_without_a_name_is_not_a_byline():
    body = ARTICLE + "<p>Your results are reviewed by your doctor.</p>" + DATE + CITE + DISCLAIMER
    assert missing(body) == ["reviewer"]


def test_a_link_to_a_non_authoritative_site_is_not_a_citation():
    body = ARTICLE + BYLINE + DATE + '<p><a href="https://example-blog.com/sciatica">a blog</a></p>' + DISCLAIMER
    assert missing(body) == ["citations"]


@pytest.mark.parametrize(("url", "body"), [
    ("contact.html", ARTICLE),
    ("index.html", ARTICLE),
    ("conditions/short.html", "<h1>Sciatica</h1><p>Call us about sciatica.</p>"),
    ("blog/party.html", "<h1>Our summer party</h1>" + "<p>We had a great time with games and food.</p>" * 20),
])
def test_non_medical_pages_are_not_judged(url, body):
    assert run(TRUST, body, url=url) == []


@pytest.mark.parametrize("date", ["<p>Updated 03/2025</p>", "<p>Last reviewed in 2025.</p>",
                                  "<p>Reviewed: 14 January 2025</p>"])
def test_other_date_forms(date):
    assert missing(ARTICLE + BYLINE + date + CITE + DISCLAIMER) == []
