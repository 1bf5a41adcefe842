# Every target creates .venv when it is missing; installs are redone when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-quick bench snapshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/tutor

# Two pytest-xdist workers a core: most tests spend most of their time waiting (on a REPL or
# checking child, a timer, tmux, sshd, a browser), so one worker a core leaves the cores idle
# half the time (on 2 cores: 432 s with 2 workers, 297-315 s with 4; about 240 s with 4 since
# the test helpers got cheaper). `worksteal` lets an idle worker take tests from a busy one,
# and tests/conftest.py spreads the long random-key shards so that each worker starts with
# one. `make test WORKERS=1` runs them one worker a time.
WORKERS ?= $(shell echo $$(( $$(nproc) * 2 )))

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n $(WORKERS) --dist worksteal

# The suite without a real terminal, server or browser: no tmux, no sshd, no chromium (the whole
# suite is `make test`). The tests that need them carry the `terminal`, `ssh` and `browser`
# markers (registered in pyproject.toml).
test-quick: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not terminal and not ssh and not browser"

BENCHMARKS := bench/startup.py bench/keys.py bench/core.py bench/kernel.py bench/checks.py bench/plots.py bench/repl.py bench/practice.py bench/serve.py

# Each benchmark prints its own report and records its targets; bench/table.py ends with all of them.
bench: $(VENV)/.installed-test
	@results=$$(mktemp); status=0; \
	for script in $(BENCHMARKS); do echo "== $$script"; \
		TUTOR_BENCH_RESULTS=$$results $(BIN)/python $$script || status=1; done; \
	$(BIN)/python bench/table.py $$results; rm -f $$results; exit $$status

snapshots: $(VENV)/.installed-test
	$(BIN)/python -m pytest tests -k snapshot --snapshot-update

clean:
	rm -rf $(VENV) build *.egg-info
