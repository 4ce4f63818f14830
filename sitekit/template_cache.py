"""Compiled templates, kept for the process and on disk for the next build.

static-i18n runs a full MkDocs build per language, each with a fresh Jinja environment, and
every build of a fixture project, every `make check` and every `mkdocs serve` rebuild starts
compiling Material's templates and ours again: a tenth of a warm build (BENCHMARKS.md,
"Fifth round"). Jinja's bytecode cache is its documented way round that.

An entry is keyed by the template's name, a checksum of its source and what the compiled
code depends on (Jinja's version and the environment's syntax settings), not by the file's
path: the tests' fixture projects each copy overrides/ to a new folder, and the same source
compiles to the same code wherever it lies. An edited template (`make serve`) has a new
checksum, so it is compiled again. Jinja itself refuses code from another Python version.
"""

from __future__ import annotations

import os
import tempfile
from hashlib import sha1
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

# The settings that change what a template compiles to.
_SYNTAX = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
           "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
           "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized")


def _compiled_with(environment: jinja2.Environment) -> str:
    settings = [repr(getattr(environment, name, None)) for name in _SYNTAX]
    autoescape = environment.autoescape
    settings.append(autoescape if isinstance(autoescape, bool) else getattr(autoescape, "__qualname__", repr(autoescape)))
    return "|".join([jinja2.__version__, *map(str, settings), *sorted(environment.extensions)])


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates in memory, backed by one file per entry in ``folder``."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._memory: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source):
        checksum = self.get_source_checksum(source)
        key = sha1(f"{name}|{checksum}|{_compiled_with(environment)}".encode()).hexdigest()
        bucket = Bucket(environment, key, checksum)
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket):
        code = self._memory.get(bucket.key)
        if code is None:
            try:
                code = (self.folder / bucket.key).read_bytes()
            except OSError:
                return
            self._memory[bucket.key] = code
        bucket.bytecode_from_string(code)  # checks Jinja's and Python's version and the checksum

    def dump_bytecode(self, bucket):
        code = bucket.bytecode_to_string()
        self._memory[bucket.key] = code
        # Written whole and then renamed, so a build running beside this one (the tests'
        # workers) never reads half an entry. A folder that cannot be written only costs time.
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.folder, prefix=bucket.key, suffix=".tmp", delete=False) as file:
                file.write(code)
            os.replace(file.name, self.folder / bucket.key)
        except OSError:
            pass


_caches: dict[Path, TemplateCache] = {}


def template_cache(folder: Path) -> TemplateCache:
    """The process's cache for ``folder`` (one per folder, shared by every build)."""
    folder = Path(folder)
    if folder not in _caches:
        _caches[folder] = TemplateCache(folder)
    return _caches[folder]
