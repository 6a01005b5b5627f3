"""The ``seotool`` command. The only module that wires gathering, checks and reports together.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config or input
error; 3 nothing could be audited; 4 internal error (a bug); 130 interrupted (partial results
are still checked and written)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from seotool import __version__
from seotool.errors import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, InputError, SeotoolError

EXIT_INTERNAL = 4


def _registry():
    from checks import registry

    return registry()


def _load_config(path: str | None, overrides: dict[str, dict[str, Any]] | None = None):
    from seotool.config import load_config

    return load_config(Path(path) if path else None, family_settings=_registry().settings(), overrides=overrides)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="seotool")
def cli() -> None:
    """Audit a clinic website: medical accuracy, readability, links, local and on-page SEO."""


@cli.command()
@click.argument("targets", nargs=-1, required=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: seotool.toml or [tool.seotool] in pyproject.toml).")
@click.option("--checks", "checks", multiple=True, help="Families to run, e.g. --checks medical,links (default: all).")
@click.option("--format", "formats", multiple=True, help="Report format; repeat for several (default: terminal).")
@click.option("--output", "-o", type=click.Path(), help="File for one format, or folder for several (report.<ext>).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "notice", "never"]), default="error", show_default=True,
              help="Exit 1 when a finding at or above this severity exists.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Only findings not in this baseline count for --fail-on.")
@click.option("--max-pages", type=click.IntRange(min=1), help="Stop crawling after this many pages.")
@click.option("--max-depth", type=click.IntRange(min=0), help="Follow links at most this deep from the start URLs.")
@click.option("--concurrency", type=click.IntRange(1, 64), help="Requests in flight at once.")
@click.option("--include", multiple=True, help="Regex: only crawl URLs matching it (repeatable).")
@click.option("--exclude", multiple=True, help="Regex: do not crawl URLs matching it (repeatable).")
@click.option("--ignore-robots", is_flag=True, help="Crawl pages that robots.txt disallows (off by default).")
@click.option("--offline", is_flag=True, help="No network at all: local files only, nothing external probed.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.option("--db", type=click.Path(dir_okay=False), help="Audit store (default: .seotool/audits.db).")
@click.option("--no-store", is_flag=True, help="Do not keep this audit in the store.")
def audit(targets: tuple[str, ...], config_path: str | None, checks: tuple[str, ...], formats: tuple[str, ...],
          output: str | None, fail_on: str, baseline: str | None, max_pages: int | None, max_depth: int | None,
          concurrency: int | None, include: tuple[str, ...], exclude: tuple[str, ...], ignore_robots: bool,
          offline: bool, quiet: bool, db: str | None, no_store: bool) -> None:
    """Audit TARGETS: one or more URLs (crawled) or local files and folders (read, no network)."""
    from seotool.audit import AuditOptions, run_audit
    from seotool.rules import FAMILIES

    families = [f.strip() for item in checks for f in item.split(",") if f.strip()] or None
    for fam in families or ():
        if fam not in FAMILIES:
            raise InputError(f"unknown check family {fam!r} (known: {', '.join(FAMILIES)})")
    formats = tuple(formats) or ("terminal",)
    _check_formats(formats)
    crawl: dict[str, Any] = {}
    for key, value in (("max_pages", max_pages), ("max_depth", max_depth), ("concurrency", concurrency)):
        if value is not None:
            crawl[key] = value
    if include:
        crawl["include"] = list(include)
    if exclude:
        crawl["exclude"] = list(exclude)
    if ignore_robots:
        crawl["ignore_robots"] = True
    config = _load_config(config_path, {"crawl": crawl} if crawl else None)
    _validate_patterns(config)

    result = run_audit(list(targets), config, _registry(), AuditOptions(families=families, offline=offline, quiet=quiet))

    if baseline:
        from seotool.baseline import apply_baseline

        apply_baseline(result, Path(baseline))
    result["fail_on"] = fail_on
    if not no_store:
        from seotool.store import DEFAULT_DB, Store

        with Store(Path(db) if db else DEFAULT_DB) as store:
            result["audit_id"] = store.save(result)
    _write_reports(result, formats, output)
    if result.get("interrupted"):
        click.echo("seotool: interrupted: the reports cover what was gathered before the stop", err=True)
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(exit_code_for(result, fail_on))


def exit_code_for(result: dict[str, Any], fail_on: str) -> int:
    """EXIT_FINDINGS when a finding (a new one, with a baseline) is at or above ``fail_on``."""
    if fail_on == "never":
        return EXIT_OK
    from seotool.rules import Severity

    failing = {str(s) for s in Severity if s >= Severity.parse(fail_on)}
    counted = (f for f in result["findings"] if f.get("new", True))
    return EXIT_FINDINGS if any(f.get("severity") in failing for f in counted) else EXIT_OK


def _check_formats(formats: tuple[str, ...]) -> None:
    from reports import available

    for fmt in formats:
        if fmt not in available():
            raise InputError(f"unknown format {fmt!r} (known: {', '.join(available())})")


def _validate_patterns(config) -> None:
    import re

    for key in ("include", "exclude"):
        for pattern in config.section("crawl").get(key) or []:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise InputError(f"--{key} {pattern!r} is not a valid regular expression: {exc}") from None
    from seotool.suppress import check_config  # [[ignore.urls]]: reject a missing reason before crawling

    check_config(config)


SUMMARY_PAGES = 10  # pages listed on the terminal when the reports go to files


def _write_reports(result: dict[str, Any], formats: tuple[str, ...], output: str | None) -> None:
    from reports import extension, renderer

    render_opts = {"color": sys.stdout.isatty()}
    folder: Path | None = None
    if output and (len(formats) > 1 or output.endswith(("/", os.sep)) or Path(output).is_dir()):
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
    to_stdout = False
    written: list[Path] = []
    for fmt in formats:
        content = renderer(fmt)(result, render_opts if fmt == "terminal" else {})
        if folder is not None:
            target = folder / f"report.{extension(fmt)}"
        elif output:
            target = Path(output)
            target.parent.mkdir(parents=True, exist_ok=True)
        else:
            to_stdout = True
            _emit(content)
            continue
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        written.append(target)
    if written and not to_stdout:
        from reports.terminal import render as terminal

        _emit(terminal(result, {**render_opts, "max_pages": SUMMARY_PAGES}))
        where = folder if folder is not None else written[0]
        click.echo(f"reports written to {where}")


def _emit(content: str | bytes) -> None:
    if isinstance(content, bytes):
        sys.stdout.buffer.write(content)
    else:
        sys.stdout.write(content)
    sys.stdout.flush()


@cli.command()
@click.argument("rule_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def rules(rule_id: str | None, as_json: bool) -> None:
    """List all rules, or explain RULE_ID."""
    reg = _registry()
    if rule_id:
        rule = reg.get(rule_id)
        if rule is None:
            close = [r for r in reg.rules if r.startswith(rule_id)]
            hint = f" (did you mean {', '.join(close[:5])}?)" if close else " (see 'seotool rules')"
            raise InputError(f"no rule {rule_id!r}{hint}")
        if as_json:
            from seotool.result import rule_meta

            click.echo(json.dumps(rule_meta(rule), indent=2))
            return
        click.echo(explain(rule))
        return
    if as_json:
        from seotool.result import rule_meta

        click.echo(json.dumps([rule_meta(r) for r in reg.rules.values()], indent=2))
        return
    for fam in reg.families.values():
        click.echo(f"{fam.name} ({len(fam.rules)} rules)")
        for r in fam.rules:
            click.echo(f"  {r.id:<40} {str(r.severity):<8} {r.title}")


def explain(rule) -> str:
    """ruff-style rule documentation: what, why, fix, examples."""
    lines = [f"{rule.id}: {rule.title}", f"severity: {rule.severity}   confidence: {rule.confidence}", "",
             "What it does", f"  {rule.what}", "", "Why it matters", f"  {rule.why}", "", "How to fix", f"  {rule.fix}"]
    if rule.source:
        lines += ["", f"Source: {rule.source.name} <{rule.source.url}>"]
    lines += ["", "Example (flagged)"] + _example_lines(rule.bad[0])
    lines += ["", "Use instead"] + _example_lines(rule.good[0])
    return "\n".join(lines)


def _example_lines(example) -> list[str]:
    out = []
    for name, content in example.files.items():
        if len(example.files) > 1:
            out.append(f"  --- {name}")
        out += [f"  {line}" for line in content.strip().splitlines()[:20]]
    return out


# -- stored audits: report, baseline, history, diff (reports/CI issue) --------------------------

_AUDIT_REF = "AUDIT.json, an audit id from 'seotool history', 'latest' or 'previous'"


@cli.command(help=f"Re-render a stored audit in other formats. AUDIT is {_AUDIT_REF}.")
@click.argument("audit_ref", metavar="AUDIT")
@click.option("--format", "formats", multiple=True, help="Report format; repeat for several (default: html).")
@click.option("--output", "-o", type=click.Path(), help="File for one format, or folder for several (report.<ext>).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "notice", "never"]),
              help="Threshold the JUnit/Markdown verdicts use (default: the audit's own).")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Mark findings not in this baseline as new.")
@click.option("--db", type=click.Path(dir_okay=False), help="Audit store (default: .seotool/audits.db).")
def report(audit_ref: str, formats: tuple[str, ...], output: str | None, fail_on: str | None, baseline: str | None,
           db: str | None) -> None:
    from seotool.history import load_audit

    formats = tuple(formats) or ("html",)
    _check_formats(formats)
    result = load_audit(audit_ref, Path(db) if db else None)
    if fail_on:
        result["fail_on"] = fail_on
    if baseline:
        from seotool.baseline import apply_baseline

        apply_baseline(result, Path(baseline))
    _write_reports(result, formats, output)


@cli.command(help=f"Record an audit's findings as accepted, so 'seotool audit --baseline FILE' fails only on new "
             f"ones. AUDIT is {_AUDIT_REF}.")
@click.argument("audit_ref", metavar="AUDIT")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=".seotool-baseline.json", show_default=True,
              help="Baseline file to write.")
@click.option("--db", type=click.Path(dir_okay=False), help="Audit store (default: .seotool/audits.db).")
def baseline(audit_ref: str, output: str, db: str | None) -> None:
    from seotool.baseline import write_baseline
    from seotool.history import load_audit

    result = load_audit(audit_ref, Path(db) if db else None)
    n = write_baseline(result, Path(output))
    click.echo(f"baseline of {n} finding{'s' if n != 1 else ''} written to {output}")


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), help="Audit store (default: .seotool/audits.db).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True, help="How many audits to list.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def history(db: str | None, limit: int, as_json: bool) -> None:
    """List stored audits, newest first."""
    from seotool.history import format_history, list_audits

    rows = list_audits(Path(db) if db else None, limit)
    click.echo(json.dumps(rows, indent=2) if as_json else format_history(rows), nl=as_json)


@cli.command(help=f"Compare two audits: new, fixed and unchanged findings (matched by fingerprint) and page-level "
             f"changes. OLD and NEW are each {_AUDIT_REF}; NEW defaults to latest.")
@click.argument("old_ref", metavar="OLD")
@click.argument("new_ref", metavar="NEW", default="latest")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--db", type=click.Path(dir_okay=False), help="Audit store (default: .seotool/audits.db).")
def diff(old_ref: str, new_ref: str, fmt: str, output: str | None, db: str | None) -> None:
    from reports import diff_report
    from seotool.diff import diff_results
    from seotool.history import load_audit

    store = Path(db) if db else None
    d = diff_results(load_audit(old_ref, store), load_audit(new_ref, store))
    text = {"text": diff_report.render_text, "json": diff_report.render_json, "md": diff_report.render_markdown}[fmt](d)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"diff written to {output}")
    else:
        _emit(text)


def run() -> None:
    """The console script: ``main``, then leave at once. After a big audit Python's own teardown
    frees a million objects one by one (~0.3 s at 2,000 pages) that the OS would free in no time;
    everything worth keeping (reports, the store) is written and closed by then."""
    try:
        main()
        code: int | str | None = EXIT_OK
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):  # sys.exit("message"): print it, exit 1
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(code or 0)


def main(argv: list[str] | None = None) -> None:
    """Entry point: every error is one line on stderr with a documented exit code."""
    try:
        cli.main(args=argv, prog_name="seotool", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("seotool: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        hint = ""
        ctx = getattr(exc, "ctx", None)
        if ctx is not None:
            hint = f" (see '{ctx.command_path} --help')"
        click.echo(f"seotool: error: {exc.format_message()}{hint}", err=True)
        sys.exit(EXIT_USAGE if exc.exit_code == 2 else exc.exit_code)
    except SeotoolError as exc:
        click.echo(f"seotool: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("seotool: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as exc:  # noqa: BLE001 - never a traceback for users
        if os.environ.get("SEOTOOL_DEBUG"):
            raise
        click.echo(f"seotool: internal error: {type(exc).__name__}: {exc} (set SEOTOOL_DEBUG=1 for details; please report it)", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
