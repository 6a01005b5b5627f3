"""The CI recipes are real: the pre-commit manifest loads with pre-commit's own loader, every
``seotool`` command in docs/ci.md and the workflow parses with the real CLI, and the workflow's
audit step, run as written by bash, writes the reports and reports new problems as exit 1."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
import jsonschema
import pytest
import yaml

from seotool.cli import cli as seotool_cli
from tests.reports.test_formats import SCHEMA

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / "docs" / "github-workflow.yml"
CI_DOC = REPO / "docs" / "ci.md"


def _parses(command: str) -> None:
    """Parse a documented ``seotool ...`` command with the real CLI (options, choices, arguments)."""
    args = shlex.split(command)
    assert args[0] == "seotool", command
    sub = seotool_cli.commands.get(args[1])
    assert sub is not None, f"unknown command in docs: {command}"
    try:
        sub.make_context(f"seotool {args[1]}", args[2:])
    except click.ClickException as exc:
        pytest.fail(f"documented command does not parse: {command}: {exc.format_message()}")


def _commands(text: str) -> list[str]:
    """``seotool ...`` commands in shell snippets, with continuation lines joined, shell arrays
    replaced by what they hold (files, or nothing) and comments removed."""
    text = re.sub(r"\\\n\s*", " ", text)
    out = []
    for line in text.splitlines():
        m = re.search(r"(?:^|[\s`(])(seotool (?:audit|report|baseline|history|diff|rules)\b[^#\n`]*)", line)
        if m:
            cmd = m.group(1).replace('"${args[@]}"', "").replace('"${pages[@]}"', "page.html")
            out.append(cmd.split("||")[0].split(">>")[0].strip())
    return out


def test_pre_commit_manifest_is_valid_and_its_entry_parses():
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "seotool" and hook["language"] == "python"
    assert set(hook["types_or"]) == {"html", "markdown"} and hook["pass_filenames"]
    _parses(hook["entry"] + " page.html")
    assert "--offline" in hook["entry"]


def _shell_blocks(markdown: str) -> str:
    return "\n".join(re.findall(r"```sh\n(.*?)```", markdown, re.S))


def test_documented_commands_parse():
    commands = _commands(_shell_blocks(CI_DOC.read_text(encoding="utf-8")))
    commands += _commands(WORKFLOW.read_text(encoding="utf-8"))
    assert len(commands) >= 10
    for command in commands:
        _parses(command)


def test_workflow_uploads_sarif_and_writes_the_summary():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = flow["jobs"]["audit"]["steps"]
    uses = {s.get("uses", "").split("@")[0]: s for s in steps}
    assert uses["github/codeql-action/upload-sarif"]["with"]["sarif_file"] == "seotool-reports/report.sarif"
    assert flow["permissions"]["security-events"] == "write"
    assert any("GITHUB_STEP_SUMMARY" in s.get("run", "") and "report.md" in s.get("run", "") for s in steps)


def _audit_step() -> str:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return next(s["run"] for s in flow["jobs"]["audit"]["steps"] if s.get("id") == "audit")


PAGE = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{t} | Harbor Family Clinic</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="description" content="{t}: Harbor Family Clinic offers primary care, vaccines and checkups '
        'for families in Portland."></head><body><main><h1>{t}</h1><p>{body}</p></main></body></html>\n')


@pytest.mark.parametrize("planted", [False, True])
def test_workflow_audit_step_runs_as_written(tmp_path, planted):
    repo = tmp_path / "content"
    (repo / "pages").mkdir(parents=True)
    (repo / "pages" / "index.html").write_text(PAGE.format(t="Welcome", body='See <a href="about.html">about us</a>.'),
                                               encoding="utf-8")
    link = '<a href="team.html">the team</a>' if planted else '<a href="index.html">home</a>'
    (repo / "pages" / "about.html").write_text(PAGE.format(t="About us", body=f"Meet {link}."), encoding="utf-8")
    (repo / "changed.txt").write_text("pages/about.html\n", encoding="utf-8")
    github_output = tmp_path / "github_output"
    env = dict(os.environ, GITHUB_OUTPUT=str(github_output),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    run = subprocess.run(["bash", "-e", "-c", _audit_step()], cwd=repo, env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr  # the step itself passes; the code is passed on
    assert github_output.read_text().strip() == ("code=1" if planted else "code=0"), run.stdout
    reports = repo / "seotool-reports"
    assert sorted(p.name for p in reports.iterdir()) == ["report.html", "report.json", "report.md", "report.sarif"]
    sarif = json.loads((reports / "report.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris <= {"pages/about.html"}  # repository-relative, as code scanning needs
    broken = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "links.broken-link"]
    assert len(broken) == (1 if planted else 0)
    if planted:
        assert broken[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
        assert "links.broken-link" in (reports / "report.md").read_text(encoding="utf-8")
