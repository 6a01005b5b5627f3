"""Fixtures for the report tests: a small clinic site with hostile content, audited for real
(local folder, offline) with the fixture rules, so every renderer sees a genuine audit result."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from seotool.audit import AuditOptions, run_audit
from seotool.config import Config, defaults, merge
from tests.reports.fixture_rules import fixture_registry

# Text that would run or break the layout if a report inserted it as markup.
PAYLOAD_SCRIPT = '<script>window.__pwned = "script"; document.title = "PWNED";</script>'
PAYLOAD_IMG = '<img src=x onerror="window.__pwned = \'onerror\'; document.title = \'PWNED\'">'
PAYLOAD_TEXTAREA = "</textarea></table></div><h1>broken layout</h1>"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


LONG = ("Patients who come to our clinic for the first time will meet the nurse, talk about their history, "
        "fill in a short questionnaire and then see the doctor, who will explain every option and answer every "
        "question before anything is decided.")

SITE: dict[str, str] = {
    "index.html": f"""<!doctype html>
<html lang="en"><head><title>Harbor Clinic</title>
<meta name="description" content="Harbor Clinic treats anxiety and pain."></head>
<body><nav><a href="about.html">About</a> <a href="evil.html">Stories</a> <a href="guide.html">Guide</a></nav>
<main>
<h1>Harbor Clinic</h1>
<p>Our new therapy cures anxiety in a single visit.</p>
<p>{LONG}</p>
</main></body></html>
""",
    "about.html": """<!doctype html>
<html lang="en"><head><title>About us</title></head>
<body><main><h1>About us</h1>
<p>We have cared for patients in the harbor district since 2004.</p>
<!-- seotool-disable medical.test-absolute-claim quoted from a 1990s newspaper ad we reproduce -->
<p>The old advert said our tonic cures everything.</p>
<!-- seotool-enable medical.test-absolute-claim -->
</main></body></html>
""",
    "evil.html": f"""<!doctype html>
<html lang="en"><head><title>{_esc(PAYLOAD_TEXTAREA + PAYLOAD_IMG)}</title>
<script>window.__pwned = "page script";</script></head>
<body><main><h1>Patient stories {_esc(PAYLOAD_SCRIPT)}</h1>
<p>One visitor wrote: {_esc(PAYLOAD_SCRIPT)} and the treatment is guaranteed {_esc(PAYLOAD_IMG)} to work.</p>
<p>Another wrote {_esc(PAYLOAD_TEXTAREA)} that it cures \u2028 pain.</p>
</main></body></html>
""",
    "guide.md": """---
title: Preparing for your visit
description: What to bring to your first appointment.
---
# Preparing for your visit

Bring your medication list.

Our program is 100% effective for chronic pain.
""",
}

FAMILIES = ("medical", "readability", "links", "onpage")


def fixture_config(extra: dict[str, Any] | None = None) -> Config:
    reg = fixture_registry()
    data = merge(defaults(reg.settings()), extra or {}, "test")
    return Config(data)


def write_site(root: Path, files: dict[str, str] | None = None) -> Path:
    for name, content in (files or SITE).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


def audit_folder(root: Path, config: Config | None = None) -> dict[str, Any]:
    return run_audit([str(root)], config or fixture_config(), fixture_registry(), AuditOptions(offline=True, quiet=True))


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def _result(site_dir: Path) -> dict[str, Any]:
    config = fixture_config({"ignore": {"urls": [{"pattern": "about.html", "rules": ["onpage.test-meta-description"],
                                                  "reason": "about page is excluded from search"}]}})
    result = audit_folder(site_dir, config)
    result["fail_on"] = "error"
    return result


@pytest.fixture
def result(_result: dict[str, Any]) -> dict[str, Any]:
    """A fresh copy of the audit result for each test (renderers must not need to mutate it)."""
    return copy.deepcopy(_result)


class CliRun:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"exit {self.code}\nstdout: {self.out[-2000:]}\nstderr: {self.err[-2000:]}"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run the real ``seotool`` entry point in-process: ``cli("audit", "site/", cwd=path)``.
    ``registry="fixture"`` runs the audit with the fixture rules instead of the project's checks."""
    from seotool import cli as cli_module

    project_registry = cli_module._registry

    def run(*args: str, cwd: Path | None = None, registry: str = "project") -> CliRun:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        monkeypatch.setattr(cli_module, "_registry", fixture_registry if registry == "fixture" else project_registry)
        capsys.readouterr()
        try:
            cli_module.main(list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliRun(code, captured.out, captured.err)

    return run
