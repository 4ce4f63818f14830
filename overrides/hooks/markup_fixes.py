"""Valid HTML where Material's base.html is out of reach of block overrides."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit.markup_fixes import MarkupChanged, apply_fixes, escape_front_matter


@event_priority(-1000)  # last: the other hooks read the description as plain text first
def on_page_context(context, page, config, nav):
    escape_front_matter(page.meta)
    return context


@event_priority(-140)  # on the template's own output, before minifying (-150)
def on_post_page(output, page, config):
    return _fixed(output, page.file.src_uri)


@event_priority(-140)
def on_post_template(output, template_name, config):
    if template_name.endswith(".html") and output.strip():
        return _fixed(output, template_name)
    return output


def _fixed(html, where):
    try:
        return apply_fixes(html, where)
    except MarkupChanged as error:
        raise PluginError(str(error)) from None
