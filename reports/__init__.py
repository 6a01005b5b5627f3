"""Report renderers. Each reads only the audit result (a dict) and returns text or bytes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# format name -> (file extension, module, function). Rendering functions take (result, options).
FORMATS: dict[str, tuple[str, str]] = {
    "json": ("json", "reports.json_report"),
    "terminal": ("txt", "reports.terminal"),
    "html": ("html", "reports.html"),
    "csv": ("csv", "reports.csv_report"),
    "md": ("md", "reports.markdown_report"),
    "markdown": ("md", "reports.markdown_report"),
    "sarif": ("sarif", "reports.sarif"),
    "junit": ("xml", "reports.junit"),
}


def renderer(fmt: str) -> Callable[..., str | bytes]:
    import importlib

    ext, module = FORMATS[fmt]
    return importlib.import_module(module).render


def extension(fmt: str) -> str:
    return FORMATS[fmt][0]


def available() -> list[str]:
    return list(FORMATS)


RenderOptions = dict[str, Any]
