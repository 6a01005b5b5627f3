"""A malformed data file is rejected with a one-line error naming the file, the entry and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.medical.facts import FactBaseError, build
from checks.medical.facts.loader import concept_files

GOOD_ENTRY = """\
  - id: ketamine-not-opioid-test
    fact: Ketamine is not an opioid.
    claim: {subject: ketamine, relation: is_a, object: opioid, polarity: negative}
    bad: [Ketamine is an opioid.]
    good: [Ketamine is not an opioid.]
    authority: dea
    severity: error
    correction: Ketamine is a dissociative anesthetic, not an opioid.
"""
HEADER = """\
topic: test
authorities:
  dea: {name: "DEA Drug Fact Sheet: Ketamine", url: "https://www.dea.gov/factsheets/ketamine"}
facts:
"""


def load(tmp_path: Path, entry: str, name: str = "broken.yaml", header: str = HEADER):
    path = tmp_path / name
    path.write_text(header + entry, encoding="utf-8")
    return build(fact_paths=[path], ontology_path=None)


def test_a_valid_file_loads_and_matches(tmp_path):
    kb = load(tmp_path, GOOD_ENTRY)
    assert [f.id for f in kb.facts] == ["ketamine-not-opioid-test"]
    assert [v.key for v in kb.check("Ketamine is an opioid.")] == ["ketamine-not-opioid-test"]


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (("    severity: error\n", "    severity: critical\n"), "severity", "must be one of error, warning, notice"),
        (("    fact: Ketamine is not an opioid.\n", ""), "fact", "missing"),
        (("object: opioid,", "object: opiodi,"), "claim.object", "unknown concept 'opiodi'"),
        (("relation: is_a,", "relation: is_an,"), "claim.relation", "unknown relation 'is_an'"),
        (("polarity: negative", "polarity: maybe"), "claim.polarity", "must be positive or negative"),
        (("    bad: [Ketamine is an opioid.]\n", "    bad: []\n"), "bad", "missing"),
        (("    authority: dea\n", "    authority: fda\n"), "authority", "unknown authority 'fda'"),
        (("    correction:", "    corection:"), "corection", "unknown field"),
        (("    claim: {subject: ketamine,", "    claim: {subject: ketamine, verb: is,"), "claim.verb", "unknown field"),
    ],
)
def test_malformed_entry_names_file_entry_and_field(tmp_path, change, field, problem):
    old, new = change
    assert old in GOOD_ENTRY
    with pytest.raises(FactBaseError) as err:
        load(tmp_path, GOOD_ENTRY.replace(old, new))
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith("broken.yaml: entry 'ketamine-not-opioid-test': ")
    assert f"field {field!r}" in message
    assert problem in message
    assert (err.value.file, err.value.entry, err.value.field) == ("broken.yaml", "ketamine-not-opioid-test", field)


def test_bad_authority_url_is_rejected(tmp_path):
    header = HEADER.replace("https://www.dea.gov/factsheets/ketamine", "www.dea.gov")
    with pytest.raises(FactBaseError, match=r"broken.yaml: entry 'dea': field 'url': must be an http\(s\) URL"):
        load(tmp_path, GOOD_ENTRY, header=header)


def test_duplicate_ids_across_files_are_rejected(tmp_path):
    (tmp_path / "a.yaml").write_text(HEADER + GOOD_ENTRY, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(HEADER + GOOD_ENTRY, encoding="utf-8")
    with pytest.raises(FactBaseError, match=r"b.yaml: entry 'ketamine-not-opioid-test': field 'id': duplicate fact id \(also in a.yaml\)"):
        build(fact_paths=[tmp_path / "a.yaml", tmp_path / "b.yaml"], ontology_path=None)


def test_invalid_yaml_is_one_line_with_the_line_number(tmp_path):
    with pytest.raises(FactBaseError) as err:
        load(tmp_path, GOOD_ENTRY + "  - id: [unclosed\n")
    assert str(err.value).startswith("broken.yaml: not valid YAML (line")
    assert "\n" not in str(err.value)


def test_malformed_concept_is_rejected(tmp_path):
    path = tmp_path / "concepts_extra.yaml"
    path.write_text("concepts:\n  - {id: new_drug, kind: medicine, names: [newdrug]}\n", encoding="utf-8")
    with pytest.raises(FactBaseError, match=r"concepts_extra.yaml: entry 'new_drug': field 'kind': must be one of"):
        build(concept_paths=[*concept_files(), path], fact_paths=[], ontology_path=None)


def test_unknown_parent_concept_is_rejected(tmp_path):
    path = tmp_path / "concepts_extra.yaml"
    path.write_text("concepts:\n  - {id: new_drug, kind: drug, names: [newdrug], parents: [opiod]}\n", encoding="utf-8")
    with pytest.raises(FactBaseError, match=r"concepts_extra.yaml: entry 'new_drug': field 'parents': unknown concept 'opiod'"):
        build(concept_paths=[*concept_files(), path], fact_paths=[], ontology_path=None)
