# Two commands do everything: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-test migrate demo serve worker bench bench-catalogue bench-public lint docs clean

run: install migrate demo serve

test: install-test
	scripts/ensure-chromium
	$(PY) -m pytest $(PYTEST_ARGS)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The stamp files make a second `make run` reuse what is installed.
$(VENV)/.installed: requirements.txt pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	$(PY) manage.py migrate --no-input -v 0

demo: migrate
	$(PY) manage.py loaddemo

# The background worker (harvests, large imports, audits) runs beside the site and stops with it.
serve: install
	@echo "Confiance : http://$(HOST):$(PORT)/  (API : http://$(HOST):$(PORT)/api/docs)"
	$(PY) manage.py db_worker --no-reload --queue-name '*' -v 0 & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: install
	$(PY) manage.py db_worker --queue-name '*'

bench: install-test
	$(PY) bench/register.py

bench-library: install-test
	$(PY) bench/library.py

bench-catalogue: install-test
	$(PY) bench/catalogue.py

bench-public: install-test
	$(PY) bench/public.py

lint: install-test
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) var
