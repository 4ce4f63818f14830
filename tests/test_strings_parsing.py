"""The language files are parsed with libyaml when PyYAML has it (sitekit/strings.py): the same
data as PyYAML's own parser, and for a broken file the same message and line editors saw."""

import pytest
import yaml

from sitekit import strings

SAMPLE = """\
language: uz
site_name: "Mis klasteri"
count: 148,0
date: 2021-06-24
empty:
flag: yes
theme:
  site.listen: Tinglash
  multi: |
    birinchi qator
    ikkinchi qator
  quoted: 'oʻzbek tili: "qoʻshtirnoq"'
nav:
  - Bosh sahifa
  - {Hujjatlar: resolution.md}
"""


def test_the_fast_parser_gives_pyyamls_data():
    assert strings._FAST_LOADER is not None, "PyYAML without libyaml: the wheel in requirements.txt has it"
    assert strings._parse(SAMPLE) == yaml.safe_load(SAMPLE)


def test_a_broken_file_gets_pyyamls_message_and_line(tmp_path):
    broken = SAMPLE.replace("site_name: \"Mis klasteri\"", "site_name: \"Mis klasteri")
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "uz.yml").write_text(broken, encoding="utf-8")
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.safe_load(broken)
    with pytest.raises(strings.StringsError) as raised:
        strings.load_strings(tmp_path, "uz")
    line = expected.value.problem_mark.line + 1
    assert str(raised.value).startswith(f"{tmp_path / 'i18n' / 'uz.yml'}:{line}: not valid YAML ({expected.value})")
