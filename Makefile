# hwbsite: the two commands a new user needs are `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check clean bench schema

# Create the virtual environment and install the pinned dependencies and the package.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

site: $(STAMP)  ## build the Rotherham site into site/
	$(BIN)/mkdocs build --strict

test: $(STAMP)  ## run every test
	$(BIN)/python -m pytest

serve: $(STAMP)  ## preview at http://127.0.0.1:8000, rebuilding when data/ or content/ changes
	$(BIN)/mkdocs serve --livereload

check: $(STAMP)  ## validate the data and list every warning
	$(BIN)/hwbsite check

schema: $(STAMP)  ## regenerate schemas/ and .vscode/settings.json from the models (commit the result)
	$(BIN)/hwbsite schema

bench: $(STAMP)  ## print build and chart-generation timings
	$(BIN)/python tests/bench.py

clean:
	rm -rf site $(VENV) .pytest_cache .hypothesis *.egg-info
