# Two commands do everything: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run dev test install install-test migrate demo serve worker bench bench-catalogue bench-public lint docs clean fuzz bench-load

# The production server (gunicorn + WhiteNoise) and the task worker; the first lines printed say
# where the site is and which demo accounts exist. `make dev` is the auto-reloading server instead.
run: install migrate demo serve

dev: install migrate demo
	@echo "Confiance (développement, rechargement automatique) : http://$(HOST):$(PORT)/"
	@$(PY) manage.py runworker --reload --queue-name '*' -v 0 & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	DEBUG=True $(PY) manage.py runserver $(HOST):$(PORT)

test: install-test
	scripts/ensure-chromium
	$(PY) -m pytest $(PYTEST_ARGS)

# pip's output goes to .venv/pip.log and is shown only when it fails.
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
PIPLOG := $(VENV)/pip.log

$(VENV)/bin/python:
	@echo "Installation de Confiance dans $(VENV) (une seule fois, quelques minutes)…"
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) --upgrade pip >$(PIPLOG) 2>&1 || { cat $(PIPLOG); exit 1; }

# The stamp files make a second `make run` reuse what is installed.
$(VENV)/.installed: requirements.txt pyproject.toml | $(VENV)/bin/python
	@$(PIP) -r requirements.txt >$(PIPLOG) 2>&1 || { cat $(PIPLOG); exit 1; }
	@$(PIP) --no-deps -e . >$(PIPLOG) 2>&1 || { cat $(PIPLOG); exit 1; }
	@touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	@$(PIP) -r requirements-test.txt >$(PIPLOG) 2>&1 || { cat $(PIPLOG); exit 1; }
	@touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	@$(PY) manage.py migrate --no-input -v 0

# The demo is loaded once; `serve` lists its accounts.
demo: migrate
	@$(PY) manage.py loaddemo >/dev/null

# gunicorn serves the site (WhiteNoise the static files); the background worker (harvests,
# large imports, audits) runs beside it and stops with it (confiance/core/management/commands/serve.py).
serve: install
	@$(PY) manage.py serve --host $(HOST) --port $(PORT)

worker: install
	$(PY) manage.py runworker --queue-name '*'

bench: install-test
	$(PY) bench/register.py

bench-library: install-test
	$(PY) bench/library.py

bench-catalogue: install-test
	$(PY) bench/catalogue.py

bench-public: install-test
	$(PY) bench/public.py

# The API fuzzed at length against its OpenAPI document, with every kind of token (zero 5xx allowed).
FUZZ_EXAMPLES ?= 300
fuzz: install-test
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -q -p no:cacheprovider confiance/api/tests/test_fuzz_openapi.py

# 200 public readers and 20 API writers against gunicorn and PostgreSQL (bench/load.py --help).
bench-load: install-test
	$(PY) bench/load.py

lint: install-test
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) var
