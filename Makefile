# Set-up is part of every command: a fresh clone needs only python3 (and make).
#   make serve   the site with live reload on http://127.0.0.1:8000
#   make check   the editor check: what an edit broke, where, how to fix it (seconds)
#   make fix     correct Uzbek apostrophes (oʻ gʻ, tutuq) in docs/, then check
#   make status  whether each translation is up to date with its counterparts
#   make new-page PAGE=events.md LABEL="Events" [UZ=… RU=…]   a page in every language, in the nav
#   make rename-page FROM=events.md TO=news/events.md         move it; the old address redirects
#   make preview [BASE=main]  the changed pages in every edition: status, phone and desktop screenshots
#   make test    the whole test suite (make check first)
#   make bench   measure page weight, build time, scaling and the recordings; write BENCHMARKS.md
#   make screenshots  every page × edition × phone/desktop × light/dark into screenshots/
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# MkDocs 1.6 prints a banner about MkDocs 2.0 on every run; we pin <2 on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve check fix status test bench build clean screenshots new-page rename-page preview

# The pinned, hashed dependencies, then sitekit itself (pyproject.toml), editable and without
# a download: setuptools comes from requirements.txt. Every module is compiled at install, on
# all cores (pip alone compiles on one: 2.5-4 s more of a fresh set-up): with
# PYTHONDONTWRITEBYTECODE=1, set on this machine and common in containers, Python would
# otherwise compile what it imports again in every process (BENCHMARKS.md).
$(BIN)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --no-index -e .
	$(BIN)/python -m compileall -q -j 0 $(VENV)/lib >/dev/null
	touch $@

# Our own modules (sitekit, the hooks, the scripts) compiled the same way, again whenever one
# changes: every build, check and script the tests start imports them (0.1-0.2 s a process).
# A file that does not compile is left to the check and the build, which say where.
BYTECODE := $(VENV)/.bytecode
$(BYTECODE): $(BIN)/.installed $(wildcard sitekit/*.py sitekit/*/*.py overrides/hooks/*.py scripts/*.py)
	@$(BIN)/python -m compileall -q -j 0 sitekit overrides/hooks scripts >/dev/null || true
	@touch $@

serve: $(BYTECODE)
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

build: $(BYTECODE)
	$(BIN)/mkdocs build --strict

check: $(BYTECODE)
	$(BIN)/python scripts/check.py

fix: $(BYTECODE)
	$(BIN)/python scripts/check.py --fix

status: $(BYTECODE)
	$(BIN)/python scripts/status.py $(if $(DIFF),--diff)

# PAGE, LABEL, UZ, RU, EN, AFTER, NOT_IN_NAV, FROM and TO reach the scripts in the environment
# (make exports command-line variables), so quotes and spaces in titles need no escaping.
new-page: $(BYTECODE)
	@$(BIN)/python scripts/new_page.py --from-make

rename-page: $(BYTECODE)
	@$(BIN)/python scripts/rename_page.py --from-make

preview: $(BYTECODE)
	$(BIN)/python scripts/preview.py --from-make

# The Nu HTML Checker (vnu.jar, run with Java) comes from the npm registry, pinned in
# package-lock.json. Without npm the HTML validity test skips and says so.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else echo "npm not found: the Nu HTML Checker test will skip (install Node.js and npm)"; fi

# One worker more than there are cores (pytest-xdist): a worker that waits (for the network to
# go idle, a subprocess, the shared build) leaves its core to the extra one; on 2 cores that
# is 6-9 % faster than one a core (BENCHMARKS.md, "Test suite"). Tests that share one
# expensive visit keep to one worker (their xdist_group); the 15 slowest are listed at the
# end, to see where the time goes. `.venv/bin/python -m pytest tests/x.py` runs one file on
# one core; `make test TEST_WORKERS=2` sets the number.
TEST_WORKERS ?= $(shell $(PYTHON) -c "import os; print(len(getattr(os, 'sched_getaffinity', lambda _: range(os.cpu_count() or 1))(0)) + 1)")
test: check node_modules/.installed
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup --durations=15

bench: $(BYTECODE)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_speech.py

# PNGs for people to look at (the system Chromium, as the browser tests launch it).
screenshots: $(BYTECODE)
	$(BIN)/python scripts/screenshots.py --both

clean:
	rm -rf site preview .pytest_cache
