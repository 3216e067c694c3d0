# One place for the checks: `make check` runs what CI runs after the README's test command.
# Uses the project's virtual environment when there is one (see README: Set-up).

VENV ?= .venv
BIN := $(if $(wildcard $(VENV)/bin/python),$(VENV)/bin/,)
PYTHON := $(BIN)python

.PHONY: check check-static lint types contracts test snapshot-update bench dev i18n i18n-extract i18n-update i18n-compile

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

# Translations (CONTRIBUTING.md: Translations). `make i18n` after changing or adding texts:
# extract them from the code, merge them into each language's catalogue, and compile those.
# plural/count_of/count_words take (count, one, many); Binding's third argument is its description.
I18N_KEYWORDS := -k plural:2,3 -k count_of:2,3 -k count_words:2,3 -k Binding:3
LOCALE_DIR := coach/locale

i18n: i18n-extract i18n-update i18n-compile

i18n-extract:
	$(BIN)pybabel extract -F babel.cfg $(I18N_KEYWORDS) --add-location=file --sort-output --no-wrap \
		--project=coach --copyright-holder="coach's authors" -o $(LOCALE_DIR)/coach.pot coach

i18n-update:
	$(BIN)pybabel update -i $(LOCALE_DIR)/coach.pot -d $(LOCALE_DIR) -D coach --no-wrap --ignore-pot-creation-date --ignore-obsolete --no-fuzzy-matching

i18n-compile:
	$(BIN)pybabel compile -d $(LOCALE_DIR) -D coach --statistics
