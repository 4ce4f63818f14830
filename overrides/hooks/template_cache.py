"""Templates compile once per process instead of once per language build.

static-i18n runs a full MkDocs build per language, each with a fresh Jinja environment that
would compile every template again. Jinja's bytecode cache is keyed by template name and a
checksum of its source, so an edited template (mkdocs serve) still recompiles.
"""

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self):
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self._store[bucket.key] = bucket.bytecode_to_string()


_cache = MemoryBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = _cache
    return env
