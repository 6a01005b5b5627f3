"""The documentation keeps up with the code: every config key and every rule family is documented."""

from __future__ import annotations

import re
from pathlib import Path

from checks import registry
from seotool.config import defaults

ROOT = Path(__file__).resolve().parent.parent


def test_every_config_key_is_in_the_reference():
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    sections = set(re.findall(r"^## `\[(\w+)\]`", doc, re.M))
    missing = []
    for section, keys in defaults(registry().settings()).items():
        if section not in sections:
            missing.append(f"[{section}]")
        for key in keys:
            if f"| `{key}` |" not in doc:
                missing.append(f"{section}.{key}")
    assert not missing, f"docs/configuration.md does not document: {', '.join(missing)}"


def test_readme_quick_start_is_the_ci_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make demo" in readme
    assert re.search(r"^make test$", ci, re.M)
