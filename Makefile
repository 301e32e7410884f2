# Two commands do all set-up: `make demo` and `make test`. Both create .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
SAMPLES := examples/data

.PHONY: demo test lint typecheck pytest docs golden clean

$(BIN)/.installed-runtime: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[report]'
	touch $@

$(BIN)/.installed-dev: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(BIN)/.installed-runtime

## demo: parse the bundled sample pages, show the league table and an overview, write the site
demo: $(BIN)/.installed-runtime
	$(BIN)/cqcmodel scores $(SAMPLES)
	@echo
	$(PY) examples/overview.py $(SAMPLES)
	@echo
	$(BIN)/cqcmodel report $(SAMPLES) --out demo-site
	@echo "The sample report site is in demo-site/: open demo-site/index.html in a browser."

## test: lint, type checks, the test suite and the docs build
test: lint typecheck pytest docs

lint: $(BIN)/.installed-dev
	$(BIN)/ruff check src tests examples benchmarks docs/conf.py
	$(BIN)/ruff format --check src tests examples benchmarks docs/conf.py

typecheck: $(BIN)/.installed-dev
	$(BIN)/mypy --strict src

pytest: $(BIN)/.installed-dev
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/pytest -q -n $${PYTEST_WORKERS:-auto}

docs: $(BIN)/.installed-dev
	$(BIN)/sphinx-build -W --keep-going -n -q -b html docs docs/_build/html

## golden: rewrite tests/pages/*.json from the pages' text (then review the diff)
golden: $(BIN)/.installed-dev
	$(PY) -m tests.golden --regenerate

clean:
	rm -rf $(VENV) demo-site docs/_build .mypy_cache .ruff_cache .pytest_cache .hypothesis
