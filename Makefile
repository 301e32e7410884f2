# Two commands do all set-up: `make demo` and `make test`. Both create .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
SAMPLES := examples/data
COMPILED := .venv-compiled
COMPILED_BUILD := build/compiled

.PHONY: demo test lint typecheck pytest docs compiled-check golden compiled dist clean

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

## test: lint, type checks, the test suite, the docs build and the compiled build's checks
test: lint typecheck pytest docs compiled-check

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

# The compiled build gives the same extraction output as the pure one and passes the extraction
# tests (benchmarks/compiled.py --check; no timing).
compiled-check: $(BIN)/.installed-dev $(COMPILED)/bin/.installed
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(PY) benchmarks/compiled.py --check

## compiled: install the mypyc-compiled build (private extraction modules) in .venv-compiled
## (then `python benchmarks/compiled.py` checks it gives the same results and times it)
compiled: $(COMPILED)/bin/.installed

# The build hook writes its extension modules next to the sources it compiles, so the wheel is
# built from a copy: src stays pure Python for .venv, which imports it. The copy is made outside
# the checkout, where mypy (run by the hook) reads no configuration but the hook's arguments.
$(COMPILED)/bin/.installed: pyproject.toml README.md $(shell find src -name '*.py')
	rm -rf $(COMPILED_BUILD)
	$(PYTHON) -m venv $(COMPILED)
	$(COMPILED)/bin/python -m pip install --quiet --upgrade pip
	copy=$$(mktemp -d) && cp -r pyproject.toml README.md src "$$copy" && \
	HATCH_BUILD_HOOK_ENABLE_MYPYC=1 $(COMPILED)/bin/python -m pip wheel --quiet --no-deps \
		--wheel-dir $(COMPILED_BUILD) "$$copy"; status=$$?; rm -rf "$$copy"; exit $$status
	$(COMPILED)/bin/python -m pip install --quiet --force-reinstall $(COMPILED_BUILD)/*.whl \
		'pytest>=8' 'hypothesis>=6.100' 'pytest-timeout>=2.2' 'pytest-xdist>=3.5'
	touch $@

## dist: the release files this machine builds, in dist/: the sdist, the pure-Python wheel and
## the compiled wheel for this platform and Python (the release workflow builds every
## platform's compiled wheels with cibuildwheel, as [tool.cibuildwheel] in pyproject.toml says)
dist: $(BIN)/.installed-dev $(COMPILED)/bin/.installed
	rm -rf dist
	$(PY) -m build --outdir dist .
	cp $(COMPILED_BUILD)/*.whl dist/
	@ls dist

# (and the extension modules a compiled build made in this checkout left next to the sources)
clean:
	rm -rf $(VENV) $(COMPILED) $(COMPILED_BUILD) dist demo-site docs/_build .mypy_cache .ruff_cache \
		.pytest_cache .hypothesis
	find src -name '*.so' -delete
