# steerlog: two commands do everything on a fresh machine.
#   make run   - install, load the demo data into SQLite, serve the API on :5000
#                (make run PORT=5001 for another port)
#                (one process: the API and the projector that feeds its lists)
#   make test  - install, then run the whole test suite (PostgreSQL tests skip
#                without a server, except under CI=true where they must run)
#   make typecheck - mypy strict on domain/, service/ and web/ (pyproject.toml
#                names the packages and the few documented overrides)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test install lint typecheck bench demo clean translations

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/steerlog demo --quiet
	$(BIN)/steerlog serve --all-in-one --bind $(HOST):$(PORT)

demo: $(STAMP)
	$(BIN)/steerlog demo

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check domain service web tests bench
	$(BIN)/ruff format --check domain service web tests bench
	$(PYTHON) ../shared/tools/check_layers.py

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m bench.write_throughput

clean:
	rm -rf $(VENV) *.egg-info steerlog.sqlite3*

translations: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -o web/translations/messages.pot --no-location --omit-header .
	$(BIN)/pybabel update -i web/translations/messages.pot -d web/translations --ignore-obsolete --no-fuzzy-matching --width=88
	$(BIN)/pybabel compile -d web/translations
