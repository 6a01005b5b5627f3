"""The audit result as JSON: the source every other format is rendered from."""

from __future__ import annotations

import json
from typing import Any


def render(result: dict[str, Any], options: dict[str, Any] | None = None) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
