# hwbsite: the two commands a new user needs are `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := 1

.PHONY: site site-properdocs site-zensical engines test test-fast serve check clean bench schema browser-tools generate screenshots locks

# Create the virtual environment and install the pinned dependencies and the package.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Test-only dependencies (pytest, hypothesis, playwright) on top of the runtime ones.
$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.lock
	touch $(TEST_STAMP)

site: $(STAMP)  ## build the Rotherham site into site/
	$(BIN)/mkdocs build --strict

# The same site on the two other engines (issue 22; README "Engines"), each in its own venv pinned by
# its own lock, so a board can move when MkDocs 1.x or Material stops. tests/browser/test_engines.py
# builds all three and holds them to the same rules.
PD_VENV  := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed
ZS_VENV  := .venv-zensical
ZS_STAMP := $(ZS_VENV)/.installed

$(PD_STAMP): requirements.lock requirements-properdocs.lock pyproject.toml
	test -x $(PD_VENV)/bin/python || $(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.lock
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(PD_STAMP)

$(ZS_STAMP): requirements-zensical.lock
	test -x $(ZS_VENV)/bin/python || $(PYTHON) -m venv $(ZS_VENV)
	$(ZS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.lock
	touch $(ZS_STAMP)

engines: $(PD_STAMP) $(ZS_STAMP)  ## install ProperDocs and Zensical (the tests build the site with each)

# ProperDocs runs our plugin as MkDocs does (mkdocs.yml as it is, Pagefind included).
site-properdocs: $(PD_STAMP)  ## build the site with ProperDocs into site-properdocs/
	$(PD_VENV)/bin/properdocs build --strict -f mkdocs.yml --site-dir site-properdocs

# Zensical runs no MkDocs plugin: it builds the plain tree `hwbsite generate` writes; then hwbsite
# verify applies the post-build pass (--finish: the Content Security Policy and HTML mends the plugin
# makes, trusting Zensical's own templates' inline scripts), indexes the finished pages (--index) and
# checks the result.
site-zensical: $(STAMP) $(ZS_STAMP)  ## build `hwbsite generate`'s tree with Zensical into site-zensical/
	$(BIN)/hwbsite generate --out generated
	cd generated && ../$(ZS_VENV)/bin/zensical build --strict
	rm -rf site-zensical && mv generated/site site-zensical
	$(BIN)/hwbsite verify site-zensical --data . --finish --index --theme-dir generated/overrides \
	  --theme-dir $$($(ZS_VENV)/bin/python -c 'import os, zensical; print(os.path.join(os.path.dirname(zensical.__file__), "templates"))')

# Two runs: the tests without a browser on both cores (each works in its own temporary folder), then
# the browser tests in one process, which share one served site and one Chromium. Two browser workers
# (`pytest -n 2 --dist loadfile -m browser`, sharing one build: tests/conftest.py) ran it in 21 min
# instead of ~30, but with two Chromiums on two cores a heading jump on a chart page and a search
# fetch were judged before they settled: kept for when those waits are sound. Each run fails on its
# own when it collects nothing (pytest's exit code 5), so a run that ran nothing still fails.
test: $(TEST_STAMP) browser-tools engines  ## run every test (browser, accessibility and HTML checks included)
	$(BIN)/ruff check hwbsite tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 -m "not browser"
	$(BIN)/python -m pytest -m browser

test-fast: $(TEST_STAMP)  ## the fast loop: lint, types, and every test that needs no browser, server or full real-site build
	$(BIN)/ruff check hwbsite tests   # the rule set in pyproject.toml
	$(BIN)/mypy                       # the files and strictness in pyproject.toml
	$(BIN)/python -m pytest -q -n 2 -m "not slow and not browser"   # two workers: the machine's two cores

generate: $(STAMP)  ## write the site as a plain docs tree in generated/ (builds with plain MkDocs)
	$(BIN)/hwbsite generate --out generated

# --dirty: after a save MkDocs renders again only the pages whose Markdown changed (hwbsite/rebuilds.py;
# README "Preview"). A change to the nav, the board's name or the set of pages still rebuilds them all.
serve: $(STAMP)  ## preview at http://127.0.0.1:8000, rebuilding when data/ or content/ changes
	$(BIN)/mkdocs serve --livereload --dirty

# Warnings acknowledged in data/known-issues.yml are counted, not listed: what is shown is new.
# On a branch of a clone that has origin/main, warnings are shown only on the lines changed since it
# (errors, and acknowledgements that match nothing, always); `make check SINCE=` shows every new one.
SINCE ?= $(shell git rev-parse -q --verify origin/main >/dev/null 2>&1 && echo origin/main)
check: $(STAMP)  ## validate the data and list every new warning (see data/known-issues.yml)
	$(BIN)/hwbsite check $(if $(SINCE),--changed-since $(SINCE))

schema: $(STAMP)  ## regenerate schemas/ and .vscode/settings.json from the models (commit the result)
	$(BIN)/hwbsite schema

bench: $(TEST_STAMP) browser-tools  ## print build, chart-generation and preview timings, then Lighthouse scores
	$(BIN)/python tests/bench.py
	$(BIN)/python tests/bench_preview.py
	$(BIN)/python -m tests.browser.lighthouse_bench

# The browser checks' tools, pinned in tests/browser/package-lock.json: axe-core, vnu-jar
# (the Nu HTML Checker, run with the machine's java) and lighthouse. --ignore-scripts: vnu-jar's
# install script would download a Java runtime. Without npm the browser checks are SKIPPED,
# loudly (under CI=true they fail instead).
BROWSER_TOOLS := tests/browser/node_modules/.package-lock.json
browser-tools: $(BROWSER_TOOLS)
$(BROWSER_TOOLS): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else \
	  echo "npm not found: browser checks will be SKIPPED (install Node.js and npm)"; \
	fi

# The lock files, from pyproject.toml (pip-compile keeps every pin that still satisfies it; to
# upgrade a package, delete its lines first). tests/test_locks.py checks that this writes them unchanged.
PIP_COMPILE = $(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links
locks: $(TEST_STAMP)  ## write requirements.lock and requirements-test.lock from pyproject.toml
	$(PIP_COMPILE) --output-file requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra test --extra data --extra plotly --output-file requirements-test.lock pyproject.toml
	$(PIP_COMPILE) --output-file requirements-properdocs.lock requirements-properdocs.in
	$(PIP_COMPILE) --output-file requirements-zensical.lock requirements-zensical.in

clean:
	rm -rf site site-properdocs site-zensical generated $(VENV) $(PD_VENV) $(ZS_VENV) .pytest_cache .hypothesis *.egg-info tests/browser/node_modules

screenshots: $(STAMP)  ## PNGs of every page type at 390 and 1366 px, light and dark, into screenshots/
	$(BIN)/python -m tests.browser.screenshots --out screenshots
