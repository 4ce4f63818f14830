# Set-up is part of every command: a fresh clone needs only python3 (and make).
#   make serve   the site with live reload on http://127.0.0.1:8000
#   make check   the editor check: what an edit broke, where, how to fix it (seconds)
#   make fix     correct Uzbek apostrophes (oʻ gʻ, tutuq) in docs/, then check
#   make status  whether each translation is up to date with its counterparts
#   make test    the whole test suite (make check first)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# MkDocs 1.6 prints a banner about MkDocs 2.0 on every run; we pin <2 on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve check fix status test build clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

serve: $(BIN)/.installed
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict

check: $(BIN)/.installed
	$(BIN)/python scripts/check.py

fix: $(BIN)/.installed
	$(BIN)/python scripts/check.py --fix

status: $(BIN)/.installed
	$(BIN)/python scripts/status.py

test: check
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
