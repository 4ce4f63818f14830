"""The registry of the editor check's rules.

A rule is a function decorated with ``@rule(name, scope)`` in the module of its family. Its
docstring is its documentation: the first line says what it catches, then ``Why:`` and
``Fix:`` paragraphs (``scripts/check.py --help`` lists the first lines; the tests require all
three). The scope says what the rule is given:

- ``config``: the project root (a ``Path``): the configuration files, before MkDocs reads them;
- ``site``: the ``Project`` (every language at once);
- ``file``: one ``Source`` (one Markdown file);
- ``build``: the ``Project`` and the ``Build`` (MkDocs' output and the built pages).

Every rule returns a list of ``sitekit.problems.Problem``.
"""

from __future__ import annotations

import inspect
import re
import sys
from dataclasses import dataclass
from typing import Callable

SCOPES = ("config", "site", "file", "build")


@dataclass(frozen=True)
class Rule:
    name: str  # "duplicate-id": what --help and the docs call it
    scope: str  # one of SCOPES
    function: Callable
    family: str  # the title of its module's family: "Markup and links"
    module: str  # "sitekit.check.markup"
    # Problems of the rules that run first and matter most are printed first (GitHub keeps only
    # the first 10 annotations of a step): 0 configuration, 1 missing pages, 2 the rest.
    rank: int = 2

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.function.__doc__ or "")

    @property
    def summary(self) -> str:
        """The docstring's first paragraph, on one line: what the rule catches."""
        return " ".join(self.doc.split("\n\n", 1)[0].split())

    def section(self, title: str) -> str:
        """The text of the docstring's ``Why:`` or ``Fix:`` part (up to the next part or a blank line)."""
        match = re.search(rf"^{title}:(.*?)(?=^(?:Why|Fix):|\n\s*\n|\Z)", self.doc, re.M | re.S)
        return " ".join(match.group(1).split()) if match else ""

    def __call__(self, *args):
        return self.function(*args)


RULES: list[Rule] = []


def rule(name: str, scope: str, rank: int = 2):
    """Register the decorated function as a rule (see the module docstring)."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}")

    def register(function: Callable) -> Rule:
        family = getattr(sys.modules[function.__module__], "FAMILY", function.__module__)
        registered = Rule(name, scope, function, family, function.__module__, rank)
        if any(existing.name == name for existing in RULES):
            raise ValueError(f"two rules named {name!r}")
        RULES.append(registered)
        return registered

    return register


def rules(scope: str | None = None) -> list[Rule]:
    """The registered rules (of one scope), in the order their families were imported."""
    from sitekit.check import FAMILIES, load_families

    load_families()
    order = [f"sitekit.check.{family}" for family in FAMILIES]
    ranked = sorted(RULES, key=lambda r: order.index(r.module) if r.module in order else len(order))
    return [r for r in ranked if scope is None or r.scope == scope]


def by_name(name: str) -> Rule:
    return next(r for r in rules() if r.name == name)
