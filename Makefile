# `make` lists the targets. The two that matter: `make run` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
MANAGE := $(BIN)/python manage.py
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run test test-postgres lint check browser-deps test-deps demo bench lock messages vendor clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.lock
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the locked dependencies

demo: install ## Migrate and load the demo data (idempotent)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_data

run: demo ## Install, migrate, load demo data, serve http://127.0.0.1:8000 (SQLite; PORT=8123 for another port)
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install ## ruff, Django checks, migrations up to date
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

browser-deps: ## Debian chromium, CJK fonts and npm (root), only those missing, then axe-core from package-lock.json
	@pkgs=""; \
	command -v chromium >/dev/null || pkgs="$$pkgs chromium"; \
	fc-list 2>/dev/null | grep -qi "cjk" || pkgs="$$pkgs fonts-noto-cjk"; \
	command -v npm >/dev/null || pkgs="$$pkgs npm"; \
	if [ -n "$$pkgs" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq $$pkgs >/dev/null; \
	  else echo "browser test needs: sudo apt-get install$$pkgs"; fi; \
	fi
	@if [ ! -f node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null; then \
	  npm ci --no-audit --no-fund --loglevel=error; \
	fi

test-deps: ## poppler-utils (pdftotext, pdfinfo, pdffonts) for the letter-form tests (needs root)
	@if ! command -v pdftotext >/dev/null || ! command -v pdffonts >/dev/null; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq poppler-utils >/dev/null; \
	  else echo "the letter-form tests need pdftotext: sudo apt-get install poppler-utils"; exit 1; fi; \
	fi

test: install lint browser-deps test-deps ## Lint, then the whole suite on SQLite (PostgreSQL if DATABASE_URL is set)
	$(BIN)/pytest

test-postgres: install test-deps ## The whole suite on PostgreSQL at 127.0.0.1:5432
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	DATABASE_URL=$(PG_URL) $(BIN)/pytest

bench: install ## Print the speed figures: pages, search at 100,000 items, spreadsheets at 10,000 rows, supervision at 100,000 letters, personal-data encryption per field, the credit lookup at 1,000,000 records
	$(BIN)/python -m tests.bench.pages
	$(BIN)/python -m tests.bench.search
	$(BIN)/python -m tests.bench.spreadsheets
	$(BIN)/python -m tests.bench.supervision
	$(BIN)/python -m tests.bench.privacy
	$(BIN)/python -m tests.bench.credit

messages: install ## Recompile the admin's Chinese catalog (cms/locale/*.po -> .mo, committed; needs gettext)
	$(MANAGE) compilemessages --locale zh_Hans --ignore '.venv*'

vendor: ## Copy Apache ECharts from node_modules (package-lock.json) into supervision/static (committed)
	npm ci --no-audit --no-fund --loglevel=error
	cp node_modules/echarts/dist/echarts.common.min.js node_modules/echarts/LICENSE node_modules/echarts/NOTICE supervision/static/supervision/vendor/echarts/
	cp node_modules/zrender/LICENSE supervision/static/supervision/vendor/echarts/LICENSE-zrender
	cp node_modules/tslib/LICENSE.txt supervision/static/supervision/vendor/echarts/LICENSE-tslib

lock: ## Re-resolve requirements.lock from pyproject.toml (uv)
	$(BIN)/pip install --quiet uv && $(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean: ## Remove the virtualenv, database and collected files
	rm -rf $(VENV) db.sqlite3 static_collected artifacts node_modules
