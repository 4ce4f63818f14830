"""Links are the same in every language and every one of them resolves."""

import pytest

from siteinfo import LANGUAGES, PAGES, language_page_params


def link_signature(built_site, path):
    """What a page's content links to, independent of its language."""
    content = built_site.content(path)
    signature = set()
    for link in built_site.links(path, within=content):
        if link.kind == "internal":
            target = built_site.without_prefix(link.path)
            signature.add(f"page {target}#{link.fragment}" if link.fragment else f"page {target}")
        elif link.kind in ("tel", "mailto"):
            signature.add(f"{link.kind}:{link.address}")
        else:
            signature.add(f"url {link.href}")
    return signature


@pytest.mark.parametrize("page", PAGES)
def test_links_are_consistent_across_languages(built_site, page):
    reference, *others = LANGUAGES
    reference_path = built_site.page_path(reference, page)
    expected = link_signature(built_site, reference_path)
    problems = []
    for lang in others:
        path = built_site.page_path(lang, page)
        actual = link_signature(built_site, path)
        if actual != expected:
            problems.append(
                f"docs/{reference.code}/{page} ({reference_path}) and docs/{lang.code}/{page} ({path}) "
                f"link differently:\n  only in {reference.code}: {sorted(expected - actual)}"
                f"\n  only in {lang.code}: {sorted(actual - expected)}"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_every_internal_link_and_anchor_resolves(built_site, lang, page):
    path = built_site.page_path(lang, page)
    broken = [
        f"{link.href} -> {reason}"
        for link in built_site.links(path)
        if link.kind == "internal" and (reason := built_site.broken(link))
    ]
    assert not broken, f"{path}: " + "; ".join(broken)


def test_the_404_page_links_resolve(built_site):
    broken = [
        f"{link.href} -> {reason}"
        for link in built_site.links("404.html")
        if link.kind == "internal" and (reason := built_site.broken(link))
    ]
    assert not broken, "404.html: " + "; ".join(broken)
