"""Every built page, the not-found page included, carries its Content-Security-Policy.

Not under `mkdocs serve`: it injects an inline live-reload script with changing arguments,
which the policy would block. The policy is for the published site (and the tests' builds).
"""

from mkdocs.plugins import event_priority

from sitekit.csp import with_policy

_serving = {"on": False}


def on_startup(command, dirty):
    _serving["on"] = command == "serve"


def _published(output: str) -> str:
    return output if _serving["on"] else with_policy(output)


@event_priority(-200)  # last: after every other hook has finished changing the page
def on_post_page(output, page, config):
    return _published(output)


@event_priority(-200)
def on_post_template(output, template_name, config):
    return _published(output) if template_name.endswith(".html") and output.strip() else output
