# Two commands do all the set-up on a fresh machine with python3 (and its headers) and a C compiler:
#   make run    create .venv from uv.lock, then run the curate flow on raw/ into output/
#   make test   create .venv from uv.lock, then run the test suite
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
RAW ?= raw
OUT ?= output
PYTEST_ARGS ?=

# Prefect's settings (state in ./.prefect, telemetry off) are set by flows/environment.py, which
# the CLI and tests/conftest.py call before Prefect is imported.
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)

.PHONY: setup run test lint dictionary bench clean

$(UV):
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Byte-compiled on install: imports are twice as fast with PYTHONDONTWRITEBYTECODE set.
# setup.py builds the C extensions (factsieve/classify/_wordscan.c, factsieve/text/_unwrap.c) in
# place: a change to one re-syncs.
$(VENV)/.synced: pyproject.toml uv.lock setup.py factsieve/classify/_wordscan.c factsieve/text/_unwrap.c | $(UV)
	$(UV) sync --frozen --compile-bytecode
	@touch $@

setup: $(VENV)/.synced

run: setup
	$(VENV)/bin/factsieve run $(RAW) --out $(OUT)

# The report's headless-browser test needs Debian's chromium; installed when root, skipped otherwise.
test: setup
	@if [ "$$(id -u)" = 0 ] && [ ! -x /usr/bin/chromium ]; then scripts/install-chromium.sh || true; fi
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

dictionary: setup
	$(VENV)/bin/factsieve dictionary

clean:
	rm -rf $(OUT) .prefect .pytest_cache
