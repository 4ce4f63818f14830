"""Moved and new pages: the redirects that keep old addresses working (their rules live with
the redirect pages in ``sitekit/redirects.py``) and the navigation labels ``make new-page``
leaves as placeholders (``sitekit/navigation.py``). This family only calls them."""

from __future__ import annotations

from sitekit import navigation, redirects
from sitekit.check.project import Project
from sitekit.check.rules import rule
from sitekit.problems import Problem

FAMILY = "Moved and new pages"


@rule("redirects", "site")
def redirect_rules(project: Project) -> list[Problem]:
    """A redirect (``extra.redirects`` in mkdocs.yml) to a page that does not exist, from a page
    that exists again, or to an address that is itself redirected; and, as a warning, a page of
    the main branch deleted in every language without a redirect from its address.

    Why: a moved page's old address is in bookmarks, search results and other sites' links; a
    redirect that leads nowhere, or none at all, gives readers "page not found".
    Fix: what the line says: `make rename-page FROM=old.md TO=new.md` moves a page and records
    its redirect; a redirect line is `old.md: new.md` under redirects: in mkdocs.yml.
    """
    return redirects.redirect_problems(project.config)


@rule("placeholder-label", "site")
def placeholder_labels(project: Project) -> list[Problem]:
    """A navigation label in ``i18n/<language>.yml`` that still reads TODO (``make new-page``
    leaves one for each title it was not given).

    Why: the label is what the menu shows for the page in that language; a TODO there would
    be published as it is.
    Fix: write the page's title in that language after the label's key, on the line named.
    """
    return navigation.placeholder_labels(project.config)
