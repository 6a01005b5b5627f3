"""Every registered rule fires on each of its bad examples and stays silent on its good ones
(pylint/proselint style): one generic test over the whole registry."""

from __future__ import annotations

import pytest

from checks import registry
from tests.support.examples import rule_findings

RULES = sorted(registry().rules.values(), key=lambda r: r.id)
BAD = [pytest.param(r, i, id=f"{r.id}-bad{i}") for r in RULES for i in range(len(r.bad))]
GOOD = [pytest.param(r, i, id=f"{r.id}-good{i}") for r in RULES for i in range(len(r.good))]


@pytest.mark.parametrize(("rule", "index"), BAD)
def test_rule_fires_on_bad_example(rule, index):
    found = rule_findings(rule, rule.bad[index])
    assert found, f"{rule.id} did not fire on its bad example #{index}"
    for f in found:
        assert f["message"], f"{rule.id}: finding without a message"
        assert f["fingerprint"]


@pytest.mark.parametrize(("rule", "index"), GOOD)
def test_rule_is_silent_on_good_example(rule, index):
    found = rule_findings(rule, rule.good[index])
    assert not found, f"{rule.id} fired on its good example #{index}: {[f['message'] for f in found]}"


def test_every_family_is_registered():
    assert set(registry().families) == {"medical", "readability", "links", "local", "onpage"}


def test_rule_docs_are_complete():
    for rule in RULES:
        assert rule.title and rule.what and rule.why and rule.fix, rule.id
