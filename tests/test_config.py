from __future__ import annotations

import pytest

from seotool.config import load_config
from seotool.errors import ConfigError


def write(tmp_path, text, name="seotool.toml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_defaults_when_no_file(tmp_path):
    cfg = load_config(cwd=tmp_path)
    assert cfg.path is None
    assert cfg["crawl"]["max_pages"] == 500
    assert cfg["rules"]["select"] == ["all"]


def test_seotool_toml_is_found_and_merged(tmp_path):
    write(tmp_path, '[crawl]\nmax_pages = 7\n[clinic]\nname = "A Clinic"\n')
    cfg = load_config(cwd=tmp_path)
    assert cfg["crawl"]["max_pages"] == 7
    assert cfg["crawl"]["concurrency"] == 4  # defaults kept
    assert cfg.clinic["name"] == "A Clinic"
    assert cfg.has_clinic_profile


def test_pyproject_tool_table(tmp_path):
    write(tmp_path, '[project]\nname="x"\n[tool.seotool.crawl]\nmax_depth = 3\n', "pyproject.toml")
    assert load_config(cwd=tmp_path)["crawl"]["max_depth"] == 3


def test_pyproject_without_table_is_ignored(tmp_path):
    write(tmp_path, '[project]\nname="x"\n', "pyproject.toml")
    assert load_config(cwd=tmp_path).path is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[crawl]\nmax_pagez = 3\n", "crawl.max_pagez"),
        ("[crawel]\nmax_pages = 3\n", "[crawel]"),
        ('[crawl]\nmax_pages = "many"\n', "crawl.max_pages"),
        ("[crawl]\nignore_robots = 1\n", "crawl.ignore_robots"),
        ('[clinic]\nservice_area = "Concord"\n', "clinic.service_area"),
        ("[crawl]\nmax_pages = -1\n", "crawl.max_pages"),
        ("crawl = 3\n", "[crawl]"),
    ],
)
def test_bad_keys_and_types_are_named(tmp_path, text, named):
    p = write(tmp_path, text)
    with pytest.raises(ConfigError) as exc:
        load_config(p)
    assert named in str(exc.value)
    assert "\n" not in str(exc.value)


def test_malformed_toml_is_one_line(tmp_path):
    p = write(tmp_path, "[crawl\nmax_pages = 3\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(p)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


def test_family_settings_are_validated(tmp_path):
    p = write(tmp_path, "[readability]\ntarget_grade = 7\n")
    cfg = load_config(p, family_settings={"readability": {"target_grade": 8}})
    assert cfg["readability"]["target_grade"] == 7
    p = write(tmp_path, '[readability]\ntarget_grade = "low"\n')
    with pytest.raises(ConfigError, match="readability.target_grade"):
        load_config(p, family_settings={"readability": {"target_grade": 8}})


def test_float_accepts_int(tmp_path):
    p = write(tmp_path, "[crawl]\ndelay = 1\n")
    assert load_config(p)["crawl"]["delay"] == 1.0


def test_url_ignores_need_a_reason(tmp_path):
    p = write(tmp_path, '[[ignore.urls]]\npattern = "*/legal/*"\nrules = ["readability"]\n')
    with pytest.raises(ConfigError, match=r"ignore.urls\[0\].reason"):
        load_config(p)
    p = write(tmp_path, '[[ignore.urls]]\npattern = "*/legal/*"\nreason = "counsel"\n')
    assert load_config(p)["ignore"]["urls"][0]["reason"] == "counsel"
