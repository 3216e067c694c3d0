# One place for the checks: `make check` runs what CI runs after the README's test command.
# Uses the project's virtual environment when there is one (see README: Set-up).

VENV ?= .venv
BIN := $(if $(wildcard $(VENV)/bin/python),$(VENV)/bin/,)
PYTHON := $(BIN)python

.PHONY: check check-static lint types contracts test snapshot-update bench dev

check: check-static test

check-static: lint types contracts

lint:
	$(BIN)ruff check .

types:
	$(BIN)mypy

contracts:
	$(BIN)lint-imports

test:
	$(PYTHON) -m pytest

# After an intended change to a screen: write the new pictures, then look at them (git diff / the report).
snapshot-update:
	$(PYTHON) -m pytest tests/tui --snapshot-update

bench:
	$(PYTHON) bench/startup.py
	$(PYTHON) bench/countdown_cpu.py
	$(PYTHON) bench/timer_drift.py
	$(PYTHON) bench/history_scale.py

# The test extras plus the checkers, into .venv.
dev:
	python3 -m venv $(VENV) && $(VENV)/bin/pip install -e '.[test,dev]'
