"""Text files every site should have at fixed addresses."""

from __future__ import annotations

import datetime
from pathlib import Path

from sitekit.git_dates import last_commit_time

# RFC 9116 asks for an expiry under a year ahead. It counts from the last commit (not the
# clock, so builds are reproducible): a site left unchanged for a year needs a new commit.
SECURITY_TXT_LIFETIME = datetime.timedelta(days=364)


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def repository_url(environ) -> str | None:
    """The web address of the repository the site is built from: GitHub Actions names it in
    GITHUB_SERVER_URL and GITHUB_REPOSITORY (the deploy and test workflows); SITE_REPOSITORY_URL
    names it elsewhere. None when nothing says."""
    if environ.get("SITE_REPOSITORY_URL"):
        return environ["SITE_REPOSITORY_URL"].rstrip("/")
    if environ.get("GITHUB_SERVER_URL") and environ.get("GITHUB_REPOSITORY"):
        return f"{environ['GITHUB_SERVER_URL'].rstrip('/')}/{environ['GITHUB_REPOSITORY']}"
    return None


def security_txt(site_url: str, repository_web: str, languages: list[str], repository: Path) -> str:
    """RFC 9116. Security reports about this site go to the people who run it, through its
    repository (a private report first, then its issues), not to JSC Almalyk MMC, whose address
    the sources give for proposals to join the Cluster (issue 13)."""
    # Outside a git checkout (an unpacked archive, a test's copy) there is no commit to count
    # from and no reproducibility to keep: the clock is the only reference left.
    committed = last_commit_time(repository) or datetime.datetime.now(datetime.timezone.utc)
    expires = committed + SECURITY_TXT_LIFETIME
    return (
        f"Contact: {repository_web}/security/advisories/new\n"
        f"Contact: {repository_web}/issues\n"
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}\n"
        f"Preferred-Languages: {', '.join(languages)}\n"
        f"Canonical: {site_url.rstrip('/')}/.well-known/security.txt\n"
    )
