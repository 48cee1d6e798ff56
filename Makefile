# Fresh machine: `make run` sets up .venv and processes the bundled example; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench clean

# `make run` installs the core only (SQLite, search, API, dashboard); `make test` adds the [dev] extra
# (test tools, PostgreSQL driver, PySpark, pyarrow, matplotlib).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install -q -e '.[dev]'
	touch $(DEV_STAMP)

run: $(STAMP)
	$(BIN)/rasd process examples/ --format pretty
	$(BIN)/rasd ingest examples/ --db rasd.db
	$(BIN)/rasd search 'اردوغان العراق' --db rasd.db
	@echo "Open the dashboard: $(BIN)/rasd serve --db rasd.db   then browse http://127.0.0.1:8000/"

test: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: $(DEV_STAMP)
	$(BIN)/python bench/process_throughput.py

clean:
	rm -rf $(VENV) build *.egg-info
