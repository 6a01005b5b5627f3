"""Gather a folder (or a list of files) of built HTML and Markdown: no network at all.

Each file becomes a page named by its path relative to the root and given the URL
``http://site.invalid/<path>``, so links between files resolve exactly as on a web server.
"""

from __future__ import annotations

import os
from pathlib import Path

from bs4 import UnicodeDammit

from seotool.config import Config
from seotool.errors import InputError, NothingAudited
from seotool.page import Page, parse_directives
from seotool.site import FAILED, FETCHED, LOCAL_ORIGIN, Record, Site

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
SKIP_DIRS = {".git", "node_modules", ".venv", "__pycache__", ".seotool"}


def find_root(paths: list[Path]) -> Path:
    """The folder that URLs are relative to: the folder given, else the working directory when
    every file is under it (so links to files not named still resolve), else their common parent."""
    if len(paths) == 1 and paths[0].is_dir():
        return paths[0].resolve()
    resolved = [p.resolve() for p in paths]
    cwd = Path.cwd().resolve()
    if all(cwd in p.parents for p in resolved):
        return cwd
    return Path(os.path.commonpath([p if p.is_dir() else p.parent for p in resolved]))


def collect_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
                for name in sorted(filenames):
                    f = Path(dirpath) / name
                    if f.suffix.lower() in HTML_SUFFIXES | MARKDOWN_SUFFIXES:
                        files.append(f)
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(f"no such file or folder: {p}")
    return files


def gather_local(paths: list[Path], config: Config, site: Site) -> None:
    """Fill ``site`` with the pages under ``paths``. Raises NothingAudited when there are none."""
    root = find_root(paths)
    site.local_root = root
    files = collect_files(paths)
    if not files:
        where = ", ".join(str(p) for p in paths)
        raise NothingAudited(f"nothing to audit: no .html, .htm or .md files in {where}")
    max_bytes = int(config.section("crawl").get("max_bytes") or 5_000_000)
    for f in files:
        rel = f.resolve().relative_to(root).as_posix() if root in f.resolve().parents else f.name
        url = LOCAL_ORIGIN + rel
        size = f.stat().st_size
        if size > max_bytes:
            site.records[url] = Record(rel, FAILED, "too-large", size=size, detail=f"{size} bytes > {max_bytes}")
            continue
        data = f.read_bytes()
        suffix = f.suffix.lower()
        if suffix not in MARKDOWN_SUFFIXES and suffix not in HTML_SUFFIXES:
            site.records[url] = Record(rel, "skipped", "not-html", size=size)
            continue
        try:
            page = _read_page(rel, url, f, data)
        except Exception as exc:  # noqa: BLE001 - one unreadable file must not end the audit
            site.records[url] = Record(rel, FAILED, "parse-error", size=size, detail=f"{type(exc).__name__}: {exc}"[:300])
            continue
        site.pages.append(page)
        site.records[url] = Record(rel, FETCHED, None, status=200, final_url=url, content_type="text/html", size=size)
    if not site.pages:
        raise NothingAudited("nothing to audit: none of the files could be read as HTML or Markdown")
    read_local_sitemap(root, config, site)


def _read_page(rel: str, url: str, f: Path, data: bytes) -> Page:
    if f.suffix.lower() in MARKDOWN_SUFFIXES:
        from seotool.markdown import render_markdown

        text = _decode(data)
        html, _, front = render_markdown(text)
        page = Page(rel, html, final_url=url, source_path=str(f), markdown=True, front_matter=front)
        page.directives = parse_directives(text)
        return page
    return Page(rel, _decode(data), final_url=url, source_path=str(f))


SITEMAP_NAMES = ("sitemap.xml", "sitemap_index.xml", "sitemap.xml.gz", "sitemap.txt")


def read_local_sitemap(root: Path, config: Config, site: Site) -> None:
    """Fill ``site.sitemap_urls`` from the folder's own sitemap (and the sitemaps an index names,
    when they are files in the folder). Production URLs become ``site.invalid`` URLs: through
    ``[site] url``, else through the one origin the sitemap lists, which is then noted."""
    from urllib.parse import urlsplit

    from seotool.crawl.sitemap import MAX_SITEMAP_BYTES, MAX_SITEMAP_FILES, parse_sitemap

    todo = [root / n for n in SITEMAP_NAMES if (root / n).is_file()][:1]
    seen: set[Path] = set()
    locs: list[str] = []
    while todo and len(seen) < MAX_SITEMAP_FILES:
        path = todo.pop(0)
        if path in seen or path.stat().st_size > MAX_SITEMAP_BYTES:
            continue
        seen.add(path)
        sitemap = parse_sitemap(path.read_bytes())
        if sitemap.kind == "index":
            todo += [p for p in (local_path_for(site, u) or _under(root, u) for u in sitemap.locs) if p]
        else:
            locs += sitemap.locs
    if not locs:
        return
    prod = str(config.section("site").get("url") or "").rstrip("/")
    origins = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in locs}
    if not prod and len(origins) == 1:
        prod = origins.pop()
        site.notes.append(f"sitemap.xml lists {prod} URLs; they were read as this folder's pages")
    for url in locs:
        if prod and (url == prod or url.startswith(prod + "/")):
            url = LOCAL_ORIGIN + url[len(prod):].lstrip("/")
        site.sitemap_urls.add(url)


def _under(root: Path, url: str) -> Path | None:
    """A child sitemap named by its path under an unknown production host."""
    from urllib.parse import urlsplit

    path = root / urlsplit(url).path.lstrip("/")
    return path if path.is_file() and root in path.resolve().parents else None


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return UnicodeDammit(data, ["utf-8", "windows-1252"]).unicode_markup or data.decode("utf-8", "replace")


def local_path_for(site: Site, url: str) -> Path | None:
    """The file a ``http://site.invalid/...`` URL (or the production ``[site] url``) maps to, if any:
    tries the path itself, ``index.html`` in a folder, and ``.html`` for extensionless URLs."""
    if site.local_root is None:
        return None
    from urllib.parse import unquote, urldefrag, urlsplit

    url = urldefrag(url)[0]
    prod = (site.config.section("site").get("url") or "").rstrip("/")
    if prod and (url == prod or url.startswith(prod + "/")):
        url = LOCAL_ORIGIN + url[len(prod) + 1:]
    if not url.startswith(LOCAL_ORIGIN):
        return None
    path = unquote(urlsplit(url).path).lstrip("/")
    base = site.local_root / path
    candidates = [base] if path and not path.endswith("/") else []
    candidates += [base / "index.html", base / "index.htm", base / "index.md"]
    if path and not Path(path).suffix:
        candidates += [base.with_suffix(".html"), base.with_suffix(".md")]
    if path.endswith(".html"):
        candidates.append(base.with_suffix(".md"))
    for c in candidates:
        try:
            c.resolve().relative_to(site.local_root)
        except ValueError:
            continue  # never leave the audited folder
        if c.is_file():
            return c
    return None
