"""Build each held-out site's planted/ copy from its clean/ copy and manifest.yaml.

    .venv/bin/python tests/corpora/sites/plant.py          # rewrite every <site>/planted/
    .venv/bin/python tests/corpora/sites/plant.py --check  # exit 1 if a planted/ tree is stale

Keeping the defects as edits in the manifest means a fix to a clean page reaches its planted copy,
and the manifest cannot name a defect that is not on the page.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

SITES = Path(__file__).resolve().parent
MANIFEST = SITES / "manifest.yaml"


class PlantError(Exception):
    pass


def load_manifest() -> dict[str, list[dict[str, Any]]]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["sites"]


def _apply(text: str, edit: dict[str, Any], where: str) -> str:
    if "start" in edit:
        start = text.find(edit["start"])
        end = text.find(edit["end"], start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            raise PlantError(f"{where}: start/end markers not found")
        return text[:start] + edit["new"] + text[end:]
    count = text.count(edit["old"])
    if count != 1:
        raise PlantError(f"{where}: text to replace occurs {count} times: {edit['old'][:60]!r}")
    return text.replace(edit["old"], edit["new"])


def plant_site(clean: Path, out: Path, defects: list[dict[str, Any]]) -> None:
    """Copy ``clean`` to ``out`` and apply every defect's edits there."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(clean, out)
    for defect in defects:
        for edit in defect["edits"]:
            if edit.get("each_file"):
                pages = [p for p in sorted(out.rglob("*.html")) if edit["old"] in p.read_text(encoding="utf-8")]
                if not pages:
                    raise PlantError(f"{out.parent.name}: no page contains {edit['old'][:60]!r}")
            else:
                pages = [out / edit.get("file", defect["file"])]
            for page in pages:
                where = f"{out.parent.name}/{page.relative_to(out)}"
                page.write_text(_apply(page.read_text(encoding="utf-8"), edit, where), encoding="utf-8")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def stale_sites() -> list[str]:
    """Sites whose planted/ folder differs from what clean/ + the manifest give."""
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for site, defects in load_manifest().items():
            built = Path(tmp) / site / "planted"
            plant_site(SITES / site / "clean", built, defects)
            if _tree(built) != _tree(SITES / site / "planted"):
                stale.append(site)
    return stale


def main(argv: list[str]) -> int:
    try:
        if "--check" in argv:
            stale = stale_sites()
            for site in stale:
                print(f"{site}/planted is stale: run tests/corpora/sites/plant.py", file=sys.stderr)
            return 1 if stale else 0
        for site, defects in load_manifest().items():
            plant_site(SITES / site / "clean", SITES / site / "planted", defects)
            print(f"{site}: {len(defects)} defects planted")
    except PlantError as exc:
        print(f"plant.py: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
