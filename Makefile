# The two commands in the README: `make run` and `make test` (= `make lint`, then every test).
# Both create .venv on first use.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python

.PHONY: run test lint bench soak package package-test clean translations ts

QM := assets/translations/advocate_es.qm

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-package: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[package]'
	touch $@

# The Spanish interface: the .ts is the source (committed), the .qm is built (not committed).
$(QM): assets/translations/advocate_es.ts $(VENV)/.installed
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# After changing user-visible strings: re-extract them (new ones come in unfinished; the test
# tests/ui/test_spanish.py fails until they are translated in the .ts).
ts: $(VENV)/.installed
	$(PY) tools/fill_ts.py

run: $(VENV)/.installed $(QM)
	$(VENV)/bin/advocate-app

# ruff (lint and formatting), the import-linter contracts, and mypy ([tool.mypy] in pyproject).
lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

test: lint $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not slow" -n auto --dist worksteal --durations=15

bench: $(VENV)/.installed-test
	$(PY) -m benchmarks.run_all

soak: $(VENV)/.installed-test
	$(PY) -m benchmarks.crash_soak --rounds 50
	$(PY) -m benchmarks.keys_kill
	ADVOCATE_KILL_ROUNDS=100000 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider \
		tests/store/test_interrupted_operations.py
	ATTACK_EXAMPLES=200 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q \
		tests/reports/test_reader_attack.py -k generated_offices
	SUPPRESSION_EXAMPLES=1000 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q \
		tests/reports/test_anonymize.py -k never_shows_or_reveals

package: $(VENV)/.installed-package $(QM)
	$(PY) packaging/build.py

package-test: $(VENV)/.installed-package $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m slow tests/packaging

clean:
	rm -rf $(VENV) build dist .ruff_cache
