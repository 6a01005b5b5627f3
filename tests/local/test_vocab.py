"""The local vocabularies load, hold what the rules rely on, and reject malformed lines by name."""

from __future__ import annotations

import pytest

from checks.local import vocab


def test_data_files_load():
    assert vocab.states()["NC"] == "North Carolina" and len(vocab.states()) == 51
    assert "NC" in vocab.cities()["charlotte"] and len(vocab.cities()) > 5000
    assert vocab.street_suffixes()["street"] == vocab.street_suffixes()["st"] == "st"
    assert vocab.address_words()["suite"] == vocab.address_words()["ste"]
    assert "specialist" in vocab.service_nouns() and "urgent care" in vocab.service_nouns()
    nouns = vocab.service_nouns()
    assert nouns.index("urgent care") < nouns.index("care")  # longest first
    assert "MedicalClinic" in vocab.business_types() and "Physician" in vocab.business_types()
    assert "#1" in vocab.phrase_stops()
    assert "MD" in vocab.cues().ambiguous_states


def test_malformed_lines_are_named(tmp_path, monkeypatch):
    (tmp_path / "pairs.tsv").write_text("# comment\nstreet\tst\nboulevard blvd\n", encoding="utf-8")
    monkeypatch.setattr(vocab, "DATA", tmp_path)
    with pytest.raises(vocab.VocabularyError, match=r"pairs.tsv:3: expected two tab-separated columns"):
        vocab.read_pairs("pairs.tsv")


def test_cues_schema_is_checked(tmp_path, monkeypatch):
    (tmp_path / "cues.toml").write_text('clinic_cues = "call us"\n', encoding="utf-8")
    monkeypatch.setattr(vocab, "DATA", tmp_path)
    vocab.cues.cache_clear()
    try:
        with pytest.raises(vocab.VocabularyError, match="'clinic_cues' must be a list"):
            vocab.cues()
    finally:
        monkeypatch.undo()
        vocab.cues.cache_clear()
    assert vocab.cues().clinic  # the real file still loads
