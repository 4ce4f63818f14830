"""Files the publishing build refuses, beside pages: what an editor puts under docs/ that is
not a Markdown page is published byte for byte, outside the templates and their security
policy, so it must not be able to run script. And mkdocs.yml's extra_javascript may name
only the site's own scripts (overrides/assets/javascripts/), never a file under docs/ or
another site's.

refused_file(path, name)        a script file, an HTML page or XSLT under docs/ (refused
                                whatever it contains), an SVG image that can run script
refused_extra_javascript(config)  extra_javascript entries that are not the site's own
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from sitekit.page_safety import is_remote
from sitekit.problems import Problem

REMOVE_SCRIPT = ("remove it: pages may not run script, so docs/ holds no script files "
                 "(the site's own behaviour is in overrides/assets/javascripts/, reviewed separately)")
REMOVE_PAGE = ("write the page in Markdown (docs/<language>/<name>.md) or remove the file: an HTML file "
               "under docs/ is published as it is, without the site's templates and security policy")
# By file name: (what it is, how to fix). A browser runs these, or pages made from them.
REFUSED_SUFFIXES = {
    ".js": ("a script file", REMOVE_SCRIPT),
    ".mjs": ("a script file (JavaScript module)", REMOVE_SCRIPT),
    ".cjs": ("a script file", REMOVE_SCRIPT),
    ".html": ("an HTML file", REMOVE_PAGE),
    ".htm": ("an HTML file", REMOVE_PAGE),
    ".xhtml": ("an XHTML file", REMOVE_PAGE),
    ".xht": ("an XHTML file", REMOVE_PAGE),
    ".shtml": ("an HTML file", REMOVE_PAGE),
    ".xsl": ("an XSLT stylesheet, which turns XML into pages that can run script", REMOVE_PAGE),
    ".xslt": ("an XSLT stylesheet, which turns XML into pages that can run script", REMOVE_PAGE),
    ".svgz": ("a compressed SVG image, which this check cannot read (SVG can run script)",
              "save it as a plain .svg file"),
}
SVG_FIX = ("remove it (save the drawing again without script, or as PNG): an SVG file runs its script "
           "when someone opens it from the site")
_SCRIPT_URL = re.compile(r"(?:java|vb)script:", re.IGNORECASE)


def refused_file(path: Path, name: str) -> list[Problem]:
    """Why a file under docs/ may not be published (``name`` is its project-relative path)."""
    suffix = path.suffix.lower()
    if suffix in REFUSED_SUFFIXES:
        what, fix = REFUSED_SUFFIXES[suffix]
        return [Problem(name, None, f"{what} under docs/", fix)]
    if suffix == ".svg":
        return svg_problems(path, name)
    return []


def svg_problems(path: Path, name: str) -> list[Problem]:
    """Script in an SVG image: <script>, <foreignObject> (HTML inside), on…= attributes,
    javascript:/vbscript: URLs. Read as XML without entities, DTDs or network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as error:
        line = error.lineno if error.lineno and error.lineno > 0 else None
        return [Problem(name, line, f"the SVG image is not well-formed XML ({error.msg})",
                        "save it again from the drawing program (browsers show no broken SVG)")]
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        local = etree.QName(element).localname
        if local in ("script", "foreignObject"):
            what = "runs script" if local == "script" else "can hold HTML that runs script"
            problems.append(Problem(name, element.sourceline, f"the SVG image has a <{local}> element, which {what}",
                                    SVG_FIX))
        for attribute, value in element.attrib.items():
            attribute = etree.QName(attribute).localname.lower()
            if attribute.startswith("on"):
                problems.append(Problem(name, element.sourceline,
                                        f"the SVG image has an event-handler attribute {attribute}=, which runs script",
                                        SVG_FIX))
            elif _SCRIPT_URL.search(re.sub(r"[\x00-\x20\x7f]", "", value)):
                problems.append(Problem(name, element.sourceline,
                                        f"the SVG image has a script URL in {attribute}=, which runs script", SVG_FIX))
    return problems


def _entry_path(entry) -> str:
    return str(getattr(entry, "path", entry))


def refused_extra_javascript(config, config_name: str = "mkdocs.yml") -> list[tuple[object, Problem]]:
    """extra_javascript entries that are not the site's own scripts, each with its problem. The
    site's own are files of the theme's custom_dir (overrides/), not of docs/."""
    custom_dir = config.theme.custom_dir
    docs = Path(config.docs_dir)
    config_file = Path(config.config_file_path)
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    refused = []
    for entry in config.extra_javascript:
        path = _entry_path(entry)
        if is_remote(path) or re.match(r"^[a-z][a-z0-9+.-]*:", path, re.IGNORECASE):
            why = "a script from another site, which the page's policy would block"
        elif (docs / path).exists():
            why = "a script file under docs/"
        elif custom_dir and not path.startswith("/") and (Path(custom_dir) / path).is_file():
            continue  # ours: overrides/assets/javascripts/…, reviewed with the templates
        else:
            why = "not a file of the site's own scripts in overrides/"
        found = re.search(rf"^[^#\n]*{re.escape(path)}", text, re.MULTILINE)
        line = text.count("\n", 0, found.start()) + 1 if found else None
        refused.append((entry, Problem(
            config_name, line, f"extra_javascript lists {path}: {why}",
            "remove the entry: pages may not run script an editor adds; the site's own scripts are files in "
            "overrides/assets/javascripts/, loaded by the templates")))
    return refused
