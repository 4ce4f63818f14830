"""Every built page, the not-found page included, carries its Content-Security-Policy."""

from mkdocs.plugins import event_priority

from sitekit.csp import with_policy


@event_priority(-200)  # last: after every other hook has finished changing the page
def on_post_page(output, page, config):
    return with_policy(output)


@event_priority(-200)
def on_post_template(output, template_name, config):
    return with_policy(output) if template_name.endswith(".html") and output.strip() else output
