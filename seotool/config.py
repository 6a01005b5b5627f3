"""Configuration: ``seotool.toml``, ``[tool.seotool]`` in ``pyproject.toml`` or ``--config FILE``.

Every key has a default here (or in a check family's ``SETTINGS``), and the type of the default
is the type the key must have. Unknown keys and wrong types are rejected with the key named.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

from seotool.errors import ConfigError

CORE_DEFAULTS: dict[str, dict[str, Any]] = {
    "rules": {
        "select": ["all"],  # rule id prefixes to run
        "ignore": [],  # rule id prefixes to skip
        "severity": {},  # rule id -> error | warning | notice
    },
    "crawl": {
        "max_pages": 500,
        "max_depth": 20,
        "concurrency": 4,
        "per_host_concurrency": 4,
        "delay": 0.0,  # seconds between requests to one host (robots.txt Crawl-delay wins when larger)
        "connect_timeout": 5.0,
        "read_timeout": 15.0,
        "max_time": 30.0,  # total seconds per response, body included
        "max_bytes": 5_000_000,  # per response
        "max_redirects": 10,
        "include": [],  # regexes; when set, only matching URLs are crawled
        "exclude": [],  # regexes of URLs not to crawl
        "ignore_robots": False,
        "sitemap": True,  # also start from /sitemap.xml
        "user_agent": "",  # default names seotool and its version
    },
    "site": {
        "url": "",  # the production URL of a local build, so absolute links to it count as internal
    },
    "clinic": {
        "name": "",
        "street": "",
        "city": "",
        "state": "",
        "postal_code": "",
        "phone": "",
        "country": "US",
        "url": "",
        "service_area": [],
        "services": [],
        "other_phones": [],  # the clinic's other numbers (toll-free, call tracking): not NAP mismatches
    },
    "ignore": {
        # per-URL ignores: [[ignore.urls]] pattern = "...", rules = [...], reason = "..."
        "urls": [],
    },
}


class Config:
    """Effective configuration: defaults overlaid with the user's file and CLI options."""

    def __init__(self, data: dict[str, dict[str, Any]], path: Path | None = None) -> None:
        self.data = data
        self.path = path

    def section(self, name: str) -> dict[str, Any]:
        return self.data.setdefault(name, {})

    def __getitem__(self, name: str) -> dict[str, Any]:
        return self.section(name)

    @property
    def clinic(self) -> dict[str, Any]:
        return self.section("clinic")

    @property
    def has_clinic_profile(self) -> bool:
        c = self.clinic
        return bool(c.get("name") or c.get("phone") or c.get("street"))

    def to_dict(self) -> dict[str, Any]:
        return copy.deepcopy(self.data)


def defaults(family_settings: dict[str, dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    d = copy.deepcopy(CORE_DEFAULTS)
    for family, settings in (family_settings or {}).items():
        d.setdefault(family, {}).update(copy.deepcopy(settings))
    return d


def find_config_file(cwd: Path) -> tuple[Path, bool] | None:
    """The config file to use from ``cwd``: ``seotool.toml``, else ``pyproject.toml`` with a
    ``[tool.seotool]`` table. Returns (path, is_pyproject)."""
    own = cwd / "seotool.toml"
    if own.is_file():
        return own, False
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            return None
        if "seotool" in data.get("tool", {}):
            return pyproject, True
    return None


def load_config(
    path: Path | None = None,
    *,
    family_settings: dict[str, dict[str, Any]] | None = None,
    overrides: dict[str, dict[str, Any]] | None = None,
    cwd: Path | None = None,
) -> Config:
    """Load and validate the config; ``path=None`` searches ``cwd``."""
    base = defaults(family_settings)
    user: dict[str, Any] = {}
    source: Path | None = None
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"config file not found: {path}")
        source = path
        user = _read_toml(path, pyproject=path.name == "pyproject.toml")
    else:
        found = find_config_file(cwd or Path.cwd())
        if found:
            source, is_pyproject = found
            user = _read_toml(source, pyproject=is_pyproject)
    where = str(source) if source else "config"
    merged = merge(base, user, where)
    if overrides:
        merged = merge(merged, overrides, "command line")
    return Config(merged, source)


def _read_toml(path: Path, *, pyproject: bool) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    if pyproject:
        data = data.get("tool", {}).get("seotool", {})
    return data


def merge(base: dict[str, dict[str, Any]], user: dict[str, Any], where: str) -> dict[str, dict[str, Any]]:
    """Overlay ``user`` on ``base``, rejecting unknown sections, unknown keys and wrong types."""
    out = copy.deepcopy(base)
    for section, values in user.items():
        if section not in out:
            raise ConfigError(f"{where}: unknown section [{section}] (known: {', '.join(sorted(out))})")
        if not isinstance(values, dict):
            raise ConfigError(f"{where}: [{section}] must be a table")
        for key, value in values.items():
            if key not in out[section]:
                known = ", ".join(sorted(out[section])) or "none"
                raise ConfigError(f"{where}: unknown key '{section}.{key}' (known: {known})")
            out[section][key] = _check_type(f"{section}.{key}", out[section][key], value, where)
    for i, entry in enumerate(out.get("ignore", {}).get("urls") or []):
        _check_ignore_entry(entry, i, where)
    return out


def _check_ignore_entry(entry: Any, i: int, where: str) -> None:
    name = f"ignore.urls[{i}]"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: '{name}' must be a table with pattern, rules and reason")
    unknown = set(entry) - {"pattern", "rules", "reason"}
    if unknown:
        raise ConfigError(f"{where}: unknown key '{name}.{sorted(unknown)[0]}' (known: pattern, reason, rules)")
    if not isinstance(entry.get("pattern"), str) or not entry["pattern"]:
        raise ConfigError(f"{where}: '{name}.pattern' must be a non-empty string")
    if not isinstance(entry.get("reason"), str) or not entry["reason"].strip():
        raise ConfigError(f"{where}: '{name}.reason' is required: say why these findings do not apply")
    if "rules" in entry and not (isinstance(entry["rules"], list) and all(isinstance(r, str) for r in entry["rules"])):
        raise ConfigError(f"{where}: '{name}.rules' must be a list of rule id prefixes")


def _check_type(name: str, default: Any, value: Any, where: str) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{where}: '{name}' must be {expected}, not {type(value).__name__} {value!r}")

    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise bad("true or false")
    elif isinstance(default, int) and not isinstance(default, bool):
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad("a whole number")
        if value < 0:
            raise bad("zero or more")
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad("a number")
        if value < 0:
            raise bad("zero or more")
        value = float(value)
    elif isinstance(default, str):
        if not isinstance(value, str):
            raise bad("a string")
    elif isinstance(default, list):
        if not isinstance(value, list):
            raise bad("a list")
    elif isinstance(default, dict):
        if not isinstance(value, dict):
            raise bad("a table")
    return value
