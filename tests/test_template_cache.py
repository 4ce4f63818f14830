"""Compiled templates are kept between builds (sitekit/template_cache.py): a template compiles
once for all language builds and later runs, wherever a project's copy of it lies, and again
as soon as its source changes."""

import os

import jinja2
import pytest

from sitekit.template_cache import TemplateCache


@pytest.fixture
def compiled(monkeypatch):
    """The names of the templates Jinja compiles from now on."""
    names = []
    compile_ = jinja2.Environment._compile

    def counting(self, source, filename):
        names.append(os.path.basename(filename))
        return compile_(self, source, filename)

    monkeypatch.setattr(jinja2.Environment, "_compile", counting)
    return names


def render(folder, cache_folder, name="page.html", **values):
    """A render as a new process would do it: a fresh environment and a fresh cache object."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=TemplateCache(cache_folder))
    return env.get_template(name).render(**values)


def test_a_template_compiles_once_across_runs_and_project_copies(tmp_path, compiled):
    for project in ("one", "two"):
        (tmp_path / project).mkdir()
        (tmp_path / project / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    cache = tmp_path / "cache"
    assert render(tmp_path / "one", cache, title="A") == "<h1>A</h1>"
    assert compiled == ["page.html"]
    assert len(list(cache.iterdir())) == 1, "the compiled code is on disk"
    assert render(tmp_path / "one", cache, title="B") == "<h1>B</h1>"
    assert render(tmp_path / "two", cache, title="C") == "<h1>C</h1>"  # another copy, same source
    assert compiled == ["page.html"], "a later run compiled the same source again"


def test_an_edited_template_is_compiled_again(tmp_path, compiled):
    (tmp_path / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    cache = tmp_path / "cache"
    render(tmp_path, cache, title="A")
    (tmp_path / "page.html").write_text("<h2>{{ title }}</h2>", encoding="utf-8")
    assert render(tmp_path, cache, title="A") == "<h2>A</h2>"
    assert compiled == ["page.html", "page.html"]


def test_a_damaged_entry_is_compiled_again(tmp_path, compiled):
    (tmp_path / "page.html").write_text("{{ 1 + 1 }}", encoding="utf-8")
    cache = tmp_path / "cache"
    render(tmp_path, cache)
    (entry,) = cache.iterdir()
    entry.write_bytes(b"not Jinja bytecode")
    assert render(tmp_path, cache) == "2"
    assert len(compiled) == 2


def test_other_syntax_settings_are_another_entry(tmp_path, compiled):
    (tmp_path / "page.html").write_text("  {% if true %}x{% endif %}\n", encoding="utf-8")
    cache = TemplateCache(tmp_path / "cache")
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=cache)
    trimmed = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=cache,
                                 lstrip_blocks=True, keep_trailing_newline=True)
    assert plain.get_template("page.html").render() == "  x"
    assert trimmed.get_template("page.html").render() == "x\n"


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path, compiled):
    (tmp_path / "page.html").write_text("{{ 2 * 3 }}", encoding="utf-8")
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    assert render(tmp_path, blocked) == "6"
    assert render(tmp_path, blocked) == "6"
    assert len(compiled) == 2
