"""The site search index: one folder per language, search/<locale>/, written at build time from
each page's rendered HTML (hooks/search_index.py) and read by search.js, which loads the folder
of the page's own language only (results stay in the reader's edition), and of that folder only
what a query needs, the way Pagefind splits its index:

- ``meta.json``: the page count, the range of terms in each chunk, and the rules the text was
  folded with (sitekit/search_text.py) and the keyboard layouts to retry a query in
  (sitekit/keyboard_layouts.py), as data, so the browser applies the same rules;
- ``terms/<n>.json``: a chunk of the sorted terms with their postings (page, section, which
  fields hold the word, how often the text does), loaded for the prefixes a query asks for;
- ``pages/<n>.json``: one page's title, description and sections as text blocks (list items,
  paragraphs and cells apart), loaded only for the results shown.

A small index (the real site's) is written into meta.json whole (``inline``): one request.

Every word is indexed under its key (lower-case, apostrophes dropped, ў қ ғ ҳ ё folded); on the
Uzbek editions also under its key in the other script, pointing back to the word as written
("via"), so that search.js highlights the word the visitor sees.
"""

from __future__ import annotations

import gzip
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

from sitekit import keyboard_layouts, search_text

INDEX_FOLDER = "search"
META_FILE = "meta.json"
FORMAT = 2
# Not part of a section's text: what never shows, and the headings that are its title.
SKIPPED_ELEMENTS = {"script", "style", "template", "h1", "h2"}
# Elements whose text is a block of its own: a snippet never runs two of them together
# ("…qarori Sanasi: 2021-yil 24-iyun Raqami…").
BLOCK_ELEMENTS = {
    "address", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "h3",
    "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
}
# Where a word stands (bits of a posting): the page's title, its description, a section heading.
IN_TITLE, IN_DESCRIPTION, IN_HEADING = 1, 2, 4
MAX_COUNT = 15  # occurrences in a section's text beyond this add nothing to its score
# A chunk of terms is cut after this many bytes of JSON (about a third of that gzipped); an
# index whose files together gzip to less than INLINE_LIMIT goes into meta.json whole.
CHUNK_BYTES = 24 * 1024
INLINE_LIMIT = 24 * 1024


@dataclass(frozen=True)
class Section:
    anchor: str  # the h2's id; "" for the introduction (and an h2 without an id)
    heading: str  # the h2; the page's title for the introduction
    blocks: tuple[str, ...]  # its text, one string per paragraph, list item, cell…


@dataclass(frozen=True)
class IndexedPage:
    url: str  # relative to the site root: "ru/joining/", "" for the home page
    title: str
    description: str
    sections: tuple[Section, ...]  # the introduction first, then one per h2

    def location(self, section: int) -> str:
        anchor = self.sections[section].anchor
        return f"{self.url}#{anchor}" if anchor else self.url


def index_path(locale: str) -> str:
    """What search.js loads first for one language, relative to the site root."""
    return f"{INDEX_FOLDER}/{locale}/{META_FILE}"


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def read_page(html: str, url: str, fallback_title: str, description: str = "") -> IndexedPage:
    """A rendered page's sections, in document order: the introduction, then one per h2."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    heading = root.find(".//h1")
    title = normalise_space(heading.text_content()) if heading is not None else fallback_title
    sections: list[tuple[str, str, list[list[str]]]] = [("", title, [[]])]

    def new_block():
        if sections[-1][2][-1]:
            sections[-1][2].append([])

    def walk(element):
        tag = element.tag if isinstance(element.tag, str) else None  # None: a comment
        if tag == "h2":
            sections.append((element.get("id") or "", normalise_space(element.text_content()), [[]]))
        elif tag in BLOCK_ELEMENTS:
            new_block()
        if tag is not None and tag not in SKIPPED_ELEMENTS:
            sections[-1][2][-1].append(element.text or "")
            for child in element:
                walk(child)
            if tag in BLOCK_ELEMENTS:
                new_block()
        sections[-1][2][-1].append(element.tail or "")  # text after the element is outside it

    for child in root:
        walk(child)
    return IndexedPage(
        url, title, normalise_space(description),
        tuple(
            Section(anchor, heading, tuple(b for b in (normalise_space("".join(parts)) for parts in blocks) if b))
            for anchor, heading, blocks in sections
        ),
    )


# ── Terms ─────────────────────────────────────────────────────────────────────────────


@dataclass
class _Posting:
    fields: int = 0
    count: int = 0


@dataclass
class _Term:
    postings: dict = field(default_factory=dict)  # (page, section) -> _Posting
    via: set = field(default_factory=set)  # the keys of the words it stands for (other script)


def _terms(pages: list[IndexedPage], locale: str) -> dict[str, _Term]:
    other = search_text.other_script_key(locale)
    terms: dict[str, _Term] = {}

    def add(word: str, page: int, section: int, fields: int, count: int):
        native = search_text.key(word)
        if not native:
            return
        keys = [(native, None)]
        alias = other(word)
        if alias:
            keys.append((alias, native))
        for term_key, via in keys:
            term = terms.setdefault(term_key, _Term())
            posting = term.postings.setdefault((page, section), _Posting())
            posting.fields |= fields
            posting.count += count
            term.via.add(via or term_key)

    for number, page in enumerate(pages):
        for word in search_text.words(page.description):
            add(word, number, 0, IN_DESCRIPTION, 0)
        for section_number, section in enumerate(page.sections):
            for word in search_text.words(section.heading):
                add(word, number, section_number, IN_TITLE if section_number == 0 else IN_HEADING, 0)
            for block in section.blocks:
                for word in search_text.words(block):
                    add(word, number, section_number, 0, 1)
    return terms


def _encoded_postings(term: _Term, section_base: int) -> list[int]:
    """[page delta, value, page delta, value, …], value = section + base × (count + 16 × fields)."""
    flat, previous = [], 0
    for (page, section), posting in sorted(term.postings.items()):
        count = min(posting.count, MAX_COUNT)
        flat += [page - previous, section + section_base * (count + (MAX_COUNT + 1) * posting.fields)]
        previous = page
    return flat


def _chunks(terms: dict[str, _Term], section_base: int, chunk_bytes: int) -> list[dict]:
    """Sorted terms cut into chunks of about chunk_bytes: {"keys", "postings", "via"}.

    "via" maps the position of a term that stands for other words (a key in the other script)
    to those words: their position in the same chunk when they are in it, else their key."""
    encoded = {term_key: _encoded_postings(term, section_base) for term_key, term in terms.items()}
    groups, size = [[]], 0
    for term_key in sorted(terms):
        if groups[-1] and size >= chunk_bytes:
            groups.append([])
            size = 0
        groups[-1].append(term_key)
        size += len(term_key.encode()) + len(_json(encoded[term_key])) + 4
    chunks = []
    for keys in groups:
        if not keys:
            continue
        position = {term_key: number for number, term_key in enumerate(keys)}
        via = {}
        for number, term_key in enumerate(keys):
            words = terms[term_key].via
            if words != {term_key}:
                via[str(number)] = [position.get(word, word) for word in sorted(words)]
        chunks.append({"keys": keys, "postings": [encoded[term_key] for term_key in keys], "via": via})
    return chunks


# ── Files ─────────────────────────────────────────────────────────────────────────────


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _page_data(page: IndexedPage) -> dict:
    return {
        "url": page.url, "title": page.title, "description": page.description,
        "sections": [[section.anchor, section.heading, list(section.blocks)] for section in page.sections],
    }


def index_files(locale: str, pages: list[IndexedPage], chunk_bytes: float = CHUNK_BYTES,
                inline_limit: int = INLINE_LIMIT) -> dict[str, str]:
    """The files of one language's index: {path inside search/<locale>/: JSON text}.
    Deterministic: pages sorted by address, terms by key."""
    ordered = sorted(pages, key=lambda page: page.url)
    most_sections = max((len(page.sections) for page in ordered), default=1)
    section_base = 1 << (most_sections - 1).bit_length()  # the smallest power of two above
    terms = _terms(ordered, locale)
    meta = {
        "format": FORMAT,
        "locale": locale,
        "pages": len(ordered),
        "sectionBase": section_base,
        "maxCount": MAX_COUNT,
        "fields": {"title": IN_TITLE, "description": IN_DESCRIPTION, "heading": IN_HEADING},
        "text": search_text.rules(),
        "layouts": keyboard_layouts.rules(locale),
    }
    page_texts = [_json(_page_data(page)) for page in ordered]
    # JSON gzips to no less than a tenth: a larger text is not even tried whole.
    if sum(map(len, page_texts)) <= 10 * inline_limit:
        whole = _chunks(terms, section_base, chunk_bytes=float("inf"))
        inline = {**meta, "chunks": [[c["keys"][0], c["keys"][-1]] for c in whole],
                  "inline": {"chunks": whole, "pages": [_page_data(page) for page in ordered]}}
        inline_text = _json(inline)
        if len(gzip.compress(inline_text.encode(), mtime=0)) <= inline_limit:
            return {META_FILE: inline_text}
    chunks = _chunks(terms, section_base, chunk_bytes)
    meta["chunks"] = [[chunk["keys"][0], chunk["keys"][-1]] for chunk in chunks]
    files = {META_FILE: _json(meta)}
    files.update({f"terms/{number}.json": _json(chunk) for number, chunk in enumerate(chunks)})
    files.update({f"pages/{number}.json": text for number, text in enumerate(page_texts)})
    return files


def write_index(site_dir: str | Path, locale: str, pages: list[IndexedPage]) -> Path:
    """Write search/<locale>/ afresh (no file of an earlier build is left behind)."""
    folder = Path(site_dir) / INDEX_FOLDER / locale
    if folder.exists():
        shutil.rmtree(folder)
    for relative, text in index_files(locale, pages).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder / META_FILE


# ── Reading (tests, tools) ────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Posting:
    page: int
    section: int
    fields: int
    count: int


def decode_postings(flat: list[int], section_base: int) -> list[Posting]:
    """The inverse of the encoding search.js reads."""
    postings, page = [], 0
    for delta, value in zip(flat[::2], flat[1::2]):
        page += delta
        rest, section = divmod(value, section_base)
        fields, count = divmod(rest, MAX_COUNT + 1)
        postings.append(Posting(page, section, fields, count))
    return postings


@dataclass(frozen=True)
class LoadedIndex:
    meta: dict
    terms: dict  # key -> (postings, the keys of the words it stands for)
    pages: list  # page data, by number

    def find(self, query_key: str) -> dict[str, list[Posting]]:
        """Every term the key begins, with its postings (search.js's lookup, for tests)."""
        return {key: decode_postings(flat, self.meta["sectionBase"])
                for key, (flat, _) in self.terms.items() if key.startswith(query_key)}


def load_index(files: dict[str, str]) -> LoadedIndex:
    """An index from its files ({path inside search/<locale>/: text}), inline or split."""
    meta = json.loads(files[META_FILE])
    inline = meta.get("inline")
    chunks = inline["chunks"] if inline else [json.loads(files[f"terms/{n}.json"]) for n in range(len(meta["chunks"]))]
    pages = inline["pages"] if inline else [json.loads(files[f"pages/{n}.json"]) for n in range(meta["pages"])]
    terms = {}
    for chunk in chunks:
        for number, (term_key, flat) in enumerate(zip(chunk["keys"], chunk["postings"])):
            via = chunk["via"].get(str(number), [term_key])
            terms[term_key] = (flat, [chunk["keys"][word] if isinstance(word, int) else word for word in via])
    return LoadedIndex(meta, terms, pages)


def read_index_folder(folder: str | Path) -> dict[str, str]:
    """The files of a written index folder, as index_files gives them."""
    folder = Path(folder)
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.json"))}
