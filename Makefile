# The two set-up commands are `make run` and `make test`; everything else is for developers.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py

.PHONY: run test explore lint format messages migrations-check screenshots bench clean venv
.PHONY: backup restore audit
.PHONY: soak
.PHONY: scan

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install python3.11 and try again."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

venv: $(VENV)/.installed

## make run: install, migrate the SQLite database, seed demo content, create local users, serve.
run: $(VENV)/.installed
	DEBUG=1 $(MANAGE) migrate --no-input
	DEBUG=1 $(MANAGE) seed_demo --if-empty
	DEBUG=1 $(MANAGE) refresh_matches --missing
	DEBUG=1 $(MANAGE) ensure_local_users
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

## make test: install and run the whole suite (browser tests too when Chromium is present).
test: $(VENV)/.installed node_modules/.installed
	SECRET_KEY="$${SECRET_KEY:-tests-only-secret-key-not-for-production}" $(BIN)/pytest $(PYTEST_ARGS)

## make explore: the Hypothesis tests with a random seed and ten times the examples; `make test`
## draws the same examples on every run, as CI does (profiles in tests/conftest.py).
explore: $(VENV)/.installed
	SECRET_KEY="$${SECRET_KEY:-tests-only-secret-key-not-for-production}" $(BIN)/pytest -m "not e2e" \
		--hypothesis-profile=explore tests/test_hostile_input.py $(PYTEST_ARGS)

## make screenshots: full-page screenshots of every page type at 320 and 1280 px in screenshots/.
screenshots: $(VENV)/.installed node_modules/.installed
	SECRET_KEY="$${SECRET_KEY:-tests-only-secret-key-not-for-production}" $(BIN)/pytest -q -s tests/e2e/screenshots.py

# Test-only tools from npm (the Nu HTML Checker). Without npm the check is skipped locally.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the HTML validity check will be skipped (CI installs it)."; fi

## make bench: load benchmark at 100,000 innovations (PostgreSQL, Redis, gunicorn, wrk).
bench: $(VENV)/.installed
	$(PY) bench/run.py

## make soak: 5 minutes of mixed reading and writing by many signed-in users at 16 connections
## (PostgreSQL, Redis, gunicorn): zero 5xx, worker memory growth < 10%, every written row
## present. SOAK_SECONDS=30 for a short run; writes docs/benchmarks.md.
soak: $(VENV)/.installed
	$(PY) bench/soak.py

## make lint: ruff, and the import contract of pyproject.toml (layers; docs/architecture.md).
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make messages: refresh the Dutch and English catalogues from the source and compile them.
## The compiled .mo files are committed, so running the site needs no gettext tools.
messages: $(VENV)/.installed
	DEBUG=1 $(MANAGE) makemessages -l nl --no-obsolete --ignore=.venv --ignore=.scan-venv --ignore=tests \
		--ignore=staticfiles --ignore=node_modules --ignore=locale_overrides
	@# Source strings are English: the English catalogue repeats every msgid of the Dutch one.
	mkdir -p locale/en/LC_MESSAGES
	msgfilter --keep-header -i locale/nl/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po sed -e d
	msgen locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po
	sed -i 's/^"Language: nl\\n"/"Language: en\\n"/; s/^"Language-Team: Dutch\\n"/"Language-Team: English\\n"/' locale/en/LC_MESSAGES/django.po
	@# Where our templates reuse allauth's msgids, the wording of locale_overrides/ wins.
	for lang in nl en; do \
		po=locale/$$lang/LC_MESSAGES/django.po; \
		msgcat --use-first locale_overrides/$$lang/LC_MESSAGES/django.po $$po -o $$po.merged && \
		msgmerge -q --no-fuzzy-matching -o $$po.merged $$po.merged $$po && \
		msgattrib --no-obsolete -o $$po $$po.merged && rm $$po.merged; \
	done
	DEBUG=1 $(MANAGE) compilemessages --ignore=.venv --ignore=.scan-venv --ignore=node_modules
	@msgfmt --statistics -o /dev/null locale/nl/LC_MESSAGES/django.po

migrations-check: $(VENV)/.installed
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run

## make backup: the PostgreSQL database and MEDIA_ROOT in one tar file under backups/
## (or BACKUP=path). Uses the environment's DATABASE_URL; see docs/operations.md.
backup: $(VENV)/.installed
	$(MANAGE) backup $(if $(BACKUP),--output "$(BACKUP)")

## make restore BACKUP=backups/hubsi-....tar: into an empty database and media folder.
restore: $(VENV)/.installed
	@test -n "$(BACKUP)" || { echo "Name the backup: make restore BACKUP=backups/hubsi-....tar"; exit 1; }
	$(MANAGE) restore "$(BACKUP)"

## make audit: pip-audit over the pinned dependencies; says NOT AUDITED where the advisory
## service cannot be reached (docs/security.md).
audit:
	$(PYTHON) ops/audit.py

## make scan: wapiti and sqlmap against a throwaway local server seeded with demo content, from
## their own virtual environment (.scan-venv/); reports in reports/scan/; exits 1 on a finding.
## SCAN_MINUTES (8) bounds it; SCAN_DATABASE_URL=postgres://... scans on PostgreSQL.
scan: $(VENV)/.installed
	$(PY) ops/scan.py

clean:
	rm -rf $(VENV) staticfiles media
