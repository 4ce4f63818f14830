"""Pages without the templates' indentation: about a third of a page's HTML is whitespace
that Jinja's nesting leaves behind. minify-html is spec-aware (it keeps <pre> and inline
text spacing); closing tags stay, and scripts and styles are not rewritten. The site's own
stylesheet and scripts are published without their comments (sitekit/minify.py)."""

import minify_html
from mkdocs.plugins import event_priority

from sitekit.minify import minified

OPTIONS = dict(keep_closing_tags=True, keep_html_and_head_opening_tags=True, minify_js=False, minify_css=False)


@event_priority(-150)  # after the hooks that read the page, before the security policy (-200)
def on_post_page(output, page, config):
    return minify_html.minify(output, **OPTIONS)


@event_priority(-150)
def on_post_template(output, template_name, config):
    if template_name.endswith(".html") and output.strip():
        return minify_html.minify(output, **OPTIONS)
    return output


@event_priority(-110)  # after static-i18n (-100) has sorted the files by their source paths
def on_files(files, config):
    for file in files:
        if file.abs_src_path and file.abs_src_path.startswith(str(config.theme.custom_dir or "\0")):
            text = minified(file.src_uri, file.content_string)
            if text is not None:
                file.content_string = text
    return files
