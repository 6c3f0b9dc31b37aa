# Tremplin — the single entry point for people who run and develop it.
# `make demo` and `make test` work on a fresh clone (Python 3.11, pip, make, git).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VAR := var

# Demo values: a secret generated once under var/ (never committed), console e-mail, the
# default territory, plain HTTP on the loopback address.
DEMO_ENV = SECRET_KEY="$$(cat $(VAR)/secret_key)" ALLOWED_HOSTS=127.0.0.1,localhost \
	EMAIL_URL=console:// TREMPLIN_TERRITORY=$${TREMPLIN_TERRITORY:-region:84} HTTPS=false \
	SITE_URL=http://127.0.0.1:8000 PATH="$(CURDIR)/$(BIN):$$PATH"

.PHONY: help install system-libraries compile-messages demo test lint fmt messages check-messages bench-communes bench-jobs bench-learning bench-diagnostic clean

help:
	@echo "make demo    installe, prépare la base de démonstration et sert http://127.0.0.1:8000"
	@echo "make test    lance ruff et toute la suite de tests"
	@echo "make lint    vérifie le style (ruff)        make fmt    corrige le style"
	@echo "make messages  met à jour les catalogues de traduction (gettext requis)"

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: system-libraries $(STAMP) compile-messages

# WeasyPrint (PDF certificates and results) needs Pango from the system. Debian 12 usually has
# it; when it is missing and we are root, install it with apt (nothing else is installed).
system-libraries:
	@ldconfig -p 2>/dev/null | grep -q "libpango-1.0.so" || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installation de Pango (PDF)…"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null \
	      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }; \
	  else echo "Attention : installez libpango-1.0-0 (apt) pour les PDF."; fi; }

compile-messages: $(STAMP)
	$(BIN)/python -m tremplin.core.i18n_compile

$(VAR)/secret_key:
	mkdir -p $(VAR)
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

demo: install $(VAR)/secret_key
	$(DEMO_ENV) $(BIN)/tremplin migrate --noinput
	$(DEMO_ENV) $(BIN)/tremplin createcachetable
	$(DEMO_ENV) $(BIN)/tremplin geo load
	$(DEMO_ENV) $(BIN)/tremplin demo
	$(DEMO_ENV) $(BIN)/tremplin collectstatic --noinput --verbosity 0
	@echo ""
	@echo "Tremplin est servi sur http://127.0.0.1:8000 (Ctrl+C pour arrêter)."
	$(DEMO_ENV) $(BIN)/honcho --procfile Procfile.demo start

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	DEBUG=false $(BIN)/python -m django makemigrations --check --dry-run --settings=tremplin.test_settings
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

fmt: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

messages: install
	cd src/tremplin && ../../$(BIN)/django-admin makemessages --locale en --no-obsolete \
		--ignore "static/*" --settings=tremplin.test_settings --pythonpath ../..
	$(MAKE) compile-messages

check-messages: install
	$(BIN)/python -m tremplin.core.i18n_compile --check

bench-communes: install $(VAR)/secret_key
	$(DEMO_ENV) $(BIN)/python bench/commune_search.py

# Job search at scale, on a database and an index of their own (var/bench-jobs/), never the
# demo's. COUNT=25000 for the demo's size; the default is a million offers (about 10 minutes);
# BENCH_ARGS=--import-only stops after the import.
BENCH_JOBS_ENV = DATABASE_URL=sqlite:///$(CURDIR)/$(VAR)/bench-jobs/db.sqlite3 \
	SEARCH_INDEX_DIR=$(CURDIR)/$(VAR)/bench-jobs/search
bench-jobs: install $(VAR)/secret_key
	mkdir -p $(VAR)/bench-jobs
	$(DEMO_ENV) $(BENCH_JOBS_ENV) $(BIN)/python bench/jobs_search.py --count $${COUNT:-1000000} $(BENCH_ARGS)

# These two read the demo's database (run `make demo` first).
bench-learning: install $(VAR)/secret_key
	$(DEMO_ENV) $(BIN)/python bench/learning_pages.py

bench-diagnostic: install $(VAR)/secret_key
	$(DEMO_ENV) $(BIN)/python bench/diagnostic_stats.py

clean:
	rm -rf $(VENV) $(VAR)/static
