# jobgraph: `make demo` runs the main job end to end; `make test` installs and tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DIR ?= build/demo

.PHONY: help install neo4j-install lint typecheck unit test demo clean

help:
	@echo "make demo   - install, start the local Neo4j, load the taxonomy, ingest the demo corpus"
	@echo "make test   - install, then ruff, mypy and the whole pytest suite"
	@echo "make clean  - remove the virtual environment and build outputs"
	@echo "make bench  - the CPU benchmarks end to end (bench/run_all.py, about 20 minutes)"

# The venv is reused until pyproject.toml changes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

neo4j-install: $(STAMP)
	$(BIN)/jobgraph neo4j install

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard bench)

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest tests/unit -q

test: install neo4j-install lint typecheck
	$(BIN)/pytest -q

demo: install neo4j-install
	$(BIN)/jobgraph neo4j start
	$(BIN)/jobgraph db init
	$(BIN)/jobgraph taxonomy load
	$(BIN)/jobgraph synth --demo --out $(DEMO_DIR)
	$(BIN)/jobgraph ingest resumes $(DEMO_DIR)/resumes $(DEMO_DIR)/gold/resumes --failures $(DEMO_DIR)/resume-failures.jsonl
	$(BIN)/jobgraph ingest postings $(DEMO_DIR)/postings $(DEMO_DIR)/gold/postings --failures $(DEMO_DIR)/posting-failures.jsonl
	$(BIN)/jobgraph train --fit $(DEMO_DIR)/truth/fit.jsonl
	$(BIN)/jobgraph db status
	$(BIN)/jobgraph careers mine
	$(BIN)/jobgraph careers demo
	$(BIN)/jobgraph match fit-weights $(DEMO_DIR)/truth/fit.jsonl
	$(BIN)/jobgraph apikey create --name demo --scope read,pii > $(DEMO_DIR)/api-key
	$(BIN)/jobgraph match demo --api-key "$$(cat $(DEMO_DIR)/api-key)"

.PHONY: bench
bench: install neo4j-install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build .mypy_cache .pytest_cache .ruff_cache
