# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv and install what is missing (Python packages, and on Debian the few
# system libraries Qt needs, when run as root).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_STAMP := $(VENV)/.system-libs
PG_STAMP := $(VENV)/.postgresql
QT_DEBS := libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 \
           libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0

.PHONY: run test bench lint format venv system-libs postgresql clean package package-test wheel-test

run: venv
	$(BIN)/zelfscan

# The type checker first (pyproject.toml [tool.mypy]: src/, cache in .mypy_cache), then the
# suite on one worker per core (pytest-xdist): it halves on the 2-core CI machine.
# The storage, regional and CLI tests also run against a real PostgreSQL server that the
# tests start themselves (tests/pg_server.py), one per worker.
test: venv $(PG_STAMP)
	$(BIN)/mypy
	$(BIN)/python -m compileall -q src  # the tests' own app processes never compile it again
	# Bytecode and pytest's rewritten test modules are kept (a shell that forbids writing
	# them made every worker parse and rewrite all 226 test modules on every run).
	env -u PYTHONDONTWRITEBYTECODE QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto

bench: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py

lint: venv
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: venv
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

venv: $(STAMP) $(SYSTEM_STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Qt's xcb/offscreen plugins need a few shared libraries that a bare Debian lacks.
$(SYSTEM_STAMP): | $(BIN)/python
	@missing=""; for p in $(QT_DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Qt system libraries:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Missing Qt system libraries:$$missing (install them with: sudo apt-get install$$missing)"; \
	  fi; \
	fi
	touch $(SYSTEM_STAMP)

# The PostgreSQL server programs (initdb, pg_ctl) for the tests; Debian's package also creates
# the `postgres` system user the test server runs as (PostgreSQL refuses to run as root).
postgresql: $(PG_STAMP)

$(PG_STAMP): | $(BIN)/python
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; then \
	  :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing PostgreSQL (for the tests of the shared database)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends postgresql; \
	else \
	  echo "PostgreSQL is missing: its tests will be skipped (install it with: sudo apt-get install postgresql)"; \
	fi
	touch $(PG_STAMP)

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache

# --- Packaging (packaging/README.md): a frozen one-folder build and the wheel check. ---------
# PyInstaller, Pillow and build come from packaging/requirements.txt, not from the app's deps.
PACKAGING_STAMP := $(VENV)/.packaging-installed
BUNDLE := dist/zelfscan/zelfscan
BUNDLE_INPUTS := pyproject.toml packaging/zelfscan.spec packaging/zelfscan_entry.py \
                 packaging/version_info.py $(wildcard packaging/hooks/*.py packaging/icons/*) \
                 $(shell find src resources -type f -not -path '*/__pycache__/*' 2>/dev/null)

$(PACKAGING_STAMP): packaging/requirements.txt $(STAMP) $(SYSTEM_STAMP)
	$(BIN)/python -m pip install --quiet -r packaging/requirements.txt
	touch $(PACKAGING_STAMP)

# Rebuilds only when the sources, resources or the recipe changed (about a minute on 2 cores).
$(BUNDLE): $(BUNDLE_INPUTS) $(PACKAGING_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  packaging/zelfscan.spec
	touch $(BUNDLE)

package: $(BUNDLE)
	@du -sh dist/zelfscan | awk '{print "bundel: dist/zelfscan/ " $$1}'

package-test: package
	$(BIN)/python packaging/smoke_test.py

wheel-test: $(PACKAGING_STAMP)
	$(BIN)/python packaging/wheel_test.py
