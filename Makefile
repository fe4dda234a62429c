# The two commands of the README: `make serve` and `make test`.
# Both set up what is missing first (scripts/setup.sh), so a fresh clone needs nothing else.

VENV    := .venv
BANTIN  := $(VENV)/bin/bantin
PYTEST_WORKERS ?= 2
HOST    ?= 127.0.0.1
PORT    ?= 8000

.PHONY: help setup setup-test build serve test lint typecheck pytest clean

help:
	@echo "make serve   set up, build the archive from sources/ and serve it on http://$(HOST):$(PORT)/"
	@echo "make test    set up and run the whole test suite (lint, types, unit, site, browser)"
	@echo "make build   set up and build the archive into site/"
	@echo "make clean   remove site/ and test caches (keeps .venv and node_modules)"

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --with-test-tools

build: setup
	$(BANTIN) build

serve: build
	@echo "Serving the archive on http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	$(BANTIN) serve --host $(HOST) --port $(PORT)

# Every check runs even when an earlier one fails, so one run reports all of them.
test: setup-test
	@status=0; \
	$(MAKE) --no-print-directory lint || status=1; \
	$(MAKE) --no-print-directory typecheck || status=1; \
	$(MAKE) --no-print-directory pytest || status=1; \
	if [ $$status -ne 0 ]; then echo "make test: FAILED (see above)" >&2; fi; \
	exit $$status

lint:
	$(VENV)/bin/ruff check scripts tests

typecheck:
	$(VENV)/bin/mypy scripts

# pytest exits 5 when it collected nothing; treat that as a failure with a clear message.
pytest:
	@$(VENV)/bin/pytest -n $(PYTEST_WORKERS) -p no:cacheprovider --durations=10; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing" >&2; fi; exit $$rc

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
