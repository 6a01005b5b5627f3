"""Every fact-base entry catches its own bad examples and stays silent on its good ones.

One parametrized test over the data files (checks/medical/data/facts/*.yaml), so an entry a
reviewer adds is tested without writing Python.
"""

from __future__ import annotations

import pytest

from checks.medical.facts import knowledge

KB = knowledge()
BAD = [pytest.param(f, s, id=f"{f.id}-bad{i}") for f in KB.facts for i, s in enumerate(f.bad_examples)]
GOOD = [pytest.param(f, s, id=f"{f.id}-good{i}") for f in KB.facts for i, s in enumerate(f.good_examples)]


@pytest.mark.parametrize(("fact", "sentence"), BAD)
def test_fact_catches_its_bad_example(fact, sentence):
    verdicts = KB.check(sentence)
    assert any(v.key == fact.id for v in verdicts), (
        f"{fact.file}: {fact.id} missed {sentence!r}; read as {[KB.render(s) for s in KB.statements(sentence)]}"
    )
    v = next(v for v in verdicts if v.key == fact.id)
    assert v.suggestion == fact.correction
    assert v.authority.url.startswith("https://")


@pytest.mark.parametrize(("fact", "sentence"), GOOD)
def test_fact_is_silent_on_its_good_example(fact, sentence):
    verdicts = KB.check(sentence)
    assert not verdicts, (
        f"{fact.file}: good example {sentence!r} raised {[v.key for v in verdicts]}; "
        f"read as {[KB.render(s) for s in KB.statements(sentence)]}"
    )


def test_every_fact_names_an_authority_and_a_correction():
    for f in KB.facts:
        assert f.authority.name and f.authority.url.startswith("https://"), f.id
        assert f.correction and f.fact, f.id
        assert f.severity in ("error", "warning", "notice"), f.id


def test_fact_base_is_big_and_broad():
    assert len(KB.facts) >= 100
    topics = {f.topic for f in KB.facts}
    assert len(topics) >= 15, topics
