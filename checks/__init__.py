"""The check families, listed explicitly. Each module exposes ``FAMILY``."""

from __future__ import annotations

from functools import cache

from seotool.registry import Family, Registry


def families() -> list[Family]:
    from checks import links, local, medical, onpage, readability

    return [medical.FAMILY, readability.FAMILY, links.FAMILY, local.FAMILY, onpage.FAMILY]


@cache
def registry() -> Registry:
    return Registry(families())
