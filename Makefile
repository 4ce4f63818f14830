# Set-up is part of every command: a fresh clone needs only python3 (and make).
#   make serve   the site with live reload on http://127.0.0.1:8000
#   make test    the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# MkDocs 1.6 prints a banner about MkDocs 2.0 on every run; we pin <2 on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

serve: $(BIN)/.installed
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict

test: $(BIN)/.installed
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
