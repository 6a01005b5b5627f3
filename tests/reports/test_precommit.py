"""The pre-commit hook, end to end: ``pre-commit try-repo`` installs seotool from this repository
into its own virtualenv (from the package index configured for pip) and runs it on a sample
content repository made here. A clean commit passes; a staged page with a broken link fails.

``--ref HEAD`` makes pre-commit install the committed project (in CI the checkout is clean, so
this is exactly what is being tested) and lets both runs share one installed environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks import registry

REPO = Path(__file__).resolve().parents[2]
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Harbor Family Clinic</title>
<meta name="description" content="{title}: Harbor Family Clinic offers primary care, vaccines and checkups for families in Portland.">
</head>
<body>
<main>
<h1>{title}</h1>
<p>{body}</p>
</main>
</body>
</html>
"""


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=_env(cwd))


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update({"PRE_COMMIT_HOME": str(tmp.parent / "pre-commit-home"), "PIP_NO_INPUT": "1",
                "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"})
    return env


def _try_repo(content: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "seotool", "--ref", "HEAD"],
                          cwd=content, capture_output=True, text=True, env=_env(content), timeout=600)


@pytest.mark.skipif(not (REPO / ".git").exists(), reason="the project is not a git checkout")
@pytest.mark.skipif(registry().get("links.broken-link") is None, reason="no links.broken-link rule registered")
def test_pre_commit_try_repo_fails_on_a_planted_broken_link(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    _git(content, "init", "-q")
    (content / "index.html").write_text(PAGE.format(
        title="Welcome", body='We offer checkups and vaccines. Read <a href="about.html">about our team</a>.'),
        encoding="utf-8")
    (content / "about.html").write_text(PAGE.format(
        title="About our team", body='Our doctors have cared for families since 2004. <a href="index.html">Home</a>.'),
        encoding="utf-8")
    (content / "notes.txt").write_text("not a page: the hook must not be given this file", encoding="utf-8")
    _git(content, "add", ".")

    clean = _try_repo(content)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "seotool (audit changed pages)" in clean.stdout and "Passed" in clean.stdout
    _git(content, "commit", "-q", "-m", "pages")

    (content / "about.html").write_text(PAGE.format(
        title="About our team", body='Meet <a href="team.html">the nurses</a>. <a href="index.html">Home</a>.'),
        encoding="utf-8")
    _git(content, "add", "about.html")
    planted = _try_repo(content)
    assert planted.returncode == 1, planted.stdout + planted.stderr
    assert "Failed" in planted.stdout
    assert "links.broken-link" in planted.stdout and "team.html" in planted.stdout
    # only the staged page was given to seotool
    assert "1 URLs (1 fetched)" in planted.stdout
    assert "\nabout.html\n" in planted.stdout and "\nindex.html\n" not in planted.stdout  # page headings
