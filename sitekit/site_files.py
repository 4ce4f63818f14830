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


def security_txt(site_url: str, email: str, languages: list[str], repository: Path) -> str:
    # Outside a git checkout (an unpacked archive, a test's copy) there is no commit to count
    # from and no reproducibility to keep: the clock is the only reference left.
    committed = last_commit_time(repository) or datetime.datetime.now(datetime.timezone.utc)
    expires = committed + SECURITY_TXT_LIFETIME
    return (
        f"Contact: mailto:{email}\n"
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}\n"
        f"Preferred-Languages: {', '.join(languages)}\n"
        f"Canonical: {site_url.rstrip('/')}/.well-known/security.txt\n"
    )
